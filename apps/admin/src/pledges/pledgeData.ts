/**
 * Pledges (giao ước thi đua) over GraphQL. react-admin's methods: `pledges`, `pledge`, `createPledge`,
 * `updatePledge`. The lifecycle has operations of its own, offered as data-provider methods: signing
 * (`signPledge`), moving to the next step (`advancePledge`), the criteria set and its versions
 * (`setPledgeCriteria`, `criteriaVersions`) and the registrations of targets (`registrations`,
 * `registerPledgeTargets`).
 */
import type { GetListParams, Identifier } from 'react-admin';
import { PLEDGE_STATUSES, type CriteriaSetContent, type PledgeStatus } from '@danvan/contracts';
import type { ErrorMapping, Execute, FormFields, ResourceDataProvider } from '../dataProvider';
import { compact, optionalText, toPageOptions } from '../data/listOptions';
import { enumValues, idList, nullableDate, nullableText, optionalInt, sameIds, text } from '../data/values';
import { createGraphQLResourceProvider } from '../data/graphqlResource';
import type { DocumentRef, UnitRef } from '../emulation/refs';
import { toCriteriaFormErrors, type CriteriaSetInput } from '../criteria/criteriaForm';

export interface CriteriaSetSummary {
  id: string;
  number: number;
  maxTotal: number;
  createdBy: string;
  createdAt: string;
}

export interface PledgeProgress {
  signatories: number;
  registered: number;
  notRegistered: UnitRef[];
}

export interface PledgeRecord {
  id: string;
  blocId: string;
  blocName: string;
  year: number;
  title: string;
  status: PledgeStatus;
  statusLabel: string;
  breakthroughMin: number | null;
  breakthroughMax: number | null;
  signedOn: string | null;
  signingEvent: string | null;
  signingPlace: string | null;
  documents: DocumentRef[];
  signatories: UnitRef[];
  criteriaSet: CriteriaSetSummary | null;
  progress: PledgeProgress;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Added by the data provider for the form. */
  documentIds: string[];
}

type PledgeView = Omit<PledgeRecord, 'documentIds'>;

const UNIT_REF = '{ id name shortName }';
const PLEDGE_FIELDS = `id blocId blocName year title status statusLabel breakthroughMin breakthroughMax signedOn signingEvent signingPlace
  documents { id number issuedOn title } signatories ${UNIT_REF} criteriaSet { id number maxTotal createdBy createdAt }
  progress { signatories registered notRegistered ${UNIT_REF} } version createdAt updatedAt`;

/** The list shows no documents, signatories or progress: a page of 100 pledges stays a small query. */
const PLEDGE_LIST_FIELDS = `id blocId blocName year title status statusLabel breakthroughMin breakthroughMax signedOn signingEvent signingPlace
  criteriaSet { id number maxTotal createdBy createdAt } version createdAt updatedAt`;

export const PLEDGES_QUERY = {
  operationName: 'Pledges',
  query: `query Pledges($options: PledgeListOptions) { pledges(options: $options) { items { ${PLEDGE_LIST_FIELDS} } totalItems } }`,
};
export const PLEDGE_QUERY = {
  operationName: 'Pledge',
  query: `query Pledge($id: ID!) { pledge(id: $id) { ${PLEDGE_FIELDS} } }`,
};
export const CREATE_PLEDGE_MUTATION = {
  operationName: 'CreatePledge',
  query: `mutation CreatePledge($input: CreatePledgeInput!) { createPledge(input: $input) { ${PLEDGE_FIELDS} } }`,
};
export const UPDATE_PLEDGE_MUTATION = {
  operationName: 'UpdatePledge',
  query: `mutation UpdatePledge($id: ID!, $expectedVersion: Int!, $input: UpdatePledgeInput!) {
  updatePledge(id: $id, expectedVersion: $expectedVersion, input: $input) { ${PLEDGE_FIELDS} } }`,
};
export const SIGN_PLEDGE_MUTATION = {
  operationName: 'SignPledge',
  query: `mutation SignPledge($id: ID!, $expectedVersion: Int!, $input: SignPledgeInput!) {
  signPledge(id: $id, expectedVersion: $expectedVersion, input: $input) { ${PLEDGE_FIELDS} } }`,
};
export const ADVANCE_PLEDGE_MUTATION = {
  operationName: 'AdvancePledge',
  query: `mutation AdvancePledge($id: ID!, $expectedVersion: Int!, $to: PledgeStatus!) {
  advancePledge(id: $id, expectedVersion: $expectedVersion, to: $to) { ${PLEDGE_FIELDS} } }`,
};

const ITEM = '{ code title maxScore }';
/** A whole criteria set (the editor's and the scoring grid's columns). */
export const CRITERIA_SET_FIELDS = `id number groups { code title criteria { code title maxScore subCriteria ${ITEM} } }
  bonusItems ${ITEM} bonusCap deductionItems ${ITEM} deductionCap bands { name minScore } maxTotal createdBy createdAt`;

export const PLEDGE_CRITERIA_QUERY = {
  operationName: 'PledgeCriteria',
  query: `query PledgeCriteria($id: ID!) { pledge(id: $id) { id title year blocName status statusLabel version
  criteriaSet { ${CRITERIA_SET_FIELDS} }
  criteriaVersions { id number maxTotal bonusCap deductionCap createdBy createdAt groups { code title } bands { name minScore } } } }`,
};
export const SET_PLEDGE_CRITERIA_MUTATION = {
  operationName: 'SetPledgeCriteria',
  query: `mutation SetPledgeCriteria($id: ID!, $expectedVersion: Int!, $criteria: CriteriaSetInput!) {
  setPledgeCriteria(id: $id, expectedVersion: $expectedVersion, criteria: $criteria) { id version status criteriaSet { ${CRITERIA_SET_FIELDS} } } }`,
};
const REGISTRATION_FIELDS = `id unit ${UNIT_REF} targets { title measure } breakthroughTasks version createdAt updatedAt`;
export const PLEDGE_REGISTRATIONS_QUERY = {
  operationName: 'PledgeRegistrations',
  query: `query PledgeRegistrations($id: ID!) { pledge(id: $id) { id registrations { ${REGISTRATION_FIELDS} } } }`,
};
export const REGISTER_PLEDGE_TARGETS_MUTATION = {
  operationName: 'RegisterPledgeTargets',
  query: `mutation RegisterPledgeTargets($pledgeId: ID!, $unitId: ID!, $input: RegistrationInput!, $expectedVersion: Int) {
  registerPledgeTargets(pledgeId: $pledgeId, unitId: $unitId, input: $input, expectedVersion: $expectedVersion) { ${REGISTRATION_FIELDS} } }`,
};

export const PLEDGE_VERSION_CONFLICT_MESSAGE = 'danvan.errors.pledgeVersionConflict';

export const PLEDGE_FORM_FIELDS: FormFields = {
  blocId: 'input',
  title: 'input',
  documentIds: 'inputList',
  breakthroughMin: 'input',
  breakthroughMax: 'input',
};
export const SIGN_FORM_FIELDS: FormFields = { signedOn: 'input', signingEvent: 'input', signingPlace: 'input', signatoryIds: 'inputList' };

const ERRORS: ErrorMapping = { formFields: PLEDGE_FORM_FIELDS, conflictMessage: PLEDGE_VERSION_CONFLICT_MESSAGE };

/** The server's pledge → the record (a list row has no documents, signatories or progress: empty ones). */
export const toPledgeRecord = (pledge: Partial<PledgeView> & Pick<PledgeView, 'id'>): PledgeRecord => {
  const documents = pledge.documents ?? [];
  return {
    ...(pledge as PledgeView),
    documents,
    signatories: pledge.signatories ?? [],
    progress: pledge.progress ?? { signatories: 0, registered: 0, notRegistered: [] },
    documentIds: documents.map((document) => document.id),
  };
};

export interface PledgeFilterInput {
  year?: number;
  status?: PledgeStatus[];
  signatoryUnitId?: string;
}

/** react-admin filter values → PledgeListOptions: year, step(s), a signatory unit. */
export const toPledgeListOptions = (params: Pick<GetListParams, 'pagination' | 'filter'>) => {
  const raw = params.filter ?? {};
  const year = optionalInt(raw.year);
  const filter = compact<PledgeFilterInput>({
    year: year !== undefined && year >= 1945 && year <= 2100 ? year : undefined,
    status: enumValues(raw.status, PLEDGE_STATUSES),
    signatoryUnitId: optionalText(raw.signatoryUnitId),
  });
  return { ...toPageOptions(params.pagination), ...(filter ? { filter } : {}) };
};

const nullableInt = (value: unknown): number | null => optionalInt(value) ?? null;

export const toCreatePledgeInput = (data: Record<string, unknown>) => ({
  blocId: text(data.blocId),
  title: text(data.title),
  documentIds: idList(data.documentIds),
  breakthroughMin: nullableInt(data.breakthroughMin),
  breakthroughMax: nullableInt(data.breakthroughMax),
});

export interface UpdatePledgeInput {
  title?: string;
  documentIds?: string[];
  breakthroughMin?: number | null;
  breakthroughMax?: number | null;
}

/** Form values → UpdatePledgeInput with only what changed (the bloc cannot change). */
export const toUpdatePledgeInput = (data: Record<string, unknown>, previous: Partial<PledgeRecord> | undefined): UpdatePledgeInput => {
  const input: UpdatePledgeInput = {};
  if ('title' in data && text(data.title) !== previous?.title) input.title = text(data.title);
  if ('documentIds' in data && !sameIds(idList(data.documentIds), previous?.documentIds ?? []))
    input.documentIds = idList(data.documentIds);
  if ('breakthroughMin' in data && nullableInt(data.breakthroughMin) !== (previous?.breakthroughMin ?? null))
    input.breakthroughMin = nullableInt(data.breakthroughMin);
  if ('breakthroughMax' in data && nullableInt(data.breakthroughMax) !== (previous?.breakthroughMax ?? null))
    input.breakthroughMax = nullableInt(data.breakthroughMax);
  return input;
};

export interface SignPledgeInput {
  signedOn: string | null;
  signingEvent: string;
  signingPlace: string | null;
  signatoryIds?: string[];
}

/** The signing dialog's values → SignPledgeInput; no signatories chosen: every member of the bloc signs. */
export const toSignPledgeInput = (data: Record<string, unknown>): SignPledgeInput => {
  const signatoryIds = idList(data.signatoryIds);
  return {
    signedOn: nullableDate(data.signedOn),
    signingEvent: text(data.signingEvent),
    signingPlace: nullableText(data.signingPlace),
    ...(signatoryIds.length > 0 ? { signatoryIds } : {}),
  };
};

/** A whole criteria set as the server answers it. */
export interface CriteriaSetView extends CriteriaSetContent {
  id: string;
  number: number;
  maxTotal: number;
  createdBy: string;
  createdAt: string;
}

/** An earlier (or the current) version, as the version list shows it. */
export interface CriteriaVersionSummary {
  id: string;
  number: number;
  maxTotal: number;
  bonusCap: number;
  deductionCap: number;
  createdBy: string;
  createdAt: string;
  groups: { code: string; title: string }[];
  bands: { name: string; minScore: number }[];
}

export interface PledgeCriteria {
  id: string;
  title: string;
  year: number;
  blocName: string;
  status: PledgeStatus;
  statusLabel: string;
  version: number;
  criteriaSet: CriteriaSetView | null;
  criteriaVersions: CriteriaVersionSummary[];
}

export interface Registration {
  id: string;
  unit: UnitRef;
  targets: { title: string; measure: string | null }[];
  breakthroughTasks: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Translation key shown when the registration changed since it was read. */
export const REGISTRATION_VERSION_CONFLICT_MESSAGE = 'danvan.errors.registrationVersionConflict';

export interface RegistrationInput {
  targets: { title: string; measure: string | null }[];
  breakthroughTasks: string[];
}

/** The registration form's values: targets as rows, breakthrough tasks as texts. */
export interface RegistrationFormValues {
  targets: { title: string; measure: string }[];
  breakthroughTasks: string[];
}

/**
 * A registration → the form's values; none yet: one empty target and as many empty tasks as the pledge
 * asks at least (one when it sets no range), so that the form shows what is expected.
 */
export const toRegistrationFormValues = (
  registration: Pick<Registration, 'targets' | 'breakthroughTasks'> | null,
  breakthroughMin: number | null,
): RegistrationFormValues =>
  registration
    ? {
        targets: registration.targets.map((target) => ({ title: target.title, measure: target.measure ?? '' })),
        breakthroughTasks: [...registration.breakthroughTasks],
      }
    : { targets: [{ title: '', measure: '' }], breakthroughTasks: Array.from({ length: Math.max(breakthroughMin ?? 1, 1) }, () => '') };

/** The registration form's values → RegistrationInput (trimmed; rows and tasks left empty are not sent). */
export const toRegistrationInput = (data: Record<string, unknown>): RegistrationInput => ({
  targets: (Array.isArray(data.targets) ? data.targets : [])
    .filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null)
    .map((row) => ({ title: text(row.title), measure: nullableText(row.measure) }))
    .filter((target) => target.title !== '' || target.measure !== null),
  breakthroughTasks: (Array.isArray(data.breakthroughTasks) ? data.breakthroughTasks : []).map(text).filter((task) => task !== ''),
});

/**
 * The pledge's range of breakthrough tasks against the tasks typed (blank ones not counted): a translation
 * key with its arguments when the count is outside it, else undefined (also when the pledge sets no range).
 */
export const breakthroughCountProblem = (
  tasks: unknown,
  min: number | null,
  max: number | null,
): { message: string; args: Record<string, number> } | undefined => {
  const count = (Array.isArray(tasks) ? tasks : []).filter((task) => text(task) !== '').length;
  if (min === null && max === null) return undefined;
  const low = min ?? 0;
  const high = max ?? Number.POSITIVE_INFINITY;
  if (count >= low && count <= high) return undefined;
  return max === null
    ? { message: 'danvan.registration.tooFewTasks', args: { min: low, count } }
    : { message: 'danvan.registration.taskRange', args: { min: low, max, count } };
};

/** A row of the registrations panel: a unit, its registration if any, whether this account may (re)register it. */
export interface RegistrationRow {
  unit: UnitRef;
  registration: Registration | null;
  editable: boolean;
}

/**
 * The panel's rows, in the order of the signatories: every registration the reader sees, and the signatories
 * it may register for (`registrable`) that have none yet; registrations of units no longer signatories last.
 */
export const registrationRows = (
  signatories: readonly UnitRef[],
  registrations: readonly Registration[],
  registrable: ReadonlySet<string>,
): RegistrationRow[] => {
  const byUnit = new Map(registrations.map((registration) => [registration.unit.id, registration]));
  const rows: RegistrationRow[] = [];
  for (const unit of signatories) {
    const registration = byUnit.get(unit.id) ?? null;
    if (registration || registrable.has(unit.id)) rows.push({ unit, registration, editable: registrable.has(unit.id) });
  }
  for (const registration of registrations) {
    if (!signatories.some((unit) => unit.id === registration.unit.id))
      rows.push({ unit: registration.unit, registration, editable: false });
  }
  return rows;
};

export const REGISTRATION_FORM_FIELDS: FormFields = { targets: { items: ['title', 'measure'] }, breakthroughTasks: 'inputList' };

/** The lifecycle operations (see the module comment); each answers the pledge as it now is. */
export interface PledgeMethods {
  signPledge(id: Identifier, expectedVersion: number, data: Record<string, unknown>): Promise<PledgeRecord>;
  advancePledge(id: Identifier, expectedVersion: number, to: PledgeStatus): Promise<PledgeRecord>;
  getPledgeCriteria(id: Identifier, signal?: AbortSignal): Promise<PledgeCriteria>;
  setPledgeCriteria(
    id: Identifier,
    expectedVersion: number,
    criteria: CriteriaSetInput,
  ): Promise<{ id: string; version: number; criteriaSet: CriteriaSetView | null }>;
  getPledgeRegistrations(id: Identifier, signal?: AbortSignal): Promise<Registration[]>;
  /** A signatory's targets and breakthrough tasks (expectedVersion: null the first time, else the version read). */
  registerPledgeTargets(
    pledgeId: Identifier,
    unitId: string,
    expectedVersion: number | null,
    data: Record<string, unknown>,
  ): Promise<Registration>;
}

export const createPledgesProvider = (execute: Execute): { provider: ResourceDataProvider; methods: PledgeMethods } => {
  return {
    provider: createGraphQLResourceProvider<PledgeView, PledgeRecord>(execute, {
      list: { operation: PLEDGES_QUERY, field: 'pledges', options: toPledgeListOptions },
      one: { operation: PLEDGE_QUERY, field: 'pledge' },
      create: { operation: CREATE_PLEDGE_MUTATION, field: 'createPledge', input: toCreatePledgeInput },
      update: { operation: UPDATE_PLEDGE_MUTATION, field: 'updatePledge', input: toUpdatePledgeInput },
      toRecord: toPledgeRecord,
      errors: ERRORS,
    }),
    methods: {
      signPledge: async (id, expectedVersion, data) => {
        const { signPledge } = await execute<{ signPledge: PledgeView }>(
          SIGN_PLEDGE_MUTATION,
          { id: String(id), expectedVersion, input: toSignPledgeInput(data) },
          { errors: { formFields: SIGN_FORM_FIELDS, conflictMessage: PLEDGE_VERSION_CONFLICT_MESSAGE } },
        );
        return toPledgeRecord(signPledge);
      },
      advancePledge: async (id, expectedVersion, to) => {
        const { advancePledge } = await execute<{ advancePledge: PledgeView }>(
          ADVANCE_PLEDGE_MUTATION,
          { id: String(id), expectedVersion, to },
          { errors: { formFields: {}, conflictMessage: PLEDGE_VERSION_CONFLICT_MESSAGE } },
        );
        return toPledgeRecord(advancePledge);
      },
      getPledgeCriteria: async (id, signal) => {
        const { pledge } = await execute<{ pledge: PledgeCriteria }>(PLEDGE_CRITERIA_QUERY, { id: String(id) }, { signal });
        return pledge;
      },
      setPledgeCriteria: async (id, expectedVersion, criteria) => {
        const { setPledgeCriteria } = await execute<{
          setPledgeCriteria: { id: string; version: number; criteriaSet: CriteriaSetView | null };
        }>(
          SET_PLEDGE_CRITERIA_MUTATION,
          { id: String(id), expectedVersion, criteria },
          // Field errors land on the editor's nested inputs (groups → criteria → sub-criteria, items, bands).
          { errors: { toFormErrors: toCriteriaFormErrors, conflictMessage: PLEDGE_VERSION_CONFLICT_MESSAGE } },
        );
        return setPledgeCriteria;
      },
      getPledgeRegistrations: async (id, signal) => {
        const { pledge } = await execute<{ pledge: { registrations: Registration[] } }>(
          PLEDGE_REGISTRATIONS_QUERY,
          { id: String(id) },
          { signal },
        );
        return pledge.registrations;
      },
      registerPledgeTargets: async (pledgeId, unitId, expectedVersion, data) => {
        const { registerPledgeTargets } = await execute<{ registerPledgeTargets: Registration }>(
          REGISTER_PLEDGE_TARGETS_MUTATION,
          { pledgeId: String(pledgeId), unitId, input: toRegistrationInput(data), expectedVersion },
          { errors: { formFields: REGISTRATION_FORM_FIELDS, conflictMessage: REGISTRATION_VERSION_CONFLICT_MESSAGE } },
        );
        return registerPledgeTargets;
      },
    },
  };
};
