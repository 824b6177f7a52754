/**
 * Contract of the unit register (đơn vị), shared by the API and the admin SPA.
 * Enum values are the same on the wire in REST and GraphQL (GraphQL enum names), and in the database.
 */

/** Kind of organisation a unit is (domain.md, "Unit"). */
export const UNIT_KINDS = [
  'PARTY_COMMITTEE',
  'MASS_MOBILISATION_COMMISSION',
  'FATHERLAND_FRONT',
  'MASS_ORGANISATION',
  'ARMED_FORCES',
  'STATE_AGENCY',
  'STEERING_COMMITTEE',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Administrative level. Kept as a value, never as columns (district level ended 1/7/2025 but stays in history). */
export const UNIT_LEVELS = ['CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const UNIT_STATUSES = ['ACTIVE', 'MERGED', 'DISSOLVED'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

/** Fields a unit list may be sorted by (the allow-list used by REST and GraphQL). */
export const UNIT_SORT_FIELDS = ['code', 'name', 'shortName', 'level', 'kind', 'status', 'validFrom', 'createdAt', 'updatedAt'] as const;
export type UnitSortField = (typeof UNIT_SORT_FIELDS)[number];

/** Length limits of unit fields, enforced by the API and mirrored by the admin inputs. */
export const UNIT_LIMITS = {
  codeMaxLength: 32,
  nameMaxLength: 255,
  shortNameMaxLength: 64,
  leadersMax: 20,
  successorsMax: 20,
} as const;

/** A leader or contact of a unit (Trưởng ban, Phó Trưởng ban …). */
export interface UnitLeader {
  name: string;
  title: string;
  phone?: string | null;
  email?: string | null;
}

/** A unit as REST returns it. */
export interface UnitDto {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  level: UnitLevel;
  parentId: string | null;
  adminAreaCode: string | null;
  leaders: UnitLeader[];
  status: UnitStatus;
  /** ISO date (yyyy-MM-dd) */
  validFrom: string | null;
  /** ISO date (yyyy-MM-dd), inclusive: the last day the unit existed. */
  validTo: string | null;
  successorIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  /** What the caller may do to the unit now (UNIT_POLICY): `update`, `delete`. */
  allowedActions: string[];
}

/** Vietnamese labels, used by the admin and by exports. */
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  PARTY_COMMITTEE: 'Cấp ủy',
  MASS_MOBILISATION_COMMISSION: 'Ban Dân vận',
  FATHERLAND_FRONT: 'Ủy ban MTTQ',
  MASS_ORGANISATION: 'Đoàn thể',
  ARMED_FORCES: 'Lực lượng vũ trang',
  STATE_AGENCY: 'Cơ quan nhà nước',
  STEERING_COMMITTEE: 'Ban Chỉ đạo',
};

export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  CENTRAL: 'Trung ương',
  PROVINCE: 'Tỉnh',
  DISTRICT: 'Huyện',
  COMMUNE: 'Xã',
};

export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = {
  ACTIVE: 'Đang hoạt động',
  MERGED: 'Đã hợp nhất',
  DISSOLVED: 'Đã giải thể',
};
