/**
 * Awards (khen thưởng) and "Dân vận khéo" models over GraphQL: `awards`, `award`, `createAward`,
 * `revokeAward`, `models`, `model`, `createModel`, `updateModel`, `recogniseModel`, the award catalogue
 * (`awardTitles`) and `createAwards` (the awards of a pledge's ranking, in one decision). There is no
 * update of an award: an issued decision is revoked and issued again. Also the query strings of the Excel
 * exports (GET /api/v1/models/export.xlsx, GET /api/v1/awards/export.xlsx), the same filters and sort as
 * their lists.
 */
import type {
  CreateParams,
  GetListParams,
  GetManyParams,
  GetOneParams,
  Identifier,
  RaRecord,
  SortPayload,
  UpdateParams,
} from 'react-admin';
import type { ErrorMapping, Execute, FormErrors, FormFields, ResourceDataProvider } from '../dataProvider';
import { toFormErrors } from '../dataProvider';
import { compact, optionalText, toPageOptions } from '../data/listOptions';
import { toRestSortParam, toRestUrl } from '../data/restQuery';
import { asRecord, enumValues, idList, nullableDate, nullableText, optionalInt, text, versionOf } from '../data/values';
import { fetchEach } from '../data/fetchEach';
import type { DocumentRef } from '../emulation/refs';
import {
  AWARD_RANKS,
  AWARD_SORT_FIELDS,
  MODEL_FIELDS,
  MODEL_RECOGNITIONS,
  MODEL_SORT_FIELDS,
  RECIPIENT_KINDS,
  UNIT_LEVELS,
  type AwardEntryKind,
  type AwardRank,
  type ModelField,
  type ModelRecognition,
  type RecipientKind,
  type UnitLevel,
  type FieldError,
} from '@danvan/contracts';

export interface RecognitionUnitRef {
  id: string;
  name: string;
  shortName: string | null;
  level: UnitLevel;
}

export interface AwardRecord {
  id: string;
  title: { id: string; code: string; name: string; kind: AwardEntryKind };
  recipientKind: RecipientKind;
  recipientUnit: RecognitionUnitRef;
  personName: string | null;
  personPosition: string | null;
  rank: AwardRank | null;
  rankLabel: string | null;
  decisionDocument: DocumentRef | null;
  issuer: RecognitionUnitRef;
  decidedOn: string;
  year: number;
  pledgeId: string | null;
  model: { id: string; name: string } | null;
  citation: string | null;
  revoked: boolean;
  revokedAt: string | null;
  revokedBy: string | null;
  revocationReason: string | null;
  /** The server's word: the caller may revoke it now (it manages the emulation over the issuer, and the award is in force). */
  canRevoke: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ModelRecord {
  id: string;
  name: string;
  owner: RecognitionUnitRef;
  holderKind: RecipientKind;
  personName: string | null;
  field: ModelField;
  fieldLabel: string;
  level: UnitLevel;
  firstYear: number;
  lastYear: number | null;
  recognition: ModelRecognition;
  recognitionLabel: string;
  recognisedOn: string | null;
  recognitionDocument: DocumentRef | null;
  description: string | null;
  results?: { indicator: string; value: number; unit: string | null }[];
  evidence?: { description: string; url: string | null }[];
  recognitionHistory?: {
    from: ModelRecognition;
    to: ModelRecognition;
    recognisedOn: string;
    document: DocumentRef | null;
    note: string | null;
    recordedBy: string;
    recordedAt: string;
  }[];
  awards?: { id: string; titleName: string; rank: AwardRank | null; year: number; decidedOn: string; revoked: boolean }[];
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Added by the data provider for the form. */
  ownerUnitId: string;
}

type ModelView = Omit<ModelRecord, 'ownerUnitId'>;

export interface AwardTitle {
  id: string;
  code: string;
  name: string;
  kind: AwardEntryKind;
  recipients: 'COLLECTIVE' | 'INDIVIDUAL' | 'BOTH';
  ranked: boolean;
  active: boolean;
}

const UNIT_REF = '{ id name shortName level }';
const DOCUMENT_REF = '{ id number issuedOn title }';
const AWARD_FIELDS = `id title { id code name kind } recipientKind recipientUnit ${UNIT_REF} personName personPosition rank rankLabel
  decisionDocument ${DOCUMENT_REF} issuer ${UNIT_REF} decidedOn year pledgeId model { id name } citation
  revoked revokedAt revokedBy revocationReason canRevoke version createdAt updatedAt`;
const MODEL_LIST_FIELDS = `id name owner ${UNIT_REF} holderKind personName field fieldLabel level firstYear lastYear recognition recognitionLabel
  recognisedOn recognitionDocument ${DOCUMENT_REF} description version createdAt updatedAt`;
const MODEL_DETAIL_FIELDS = `${MODEL_LIST_FIELDS} results { indicator value unit } evidence { description url }
  recognitionHistory { from to recognisedOn document ${DOCUMENT_REF} note recordedBy recordedAt }
  awards { id titleName rank year decidedOn revoked }`;

export const AWARDS_QUERY = {
  operationName: 'Awards',
  query: `query Awards($options: AwardListOptions) { awards(options: $options) { items { ${AWARD_FIELDS} } totalItems } }`,
};
export const AWARD_QUERY = { operationName: 'Award', query: `query Award($id: ID!) { award(id: $id) { ${AWARD_FIELDS} } }` };
export const MODELS_QUERY = {
  operationName: 'Models',
  query: `query Models($options: ModelListOptions) { models(options: $options) { items { ${MODEL_LIST_FIELDS} } totalItems } }`,
};
export const MODEL_QUERY = { operationName: 'Model', query: `query Model($id: ID!) { model(id: $id) { ${MODEL_DETAIL_FIELDS} } }` };
export const AWARD_TITLES_QUERY = {
  operationName: 'AwardTitles',
  query: `query AwardTitles($includeInactive: Boolean) { awardTitles(includeInactive: $includeInactive) { id code name kind recipients ranked active } }`,
};
export const CREATE_AWARDS_MUTATION = {
  operationName: 'CreateAwards',
  query: `mutation CreateAwards($input: CreateAwardsInput!) { createAwards(input: $input) { ${AWARD_FIELDS} } }`,
};
export const CREATE_AWARD_MUTATION = {
  operationName: 'CreateAward',
  query: `mutation CreateAward($input: CreateAwardInput!) { createAward(input: $input) { ${AWARD_FIELDS} } }`,
};
export const REVOKE_AWARD_MUTATION = {
  operationName: 'RevokeAward',
  query: `mutation RevokeAward($id: ID!, $expectedVersion: Int!, $input: RevokeAwardInput!) {
  revokeAward(id: $id, expectedVersion: $expectedVersion, input: $input) { ${AWARD_FIELDS} } }`,
};
export const CREATE_MODEL_MUTATION = {
  operationName: 'CreateModel',
  query: `mutation CreateModel($input: CreateModelInput!) { createModel(input: $input) { ${MODEL_DETAIL_FIELDS} } }`,
};
export const UPDATE_MODEL_MUTATION = {
  operationName: 'UpdateModel',
  query: `mutation UpdateModel($id: ID!, $expectedVersion: Int!, $input: UpdateModelInput!) {
  updateModel(id: $id, expectedVersion: $expectedVersion, input: $input) { ${MODEL_DETAIL_FIELDS} } }`,
};
export const RECOGNISE_MODEL_MUTATION = {
  operationName: 'RecogniseModel',
  query: `mutation RecogniseModel($id: ID!, $expectedVersion: Int!, $input: RecogniseModelInput!) {
  recogniseModel(id: $id, expectedVersion: $expectedVersion, input: $input) { ${MODEL_DETAIL_FIELDS} } }`,
};

/** Translation keys shown when the record changed since it was read. */
export const AWARD_VERSION_CONFLICT_MESSAGE = 'danvan.errors.awardVersionConflict';
export const MODEL_VERSION_CONFLICT_MESSAGE = 'danvan.errors.modelVersionConflict';

/** `decidedOn` → `DECIDED_ON` when the server can sort by it. */
const toSort = (sort: SortPayload | undefined, allowed: readonly string[]) =>
  sort?.field && allowed.includes(sort.field)
    ? { field: sort.field.replace(/([A-Z])/g, '_$1').toUpperCase(), order: sort.order === 'DESC' ? 'DESC' : 'ASC' }
    : undefined;

const validYear = (value: unknown): number | undefined => {
  const year = optionalInt(value);
  return year !== undefined && year >= 1945 && year <= 2100 ? year : undefined;
};

const booleanFilter = (value: unknown): boolean | undefined =>
  value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;

export interface AwardFilterInput {
  search?: string;
  year?: number;
  titleId?: string[];
  recipientKind?: RecipientKind[];
  withinUnitId?: string;
  issuerUnitId?: string;
  pledgeId?: string;
  rank?: AwardRank[];
  revoked?: boolean;
}

/** react-admin filter values → AwardFilter: `q` (person names and citations, accents ignored), year, title, recipient, rank, revoked. */
export const toAwardFilter = (filter: Record<string, unknown> | undefined): AwardFilterInput | undefined => {
  if (!filter) return undefined;
  const titleIds = idList(Array.isArray(filter.titleId) ? filter.titleId : [filter.titleId]);
  return compact<AwardFilterInput>({
    search: optionalText(filter.q),
    year: validYear(filter.year),
    titleId: titleIds.length > 0 ? titleIds : undefined,
    recipientKind: enumValues(filter.recipientKind, RECIPIENT_KINDS),
    withinUnitId: optionalText(filter.withinUnitId),
    issuerUnitId: optionalText(filter.issuerUnitId),
    pledgeId: optionalText(filter.pledgeId),
    rank: enumValues(filter.rank, AWARD_RANKS),
    revoked: booleanFilter(filter.revoked),
  });
};

export const toAwardListOptions = (params: Pick<GetListParams, 'pagination' | 'sort' | 'filter'>) => {
  const sort = toSort(params.sort, AWARD_SORT_FIELDS);
  const filter = toAwardFilter(params.filter);
  return { ...toPageOptions(params.pagination), ...(sort ? { sort } : {}), ...(filter ? { filter } : {}) };
};

export interface ModelFilterInput {
  search?: string;
  withinUnitId?: string;
  ownerUnitId?: string;
  year?: number;
  field?: ModelField[];
  level?: UnitLevel[];
  recognition?: ModelRecognition[];
  holderKind?: RecipientKind[];
}

/** react-admin filter values → ModelFilter: `q` (model and person names, accents ignored), year, field, level, recognition … */
export const toModelFilter = (filter: Record<string, unknown> | undefined): ModelFilterInput | undefined =>
  filter
    ? compact<ModelFilterInput>({
        search: optionalText(filter.q),
        withinUnitId: optionalText(filter.withinUnitId),
        ownerUnitId: optionalText(filter.ownerUnitId),
        year: validYear(filter.year),
        field: enumValues(filter.field, MODEL_FIELDS),
        level: enumValues(filter.level, UNIT_LEVELS),
        recognition: enumValues(filter.recognition, MODEL_RECOGNITIONS),
        holderKind: enumValues(filter.holderKind, RECIPIENT_KINDS),
      })
    : undefined;

export const toModelListOptions = (params: Pick<GetListParams, 'pagination' | 'sort' | 'filter'>) => {
  const sort = toSort(params.sort, MODEL_SORT_FIELDS);
  const filter = toModelFilter(params.filter);
  return { ...toPageOptions(params.pagination), ...(sort ? { sort } : {}), ...(filter ? { filter } : {}) };
};

export const MODELS_EXPORT_PATH = '/api/v1/models/export.xlsx';
export const AWARDS_EXPORT_PATH = '/api/v1/awards/export.xlsx';

/** The model list's filters and sort → the export's query string (the parameters of GET /api/v1/models). */
export const toModelsExportUrl = (filter: Record<string, unknown> | undefined, sort: SortPayload | undefined): string => {
  const values = toModelFilter(filter) ?? {};
  return toRestUrl(MODELS_EXPORT_PATH, [
    ['q', values.search],
    ['withinUnitId', values.withinUnitId],
    ['ownerUnitId', values.ownerUnitId],
    ['year', values.year],
    ['field', values.field],
    ['level', values.level],
    ['recognition', values.recognition],
    ['holderKind', values.holderKind],
    ['sort', toRestSortParam(sort, MODEL_SORT_FIELDS)],
  ]);
};

/** The award list's filters and sort → the export's query string (the parameters of GET /api/v1/awards). */
export const toAwardsExportUrl = (filter: Record<string, unknown> | undefined, sort: SortPayload | undefined): string => {
  const values = toAwardFilter(filter) ?? {};
  return toRestUrl(AWARDS_EXPORT_PATH, [
    ['q', values.search],
    ['year', values.year],
    ['titleId', values.titleId],
    ['recipientKind', values.recipientKind],
    ['withinUnitId', values.withinUnitId],
    ['issuerUnitId', values.issuerUnitId],
    ['pledgeId', values.pledgeId],
    ['rank', values.rank],
    ['revoked', values.revoked],
    ['sort', toRestSortParam(sort, AWARD_SORT_FIELDS)],
  ]);
};

/** A row of the ranking, as the proposals need it. */
export interface RankedUnit {
  rank: number | null;
  unit: { id: string };
}

/**
 * The units ranked first, second and third → proposals with their rank (nhất, nhì, ba). Units sharing a
 * rank share its award; a unit without a rank (not scored) is never proposed.
 */
export const topThreeProposals = (rows: readonly RankedUnit[]): { unitId: string; rank: AwardRank }[] =>
  rows.flatMap((row) =>
    row.rank !== null && row.rank >= 1 && row.rank <= 3 ? [{ unitId: row.unit.id, rank: AWARD_RANKS[row.rank - 1] }] : [],
  );

export interface CreateAwardsInput {
  pledgeId: string;
  awardTitleId?: string | null;
  formId?: string | null;
  issuerUnitId: string;
  decisionDocumentId: string | null;
  decidedOn: string | null;
  citation: string | null;
  proposals: { unitId: string; rank: AwardRank | null }[];
}

/** The proposal dialog's values → CreateAwardsInput: a title goes as awardTitleId, a form of commendation as formId. */
export const toCreateAwardsInput = (
  pledgeId: string,
  data: Record<string, unknown>,
  entry: Pick<AwardTitle, 'id' | 'kind'> | undefined,
  proposals: { unitId: string; rank: AwardRank }[],
): CreateAwardsInput => ({
  pledgeId,
  ...(entry?.kind === 'FORM' ? { formId: entry.id } : { awardTitleId: entry?.id ?? null }),
  issuerUnitId: optionalText(data.issuerUnitId) ?? '',
  decisionDocumentId: optionalText(data.decisionDocumentId) ?? null,
  decidedOn: nullableDate(data.decidedOn),
  citation: nullableText(data.citation),
  proposals,
});

export const AWARDS_FORM_FIELDS: FormFields = {
  awardTitleId: 'input',
  formId: 'input',
  issuerUnitId: 'input',
  decisionDocumentId: 'input',
  decidedOn: 'input',
  citation: 'input',
};

// ---------------------------------------------------------------- one award

/** The catalogue entry chosen in the award form, as the form's `transform` adds it to the values. */
export interface ChosenTitle {
  kind: AwardEntryKind;
  ranked: boolean;
}

export interface CreateAwardInput {
  awardTitleId?: string | null;
  formId?: string | null;
  recipientKind: RecipientKind;
  recipientUnitId: string;
  personName: string | null;
  personPosition: string | null;
  rank: AwardRank | null;
  decisionDocumentId: string | null;
  issuerUnitId: string;
  decidedOn: string | null;
  year: number | null;
  pledgeId: string | null;
  modelId: string | null;
  citation: string | null;
}

/** Catalogue entries that may go to this kind of recipient and are still in use. */
export const titleSuits = (title: Pick<AwardTitle, 'active' | 'recipients'>, recipientKind: unknown): boolean =>
  title.active && (title.recipients === 'BOTH' || title.recipients === recipientKind);

/**
 * The pledges the award form offers: finalised ones only (the server refuses an award under a pledge that is
 * not finalised), of the award's year once one is typed.
 */
export const awardPledgeFilter = (year: unknown): { status: ['FINALISED']; year?: number } =>
  typeof year === 'number' && Number.isInteger(year) ? { status: ['FINALISED'], year } : { status: ['FINALISED'] };

/** Whether the chosen pledge is of another year than the one typed for the award (then it is cleared). */
export const pledgeOfOtherYear = (pledgeYear: number | undefined, year: unknown): boolean =>
  pledgeYear !== undefined && typeof year === 'number' && Number.isInteger(year) && pledgeYear !== year;

const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): T | null =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;

/**
 * The award form's values → CreateAwardInput. The catalogue entry (`titleId`) goes as awardTitleId when it is
 * a title and as formId when it is a form of commendation (`title` is the entry the form chose); a person's
 * name and position only for an individual, a rank only for a ranked entry, so that values left behind by a
 * switch of the recipient or the entry are never sent.
 */
export const toCreateAwardInput = (data: Record<string, unknown>, title: ChosenTitle | undefined): CreateAwardInput => {
  const recipientKind = oneOf(data.recipientKind, RECIPIENT_KINDS) ?? 'COLLECTIVE';
  const individual = recipientKind === 'INDIVIDUAL';
  const titleId = optionalText(data.titleId) ?? null;
  return {
    ...(title?.kind === 'FORM' ? { formId: titleId } : { awardTitleId: titleId }),
    recipientKind,
    recipientUnitId: text(data.recipientUnitId),
    personName: individual ? text(data.personName) : null,
    personPosition: individual ? nullableText(data.personPosition) : null,
    rank: title?.ranked ? oneOf(data.rank, AWARD_RANKS) : null,
    decisionDocumentId: nullableText(data.decisionDocumentId),
    issuerUnitId: text(data.issuerUnitId),
    decidedOn: nullableDate(data.decidedOn),
    year: optionalInt(data.year) ?? null,
    pledgeId: nullableText(data.pledgeId),
    modelId: nullableText(data.modelId),
    citation: nullableText(data.citation),
  };
};

export const AWARD_FORM_FIELDS: FormFields = {
  titleId: 'input',
  recipientKind: 'input',
  recipientUnitId: 'input',
  personName: 'input',
  personPosition: 'input',
  rank: 'input',
  decisionDocumentId: 'input',
  issuerUnitId: 'input',
  decidedOn: 'input',
  year: 'input',
  pledgeId: 'input',
  modelId: 'input',
  citation: 'input',
};

/** The catalogue entry travels as awardTitleId or formId: both are the one `titleId` input of the forms. */
export const toAwardFormErrors = (fields: readonly FieldError[], summary: string, formFields: FormFields = AWARD_FORM_FIELDS): FormErrors =>
  toFormErrors(
    fields.map((error) => (error.field === 'awardTitleId' || error.field === 'formId' ? { ...error, field: 'titleId' } : error)),
    summary,
    formFields,
  );

const AWARD_ERRORS: ErrorMapping = { toFormErrors: toAwardFormErrors, conflictMessage: AWARD_VERSION_CONFLICT_MESSAGE };

// ---------------------------------------------------------------- models

export const toModelRecord = (model: ModelView): ModelRecord => ({ ...model, ownerUnitId: model.owner.id });

export interface ModelResultInput {
  indicator: string;
  value: number | null;
  unit: string | null;
}

export interface ModelEvidenceInput {
  description: string;
  url: string | null;
}

const rowsOf = (value: unknown): Record<string, unknown>[] =>
  (Array.isArray(value) ? value : []).filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null);

/** A measured value (NumberInput gives a number; text with a decimal comma is read too); null when none. */
const measuredValue = (value: unknown): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const number = Number(value.trim().replace(',', '.'));
  return Number.isFinite(number) ? number : null;
};

/** The results list of the form (rows left entirely empty dropped). */
export const toModelResults = (value: unknown): ModelResultInput[] =>
  rowsOf(value)
    .map((row) => ({ indicator: text(row.indicator), value: measuredValue(row.value), unit: nullableText(row.unit) }))
    .filter((row) => row.indicator !== '' || row.value !== null || row.unit !== null);

/** The evidence list of the form (rows left entirely empty dropped). */
export const toModelEvidence = (value: unknown): ModelEvidenceInput[] =>
  rowsOf(value)
    .map((row) => ({ description: text(row.description), url: nullableText(row.url) }))
    .filter((row) => row.description !== '' || row.url !== null);

export interface CreateModelInput {
  name: string;
  ownerUnitId: string | null;
  holderKind: RecipientKind;
  personName: string | null;
  field: ModelField | null;
  level: UnitLevel | null;
  firstYear: number | null;
  lastYear: number | null;
  description: string | null;
  results: ModelResultInput[];
  evidence: ModelEvidenceInput[];
}

/** The model form's values → CreateModelInput (no owner: the server takes the account's unit; a person only for an individual's model). */
export const toCreateModelInput = (data: Record<string, unknown>): CreateModelInput => {
  const holderKind = oneOf(data.holderKind, RECIPIENT_KINDS) ?? 'COLLECTIVE';
  return {
    name: text(data.name),
    ownerUnitId: nullableText(data.ownerUnitId),
    holderKind,
    personName: holderKind === 'INDIVIDUAL' ? text(data.personName) : null,
    field: oneOf(data.field, MODEL_FIELDS),
    level: oneOf(data.level, UNIT_LEVELS),
    firstYear: optionalInt(data.firstYear) ?? null,
    lastYear: optionalInt(data.lastYear) ?? null,
    description: nullableText(data.description),
    results: toModelResults(data.results),
    evidence: toModelEvidence(data.evidence),
  };
};

export type UpdateModelInput = Partial<CreateModelInput>;

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Form values → UpdateModelInput with only what changed (recognition changes through recogniseModel). */
export const toUpdateModelInput = (data: Record<string, unknown>, previous: Partial<ModelRecord> | undefined): UpdateModelInput => {
  const next = toCreateModelInput(data);
  const input: UpdateModelInput = {};
  if (next.name !== previous?.name) input.name = next.name;
  if (next.ownerUnitId !== null && next.ownerUnitId !== previous?.owner?.id) input.ownerUnitId = next.ownerUnitId;
  if (next.holderKind !== previous?.holderKind) input.holderKind = next.holderKind;
  if (next.personName !== (previous?.personName ?? null)) input.personName = next.personName;
  if (next.field !== previous?.field) input.field = next.field;
  if (next.level !== previous?.level) input.level = next.level;
  if (next.firstYear !== previous?.firstYear) input.firstYear = next.firstYear;
  if (next.lastYear !== (previous?.lastYear ?? null)) input.lastYear = next.lastYear;
  if (next.description !== (previous?.description ?? null)) input.description = next.description;
  const previousResults = (previous?.results ?? []).map((row) => ({ indicator: row.indicator, value: row.value, unit: row.unit ?? null }));
  if (!sameJson(next.results, previousResults)) input.results = next.results;
  const previousEvidence = (previous?.evidence ?? []).map((row) => ({ description: row.description, url: row.url ?? null }));
  if (!sameJson(next.evidence, previousEvidence)) input.evidence = next.evidence;
  return input;
};

export const MODEL_FORM_FIELDS: FormFields = {
  name: 'input',
  ownerUnitId: 'input',
  holderKind: 'input',
  personName: 'input',
  field: 'input',
  level: 'input',
  firstYear: 'input',
  lastYear: 'input',
  description: 'input',
  results: { items: ['indicator', 'value', 'unit'] },
  evidence: { items: ['description', 'url'] },
};

const MODEL_ERRORS: ErrorMapping = { formFields: MODEL_FORM_FIELDS, conflictMessage: MODEL_VERSION_CONFLICT_MESSAGE };

/** The next step up (đăng ký → tiêu biểu → tiêu biểu xuất sắc), or null at the top. */
export const nextRecognition = (current: ModelRecognition): ModelRecognition | null =>
  MODEL_RECOGNITIONS[MODEL_RECOGNITIONS.indexOf(current) + 1] ?? null;

/** Whether going from `current` to `to` lowers the recognition (a reason is then required). */
export const isRecognitionDown = (current: ModelRecognition, to: ModelRecognition): boolean =>
  MODEL_RECOGNITIONS.indexOf(to) < MODEL_RECOGNITIONS.indexOf(current);

export interface RecogniseModelInput {
  recognition: ModelRecognition | null;
  recognisedOn: string | null;
  documentId: string | null;
  note: string | null;
}

export const toRecogniseModelInput = (data: Record<string, unknown>): RecogniseModelInput => ({
  recognition: oneOf(data.recognition, MODEL_RECOGNITIONS),
  recognisedOn: nullableDate(data.recognisedOn),
  documentId: nullableText(data.documentId),
  note: nullableText(data.note),
});

export const RECOGNISE_FORM_FIELDS: FormFields = { recognition: 'input', recognisedOn: 'input', documentId: 'input', note: 'input' };
export const REVOKE_FORM_FIELDS: FormFields = { reason: 'input' };

export interface RecognitionMethods {
  getAwardTitles(signal?: AbortSignal): Promise<AwardTitle[]>;
  createAwards(input: CreateAwardsInput): Promise<AwardRecord[]>;
  /** Revokes an award with its reason (expectedVersion: the version read). */
  revokeAward(id: Identifier, expectedVersion: number, reason: string): Promise<AwardRecord>;
  /** Changes a model's recognition, with its date and deciding document. */
  recogniseModel(id: Identifier, expectedVersion: number, data: Record<string, unknown>): Promise<ModelRecord>;
}

export const createRecognitionProviders = (
  execute: Execute,
): { awards: ResourceDataProvider; models: ResourceDataProvider; methods: RecognitionMethods } => {
  const fetchAward = async (id: Identifier, signal?: AbortSignal) =>
    (await execute<{ award: AwardRecord }>(AWARD_QUERY, { id: String(id) }, { signal })).award;
  const fetchModel = async (id: Identifier, signal?: AbortSignal) =>
    toModelRecord((await execute<{ model: ModelView }>(MODEL_QUERY, { id: String(id) }, { signal })).model);
  return {
    awards: {
      getList: async <RecordType extends RaRecord>(_resource: string, params: GetListParams) => {
        const { awards } = await execute<{ awards: { items: AwardRecord[]; totalItems: number } }>(
          AWARDS_QUERY,
          { options: toAwardListOptions(params) },
          { signal: params.signal },
        );
        return { data: awards.items.map(asRecord<RecordType>), total: awards.totalItems };
      },
      getOne: async <RecordType extends RaRecord>(_resource: string, params: GetOneParams<RecordType>) => ({
        data: asRecord<RecordType>(await fetchAward(params.id, params.signal)),
      }),
      getMany: async <RecordType extends RaRecord>(_resource: string, params: GetManyParams<RecordType>) => ({
        data: (await fetchEach(params.ids, (id) => fetchAward(id, params.signal))).map(asRecord<RecordType>),
      }),
      // The form's transform adds the chosen catalogue entry (`title`) to the values.
      create: async <RecordType extends Omit<RaRecord, 'id'>, ResultRecordType extends RaRecord = RecordType & { id: Identifier }>(
        _resource: string,
        params: CreateParams,
      ) => {
        const { title, ...data } = (params.data ?? {}) as Record<string, unknown> & { title?: ChosenTitle };
        const { createAward } = await execute<{ createAward: AwardRecord }>(
          CREATE_AWARD_MUTATION,
          { input: toCreateAwardInput(data, title) },
          { errors: AWARD_ERRORS },
        );
        return { data: asRecord<ResultRecordType>(createAward) };
      },
    },
    models: {
      getList: async <RecordType extends RaRecord>(_resource: string, params: GetListParams) => {
        const { models } = await execute<{ models: { items: ModelView[]; totalItems: number } }>(
          MODELS_QUERY,
          { options: toModelListOptions(params) },
          { signal: params.signal },
        );
        return { data: models.items.map((item) => asRecord<RecordType>(toModelRecord(item))), total: models.totalItems };
      },
      getOne: async <RecordType extends RaRecord>(_resource: string, params: GetOneParams<RecordType>) => ({
        data: asRecord<RecordType>(await fetchModel(params.id, params.signal)),
      }),
      getMany: async <RecordType extends RaRecord>(_resource: string, params: GetManyParams<RecordType>) => ({
        data: (await fetchEach(params.ids, (id) => fetchModel(id, params.signal))).map(asRecord<RecordType>),
      }),
      create: async <RecordType extends Omit<RaRecord, 'id'>, ResultRecordType extends RaRecord = RecordType & { id: Identifier }>(
        _resource: string,
        params: CreateParams,
      ) => {
        const { createModel } = await execute<{ createModel: ModelView }>(
          CREATE_MODEL_MUTATION,
          { input: toCreateModelInput(params.data ?? {}) },
          { errors: MODEL_ERRORS },
        );
        return { data: asRecord<ResultRecordType>(toModelRecord(createModel)) };
      },
      update: async <RecordType extends RaRecord>(_resource: string, params: UpdateParams) => {
        const { updateModel } = await execute<{ updateModel: ModelView }>(
          UPDATE_MODEL_MUTATION,
          {
            id: String(params.id),
            expectedVersion: versionOf(params.previousData),
            input: toUpdateModelInput(params.data as Record<string, unknown>, params.previousData as Partial<ModelRecord>),
          },
          { errors: MODEL_ERRORS },
        );
        return { data: asRecord<RecordType>(toModelRecord(updateModel)) };
      },
    },
    methods: {
      getAwardTitles: async (signal) =>
        (await execute<{ awardTitles: AwardTitle[] }>(AWARD_TITLES_QUERY, { includeInactive: false }, { signal })).awardTitles,
      createAwards: async (input) =>
        (await execute<{ createAwards: AwardRecord[] }>(CREATE_AWARDS_MUTATION, { input }, { errors: { formFields: AWARDS_FORM_FIELDS } }))
          .createAwards,
      revokeAward: async (id, expectedVersion, reason) =>
        (
          await execute<{ revokeAward: AwardRecord }>(
            REVOKE_AWARD_MUTATION,
            { id: String(id), expectedVersion, input: { reason: reason.trim() } },
            { errors: { formFields: REVOKE_FORM_FIELDS, conflictMessage: AWARD_VERSION_CONFLICT_MESSAGE } },
          )
        ).revokeAward,
      recogniseModel: async (id, expectedVersion, data) =>
        toModelRecord(
          (
            await execute<{ recogniseModel: ModelView }>(
              RECOGNISE_MODEL_MUTATION,
              { id: String(id), expectedVersion, input: toRecogniseModelInput(data) },
              { errors: { formFields: RECOGNISE_FORM_FIELDS, conflictMessage: MODEL_VERSION_CONFLICT_MESSAGE } },
            )
          ).recogniseModel,
        ),
    },
  };
};
