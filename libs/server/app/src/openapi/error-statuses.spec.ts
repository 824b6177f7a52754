import { describe, expect, it } from '@jest/globals';
import { errorStatusesOf, type RouteShape } from './error-statuses.js';

const route = (shape: Partial<RouteShape>): RouteShape => ({
  httpMethod: 'get',
  access: { kind: 'permission', permission: 'units:read' },
  hasIds: false,
  hasInput: false,
  takesBody: false,
  versioned: false,
  idempotent: false,
  override: {},
  ...shape,
});

describe('the error statuses a route declares', () => {
  it('follow from what the route is', () => {
    expect(errorStatusesOf(route({ hasInput: true }))).toEqual([400, 401, 403, 429, 500]);
    expect(errorStatusesOf(route({ hasIds: true, hasInput: true }))).toEqual([400, 401, 403, 404, 429, 500]);
    expect(errorStatusesOf(route({ httpMethod: 'patch', hasIds: true, hasInput: true, takesBody: true, versioned: true }))).toEqual([
      400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429, 500,
    ]);
    expect(errorStatusesOf(route({ httpMethod: 'post', hasInput: true, takesBody: true, idempotent: true }))).toEqual([
      400, 401, 403, 409, 413, 415, 422, 429, 500,
    ]);
  });

  it('a public route answers no 401 or 403; an account route open on a temporary password no 403', () => {
    expect(errorStatusesOf(route({ access: { kind: 'public', reason: 'health' } }))).toEqual([429, 500]);
    expect(errorStatusesOf(route({ access: { kind: 'authenticated', allowTemporaryPassword: true } }))).toEqual([401, 429, 500]);
    expect(errorStatusesOf(route({ access: { kind: 'authenticated' } }))).toEqual([401, 403, 429, 500]);
  });

  it('a route corrects the derivation with @ApiProblems', () => {
    const login = route({ httpMethod: 'post', access: { kind: 'public', reason: 'sign-in' }, hasInput: true, takesBody: true });
    expect(errorStatusesOf({ ...login, override: { add: [401], omit: [409] } })).toEqual([400, 401, 413, 415, 422, 429, 500]);
  });
});
