import { Injectable } from '@nestjs/common';
import type { CriteriaSetContent, ScoreSheetStatus } from '@danvan/contracts';
import { DomainError, rowCount, translatePgErrors, type RequestContext } from '@danvan/core';
import { Database, managerOf } from '@danvan/database';
import { unitRefJson } from '../shared/sql-refs.js';
import type { RoundAcceptance } from '../domain/scoring.js';
import type { EvidenceView, ReviewEventView, ScoreLineView, ScoreSheetView } from './dto/score-sheet.view.js';

/** A score sheet as read, with its criteria set's content. */
export interface SheetRow {
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

/** An evidence file as the removal reads it (with its sheet's pledge and unit). */
export interface EvidenceForRemoval {
  id: string;
  itemCode: string;
  filename: string;
  sizeBytes: number;
  sha256: string;
  pledgeId: string;
  unitId: string;
  unitPath: string;
}

/** The parts of sheets a view shows: lines, evidence and review events. */
export interface SheetParts {
  lines: Array<ScoreLineView & { sheetId: string }>;
  evidence: Array<EvidenceView & { sheetId: string }>;
  events: Array<Omit<ReviewEventView, 'stepLabel'> & { sheetId: string }>;
}

const SHEET_SQL = `SELECT s.id, s.pledge_id AS "pledgeId", ${unitRefJson('u')} AS unit, u.path AS "unitPath", cs.number AS "criteriaSetNumber",
    cs.content, s.status, s.review_step AS "reviewStep", s.version, s.submitted_at AS "submittedAt"
  FROM score_sheet s JOIN unit_directory u ON u.id = s.unit_id JOIN criteria_set cs ON cs.id = s.criteria_set_id`;

const EVIDENCE_COLUMNS = `e.id, e.item_code AS "itemCode", e.filename, e.content_type AS "contentType", e.size_bytes AS "sizeBytes", e.sha256,
  '/api/v1/evidence/' || e.id AS url, e.uploaded_by AS "uploadedBy", e.uploaded_at AS "uploadedAt"`;

/**
 * Ranking of a pledge's signatories, in one statement. Per sheet: criteria
 * points (reviewed score where given, else self-score), bonus and deduction each
 * capped by the sheet's criteria set; rank by RANKING_TIE_RULE; classification
 * is the highest band of that criteria set the total reaches. The awards column
 * reads recognition's published `award_directory`.
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
    ARRAY(SELECT a.title_name || CASE a.rank WHEN 'FIRST' THEN ' (hạng Nhất)' WHEN 'SECOND' THEN ' (hạng Nhì)' WHEN 'THIRD' THEN ' (hạng Ba)' ELSE '' END
          FROM award_directory a
          WHERE a.pledge_id = $1 AND a.recipient_unit_id = u.id AND NOT a.revoked ORDER BY a.decided_on, a.title_position) AS awards
  FROM pledge_signatory sg JOIN unit_directory u ON u.id = sg.unit_id
    LEFT JOIN score_sheet ss ON ss.pledge_id = sg.pledge_id AND ss.unit_id = sg.unit_id
    LEFT JOIN ranked r ON r.unit_id = sg.unit_id
  WHERE sg.pledge_id = $1
  ORDER BY r.rank NULLS LAST, u.name, u.id`;

/** SQL of score sheets: sheets, lines, evidence files, the review log and the ranking. */
@Injectable()
export class ScoreSheetRepository {
  constructor(private readonly database: Database) {}

  private db(ctx: RequestContext) {
    return managerOf(this.database, ctx);
  }

  async find(ctx: RequestContext, pledgeId: string, unitId: string, lock = false): Promise<SheetRow | undefined> {
    const [row] = (await this.db(ctx).query(`${SHEET_SQL} WHERE s.pledge_id = $1 AND s.unit_id = $2${lock ? ' FOR UPDATE OF s' : ''}`, [
      pledgeId,
      unitId,
    ])) as SheetRow[];
    return row;
  }

  /** Every sheet of these pledges, in unit name order. */
  async ofPledges(ctx: RequestContext, pledgeIds: readonly string[]): Promise<SheetRow[]> {
    return (await this.db(ctx).query(`${SHEET_SQL} WHERE s.pledge_id = ANY($1::uuid[]) ORDER BY u.name, u.id`, [pledgeIds])) as SheetRow[];
  }

  async insert(tx: RequestContext, pledgeId: string, unitId: string, criteriaSetId: string | undefined): Promise<void> {
    await translatePgErrors(
      () =>
        this.db(tx).query(`INSERT INTO score_sheet (pledge_id, unit_id, criteria_set_id) VALUES ($1, $2, $3)`, [
          pledgeId,
          unitId,
          criteriaSetId,
        ]),
      { score_sheet_unit_key: () => new DomainError('VERSION_CONFLICT', 'Bảng chấm điểm vừa được người khác tạo. Hãy tải lại.') },
    );
  }

  /** The sheet's self-scored lines. */
  async selfScores(tx: RequestContext, sheetId: string): Promise<Array<{ itemCode: string; score: string }>> {
    return (await this.db(tx).query(
      `SELECT item_code AS "itemCode", self_score AS score FROM score_line WHERE sheet_id = $1 AND self_score IS NOT NULL`,
      [sheetId],
    )) as Array<{ itemCode: string; score: string }>;
  }

  /** Every self-score line in one statement, whatever their number; a corrected line loses its reviewers' score. */
  async saveSelfScores(
    tx: RequestContext,
    sheetId: string,
    lines: Array<{ itemCode: string; kind: string | undefined; score: number; comment: string | null }>,
  ): Promise<void> {
    await this.db(tx).query(
      `INSERT INTO score_line (sheet_id, item_code, item_kind, self_score, self_comment, updated_by)
         SELECT $1, l.code, l.kind, l.score, l.comment, $6 FROM unnest($2::varchar[], $3::varchar[], $4::numeric[], $5::text[]) AS l(code, kind, score, comment)
         ON CONFLICT (sheet_id, item_code) DO UPDATE SET self_score = EXCLUDED.self_score, self_comment = EXCLUDED.self_comment,
           -- A line the unit corrects goes back to the reviewers: their earlier score on it no longer stands.
           reviewed_score = CASE WHEN score_line.self_score IS DISTINCT FROM EXCLUDED.self_score THEN NULL ELSE score_line.reviewed_score END,
           review_comment = CASE WHEN score_line.self_score IS DISTINCT FROM EXCLUDED.self_score THEN NULL ELSE score_line.review_comment END,
           version = score_line.version + 1, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        sheetId,
        lines.map((l) => l.itemCode),
        lines.map((l) => l.kind),
        lines.map((l) => l.score),
        lines.map((l) => l.comment),
        tx.caller.label,
      ],
    );
  }

  /** The current scores (reviewed, else self) of the sheet's other lines. */
  async otherCurrentScores(tx: RequestContext, sheetId: string, itemCode: string): Promise<Array<{ itemCode: string; score: string }>> {
    return (await this.db(tx).query(
      `SELECT item_code AS "itemCode", COALESCE(reviewed_score, self_score) AS score FROM score_line WHERE sheet_id = $1 AND item_code <> $2 AND COALESCE(reviewed_score, self_score) IS NOT NULL`,
      [sheetId, itemCode],
    )) as Array<{ itemCode: string; score: string }>;
  }

  /** A reviewer's score on one line, if the line is still at `expectedLineVersion` (0: not there yet); false when it was not. */
  async saveReviewedScore(
    tx: RequestContext,
    sheetId: string,
    line: { itemCode: string; kind: string | undefined; score: number; comment: string | null },
    expectedLineVersion: number,
  ): Promise<boolean> {
    const result = (await this.db(tx).query(
      `INSERT INTO score_line AS l (sheet_id, item_code, item_kind, reviewed_score, review_comment, updated_by)
         SELECT $1::uuid, $2::varchar, $3::varchar, $4::numeric, $5::text, $6::varchar
         WHERE $7::int = 0 OR EXISTS (SELECT 1 FROM score_line x WHERE x.sheet_id = $1::uuid AND x.item_code = $2::varchar)
         ON CONFLICT (sheet_id, item_code) DO UPDATE SET reviewed_score = EXCLUDED.reviewed_score, review_comment = EXCLUDED.review_comment,
           version = l.version + 1, updated_by = EXCLUDED.updated_by, updated_at = now()
           WHERE l.version = $7
         RETURNING l.version`,
      [sheetId, line.itemCode, line.kind, line.score, line.comment, tx.caller.label, expectedLineVersion],
    )) as unknown[];
    return rowCount(result) === 1;
  }

  /**
   * Bumps the sheet's version. Not a conditional update: the callers hold the sheet's lock or checked a
   * line's own version (two reviewers may score two lines of one sheet at once).
   */
  async bumpVersion(tx: RequestContext, sheetId: string): Promise<void> {
    await this.db(tx).query(`UPDATE score_sheet SET version = version + 1, updated_at = now() WHERE id = $1`, [sheetId]);
  }

  async markSubmitted(tx: RequestContext, sheetId: string, status: ScoreSheetStatus): Promise<void> {
    await this.db(tx).query(`UPDATE score_sheet SET status = $2, review_step = 1, submitted_at = now() WHERE id = $1`, [sheetId, status]);
  }

  async setReviewState(tx: RequestContext, sheetId: string, status: ScoreSheetStatus, step: number): Promise<void> {
    await this.db(tx).query(`UPDATE score_sheet SET status = $2, review_step = $3 WHERE id = $1`, [sheetId, status, step]);
  }

  /** The review log records who acted by id (`actor_id`, what the review-step rule compares) and by label (for people to read). */
  async logEvent(tx: RequestContext, sheetId: string, step: number, action: string, reason: string | null): Promise<void> {
    await this.db(tx).query(
      `INSERT INTO review_event (sheet_id, step, action, reason, actor_label, actor_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [sheetId, step, action, reason, tx.caller.label, tx.caller.id],
    );
  }

  /** The sheet's current review round: who submitted it last, and the accepts logged since. */
  async reviewRound(tx: RequestContext, sheetId: string): Promise<{ submittedBy: string | null; accepted: RoundAcceptance[] }> {
    const [submission] = (await this.db(tx).query(
      `SELECT id, actor_id AS "actorId" FROM review_event WHERE sheet_id = $1 AND action = 'SUBMIT' ORDER BY id DESC LIMIT 1`,
      [sheetId],
    )) as Array<{ id: number; actorId: string | null }>;
    const accepted = (await this.db(tx).query(
      `SELECT step, actor_id AS "actorId" FROM review_event WHERE sheet_id = $1 AND action = 'ACCEPT' AND id > $2 ORDER BY id`,
      [sheetId, submission?.id ?? 0],
    )) as RoundAcceptance[];
    return { submittedBy: submission?.actorId ?? null, accepted };
  }

  /** Lines, evidence and events of these sheets, in three statements whatever their number. */
  async partsOf(ctx: RequestContext, sheetIds: string[]): Promise<SheetParts> {
    const db = this.db(ctx);
    // One after another: inside a transaction the three share one connection, which runs one statement at a time.
    const lines = (await db.query(
      `SELECT sheet_id AS "sheetId", item_code AS "itemCode", item_kind AS "itemKind", self_score AS "selfScore", self_comment AS "selfComment",
         reviewed_score AS "reviewedScore", review_comment AS "reviewComment", version, updated_by AS "updatedBy", updated_at AS "updatedAt"
       FROM score_line WHERE sheet_id = ANY($1)`,
      [sheetIds],
    )) as SheetParts['lines'];
    const evidence = (await db.query(
      `SELECT e.sheet_id AS "sheetId", ${EVIDENCE_COLUMNS} FROM evidence_file e WHERE e.sheet_id = ANY($1) ORDER BY e.uploaded_at, e.id`,
      [sheetIds],
    )) as SheetParts['evidence'];
    const events = (await db.query(
      `SELECT sheet_id AS "sheetId", step, action, reason, actor_label AS "actorLabel", at FROM review_event WHERE sheet_id = ANY($1) ORDER BY id`,
      [sheetIds],
    )) as SheetParts['events'];
    return { lines, evidence, events };
  }

  /** The ranking's rows (RANKING_SQL), before the service applies who may see them. */
  async ranking(ctx: RequestContext, pledgeId: string): Promise<Array<Record<string, unknown>>> {
    return (await this.db(ctx).query(RANKING_SQL, [pledgeId])) as Array<Record<string, unknown>>;
  }

  /** Whether a catalogue entry is ranked (nhất, nhì, ba), from recognition's published `award_title_directory`. */
  async awardTitle(tx: RequestContext, id: string | null): Promise<{ ranked: boolean } | undefined> {
    const [entry] = (await this.db(tx).query(`SELECT ranked FROM award_title_directory WHERE id = $1`, [id])) as Array<{ ranked: boolean }>;
    return entry;
  }

  /** The unit's path, if the unit exists. */
  async unitPath(tx: RequestContext, unitId: string): Promise<string | undefined> {
    const [unit] = (await this.db(tx).query(`SELECT path FROM unit_directory WHERE id = $1`, [unitId])) as Array<{ path: string }>;
    return unit?.path;
  }

  async lineExists(tx: RequestContext, sheetId: string, itemCode: string): Promise<boolean> {
    const rows = (await this.db(tx).query(`SELECT 1 AS scored FROM score_line WHERE sheet_id = $1 AND item_code = $2`, [
      sheetId,
      itemCode,
    ])) as unknown[];
    return rows.length > 0;
  }

  async evidenceCount(tx: RequestContext, sheetId: string, itemCode: string): Promise<number> {
    const [count] = (await this.db(tx).query(`SELECT count(*)::int AS n FROM evidence_file WHERE sheet_id = $1 AND item_code = $2`, [
      sheetId,
      itemCode,
    ])) as Array<{ n: number }>;
    return count.n;
  }

  async insertEvidence(
    tx: RequestContext,
    file: { sheetId: string; itemCode: string; filename: string; contentType: string; data: Buffer; sha256: string },
  ): Promise<EvidenceView> {
    const [row] = (await this.db(tx).query(
      `INSERT INTO evidence_file AS e (sheet_id, item_code, filename, content_type, size_bytes, sha256, data, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING ${EVIDENCE_COLUMNS}`,
      [file.sheetId, file.itemCode, file.filename, file.contentType, file.data.length, file.sha256, file.data, tx.caller.label],
    )) as EvidenceView[];
    return row;
  }

  /** An evidence file with its bytes and its sheet's pledge and unit. */
  async findEvidence(
    ctx: RequestContext,
    id: string,
  ): Promise<(EvidenceView & { data: Buffer; pledgeId: string; unitId: string }) | undefined> {
    const [row] = (await this.db(ctx).query(
      `SELECT ${EVIDENCE_COLUMNS}, e.data, s.pledge_id AS "pledgeId", s.unit_id AS "unitId" FROM evidence_file e JOIN score_sheet s ON s.id = e.sheet_id WHERE e.id = $1`,
      [id],
    )) as Array<EvidenceView & { data: Buffer; pledgeId: string; unitId: string }>;
    return row;
  }

  async findEvidenceForRemoval(tx: RequestContext, id: string): Promise<EvidenceForRemoval | undefined> {
    const [file] = (await this.db(tx).query(
      `SELECT e.id, e.item_code AS "itemCode", e.filename, e.size_bytes AS "sizeBytes", e.sha256, s.pledge_id AS "pledgeId", s.unit_id AS "unitId", u.path AS "unitPath"
           FROM evidence_file e JOIN score_sheet s ON s.id = e.sheet_id JOIN unit_directory u ON u.id = s.unit_id WHERE e.id = $1`,
      [id],
    )) as EvidenceForRemoval[];
    return file;
  }

  /** Deletes an evidence file; false when it was already gone. */
  async deleteEvidence(tx: RequestContext, id: string): Promise<boolean> {
    const deleted = (await this.db(tx).query(`DELETE FROM evidence_file WHERE id = $1 RETURNING id`, [id])) as unknown[];
    return rowCount(deleted) === 1;
  }
}
