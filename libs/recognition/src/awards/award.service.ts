import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AWARD_RANK_LABELS, type AwardRank, type AwardSortField, type Page, type RecipientKind } from '@danvan/contracts';
import { assertExportable, DomainError, MAX_EXPORT_ROWS, translatePgErrors, visibleUnit, type RequestContext } from '@danvan/core';
import { Database, inTransaction } from '@danvan/database';
import {
  awardYear,
  catalogueChoice,
  decisionDateRefusal,
  entryKindRefusal,
  proposalRefusals,
  recipientRefusals,
  type CatalogueChoice,
} from '../domain/award-rules.js';
import { type ListInput, assertVersion, defineAudit } from '@danvan/kit';
import { type AwardFilterValues } from './award.list.js';
import type { AwardView } from './dto/award.views.js';
import { AWARD_POLICY } from './award.policy.js';
import { PledgeOutcomes, type PledgeOutcome } from './pledge-outcomes.port.js';
import { AwardRepository, type AwardEntryRow, type AwardRow } from './award.repository.js';

const AWARD = 'khen thưởng';

/** The award trail, filed under the recipient unit's path. */
const AWARD_AUDIT = defineAudit<AwardView>({
  entity: 'award',
  scopePath: (a) => a.recipientPath,
  fields: (a) => ({
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
  }),
});

const CONSTRAINT_ERRORS = {
  award_pledge_recipient_key: () =>
    DomainError.duplicate('proposals', 'Đơn vị đã được khen thưởng danh hiệu, hình thức này theo giao ước này.'),
};

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
    private readonly awards: AwardRepository,
    private readonly pledges: PledgeOutcomes,
  ) {}

  async get(ctx: RequestContext, id: string, lock = false): Promise<AwardView> {
    const row = await this.awards.find(ctx, id, lock);
    if (!row) throw DomainError.notFound(AWARD, id);
    return toView(ctx, row);
  }

  async list(ctx: RequestContext, request: AwardListRequest): Promise<Page<AwardView>> {
    const page = await this.awards.page(ctx, request);
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
   * scope, or a pledge the caller may not see, is not found (404, as the models
   * export); the model is named only when an exported award shows it.
   */
  async filterNames(ctx: RequestContext, filter: AwardFilterValues, rows: AwardView[]): Promise<AwardFilterNames> {
    const unitIds = [filter.withinUnitId, filter.recipientUnitId, filter.issuerUnitId, filter.issuerWithinUnitId].filter(
      (id): id is string => !!id,
    );
    const units = await this.awards.unitNamesInScope(ctx, unitIds);
    const missing = unitIds.find((id) => !units.some((u) => u.id === id));
    if (missing) throw DomainError.notFound('đơn vị', missing);
    const titles = await this.awards.titleNames(ctx, filter.titleId ?? []);
    const pledgeTitle = filter.pledgeId ? await this.pledges.titleOf(ctx, filter.pledgeId) : null;
    if (filter.pledgeId && pledgeTitle === null) throw DomainError.notFound('giao ước thi đua', filter.pledgeId);
    return {
      units: new Map(units.map((u) => [u.id, u.name])),
      titles,
      pledge: pledgeTitle,
      model: rows.find((a) => a.model && a.model.id === filter.modelId)?.model?.name ?? null,
    };
  }

  async create(ctx: RequestContext, input: NewAward): Promise<AwardView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const { choice, entry } = await this.entryOf(tx, input);
      DomainError.refuseIfAny([
        ...recipientRefusals(entry, { ...input, kind: input.recipientKind }, choice.field),
        decisionDateRefusal(input.decidedOn),
      ]);
      await visibleUnit(tx, input.recipientUnitId, 'recipientUnitId', 'Đơn vị được khen');
      await visibleUnit(tx, input.issuerUnitId, 'issuerUnitId', 'Đơn vị khen thưởng');
      await this.awards.assertDocumentsExist(tx, [input.decisionDocumentId], 'decisionDocumentId');
      const pledge = input.pledgeId ? await this.pledgeOf(tx, input.pledgeId, true) : null;
      if (pledge) {
        assertFinalised(pledge);
        if (!(await this.pledges.isSignatory(tx, pledge.id, input.recipientUnitId)))
          throw DomainError.rule('recipientUnitId', 'notSignatory', 'Đơn vị được khen không ký giao ước này.');
      }
      if (input.modelId && !(await this.awards.modelInScope(tx, input.modelId)))
        throw DomainError.rule('modelId', 'notFound', 'Mô hình không tồn tại hoặc nằm ngoài phạm vi của bạn.');
      const id = randomUUID();
      await translatePgErrors(
        () =>
          this.awards.insert(tx, {
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
      return AWARD_AUDIT.created(tx, await this.get(tx, id));
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
      const { choice, entry } = await this.entryOf(tx, input);
      // Found only when the caller's subtree holds the pledge's managing unit (pledgeOf's scope).
      const pledge = await this.pledgeOf(tx, input.pledgeId, true);
      assertFinalised(pledge);
      DomainError.refuseIfAny([decisionDateRefusal(input.decidedOn)]);
      const unitIds = input.proposals.map((p) => p.unitId);
      const signatories = new Set(await this.pledges.signatoryUnitIds(tx, pledge.id));
      DomainError.refuseIfAny(proposalRefusals(entry, choice.field, input.proposals, signatories));
      DomainError.refuseIfAny(await this.proposalUnitRefusals(tx, unitIds, entry.id, pledge.id));
      await visibleUnit(tx, input.issuerUnitId, 'issuerUnitId', 'Đơn vị khen thưởng');
      await this.awards.assertDocumentsExist(tx, [input.decisionDocumentId], 'decisionDocumentId');
      const ids: string[] = [];
      for (const proposal of input.proposals) {
        const id = randomUUID();
        ids.push(id);
        await translatePgErrors(
          () =>
            this.awards.insert(tx, {
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
      for (const award of created) await AWARD_AUDIT.created(tx, award);
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
      const refuseOutsideIssuer = (award: AwardView) => AWARD_POLICY.assert(tx, 'revoke', award);
      // Read in the caller's scope and checked before any lock, so a caller who may not revoke it holds no lock;
      // then the award's pledge is locked before the award, as every writer of a pledge's awards does (no deadlock).
      const seen = await this.get(tx, id);
      refuseOutsideIssuer(seen);
      if (seen.pledgeId) await this.pledges.lock(tx, seen.pledgeId);
      const current = await this.get(tx, id, true);
      refuseOutsideIssuer(current);
      assertVersion(AWARD, expectedVersion, current.version); // before any rule: a stale caller is told to reload (412)
      if (current.revoked) throw DomainError.rule('id', 'revoked', 'Khen thưởng này đã bị thu hồi.');
      const trimmed = reason.normalize('NFC').trim();
      if (!trimmed) throw DomainError.validation([{ field: 'reason', code: 'isNotEmpty', message: 'Hãy ghi lý do thu hồi.' }]);
      await this.awards.revoke(tx, id, expectedVersion, trimmed);
      const revoked = await this.get(tx, id);
      await AWARD_AUDIT.record(tx, 'revoke', current, revoked);
      return revoked;
    });
  }

  /** Awards by id, in the caller's scope, ordered by rank then recipient name. */
  async byIds(ctx: RequestContext, ids: readonly string[]): Promise<AwardView[]> {
    const rows = await this.awards.byIds(ctx, ids);
    return rows.map((row) => toView(ctx, row));
  }

  /** The catalogue entry an input names, of the kind its field expects. */
  private async entryOf(
    ctx: RequestContext,
    input: { awardTitleId?: string | null; formId?: string | null },
  ): Promise<{ choice: Extract<CatalogueChoice, { ok: true }>; entry: AwardEntryRow }> {
    const choice = catalogueChoice(input);
    if (!choice.ok) throw DomainError.validation([choice.error]);
    const entry = await this.awards.entry(ctx, choice.id);
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

  /** Proposed units outside the caller's scope, or already awarded this entry under this pledge. */
  private async proposalUnitRefusals(ctx: RequestContext, unitIds: string[], titleId: string, pledgeId: string) {
    const rows = await this.awards.proposedUnits(ctx, unitIds, titleId, pledgeId);
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
}
