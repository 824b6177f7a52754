import { SetMetadata } from '@nestjs/common';

export const API_PROBLEMS_METADATA = 'danvan:api-problems';

/** HTTP error statuses the published OpenAPI document can declare (each answers an RFC 9457 Problem). */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 500;

/** A route's correction of the error statuses derived from what it is (see libs/server/app/src/openapi/error-statuses.ts). */
export interface ApiProblemsOverride {
  /** Statuses the route answers beyond the derived ones (e.g. 401 for wrong credentials on a public route). */
  add?: ProblemStatus[];
  /** Derived statuses the route can never answer. */
  omit?: ProblemStatus[];
}

/**
 * Corrects, for one route (or every route of a controller), the error statuses the OpenAPI
 * document declares. Most routes need none: the statuses follow from the access rule, the
 * path ids, the body, If-Match and Idempotency-Key.
 */
export const ApiProblems = (override: ApiProblemsOverride) => SetMetadata(API_PROBLEMS_METADATA, override);
