import { Injectable } from '@nestjs/common';
import type { ModelField, ModelRecognition, ModelSortField, Page, RecipientKind, UnitLevel } from '@danvan/contracts';
import { SqlParams, type RequestContext } from '@danvan/core';
import { Database, managerOf } from '@danvan/database';
import { assertDocumentsExist } from '@danvan/documents';
import type { ListInput } from '@danvan/kit';
import type { ModelCountRow } from '../domain/model-rules.js';
import type { RecognitionUnitRef } from '../dto/recognition-refs.js';
import { allOf, pathInScope, rowCount } from '../sql-refs.js';
import type { ModelRecognitionChangeView, ModelView } from './dto/model.views.js';
import { activeIn, MODEL_COLUMNS, MODEL_FROM, MODEL_LIST, type ModelFilterValues } from './model.list.js';
import { MODEL_POLICY } from './model.policy.js';

/** A model as its SQL reads it: the view without what the service derives (labels, allowed actions, dates as Date). */
export type ModelRow = Omit<ModelView, 'fieldLabel' | 'recognitionLabel' | 'recognitionHistory' | 'allowedActions'> & {
  recognitionHistory: Array<Omit<ModelRecognitionChangeView, 'recordedAt'> & { recordedAt: string }>;
};

/** The written columns of a model (results and evidence as JSON text). */
export interface ModelColumns {
  name: string;
  ownerUnitId: string;
  holderKind: RecipientKind;
  personName: string | null;
  field: ModelField;
  level: UnitLevel;
  firstYear: number;
  lastYear: number | null;
  description: string | null;
  resultsJson: string;
  evidenceJson: string;
}

/** The written columns of a model after its id, in the order of model_practice's INSERT and UPDATE statements below. */
const columnValues = (m: ModelColumns) => [
  m.name,
  m.ownerUnitId,
  m.holderKind,
  m.personName,
  m.field,
  m.level,
  m.firstYear,
  m.lastYear,
  m.description,
  m.resultsJson,
  m.evidenceJson,
];

/** A change of recognition: the history row and the model's current recognition. */
export interface RecognitionChange {
  from: ModelRecognition;
  to: ModelRecognition;
  recognisedOn: string;
  documentId: string | null;
  note: string | null;
}

/**
 * All SQL of the model register (`model_practice`, `model_recognition`, `model_counts_generation`):
 * every method takes the request context and queries through its transaction when it has one.
 */
@Injectable()
export class ModelRepository {
  constructor(private readonly database: Database) {}

  /** The model, if the caller sees it; `lock` takes FOR UPDATE OF the model row. */
  async find(ctx: RequestContext, id: string, lock = false): Promise<ModelRow | undefined> {
    const params = new SqlParams();
    const where = allOf(`m.id = ${params.add(id)}`, MODEL_POLICY.visibleSql(ctx, params));
    const [row] = (await managerOf(this.database, ctx).query(
      `SELECT ${MODEL_COLUMNS} FROM ${MODEL_FROM} WHERE ${where}${lock ? ' FOR UPDATE OF m' : ''}`,
      params.values,
    )) as ModelRow[];
    return row;
  }

  /** A page of the models the caller sees (the list declaration, model.list.ts). */
  page(ctx: RequestContext, request: ListInput<ModelSortField, ModelFilterValues>): Promise<Page<ModelRow>> {
    return MODEL_LIST.fetch<ModelRow>(managerOf(this.database, ctx), request, (params) => MODEL_POLICY.visibleSql(ctx, params), ctx);
  }

  /** A unit in the caller's scope, as models name it. */
  async unitInScope(ctx: RequestContext, unitId: string): Promise<(RecognitionUnitRef & { path: string }) | undefined> {
    const params = new SqlParams();
    const where = allOf(`u.id = ${params.add(unitId)}`, pathInScope(ctx, params, 'u.path'));
    const [row] = (await managerOf(this.database, ctx).query(
      `SELECT u.id, u.name, u.short_name AS "shortName", u.level, u.path FROM unit_directory u WHERE ${where}`,
      params.values,
    )) as Array<RecognitionUnitRef & { path: string }>;
    return row;
  }

  async insert(ctx: RequestContext, id: string, m: ModelColumns): Promise<void> {
    await managerOf(this.database, ctx).query(
      `INSERT INTO model_practice (id, name, owner_unit_id, holder_kind, person_name, field, level, first_year, last_year, description, results, evidence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb)`,
      [id, ...columnValues(m)],
    );
  }

  /** Writes the model if it is still at `expectedVersion` (the version bumped); false otherwise. */
  async update(ctx: RequestContext, id: string, expectedVersion: number, m: ModelColumns): Promise<boolean> {
    const result = (await managerOf(this.database, ctx).query(
      `UPDATE model_practice SET name = $3, owner_unit_id = $4, holder_kind = $5, person_name = $6, field = $7, level = $8, first_year = $9, last_year = $10,
         description = $11, results = $12::jsonb, evidence = $13::jsonb, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id`,
      [id, expectedVersion, ...columnValues(m)],
    )) as unknown[];
    return rowCount(result) === 1;
  }

  /**
   * Appends the change to the model's recognition history and makes it current, if the model is still at
   * `expectedVersion` (the version bumped); false otherwise.
   */
  async recordRecognition(ctx: RequestContext, id: string, expectedVersion: number, change: RecognitionChange): Promise<boolean> {
    const db = managerOf(this.database, ctx);
    await db.query(
      `INSERT INTO model_recognition (model_id, from_recognition, to_recognition, recognised_on, document_id, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, change.from, change.to, change.recognisedOn, change.documentId, change.note, ctx.caller.label],
    );
    const result = (await db.query(
      `UPDATE model_practice SET recognition = $3, recognised_on = $4, recognition_document_id = $5, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id`,
      [id, expectedVersion, change.to, change.recognisedOn, change.documentId],
    )) as unknown[];
    return rowCount(result) === 1;
  }

  /** Refuses a document that is not in the register (documents' port, through this context's transaction). */
  assertDocumentsExist(ctx: RequestContext, ids: Array<string | null | undefined>, field: string): Promise<void> {
    return assertDocumentsExist(ctx, ids, field);
  }

  /** The generation of the model register, bumped by every change (migration 1764000000510). */
  async countsGeneration(ctx: RequestContext): Promise<string | undefined> {
    const rows = (await managerOf(this.database, ctx).query(
      `SELECT generation::text AS generation FROM model_counts_generation WHERE id = 1`,
    )) as Array<{ generation: string }>;
    return rows[0]?.generation;
  }

  /**
   * The counts of the models running in `year` that the caller sees (in the subtree at `withinPath` if given),
   * in one statement with GROUPING SETS; a model counts with its recognition at the end of the year.
   */
  async countRows(ctx: RequestContext, year: number, withinPath: string | null): Promise<ModelCountRow[]> {
    const params = new SqlParams();
    const y = `${params.add(year)}::int`;
    let subtree: string | null = null;
    if (withinPath !== null) {
      const p = params.add(withinPath);
      subtree = `ou.path >= ${p} AND ou.path < ${p} || '~'`;
    }
    const where = allOf(activeIn(y), MODEL_POLICY.visibleSql(ctx, params), subtree);
    return (await managerOf(this.database, ctx).query(
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
  }
}
