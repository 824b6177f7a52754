/**
 * react-admin DataProvider for the danvan GraphQL API (`/graphql`, same origin): the unit register (this
 * file), the document register (`documents/documentData.ts`), emulation movements, blocs and pledges
 * (`movements/`, `blocs/`, `pledges/`), scoring (`scoring/scoringData.ts`), awards and models
 * (`recognition/recognitionData.ts`), accounts
 * (`accounts/accountData.ts`), API keys (`apiKeys/apiKeyData.ts`) and the audit trail (`audit/auditData.ts`). Every request carries the session's access token (`auth` option, see
 * `auth/authClient.ts`), renewed once when the server answers UNAUTHENTICATED.
 *
 * Why plain `fetch` and not ra-data-graphql's `buildDataProvider`:
 * - ra-data-graphql turns every failure into `HttpError(error.message, 200, apolloError)`, and when the
 *   server answers HTTP 400 (e.g. a variable that fails coercion) it keeps only Apollo's
 *   "Response not successful" text, dropping `extensions`. We need `extensions.reason` and
 *   `extensions.fields` to show errors beside inputs, so every method would need wrapping anyway.
 * - It brings Apollo Client (~40 kB gzipped) whose normalised cache is bypassed (`network-only`)
 *   and introspection that has to be switched off (it may be disabled in production).
 * - Everything below is pure mapping plus one `fetch`, which is easy to unit-test without a network.
 *
 * The pure mapping functions are exported for the unit tests; the app builds its provider in `providers.ts`.
 */
import { HttpError } from 'react-admin';
import type {
  CreateParams,
  DataProvider,
  DeleteManyParams,
  DeleteParams,
  GetListParams,
  GetManyParams,
  GetManyReferenceParams,
  GetOneParams,
  Identifier,
  RaRecord,
  SortPayload,
  UpdateParams,
} from 'react-admin';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  httpStatusOf,
  UNIT_KINDS,
  UNIT_LEVELS,
  UNIT_SORT_FIELDS,
  UNIT_STATUSES,
  type FieldError,
  type UnitSortField,
} from '@danvan/contracts';
import type { UnitRecord } from './units/UnitRecord';
import { createAccountsProvider, type AccountMethods } from './accounts/accountData';
import { createApiKeysProvider, type ApiKeyMethods } from './apiKeys/apiKeyData';
import { createAuditEventsProvider } from './audit/auditData';
import { createBlocsProvider } from './blocs/blocData';
import { createDocumentsProvider } from './documents/documentData';
import { createMovementsProvider } from './movements/movementData';
import { createPledgesProvider, type PledgeMethods } from './pledges/pledgeData';
import { createRecognitionProviders, type RecognitionMethods } from './recognition/recognitionData';
import { createScoringMethods, type ScoringMethods } from './scoring/scoringData';
import { RESOURCES } from './auth/access';
import type { AuthClient } from './auth/authClient';

// ---------------------------------------------------------------------------------------------
// GraphQL documents
// ---------------------------------------------------------------------------------------------

const UNIT_FIELDS = `id code name shortName kind level parentId adminAreaCode
  leaders { name title phone email }
  status validFrom validTo successorIds version createdAt updatedAt`;
/** getOne, create and update results land in the show page's cache, so they carry the ancestor chain. */
const UNIT_DETAIL_FIELDS = `${UNIT_FIELDS} ancestors { id code name }`;

export interface Operation {
  operationName: string;
  query: string;
}

export const UNITS_QUERY: Operation = {
  operationName: 'Units',
  query: `query Units($options: UnitListOptions) { units(options: $options) { items { ${UNIT_FIELDS} } totalItems } }`,
};
export const UNIT_QUERY: Operation = {
  operationName: 'Unit',
  query: `query Unit($id: ID!) { unit(id: $id) { ${UNIT_DETAIL_FIELDS} } }`,
};
export const CREATE_UNIT_MUTATION: Operation = {
  operationName: 'CreateUnit',
  query: `mutation CreateUnit($input: CreateUnitInput!) { createUnit(input: $input) { ${UNIT_DETAIL_FIELDS} } }`,
};
export const UPDATE_UNIT_MUTATION: Operation = {
  operationName: 'UpdateUnit',
  query: `mutation UpdateUnit($id: ID!, $expectedVersion: Int!, $input: UpdateUnitInput!) {
  updateUnit(id: $id, expectedVersion: $expectedVersion, input: $input) { ${UNIT_DETAIL_FIELDS} } }`,
};
export const DELETE_UNIT_MUTATION: Operation = {
  operationName: 'DeleteUnit',
  query: `mutation DeleteUnit($id: ID!, $expectedVersion: Int) { deleteUnit(id: $id, expectedVersion: $expectedVersion) { id } }`,
};

// ---------------------------------------------------------------------------------------------
// Wire types (only what the admin reads)
// ---------------------------------------------------------------------------------------------

export type GraphQLSortField = 'CODE' | 'NAME' | 'SHORT_NAME' | 'LEVEL' | 'KIND' | 'STATUS' | 'VALID_FROM' | 'CREATED_AT' | 'UPDATED_AT';

export interface UnitFilterInput {
  search?: string;
  kind?: string[];
  level?: string[];
  status?: string[];
  parentId?: string;
  withinUnitId?: string;
  validOn?: string;
  ids?: string[];
}

export interface UnitListOptions {
  page: number;
  pageSize: number;
  sort?: { field: GraphQLSortField; order: 'ASC' | 'DESC' };
  filter?: UnitFilterInput;
}

export interface UnitLeaderInput {
  name: string;
  title: string;
  phone: string | null;
  email: string | null;
}

/** CreateUnitInput / UpdateUnitInput: the editable fields, nothing else (the server rejects unknown fields). */
export interface UnitInput {
  code?: string;
  name?: string;
  shortName?: string | null;
  kind?: string;
  level?: string;
  parentId?: string | null;
  adminAreaCode?: string | null;
  leaders?: UnitLeaderInput[];
  status?: string;
  validFrom?: string | null;
  validTo?: string | null;
  successorIds?: string[];
}

export interface GraphQLErrorLike {
  message: string;
  extensions?: {
    code?: string;
    reason?: string;
    fields?: FieldError[];
  };
}

export interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorLike[];
}

// ---------------------------------------------------------------------------------------------
// Pure mapping: react-admin params → GraphQL variables
// ---------------------------------------------------------------------------------------------

const isSortField = (field: string): field is UnitSortField => (UNIT_SORT_FIELDS as readonly string[]).includes(field);

/** `shortName` → `SHORT_NAME`; undefined for fields the API cannot sort by (e.g. `id`, `parentId`). */
export const toGraphQLSortField = (field: string | undefined): GraphQLSortField | undefined =>
  field && isSortField(field) ? (field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase() as GraphQLSortField) : undefined;

export const toGraphQLSort = (sort: SortPayload | undefined): UnitListOptions['sort'] => {
  const field = toGraphQLSortField(sort?.field);
  return field ? { field, order: sort?.order === 'DESC' ? 'DESC' : 'ASC' } : undefined;
};

const nonEmptyString = (value: unknown): string | undefined => {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

/** Accepts a single value (SelectInput) or an array (SelectArrayInput); keeps only known enum values. */
const enumList = (value: unknown, allowed: readonly string[]): string[] | undefined => {
  const values = (Array.isArray(value) ? value : [value]).filter(
    (item): item is string => typeof item === 'string' && allowed.includes(item),
  );
  return values.length > 0 ? values : undefined;
};

const idList = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.map(nonEmptyString).filter((id): id is string => id !== undefined) : undefined;

/** react-admin filter values → UnitFilter. `q` (the SearchInput) becomes `search`; unknown keys are dropped. */
export const toUnitFilter = (filter: Record<string, unknown> | undefined): UnitFilterInput | undefined => {
  if (!filter) return undefined;
  const result: UnitFilterInput = {
    search: nonEmptyString(filter.q ?? filter.search),
    kind: enumList(filter.kind, UNIT_KINDS),
    level: enumList(filter.level, UNIT_LEVELS),
    status: enumList(filter.status, UNIT_STATUSES),
    parentId: nonEmptyString(filter.parentId),
    withinUnitId: nonEmptyString(filter.withinUnitId),
    validOn: toIsoDate(filter.validOn) ?? undefined,
    ids: idList(filter.ids),
  };
  const entries = Object.entries(result).filter(([, value]) => value !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as UnitFilterInput) : undefined;
};

/**
 * The server pages hold at most MAX_PAGE_SIZE rows. A larger react-admin page (react-admin's CSV ExportButton
 * asks for 1000; the unit list exports through the server's Excel endpoint instead) that is a multiple of
 * MAX_PAGE_SIZE is served by several consecutive server pages.
 */
export const toServerPages = (page: number, perPage: number): { page: number; pageSize: number }[] => {
  const safePage = Math.max(1, Math.floor(page) || 1);
  const safePerPage = Math.max(1, Math.floor(perPage) || DEFAULT_PAGE_SIZE);
  if (safePerPage <= MAX_PAGE_SIZE || safePerPage % MAX_PAGE_SIZE !== 0) {
    return [{ page: safePage, pageSize: Math.min(safePerPage, MAX_PAGE_SIZE) }];
  }
  const pagesPerRequest = safePerPage / MAX_PAGE_SIZE;
  const first = (safePage - 1) * pagesPerRequest + 1;
  return Array.from({ length: pagesPerRequest }, (_, index) => ({ page: first + index, pageSize: MAX_PAGE_SIZE }));
};

/** getList (and getManyReference, with the reference as an extra filter) → `units(options)` variables, one per server page. */
export const toListOptions = (params: Pick<GetListParams, 'pagination' | 'sort' | 'filter'>): UnitListOptions[] => {
  const sort = toGraphQLSort(params.sort);
  const filter = toUnitFilter(params.filter);
  return toServerPages(params.pagination?.page ?? 1, params.pagination?.perPage ?? DEFAULT_PAGE_SIZE).map((serverPage) => ({
    ...serverPage,
    ...(sort ? { sort } : {}),
    ...(filter ? { filter } : {}),
  }));
};

/** getMany → one `units` call per 100 ids. */
export const toManyOptions = (ids: readonly Identifier[]): UnitListOptions[] => {
  const unique = [...new Set(ids.map(String))];
  const chunks: UnitListOptions[] = [];
  for (let start = 0; start < unique.length; start += MAX_PAGE_SIZE) {
    chunks.push({ page: 1, pageSize: MAX_PAGE_SIZE, filter: { ids: unique.slice(start, start + MAX_PAGE_SIZE) } });
  }
  return chunks;
};

/** Targets a ReferenceManyField may use, mapped to UnitFilter keys. */
const REFERENCE_TARGETS = ['parentId', 'withinUnitId'] as const;

export const toManyReferenceOptions = (
  params: Pick<GetManyReferenceParams, 'target' | 'id' | 'pagination' | 'sort' | 'filter'>,
): UnitListOptions[] => {
  if (!(REFERENCE_TARGETS as readonly string[]).includes(params.target)) {
    throw new HttpError('danvan.errors.unsupported', 400);
  }
  return toListOptions({ ...params, filter: { ...params.filter, [params.target]: params.id } });
};

/** DateInput gives `yyyy-MM-dd`; a Date or an ISO timestamp is cut to its date. Empty → null. */
export function toIsoDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const match = /^\d{4}-\d{2}-\d{2}/.exec(value.trim());
  return match ? match[0] : null;
}

const optionalString = (value: unknown): string | null => nonEmptyString(value) ?? null;

const requiredString = (value: unknown): string => (typeof value === 'string' ? value.trim() : value == null ? '' : String(value));

const toLeaders = (value: unknown): UnitLeaderInput[] =>
  (Array.isArray(value) ? value : [])
    .filter((leader): leader is Record<string, unknown> => typeof leader === 'object' && leader !== null)
    .map((leader) => ({
      name: requiredString(leader.name),
      title: requiredString(leader.title),
      phone: optionalString(leader.phone),
      email: optionalString(leader.email),
    }));

/**
 * Form values → CreateUnitInput / UpdateUnitInput. Only the editable fields present in `data` are sent
 * (record extras such as id, version, ancestors or timestamps never are). Optional fields left empty
 * are sent as `null`, which clears them; required text is sent trimmed (even empty, so that the
 * server answers with a field error); an empty enum is left out.
 */
export const toUnitInput = (data: Record<string, unknown>): UnitInput => {
  const input: UnitInput = {};
  const has = (key: keyof UnitInput): boolean => key in data && data[key] !== undefined;

  if (has('code')) input.code = requiredString(data.code);
  if (has('name')) input.name = requiredString(data.name);
  if (has('shortName')) input.shortName = optionalString(data.shortName);
  for (const key of ['kind', 'level', 'status'] as const) {
    const value = nonEmptyString(data[key]);
    if (value !== undefined) input[key] = value;
  }
  if (has('parentId')) input.parentId = optionalString(data.parentId);
  if (has('adminAreaCode')) input.adminAreaCode = optionalString(data.adminAreaCode);
  if (has('leaders')) input.leaders = toLeaders(data.leaders);
  if (has('validFrom')) input.validFrom = toIsoDate(data.validFrom);
  if (has('validTo')) input.validTo = toIsoDate(data.validTo);
  if (has('successorIds')) input.successorIds = idList(data.successorIds) ?? [];
  return input;
};

export const toUpdateVariables = (params: Pick<UpdateParams, 'id' | 'data' | 'previousData'>) => {
  const version: unknown = params.previousData?.version;
  if (typeof version !== 'number') {
    // Without the version we read, the server cannot detect a concurrent edit: refuse rather than overwrite.
    throw new HttpError('danvan.errors.versionMissing', 400);
  }
  return { id: String(params.id), expectedVersion: version, input: toUnitInput(params.data) };
};

export const toDeleteVariables = (params: Pick<DeleteParams, 'id' | 'previousData'>) => {
  const version: unknown = params.previousData?.version;
  return { id: String(params.id), expectedVersion: typeof version === 'number' ? version : null };
};

// ---------------------------------------------------------------------------------------------
// Pure mapping: GraphQL errors → react-admin HttpError
// ---------------------------------------------------------------------------------------------

/** How a server field path lands on the form's inputs. */
export type FieldShape = 'input' | 'inputList' | { items: readonly string[] };

/** The inputs of a form, by the server's field name. */
export type FormFields = Readonly<Record<string, FieldShape>>;

/** The inputs of UnitForm. Errors on other paths cannot be shown beside an input (and would block the form). */
const FORM_FIELDS: FormFields = {
  code: 'input',
  name: 'input',
  shortName: 'input',
  kind: 'input',
  level: 'input',
  parentId: 'input',
  adminAreaCode: 'input',
  status: 'input',
  validFrom: 'input',
  validTo: 'input',
  // One input for the whole list: `successorIds.2` is shown on `successorIds`.
  successorIds: 'inputList',
  // An ArrayInput with one input per item property; errors on the list itself go to `.root`.
  leaders: { items: ['name', 'title', 'phone', 'email'] },
};

/** Nested errors object as react-admin's setSubmissionErrors expects (`{ leaders: { 0: { name: '…' } } }`). */
export interface FormErrors {
  [key: string]: string | FormErrors;
}

const setIfAbsent = (target: FormErrors, path: string[], message: string): boolean => {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next === 'string') return false;
    node = next ?? (node[key] = {});
  }
  const leaf = path[path.length - 1];
  if (node[leaf] === undefined) node[leaf] = message;
  return typeof node[leaf] === 'string';
};

/** Places a server field path on a form path, or returns undefined when no input shows it. */
const toFormPath = (field: string, formFields: FormFields): string[] | undefined => {
  const [head, ...rest] = field.split('.');
  const shape = Object.hasOwn(formFields, head) ? formFields[head] : undefined;
  if (shape === undefined) return undefined;
  if (shape === 'input' || shape === 'inputList') return [head];
  const [index, property] = rest;
  if (index !== undefined && /^\d+$/.test(index) && property !== undefined && shape.items.includes(property) && rest.length === 2) {
    return [head, index, property];
  }
  return [head, 'root'];
};

/**
 * Server field errors → react-admin form errors. Messages that no input can show are appended to
 * `root.serverError`, which react-admin notifies after a failed submit (and clears on the next one).
 * `formFields` names the inputs of the form (the unit form's by default).
 */
export const toFormErrors = (fields: readonly FieldError[], summary: string, formFields: FormFields = FORM_FIELDS): FormErrors => {
  const errors: FormErrors = {};
  const unplaced: string[] = [];
  for (const { field, message } of fields) {
    const path = toFormPath(field, formFields);
    if (!path || !setIfAbsent(errors, path, message)) unplaced.push(message);
  }
  const serverError = [summary, ...unplaced.filter((message) => message !== summary)].join(' ');
  return { ...errors, root: { serverError } };
};

/** The status of an error without a danvan `reason` (Apollo's own), by its GraphQL code; with one, the server's (httpStatusOf). */
const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** Translation key shown when a unit was changed by someone else since the form was loaded. */
export const VERSION_CONFLICT_MESSAGE = 'danvan.errors.versionConflict';

export interface HttpErrorBody {
  code?: string;
  reason?: string;
  errors?: FormErrors;
}

/** How the errors of one resource's operations are shown. */
export interface ErrorMapping {
  /** The inputs of the resource's form (default: the unit form's). */
  formFields?: FormFields;
  /** Translation key of the version-conflict message (default: the unit's). */
  conflictMessage?: string;
  /** Places the server's field errors itself (forms with nested lists), instead of `formFields`. */
  toFormErrors?: (fields: readonly FieldError[], summary: string) => FormErrors;
}

/**
 * GraphQL `errors` → HttpError. With field errors, `body.errors` holds them so react-admin shows each beside
 * its input; a version conflict gets its own (translated) message and no `body.errors`, so react-admin
 * notifies it and leaves the form as the user typed it.
 */
export const toHttpError = (errors: readonly GraphQLErrorLike[], httpStatus = 200, mapping: ErrorMapping = {}): HttpError => {
  const first = errors[0] ?? { message: '' };
  const code = first.extensions?.code;
  const reason = first.extensions?.reason;
  const body: HttpErrorBody = { ...(code ? { code } : {}), ...(reason ? { reason } : {}) };

  if (errors.some((error) => error.extensions?.reason === 'VERSION_CONFLICT')) {
    return new HttpError(mapping.conflictMessage ?? VERSION_CONFLICT_MESSAGE, 409, { ...body, reason: 'VERSION_CONFLICT' });
  }
  const status = httpStatusOf(reason) || (code && STATUS_BY_CODE[code]) || (httpStatus >= 400 ? httpStatus : 500);
  const message = first.message || 'ra.notification.http_error';
  const fields = errors.flatMap((error) => error.extensions?.fields ?? []);
  if (fields.length > 0) {
    const formErrors = mapping.toFormErrors ? mapping.toFormErrors(fields, message) : toFormErrors(fields, message, mapping.formFields);
    return new HttpError(message, status, { ...body, errors: formErrors });
  }
  return new HttpError(message, status, body);
};

/** Whether the server refused the caller's credentials (expired or revoked access token, or none). */
export const isUnauthenticated = (httpStatus: number, body: GraphQLResponseBody | undefined): boolean =>
  httpStatus === 401 || (body?.errors ?? []).some((error) => error.extensions?.code === 'UNAUTHENTICATED');

// ---------------------------------------------------------------------------------------------
// Transport and the provider
// ---------------------------------------------------------------------------------------------

/** What the data provider needs of the session: a way to send with a valid access token (see AuthClient). */
export type AccessTokenSource = Pick<AuthClient, 'withAccessToken'>;

export interface DataProviderOptions {
  endpoint?: string;
  /** Injected by the tests; the browser's fetch otherwise. */
  fetch?: typeof fetch;
  /** Signs every request (`Authorization: Bearer`), renewing the token once when the server refuses it. */
  auth?: AccessTokenSource;
}

export interface ExecuteOptions {
  signal?: AbortSignal;
  errors?: ErrorMapping;
}

/** Runs one GraphQL operation and returns its `data`, or throws an HttpError made by toHttpError. */
export type Execute = <T>(operation: Operation, variables: Record<string, unknown>, options?: ExecuteOptions) => Promise<T>;

/** The react-admin methods one resource implements; the others answer "not supported". */
export type ResourceDataProvider = Partial<
  Pick<DataProvider, 'getList' | 'getOne' | 'getMany' | 'getManyReference' | 'create' | 'update' | 'delete' | 'deleteMany'>
>;

/**
 * The admin's data provider: react-admin's methods plus the identity operations that return a secret once,
 * the pledge lifecycle (signing, steps, criteria versions, registrations), scoring, and awards from a ranking.
 */
export type AppDataProvider = DataProvider & AccountMethods & ApiKeyMethods & PledgeMethods & ScoringMethods & RecognitionMethods;

const isAbortError = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

const readBody = async (response: Response): Promise<GraphQLResponseBody | undefined> => {
  try {
    const parsed: unknown = JSON.parse(await response.text());
    return typeof parsed === 'object' && parsed !== null ? (parsed as GraphQLResponseBody) : undefined;
  } catch {
    return undefined;
  }
};

interface UnitList {
  items: UnitRecord[];
  totalItems: number;
}

/** Adapts the app's UnitRecord to the generic record type react-admin asks each method for. */
const asRecords = <RecordType extends RaRecord>(records: UnitRecord[]): RecordType[] => records as unknown as RecordType[];

const unsupported = (): never => {
  throw new HttpError('danvan.errors.unsupported', 400);
};

/** The unit register: units, with pages of at most 100, getMany by ids and children by parentId. */
const createUnitsProvider = (execute: Execute): ResourceDataProvider => {
  /** Runs the server pages of one react-admin page in order, stopping at the first short page. */
  const fetchPages = async (pages: UnitListOptions[], signal?: AbortSignal): Promise<UnitList> => {
    const items: UnitRecord[] = [];
    let totalItems = 0;
    for (const options of pages) {
      const { units } = await execute<{ units: UnitList }>(UNITS_QUERY, { options }, { signal });
      items.push(...units.items);
      totalItems = units.totalItems;
      if (units.items.length < options.pageSize) break;
    }
    return { items, totalItems };
  };

  const fetchOne = async (id: Identifier, signal?: AbortSignal): Promise<UnitRecord> => {
    const { unit } = await execute<{ unit: UnitRecord | null }>(UNIT_QUERY, { id: String(id) }, { signal });
    if (!unit) throw new HttpError('danvan.errors.notFound', 404);
    return unit;
  };

  const deleteOne = async (params: Pick<DeleteParams, 'id' | 'previousData'>): Promise<string> => {
    const { deleteUnit } = await execute<{ deleteUnit: { id: string } }>(DELETE_UNIT_MUTATION, toDeleteVariables(params));
    return deleteUnit.id;
  };

  return {
    getList: async <RecordType extends RaRecord>(_resource: string, params: GetListParams) => {
      const { items, totalItems } = await fetchPages(toListOptions(params), params.signal);
      return { data: asRecords<RecordType>(items), total: totalItems };
    },

    getOne: async <RecordType extends RaRecord>(_resource: string, params: GetOneParams<RecordType>) => {
      const [record] = asRecords<RecordType>([await fetchOne(params.id, params.signal)]);
      return { data: record };
    },

    getMany: async <RecordType extends RaRecord>(_resource: string, params: GetManyParams<RecordType>) => {
      const items: UnitRecord[] = [];
      for (const options of toManyOptions(params.ids)) {
        items.push(...(await fetchPages([options], params.signal)).items);
      }
      return { data: asRecords<RecordType>(items) };
    },

    getManyReference: async <RecordType extends RaRecord>(_resource: string, params: GetManyReferenceParams) => {
      const { items, totalItems } = await fetchPages(toManyReferenceOptions(params), params.signal);
      return { data: asRecords<RecordType>(items), total: totalItems };
    },

    create: async <RecordType extends Omit<RaRecord, 'id'>, ResultRecordType extends RaRecord = RecordType & { id: Identifier }>(
      _resource: string,
      params: CreateParams,
    ) => {
      const data: Record<string, unknown> = params.data ?? {};
      const { createUnit } = await execute<{ createUnit: UnitRecord }>(CREATE_UNIT_MUTATION, { input: toUnitInput(data) });
      const [record] = asRecords<ResultRecordType>([createUnit]);
      return { data: record };
    },

    update: async <RecordType extends RaRecord>(_resource: string, params: UpdateParams) => {
      const { updateUnit } = await execute<{ updateUnit: UnitRecord }>(UPDATE_UNIT_MUTATION, toUpdateVariables(params));
      const [record] = asRecords<RecordType>([updateUnit]);
      return { data: record };
    },

    delete: async <RecordType extends RaRecord>(_resource: string, params: DeleteParams<RecordType>) => {
      const id = await deleteOne(params);
      const [record] = asRecords<RecordType>([{ ...(params.previousData as unknown as UnitRecord), id }]);
      return { data: record };
    },

    // One deleteUnit per id, in order, stopping at the first refusal (e.g. a unit still referenced).
    deleteMany: async <RecordType extends RaRecord>(_resource: string, params: DeleteManyParams<RecordType>) => {
      const deleted: Identifier[] = [];
      for (const id of params.ids) {
        deleted.push(await deleteOne({ id }));
      }
      return { data: deleted as RecordType['id'][] };
    },
  };
};

export const createDataProvider = ({
  endpoint = '/graphql',
  fetch: fetchImpl = globalThis.fetch.bind(globalThis),
  auth,
}: DataProviderOptions = {}): AppDataProvider => {
  const execute: Execute = async <T>(operation: Operation, variables: Record<string, unknown>, { signal, errors }: ExecuteOptions = {}) => {
    const send = async (token: string | null) => {
      let response: Response;
      try {
        response = await fetchImpl(endpoint, {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ ...operation, variables }),
          signal,
        });
      } catch (error) {
        if (isAbortError(error)) throw error;
        throw new HttpError('danvan.errors.network', 0);
      }
      return { response, body: await readBody(response) };
    };
    const { response, body } = auth
      ? await auth.withAccessToken(send, (answer) => isUnauthenticated(answer.response.status, answer.body))
      : await send(null);
    if (body?.errors && body.errors.length > 0) throw toHttpError(body.errors, response.status, errors);
    if (!response.ok) throw new HttpError('ra.notification.http_error', response.status);
    if (!body?.data) throw new HttpError('danvan.errors.invalidResponse', response.status);
    return body.data as T;
  };

  const accounts = createAccountsProvider(execute);
  const apiKeys = createApiKeysProvider(execute);
  const pledges = createPledgesProvider(execute);
  const recognition = createRecognitionProviders(execute);
  const resources: Record<string, ResourceDataProvider> = {
    [RESOURCES.units]: createUnitsProvider(execute),
    [RESOURCES.documents]: createDocumentsProvider(execute),
    [RESOURCES.movements]: createMovementsProvider(execute),
    [RESOURCES.blocs]: createBlocsProvider(execute),
    [RESOURCES.pledges]: pledges.provider,
    [RESOURCES.awards]: recognition.awards,
    [RESOURCES.models]: recognition.models,
    [RESOURCES.accounts]: accounts.provider,
    [RESOURCES.apiKeys]: apiKeys.provider,
    [RESOURCES.auditEvents]: createAuditEventsProvider(execute),
  };

  /** The resource's implementation of `method`, or an HttpError for what it does not support. */
  const methodOf = <K extends keyof ResourceDataProvider>(resource: string, method: K): NonNullable<ResourceDataProvider[K]> => {
    const implementation = Object.hasOwn(resources, resource) ? resources[resource][method] : undefined;
    return implementation ?? unsupported();
  };

  return {
    supportAbortSignal: true,

    getList: async <RecordType extends RaRecord>(resource: string, params: GetListParams) =>
      methodOf(resource, 'getList')<RecordType>(resource, params),

    getOne: async <RecordType extends RaRecord>(resource: string, params: GetOneParams<RecordType>) =>
      methodOf(resource, 'getOne')<RecordType>(resource, params),

    getMany: async <RecordType extends RaRecord>(resource: string, params: GetManyParams<RecordType>) =>
      methodOf(resource, 'getMany')<RecordType>(resource, params),

    getManyReference: async <RecordType extends RaRecord>(resource: string, params: GetManyReferenceParams) =>
      methodOf(resource, 'getManyReference')<RecordType>(resource, params),

    create: async <RecordType extends Omit<RaRecord, 'id'>, ResultRecordType extends RaRecord = RecordType & { id: Identifier }>(
      resource: string,
      params: CreateParams,
    ) => methodOf(resource, 'create')<RecordType, ResultRecordType>(resource, params),

    update: async <RecordType extends RaRecord>(resource: string, params: UpdateParams) =>
      methodOf(resource, 'update')<RecordType>(resource, params),

    // Bulk update cannot send each record's expected version, so it is not offered.
    updateMany: async () => unsupported(),

    delete: async <RecordType extends RaRecord>(resource: string, params: DeleteParams<RecordType>) =>
      methodOf(resource, 'delete')<RecordType>(resource, params),

    deleteMany: async <RecordType extends RaRecord>(resource: string, params: DeleteManyParams<RecordType>) =>
      methodOf(resource, 'deleteMany')<RecordType>(resource, params),

    ...accounts.methods,
    ...apiKeys.methods,
    ...pledges.methods,
    ...createScoringMethods(execute),
    ...recognition.methods,
  };
};
