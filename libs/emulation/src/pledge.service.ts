import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  PLEDGE_STATUS_LABELS,
  maximumTotal,
  scorableItems,
  type CriteriaSetContent,
  type Page,
  type PledgeStatus,
} from '@danvan/contracts';
import {
  DomainError,
  groupBy,
  recordAudit,
  writeUnlessUnchanged,
  SqlParams,
  translatePgErrors,
  visibleUnit,
  type Queryable,
  type RequestContext,
} from '@danvan/core';
import { Database, inTransaction, managerOf } from '@danvan/database';
import { BlocService } from './bloc.service.js';
import { checkCriteriaSet } from './domain/criteria-set.js';
import { PLEDGE_LIFECYCLE, type PledgeFacts } from './domain/pledge-lifecycle.js';
import { PLEDGE_POLICY, REGISTRATION_POLICY } from './pledges/pledge.policy.js';
import { assertVersion, type ListInput, type TakenTransition } from '@danvan/kit';
import { CRITERIA_SET_JSON, PLEDGE_COLUMNS, PLEDGE_FROM, PLEDGE_LIST, type PledgeFilter, type PledgeSortField } from './emulation.lists.js';
import type { CreatePledgeInput, CriteriaSetInput, RegistrationInput, SignPledgeInput, UpdatePledgeInput } from './dto/emulation.inputs.js';
import type { CriteriaSetView, PledgeProgressView, PledgeView, RegistrationView, UnitRef } from './dto/emulation.views.js';
import { assertDocumentsExist, replaceDocumentLinks } from '@danvan/documents';
import { rowCount, unitRefJson } from './sql-refs.js';

const PLEDGE = 'giao ước thi đua';
const REGISTRATION = 'bản đăng ký chỉ tiêu';

interface CriteriaSetRow {
  id: string;
  number: number;
  content: CriteriaSetContent;
  maxTotal: number;
  createdBy: string;
  createdAt: string;
}

type PledgeRow = Omit<PledgeView, 'criteriaSet' | 'statusLabel' | 'allowedActions'> & { criteriaSetRow: CriteriaSetRow | null };

const REGISTRATION_COLUMNS = `r.id, r.pledge_id AS "pledgeId", ${unitRefJson('ru')} AS unit, r.targets, r.breakthrough_tasks AS "breakthroughTasks",
  r.version, r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

interface SignatoryProgress {
  unit: UnitRef;
  registered: boolean;
  sheetStatus: string | null;
}

/** Who has registered, submitted and been accepted, from the signatories' rows (in name order). */
function progressOfSignatories(rows: SignatoryProgress[]): PledgeProgressView {
  const submitted = rows.filter((r) => r.sheetStatus === 'SUBMITTED' || r.sheetStatus === 'ACCEPTED');
  return {
    signatories: rows.length,
    registered: rows.filter((r) => r.registered).length,
    notRegistered: rows.filter((r) => !r.registered).map((r) => r.unit),
    submitted: submitted.length,
    notSubmitted: rows.filter((r) => !submitted.includes(r)).map((r) => r.unit),
    accepted: rows.filter((r) => r.sheetStatus === 'ACCEPTED').length,
  };
}

function criteriaSetView(row: CriteriaSetRow | null): CriteriaSetView | null {
  if (!row) return null;
  return {
    ...row.content,
    id: row.id,
    number: row.number,
    maxTotal: Number(row.maxTotal),
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt),
  };
}

function toView(ctx: RequestContext, row: PledgeRow): PledgeView {
  const { criteriaSetRow, ...rest } = row;
  return {
    ...rest,
    statusLabel: PLEDGE_STATUS_LABELS[row.status],
    criteriaSet: criteriaSetView(criteriaSetRow),
    allowedActions: PLEDGE_POLICY.allowedActions(ctx, row),
  };
}

/** The plain content of a criteria set input (class instances → JSON-ready objects). */
function contentOf(input: CriteriaSetInput): CriteriaSetContent {
  const item = (i: { code: string; title: string; maxScore: number }) => ({ code: i.code, title: i.title, maxScore: i.maxScore });
  return {
    groups: input.groups.map((g) => ({
      code: g.code,
      title: g.title,
      criteria: g.criteria.map((c) => (c.subCriteria?.length ? { ...item(c), subCriteria: c.subCriteria.map(item) } : item(c))),
    })),
    bonusItems: (input.bonusItems ?? []).map(item),
    bonusCap: input.bonusCap ?? 0,
    deductionItems: (input.deductionItems ?? []).map(item),
    deductionCap: input.deductionCap ?? 0,
    bands: input.bands.map((b) => ({ name: b.name, minScore: b.minScore })),
  };
}

const CONSTRAINT_ERRORS = {
  pledge_bloc_key: () => DomainError.duplicate('blocId', 'Khối thi đua này đã có giao ước.'),
  pledge_registration_key: () =>
    new DomainError('VERSION_CONFLICT', 'Đơn vị vừa được người khác đăng ký chỉ tiêu. Hãy tải lại và sửa trên bản mới nhất.'),
};

/**
 * Pledges (giao ước thi đua): a bloc's yearly pledge, its cited documents,
 * versioned criteria sets, signing and lifecycle, and the signatories'
 * registrations. The bloc's managing unit runs it (emulation:manage); each
 * signatory registers for itself (emulation:submit).
 */
@Injectable()
export class PledgeService {
  constructor(
    private readonly database: Database,
    private readonly blocs: BlocService,
  ) {}

  async get(ctx: RequestContext, id: string, lock = false): Promise<PledgeView> {
    const db = managerOf(this.database, ctx);
    // Locked first, then read in a new statement: a view read in the locking statement would see its
    // subqueries (criteria set, signatories) as of before a concurrent change it had waited for.
    if (lock) await db.query(`SELECT 1 FROM pledge WHERE id = $1 FOR UPDATE`, [id]);
    const params = new SqlParams();
    const where = [`p.id = ${params.add(id)}`, PLEDGE_POLICY.visibleSql(ctx, params)].filter(Boolean).join(' AND ');
    const [row] = (await db.query(`SELECT ${PLEDGE_COLUMNS} FROM ${PLEDGE_FROM} WHERE ${where}`, params.values)) as PledgeRow[];
    if (!row) throw DomainError.notFound(PLEDGE, id);
    return toView(ctx, row);
  }

  async list(ctx: RequestContext, options: ListInput<PledgeSortField, PledgeFilter>): Promise<Page<PledgeView>> {
    const page = await PLEDGE_LIST.fetch<PledgeRow>(
      managerOf(this.database, ctx),
      options,
      (params) => PLEDGE_POLICY.visibleSql(ctx, params),
      ctx,
    );
    return { ...page, items: page.items.map((row) => toView(ctx, row)) };
  }

  /**
   * The pledge of each of these blocs (a bloc has at most one, `pledge_bloc_key`), keyed by bloc id, in one
   * statement, for a GraphQL page of blocs the caller has read; a bloc without a pledge is absent.
   */
  async ofBlocs(ctx: RequestContext, blocIds: readonly string[]): Promise<Map<string, PledgeView>> {
    const params = new SqlParams();
    const where = [`p.bloc_id = ANY(${params.add(blocIds)}::uuid[])`, PLEDGE_POLICY.visibleSql(ctx, params)].filter(Boolean).join(' AND ');
    const rows = (await managerOf(this.database, ctx).query(
      `SELECT ${PLEDGE_COLUMNS} FROM ${PLEDGE_FROM} WHERE ${where}`,
      params.values,
    )) as PledgeRow[];
    return new Map(rows.map((row) => [row.blocId, toView(ctx, row)]));
  }

  /** Every version of the pledge's criteria set, newest first. */
  async criteriaVersions(ctx: RequestContext, pledgeId: string): Promise<CriteriaSetView[]> {
    await this.get(ctx, pledgeId);
    return (await this.criteriaVersionsOf(ctx, [pledgeId])).get(pledgeId) ?? [];
  }

  /** Criteria versions of pledges the caller has read (a GraphQL page), newest first, in one statement. */
  async criteriaVersionsOf(ctx: RequestContext, pledgeIds: readonly string[]): Promise<Map<string, CriteriaSetView[]>> {
    const rows = (await managerOf(this.database, ctx).query(
      `SELECT c.pledge_id AS "pledgeId", ${CRITERIA_SET_JSON('c')} AS row FROM criteria_set c WHERE c.pledge_id = ANY($1::uuid[]) ORDER BY c.number DESC`,
      [pledgeIds],
    )) as Array<{ pledgeId: string; row: CriteriaSetRow }>;
    const versions = groupBy(rows, (r) => r.pledgeId);
    return new Map([...versions].map(([id, list]) => [id, list.map((r) => criteriaSetView(r.row) as CriteriaSetView)]));
  }

  async create(ctx: RequestContext, input: CreatePledgeInput): Promise<PledgeView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const db = managerOf(this.database, tx);
      await this.blocs.editable(tx, input.blocId, 'createPledge');
      assertBreakthroughRange(input.breakthroughMin ?? null, input.breakthroughMax ?? null);
      const id = randomUUID();
      await translatePgErrors(
        () =>
          db.query(`INSERT INTO pledge (id, bloc_id, title, breakthrough_min, breakthrough_max) VALUES ($1, $2, $3, $4, $5)`, [
            id,
            input.blocId,
            input.title,
            input.breakthroughMin ?? null,
            input.breakthroughMax ?? null,
          ]),
        CONSTRAINT_ERRORS,
      );
      await assertDocumentsExist(db, input.documentIds ?? [], 'documentIds');
      await replaceDocumentLinks(db, 'pledge_document', 'pledge_id', id, input.documentIds ?? []);
      if (input.criteria) await this.addCriteriaVersion(tx, db, id, contentOf(input.criteria));
      const created = await this.get(tx, id);
      await this.audit(tx, 'create', null, created);
      return created;
    });
  }

  async update(ctx: RequestContext, id: string, expectedVersion: number, input: UpdatePledgeInput): Promise<PledgeView> {
    return this.change(ctx, id, expectedVersion, 'update', 'update', async (tx, db, current) => {
      if (current.status === 'FINALISED') throw DomainError.rule('status', 'finalised', 'Giao ước đã tổng kết: không thể sửa.');
      const min = input.breakthroughMin === undefined ? current.breakthroughMin : input.breakthroughMin;
      const max = input.breakthroughMax === undefined ? current.breakthroughMax : input.breakthroughMax;
      const rangeChanged = min !== current.breakthroughMin || max !== current.breakthroughMax;
      if (rangeChanged && current.status !== 'DRAFT' && current.status !== 'SIGNED') {
        throw DomainError.rule('breakthroughMin', 'registrationStarted', 'Đã mở đăng ký chỉ tiêu: không thể đổi số nhiệm vụ đột phá.');
      }
      assertBreakthroughRange(min, max);
      await db.query(`UPDATE pledge SET title = $2, breakthrough_min = $3, breakthrough_max = $4 WHERE id = $1`, [
        id,
        input.title ?? current.title,
        min,
        max,
      ]);
      if (input.documentIds) {
        await assertDocumentsExist(db, input.documentIds, 'documentIds');
        await replaceDocumentLinks(db, 'pledge_document', 'pledge_id', id, input.documentIds);
      }
    });
  }

  /**
   * Adopts a new version of the criteria set. Earlier versions stay as they
   * were. Not once a unit has started scoring: every sheet of a pledge is scored
   * against the same version, or the ranking would compare different scales.
   */
  async setCriteria(ctx: RequestContext, id: string, expectedVersion: number, input: CriteriaSetInput): Promise<PledgeView> {
    return this.change(ctx, id, expectedVersion, 'set-criteria', 'setCriteria', async (tx, db, current) => {
      if (current.status === 'UNDER_REVIEW' || current.status === 'FINALISED') {
        throw DomainError.rule(
          'status',
          'reviewStarted',
          `Giao ước đang ở bước "${PLEDGE_STATUS_LABELS[current.status]}": không thể thay đổi bảng tiêu chí.`,
        );
      }
      const [scoring] = (await db.query(`SELECT count(*)::int AS sheets FROM score_sheet WHERE pledge_id = $1`, [id])) as Array<{
        sheets: number;
      }>;
      if (scoring.sheets > 0) {
        throw DomainError.rule(
          'status',
          'scoringStarted',
          `${scoring.sheets} đơn vị đã bắt đầu chấm điểm theo bảng tiêu chí hiện hành: không thể thay đổi bảng tiêu chí nữa (mọi đơn vị phải chấm theo cùng một bảng).`,
        );
      }
      await this.addCriteriaVersion(tx, db, id, contentOf(input));
    });
  }

  /** Signs the pledge: date, event, place and signatories (members of the bloc; default all of them). */
  async sign(ctx: RequestContext, id: string, expectedVersion: number, input: SignPledgeInput): Promise<PledgeView> {
    return this.change(ctx, id, expectedVersion, 'sign', 'sign', async (tx, db, current) => {
      // The step must be the next one now; its guard is checked once the signing is written (moveTo).
      PLEDGE_LIFECYCLE.assertAllowed(current.status, 'sign');
      // Shares the bloc's lock with a concurrent change of its members (which locks it FOR UPDATE).
      await db.query(`SELECT 1 FROM emulation_bloc WHERE id = $1 FOR SHARE`, [current.blocId]);
      const bloc = await this.blocs.get(tx, current.blocId);
      const memberIds = bloc.members.map((m) => m.id);
      const signatoryIds = input.signatoryIds ?? memberIds;
      const outside = signatoryIds.filter((unitId) => !memberIds.includes(unitId));
      if (outside.length)
        throw DomainError.rule('signatoryIds', 'notMember', `${outside.length} đơn vị ký không phải thành viên của khối "${bloc.name}".`);
      await db.query(`DELETE FROM pledge_signatory WHERE pledge_id = $1`, [id]);
      await db.query(`INSERT INTO pledge_signatory (pledge_id, unit_id) SELECT $1, unnest($2::uuid[])`, [id, signatoryIds]);
      await db.query(`UPDATE pledge SET signed_on = $2, signing_event = $3, signing_place = $4 WHERE id = $1`, [
        id,
        input.signedOn,
        input.signingEvent,
        input.signingPlace ?? null,
      ]);
      return this.moveTo(db, { ...current, signedOn: input.signedOn, signingEvent: input.signingEvent }, 'sign');
    });
  }

  /** Moves the pledge one step on (registration, scoring, review, final), when the step before is complete. */
  async advance(ctx: RequestContext, id: string, expectedVersion: number, to: PledgeStatus): Promise<PledgeView> {
    return this.change(ctx, id, expectedVersion, 'advance', 'advance', async (_tx, db, current) => {
      if (to === 'SIGNED')
        throw DomainError.rule(
          'status',
          'useSign',
          'Hãy dùng thao tác ký kết (ngày, sự kiện, đơn vị ký) để chuyển giao ước sang "Đã ký kết".',
        );
      return this.moveTo(db, current, `advance:${to}`);
    });
  }

  /** Registrations the caller may see: of units in its subtree, or all when it manages the bloc. */
  async registrations(ctx: RequestContext, pledgeId: string): Promise<RegistrationView[]> {
    const pledge = await this.get(ctx, pledgeId);
    return (await this.registrationsOf(ctx, [pledge])).get(pledgeId) ?? [];
  }

  /**
   * Registrations of pledges the caller has read, in one statement: all of them
   * where the caller manages the bloc, otherwise those of units in its subtree.
   */
  async registrationsOf(ctx: RequestContext, pledges: readonly PledgeView[]): Promise<Map<string, RegistrationView[]>> {
    const byId = new Map(pledges.map((p) => [p.id, p]));
    const rows = (await managerOf(this.database, ctx).query(
      `SELECT ${REGISTRATION_COLUMNS}, ru.path AS "unitPath" FROM pledge_registration r JOIN unit_directory ru ON ru.id = r.unit_id
       WHERE r.pledge_id = ANY($1::uuid[]) ORDER BY ru.name, ru.id`,
      [pledges.map((p) => p.id)],
    )) as Array<RegistrationView & { unitPath: string }>;
    const visible = rows
      .filter((r) => REGISTRATION_POLICY.canSee(ctx, { ownerPath: (byId.get(r.pledgeId) as PledgeView).ownerPath, unitPath: r.unitPath }))
      .map(({ unitPath: _unitPath, ...r }) => r);
    return groupBy(visible, (r) => r.pledgeId);
  }

  async registration(ctx: RequestContext, pledgeId: string, unitId: string): Promise<RegistrationView> {
    const found = (await this.registrations(ctx, pledgeId)).find((r) => r.unit.id === unitId);
    if (!found) throw DomainError.notFound('bản đăng ký chỉ tiêu của đơn vị', unitId);
    return found;
  }

  /**
   * A signatory registers (or re-registers) its targets while registration is
   * open. `expectedVersion`: null for the first registration, else the version read.
   */
  async register(
    ctx: RequestContext,
    pledgeId: string,
    unitId: string,
    expectedVersion: number | null,
    input: RegistrationInput,
  ): Promise<RegistrationView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const db = managerOf(this.database, tx);
      const pledge = await this.get(tx, pledgeId, true);
      await visibleUnit(tx, unitId, 'unitId', 'Đơn vị đăng ký');
      if (!pledge.signatories.some((s) => s.id === unitId))
        throw DomainError.rule('unitId', 'notSignatory', 'Đơn vị này không ký giao ước nên không đăng ký chỉ tiêu.');
      if (pledge.status !== 'REGISTRATION_OPEN') {
        throw DomainError.rule(
          'status',
          'registrationClosed',
          `Giao ước đang ở bước "${pledge.statusLabel}": chỉ đăng ký chỉ tiêu khi đang mở đăng ký.`,
        );
      }
      const tasks = input.breakthroughTasks ?? [];
      if (
        pledge.breakthroughMin !== null &&
        pledge.breakthroughMax !== null &&
        (tasks.length < pledge.breakthroughMin || tasks.length > pledge.breakthroughMax)
      ) {
        throw DomainError.rule(
          'breakthroughTasks',
          'count',
          `Giao ước yêu cầu đăng ký từ ${pledge.breakthroughMin} đến ${pledge.breakthroughMax} nhiệm vụ đột phá (đã gửi ${tasks.length}).`,
        );
      }
      const targets = JSON.stringify(input.targets.map((t) => ({ title: t.title, measure: t.measure ?? null })));
      const [existing] = (await db.query(`SELECT id, version FROM pledge_registration WHERE pledge_id = $1 AND unit_id = $2 FOR UPDATE`, [
        pledgeId,
        unitId,
      ])) as Array<{ id: string; version: number }>;
      const before = existing ? await this.registration(tx, pledgeId, unitId) : null;
      DomainError.refuseVersionMismatch(REGISTRATION, expectedVersion, existing?.version ?? null);
      if (existing) {
        const { after, changed } = await writeUnlessUnchanged(tx, before as RegistrationView, async () => {
          await db.query(
            `UPDATE pledge_registration SET targets = $2::jsonb, breakthrough_tasks = $3::jsonb, version = version + 1, updated_at = now() WHERE id = $1`,
            [existing.id, targets, JSON.stringify(tasks)],
          );
          return this.registration(tx, pledgeId, unitId);
        });
        // The same targets and tasks again: answered as they are, same version, no audit event.
        if (!changed) return after;
      } else {
        await translatePgErrors(
          () =>
            db.query(
              `INSERT INTO pledge_registration (pledge_id, unit_id, targets, breakthrough_tasks) VALUES ($1, $2, $3::jsonb, $4::jsonb)`,
              [pledgeId, unitId, targets, JSON.stringify(tasks)],
            ),
          CONSTRAINT_ERRORS,
        );
      }
      const saved = await this.registration(tx, pledgeId, unitId);
      const fields = (r: RegistrationView) => ({ targets: r.targets, breakthroughTasks: r.breakthroughTasks });
      const [unit] = (await db.query(`SELECT path FROM unit_directory WHERE id = $1`, [unitId])) as Array<{ path: string }>;
      await recordAudit(tx, {
        entity: 'pledge-registration',
        entityId: saved.id,
        action: before ? 'update' : 'create',
        scopePath: unit.path,
        before: before && fields(before),
        after: fields(saved),
      });
      return saved;
    });
  }

  /** Who has not registered yet, who has not submitted its scores, how many reviews are done. */
  async progress(ctx: RequestContext, pledgeId: string): Promise<PledgeProgressView> {
    const pledge = await this.get(ctx, pledgeId);
    return (await this.progressOf(ctx, [pledge.id])).get(pledge.id) ?? progressOfSignatories([]);
  }

  /** Progress of pledges the caller has read (a GraphQL page), in one statement. */
  async progressOf(ctx: RequestContext, pledgeIds: readonly string[]): Promise<Map<string, PledgeProgressView>> {
    const rows = (await managerOf(this.database, ctx).query(
      `SELECT s.pledge_id AS "pledgeId", ${unitRefJson('u')} AS unit,
         EXISTS (SELECT 1 FROM pledge_registration r WHERE r.pledge_id = s.pledge_id AND r.unit_id = s.unit_id) AS registered,
         (SELECT ss.status FROM score_sheet ss WHERE ss.pledge_id = s.pledge_id AND ss.unit_id = s.unit_id) AS "sheetStatus"
       FROM pledge_signatory s JOIN unit_directory u ON u.id = s.unit_id WHERE s.pledge_id = ANY($1::uuid[]) ORDER BY u.name, u.id`,
      [pledgeIds],
    )) as Array<SignatoryProgress & { pledgeId: string }>;
    const bySignatories = groupBy(rows, (r) => r.pledgeId);
    return new Map(pledgeIds.map((id) => [id, progressOfSignatories(bySignatories.get(id) ?? [])]));
  }

  /**
   * One managed change of a pledge: lock, PLEDGE_POLICY's check of `policyAction`, check the version, `work`,
   * bump the version, audit (through PLEDGE_LIFECYCLE when `work` took a transition).
   */
  private async change(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    action: string,
    policyAction: 'update' | 'setCriteria' | 'sign' | 'advance',
    work: (tx: RequestContext, db: Queryable, current: PledgeView) => Promise<TakenTransition<PledgeStatus> | void>,
  ): Promise<PledgeView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const db = managerOf(this.database, tx);
      const current = await this.get(tx, id, true);
      PLEDGE_POLICY.assert(tx, policyAction, current);
      assertVersion(PLEDGE, expectedVersion, current.version);
      let taken: TakenTransition<PledgeStatus> | void = undefined;
      const { after: updated, changed } = await writeUnlessUnchanged(tx, current, async () => {
        taken = await work(tx, db, current);
        const result = (await db.query(
          `UPDATE pledge SET version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING id`,
          [id, expectedVersion],
        )) as unknown[];
        if (rowCount(result) !== 1) throw DomainError.versionConflict(PLEDGE, expectedVersion);
        return this.get(tx, id);
      });
      if (changed && taken) {
        await PLEDGE_LIFECYCLE.record(tx, taken, {
          entityId: updated.id,
          scopePath: updated.ownerPath,
          before: auditFields(current),
          after: auditFields(updated),
        });
      } else if (changed) await this.audit(tx, action, current, updated);
      return updated;
    });
  }

  private async addCriteriaVersion(tx: RequestContext, db: Queryable, pledgeId: string, content: CriteriaSetContent): Promise<void> {
    DomainError.refuseIfAny(checkCriteriaSet(content).map((e) => ({ ...e, field: `criteria.${e.field}` })));
    await db.query(
      `INSERT INTO criteria_set (pledge_id, number, content, max_total, created_by)
       SELECT $1, COALESCE(max(number), 0) + 1, $2::jsonb, $3, $4 FROM criteria_set WHERE pledge_id = $1`,
      [pledgeId, JSON.stringify(content), maximumTotal(content), tx.caller.label],
    );
  }

  private async facts(
    db: Queryable,
    pledge: Pick<PledgeView, 'id' | 'status' | 'blocId' | 'signedOn' | 'signingEvent' | 'criteriaSet'>,
  ): Promise<PledgeFacts> {
    const [row] = (await db.query(
      `SELECT (SELECT count(*) FROM pledge_signatory s WHERE s.pledge_id = $1)::int AS signatories,
              (SELECT count(*) FROM pledge_signatory s WHERE s.pledge_id = $1
                 AND NOT EXISTS (SELECT 1 FROM emulation_bloc_member m WHERE m.bloc_id = $2 AND m.unit_id = s.unit_id))::int AS outside,
              (SELECT count(*) FROM pledge_registration r WHERE r.pledge_id = $1)::int AS registered,
              (SELECT count(*) FROM score_sheet ss WHERE ss.pledge_id = $1 AND ss.status IN ('SUBMITTED', 'ACCEPTED'))::int AS submitted,
              (SELECT count(*) FROM score_sheet ss WHERE ss.pledge_id = $1 AND ss.status = 'ACCEPTED')::int AS accepted`,
      [pledge.id, pledge.blocId],
    )) as Array<{ signatories: number; outside: number; registered: number; submitted: number; accepted: number }>;
    return {
      status: pledge.status,
      scorableItems: pledge.criteriaSet ? scorableItems(pledge.criteriaSet).length : 0,
      signatories: row.signatories,
      signatoriesOutsideBloc: row.outside,
      signedOn: pledge.signedOn,
      signingEvent: pledge.signingEvent,
      registered: row.registered,
      scoresSubmitted: row.submitted,
      reviewsAccepted: row.accepted,
    };
  }

  /** Takes a PLEDGE_LIFECYCLE transition (its guard refuses while the step before is incomplete). */
  private async moveTo(db: Queryable, pledge: PledgeView, action: string): Promise<TakenTransition<PledgeStatus>> {
    const taken = PLEDGE_LIFECYCLE.take(pledge.status, action, await this.facts(db, pledge));
    await db.query(`UPDATE pledge SET status = $2 WHERE id = $1`, [pledge.id, taken.to]);
    return taken;
  }

  private async audit(tx: RequestContext, action: string, before: PledgeView | null, after: PledgeView): Promise<void> {
    await recordAudit(tx, {
      entity: 'pledge',
      entityId: after.id,
      action,
      scopePath: after.ownerPath,
      before: before && auditFields(before),
      after: auditFields(after),
    });
  }
}

function assertBreakthroughRange(min: number | null, max: number | null): void {
  if ((min === null) !== (max === null))
    throw DomainError.rule(
      'breakthroughMax',
      'range',
      'Hãy ghi cả số nhiệm vụ đột phá tối thiểu và tối đa (ví dụ 3 đến 5), hoặc bỏ trống cả hai.',
    );
  if (min !== null && max !== null && min > max)
    throw DomainError.rule('breakthroughMax', 'range', 'Số nhiệm vụ đột phá tối đa phải lớn hơn hoặc bằng số tối thiểu.');
}

/** What the audit trail keeps of a pledge. */
function auditFields(p: PledgeView): Record<string, unknown> {
  return {
    title: p.title,
    status: p.status,
    breakthroughMin: p.breakthroughMin,
    breakthroughMax: p.breakthroughMax,
    signedOn: p.signedOn,
    signingEvent: p.signingEvent,
    signingPlace: p.signingPlace,
    documents: p.documents.map((d) => d.number),
    signatories: p.signatories.map((s) => s.id),
    criteriaSetNumber: p.criteriaSet?.number ?? null,
  };
}
