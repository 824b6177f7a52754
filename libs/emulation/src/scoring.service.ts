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
  type CriteriaSetContent,
  type ScoreSheetStatus,
} from '@danvan/contracts';
import { DomainError, groupBy, recordAudit, translatePgErrors, type Queryable, type RequestContext } from '@danvan/core';
import { assertVersion, type ExpectedVersion, type TakenTransition } from '@danvan/kit';
import { Database, inTransaction, managerOf } from '@danvan/database';
import { AwardService, type AwardView } from '@danvan/recognition';
import { afterReview, checkScores, SHEET_REVIEW, unscoredCriteria, type ReviewDecision, type RoundAcceptance } from './domain/scoring.js';
import { PLEDGE_POLICY } from './pledges/pledge.policy.js';
import { SHEET_POLICY, type SheetAccess } from './scoring/score-sheet.policy.js';
import type { PledgeView } from './pledges/dto/pledge.view.js';
import type { ScoreInput } from './dto/scoring.inputs.js';
import type { EvidenceView, RankingView, ReviewEventView, ScoreLineView, ScoreSheetView } from './dto/scoring.views.js';
import { PledgeService } from './pledges/pledge.service.js';
import type { AwardsFromRankingInput } from './dto/scoring.inputs.js';
import { rowCount, unitRefJson } from './shared/sql-refs.js';

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

interface SheetRow {
  id: string;
  pledgeId: string;
  unit: ScoreSheetView['unit'];
  unitPath: string;
  criteriaSetNumber: number;
  content: CriteriaSetContent;
  status: ScoreSheetStatus;
  reviewStep: number;
  version: number;
  submittedAt: Date | null;
}

const SHEET_SQL = `SELECT s.id, s.pledge_id AS "pledgeId", ${unitRefJson('u')} AS unit, u.path AS "unitPath", cs.number AS "criteriaSetNumber",
    cs.content, s.status, s.review_step AS "reviewStep", s.version, s.submitted_at AS "submittedAt"
  FROM score_sheet s JOIN unit_directory u ON u.id = s.unit_id JOIN criteria_set cs ON cs.id = s.criteria_set_id`;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
/** Who acts, as the review log keeps it: the account or API key id; null for a caller without one (the bare system context). */
const actorIdOf = (ctx: RequestContext): string | null => ctx.caller.id;
const stepLabel = (step: number) => REVIEW_STEPS.find((s) => s.step === step)?.label ?? null;

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
    private readonly pledges: PledgeService,
    private readonly awards: AwardService,
  ) {}

  /** A unit's sheet, for the unit's own subtree or the bloc's manager; 404 otherwise. */
  async sheet(ctx: RequestContext, pledgeId: string, unitId: string): Promise<ScoreSheetView> {
    const pledge = await this.pledges.get(ctx, pledgeId);
    const row = await this.sheetRow(managerOf(this.database, ctx), pledgeId, unitId);
    if (!row || !SHEET_POLICY.canSee(ctx, sheetAccess(pledge, row))) throw noSheet(unitId);
    return this.view(managerOf(this.database, ctx), row, { ctx, pledge });
  }

  /** Every sheet the caller may see (the scoring grid of the bloc's manager). */
  async sheets(ctx: RequestContext, pledgeId: string): Promise<ScoreSheetView[]> {
    const pledge = await this.pledges.get(ctx, pledgeId);
    return (await this.sheetsOf(ctx, [pledge])).get(pledge.id) ?? [];
  }

  /** The sheets each caller may see of pledges it has read (a GraphQL page), with lines, evidence and events, in four statements. */
  async sheetsOf(ctx: RequestContext, pledges: readonly PledgeView[]): Promise<Map<string, ScoreSheetView[]>> {
    const db = managerOf(this.database, ctx);
    const byId = new Map(pledges.map((p) => [p.id, p]));
    const rows = (await db.query(`${SHEET_SQL} WHERE s.pledge_id = ANY($1::uuid[]) ORDER BY u.name, u.id`, [
      [...byId.keys()],
    ])) as SheetRow[];
    const visible = rows.filter((row) => SHEET_POLICY.canSee(ctx, sheetAccess(byId.get(row.pledgeId) as PledgeView, row)));
    return groupBy(await this.views(db, visible, { ctx, pledges: byId }), (sheet) => sheet.pledgeId);
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
      const db = managerOf(this.database, tx);
      const pledge = await this.pledges.get(tx, pledgeId, true);
      await this.ownUnit(tx, db, pledge, unitId);
      let sheet = await this.sheetRow(db, pledgeId, unitId, true);
      assertUnitMayEdit(pledge, sheet);
      DomainError.refuseVersionMismatch(SHEET, expectedVersion, sheet?.version ?? null);
      if (!sheet) {
        if (!pledge.criteriaSet) throw DomainError.rule('criteria', 'missing', 'Giao ước chưa có bảng tiêu chí.');
        await translatePgErrors(
          () =>
            db.query(`INSERT INTO score_sheet (pledge_id, unit_id, criteria_set_id) VALUES ($1, $2, $3)`, [
              pledgeId,
              unitId,
              pledge.criteriaSet?.id,
            ]),
          { score_sheet_unit_key: () => new DomainError('VERSION_CONFLICT', 'Bảng chấm điểm vừa được người khác tạo. Hãy tải lại.') },
        );
        sheet = (await this.sheetRow(db, pledgeId, unitId, true)) as SheetRow;
      }
      const existing = (await db.query(
        `SELECT item_code AS "itemCode", self_score AS score FROM score_line WHERE sheet_id = $1 AND self_score IS NOT NULL`,
        [sheet.id],
      )) as Array<{ itemCode: string; score: string }>;
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
      const before = await this.view(db, sheet);
      // Every line in one statement, whatever the number of scores.
      await db.query(
        `INSERT INTO score_line (sheet_id, item_code, item_kind, self_score, self_comment, updated_by)
         SELECT $1, l.code, l.kind, l.score, l.comment, $6 FROM unnest($2::varchar[], $3::varchar[], $4::numeric[], $5::text[]) AS l(code, kind, score, comment)
         ON CONFLICT (sheet_id, item_code) DO UPDATE SET self_score = EXCLUDED.self_score, self_comment = EXCLUDED.self_comment,
           -- A line the unit corrects goes back to the reviewers: their earlier score on it no longer stands.
           reviewed_score = CASE WHEN score_line.self_score IS DISTINCT FROM EXCLUDED.self_score THEN NULL ELSE score_line.reviewed_score END,
           review_comment = CASE WHEN score_line.self_score IS DISTINCT FROM EXCLUDED.self_score THEN NULL ELSE score_line.review_comment END,
           version = score_line.version + 1, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [
          sheet.id,
          scores.map((x) => x.itemCode),
          scores.map((x) => kinds.get(x.itemCode)),
          scores.map((x) => x.score),
          scores.map((x) => x.comment ?? null),
          tx.caller.label,
        ],
      );
      return this.finish(tx, db, pledge, sheet, 'self-score', before);
    });
  }

  /** The unit submits its sheet for review: every criterion must be scored. */
  async submit(ctx: RequestContext, pledgeId: string, unitId: string, expectedVersion: ExpectedVersion): Promise<ScoreSheetView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const db = managerOf(this.database, tx);
      const pledge = await this.pledges.get(tx, pledgeId, true);
      await this.ownUnit(tx, db, pledge, unitId);
      const sheet = await this.lockedSheet(db, pledgeId, unitId, expectedVersion);
      assertUnitMayEdit(pledge, sheet);
      const lines = (await db.query(`SELECT item_code AS "itemCode" FROM score_line WHERE sheet_id = $1 AND self_score IS NOT NULL`, [
        sheet.id,
      ])) as Array<{ itemCode: string }>;
      const unscored = unscoredCriteria(
        sheet.content,
        lines.map((l) => l.itemCode),
      );
      const taken = SHEET_REVIEW.take(sheet.status, 'submit', { step: sheet.reviewStep, actorId: actorIdOf(tx), accepted: [], unscored });
      const before = await this.view(db, sheet);
      await db.query(`UPDATE score_sheet SET status = $2, review_step = 1, submitted_at = now() WHERE id = $1`, [sheet.id, taken.to]);
      await this.logEvent(tx, db, sheet.id, 0, 'SUBMIT', null);
      return this.finish(tx, db, pledge, sheet, taken, before);
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
      const db = managerOf(this.database, tx);
      const pledge = await this.managed(tx, pledgeId);
      const sheet = await this.sheetRow(db, pledgeId, unitId);
      if (!sheet) throw noSheet(unitId);
      assertOpen(pledge);
      if (sheet.status !== 'SUBMITTED')
        throw DomainError.rule(
          'status',
          'notUnderReview',
          `Bảng điểm ${SCORE_SHEET_STATUS_LABELS[sheet.status].toLowerCase()}: chỉ chấm thẩm định bảng đã nộp.`,
        );
      const others = (await db.query(
        `SELECT item_code AS "itemCode", COALESCE(reviewed_score, self_score) AS score FROM score_line WHERE sheet_id = $1 AND item_code <> $2 AND COALESCE(reviewed_score, self_score) IS NOT NULL`,
        [sheet.id, input.itemCode],
      )) as Array<{ itemCode: string; score: string }>;
      DomainError.refuseIfAny(
        checkScores(
          sheet.content,
          [{ itemCode: input.itemCode, score: input.score }],
          others.map((o) => ({ itemCode: o.itemCode, score: Number(o.score) })),
        ),
      );
      const kind = scorableItems(sheet.content).find((i) => i.code === input.itemCode)?.kind;
      const before = await this.view(db, sheet);
      const result = (await db.query(
        `INSERT INTO score_line AS l (sheet_id, item_code, item_kind, reviewed_score, review_comment, updated_by)
         SELECT $1::uuid, $2::varchar, $3::varchar, $4::numeric, $5::text, $6::varchar
         WHERE $7::int = 0 OR EXISTS (SELECT 1 FROM score_line x WHERE x.sheet_id = $1::uuid AND x.item_code = $2::varchar)
         ON CONFLICT (sheet_id, item_code) DO UPDATE SET reviewed_score = EXCLUDED.reviewed_score, review_comment = EXCLUDED.review_comment,
           version = l.version + 1, updated_by = EXCLUDED.updated_by, updated_at = now()
           WHERE l.version = $7
         RETURNING l.version`,
        [sheet.id, input.itemCode, kind, input.score, input.comment ?? null, tx.caller.label, expectedLineVersion],
      )) as unknown[];
      if (rowCount(result) !== 1) {
        throw new DomainError(
          'VERSION_CONFLICT',
          `Điểm mục ${input.itemCode} vừa được người khác chấm (bạn đang sửa từ phiên bản ${expectedLineVersion}). Hãy tải lại và chấm trên bản mới nhất.`,
        );
      }
      await db.query(`UPDATE score_sheet SET version = version + 1, updated_at = now() WHERE id = $1`, [sheet.id]);
      const after = await this.view(db, (await this.sheetRow(db, pledgeId, unitId)) as SheetRow, { ctx: tx, pledge });
      await this.audit(tx, db, 'review-score', before, after);
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
      const db = managerOf(this.database, tx);
      const pledge = await this.managed(tx, pledgeId);
      assertOpen(pledge);
      const sheet = await this.lockedSheet(db, pledgeId, unitId, expectedVersion);
      // The round's accepts matter to an accept only (and only of a sheet under review).
      const round =
        decision === 'ACCEPT' && sheet.status === 'SUBMITTED' ? await this.reviewRound(db, sheet.id) : { submittedBy: null, accepted: [] };
      const taken = SHEET_REVIEW.take(sheet.status, decision === 'ACCEPT' ? 'accept' : 'return', {
        step: sheet.reviewStep,
        actorId: actorIdOf(tx),
        accepted: round.accepted,
        submittedBy: round.submittedBy,
        reason,
      });
      const before = await this.view(db, sheet);
      await db.query(`UPDATE score_sheet SET status = $2, review_step = $3 WHERE id = $1`, [
        sheet.id,
        taken.to,
        afterReview(sheet.reviewStep, decision).step,
      ]);
      await this.logEvent(tx, db, sheet.id, sheet.reviewStep, decision, reason?.trim() || null);
      return this.finish(tx, db, pledge, sheet, taken, before);
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
    const all = (await managerOf(this.database, ctx).query(RANKING_SQL, [pledgeId])) as Array<Record<string, unknown>>;
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
      const [entry] = (await managerOf(this.database, tx).query(`SELECT ranked FROM award_title WHERE id = $1`, [
        input.awardTitleId ?? input.formId ?? null,
      ])) as Array<{ ranked: boolean }>;
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
      const db = managerOf(this.database, tx);
      const pledge = await this.pledges.get(tx, pledgeId, true);
      await this.ownUnit(tx, db, pledge, unitId);
      const sheet = await this.sheetRow(db, pledgeId, unitId, true);
      if (!sheet) throw DomainError.rule('unitId', 'noSheet', 'Hãy tự chấm điểm trước khi nộp minh chứng.');
      assertUnitMayEdit(pledge, sheet);
      if (!scorableItems(sheet.content).some((i) => i.code === file.itemCode)) {
        throw DomainError.validation([
          { field: 'itemCode', code: 'unknownItem', message: `Bảng tiêu chí không có mục "${file.itemCode}".` },
        ]);
      }
      // Evidence belongs to a line of the sheet, and a line exists once the item is scored.
      const [line] = (await db.query(`SELECT 1 AS scored FROM score_line WHERE sheet_id = $1 AND item_code = $2`, [
        sheet.id,
        file.itemCode,
      ])) as unknown[];
      if (!line)
        throw DomainError.rule('itemCode', 'notScored', `Hãy tự chấm điểm mục ${file.itemCode} trước khi nộp minh chứng cho mục đó.`);
      const [count] = (await db.query(`SELECT count(*)::int AS n FROM evidence_file WHERE sheet_id = $1 AND item_code = $2`, [
        sheet.id,
        file.itemCode,
      ])) as Array<{ n: number }>;
      if (count.n >= EVIDENCE_LIMITS.perItemMax)
        throw DomainError.rule('itemCode', 'tooMany', `Mỗi mục có tối đa ${EVIDENCE_LIMITS.perItemMax} tệp minh chứng.`);
      const sha256 = createHash('sha256').update(file.data).digest('hex');
      const [row] = (await db.query(
        `INSERT INTO evidence_file AS e (sheet_id, item_code, filename, content_type, size_bytes, sha256, data, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING ${EVIDENCE_COLUMNS}`,
        [sheet.id, file.itemCode, filename, type, file.data.length, sha256, file.data, tx.caller.label],
      )) as EvidenceView[];
      await recordAudit(tx, {
        entity: 'evidence-file',
        entityId: row.id,
        action: 'create',
        scopePath: sheet.unitPath,
        after: { itemCode: row.itemCode, filename, sizeBytes: row.sizeBytes, sha256 },
      });
      return row;
    });
  }

  /** An evidence file's bytes, for whoever may see its sheet. */
  async evidence(ctx: RequestContext, id: string): Promise<EvidenceView & { data: Buffer }> {
    const db = managerOf(this.database, ctx);
    const [row] = (await db.query(
      `SELECT ${EVIDENCE_COLUMNS}, e.data, s.pledge_id AS "pledgeId", s.unit_id AS "unitId" FROM evidence_file e JOIN score_sheet s ON s.id = e.sheet_id WHERE e.id = $1`,
      [id],
    )) as Array<EvidenceView & { data: Buffer; pledgeId: string; unitId: string }>;
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
      const db = managerOf(this.database, tx);
      const [file] = (await db.query(
        `SELECT e.id, e.item_code AS "itemCode", e.filename, e.size_bytes AS "sizeBytes", e.sha256, s.pledge_id AS "pledgeId", s.unit_id AS "unitId", u.path AS "unitPath"
           FROM evidence_file e JOIN score_sheet s ON s.id = e.sheet_id JOIN unit_directory u ON u.id = s.unit_id WHERE e.id = $1`,
        [id],
      )) as Array<{
        id: string;
        itemCode: string;
        filename: string;
        sizeBytes: number;
        sha256: string;
        pledgeId: string;
        unitId: string;
        unitPath: string;
      }>;
      // Only the unit's own subtree removes its files; to anyone else the file does not exist.
      if (!file || !SHEET_POLICY.reaches(tx, 'selfScore', { unitPath: file.unitPath })) throw DomainError.notFound('tệp minh chứng', id);
      const pledge = await this.pledges.get(tx, file.pledgeId, true);
      const sheet = (await this.sheetRow(db, file.pledgeId, file.unitId, true)) as SheetRow;
      assertUnitMayEdit(pledge, sheet);
      // Under the locks: of two concurrent removals, the second finds nothing.
      const deleted = (await db.query(`DELETE FROM evidence_file WHERE id = $1 RETURNING id`, [id])) as unknown[];
      if (rowCount(deleted) !== 1) throw DomainError.notFound('tệp minh chứng', id);
      const { pledgeId: _pledgeId, unitId: _unitId, unitPath: _unitPath, ...before } = file;
      await recordAudit(tx, { entity: 'evidence-file', entityId: id, action: 'delete', scopePath: sheet.unitPath, before });
      return this.view(db, sheet, { ctx: tx, pledge });
    });
  }

  // ------------------------------------------------------------------ helpers

  /** The unit is a signatory in the caller's subtree (a unit scores only for itself); returns its path. */
  private async ownUnit(tx: RequestContext, db: Queryable, pledge: PledgeView, unitId: string): Promise<string> {
    const [unit] = (await db.query(`SELECT path FROM unit_directory WHERE id = $1`, [unitId])) as Array<{ path: string }>;
    if (!unit || !SHEET_POLICY.reaches(tx, 'selfScore', { ownerPath: pledge.ownerPath, unitPath: unit.path }))
      throw DomainError.rule('unitId', 'notFound', 'Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn.');
    if (!pledge.signatories.some((s) => s.id === unitId)) throw DomainError.rule('unitId', 'notSignatory', 'Đơn vị này không ký giao ước.');
    return unit.path;
  }

  /** The pledge, locked, if the caller reviews its sheets (PLEDGE_POLICY `review`: it manages the bloc). */
  private async managed(tx: RequestContext, pledgeId: string): Promise<PledgeView> {
    const pledge = await this.pledges.get(tx, pledgeId, true);
    PLEDGE_POLICY.assert(tx, 'review', pledge);
    return pledge;
  }

  private async sheetRow(db: Queryable, pledgeId: string, unitId: string, lock = false): Promise<SheetRow | undefined> {
    const [row] = (await db.query(`${SHEET_SQL} WHERE s.pledge_id = $1 AND s.unit_id = $2${lock ? ' FOR UPDATE OF s' : ''}`, [
      pledgeId,
      unitId,
    ])) as SheetRow[];
    return row;
  }

  private async lockedSheet(db: Queryable, pledgeId: string, unitId: string, expectedVersion: ExpectedVersion): Promise<SheetRow> {
    const sheet = await this.sheetRow(db, pledgeId, unitId, true);
    if (!sheet) throw noSheet(unitId);
    assertVersion(SHEET, expectedVersion, sheet.version);
    return sheet;
  }

  /** The review log records who acted by id (`actor_id`, what the review-step rule compares) and by label (for people to read). */
  private async logEvent(
    tx: RequestContext,
    db: Queryable,
    sheetId: string,
    step: number,
    action: string,
    reason: string | null,
  ): Promise<void> {
    await db.query(`INSERT INTO review_event (sheet_id, step, action, reason, actor_label, actor_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
      sheetId,
      step,
      action,
      reason,
      tx.caller.label,
      actorIdOf(tx),
    ]);
  }

  /** The sheet's current review round: who submitted it last, and the accepts logged since. */
  private async reviewRound(db: Queryable, sheetId: string): Promise<{ submittedBy: string | null; accepted: RoundAcceptance[] }> {
    const [submission] = (await db.query(
      `SELECT id, actor_id AS "actorId" FROM review_event WHERE sheet_id = $1 AND action = 'SUBMIT' ORDER BY id DESC LIMIT 1`,
      [sheetId],
    )) as Array<{
      id: number;
      actorId: string | null;
    }>;
    const accepted = (await db.query(
      `SELECT step, actor_id AS "actorId" FROM review_event WHERE sheet_id = $1 AND action = 'ACCEPT' AND id > $2 ORDER BY id`,
      [sheetId, submission?.id ?? 0],
    )) as RoundAcceptance[];
    return { submittedBy: submission?.actorId ?? null, accepted };
  }

  /**
   * Bumps the sheet's version, audits the change (a SHEET_REVIEW transition through its audit hook), returns
   * the sheet as it now is.
   */
  private async finish(
    tx: RequestContext,
    db: Queryable,
    pledge: PledgeView,
    sheet: SheetRow,
    change: string | TakenTransition<ScoreSheetStatus>,
    before: ScoreSheetView,
  ): Promise<ScoreSheetView> {
    await db.query(`UPDATE score_sheet SET version = version + 1, updated_at = now() WHERE id = $1`, [sheet.id]);
    const after = await this.view(db, (await this.sheetRow(db, sheet.pledgeId, sheet.unit.id)) as SheetRow, { ctx: tx, pledge });
    if (typeof change === 'string') await this.audit(tx, db, change, before, after);
    else
      await SHEET_REVIEW.record(tx, change, {
        entityId: after.id,
        scopePath: after.unitPath,
        before: sheetAuditFields(before),
        after: sheetAuditFields(after),
      });
    return after;
  }

  private async audit(tx: RequestContext, db: Queryable, action: string, before: ScoreSheetView, after: ScoreSheetView): Promise<void> {
    await recordAudit(tx, {
      entity: 'score-sheet',
      entityId: after.id,
      action,
      scopePath: after.unitPath,
      before: sheetAuditFields(before),
      after: sheetAuditFields(after),
    });
  }

  /** `reader`: whose `allowedActions` the view carries (none for a before-image). */
  private async view(db: Queryable, row: SheetRow, reader?: { ctx: RequestContext; pledge: PledgeView }): Promise<ScoreSheetView> {
    return (await this.views(db, [row], reader && { ctx: reader.ctx, pledges: new Map([[reader.pledge.id, reader.pledge]]) }))[0];
  }

  /** Sheets with their lines, evidence, events and totals, in three statements whatever their number. */
  private async views(
    db: Queryable,
    rows: SheetRow[],
    reader?: { ctx: RequestContext; pledges: ReadonlyMap<string, PledgeView> },
  ): Promise<ScoreSheetView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    // One after another: inside a transaction the three share one connection, which runs one statement at a time.
    const lines = (await db.query(
      `SELECT sheet_id AS "sheetId", item_code AS "itemCode", item_kind AS "itemKind", self_score AS "selfScore", self_comment AS "selfComment",
         reviewed_score AS "reviewedScore", review_comment AS "reviewComment", version, updated_by AS "updatedBy", updated_at AS "updatedAt"
       FROM score_line WHERE sheet_id = ANY($1)`,
      [ids],
    )) as Array<ScoreLineView & { sheetId: string }>;
    const evidence = (await db.query(
      `SELECT e.sheet_id AS "sheetId", ${EVIDENCE_COLUMNS} FROM evidence_file e WHERE e.sheet_id = ANY($1) ORDER BY e.uploaded_at, e.id`,
      [ids],
    )) as Array<EvidenceView & { sheetId: string }>;
    const events = (await db.query(
      `SELECT sheet_id AS "sheetId", step, action, reason, actor_label AS "actorLabel", at FROM review_event WHERE sheet_id = ANY($1) ORDER BY id`,
      [ids],
    )) as Array<Omit<ReviewEventView, 'stepLabel'> & { sheetId: string }>;
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

/** What the audit trail keeps of a sheet. */
function sheetAuditFields(s: ScoreSheetView): Record<string, unknown> {
  return {
    status: s.status,
    reviewStep: s.reviewStep,
    total: s.totals.total,
    scores: Object.fromEntries(s.lines.map((l) => [l.itemCode, { self: l.selfScore, reviewed: l.reviewedScore }])),
  };
}

const EVIDENCE_COLUMNS = `e.id, e.item_code AS "itemCode", e.filename, e.content_type AS "contentType", e.size_bytes AS "sizeBytes", e.sha256,
  '/api/v1/evidence/' || e.id AS url, e.uploaded_by AS "uploadedBy", e.uploaded_at AS "uploadedAt"`;

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

/**
 * Ranking of a pledge's signatories, in one statement. Per sheet: criteria
 * points (reviewed score where given, else self-score), bonus and deduction each
 * capped by the sheet's criteria set; rank by RANKING_TIE_RULE; classification
 * is the highest band of that criteria set the total reaches.
 */
const RANKING_SQL = `
  WITH totals AS (
    SELECT s.unit_id, s.status, cs.content->'bands' AS bands,
      COALESCE(sum(COALESCE(l.reviewed_score, l.self_score)) FILTER (WHERE l.item_kind = 'CRITERION'), 0) AS criteria,
      LEAST(COALESCE(sum(COALESCE(l.reviewed_score, l.self_score)) FILTER (WHERE l.item_kind = 'BONUS'), 0), (cs.content->>'bonusCap')::numeric) AS bonus,
      LEAST(COALESCE(sum(COALESCE(l.reviewed_score, l.self_score)) FILTER (WHERE l.item_kind = 'DEDUCTION'), 0), (cs.content->>'deductionCap')::numeric) AS deduction
    FROM score_sheet s JOIN criteria_set cs ON cs.id = s.criteria_set_id LEFT JOIN score_line l ON l.sheet_id = s.id
    WHERE s.pledge_id = $1 AND s.status IN ('SUBMITTED', 'ACCEPTED') -- a draft or returned sheet is still with its unit
    GROUP BY s.id, cs.id
  ), ranked AS (
    SELECT t.*, t.criteria + t.bonus - t.deduction AS total,
      rank() OVER (ORDER BY t.criteria + t.bonus - t.deduction DESC, t.deduction ASC, t.criteria DESC) AS rank
    FROM totals t
  )
  SELECT r.rank, ${unitRefJson('u')} AS unit, u.path AS "unitPath", ss.status, r.criteria, r.bonus, r.deduction, r.total,
    (SELECT b->>'name' FROM jsonb_array_elements(r.bands) b WHERE r.total >= (b->>'minScore')::numeric ORDER BY (b->>'minScore')::numeric DESC LIMIT 1) AS classification,
    ARRAY(SELECT t.name || CASE a.rank WHEN 'FIRST' THEN ' (hạng Nhất)' WHEN 'SECOND' THEN ' (hạng Nhì)' WHEN 'THIRD' THEN ' (hạng Ba)' ELSE '' END
          FROM award a JOIN award_title t ON t.id = a.title_id
          WHERE a.pledge_id = $1 AND a.recipient_unit_id = u.id AND a.revoked_at IS NULL ORDER BY a.decided_on, t.position) AS awards
  FROM pledge_signatory sg JOIN unit_directory u ON u.id = sg.unit_id
    LEFT JOIN score_sheet ss ON ss.pledge_id = sg.pledge_id AND ss.unit_id = sg.unit_id
    LEFT JOIN ranked r ON r.unit_id = sg.unit_id
  WHERE sg.pledge_id = $1
  ORDER BY r.rank NULLS LAST, u.name, u.id`;
