import { ROLES } from '@danvan/contracts';
import { equals, textSearch } from '@danvan/core';
import {
  booleanFilter,
  dateTimeFilter,
  defineList,
  enumValueFilter,
  idFilter,
  nextCalendarDay,
  startOfVietnamDay,
  stringFilter,
  textFilter,
  type FilterOf,
} from '@danvan/kit';
import { RoleEnum } from './dto/identity.views.js';

/** Accounts: GraphQL accountList(options). */
export const ACCOUNT_LIST = defineList({
  name: 'Account',
  label: 'tài khoản',
  from: 'account a LEFT JOIN unit_directory u ON u.id = a.unit_id',
  select: `a.id, a.username, a.display_name AS "displayName", a.role, a.unit_id AS "unitId", u.name AS "unitName", a.active,
    a.must_change_password AS "mustChangePassword", a.locked_until AS "lockedUntil", a.last_login_at AS "lastLoginAt",
    a.version, a.created_at AS "createdAt", a.updated_at AS "updatedAt"`,
  tieBreaker: 'a.id',
  sort: {
    columns: { username: 'a.username', displayName: 'a.display_name', createdAt: 'a.created_at', lastLoginAt: 'a.last_login_at' },
    labels: {
      username: 'Tên đăng nhập.',
      displayName: 'Tên hiển thị.',
      createdAt: 'Thời điểm tạo.',
      lastLoginAt: 'Lần đăng nhập gần nhất.',
    },
    default: { field: 'username', order: 'asc' },
  },
  filters: {
    search: textFilter(textSearch(`danvan_normalize(a.username || ' ' || a.display_name)`), {
      description: 'Tìm theo tên đăng nhập và tên hiển thị, không phân biệt dấu.',
    }),
    role: enumValueFilter(ROLES, RoleEnum, equals('a.role'), { description: 'Vai trò.' }),
    unitId: idFilter(equals('a.unit_id'), { namesUnit: true, description: 'Tài khoản của đơn vị này.' }),
  },
});
export type AccountFilter = FilterOf<typeof ACCOUNT_LIST>;
export type AccountSortField = (typeof ACCOUNT_LIST.sortFields)[number];

const ACTIVE_KEY = 'k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())';

/** API keys: GraphQL apiKeys(options). */
export const API_KEY_LIST = defineList({
  name: 'ApiKey',
  label: 'khóa API',
  from: 'api_key k JOIN unit_directory u ON u.id = k.unit_id LEFT JOIN account c ON c.id = k.created_by',
  select: `k.id, k.name, k.unit_id AS "unitId", u.name AS "unitName", k.scopes, k.prefix, k.expires_at AS "expiresAt",
    k.revoked_at AS "revokedAt", k.last_used_at AS "lastUsedAt", c.username AS "createdBy", k.created_at AS "createdAt"`,
  tieBreaker: 'k.id',
  sort: {
    columns: { createdAt: 'k.created_at', name: 'k.name', lastUsedAt: 'k.last_used_at' },
    labels: { createdAt: 'Thời điểm tạo.', name: 'Tên khóa.', lastUsedAt: 'Lần dùng gần nhất.' },
    default: { field: 'createdAt', order: 'desc' },
  },
  filters: {
    unitId: idFilter(equals('k.unit_id'), { namesUnit: true, description: 'Khóa của đơn vị này.' }),
    includeInactive: booleanFilter((include) => (include ? 'TRUE' : ACTIVE_KEY), {
      description: 'true: cả các khóa đã thu hồi hoặc hết hạn; mặc định chỉ các khóa còn dùng được.',
    }),
  },
});
export type ApiKeyFilter = FilterOf<typeof API_KEY_LIST>;
export type ApiKeySortField = (typeof API_KEY_LIST.sortFields)[number];

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date is a day in Vietnam: it starts at 00:00 there. */
function startOfDayOrInstant(value: string): string {
  return DATE_ONLY.test(value) ? startOfVietnamDay(value) : value;
}

/** The audit trail: REST GET /api/v1/audit-events and GraphQL auditEvents(options). */
export const AUDIT_EVENT_LIST = defineList({
  name: 'AuditEvent',
  label: 'sự kiện nhật ký',
  from: 'audit_event e',
  select: `e.id::text AS id, e.at, e.actor_type AS "actorType", e.actor_id AS "actorId", e.actor_label AS "actorLabel",
    e.actor_unit_id AS "actorUnitId", e.entity, e.entity_id AS "entityId", e.action, e.changes::text AS changes, e.request_id AS "requestId"`,
  tieBreaker: 'e.id',
  sort: {
    columns: { at: 'e.at' },
    labels: { at: 'Thời điểm thay đổi.' },
    default: { field: 'at', order: 'desc' },
  },
  filters: {
    entity: stringFilter(equals('e.entity'), { maxLength: 40, description: 'Loại bản ghi (ví dụ unit, document).' }),
    entityId: stringFilter(equals('e.entity_id'), { maxLength: 80, description: 'Mã định danh của bản ghi.' }),
    action: stringFilter(equals('e.action'), { maxLength: 40, description: 'Thao tác (ví dụ create, update, delete).' }),
    actorId: idFilter(equals('e.actor_id'), { description: 'Người (tài khoản) hoặc khóa API đã thực hiện.' }),
    from: dateTimeFilter((value, params) => `e.at >= ${params.add(startOfDayOrInstant(value))}::timestamptz`, {
      description: 'Từ thời điểm (ISO 8601) hoặc từ đầu ngày (yyyy-MM-dd, giờ Việt Nam).',
    }),
    // A calendar date as `to` is inclusive: the whole day, as people read "đến ngày 31/01/2024".
    to: dateTimeFilter(
      (value, params) =>
        DATE_ONLY.test(value)
          ? `e.at < ${params.add(startOfVietnamDay(nextCalendarDay(value)))}::timestamptz`
          : `e.at <= ${params.add(value)}::timestamptz`,
      { description: 'Đến thời điểm (ISO 8601) hoặc hết ngày (yyyy-MM-dd, tính cả ngày này; không trước from).', notBefore: 'from' },
    ),
  },
});
export type AuditEventFilter = FilterOf<typeof AUDIT_EVENT_LIST>;

/** GraphQL options of the identity lists, and the audit trail's REST query (generated from the declarations above). */
export const AccountListOptions = ACCOUNT_LIST.Options;
export type AccountListOptions = InstanceType<typeof AccountListOptions>;
export const ApiKeyListOptions = API_KEY_LIST.Options;
export type ApiKeyListOptions = InstanceType<typeof ApiKeyListOptions>;
export const AuditEventListOptions = AUDIT_EVENT_LIST.Options;
export type AuditEventListOptions = InstanceType<typeof AuditEventListOptions>;
export const AuditEventListQuery = AUDIT_EVENT_LIST.RestQuery;
export type AuditEventListQuery = InstanceType<typeof AuditEventListQuery>;
