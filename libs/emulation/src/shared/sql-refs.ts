/** JSON of a unit as UnitRef, from a unit alias. */
export const unitRefJson = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'shortName', ${alias}.short_name)`;

/** JSON of a document as DocumentRef, from a document alias. */
export const documentRefJson = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'number', ${alias}.number, 'issuedOn', to_char(${alias}.issued_on, 'YYYY-MM-DD'), 'title', ${alias}.title)`;

// The unit-tree SQL helpers live in @danvan/core; re-exported for this library's files.
export { pathInScope, rowCount } from '@danvan/core';
