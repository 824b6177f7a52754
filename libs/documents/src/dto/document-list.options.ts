import { DOCUMENT_LIST } from '../document.list.js';

export type { DocumentFilterValues } from '../document.list.js';

/** Query string of GET /api/v1/documents (generated from the list declaration, document.list.ts). */
export const DocumentListQuery = DOCUMENT_LIST.RestQuery;
export type DocumentListQuery = InstanceType<typeof DocumentListQuery>;

/** GraphQL `documents(options: DocumentListOptions)`. */
export const DocumentListOptions = DOCUMENT_LIST.Options;
export type DocumentListOptions = InstanceType<typeof DocumentListOptions>;
