import type { RequestContext } from '@danvan/core';
import type { EntityManager } from 'typeorm';
import type { Database } from './database.js';

/** The EntityManager a use case must query through: the open transaction's, if any. */
export function managerOf(database: Database, ctx: RequestContext): EntityManager {
  return ctx.manager ?? database.manager;
}

/**
 * Runs a multi-statement change in one transaction, handing `work` a context
 * bound to it; joins the caller's transaction if one is already open.
 */
export async function inTransaction<T>(database: Database, ctx: RequestContext, work: (tx: RequestContext) => Promise<T>): Promise<T> {
  if (ctx.manager?.queryRunner?.isTransactionActive) return work(ctx);
  return database.dataSource.transaction((manager) => work(ctx.withManager(manager)));
}
