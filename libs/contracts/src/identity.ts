/**
 * Identity and access: roles of accounts, permissions every endpoint declares,
 * and the scopes an API key may carry. Shared by the API (enforcement) and the
 * admin (hiding what a role may not do).
 */

/** What an endpoint or operation needs. `<resource>:read` or `<resource>:write` (or `:manage`). */
export const PERMISSIONS = [
  'units:read',
  'units:write',
  'documents:read',
  'documents:write',
  'emulation:read',
  'emulation:manage',
  'emulation:submit',
  'accounts:read',
  'accounts:manage',
  'api-keys:read',
  'api-keys:manage',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['ADMIN', 'SECRETARIAT', 'ORGANISATION', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do; always within its unit's subtree, except ADMIN (everything). */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: PERMISSIONS,
  SECRETARIAT: [
    'units:read',
    'units:write',
    'documents:read',
    'documents:write',
    'emulation:read',
    'emulation:manage',
    'emulation:submit',
    'accounts:read',
    'accounts:manage',
    'api-keys:read',
    'api-keys:manage',
    'audit:read',
  ],
  ORGANISATION: ['units:read', 'documents:read', 'emulation:read', 'emulation:submit'],
  VIEWER: ['units:read', 'documents:read', 'emulation:read'],
};

/** Permissions an API key can be given (integrations never manage accounts or keys). */
export const API_KEY_SCOPES = [
  'units:read',
  'units:write',
  'documents:read',
  'emulation:read',
  'emulation:submit',
] as const satisfies readonly Permission[];
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Quản trị hệ thống',
  SECRETARIAT: 'Văn phòng, chuyên viên Ban Dân vận',
  ORGANISATION: 'Cán bộ tổ chức thành viên',
  VIEWER: 'Chỉ xem (lãnh đạo, báo cáo)',
};

export const PERMISSION_LABELS: Record<Permission, string> = {
  'units:read': 'Xem đơn vị',
  'units:write': 'Thêm, sửa, xóa đơn vị',
  'documents:read': 'Xem sổ văn bản',
  'documents:write': 'Nhập, sửa văn bản',
  'emulation:read': 'Xem thi đua (phong trào, khối, giao ước, kết quả)',
  'emulation:manage': 'Quản lý thi đua (khối, giao ước, tiêu chí, thẩm định)',
  'emulation:submit': 'Đăng ký chỉ tiêu, tự chấm điểm của đơn vị',
  'accounts:read': 'Xem tài khoản',
  'accounts:manage': 'Quản lý tài khoản',
  'api-keys:read': 'Xem khóa API',
  'api-keys:manage': 'Quản lý khóa API',
  'audit:read': 'Xem nhật ký thay đổi',
};

export const PASSWORD_MIN_LENGTH = 10;

/** The signed-in account, as `/api/v1/auth/me` and the login answer return it. */
export interface CurrentAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  unitName: string;
  permissions: Permission[];
  mustChangePassword: boolean;
}

/**
 * What `/api/v1/auth/me` (and GraphQL `me`) answer an API key: the key itself, its unit,
 * scopes and expiry. `kind` tells it from a CurrentAccount (which has no `kind`).
 */
export interface CurrentApiKey {
  kind: 'api-key';
  id: string;
  name: string;
  /** The public part of the key (`dvk_<prefix>_…`), to recognise it. */
  prefix: string;
  unitId: string;
  unitName: string;
  scopes: Permission[];
  /** ISO time; null: the key does not expire. */
  expiresAt: string | null;
}

/** Who is calling, as `/api/v1/auth/me` answers it: an account (a session) or an API key. */
export type CurrentCaller = CurrentAccount | CurrentApiKey;

/** Answer of login and refresh. */
export interface SessionTokens {
  accessToken: string;
  /** ISO time */
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  account: CurrentAccount;
}
