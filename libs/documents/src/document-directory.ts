/**
 * The port through which other libraries read the document register: SQL over the
 * published view `document_directory` (migration DocumentDirectory1764000000810),
 * never over the `document` table the register owns.
 */
export const DOCUMENT_DIRECTORY = 'document_directory';

/** JSON of a document reference (`{ id, number, issuedOn, title }`) from an alias of `document_directory`. */
export const documentRefJson = (alias: string): string =>
  `json_build_object('id', ${alias}.id, 'number', ${alias}.number, 'issuedOn', to_char(${alias}.issued_on, 'YYYY-MM-DD'), 'title', ${alias}.title)`;
