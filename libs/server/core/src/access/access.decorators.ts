import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@danvan/contracts';

export const ACCESS_METADATA = 'danvan:access';

/** What an endpoint declares about access. Every route and GraphQL operation must declare one. */
export type EndpointAccess =
  | { kind: 'permission'; permission: Permission; allowTemporaryPassword?: boolean }
  | { kind: 'authenticated'; allowTemporaryPassword?: boolean }
  | { kind: 'public'; reason: string };

/** The caller needs this permission (and sees only its unit's subtree). */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(ACCESS_METADATA, { kind: 'permission', permission } satisfies EndpointAccess);

/** Any signed-in caller; `allowTemporaryPassword` for the few endpoints open before the first password change. */
export const RequireAuthentication = (options: { allowTemporaryPassword?: boolean } = {}) =>
  SetMetadata(ACCESS_METADATA, { kind: 'authenticated', ...options } satisfies EndpointAccess);

/** No check, on purpose: the reason is stated and listed by the access test. */
export const PublicEndpoint = (reason: string) => SetMetadata(ACCESS_METADATA, { kind: 'public', reason } satisfies EndpointAccess);
