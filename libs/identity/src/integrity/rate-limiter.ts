import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '@danvan/core';
import { BACKGROUND_SQL, Database } from '@danvan/database';

/** How often counts go to (and come back from) the shared table. */
const FLUSH_MS = 500;

interface Bucket {
  window: number;
  windowSeconds: number;
  /** Hits of every process as of the last flush. */
  shared: number;
  /** Hits of this process not yet flushed. */
  pending: number;
}

/**
 * Fixed-window rate limits shared by every API process through PostgreSQL
 * (table rate_limit_counter). Ordinary requests are counted in memory and
 * flushed twice a second in one statement, which also brings back the other
 * processes' counts; so several processes together may overshoot a limit by
 * what they admit within half a second. Sign-in attempts are counted in the
 * database at once (`hitNow`), exactly.
 */
@Injectable()
export class RateLimiter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RateLimiter');
  private readonly buckets = new Map<string, Bucket>();
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private lastCleanup = 0;

  constructor(private readonly database: Database) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** Counts one request of `key`; throws RATE_LIMITED (429, Retry-After) beyond `limit` per window. */
  consume(key: string, limit: number, windowSeconds: number, now = Date.now()): void {
    const window = Math.floor(now / (windowSeconds * 1000));
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.window !== window) {
      bucket = { window, windowSeconds, shared: 0, pending: 0 };
      this.buckets.set(key, bucket);
    }
    if (bucket.shared + bucket.pending >= limit) throw this.limited(window, windowSeconds, now);
    bucket.pending++;
  }

  /** Counts one hit in the database now and refuses beyond `limit` (for sign-in attempts). */
  async hitNow(key: string, limit: number, windowSeconds: number, now = Date.now()): Promise<void> {
    const window = Math.floor(now / (windowSeconds * 1000));
    // INSERT … RETURNING comes back from TypeORM as the plain row array.
    const rows = (await this.database.manager.query(
      `INSERT INTO rate_limit_counter (bucket, window_start, hits) VALUES ($1, to_timestamp($2), 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counter.hits + 1 RETURNING hits`,
      [key, window * windowSeconds],
    )) as Array<{ hits: number }>;
    if (rows[0].hits > limit) throw this.limited(window, windowSeconds, now);
  }

  /** Sends this process's pending counts and reads back the shared totals. */
  flush(): Promise<void> {
    this.flushing ??= this.doFlush().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async doFlush(): Promise<void> {
    const now = Date.now();
    // Buckets of a past window are done with: forget them.
    for (const [key, b] of this.buckets) if (b.window !== Math.floor(now / (b.windowSeconds * 1000))) this.buckets.delete(key);
    const entries = [...this.buckets.entries()];
    if (!entries.length) return;
    const sent = entries.map(([, b]) => b.pending);
    try {
      const returned = (await this.database.manager.query(
        `${BACKGROUND_SQL} INSERT INTO rate_limit_counter (bucket, window_start, hits)
         SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::int[])
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counter.hits + EXCLUDED.hits
         RETURNING bucket, hits`,
        [entries.map(([k]) => k), entries.map(([, b]) => new Date(b.window * b.windowSeconds * 1000)), sent],
      )) as Array<{ bucket: string; hits: number }>;
      const totals = new Map(returned.map((r) => [r.bucket, r.hits]));
      entries.forEach(([key, bucket], i) => {
        bucket.pending -= sent[i];
        bucket.shared = totals.get(key) ?? bucket.shared + sent[i];
      });
      if (now - this.lastCleanup < 60_000) return;
      this.lastCleanup = now;
      await this.database.manager.query(`${BACKGROUND_SQL} DELETE FROM rate_limit_counter WHERE window_start < now() - interval '1 day'`);
    } catch (error) {
      this.logger.warn(`rate-limit flush failed: ${(error as Error).message}`);
    }
  }

  private limited(window: number, windowSeconds: number, now: number): DomainError {
    const retryAfter = ((window + 1) * windowSeconds * 1000 - now) / 1000;
    return DomainError.rateLimited('Quá nhiều yêu cầu trong thời gian ngắn. Hãy thử lại sau ít phút.', retryAfter);
  }
}
