/**
 * Emulation blocs (khối thi đua) over GraphQL: `blocs`, `bloc`, `createBloc`, `updateBloc`. The record
 * carries the ids the form edits (`ownerUnitId`, `memberIds`, `headUnitId`, `deputyUnitId`) beside the
 * unit references the server answers.
 */
import type { GetListParams } from 'react-admin';
import type { ErrorMapping, Execute, FormFields, ResourceDataProvider } from '../dataProvider';
import { compact, optionalText, toPageOptions } from '../data/listOptions';
import { idList, optionalInt, sameIds, text } from '../data/values';
import { createGraphQLResourceProvider } from '../data/graphqlResource';
import type { UnitRef } from '../emulation/refs';

export interface BlocRecord {
  id: string;
  year: number;
  name: string;
  owner: UnitRef;
  movementId: string | null;
  head: UnitRef | null;
  deputy: UnitRef | null;
  members: UnitRef[];
  pledgeId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Added by the data provider for the form. */
  ownerUnitId: string;
  memberIds: string[];
  headUnitId: string | null;
  deputyUnitId: string | null;
}

type BlocView = Omit<BlocRecord, 'ownerUnitId' | 'memberIds' | 'headUnitId' | 'deputyUnitId'>;

const UNIT_REF = '{ id name shortName }';
const BLOC_FIELDS = `id year name owner ${UNIT_REF} movementId head ${UNIT_REF} deputy ${UNIT_REF} members ${UNIT_REF}
  pledgeId version createdAt updatedAt`;

export const BLOCS_QUERY = {
  operationName: 'Blocs',
  query: `query Blocs($options: BlocListOptions) { blocs(options: $options) { items { ${BLOC_FIELDS} } totalItems } }`,
};
export const BLOC_QUERY = {
  operationName: 'Bloc',
  query: `query Bloc($id: ID!) { bloc(id: $id) { ${BLOC_FIELDS} } }`,
};
export const CREATE_BLOC_MUTATION = {
  operationName: 'CreateBloc',
  query: `mutation CreateBloc($input: CreateBlocInput!) { createBloc(input: $input) { ${BLOC_FIELDS} } }`,
};
export const UPDATE_BLOC_MUTATION = {
  operationName: 'UpdateBloc',
  query: `mutation UpdateBloc($id: ID!, $expectedVersion: Int!, $input: UpdateBlocInput!) {
  updateBloc(id: $id, expectedVersion: $expectedVersion, input: $input) { ${BLOC_FIELDS} } }`,
};

export const BLOC_VERSION_CONFLICT_MESSAGE = 'danvan.errors.blocVersionConflict';

export const BLOC_FORM_FIELDS: FormFields = {
  year: 'input',
  name: 'input',
  ownerUnitId: 'input',
  movementId: 'input',
  memberIds: 'inputList',
  headUnitId: 'input',
  deputyUnitId: 'input',
};

const ERRORS: ErrorMapping = { formFields: BLOC_FORM_FIELDS, conflictMessage: BLOC_VERSION_CONFLICT_MESSAGE };

export const toBlocRecord = (bloc: BlocView): BlocRecord => ({
  ...bloc,
  ownerUnitId: bloc.owner.id,
  memberIds: bloc.members.map((member) => member.id),
  headUnitId: bloc.head?.id ?? null,
  deputyUnitId: bloc.deputy?.id ?? null,
});

export interface BlocFilterInput {
  year?: number;
  search?: string;
  memberUnitId?: string;
}

/** react-admin filter values → BlocListOptions: year, `q` (the name, accents ignored), a member unit. */
export const toBlocListOptions = (params: Pick<GetListParams, 'pagination' | 'filter'>) => {
  const raw = params.filter ?? {};
  const year = optionalInt(raw.year);
  const filter = compact<BlocFilterInput>({
    year: year !== undefined && year >= 1945 && year <= 2100 ? year : undefined,
    search: optionalText(raw.q ?? raw.search),
    memberUnitId: optionalText(raw.memberUnitId),
  });
  return { ...toPageOptions(params.pagination), ...(filter ? { filter } : {}) };
};

/** A head or deputy must be a member: one that is not (any more) is sent as none. */
const amongMembers = (value: unknown, memberIds: readonly string[]): string | null => {
  const id = optionalText(value);
  return id && memberIds.includes(id) ? id : null;
};

export const toCreateBlocInput = (data: Record<string, unknown>) => {
  const memberIds = idList(data.memberIds);
  return {
    year: optionalInt(data.year) ?? null,
    name: text(data.name),
    ownerUnitId: text(data.ownerUnitId),
    movementId: optionalText(data.movementId) ?? null,
    memberIds,
    headUnitId: amongMembers(data.headUnitId, memberIds),
    deputyUnitId: amongMembers(data.deputyUnitId, memberIds),
  };
};

export interface UpdateBlocInput {
  name?: string;
  memberIds?: string[];
  headUnitId?: string | null;
  deputyUnitId?: string | null;
  movementId?: string | null;
}

/** Form values → UpdateBlocInput with only what changed (year and managing unit stay). */
export const toUpdateBlocInput = (data: Record<string, unknown>, previous: Partial<BlocRecord> | undefined): UpdateBlocInput => {
  const input: UpdateBlocInput = {};
  const memberIds = 'memberIds' in data ? idList(data.memberIds) : (previous?.memberIds ?? []);
  if ('name' in data && text(data.name) !== previous?.name) input.name = text(data.name);
  if ('memberIds' in data && !sameIds(memberIds, previous?.memberIds ?? [])) input.memberIds = memberIds;
  const head = amongMembers('headUnitId' in data ? data.headUnitId : previous?.headUnitId, memberIds);
  if (head !== (previous?.headUnitId ?? null)) input.headUnitId = head;
  const deputy = amongMembers('deputyUnitId' in data ? data.deputyUnitId : previous?.deputyUnitId, memberIds);
  if (deputy !== (previous?.deputyUnitId ?? null)) input.deputyUnitId = deputy;
  const movementId = optionalText(data.movementId) ?? null;
  if ('movementId' in data && movementId !== (previous?.movementId ?? null)) input.movementId = movementId;
  return input;
};

export const createBlocsProvider = (execute: Execute): ResourceDataProvider =>
  createGraphQLResourceProvider<BlocView, BlocRecord>(execute, {
    list: { operation: BLOCS_QUERY, field: 'blocs', options: toBlocListOptions },
    one: { operation: BLOC_QUERY, field: 'bloc' },
    create: { operation: CREATE_BLOC_MUTATION, field: 'createBloc', input: toCreateBlocInput },
    update: { operation: UPDATE_BLOC_MUTATION, field: 'updateBloc', input: toUpdateBlocInput },
    toRecord: toBlocRecord,
    errors: ERRORS,
  });
