/**
 * Emulation movements (phong trào thi đua) over GraphQL: `movements`, `movement`, `createMovement`,
 * `updateMovement`. The record carries the ids the form edits (`launchedByUnitId`, `legalBasisIds`)
 * beside the references the server answers (`launchedBy`, `legalBasis`).
 */
import type { CreateParams, GetListParams, GetManyParams, GetOneParams, Identifier, RaRecord, UpdateParams } from 'react-admin';
import { MOVEMENT_KINDS, type MovementKind } from '@danvan/contracts';
import type { ErrorMapping, Execute, FormFields, ResourceDataProvider } from '../dataProvider';
import { compact, optionalText, toPageOptions } from '../data/listOptions';
import { asRecord, enumValues, idList, nullableDate, nullableText, sameIds, text, versionOf } from '../data/values';
import { fetchEach } from '../data/fetchEach';
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
export const toUpdateMovementInput = (data: Record<string, unknown>, previous: Partial<MovementRecord> | undefined): UpdateMovementInput => {
  const input: UpdateMovementInput = {};
  if ('name' in data && text(data.name) !== previous?.name) input.name = text(data.name);
  if ('kind' in data && text(data.kind) !== previous?.kind) input.kind = text(data.kind);
  if ('startsOn' in data && nullableDate(data.startsOn) !== (previous?.startsOn ?? null)) input.startsOn = nullableDate(data.startsOn);
  if ('endsOn' in data && nullableDate(data.endsOn) !== (previous?.endsOn ?? null)) input.endsOn = nullableDate(data.endsOn);
  if ('description' in data && nullableText(data.description) !== (previous?.description ?? null)) input.description = nullableText(data.description);
  if ('legalBasisIds' in data && !sameIds(idList(data.legalBasisIds), previous?.legalBasisIds ?? [])) input.legalBasisIds = idList(data.legalBasisIds);
  return input;
};

export const createMovementsProvider = (execute: Execute): ResourceDataProvider => {
  const fetchOne = async (id: Identifier, signal?: AbortSignal): Promise<MovementRecord> => {
    const { movement } = await execute<{ movement: MovementView }>(MOVEMENT_QUERY, { id: String(id) }, { signal, errors: ERRORS });
    return toMovementRecord(movement);
  };

  return {
    getList: async <RecordType extends RaRecord>(_resource: string, params: GetListParams) => {
      const { movements } = await execute<{ movements: { items: MovementView[]; totalItems: number } }>(
        MOVEMENTS_QUERY,
        { options: toMovementListOptions(params) },
        { signal: params.signal },
      );
      return { data: movements.items.map((item) => asRecord<RecordType>(toMovementRecord(item))), total: movements.totalItems };
    },

    getOne: async <RecordType extends RaRecord>(_resource: string, params: GetOneParams<RecordType>) => ({
      data: asRecord<RecordType>(await fetchOne(params.id, params.signal)),
    }),

    getMany: async <RecordType extends RaRecord>(_resource: string, params: GetManyParams<RecordType>) => ({
      data: (await fetchEach(params.ids, (id) => fetchOne(id, params.signal))).map(asRecord<RecordType>),
    }),

    create: async <RecordType extends Omit<RaRecord, 'id'>, ResultRecordType extends RaRecord = RecordType & { id: Identifier }>(
      _resource: string,
      params: CreateParams,
    ) => {
      const { createMovement } = await execute<{ createMovement: MovementView }>(
        CREATE_MOVEMENT_MUTATION,
        { input: toCreateMovementInput(params.data ?? {}) },
        { errors: ERRORS },
      );
      return { data: asRecord<ResultRecordType>(toMovementRecord(createMovement)) };
    },

    update: async <RecordType extends RaRecord>(_resource: string, params: UpdateParams) => {
      const { updateMovement } = await execute<{ updateMovement: MovementView }>(
        UPDATE_MOVEMENT_MUTATION,
        {
          id: String(params.id),
          expectedVersion: versionOf(params.previousData),
          input: toUpdateMovementInput(params.data as Record<string, unknown>, params.previousData as Partial<MovementRecord>),
        },
        { errors: ERRORS },
      );
      return { data: asRecord<RecordType>(toMovementRecord(updateMovement)) };
    },
  };
};
