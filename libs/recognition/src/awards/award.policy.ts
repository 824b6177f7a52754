import { anyOf, definePolicy, unitInSubtree } from '@danvan/kit';

/** What the award policy reads of an award. */
export interface AwardAccess {
  recipientPath: string;
  issuerPath: string;
  revoked: boolean;
}

/** The award's recipient unit lies in the caller's subtree (`ru` in SQL). */
export const RECEIVED_AWARD = unitInSubtree<AwardAccess>('đơn vị được khen thưởng', 'ru.path', (a) => a.recipientPath);

/** The award's issuing unit lies in the caller's subtree (`iu` in SQL): the issuer and the levels above it. */
export const ISSUED_AWARD = unitInSubtree<AwardAccess>('đơn vị khen thưởng', 'iu.path', (a) => a.issuerPath);

/**
 * Awards: seen by the recipient's and the issuer's subtrees; revoked (while in
 * force) by the issuer's subtree with emulation:manage. `canRevoke` of the
 * GraphQL view is `AWARD_POLICY.may(ctx, 'revoke', award)`.
 */
export const AWARD_POLICY = definePolicy<AwardAccess, 'revoke'>({
  resource: 'khen thưởng',
  read: 'emulation:read',
  see: anyOf(RECEIVED_AWARD, ISSUED_AWARD),
  create: 'emulation:manage',
  actions: {
    revoke: {
      permission: 'emulation:manage',
      scope: ISSUED_AWARD,
      refusal: 'Chỉ đơn vị đã khen thưởng (hoặc cấp trên của đơn vị đó) được thu hồi khen thưởng.',
      when: (a) => !a.revoked,
    },
  },
});
