import { PLEDGE_STATUSES, type PledgeStatus } from '@danvan/contracts';
import { ANONYMOUS_CALLER, RequestContext, type Caller } from '@danvan/core';
import { PLEDGE_POLICY } from './pledge.policy.js';

/** Who may take which step of a pledge, as its views offer it (`allowedActions`). */
const caller = (scopePath: string | null, permissions: Caller['permissions']): RequestContext =>
  new RequestContext('test', {
    kind: 'account',
    id: 'a',
    label: 'test',
    role: 'SECRETARIAT',
    unitId: 'u',
    scopePath,
    permissions,
    mustChangePassword: false,
  });

const manager = caller('/province/', new Set(['emulation:read', 'emulation:manage', 'emulation:submit']));
const member = caller('/province/district/', new Set(['emulation:read', 'emulation:submit']));
const pledge = (status: PledgeStatus) => ({ ownerPath: '/province/', memberPaths: ['/province/district/'], status });

describe('the pledge policy', () => {
  it('offers the bloc manager the one next step of the lifecycle, and finalising only from review', () => {
    const offered = Object.fromEntries(PLEDGE_STATUSES.map((status) => [status, PLEDGE_POLICY.allowedActions(manager, pledge(status))]));
    expect(offered).toEqual({
      DRAFT: ['update', 'setCriteria', 'sign'],
      SIGNED: ['update', 'setCriteria', 'advance:REGISTRATION_OPEN'],
      REGISTRATION_OPEN: ['update', 'setCriteria', 'advance:SCORING_OPEN'],
      SCORING_OPEN: ['update', 'setCriteria', 'advance:UNDER_REVIEW', 'review'],
      UNDER_REVIEW: ['update', 'advance:FINALISED', 'review'],
      FINALISED: [],
    });
  });

  it('offers a member, a manager of another subtree and the anonymous caller nothing, and refuses them the step', () => {
    const elsewhere = caller('/other/', new Set(['emulation:manage']));
    for (const ctx of [member, elsewhere, new RequestContext('test', ANONYMOUS_CALLER)]) {
      expect(PLEDGE_POLICY.allowedActions(ctx, pledge('UNDER_REVIEW'))).toEqual([]);
      expect(() => PLEDGE_POLICY.assert(ctx, 'advance', pledge('UNDER_REVIEW'))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    }
    expect(() => PLEDGE_POLICY.assert(manager, 'advance', pledge('UNDER_REVIEW'))).not.toThrow();
    // Members still see the pledge.
    expect(PLEDGE_POLICY.canSee(member, pledge('DRAFT'))).toBe(true);
  });

  it('declares its vocabulary and the permission the endpoint guards read', () => {
    expect(PLEDGE_POLICY.vocabulary).toEqual([
      'update',
      'setCriteria',
      'sign',
      'advance:REGISTRATION_OPEN',
      'advance:SCORING_OPEN',
      'advance:UNDER_REVIEW',
      'advance:FINALISED',
      'review',
    ]);
    expect(PLEDGE_POLICY.permission('advance')).toBe('emulation:manage');
  });
});
