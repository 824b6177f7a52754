import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A replayed answer must be the first answer byte for byte, but `response jsonb`
 * keeps only its JSON value (jsonb reorders keys and drops the original text).
 * The serialized body is now kept as sent (`response_body`), with its
 * content-type in `headers`. Rows stored before keep `response` and are replayed
 * from it (same value, jsonb's key order) until the retention purge removes them.
 */
export class IdempotencyRawBody1764000000600 implements MigrationInterface {
  name = 'IdempotencyRawBody1764000000600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE idempotency_record ADD COLUMN response_body bytea`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE idempotency_record DROP COLUMN response_body`);
  }
}
