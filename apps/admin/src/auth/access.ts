/**
 * What the signed-in account may do in the admin, from the permissions the server gave it
 * (`CurrentAccount.permissions`). Used by the authProvider's canAccess, which react-admin asks before it
 * shows a menu item, a page or a create/edit/delete button. The server checks every call anyway: this only
 * keeps the UI from offering what would be refused.
 */
import type { Permission } from '@danvan/contracts';

/** Resource names of the admin (react-admin `<Resource name>`). */
export const RESOURCES = {
  units: 'units',
  documents: 'documents',
  movements: 'movements',
  blocs: 'blocs',
  pledges: 'pledges',
  awards: 'awards',
  models: 'models',
  accounts: 'accounts',
  apiKeys: 'api-keys',
  auditEvents: 'audit-events',
} as const;

interface ResourceAccess {
  /** Needed to list and read records. */
  read: Permission;
  /** Needed for every other action (create, edit, delete, revoke, reset a password …); null: nobody. */
  write: Permission | null;
  /** Actions of their own that need another permission (e.g. a unit's self-scoring on a pledge). */
  actions?: Record<string, Permission>;
}

export const RESOURCE_ACCESS: Record<string, ResourceAccess> = {
  [RESOURCES.units]: { read: 'units:read', write: 'units:write' },
  [RESOURCES.documents]: { read: 'documents:read', write: 'documents:write' },
  [RESOURCES.movements]: { read: 'emulation:read', write: 'emulation:manage' },
  [RESOURCES.blocs]: { read: 'emulation:read', write: 'emulation:manage' },
  // Managing: create, edit, criteria, signing, steps, reviewing score sheets. `submit`: a signatory's own
  // registration and self-scores.
  [RESOURCES.pledges]: { read: 'emulation:read', write: 'emulation:manage', actions: { submit: 'emulation:submit' } },
  // Awards are recorded and revoked by those who manage the emulation (there is no editing: a decision is
  // revoked and issued again).
  [RESOURCES.awards]: { read: 'emulation:read', write: 'emulation:manage' },
  // "Dân vận khéo" models are registered and edited by the units themselves (`submit`); recognising one
  // (tiêu biểu, tiêu biểu xuất sắc) is the managers' `recognise`.
  [RESOURCES.models]: {
    read: 'emulation:read',
    write: 'emulation:manage',
    actions: { create: 'emulation:submit', edit: 'emulation:submit' },
  },
  [RESOURCES.accounts]: { read: 'accounts:read', write: 'accounts:manage' },
  [RESOURCES.apiKeys]: { read: 'api-keys:read', write: 'api-keys:manage' },
  // The audit trail is append-only: it is written by the changes themselves, never from the admin.
  [RESOURCES.auditEvents]: { read: 'audit:read', write: null },
};

/** react-admin actions that only read. Any other action (create, edit, delete, and our own) changes data. */
const READ_ACTIONS = new Set(['list', 'show', 'read', 'export']);

/**
 * Whether `permissions` allow `action` on `resource`. A field-level resource (`units.name`) follows its
 * resource; an unknown resource is refused.
 */
export const canAccessResource = (permissions: readonly string[], resource: string, action: string): boolean => {
  const access = RESOURCE_ACCESS[resource.split('.')[0]];
  if (!access) return false;
  const own = access.actions && Object.hasOwn(access.actions, action) ? access.actions[action] : undefined;
  const needed = own ?? (READ_ACTIONS.has(action) ? access.read : access.write);
  return needed !== null && permissions.includes(needed);
};
