/**
 * The document register (sổ văn bản) over GraphQL: `documents`, `document`, `createDocument`,
 * `updateDocument`, `deleteDocument`. The server parses and validates each number (the same
 * parseDocumentNumber the form previews with) and answers a field error on `number` that the form shows
 * beside the input.
 */
import { HttpError } from 'react-admin';
import type {
  CreateParams,
  DeleteParams,
  GetListParams,
  GetManyParams,
  GetOneParams,
  Identifier,
  RaRecord,
  SortPayload,
  UpdateParams,
} from 'react-admin';
import {
  DOCUMENT_FORMS,
  DOCUMENT_SORT_FIELDS,
  MAX_PAGE_SIZE,
  type DocumentDto,
  type DocumentForm,
  type DocumentSortField,
} from '@danvan/contracts';
import type { ErrorMapping, Execute, FormFields, ResourceDataProvider } from '../dataProvider';
import { compact, optionalText, toPageOptions } from '../data/listOptions';
import { asRecord, enumValues, idList, nullableDate, text, versionOf } from '../data/values';

export type DocumentRecord = DocumentDto;

const DOCUMENT_FIELDS = 'id number form type typeName issuers issuedOn title ownerUnitId version createdAt updatedAt';

export const DOCUMENTS_QUERY = {
  operationName: 'Documents',
  query: `query Documents($options: DocumentListOptions) { documents(options: $options) { items { ${DOCUMENT_FIELDS} } totalItems } }`,
};
export const DOCUMENT_QUERY = {
  operationName: 'Document',
  query: `query Document($id: ID!) { document(id: $id) { ${DOCUMENT_FIELDS} } }`,
};
export const CREATE_DOCUMENT_MUTATION = {
  operationName: 'CreateDocument',
  query: `mutation CreateDocument($input: CreateDocumentInput!) { createDocument(input: $input) { ${DOCUMENT_FIELDS} } }`,
};
export const UPDATE_DOCUMENT_MUTATION = {
  operationName: 'UpdateDocument',
  query: `mutation UpdateDocument($id: ID!, $expectedVersion: Int!, $input: UpdateDocumentInput!) {
  updateDocument(id: $id, expectedVersion: $expectedVersion, input: $input) { ${DOCUMENT_FIELDS} } }`,
};
export const DELETE_DOCUMENT_MUTATION = {
  operationName: 'DeleteDocument',
  query: `mutation DeleteDocument($id: ID!, $expectedVersion: Int) { deleteDocument(id: $id, expectedVersion: $expectedVersion) { id } }`,
};

/** Translation key shown when a document was changed by someone else since the form was loaded. */
export const DOCUMENT_VERSION_CONFLICT_MESSAGE = 'danvan.errors.documentVersionConflict';

export const DOCUMENT_FORM_FIELDS: FormFields = { number: 'input', issuedOn: 'input', title: 'input', ownerUnitId: 'input' };

const ERRORS: ErrorMapping = { formFields: DOCUMENT_FORM_FIELDS, conflictMessage: DOCUMENT_VERSION_CONFLICT_MESSAGE };

export interface DocumentFilterInput {
  search?: string;
  form?: DocumentForm[];
  type?: string[];
  issuer?: string;
  issuedFrom?: string;
  issuedTo?: string;
  ids?: string[];
}

export interface DocumentListOptions {
  page: number;
  pageSize: number;
  sort?: { field: string; order: 'ASC' | 'DESC' };
  filter?: DocumentFilterInput;
}

const isSortField = (field: string): field is DocumentSortField => (DOCUMENT_SORT_FIELDS as readonly string[]).includes(field);

/** `issuedOn` → `ISSUED_ON`; undefined for a field the server cannot sort by. */
export const toDocumentSort = (sort: SortPayload | undefined): DocumentListOptions['sort'] =>
  sort?.field && isSortField(sort.field)
    ? { field: sort.field.replace(/([A-Z])/g, '_$1').toUpperCase(), order: sort.order === 'DESC' ? 'DESC' : 'ASC' }
    : undefined;

/** Type abbreviations as written (`KH`, `CTr`, `QĐ`): one from a SelectInput or several. */
const typeList = (value: unknown): string[] | undefined => {
  const values = (Array.isArray(value) ? value : [value])
    .map((item) => optionalText(item))
    .filter((item): item is string => item !== undefined);
  return values.length > 0 ? [...new Set(values)] : undefined;
};

/** react-admin filter values → DocumentFilter (`q` is the search box: number and title, accents ignored). */
export const toDocumentFilter = (filter: Record<string, unknown> | undefined): DocumentFilterInput | undefined => {
  if (!filter) return undefined;
  const ids = idList(filter.ids);
  return compact<DocumentFilterInput>({
    search: optionalText(filter.q ?? filter.search),
    form: enumValues(filter.form, DOCUMENT_FORMS),
    type: typeList(filter.type),
    issuer: optionalText(filter.issuer),
    issuedFrom: nullableDate(filter.issuedFrom) ?? undefined,
    issuedTo: nullableDate(filter.issuedTo) ?? undefined,
    ids: ids.length > 0 ? ids : undefined,
  });
};

export const toDocumentListOptions = (params: Pick<GetListParams, 'pagination' | 'sort' | 'filter'>): DocumentListOptions => {
  const sort = toDocumentSort(params.sort);
  const filter = toDocumentFilter(params.filter);
  return { ...toPageOptions(params.pagination), ...(sort ? { sort } : {}), ...(filter ? { filter } : {}) };
};

export interface CreateDocumentInput {
  number: string;
  issuedOn: string | null;
  title: string;
  ownerUnitId?: string;
}

export interface UpdateDocumentInput {
  number?: string;
  issuedOn?: string | null;
  title?: string;
}

/** Form values → CreateDocumentInput; the owner is left to the server (the signed-in account's unit) when not chosen. */
export const toCreateDocumentInput = (data: Record<string, unknown>): CreateDocumentInput => {
  const owner = optionalText(data.ownerUnitId);
  return {
    number: text(data.number),
    issuedOn: nullableDate(data.issuedOn),
    title: text(data.title),
    ...(owner ? { ownerUnitId: owner } : {}),
  };
};

/** Form values → UpdateDocumentInput with only what changed since the record was read. */
export const toUpdateDocumentInput = (
  data: Record<string, unknown>,
  previous: Partial<DocumentRecord> | undefined,
): UpdateDocumentInput => {
  const input: UpdateDocumentInput = {};
  if ('number' in data && text(data.number) !== previous?.number) input.number = text(data.number);
  if ('issuedOn' in data && nullableDate(data.issuedOn) !== (previous?.issuedOn ?? null)) input.issuedOn = nullableDate(data.issuedOn);
  if ('title' in data && text(data.title) !== previous?.title) input.title = text(data.title);
  return input;
};

export const createDocumentsProvider = (execute: Execute): ResourceDataProvider => {
  const fetchList = async (options: DocumentListOptions, signal?: AbortSignal) => {
    const { documents } = await execute<{ documents: { items: DocumentRecord[]; totalItems: number } }>(
      DOCUMENTS_QUERY,
      { options },
      { signal },
    );
    return documents;
  };

  return {
    getList: async <RecordType extends RaRecord>(_resource: string, params: GetListParams) => {
      const { items, totalItems } = await fetchList(toDocumentListOptions(params), params.signal);
      return { data: items.map(asRecord<RecordType>), total: totalItems };
    },

    getOne: async <RecordType extends RaRecord>(_resource: string, params: GetOneParams<RecordType>) => {
      const { document } = await execute<{ document: DocumentRecord }>(
        DOCUMENT_QUERY,
        { id: String(params.id) },
        { signal: params.signal, errors: ERRORS },
      );
      return { data: asRecord<RecordType>(document) };
    },

    // The `ids` filter, 100 at a time.
    getMany: async <RecordType extends RaRecord>(_resource: string, params: GetManyParams<RecordType>) => {
      const ids = [...new Set(params.ids.map(String))];
      const items: DocumentRecord[] = [];
      for (let start = 0; start < ids.length; start += MAX_PAGE_SIZE) {
        const chunk = ids.slice(start, start + MAX_PAGE_SIZE);
        items.push(...(await fetchList({ page: 1, pageSize: MAX_PAGE_SIZE, filter: { ids: chunk } }, params.signal)).items);
      }
      return { data: items.map(asRecord<RecordType>) };
    },

    create: async <RecordType extends Omit<RaRecord, 'id'>, ResultRecordType extends RaRecord = RecordType & { id: Identifier }>(
      _resource: string,
      params: CreateParams,
    ) => {
      const { createDocument } = await execute<{ createDocument: DocumentRecord }>(
        CREATE_DOCUMENT_MUTATION,
        { input: toCreateDocumentInput(params.data ?? {}) },
        { errors: ERRORS },
      );
      return { data: asRecord<ResultRecordType>(createDocument) };
    },

    update: async <RecordType extends RaRecord>(_resource: string, params: UpdateParams) => {
      const { updateDocument } = await execute<{ updateDocument: DocumentRecord }>(
        UPDATE_DOCUMENT_MUTATION,
        {
          id: String(params.id),
          expectedVersion: versionOf(params.previousData),
          input: toUpdateDocumentInput(params.data as Record<string, unknown>, params.previousData as Partial<DocumentRecord>),
        },
        { errors: ERRORS },
      );
      return { data: asRecord<RecordType>(updateDocument) };
    },

    delete: async <RecordType extends RaRecord>(_resource: string, params: DeleteParams<RecordType>) => {
      const version: unknown = params.previousData?.version;
      const { deleteDocument } = await execute<{ deleteDocument: { id: string } }>(
        DELETE_DOCUMENT_MUTATION,
        { id: String(params.id), expectedVersion: typeof version === 'number' ? version : null },
        { errors: ERRORS },
      );
      if (!deleteDocument) throw new HttpError('danvan.errors.invalidResponse', 500);
      return { data: asRecord<RecordType>({ ...(params.previousData as unknown as DocumentRecord), id: deleteDocument.id }) };
    },
  };
};
