import type { ApiProblemsOverride, EndpointAccess, ProblemStatus } from '@danvan/core';

/** What a route is, as far as its possible errors go. */
export interface RouteShape {
  httpMethod: string;
  access: EndpointAccess | undefined;
  /** Ids (path, or unit filters of the query): a record that does not exist, or lies outside the caller's scope, answers 404. */
  hasIds: boolean;
  /** Any parameter or body: an unreadable one answers 400. */
  hasInput: boolean;
  /** A body is read: too large → 413, another content type → 415. */
  takesBody: boolean;
  /** Reads If-Match: a stale version → 412; none sent where the record exists → 428 (also where If-Match is optional on creation). */
  versioned: boolean;
  /** POST with Idempotency-Key: the key reused for another body → 422. */
  idempotent: boolean;
  override: ApiProblemsOverride;
}

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/**
 * The error statuses a route can answer, each an RFC 9457 Problem, derived from what it is (the rules
 * of AccessGuard, the pipes, the body parsers, withIfMatch and the idempotency interceptor), so every
 * route declares them alike; `@ApiProblems` on a route corrects what the derivation cannot know.
 */
export function errorStatusesOf(route: RouteShape): ProblemStatus[] {
  const statuses = new Set<ProblemStatus>([429, 500]); // every request is counted by the rate limiter; any may fail
  const authenticated = route.access?.kind !== 'public';
  const write = WRITES.has(route.httpMethod);
  if (route.hasInput || route.idempotent) statuses.add(400);
  if (authenticated) statuses.add(401);
  // A missing permission, or a temporary password on a route that does not allow it.
  if (route.access?.kind === 'permission' || (route.access?.kind === 'authenticated' && !route.access.allowTemporaryPassword))
    statuses.add(403);
  if (route.hasIds) statuses.add(404);
  if (write) {
    statuses.add(409); // duplicates, records still referenced, concurrent transactions
    statuses.add(422); // business rules
  }
  if (route.takesBody) {
    statuses.add(413);
    statuses.add(415);
  }
  if (route.versioned) {
    statuses.add(412);
    statuses.add(428);
  }
  if (route.idempotent) statuses.add(422);
  for (const status of route.override.add ?? []) statuses.add(status);
  for (const status of route.override.omit ?? []) statuses.delete(status);
  return [...statuses].sort((a, b) => a - b);
}
