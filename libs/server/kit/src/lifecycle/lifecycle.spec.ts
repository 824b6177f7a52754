import type { EntityManager } from 'typeorm';
import { DomainError, RequestContext } from '@danvan/core';
import { openEmbeddedPostgres, type EmbeddedPostgres } from '@danvan/database';
import { defineLifecycle } from './lifecycle.js';

/** A small lifecycle, as an inspection visit would declare it. */
type VisitState = 'PLANNED' | 'DONE' | 'CANCELLED';
interface VisitFacts {
  findings: number;
  reason?: string;
}

const VISIT = defineLifecycle<VisitState, VisitFacts>({
  entity: 'inspection-visit',
  field: 'status',
  noTransition: (from, action) => `Chuyến kiểm tra đang ở trạng thái ${from}: không thể "${action}".`,
  transitions: [
    {
      action: 'complete',
      from: ['PLANNED'],
      to: 'DONE',
      guard: (facts) => (facts.findings ? null : 'Chưa ghi kết luận kiểm tra nào.'),
    },
    {
      action: 'cancel',
      from: ['PLANNED', 'DONE'],
      to: (facts) => (facts.findings ? 'DONE' : 'CANCELLED'),
      audit: 'cancel-visit',
      guard: (facts) =>
        facts.reason?.trim() ? null : { field: 'reason', code: 'required', message: 'Hủy chuyến kiểm tra phải ghi lý do.' },
    },
  ],
});

const refusalOf = (work: () => unknown) => {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof DomainError ? { code: error.code, fields: error.fields } : error;
  }
};

describe('lifecycles: a transition table with coded guards and one audit hook', () => {
  it('offers the actions the table allows from a state, in table order', () => {
    expect(VISIT.actionsFrom('PLANNED')).toEqual(['complete', 'cancel']);
    expect(VISIT.actionsFrom('DONE')).toEqual(['cancel']);
    expect(VISIT.actionsFrom('CANCELLED')).toEqual([]);
    expect(VISIT.allows('DONE', 'complete')).toBe(false);
  });

  it('takes a transition whose guard lets it through; the target may depend on the facts', () => {
    expect(VISIT.take('PLANNED', 'complete', { findings: 2 })).toEqual({
      action: 'complete',
      audit: 'complete',
      from: 'PLANNED',
      to: 'DONE',
    });
    expect(VISIT.take('PLANNED', 'cancel', { findings: 0, reason: 'Mưa bão' })).toMatchObject({ to: 'CANCELLED', audit: 'cancel-visit' });
  });

  it('refuses with a coded RULE: a message on the lifecycle field, or the guard own field and code', () => {
    expect(refusalOf(() => VISIT.take('PLANNED', 'complete', { findings: 0 }))).toEqual({
      code: 'RULE_VIOLATION',
      fields: [{ field: 'status', code: 'transition', message: 'Chưa ghi kết luận kiểm tra nào.' }],
    });
    expect(refusalOf(() => VISIT.take('PLANNED', 'cancel', { findings: 0 }))).toEqual({
      code: 'RULE_VIOLATION',
      fields: [{ field: 'reason', code: 'required', message: 'Hủy chuyến kiểm tra phải ghi lý do.' }],
    });
    expect(refusalOf(() => VISIT.take('CANCELLED', 'complete', { findings: 3 }))).toEqual({
      code: 'RULE_VIOLATION',
      fields: [{ field: 'status', code: 'transition', message: 'Chuyến kiểm tra đang ở trạng thái CANCELLED: không thể "complete".' }],
    });
    expect(refusalOf(() => VISIT.assertAllowed('PLANNED', 'complete'))).toBeNull();
    expect(refusalOf(() => VISIT.assertAllowed('DONE', 'complete'))).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(VISIT.refusals('PLANNED', 'complete', { findings: 1 })).toEqual([]);
  });

  describe('the audit hook', () => {
    let embedded: EmbeddedPostgres;
    beforeAll(async () => {
      embedded = await openEmbeddedPostgres({ kind: 'memory' });
      await embedded.pglite.exec(`CREATE TABLE audit_event (actor_type text, actor_id text, actor_label text, actor_unit_id text,
        scope_path text, entity text, entity_id text, action text, changes jsonb, request_id text)`);
    });
    afterAll(() => embedded.close());

    it('records every transition under the lifecycle entity with the transition audit action', async () => {
      const db = { query: async (sql: string, params?: unknown[]) => (await embedded.pglite.query(sql, params)).rows };
      const taken = VISIT.take('PLANNED', 'cancel', { findings: 0, reason: 'Mưa bão' });
      await VISIT.record(RequestContext.system().withManager(db as unknown as EntityManager), taken, {
        entityId: 'visit-1',
        scopePath: '/r/a/',
        before: { status: 'PLANNED' },
        after: { status: 'CANCELLED' },
      });
      const rows = (
        await embedded.pglite.query(`SELECT entity, entity_id AS "entityId", action, scope_path AS "scopePath" FROM audit_event`)
      ).rows;
      expect(rows).toEqual([{ entity: 'inspection-visit', entityId: 'visit-1', action: 'cancel-visit', scopePath: '/r/a/' }]);
    });
  });
});
