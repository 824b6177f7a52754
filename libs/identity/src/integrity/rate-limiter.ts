import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '@danvan/core';
import { BACKGROUND_SQL, Database } from '@danvan/database';

/** Share of a key's remaining budget that one process leases at a time. */
const LEASE_SHARE = 0.1;
/** How often this process forgets its leases of past windows (the shared counters are purged by RateLimitPurgeJob). */
const SWEEP_MS = 60_000;
/** At most one warning per this interval while the database refuses the limiter's statements. */
const WARN_EVERY_MS = 10_000;

/**
 * The part of one key's budget, in one window, that this process holds. Every
 * request this process admits comes out of `available`, which only a claim on
 * the shared counter fills; so all processes together admit at most the limit.
 */
interface Lease {
  window: number;
  windowSeconds: number;
  /** Requests this process may still admit without asking the database. */
  available: number;
  /** The shared counter (claims of every process) as of this process's last claim. */
  claimed: number;
  /** Everything this process was granted this window, backed by the database or not. */
  granted: number;
  /** The shared budget is spent: refuse until the window ends, without asking the database. */
  spent: boolean;
  /** The claim under way: concurrent requests of the key wait for it instead of sending their own. */
  claiming?: Promise<void>;
}

/**
 * Fixed-window rate limits shared by every API process through PostgreSQL
 * (table rate_limit_counter, whose `hits` counts what processes claimed).
 * A process leases a tenth of a key's remaining budget with one atomic
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING` and admits that many requests
 * without a round trip; the lease shrinks as the budget runs out (one request
 * at a time in its last tenth). Grants never exceed what is left, so N processes
 * together admit at most the limit. Sign-in attempts are counted one by one
 * (`hitNow`). If the database fails, requests are admitted (fail open) but each
 * process still stops at the limit on its own. See docs/security.md.
 */
@Injectable()
export class RateLimiter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RateLimiter');
  private readonly leases = new Map<string, Lease>();
  private timer?: NodeJS.Timeout;
  private lastWarning = 0;

  constructor(private readonly database: Database) {}

  onModuleInit(): void {
    this.timer = setInterval(() => this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Counts one request of `key`; throws RATE_LIMITED (429, Retry-After) beyond `limit` per window. */
  async consume(key: string, limit: number, windowSeconds: number, now = Date.now()): Promise<void> {
    const lease = this.leaseOf(key, windowSeconds, now);
    for (;;) {
      if (lease.available > 0) {
        lease.available--;
        return;
      }
      if (lease.spent) throw this.limited(lease.window, windowSeconds, now);
      // A claim always either adds to `available` or marks the lease spent: the loop ends.
      await (lease.claiming ??= this.claim(key, lease, limit).finally(() => (lease.claiming = undefined)));
    }
  }

  /** Counts one hit in the database now and refuses beyond `limit` (for sign-in attempts). */
  async hitNow(key: string, limit: number, windowSeconds: number, now = Date.now()): Promise<void> {
    const lease = this.leaseOf(key, windowSeconds, now);
    const claimed = await this.addToCounter(key, lease, 1);
    lease.granted++;
    // Without the database, this process counts on its own.
    if ((claimed ?? lease.granted) > limit) throw this.limited(lease.window, windowSeconds, now);
  }

  private leaseOf(key: string, windowSeconds: number, now: number): Lease {
    const window = Math.floor(now / (windowSeconds * 1000));
    let lease = this.leases.get(key);
    if (!lease || lease.window !== window) {
      lease = { window, windowSeconds, available: 0, claimed: 0, granted: 0, spent: false };
      this.leases.set(key, lease);
    }
    return lease;
  }

  /** Leases a share of what is left of the budget, as last seen (at least one request). */
  private async claim(key: string, lease: Lease, limit: number): Promise<void> {
    const wanted = Math.max(1, Math.ceil((limit - lease.claimed) * LEASE_SHARE));
    const claimed = await this.addToCounter(key, lease, wanted);
    let granted: number;
    if (claimed === undefined) {
      // Fail open, but never beyond the limit within this process.
      granted = Math.min(wanted, Math.max(0, limit - lease.granted));
    } else {
      // The counter before this claim was claimed − wanted; grant only what was left of the limit.
      granted = Math.min(wanted, Math.max(0, limit - (claimed - wanted)));
      lease.claimed = claimed;
    }
    lease.available += granted;
    lease.granted += granted;
    if (granted < wanted) lease.spent = true;
  }

  /** Adds `hits` to the shared counter and answers its new value; undefined if the database failed. */
  private async addToCounter(key: string, lease: Lease, hits: number): Promise<number | undefined> {
    try {
      // Marked as background: the limiter's bookkeeping is not the statements a request's work sends.
      // INSERT … RETURNING comes back from TypeORM as the plain row array.
      const rows = (await this.database.manager.query(
        `${BACKGROUND_SQL} INSERT INTO rate_limit_counter (bucket, window_start, hits) VALUES ($1, to_timestamp($2), $3)
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counter.hits + EXCLUDED.hits RETURNING hits`,
        [key, lease.window * lease.windowSeconds, hits],
      )) as Array<{ hits: number }>;
      return Number(rows[0].hits);
    } catch (error) {
      const now = Date.now();
      if (now - this.lastWarning >= WARN_EVERY_MS) {
        this.lastWarning = now;
        this.logger.warn(`rate limits counted per process (database failed): ${(error as Error).message}`);
      }
      return undefined;
    }
  }

  /** Forgets this process's leases of past windows (memory only: the rows are RateLimitPurgeJob's). */
  private sweep(): void {
    const now = Date.now();
    for (const [key, lease] of this.leases) {
      if (lease.window !== Math.floor(now / (lease.windowSeconds * 1000))) this.leases.delete(key);
    }
  }

  private limited(window: number, windowSeconds: number, now: number): DomainError {
    const retryAfter = ((window + 1) * windowSeconds * 1000 - now) / 1000;
    return DomainError.rateLimited('Quá nhiều yêu cầu trong thời gian ngắn. Hãy thử lại sau ít phút.', retryAfter);
  }
}
