import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ranking of a pledge (RANKING_SQL in scoring/score-sheet.repository.ts) sums the score
 * lines of its sheets. Through the primary key (sheet_id, item_code) each line
 * costs a heap visit, so the planner preferred reading the whole score_line
 * table (every pledge, every year) and hashing it: 330,000 lines read for the
 * 3,100 of a 100-unit bloc, and a ranking that grew slower with the history of
 * all pledges. With the columns the totals need in the index, the lines of one
 * sheet are an index-only range: the ranking reads only its own pledge's lines.
 */
export class RankingIndex1764000000520 implements MigrationInterface {
  name = 'RankingIndex1764000000520';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX score_line_sheet_totals_idx ON score_line (sheet_id) INCLUDE (item_kind, self_score, reviewed_score)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX score_line_sheet_totals_idx`);
  }
}
