import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MODEL_FIELD_LABELS, MODEL_RECOGNITION_LABELS, type ModelSortField, type Page, type UnitLevel } from '@danvan/contracts';
import { assertExportable, DomainError, MAX_EXPORT_ROWS, writeUnlessUnchanged, visibleUnit, type RequestContext } from '@danvan/core';
import { assertVersion, defineAudit, type ExpectedVersion, type ListInput } from '@danvan/kit';
import { type ModelFilterValues } from './model.list.js';
import { Database, inTransaction } from '@danvan/database';
import { assembleModelCounts, holderRefusal, MODEL_RECOGNITION, yearsRefusal } from '../domain/model-rules.js';
import { MODEL_POLICY } from './model.policy.js';
import { ModelRepository, type ModelRow } from './model.repository.js';
import type { CreateModelInput, ModelResultInput, ModelEvidenceInput, RecogniseModelInput, UpdateModelInput } from './dto/model.inputs.js';
import type { ModelCountsView, ModelView } from './dto/model.views.js';
import type { RecognitionUnitRef } from '../dto/recognition-refs.js';

const MODEL = 'mô hình';

const MODEL_AUDIT = defineAudit<ModelView>({ entity: 'model-practice', scopePath: (m) => m.ownerPath, fields: modelAuditFields });

/** Most rows one Excel export may hold; beyond, narrow the filters. */

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

  constructor(
    private readonly database: Database,
    private readonly models: ModelRepository,
  ) {}

  async get(ctx: RequestContext, id: string, lock = false): Promise<ModelView> {
    const row = await this.models.find(ctx, id, lock);
    if (!row) throw DomainError.notFound(MODEL, id);
    return toView(ctx, row);
  }

  async list(ctx: RequestContext, request: ModelListRequest): Promise<Page<ModelView>> {
    const page = await this.models.page(ctx, request);
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
    const row = await this.models.unitInScope(ctx, unitId);
    if (!row) throw DomainError.notFound('đơn vị', unitId);
    return row;
  }

  async create(ctx: RequestContext, input: CreateModelInput): Promise<ModelView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const ownerUnitId = input.ownerUnitId ?? tx.caller.unitId;
      if (!ownerUnitId) throw DomainError.rule('ownerUnitId', 'required', 'Hãy chọn đơn vị quản lý mô hình.');
      const owner = await visibleUnit(tx, ownerUnitId, 'ownerUnitId', 'Đơn vị quản lý mô hình');
      DomainError.refuseIfAny([holderRefusal(input.holderKind, input.personName), yearsRefusal(input.firstYear, input.lastYear)]);
      const id = randomUUID();
      await this.models.insert(tx, id, {
        name: input.name,
        ownerUnitId,
        holderKind: input.holderKind,
        personName: input.holderKind === 'INDIVIDUAL' ? (input.personName ?? null) : null,
        field: input.field,
        level: input.level ?? owner.level,
        firstYear: input.firstYear,
        lastYear: input.lastYear ?? null,
        description: input.description ?? null,
        resultsJson: resultsJson(input.results ?? []),
        evidenceJson: evidenceJson(input.evidence ?? []),
      });
      return MODEL_AUDIT.created(tx, await this.get(tx, id));
    });
  }

  async update(ctx: RequestContext, id: string, expectedVersion: ExpectedVersion, input: UpdateModelInput): Promise<ModelView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const current = await this.get(tx, id, true);
      MODEL_POLICY.assert(tx, 'update', current);
      // Compared before the write until model.repository's writes go through updateVersioned: its conditional
      // UPDATE answers a bare false, and the 412 must name the current version (ETag).
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
      const result = await writeUnlessUnchanged(tx, current, async () => {
        const written = await this.models.update(tx, id, expectedVersion, {
          name: input.name ?? current.name,
          ownerUnitId: owner ? (input.ownerUnitId as string) : current.owner.id,
          holderKind,
          personName: personName ?? null,
          field: input.field ?? current.field,
          level,
          firstYear,
          lastYear: lastYear ?? null,
          description: input.description === undefined ? current.description : input.description,
          resultsJson: input.results ? resultsJson(input.results) : JSON.stringify(current.results),
          evidenceJson: input.evidence ? evidenceJson(input.evidence) : JSON.stringify(current.evidence),
        });
        if (!written) throw DomainError.versionConflict(MODEL, expectedVersion);
        return this.get(tx, id);
      });
      return MODEL_AUDIT.updated(tx, current, result);
    });
  }

  /** Records a change of recognition (with its date and, optionally, the deciding document) and makes it current. */
  async recognise(ctx: RequestContext, id: string, expectedVersion: number, input: RecogniseModelInput): Promise<ModelView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const current = await this.get(tx, id, true);
      MODEL_POLICY.assert(tx, 'recognise', current);
      // Compared before the write: the lifecycle's guard reads the current state, and a caller holding a stale
      // version is told to reload (412), not refused for a state it has not seen.
      assertVersion(MODEL, expectedVersion, current.version);
      const last = current.recognitionHistory.at(-1)?.recognisedOn ?? null;
      const taken = MODEL_RECOGNITION.take(current.recognition, `recognise:${input.recognition}`, {
        facts: { current: current.recognition, firstYear: current.firstYear, lastRecognisedOn: last },
        change: { to: input.recognition, recognisedOn: input.recognisedOn, note: input.note },
      });
      await this.models.assertDocumentsExist(tx, [input.documentId], 'documentId');
      const written = await this.models.recordRecognition(tx, id, expectedVersion, {
        from: current.recognition,
        to: input.recognition,
        recognisedOn: input.recognisedOn,
        documentId: input.documentId ?? null,
        note: input.note ?? null,
      });
      if (!written) throw DomainError.versionConflict(MODEL, expectedVersion);
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
    const generation = cacheable ? await this.models.countsGeneration(ctx) : undefined;
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
    const rows = await this.models.countRows(ctx, year, within?.path ?? null);
    const counts = assembleModelCounts(year, rows);
    return { ...counts, withinUnit: within && { id: within.id, name: within.name, shortName: within.shortName, level: within.level } };
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
