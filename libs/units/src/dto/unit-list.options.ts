import { UNIT_LIST } from '../unit.list.js';

export type { UnitFilterValues } from '../unit.list.js';

/** Query string of GET /api/v1/units (generated from the list declaration, unit.list.ts). */
export const UnitListQuery = UNIT_LIST.RestQuery;
export type UnitListQuery = InstanceType<typeof UnitListQuery>;

/** Query string of GET /api/v1/units/export.xlsx: the list's filters and sort, no pages. */
export const UnitExportQuery = UNIT_LIST.RestExportQuery;
export type UnitExportQuery = InstanceType<typeof UnitExportQuery>;

/** GraphQL `units(options: UnitListOptions)`. */
export const UnitListOptions = UNIT_LIST.Options;
export type UnitListOptions = InstanceType<typeof UnitListOptions>;
