import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MODEL_FIELD_LABELS, MODEL_RECOGNITION_LABELS, type ModelSortField, type Page, type UnitLevel } from '@danvan/contracts';
import {
  assertExportable,
  DomainError,
  MAX_EXPORT_ROWS,
  recordAudit,
  writeUnlessUnchanged,
  SqlParams,
  visibleUnit,
  type Queryable,
  type RequestContext,
} from '@danvan/core';
import { assertVersion, type ExpectedVersion, type ListInput } from '@danvan/kit';
import { activeIn, MODEL_COLUMNS, MODEL_FROM, MODEL_LIST, type ModelFilterValues } from './model.list.js';
import { Database, inTransaction, managerOf } from '@danvan/database';
import { assembleModelCounts, holderRefusal, MODEL_RECOGNITION, yearsRefusal, type ModelCountRow } from '../domain/model-rules.js';
import { MODEL_POLICY } from './model.policy.js';
import type { CreateModelInput, ModelResultInput, ModelEvidenceInput, RecogniseModelInput, UpdateModelInput } from './dto/model.inputs.js';
import type { ModelCountsView, ModelRecognitionChangeView, ModelView } from './dto/model.views.js';
import type { RecognitionUnitRef } from '../dto/recognition-refs.js';
import { assertDocumentsExist } from '@danvan/documents';
import { allOf, pathInScope, rowCount } from '../sql-refs.js';

const MODEL = 'mô hình';

/** Most rows one Excel export may hold; beyond, narrow the filters. */

type ModelRow = Omit<ModelView, 'fieldLabel' | 'recognitionLabel' | 'recognitionHistory' | 'allowedActions'> & {
  recognitionHistory: Array<Omit<ModelRecognitionChangeView, 'recordedAt'> & { recordedAt: string }>;
};

function toView(ctx: RequestContext, row: ModelRow): ModelView {
  return {
    ...row,
    allowedActions: MODEL_POLICY.allowedActions(ctx, row),
    fieldLabel: MODEL_FIELD_LABELS[row.field],
    recognitionLabel: MODEL_RECOGNITION_LABELS[row.recognition],
    recognitionHistory: row.recognitionHistory.map((h) => ({ ...h, recordedAt: new Date(h.recordedAt) })),
  };
}

/** Plain JSON of the results and evidence (class instances → stored objects). */
const resultsJson = (results: ModelResultInput[]) =>
  JSON.stringify(results.map((r) => ({ indicator: r.indicator, value: r.value, unit: r.unit ?? null })));
const evidenceJson = (evidence: ModelEvidenceInput[]) =>
  JSON.stringify(evidence.map((e) => ({ description: e.description, url: e.url ?? null })));

/** A validated list request of models (the page defaults are applied by the list declaration, recognition.lists.ts). */
export type ModelListRequest = ListInput<ModelSortField, ModelFilterValues>;

/**
 * The register of "Dân vận khéo" model practices: units register and edit
 * their own models (emulation:submit, within their subtree); the secretariat
 * records recognition (emulation:manage); reporting counts them by level,
 * field and recognition in SQL.
 */
/** Distinct (scope, subtree, year) count results kept at most (oldest dropped first). */
const COUNTS_CACHE_MAX = 500;

@Injectable()
export class ModelService {
  /** Model counts by caller scope, subtree and year, with the generation they were computed at. */
  private readonly countsCache = new Map<string, { generation: string; value: ModelCountsView }>();

  constructor(private readonly database: Database) {}

  async get(ctx: RequestContext, id: string, lock = false): Promise<ModelView> {
    const params = new SqlParams();
    const where = allOf(`m.id = ${params.add(id)}`, MODEL_POLICY.visibleSql(ctx, params));
    const [row] = (await managerOf(this.database, ctx).query(
      `SELECT ${MODEL_COLUMNS} FROM ${MODEL_FROM} WHERE ${where}${lock ? ' FOR UPDATE OF m' : ''}`,
      params.values,
    )) as ModelRow[];
    if (!row) throw DomainError.notFound(MODEL, id);
    return toView(ctx, row);
  }

  async list(ctx: RequestContext, request: ModelListRequest): Promise<Page<ModelView>> {
    const page = await MODEL_LIST.fetch<ModelRow>(
      managerOf(this.database, ctx),
      request,
      (params) => MODEL_POLICY.visibleSql(ctx, params),
      ctx,
    );
    return { ...page, items: page.items.map((row) => toView(ctx, row)) };
  }

  /** Every model matching the list's filters, for the Excel export (more than MAX_EXPORT_ROWS is refused). */
  async exportRows(ctx: RequestContext, request: Omit<ModelListRequest, 'page' | 'pageSize'>): Promise<ModelView[]> {
    const page = await this.list(ctx, { ...request, page: 1, pageSize: MAX_EXPORT_ROWS });
    assertExportable(page, 'mô hình');
    return page.items;
  }

  /** A unit in the caller's scope, as models name it (404 otherwise). */
  async unitRef(ctx: RequestContext, unitId: string): Promise<RecognitionUnitRef & { path: string }> {
    const params = new SqlParams();
    const where = allOf(`u.id = ${params.add(unitId)}`, pathInScope(ctx, params, 'u.path'));
    const [row] = (await managerOf(this.database, ctx).query(
      `SELECT u.id, u.name, u.short_name AS "shortName", u.level, u.path FROM unit_directory u WHERE ${where}`,
      params.values,
    )) as Array<RecognitionUnitRef & { path: string }>;
    if (!row) throw DomainError.notFound('đơn vị', unitId);
    return row;
  }

  async create(ctx: RequestContext, input: CreateModelInput): Promise<ModelView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const db = managerOf(this.database, tx);
      const ownerUnitId = input.ownerUnitId ?? tx.caller.unitId;
      if (!ownerUnitId) throw DomainError.rule('ownerUnitId', 'required', 'Hãy chọn đơn vị quản lý mô hình.');
      const owner = await visibleUnit(tx, ownerUnitId, 'ownerUnitId', 'Đơn vị quản lý mô hình');
      DomainError.refuseIfAny([holderRefusal(input.holderKind, input.personName), yearsRefusal(input.firstYear, input.lastYear)]);
      const id = randomUUID();
      await db.query(
        `INSERT INTO model_practice (id, name, owner_unit_id, holder_kind, person_name, field, level, first_year, last_year, description, results, evidence)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb)`,
        [
          id,
          input.name,
          ownerUnitId,
          input.holderKind,
          input.holderKind === 'INDIVIDUAL' ? (input.personName ?? null) : null,
          input.field,
          input.level ?? owner.level,
          input.firstYear,
          input.lastYear ?? null,
          input.description ?? null,
          resultsJson(input.results ?? []),
          evidenceJson(input.evidence ?? []),
        ],
      );
      const created = await this.get(tx, id);
      await this.audit(db, tx, 'create', null, created);
      return created;
    });
  }

  async update(ctx: RequestContext, id: string, expectedVersion: ExpectedVersion, input: UpdateModelInput): Promise<ModelView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const db = managerOf(this.database, tx);
      const current = await this.get(tx, id, true);
      MODEL_POLICY.assert(tx, 'update', current);
      assertVersion(MODEL, expectedVersion, current.version);
      const ownerChanged = input.ownerUnitId !== undefined && input.ownerUnitId !== current.owner.id;
      const owner = ownerChanged ? await visibleUnit(tx, input.ownerUnitId as string, 'ownerUnitId', 'Đơn vị quản lý mô hình') : null;
      let level: UnitLevel = current.level;
      if (input.level) level = input.level;
      else if (input.level === null) level = owner?.level ?? current.owner.level;
      else if (owner) level = owner.level;
      const holderKind = input.holderKind ?? current.holderKind;
      // Switching to a collective drops the person's name unless one is sent (which is then refused).
      const personName = input.personName !== undefined ? input.personName : holderKind === 'COLLECTIVE' ? null : current.personName;
      const firstYear = input.firstYear ?? current.firstYear;
      const lastYear = input.lastYear === undefined ? current.lastYear : input.lastYear;
      DomainError.refuseIfAny([holderRefusal(holderKind, personName), yearsRefusal(firstYear, lastYear)]);
      const { after: updated, changed } = await writeUnlessUnchanged(tx, current, async () => {
        const result = (await db.query(
          `UPDATE model_practice SET name = $3, owner_unit_id = $4, holder_kind = $5, person_name = $6, field = $7, level = $8, first_year = $9, last_year = $10,
             description = $11, results = $12::jsonb, evidence = $13::jsonb, version = version + 1, updated_at = now()
           WHERE id = $1 AND version = $2 RETURNING id`,
          [
            id,
            expectedVersion,
            input.name ?? current.name,
            owner ? input.ownerUnitId : current.owner.id,
            holderKind,
            personName ?? null,
            input.field ?? current.field,
            level,
            firstYear,
            lastYear ?? null,
            input.description === undefined ? current.description : input.description,
            input.results ? resultsJson(input.results) : JSON.stringify(current.results),
            input.evidence ? evidenceJson(input.evidence) : JSON.stringify(current.evidence),
          ],
        )) as unknown[];
        if (rowCount(result) !== 1) throw DomainError.versionConflict(MODEL, expectedVersion);
        return this.get(tx, id);
      });
      if (changed) await this.audit(db, tx, 'update', current, updated);
      return updated;
    });
  }

  /** Records a change of recognition (with its date and, optionally, the deciding document) and makes it current. */
  async recognise(ctx: RequestContext, id: string, expectedVersion: number, input: RecogniseModelInput): Promise<ModelView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const db = managerOf(this.database, tx);
      const current = await this.get(tx, id, true);
      MODEL_POLICY.assert(tx, 'recognise', current);
      assertVersion(MODEL, expectedVersion, current.version);
      const last = current.recognitionHistory.at(-1)?.recognisedOn ?? null;
      const taken = MODEL_RECOGNITION.take(current.recognition, `recognise:${input.recognition}`, {
        facts: { current: current.recognition, firstYear: current.firstYear, lastRecognisedOn: last },
        change: { to: input.recognition, recognisedOn: input.recognisedOn, note: input.note },
      });
      await assertDocumentsExist(db, [input.documentId], 'documentId');
      await db.query(
        `INSERT INTO model_recognition (model_id, from_recognition, to_recognition, recognised_on, document_id, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, current.recognition, input.recognition, input.recognisedOn, input.documentId ?? null, input.note ?? null, tx.caller.label],
      );
      const result = (await db.query(
        `UPDATE model_practice SET recognition = $3, recognised_on = $4, recognition_document_id = $5, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 RETURNING id`,
        [id, expectedVersion, input.recognition, input.recognisedOn, input.documentId ?? null],
      )) as unknown[];
      if (rowCount(result) !== 1) throw DomainError.versionConflict(MODEL, expectedVersion);
      const updated = await this.get(tx, id);
      await MODEL_RECOGNITION.record(tx, taken, {
        entityId: updated.id,
        scopePath: updated.ownerPath,
        before: modelAuditFields(current),
        after: modelAuditFields(updated),
      });
      return updated;
    });
  }

  /**
   * Models running in `year` in the subtree of `withinUnitId` (default: the
   * caller's whole scope), counted in one SQL statement with GROUPING SETS: in
   * all, by level, by field and by recognition, and level × recognition, field ×
   * recognition. A model counts with the recognition it had at the end of the
   * year (its latest change dated on or before 31/12), so a year's figures do
   * not move when models are recognised later.
   */
  async counts(ctx: RequestContext, year: number, withinUnitId?: string | null): Promise<ModelCountsView> {
    const within = withinUnitId ? await this.unitRef(ctx, withinUnitId) : null;
    // Outside a transaction, counts computed at the current generation are served again (see the migration
    // 1764000000510); inside one, its own uncommitted changes must count, so nothing is cached.
    const cacheable = !ctx.manager;
    const key = `${ctx.caller.scopePath ?? '*'}|${within?.id ?? '*'}|${year}`;
    const generation = cacheable
      ? (
          (await managerOf(this.database, ctx).query(
            `SELECT generation::text AS generation FROM model_counts_generation WHERE id = 1`,
          )) as Array<{ generation: string }>
        )[0]?.generation
      : undefined;
    const cached = generation ? this.countsCache.get(key) : undefined;
    if (cached && cached.generation === generation) return cached.value;
    const value = await this.computeCounts(ctx, year, within);
    if (generation) {
      if (this.countsCache.size >= COUNTS_CACHE_MAX) this.countsCache.delete(this.countsCache.keys().next().value as string);
      this.countsCache.set(key, { generation, value });
    }
    return value;
  }

  private async computeCounts(
    ctx: RequestContext,
    year: number,
    within: (RecognitionUnitRef & { path: string }) | null,
  ): Promise<ModelCountsView> {
    const params = new SqlParams();
    const y = `${params.add(year)}::int`;
    let subtree: string | null = null;
    if (within) {
      const p = params.add(within.path);
      subtree = `ou.path >= ${p} AND ou.path < ${p} || '~'`;
    }
    const where = allOf(activeIn(y), MODEL_POLICY.visibleSql(ctx, params), subtree);
    const rows = (await managerOf(this.database, ctx).query(
      `WITH counted AS (
         SELECT m.level, m.field,
                COALESCE((SELECT r.to_recognition FROM model_recognition r
                          WHERE r.model_id = m.id AND r.recognised_on <= make_date(${y}, 12, 31)
                          ORDER BY r.recognised_on DESC, r.seq DESC LIMIT 1), 'REGISTERED') AS recognition
         FROM ${MODEL_FROM} WHERE ${where}
       )
       SELECT level, field, recognition,
              GROUPING(level) AS "groupedLevel", GROUPING(field) AS "groupedField", GROUPING(recognition) AS "groupedRecognition",
              count(*)::int AS count
       FROM counted
       GROUP BY GROUPING SETS ((), (level), (field), (recognition), (level, recognition), (field, recognition))`,
      params.values,
    )) as ModelCountRow[];
    const counts = assembleModelCounts(year, rows);
    return { ...counts, withinUnit: within && { id: within.id, name: within.name, shortName: within.shortName, level: within.level } };
  }

  private async audit(db: Queryable, tx: RequestContext, action: string, before: ModelView | null, after: ModelView): Promise<void> {
    await recordAudit(tx, {
      entity: 'model-practice',
      entityId: after.id,
      action,
      scopePath: after.ownerPath,
      before: before && modelAuditFields(before),
      after: modelAuditFields(after),
    });
  }
}

/** What the audit trail keeps of a model. */
function modelAuditFields(m: ModelView): Record<string, unknown> {
  return {
    name: m.name,
    ownerUnitId: m.owner.id,
    holderKind: m.holderKind,
    personName: m.personName,
    field: m.field,
    level: m.level,
    firstYear: m.firstYear,
    lastYear: m.lastYear,
    recognition: m.recognition,
    recognisedOn: m.recognisedOn,
    recognitionDocument: m.recognitionDocument?.number ?? null,
    description: m.description,
    results: m.results,
    evidence: m.evidence,
  };
}
