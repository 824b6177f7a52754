/**
 * Emulation movements (phong trào thi đua) over GraphQL: `movements`, `movement`, `createMovement`,
 * `updateMovement`. The record carries the ids the form edits (`launchedByUnitId`, `legalBasisIds`)
 * beside the references the server answers (`launchedBy`, `legalBasis`).
 */
import type { GetListParams } from 'react-admin';
import { MOVEMENT_KINDS, type MovementKind } from '@danvan/contracts';
import type { ErrorMapping, Execute, FormFields, ResourceDataProvider } from '../dataProvider';
import { compact, optionalText, toPageOptions } from '../data/listOptions';
import { enumValues, idList, nullableDate, nullableText, sameIds, text } from '../data/values';
import { createGraphQLResourceProvider } from '../data/graphqlResource';
import type { DocumentRef, UnitRef } from '../emulation/refs';

export interface MovementRecord {
  id: string;
  name: string;
  kind: MovementKind;
  launchedBy: UnitRef;
  startsOn: string;
  endsOn: string | null;
  description: string | null;
  legalBasis: DocumentRef[];
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Added by the data provider for the form. */
  launchedByUnitId: string;
  legalBasisIds: string[];
}

type MovementView = Omit<MovementRecord, 'launchedByUnitId' | 'legalBasisIds'>;

const MOVEMENT_FIELDS = `id name kind launchedBy { id name shortName } startsOn endsOn description
  legalBasis { id number issuedOn title } version createdAt updatedAt`;

export const MOVEMENTS_QUERY = {
  operationName: 'Movements',
  query: `query Movements($options: MovementListOptions) { movements(options: $options) { items { ${MOVEMENT_FIELDS} } totalItems } }`,
};
export const MOVEMENT_QUERY = {
  operationName: 'Movement',
  query: `query Movement($id: ID!) { movement(id: $id) { ${MOVEMENT_FIELDS} } }`,
};
export const CREATE_MOVEMENT_MUTATION = {
  operationName: 'CreateMovement',
  query: `mutation CreateMovement($input: CreateMovementInput!) { createMovement(input: $input) { ${MOVEMENT_FIELDS} } }`,
};
export const UPDATE_MOVEMENT_MUTATION = {
  operationName: 'UpdateMovement',
  query: `mutation UpdateMovement($id: ID!, $expectedVersion: Int!, $input: UpdateMovementInput!) {
  updateMovement(id: $id, expectedVersion: $expectedVersion, input: $input) { ${MOVEMENT_FIELDS} } }`,
};

export const MOVEMENT_VERSION_CONFLICT_MESSAGE = 'danvan.errors.movementVersionConflict';

export const MOVEMENT_FORM_FIELDS: FormFields = {
  name: 'input',
  kind: 'input',
  launchedByUnitId: 'input',
  startsOn: 'input',
  endsOn: 'input',
  description: 'input',
  legalBasisIds: 'inputList',
};

const ERRORS: ErrorMapping = { formFields: MOVEMENT_FORM_FIELDS, conflictMessage: MOVEMENT_VERSION_CONFLICT_MESSAGE };

export const toMovementRecord = (movement: MovementView): MovementRecord => ({
  ...movement,
  launchedByUnitId: movement.launchedBy.id,
  legalBasisIds: movement.legalBasis.map((document) => document.id),
});

export interface MovementFilterInput {
  search?: string;
  kind?: MovementKind[];
  activeOn?: string;
}

/** react-admin filter values → MovementListOptions (`q`: the name, accents ignored; `activeOn`: running that day). */
export const toMovementListOptions = (params: Pick<GetListParams, 'pagination' | 'filter'>) => {
  const raw = params.filter ?? {};
  const filter = compact<MovementFilterInput>({
    search: optionalText(raw.q ?? raw.search),
    kind: enumValues(raw.kind, MOVEMENT_KINDS),
    activeOn: nullableDate(raw.activeOn) ?? undefined,
  });
  return { ...toPageOptions(params.pagination), ...(filter ? { filter } : {}) };
};

export const toCreateMovementInput = (data: Record<string, unknown>) => ({
  name: text(data.name),
  kind: text(data.kind),
  launchedByUnitId: text(data.launchedByUnitId),
  startsOn: nullableDate(data.startsOn),
  endsOn: nullableDate(data.endsOn),
  description: nullableText(data.description),
  legalBasisIds: idList(data.legalBasisIds),
});

export interface UpdateMovementInput {
  name?: string;
  kind?: string;
  startsOn?: string | null;
  endsOn?: string | null;
  description?: string | null;
  legalBasisIds?: string[];
}

/** Form values → UpdateMovementInput with only what changed (the launching unit cannot change). */
export const toUpdateMovementInput = (
  data: Record<string, unknown>,
  previous: Partial<MovementRecord> | undefined,
): UpdateMovementInput => {
  const input: UpdateMovementInput = {};
  if ('name' in data && text(data.name) !== previous?.name) input.name = text(data.name);
  if ('kind' in data && text(data.kind) !== previous?.kind) input.kind = text(data.kind);
  if ('startsOn' in data && nullableDate(data.startsOn) !== (previous?.startsOn ?? null)) input.startsOn = nullableDate(data.startsOn);
  if ('endsOn' in data && nullableDate(data.endsOn) !== (previous?.endsOn ?? null)) input.endsOn = nullableDate(data.endsOn);
  if ('description' in data && nullableText(data.description) !== (previous?.description ?? null))
    input.description = nullableText(data.description);
  if ('legalBasisIds' in data && !sameIds(idList(data.legalBasisIds), previous?.legalBasisIds ?? []))
    input.legalBasisIds = idList(data.legalBasisIds);
  return input;
};

export const createMovementsProvider = (execute: Execute): ResourceDataProvider =>
  createGraphQLResourceProvider<MovementView, MovementRecord>(execute, {
    list: { operation: MOVEMENTS_QUERY, field: 'movements', options: toMovementListOptions },
    one: { operation: MOVEMENT_QUERY, field: 'movement' },
    create: { operation: CREATE_MOVEMENT_MUTATION, field: 'createMovement', input: toCreateMovementInput },
    update: { operation: UPDATE_MOVEMENT_MUTATION, field: 'updateMovement', input: toUpdateMovementInput },
    toRecord: toMovementRecord,
    errors: ERRORS,
  });
