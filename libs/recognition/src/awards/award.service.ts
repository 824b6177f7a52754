import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AWARD_RANK_LABELS, AWARD_RANKS, type AwardRank, type AwardSortField, type Page, type RecipientKind } from '@danvan/contracts';
import {
  assertExportable,
  DomainError,
  MAX_EXPORT_ROWS,
  recordAudit,
  SqlParams,
  translatePgErrors,
  visibleUnit,
  type Queryable,
  type RequestContext,
} from '@danvan/core';
import { Database, inTransaction, managerOf } from '@danvan/database';
import {
  awardYear,
  catalogueChoice,
  decisionDateRefusal,
  entryKindRefusal,
  proposalRefusals,
  recipientRefusals,
  type AwardTitleFacts,
  type CatalogueChoice,
} from '../domain/award-rules.js';
import { type ListInput, assertVersion } from '@danvan/kit';
import { AWARD_COLUMNS, AWARD_FROM, AWARD_LIST, type AwardFilterValues } from './award.list.js';
import type { AwardView } from './dto/award.views.js';
import { AWARD_POLICY } from './award.policy.js';
import { assertDocumentsExist } from '@danvan/documents';
import { allOf, pathInScope, rowCount } from '../sql-refs.js';
import { PledgeOutcomes, type PledgeOutcome } from './pledge-outcomes.port.js';

const AWARD = 'khen thưởng';

const CONSTRAINT_ERRORS = {
  award_pledge_recipient_key: () =>
    DomainError.duplicate('proposals', 'Đơn vị đã được khen thưởng danh hiệu, hình thức này theo giao ước này.'),
};

type AwardRow = Omit<AwardView, 'rankLabel' | 'allowedActions'>;

function toView(ctx: RequestContext, row: AwardRow): AwardView {
  return { ...row, rankLabel: row.rank ? AWARD_RANK_LABELS[row.rank] : null, allowedActions: AWARD_POLICY.allowedActions(ctx, row) };
}

/** A validated list request of awards (the page defaults are applied by the list declaration, recognition.lists.ts). */
export type AwardListRequest = ListInput<AwardSortField, AwardFilterValues>;

/** Names of the ids an award filter refers to, for printing the filter in words. */
export interface AwardFilterNames {
  titles: string[];
  units: Map<string, string>;
  pledge: string | null;
  model: string | null;
}

/** One award (GraphQL `createAward`). Name the entry with `awardTitleId` (a title) or `formId` (a form). */
export interface NewAward {
  awardTitleId?: string | null;
  formId?: string | null;
  recipientKind: RecipientKind;
  recipientUnitId: string;
  personName?: string | null;
  personPosition?: string | null;
  rank?: AwardRank | null;
  decisionDocumentId?: string | null;
  issuerUnitId: string;
  decidedOn: string;
  year?: number | null;
  pledgeId?: string | null;
  modelId?: string | null;
  citation?: string | null;
}

/**
 * Awards following a pledge ranking (GraphQL `createAwards`): one decision, one
 * entry of the catalogue, one award per proposed unit (each a signatory of the
 * pledge), all created in one transaction or none at all.
 */
export interface AwardsFromProposals {
  pledgeId: string;
  awardTitleId?: string | null;
  formId?: string | null;
  issuerUnitId: string;
  decisionDocumentId?: string | null;
  decidedOn: string;
  citation?: string | null;
  proposals: Array<{ unitId: string; rank?: AwardRank | null }>;
}

interface TitleRow extends AwardTitleFacts {
  id: string;
}

/** Awards under a pledge come from its final result: never before it is finalised (FINALISED is the last status, so this holds once true). */
function assertFinalised(pledge: PledgeOutcome): void {
  if (!pledge.finalised) {
    throw DomainError.rule('pledgeId', 'notFinalised', 'Chỉ khen thưởng theo giao ước khi giao ước đã tổng kết (kết quả chính thức).');
  }
}

/**
 * Awards (khen thưởng): who received which title or form, by whose decision,
 * for which year, pledge or model; and their revocation. The issuing unit's
 * subtree manages them (emulation:manage); recipients and issuers read them.
 */
@Injectable()
export class AwardService {
  constructor(
    private readonly database: Database,
    private readonly pledges: PledgeOutcomes,
  ) {}

  async get(ctx: RequestContext, id: string, lock = false): Promise<AwardView> {
    const params = new SqlParams();
    const where = [`a.id = ${params.add(id)}`, AWARD_POLICY.visibleSql(ctx, params)].filter(Boolean).join(' AND ');
    const [row] = (await managerOf(this.database, ctx).query(
      `SELECT ${AWARD_COLUMNS} FROM ${AWARD_FROM} WHERE ${where}${lock ? ' FOR UPDATE OF a' : ''}`,
      params.values,
    )) as AwardRow[];
    if (!row) throw DomainError.notFound(AWARD, id);
    return toView(ctx, row);
  }

  async list(ctx: RequestContext, request: AwardListRequest): Promise<Page<AwardView>> {
    const page = await AWARD_LIST.fetch<AwardRow>(
      managerOf(this.database, ctx),
      request,
      (params) => AWARD_POLICY.visibleSql(ctx, params),
      ctx,
    );
    return { ...page, items: page.items.map((row) => toView(ctx, row)) };
  }

  /** Every award matching the list's filters, for the Excel export (more than MAX_EXPORT_ROWS is refused). */
  async exportRows(ctx: RequestContext, request: Omit<AwardListRequest, 'page' | 'pageSize'>): Promise<AwardView[]> {
    const page = await this.list(ctx, { ...request, page: 1, pageSize: MAX_EXPORT_ROWS });
    assertExportable(page, 'khen thưởng');
    return page.items;
  }

  /**
   * Names of what an export's filter refers to. A unit outside the caller's
   * scope is not found (404, as the models export); the pledge and model are
   * named only when an exported award shows them.
   */
  async filterNames(ctx: RequestContext, filter: AwardFilterValues, rows: AwardView[]): Promise<AwardFilterNames> {
    const db = managerOf(this.database, ctx);
    const params = new SqlParams();
    const unitIds = [filter.withinUnitId, filter.recipientUnitId, filter.issuerUnitId].filter((id): id is string => !!id);
    const units = unitIds.length
      ? ((await db.query(
          `SELECT u.id, u.name FROM unit_directory u WHERE ${allOf(`u.id = ANY(${params.add(unitIds)}::uuid[])`, pathInScope(ctx, params, 'u.path'))}`,
          params.values,
        )) as Array<{ id: string; name: string }>)
      : [];
    const missing = unitIds.find((id) => !units.some((u) => u.id === id));
    if (missing) throw DomainError.notFound('đơn vị', missing);
    const titles = filter.titleId?.length
      ? ((await db.query(`SELECT name FROM award_title WHERE id = ANY($1::uuid[]) ORDER BY name`, [filter.titleId])) as Array<{
          name: string;
        }>)
      : [];
    const shownPledgeId = rows.find((a) => filter.pledgeId && a.pledgeId === filter.pledgeId)?.pledgeId;
    const pledgeTitle = shownPledgeId ? await this.pledges.titleOf(ctx, shownPledgeId) : null;
    return {
      units: new Map(units.map((u) => [u.id, u.name])),
      titles: titles.map((t) => t.name),
      pledge: pledgeTitle,
      model: rows.find((a) => a.model && a.model.id === filter.modelId)?.model?.name ?? null,
    };
  }

  async create(ctx: RequestContext, input: NewAward): Promise<AwardView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const db = managerOf(this.database, tx);
      const { choice, entry } = await this.entryOf(db, input);
      DomainError.refuseIfAny([
        ...recipientRefusals(entry, { ...input, kind: input.recipientKind }, choice.field),
        decisionDateRefusal(input.decidedOn),
      ]);
      const recipient = await visibleUnit(tx, input.recipientUnitId, 'recipientUnitId', 'Đơn vị được khen');
      await visibleUnit(tx, input.issuerUnitId, 'issuerUnitId', 'Đơn vị khen thưởng');
      await assertDocumentsExist(db, [input.decisionDocumentId], 'decisionDocumentId');
      const pledge = input.pledgeId ? await this.pledgeOf(tx, input.pledgeId, true) : null;
      if (pledge) {
        assertFinalised(pledge);
        if (!(await this.pledges.isSignatory(tx, pledge.id, input.recipientUnitId)))
          throw DomainError.rule('recipientUnitId', 'notSignatory', 'Đơn vị được khen không ký giao ước này.');
      }
      if (input.modelId) await this.assertModelVisible(db, tx, input.modelId);
      const id = randomUUID();
      await translatePgErrors(
        () =>
          this.insert(db, {
            id,
            titleId: entry.id,
            recipientKind: input.recipientKind,
            recipientUnitId: input.recipientUnitId,
            personName: input.recipientKind === 'INDIVIDUAL' ? (input.personName ?? null) : null,
            personPosition: input.recipientKind === 'INDIVIDUAL' ? (input.personPosition ?? null) : null,
            rank: input.rank ?? null,
            decisionDocumentId: input.decisionDocumentId ?? null,
            issuerUnitId: input.issuerUnitId,
            decidedOn: input.decidedOn,
            year: awardYear(input.year, pledge?.year ?? null, input.decidedOn),
            pledgeId: input.pledgeId ?? null,
            modelId: input.modelId ?? null,
            citation: input.citation ?? null,
          }),
        {
          award_pledge_recipient_key: () =>
            DomainError.duplicate('recipientUnitId', 'Đơn vị đã được khen thưởng danh hiệu, hình thức này theo giao ước này.'),
        },
      );
      const created = await this.get(tx, id);
      await this.audit(db, tx, 'create', null, created, recipient.path);
      return created;
    });
  }

  /**
   * Creates the awards of a pledge ranking in ONE transaction: every proposal is
   * checked first (a signatory of the pledge, in the caller's scope, not yet
   * awarded this entry, a rank only for a ranked entry), and one bad proposal
   * creates nothing. Joins the caller's transaction when there is one, so the
   * ranking that calls it commits or rolls back with its awards.
   */
  async createFromProposals(ctx: RequestContext, input: AwardsFromProposals): Promise<AwardView[]> {
    return inTransaction(this.database, ctx, async (tx) => {
      const db = managerOf(this.database, tx);
      const { choice, entry } = await this.entryOf(db, input);
      // Found only when the caller's subtree holds the pledge's managing unit (pledgeOf's scope).
      const pledge = await this.pledgeOf(tx, input.pledgeId, true);
      assertFinalised(pledge);
      DomainError.refuseIfAny([decisionDateRefusal(input.decidedOn)]);
      const unitIds = input.proposals.map((p) => p.unitId);
      const signatories = new Set(await this.pledges.signatoryUnitIds(tx, pledge.id));
      DomainError.refuseIfAny(proposalRefusals(entry, choice.field, input.proposals, signatories));
      DomainError.refuseIfAny(await this.proposalUnitRefusals(db, tx, unitIds, entry.id, pledge.id));
      await visibleUnit(tx, input.issuerUnitId, 'issuerUnitId', 'Đơn vị khen thưởng');
      await assertDocumentsExist(db, [input.decisionDocumentId], 'decisionDocumentId');
      const ids: string[] = [];
      for (const proposal of input.proposals) {
        const id = randomUUID();
        ids.push(id);
        await translatePgErrors(
          () =>
            this.insert(db, {
              id,
              titleId: entry.id,
              recipientKind: 'COLLECTIVE',
              recipientUnitId: proposal.unitId,
              personName: null,
              personPosition: null,
              rank: proposal.rank ?? null,
              decisionDocumentId: input.decisionDocumentId ?? null,
              issuerUnitId: input.issuerUnitId,
              decidedOn: input.decidedOn,
              year: pledge.year,
              pledgeId: pledge.id,
              modelId: null,
              citation: input.citation ?? null,
            }),
          CONSTRAINT_ERRORS,
        );
      }
      const created = await this.byIds(tx, ids);
      for (const award of created) await this.audit(db, tx, 'create', null, award, award.recipientPath);
      return created;
    });
  }

  /** Whether the caller may revoke the award now (AWARD_POLICY: emulation:manage over the issuer's subtree, the award in force). */
  canRevoke(ctx: RequestContext, award: AwardView): boolean {
    return AWARD_POLICY.may(ctx, 'revoke', award);
  }

  /** Revokes an award (e.g. obtained by fraud): it stays listed, marked revoked, with who, when and why. */
  async revoke(ctx: RequestContext, id: string, expectedVersion: number, reason: string): Promise<AwardView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const db = managerOf(this.database, tx);
      const refuseOutsideIssuer = (award: AwardView) => AWARD_POLICY.assert(tx, 'revoke', award);
      // Read in the caller's scope and checked before any lock, so a caller who may not revoke it holds no lock;
      // then the award's pledge is locked before the award, as every writer of a pledge's awards does (no deadlock).
      const seen = await this.get(tx, id);
      refuseOutsideIssuer(seen);
      if (seen.pledgeId) await this.pledges.lock(tx, seen.pledgeId);
      const current = await this.get(tx, id, true);
      refuseOutsideIssuer(current);
      assertVersion(AWARD, expectedVersion, current.version);
      if (current.revoked) throw DomainError.rule('id', 'revoked', 'Khen thưởng này đã bị thu hồi.');
      const trimmed = reason.normalize('NFC').trim();
      if (!trimmed) throw DomainError.validation([{ field: 'reason', code: 'isNotEmpty', message: 'Hãy ghi lý do thu hồi.' }]);
      const result = (await db.query(
        `UPDATE award SET revoked_at = now(), revoked_by = $3, revocation_reason = $4, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 AND revoked_at IS NULL RETURNING id`,
        [id, expectedVersion, tx.caller.label, trimmed],
      )) as unknown[];
      if (rowCount(result) !== 1) throw DomainError.versionConflict(AWARD, expectedVersion);
      const revoked = await this.get(tx, id);
      await this.audit(db, tx, 'revoke', current, revoked, revoked.recipientPath);
      return revoked;
    });
  }

  /** Awards by id, in the caller's scope, ordered by rank then recipient name. */
  async byIds(ctx: RequestContext, ids: readonly string[]): Promise<AwardView[]> {
    if (!ids.length) return [];
    const params = new SqlParams();
    const where = [`a.id = ANY(${params.add(ids)})`, AWARD_POLICY.visibleSql(ctx, params)].filter(Boolean).join(' AND ');
    const rows = (await managerOf(this.database, ctx).query(
      `SELECT ${AWARD_COLUMNS} FROM ${AWARD_FROM} WHERE ${where} ORDER BY array_position(${params.add([...AWARD_RANKS])}::text[], a.rank::text) NULLS LAST, ru.name, a.id`,
      params.values,
    )) as AwardRow[];
    return rows.map((row) => toView(ctx, row));
  }

  /** The catalogue entry an input names, of the kind its field expects. */
  private async entryOf(
    db: Queryable,
    input: { awardTitleId?: string | null; formId?: string | null },
  ): Promise<{ choice: Extract<CatalogueChoice, { ok: true }>; entry: TitleRow }> {
    const choice = catalogueChoice(input);
    if (!choice.ok) throw DomainError.validation([choice.error]);
    const [entry] = (await db.query(`SELECT id, name, kind, recipients, ranked, active FROM award_title WHERE id = $1`, [
      choice.id,
    ])) as TitleRow[];
    if (!entry) throw DomainError.rule(choice.field, 'notFound', 'Không tìm thấy danh hiệu, hình thức khen thưởng trong danh mục.');
    DomainError.refuseIfAny([entryKindRefusal(choice, entry)]);
    return { choice, entry };
  }

  /**
   * The pledge, if the caller sees it as its bloc's managing unit (or above); its year is the awards' year.
   * `lock`: a writer of the pledge's awards locks the pledge first (PledgeOutcomes.managedPledge).
   */
  private async pledgeOf(ctx: RequestContext, pledgeId: string, lock = false): Promise<PledgeOutcome> {
    const pledge = await this.pledges.managedPledge(ctx, pledgeId, { lock });
    if (!pledge)
      throw DomainError.rule('pledgeId', 'notFound', 'Giao ước thi đua không tồn tại hoặc không do đơn vị trong phạm vi của bạn quản lý.');
    return pledge;
  }

  private async assertModelVisible(db: Queryable, ctx: RequestContext, modelId: string): Promise<void> {
    const params = new SqlParams();
    const where = [`m.id = ${params.add(modelId)}`, pathInScope(ctx, params, 'ou.path')].filter(Boolean).join(' AND ');
    const rows = (await db.query(
      `SELECT 1 FROM model_practice m JOIN unit_directory ou ON ou.id = m.owner_unit_id WHERE ${where}`,
      params.values,
    )) as unknown[];
    if (!rows.length) throw DomainError.rule('modelId', 'notFound', 'Mô hình không tồn tại hoặc nằm ngoài phạm vi của bạn.');
  }

  /** Proposed units outside the caller's scope, or already awarded this entry under this pledge. */
  private async proposalUnitRefusals(db: Queryable, ctx: RequestContext, unitIds: string[], titleId: string, pledgeId: string) {
    const params = new SqlParams();
    const visible = pathInScope(ctx, params, 'u.path') ?? 'TRUE';
    const rows = (await db.query(
      `SELECT u.id, ${visible} AS visible,
              EXISTS (SELECT 1 FROM award a WHERE a.pledge_id = ${params.add(pledgeId)} AND a.title_id = ${params.add(titleId)}
                        AND a.recipient_unit_id = u.id AND a.recipient_kind = 'COLLECTIVE' AND a.revoked_at IS NULL) AS awarded
       FROM unit_directory u WHERE u.id = ANY(${params.add(unitIds)})`,
      params.values,
    )) as Array<{ id: string; visible: boolean; awarded: boolean }>;
    const byId = new Map(rows.map((r) => [r.id, r]));
    return unitIds.flatMap((unitId, index) => {
      const row = byId.get(unitId);
      const field = `proposals.${index}.unitId`;
      if (!row?.visible) return [{ field, code: 'notFound', message: 'Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn.' }];
      if (row.awarded)
        return [{ field, code: 'alreadyAwarded', message: 'Đơn vị đã được khen thưởng danh hiệu, hình thức này theo giao ước này.' }];
      return [];
    });
  }

  private async insert(
    db: Queryable,
    a: {
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
    },
  ): Promise<void> {
    await db.query(
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

  private async audit(
    db: Queryable,
    tx: RequestContext,
    action: string,
    before: AwardView | null,
    after: AwardView,
    scopePath: string,
  ): Promise<void> {
    const fields = (a: AwardView) => ({
      title: a.title.code,
      recipientKind: a.recipientKind,
      recipientUnitId: a.recipientUnit.id,
      personName: a.personName,
      personPosition: a.personPosition,
      rank: a.rank,
      decisionDocument: a.decisionDocument?.number ?? null,
      issuerUnitId: a.issuer.id,
      decidedOn: a.decidedOn,
      year: a.year,
      pledgeId: a.pledgeId,
      modelId: a.model?.id ?? null,
      citation: a.citation,
      revoked: a.revoked,
      revocationReason: a.revocationReason,
    });
    await recordAudit(tx, {
      entity: 'award',
      entityId: after.id,
      action,
      scopePath,
      before: before && fields(before),
      after: fields(after),
    });
  }
}
