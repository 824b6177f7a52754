/**
 * The `changes` of an audit event (JSON text `{ field: { before, after } }`) made readable: one line per
 * field, values as people read them (labels instead of codes, dd/MM/yyyy dates, Có/Không). Pure, unit-tested.
 */
import { PERMISSION_LABELS, ROLE_LABELS, UNIT_KIND_LABELS, UNIT_LEVEL_LABELS, UNIT_STATUS_LABELS } from '@danvan/contracts';
import { formatVnDate } from '../fields/vnDate';
import { RESOURCES } from '../auth/access';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses `changes`; text that is not the expected JSON gives no lines (the event is still listed). */
export const parseChanges = (text: string | null | undefined): FieldChange[] => {
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!isObject(parsed)) return [];
  return Object.entries(parsed).map(([field, change]) =>
    isObject(change) && ('before' in change || 'after' in change)
      ? { field, before: change.before ?? null, after: change.after ?? null }
      : { field, before: null, after: change ?? null },
  );
};

/** The admin resource whose field labels name an entity's fields (`unit` → `units`). */
export const ENTITY_RESOURCES: Record<string, string> = {
  unit: RESOURCES.units,
  account: RESOURCES.accounts,
  'api-key': RESOURCES.apiKeys,
};

/** Fields holding unit ids, shown as the units' names. */
export const UNIT_REFERENCE_FIELDS = new Set(['parentId', 'unitId', 'successorIds']);

const ENUM_LABELS: Record<string, Readonly<Record<string, string>>> = {
  kind: UNIT_KIND_LABELS,
  level: UNIT_LEVEL_LABELS,
  status: UNIT_STATUS_LABELS,
  role: ROLE_LABELS,
  scopes: PERMISSION_LABELS,
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const formatInstant = (value: string): string => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())} ${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
};

/** A leader of a unit: "Nguyễn Văn A (Bí thư)". */
const formatLeader = (leader: Record<string, unknown>): string => {
  const name = typeof leader.name === 'string' ? leader.name : '';
  const title = typeof leader.title === 'string' && leader.title ? ` (${leader.title})` : '';
  return `${name}${title}`;
};

/**
 * One value of a field as text; null for "nothing" (null, empty text, empty list), which the UI shows
 * as "(trống)". `booleans` are the (translated) words for true and false.
 */
export const formatAuditValue = (field: string, value: unknown, booleans: { yes: string; no: string }): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? booleans.yes : booleans.no;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    const items = value.map((item) => (isObject(item) ? formatLeader(item) : (formatAuditValue(field, item, booleans) ?? '')));
    return items.join(field === 'leaders' ? '; ' : ', ');
  }
  if (typeof value === 'string') {
    const labels = ENUM_LABELS[field];
    if (labels && Object.hasOwn(labels, value)) return labels[value];
    if (ISO_DATE.test(value)) return formatVnDate(value);
    if (ISO_INSTANT.test(value)) return formatInstant(value);
    return value;
  }
  return JSON.stringify(value);
};
