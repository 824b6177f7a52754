import { setTimeout as sleep } from 'node:timers/promises';
import { isTransactionConflict, type RequestContext } from '@danvan/core';
import type { EntityManager } from 'typeorm';
import type { Database } from './database.js';

/** How often a transaction that lost a deadlock or serialization race is run again, and the backoff between runs. */
export const TRANSACTION_RETRY = { attempts: 4, baseDelayMs: 20, maxDelayMs: 200 } as const;

/** The EntityManager a use case must query through: the open transaction's, if any. */
export function managerOf(database: Database, ctx: RequestContext): EntityManager {
  return ctx.manager ?? database.manager;
}

/**
 * Runs a multi-statement change in one transaction, handing `work` a context
 * bound to it; joins the caller's transaction if one is already open (then a
 * conflict is retried by whoever opened it). `work` may run more than once.
 */
export async function inTransaction<T>(database: Database, ctx: RequestContext, work: (tx: RequestContext) => Promise<T>): Promise<T> {
  if (ctx.manager?.queryRunner?.isTransactionActive) return work(ctx);
  return retryingTransaction(database, (manager) => work(ctx.withManager(manager)));
}

/**
 * An outermost transaction that PostgreSQL may abort for a deadlock (40P01) or a
 * serialization failure (40001): it is rolled back and `work` runs again from the
 * start, up to `TRANSACTION_RETRY.attempts` times with a short jittered backoff;
 * the last failure is rethrown (answered 409 `TRANSACTION_CONFLICT`, never a 500).
 * Everything `work` does must be undone by the rollback: side effects outside the
 * database (files, caches, messages) belong after the commit.
 */
export async function retryingTransaction<T>(database: Database, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.dataSource.transaction(work);
    } catch (error) {
      if (!isTransactionConflict(error) || attempt >= TRANSACTION_RETRY.attempts) throw error;
      // Full jitter: the racing transactions must not wake up in step and collide again.
      const ceiling = Math.min(TRANSACTION_RETRY.maxDelayMs, TRANSACTION_RETRY.baseDelayMs * 2 ** (attempt - 1));
      await sleep(Math.round(Math.random() * ceiling));
    }
  }
}
