import { Injectable } from '@nestjs/common';
import { AWARD_RANKS, type AwardRank, type Page, type RecipientKind } from '@danvan/contracts';
import { SqlParams, type RequestContext } from '@danvan/core';
import { Database, managerOf } from '@danvan/database';
import { assertDocumentsExist } from '@danvan/documents';
import { updateVersioned, type ListInput } from '@danvan/kit';
import type { AwardSortField } from '@danvan/contracts';
import type { AwardTitleFacts } from '../domain/award-rules.js';
import { allOf, pathInScope } from '../sql-refs.js';
import { AWARD_COLUMNS, AWARD_FROM, AWARD_LIST, type AwardFilterValues } from './award.list.js';
import type { AwardView } from './dto/award.views.js';
import { AWARD_POLICY } from './award.policy.js';

/** An award as its SQL reads it: the view without what the service derives (rank label, allowed actions). */
export type AwardRow = Omit<AwardView, 'rankLabel' | 'allowedActions'>;

/** A catalogue entry as an award checks it. */
export interface AwardEntryRow extends AwardTitleFacts {
  id: string;
}

/** The columns of a new award row. */
export interface NewAwardRow {
  id: string;
  titleId: string;
  recipientKind: RecipientKind;
  recipientUnitId: string;
  personName: string | null;
  personPosition: string | null;
  rank: AwardRank | null;
  decisionDocumentId: string | null;
  issuerUnitId: string;
  decidedOn: string;
  year: number;
  pledgeId: string | null;
  modelId: string | null;
  citation: string | null;
}

/**
 * All SQL of awards (the `award` table, the catalogue as an award reads it): every method takes the
 * request context and queries through its transaction when it has one. Reads of awards are in the
 * caller's scope (AWARD_POLICY.visibleSql).
 */
@Injectable()
export class AwardRepository {
  constructor(private readonly database: Database) {}

  /** The award, if the caller sees it; `lock` takes FOR UPDATE OF the award row. */
  async find(ctx: RequestContext, id: string, lock = false): Promise<AwardRow | undefined> {
    const params = new SqlParams();
    const where = [`a.id = ${params.add(id)}`, AWARD_POLICY.visibleSql(ctx, params)].filter(Boolean).join(' AND ');
    const [row] = (await managerOf(this.database, ctx).query(
      `SELECT ${AWARD_COLUMNS} FROM ${AWARD_FROM} WHERE ${where}${lock ? ' FOR UPDATE OF a' : ''}`,
      params.values,
    )) as AwardRow[];
    return row;
  }

  /** A page of the awards the caller sees (the list declaration, award.list.ts). */
  page(ctx: RequestContext, request: ListInput<AwardSortField, AwardFilterValues>): Promise<Page<AwardRow>> {
    return AWARD_LIST.fetch<AwardRow>(managerOf(this.database, ctx), request, (params) => AWARD_POLICY.visibleSql(ctx, params), ctx);
  }

  /** Awards by id, in the caller's scope, ordered by rank then recipient name. */
  async byIds(ctx: RequestContext, ids: readonly string[]): Promise<AwardRow[]> {
    if (!ids.length) return [];
    const params = new SqlParams();
    const where = [`a.id = ANY(${params.add(ids)})`, AWARD_POLICY.visibleSql(ctx, params)].filter(Boolean).join(' AND ');
    return (await managerOf(this.database, ctx).query(
      `SELECT ${AWARD_COLUMNS} FROM ${AWARD_FROM} WHERE ${where} ORDER BY array_position(${params.add([...AWARD_RANKS])}::text[], a.rank::text) NULLS LAST, ru.name, a.id`,
      params.values,
    )) as AwardRow[];
  }

  /** Names of the units among `ids` that the caller's subtree holds. */
  async unitNamesInScope(ctx: RequestContext, ids: string[]): Promise<Array<{ id: string; name: string }>> {
    if (!ids.length) return [];
    const params = new SqlParams();
    return (await managerOf(this.database, ctx).query(
      `SELECT u.id, u.name FROM unit_directory u WHERE ${allOf(`u.id = ANY(${params.add(ids)}::uuid[])`, pathInScope(ctx, params, 'u.path'))}`,
      params.values,
    )) as Array<{ id: string; name: string }>;
  }

  /** Names of catalogue entries, in name order. */
  async titleNames(ctx: RequestContext, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = (await managerOf(this.database, ctx).query(`SELECT name FROM award_title WHERE id = ANY($1::uuid[]) ORDER BY name`, [
      ids,
    ])) as Array<{ name: string }>;
    return rows.map((t) => t.name);
  }

  /** The catalogue entry an award names. */
  async entry(ctx: RequestContext, id: string): Promise<AwardEntryRow | undefined> {
    const [entry] = (await managerOf(this.database, ctx).query(
      `SELECT id, name, kind, recipients, ranked, active FROM award_title WHERE id = $1`,
      [id],
    )) as AwardEntryRow[];
    return entry;
  }

  /** Whether the caller's subtree holds the model's owner unit. */
  async modelInScope(ctx: RequestContext, modelId: string): Promise<boolean> {
    const params = new SqlParams();
    const where = [`m.id = ${params.add(modelId)}`, pathInScope(ctx, params, 'ou.path')].filter(Boolean).join(' AND ');
    const rows = (await managerOf(this.database, ctx).query(
      `SELECT 1 FROM model_practice m JOIN unit_directory ou ON ou.id = m.owner_unit_id WHERE ${where}`,
      params.values,
    )) as unknown[];
    return rows.length > 0;
  }

  /** Each proposed unit: whether the caller sees it, and whether it already holds this entry under this pledge (not revoked). */
  async proposedUnits(
    ctx: RequestContext,
    unitIds: string[],
    titleId: string,
    pledgeId: string,
  ): Promise<Array<{ id: string; visible: boolean; awarded: boolean }>> {
    const params = new SqlParams();
    const visible = pathInScope(ctx, params, 'u.path') ?? 'TRUE';
    return (await managerOf(this.database, ctx).query(
      `SELECT u.id, ${visible} AS visible,
              EXISTS (SELECT 1 FROM award a WHERE a.pledge_id = ${params.add(pledgeId)} AND a.title_id = ${params.add(titleId)}
                        AND a.recipient_unit_id = u.id AND a.recipient_kind = 'COLLECTIVE' AND a.revoked_at IS NULL) AS awarded
       FROM unit_directory u WHERE u.id = ANY(${params.add(unitIds)})`,
      params.values,
    )) as Array<{ id: string; visible: boolean; awarded: boolean }>;
  }

  /** Refuses a decision document that is not in the register (documents' port, through this context's transaction). */
  assertDocumentsExist(ctx: RequestContext, ids: Array<string | null | undefined>, field: string): Promise<void> {
    return assertDocumentsExist(ctx, ids, field);
  }

  async insert(ctx: RequestContext, a: NewAwardRow): Promise<void> {
    await managerOf(this.database, ctx).query(
      `INSERT INTO award (id, title_id, recipient_kind, recipient_unit_id, person_name, person_position, rank, decision_document_id, issuer_unit_id, decided_on, year, pledge_id, model_id, citation)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        a.id,
        a.titleId,
        a.recipientKind,
        a.recipientUnitId,
        a.personName,
        a.personPosition,
        a.rank,
        a.decisionDocumentId,
        a.issuerUnitId,
        a.decidedOn,
        a.year,
        a.pledgeId,
        a.modelId,
        a.citation,
      ],
    );
  }

  /**
   * Marks the award revoked and bumps the version (updateVersioned: versionConflict, with the current
   * version, when it is no longer `expectedVersion`). The caller has checked, under the row's lock, that it is in force.
   */
  async revoke(ctx: RequestContext, id: string, expectedVersion: number, reason: string): Promise<void> {
    await updateVersioned(managerOf(this.database, ctx), {
      table: 'award',
      id,
      expectedVersion,
      entityLabel: 'khen thưởng',
      set: 'revoked_at = now(), revoked_by = $3, revocation_reason = $4',
      values: [ctx.caller.label, reason],
    });
  }
}
