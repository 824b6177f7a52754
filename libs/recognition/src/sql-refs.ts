/** JSON of a unit as RecognitionUnitRef, from a unit alias. */
export const unitRefJson = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'shortName', ${alias}.short_name, 'level', ${alias}.level)`;

/** JSON of a document as RecognitionDocumentRef, from a document alias. */
export const documentRefJson = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'number', ${alias}.number, 'issuedOn', to_char(${alias}.issued_on, 'YYYY-MM-DD'), 'title', ${alias}.title)`;

// The unit-tree SQL helpers live in @danvan/core; re-exported for this library's files.
export { allOf, pathInScope, pathWithin, rowCount } from '@danvan/core';
