import type { EntityManager } from 'typeorm';
import { SYSTEM_CALLER, type Caller } from '../access/caller.js';

/**
 * What travels with every service call: the request id, the caller (their
 * permissions and unit scope) and, inside a transaction, the transaction's
 * EntityManager so every query of the use case joins it.
 */
export class RequestContext {
  constructor(
    readonly requestId: string,
    readonly caller: Caller,
    readonly manager?: EntityManager,
  ) {}

  /** A context for work that no HTTP request started (start-up, demo data, scripts): unrestricted. */
  static system(label = 'system'): RequestContext {
    return new RequestContext(label, SYSTEM_CALLER);
  }

  withManager(manager: EntityManager): RequestContext {
    return new RequestContext(this.requestId, this.caller, manager);
  }
}

/**
 * The open transaction a context carries, for helpers that must write inside the
 * caller's transaction (the audit trail, a savepoint): a context without one is a
 * programming error, not a request to fall back to autocommit.
 */
export function transactionOf(tx: RequestContext, helper: string): EntityManager {
  if (!tx.manager) throw new Error(`${helper} needs the context of an open transaction (inTransaction's tx)`);
  return tx.manager;
}
