import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  EVIDENCE_LIMITS,
  RANKING_NOTES,
  RANKING_TIE_RULE,
  REVIEW_STEPS,
  SCORE_SHEET_STATUS_LABELS,
  scorableItems,
  sheetTotals,
  type ScoreSheetStatus,
} from '@danvan/contracts';
import { DomainError, groupBy, type RequestContext } from '@danvan/core';
import { assertVersion, defineAudit, type ExpectedVersion, type TakenTransition } from '@danvan/kit';
import { Database, inTransaction } from '@danvan/database';
import { AwardService, type AwardView } from '@danvan/recognition';
import { afterReview, checkScores, SHEET_REVIEW, unscoredCriteria, type ReviewDecision } from '../domain/scoring.js';
import { PLEDGE_POLICY } from '../pledges/pledge.policy.js';
import { SHEET_POLICY, type SheetAccess } from './score-sheet.policy.js';
import type { PledgeView } from '../pledges/dto/pledge.view.js';
import type { ScoreInput } from './dto/score-sheet.inputs.js';
import type { EvidenceView, ScoreSheetView } from './dto/score-sheet.view.js';
import type { RankingView } from './dto/ranking.view.js';
import { PledgeService } from '../pledges/pledge.service.js';
import type { AwardsFromRankingInput } from './dto/ranking.inputs.js';
import { ScoreSheetRepository, type EvidenceForRemoval, type SheetRow } from './score-sheet.repository.js';

const SHEET = 'bảng chấm điểm';

/**
 * 404 for a sheet that is not there: a sheet is created by the unit's first saved
 * score, so say that (the id is the unit's, not a sheet's), in words that do not
 * reveal whether a sheet outside the caller's scope exists.
 */
function noSheet(unitId: string): DomainError {
  return new DomainError(
    'NOT_FOUND',
    `Chưa có bảng chấm điểm của đơn vị ${unitId} theo giao ước này: đơn vị chưa lưu điểm nào, hoặc bảng điểm nằm ngoài phạm vi của bạn.`,
  );
}
/** Longest reason of a review decision (a returned sheet must say why). */
const REVIEW_REASON_MAX_LENGTH = 2000;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
/** Who acts, as the review log keeps it: the account or API key id; null for a caller without one (the bare system context). */
const actorIdOf = (ctx: RequestContext): string | null => ctx.caller.id;
const stepLabel = (step: number) => REVIEW_STEPS.find((s) => s.step === step)?.label ?? null;

/** The score-sheet trail (self-scores, reviewed scores, review steps), filed under the sheet's unit's path. */
const SHEET_AUDIT = defineAudit<ScoreSheetView>({
  entity: 'score-sheet',
  scopePath: (s) => s.unitPath,
  fields: (s) => ({
    status: s.status,
    reviewStep: s.reviewStep,
    total: s.totals.total,
    scores: Object.fromEntries(s.lines.map((l) => [l.itemCode, { self: l.selfScore, reviewed: l.reviewedScore }])),
  }),
});

/** An evidence file for its trail: the file stored (an upload) or as the removal reads it, with its sheet's unit's path. */
type AuditedEvidence = (EvidenceView | EvidenceForRemoval) & { unitPath: string };

/** The evidence trail: the file's item, name, size and hash; a removal's event also keeps its id (as it always has). */
const EVIDENCE_AUDIT = defineAudit<AuditedEvidence>({
  entity: 'evidence-file',
  scopePath: (e) => e.unitPath,
  fields: (e) => ({
    ...('pledgeId' in e && { id: e.id }),
    itemCode: e.itemCode,
    filename: e.filename,
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
  }),
});

/**
 * Scoring and review of a pledge. A signatory self-scores and submits its sheet
 * (emulation:submit, its own unit); the bloc's managing unit reviews it up the
 * chain of REVIEW_STEPS, accepting or returning it with a reason
 * (emulation:manage). Totals and the ranking are computed in SQL. Once the
 * pledge is finalised, nothing changes any more.
 */
@Injectable()
export class ScoringService {
  constructor(
    private readonly database: Database,
    private readonly scoreSheets: ScoreSheetRepository,
    private readonly pledges: PledgeService,
    private readonly awards: AwardService,
  ) {}

  /** A unit's sheet, for the unit's own subtree or the bloc's manager; 404 otherwise. */
  async sheet(ctx: RequestContext, pledgeId: string, unitId: string): Promise<ScoreSheetView> {
    const pledge = await this.pledges.get(ctx, pledgeId);
    const row = await this.scoreSheets.find(ctx, pledgeId, unitId);
    if (!row || !SHEET_POLICY.canSee(ctx, sheetAccess(pledge, row))) throw noSheet(unitId);
    return this.view(ctx, row, { ctx, pledge });
  }

  /** Every sheet the caller may see (the scoring grid of the bloc's manager). */
  async sheets(ctx: RequestContext, pledgeId: string): Promise<ScoreSheetView[]> {
    const pledge = await this.pledges.get(ctx, pledgeId);
    return (await this.sheetsOf(ctx, [pledge])).get(pledge.id) ?? [];
  }

  /** The sheets each caller may see of pledges it has read (a GraphQL page), with lines, evidence and events, in four statements. */
  async sheetsOf(ctx: RequestContext, pledges: readonly PledgeView[]): Promise<Map<string, ScoreSheetView[]>> {
    const byId = new Map(pledges.map((p) => [p.id, p]));
    const rows = await this.scoreSheets.ofPledges(ctx, [...byId.keys()]);
    const visible = rows.filter((row) => SHEET_POLICY.canSee(ctx, sheetAccess(byId.get(row.pledgeId) as PledgeView, row)));
    return groupBy(await this.views(ctx, visible, { ctx, pledges: byId }), (sheet) => sheet.pledgeId);
  }

  /** A signatory's self-scores, while scoring is open and the sheet is with the unit. `expectedVersion`: null before the sheet exists. */
  async saveSelfScores(
    ctx: RequestContext,
    pledgeId: string,
    unitId: string,
    expectedVersion: number | null,
    scores: ScoreInput[],
  ): Promise<ScoreSheetView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const pledge = await this.pledges.get(tx, pledgeId, true);
      await this.ownUnit(tx, pledge, unitId);
      let sheet = await this.scoreSheets.find(tx, pledgeId, unitId, true);
      assertUnitMayEdit(pledge, sheet);
      DomainError.refuseVersionMismatch(SHEET, expectedVersion, sheet?.version ?? null);
      if (!sheet) {
        if (!pledge.criteriaSet) throw DomainError.rule('criteria', 'missing', 'Giao ước chưa có bảng tiêu chí.');
        await this.scoreSheets.insert(tx, pledgeId, unitId, pledge.criteriaSet?.id);
        sheet = (await this.scoreSheets.find(tx, pledgeId, unitId, true)) as SheetRow;
      }
      const existing = await this.scoreSheets.selfScores(tx, sheet.id);
      if (new Set(scores.map((x) => x.itemCode)).size !== scores.length) {
        throw DomainError.validation([
          { field: 'scores', code: 'duplicate', message: 'Một mục được chấm hai lần trong cùng một lần gửi.' },
        ]);
      }
      const given = scores.map((s) => ({ itemCode: s.itemCode, score: s.score }));
      const others = existing
        .filter((e) => !given.some((g) => g.itemCode === e.itemCode))
        .map((e) => ({ itemCode: e.itemCode, score: Number(e.score) }));
      DomainError.refuseIfAny(checkScores(sheet.content, given, others));
      const kinds = new Map(scorableItems(sheet.content).map((i) => [i.code, i.kind]));
      const before = await this.view(tx, sheet);
      await this.scoreSheets.saveSelfScores(
        tx,
        sheet.id,
        scores.map((x) => ({ itemCode: x.itemCode, kind: kinds.get(x.itemCode), score: x.score, comment: x.comment ?? null })),
      );
      return this.finish(tx, pledge, sheet, 'self-score', before);
    });
  }

  /** The unit submits its sheet for review: every criterion must be scored. */
  async submit(ctx: RequestContext, pledgeId: string, unitId: string, expectedVersion: ExpectedVersion): Promise<ScoreSheetView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const pledge = await this.pledges.get(tx, pledgeId, true);
      await this.ownUnit(tx, pledge, unitId);
      const sheet = await this.lockedSheet(tx, pledgeId, unitId, expectedVersion);
      assertUnitMayEdit(pledge, sheet);
      const lines = await this.scoreSheets.selfScores(tx, sheet.id);
      const unscored = unscoredCriteria(
        sheet.content,
        lines.map((l) => l.itemCode),
      );
      const taken = SHEET_REVIEW.take(sheet.status, 'submit', { step: sheet.reviewStep, actorId: actorIdOf(tx), accepted: [], unscored });
      const before = await this.view(tx, sheet);
      await this.scoreSheets.markSubmitted(tx, sheet.id, taken.to);
      await this.scoreSheets.logEvent(tx, sheet.id, 0, 'SUBMIT', null);
      return this.finish(tx, pledge, sheet, taken, before);
    });
  }

  /**
   * A reviewer's score on one line of a submitted sheet. Each line has its own
   * version: of two reviewers scoring the same line from the same version, one wins.
   */
  async reviewScore(
    ctx: RequestContext,
    pledgeId: string,
    unitId: string,
    expectedLineVersion: number,
    input: ScoreInput,
  ): Promise<ScoreSheetView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const pledge = await this.managed(tx, pledgeId);
      const sheet = await this.scoreSheets.find(tx, pledgeId, unitId);
      if (!sheet) throw noSheet(unitId);
      assertOpen(pledge);
      if (sheet.status !== 'SUBMITTED')
        throw DomainError.rule(
          'status',
          'notUnderReview',
          `Bảng điểm ${SCORE_SHEET_STATUS_LABELS[sheet.status].toLowerCase()}: chỉ chấm thẩm định bảng đã nộp.`,
        );
      const others = await this.scoreSheets.otherCurrentScores(tx, sheet.id, input.itemCode);
      DomainError.refuseIfAny(
        checkScores(
          sheet.content,
          [{ itemCode: input.itemCode, score: input.score }],
          others.map((o) => ({ itemCode: o.itemCode, score: Number(o.score) })),
        ),
      );
      const kind = scorableItems(sheet.content).find((i) => i.code === input.itemCode)?.kind;
      const before = await this.view(tx, sheet);
      const saved = await this.scoreSheets.saveReviewedScore(
        tx,
        sheet.id,
        { itemCode: input.itemCode, kind, score: input.score, comment: input.comment ?? null },
        expectedLineVersion,
      );
      if (!saved) {
        throw new DomainError(
          'VERSION_CONFLICT',
          `Điểm mục ${input.itemCode} vừa được người khác chấm (bạn đang sửa từ phiên bản ${expectedLineVersion}). Hãy tải lại và chấm trên bản mới nhất.`,
        );
      }
      await this.scoreSheets.bumpVersion(tx, sheet.id);
      const after = await this.view(tx, (await this.scoreSheets.find(tx, pledgeId, unitId)) as SheetRow, { ctx: tx, pledge });
      await SHEET_AUDIT.record(tx, 'review-score', before, after);
      return after;
    });
  }

  /**
   * A reviewer accepts (up one step; done after the last) or returns the sheet to
   * the unit with a reason. Within a review round, each step is accepted by a
   * different person (`reviewerRefusal`): the round's accepts are read under the
   * sheet's row lock, so two accepts of one sheet cannot slip past each other.
   */
  async decide(
    ctx: RequestContext,
    pledgeId: string,
    unitId: string,
    expectedVersion: number,
    decision: ReviewDecision,
    reason: string | null,
  ): Promise<ScoreSheetView> {
    if (reason && reason.length > REVIEW_REASON_MAX_LENGTH) {
      throw DomainError.validation([{ field: 'reason', code: 'maxLength', message: `Lý do tối đa ${REVIEW_REASON_MAX_LENGTH} ký tự.` }]);
    }
    reason = reason?.normalize('NFC') ?? null;
    return inTransaction(this.database, ctx, async (tx) => {
      const pledge = await this.managed(tx, pledgeId);
      assertOpen(pledge);
      const sheet = await this.lockedSheet(tx, pledgeId, unitId, expectedVersion);
      // The round's accepts matter to an accept only (and only of a sheet under review).
      const round =
        decision === 'ACCEPT' && sheet.status === 'SUBMITTED'
          ? await this.scoreSheets.reviewRound(tx, sheet.id)
          : { submittedBy: null, accepted: [] };
      const taken = SHEET_REVIEW.take(sheet.status, decision === 'ACCEPT' ? 'accept' : 'return', {
        step: sheet.reviewStep,
        actorId: actorIdOf(tx),
        accepted: round.accepted,
        submittedBy: round.submittedBy,
        reason,
      });
      const before = await this.view(tx, sheet);
      await this.scoreSheets.setReviewState(tx, sheet.id, taken.to, afterReview(sheet.reviewStep, decision).step);
      await this.scoreSheets.logEvent(tx, sheet.id, sheet.reviewStep, decision, reason?.trim() || null);
      return this.finish(tx, pledge, sheet, taken, before);
    });
  }

  /**
   * The bloc's ranking for the pledge, computed in the database (see
   * RANKING_TIE_RULE). Until the pledge is finalised it is provisional
   * (RANKING_NOTES): only submitted sheets are ranked, and a caller who does not
   * manage the bloc sees only its own units' rows, without a rank.
   */
  async ranking(ctx: RequestContext, pledgeOrId: string | PledgeView): Promise<RankingView> {
    // A resolver hands in the pledge it has already read for this caller; otherwise it is read (and scope-checked) here.
    const pledge = typeof pledgeOrId === 'string' ? await this.pledges.get(ctx, pledgeOrId) : pledgeOrId;
    const pledgeId = pledge.id;
    const final = pledge.status === 'FINALISED';
    const reviewer = PLEDGE_POLICY.reaches(ctx, 'oversee', pledge);
    const all = await this.scoreSheets.ranking(ctx, pledgeId);
    const rows =
      final || reviewer
        ? all
        : all
            .filter((r) => SHEET_POLICY.canSee(ctx, { ownerPath: pledge.ownerPath, unitPath: r.unitPath as string }))
            .map((r): Record<string, unknown> => ({ ...r, rank: null }));
    return {
      final,
      tieRule: RANKING_TIE_RULE,
      note: final ? RANKING_NOTES.final : reviewer ? RANKING_NOTES.provisionalReviewer : RANKING_NOTES.provisionalMember,
      rows: rows.map((r) => ({
        rank: num(r.rank),
        unit: r.unit as RankingView['rows'][number]['unit'],
        status: (r.status as ScoreSheetStatus | null) ?? null,
        criteria: num(r.criteria),
        bonus: num(r.bonus),
        deduction: num(r.deduction),
        total: num(r.total),
        classification: (r.classification as string | null) ?? null,
        awards: (r.awards as string[] | null) ?? [],
      })),
    };
  }

  /**
   * Turns the top of a finalised ranking into award records in one transaction:
   * ranks 1–3 become nhất, nhì, ba when the title is ranked (cờ thi đua); tied
   * units share their rank and are all awarded.
   */
  async awardsFromRanking(ctx: RequestContext, pledgeId: string, input: AwardsFromRankingInput): Promise<AwardView[]> {
    return inTransaction(this.database, ctx, async (tx) => {
      const pledge = await this.managed(tx, pledgeId);
      if (pledge.status !== 'FINALISED')
        throw DomainError.rule('status', 'notFinalised', 'Chỉ đề nghị khen thưởng khi giao ước đã tổng kết (kết quả chính thức).');
      const entry = await this.scoreSheets.awardTitle(tx, input.awardTitleId ?? input.formId ?? null);
      const ranking = await this.ranking(tx, pledge);
      const chosen = ranking.rows.filter((r) => r.rank !== null && r.rank <= input.top);
      if (!chosen.length) throw DomainError.rule('top', 'empty', 'Chưa có đơn vị nào được xếp hạng.');
      const ranks = ['FIRST', 'SECOND', 'THIRD'] as const;
      return this.awards.createFromProposals(tx, {
        pledgeId,
        awardTitleId: input.awardTitleId ?? null,
        formId: input.formId ?? null,
        issuerUnitId: input.issuerUnitId,
        decisionDocumentId: input.decisionDocumentId ?? null,
        decidedOn: input.decidedOn,
        citation: input.citation ?? null,
        proposals: chosen.map((r) => ({
          unitId: r.unit.id,
          rank: entry?.ranked && r.rank !== null && r.rank <= 3 ? ranks[r.rank - 1] : null,
        })),
      });
    });
  }

  /** Stores an evidence file for one item of a unit's sheet (type and size limited). */
  async addEvidence(
    ctx: RequestContext,
    pledgeId: string,
    unitId: string,
    file: { itemCode: string; filename: string; contentType: string; data: Buffer },
  ): Promise<EvidenceView> {
    const type = file.contentType.split(';')[0].trim().toLowerCase();
    if (!EVIDENCE_LIMITS.contentTypes[type]) {
      throw DomainError.validation([
        { field: 'Content-Type', code: 'type', message: `Chỉ nhận tệp ${Object.values(EVIDENCE_LIMITS.contentTypes).join(', ')}.` },
      ]);
    }
    if (!file.data.length) throw DomainError.validation([{ field: 'body', code: 'empty', message: 'Tệp minh chứng rỗng.' }]);
    const filename = file.filename
      .normalize('NFC')
      .trim()
      .replace(/[\\/\r\n"]/g, '_')
      .slice(0, 255);
    if (!filename) throw DomainError.validation([{ field: 'filename', code: 'required', message: 'Hãy gửi tên tệp (tham số filename).' }]);
    return inTransaction(this.database, ctx, async (tx) => {
      const pledge = await this.pledges.get(tx, pledgeId, true);
      await this.ownUnit(tx, pledge, unitId);
      const sheet = await this.scoreSheets.find(tx, pledgeId, unitId, true);
      if (!sheet) throw DomainError.rule('unitId', 'noSheet', 'Hãy tự chấm điểm trước khi nộp minh chứng.');
      assertUnitMayEdit(pledge, sheet);
      if (!scorableItems(sheet.content).some((i) => i.code === file.itemCode)) {
        throw DomainError.validation([
          { field: 'itemCode', code: 'unknownItem', message: `Bảng tiêu chí không có mục "${file.itemCode}".` },
        ]);
      }
      // Evidence belongs to a line of the sheet, and a line exists once the item is scored.
      const line = await this.scoreSheets.lineExists(tx, sheet.id, file.itemCode);
      if (!line)
        throw DomainError.rule('itemCode', 'notScored', `Hãy tự chấm điểm mục ${file.itemCode} trước khi nộp minh chứng cho mục đó.`);
      const count = await this.scoreSheets.evidenceCount(tx, sheet.id, file.itemCode);
      if (count >= EVIDENCE_LIMITS.perItemMax)
        throw DomainError.rule('itemCode', 'tooMany', `Mỗi mục có tối đa ${EVIDENCE_LIMITS.perItemMax} tệp minh chứng.`);
      const sha256 = createHash('sha256').update(file.data).digest('hex');
      const row = await this.scoreSheets.insertEvidence(tx, {
        sheetId: sheet.id,
        itemCode: file.itemCode,
        filename,
        contentType: type,
        data: file.data,
        sha256,
      });
      await EVIDENCE_AUDIT.created(tx, { ...row, unitPath: sheet.unitPath });
      return row;
    });
  }

  /** An evidence file's bytes, for whoever may see its sheet. */
  async evidence(ctx: RequestContext, id: string): Promise<EvidenceView & { data: Buffer }> {
    const row = await this.scoreSheets.findEvidence(ctx, id);
    if (!row) throw DomainError.notFound('tệp minh chứng', id);
    await this.sheet(ctx, row.pledgeId, row.unitId).catch(() => {
      throw DomainError.notFound('tệp minh chứng', id);
    });
    return row;
  }

  /**
   * Removes an evidence file uploaded by mistake: the unit's own, while its sheet
   * may still be edited (draft, or returned). Returns the sheet as it is now.
   */
  async removeEvidence(ctx: RequestContext, id: string): Promise<ScoreSheetView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const file = await this.scoreSheets.findEvidenceForRemoval(tx, id);
      // Only the unit's own subtree removes its files; to anyone else the file does not exist.
      if (!file || !SHEET_POLICY.reaches(tx, 'selfScore', { unitPath: file.unitPath })) throw DomainError.notFound('tệp minh chứng', id);
      const pledge = await this.pledges.get(tx, file.pledgeId, true);
      const sheet = (await this.scoreSheets.find(tx, file.pledgeId, file.unitId, true)) as SheetRow;
      assertUnitMayEdit(pledge, sheet);
      // Under the locks: of two concurrent removals, the second finds nothing.
      if (!(await this.scoreSheets.deleteEvidence(tx, id))) throw DomainError.notFound('tệp minh chứng', id);
      await EVIDENCE_AUDIT.deleted(tx, file);
      return this.view(tx, sheet, { ctx: tx, pledge });
    });
  }

  // ------------------------------------------------------------------ helpers

  /** The unit is a signatory in the caller's subtree (a unit scores only for itself); returns its path. */
  private async ownUnit(tx: RequestContext, pledge: PledgeView, unitId: string): Promise<string> {
    const unitPath = await this.scoreSheets.unitPath(tx, unitId);
    if (!unitPath || !SHEET_POLICY.reaches(tx, 'selfScore', { ownerPath: pledge.ownerPath, unitPath }))
      throw DomainError.rule('unitId', 'notFound', 'Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn.');
    if (!pledge.signatories.some((s) => s.id === unitId)) throw DomainError.rule('unitId', 'notSignatory', 'Đơn vị này không ký giao ước.');
    return unitPath;
  }

  /** The pledge, locked, if the caller reviews its sheets (PLEDGE_POLICY `review`: it manages the bloc). */
  private async managed(tx: RequestContext, pledgeId: string): Promise<PledgeView> {
    const pledge = await this.pledges.get(tx, pledgeId, true);
    PLEDGE_POLICY.assert(tx, 'review', pledge);
    return pledge;
  }

  private async lockedSheet(tx: RequestContext, pledgeId: string, unitId: string, expectedVersion: ExpectedVersion): Promise<SheetRow> {
    const sheet = await this.scoreSheets.find(tx, pledgeId, unitId, true);
    if (!sheet) throw noSheet(unitId);
    // Compared before the writes: a sheet's change writes its lines and takes review steps before the version
    // is bumped (not a conditional update: two reviewers may score two lines of one sheet at once), and a
    // caller holding a stale version is told to reload (412), not refused for a state it has not seen.
    assertVersion(SHEET, expectedVersion, sheet.version);
    return sheet;
  }

  /**
   * Bumps the sheet's version, audits the change (a SHEET_REVIEW transition through its audit hook), returns
   * the sheet as it now is.
   */
  private async finish(
    tx: RequestContext,
    pledge: PledgeView,
    sheet: SheetRow,
    change: string | TakenTransition<ScoreSheetStatus>,
    before: ScoreSheetView,
  ): Promise<ScoreSheetView> {
    await this.scoreSheets.bumpVersion(tx, sheet.id);
    const after = await this.view(tx, (await this.scoreSheets.find(tx, sheet.pledgeId, sheet.unit.id)) as SheetRow, { ctx: tx, pledge });
    if (typeof change === 'string') await SHEET_AUDIT.record(tx, change, before, after);
    else
      await SHEET_REVIEW.record(tx, change, {
        entityId: after.id,
        scopePath: after.unitPath,
        before: SHEET_AUDIT.fields(before),
        after: SHEET_AUDIT.fields(after),
      });
    return after;
  }

  /** `reader`: whose `allowedActions` the view carries (none for a before-image). */
  private async view(ctx: RequestContext, row: SheetRow, reader?: { ctx: RequestContext; pledge: PledgeView }): Promise<ScoreSheetView> {
    return (await this.views(ctx, [row], reader && { ctx: reader.ctx, pledges: new Map([[reader.pledge.id, reader.pledge]]) }))[0];
  }

  /** Sheets with their lines, evidence, events and totals, in three statements whatever their number. */
  private async views(
    ctx: RequestContext,
    rows: SheetRow[],
    reader?: { ctx: RequestContext; pledges: ReadonlyMap<string, PledgeView> },
  ): Promise<ScoreSheetView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const { lines, evidence, events } = await this.scoreSheets.partsOf(ctx, ids);
    return rows.map((row) => {
      const order = new Map(scorableItems(row.content).map((item, i) => [item.code, i]));
      const sheetLines = lines
        .filter((l) => l.sheetId === row.id)
        .sort((a, b) => (order.get(a.itemCode) ?? 0) - (order.get(b.itemCode) ?? 0))
        .map(({ sheetId: _sheetId, ...l }) => {
          const files = evidence.filter((e) => e.sheetId === row.id && e.itemCode === l.itemCode).map(({ sheetId: _s, ...e }) => e);
          return { ...l, selfScore: num(l.selfScore), reviewedScore: num(l.reviewedScore), evidence: files, evidenceCount: files.length };
        });
      return {
        id: row.id,
        pledgeId: row.pledgeId,
        unit: row.unit,
        unitPath: row.unitPath,
        criteriaSetNumber: row.criteriaSetNumber,
        status: row.status,
        statusLabel: SCORE_SHEET_STATUS_LABELS[row.status],
        reviewStep: row.reviewStep,
        reviewStepLabel: row.status === 'SUBMITTED' ? stepLabel(row.reviewStep) : null,
        lines: sheetLines,
        events: events
          .filter((e) => e.sheetId === row.id)
          .map(({ sheetId: _s, ...e }) => ({ ...e, stepLabel: e.step === 0 ? 'Đơn vị' : (stepLabel(e.step) ?? '') })),
        totals: sheetTotals(row.content, sheetLines),
        version: row.version,
        submittedAt: row.submittedAt,
        allowedActions: reader
          ? SHEET_POLICY.allowedActions(reader.ctx, sheetAccess(reader.pledges.get(row.pledgeId) as PledgeView, row))
          : [],
      };
    });
  }
}

/** What SHEET_POLICY reads of a sheet of `pledge`. */
function sheetAccess(pledge: PledgeView, row: Pick<SheetRow, 'unitPath' | 'status'>): SheetAccess {
  return { ownerPath: pledge.ownerPath, unitPath: row.unitPath, pledgeStatus: pledge.status, status: row.status };
}

/**
 * A unit works on its sheet (scores, evidence, submission) while scoring is
 * open and the sheet is with it; once review has begun, only on a sheet sent
 * back to it — so a return during review never leaves the pledge stuck.
 */
function assertUnitMayEdit(pledge: PledgeView, sheet: SheetRow | undefined): void {
  if (pledge.status === 'FINALISED')
    throw DomainError.rule('status', 'finalised', 'Giao ước đã tổng kết: điểm đã khóa, không thể thay đổi.');
  const withUnit = !sheet || sheet.status === 'DRAFT' || sheet.status === 'RETURNED';
  if (pledge.status === 'SCORING_OPEN' || (pledge.status === 'UNDER_REVIEW' && sheet?.status === 'RETURNED')) {
    if (!withUnit)
      throw DomainError.rule(
        'status',
        'submitted',
        `Bảng điểm ${SCORE_SHEET_STATUS_LABELS[(sheet as SheetRow).status].toLowerCase()}: đơn vị không sửa được nữa.`,
      );
    return;
  }
  throw DomainError.rule(
    'status',
    'scoringClosed',
    `Giao ước đang ở bước "${pledge.statusLabel}": đơn vị chỉ tự chấm điểm, nộp minh chứng khi đang mở chấm điểm (hoặc khi bảng điểm bị trả lại).`,
  );
}

function assertOpen(pledge: PledgeView): void {
  if (pledge.status === 'FINALISED')
    throw DomainError.rule('status', 'finalised', 'Giao ước đã tổng kết: điểm đã khóa, không thể thay đổi.');
  if (pledge.status !== 'SCORING_OPEN' && pledge.status !== 'UNDER_REVIEW') {
    throw DomainError.rule('status', 'notScoring', `Giao ước đang ở bước "${pledge.statusLabel}": chưa đến lúc thẩm định.`);
  }
}
