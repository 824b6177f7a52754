/**
 * Awards (khen thưởng) and "Dân vận khéo" models over GraphQL: `awards`, `award`, `models`, `model`, the
 * award catalogue (`awardTitles`) and `createAwards` (the awards of a pledge's ranking, in one decision).
 * Also the query string of the models' Excel export (GET /api/v1/models/export.xlsx), the same filters
 * and sort as the list.
 */
import type { GetListParams, GetManyParams, GetOneParams, Identifier, RaRecord, SortPayload } from 'react-admin';
import type { Execute, FormFields, ResourceDataProvider } from '../dataProvider';
import { compact, optionalText, toPageOptions } from '../data/listOptions';
import { asRecord, enumValues, idList, nullableDate, nullableText, optionalInt } from '../data/values';
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
  recognitionHistory?: { from: ModelRecognition; to: ModelRecognition; recognisedOn: string; document: DocumentRef | null; note: string | null; recordedBy: string; recordedAt: string }[];
  awards?: { id: string; titleName: string; rank: AwardRank | null; year: number; decidedOn: string; revoked: boolean }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

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
  revoked revokedAt revokedBy revocationReason version createdAt updatedAt`;
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

/** `decidedOn` → `DECIDED_ON` when the server can sort by it. */
const toSort = (sort: SortPayload | undefined, allowed: readonly string[]) =>
  sort?.field && allowed.includes(sort.field) ? { field: sort.field.replace(/([A-Z])/g, '_$1').toUpperCase(), order: sort.order === 'DESC' ? 'DESC' : 'ASC' } : undefined;

const validYear = (value: unknown): number | undefined => {
  const year = optionalInt(value);
  return year !== undefined && year >= 1945 && year <= 2100 ? year : undefined;
};

const booleanFilter = (value: unknown): boolean | undefined => (value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined);

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

/** The model list's filters and sort → the export's query string (lists comma-separated, sort `name` / `-name`). */
export const toModelsExportUrl = (filter: Record<string, unknown> | undefined, sort: SortPayload | undefined): string => {
  const values = toModelFilter(filter) ?? {};
  const params = new URLSearchParams();
  const set = (name: string, value: string | number | string[] | undefined) => {
    const text = Array.isArray(value) ? value.join(',') : value === undefined ? '' : String(value);
    if (text) params.set(name, text);
  };
  set('q', values.search);
  set('withinUnitId', values.withinUnitId);
  set('ownerUnitId', values.ownerUnitId);
  set('year', values.year);
  set('field', values.field);
  set('level', values.level);
  set('recognition', values.recognition);
  set('holderKind', values.holderKind);
  if (sort?.field && (MODEL_SORT_FIELDS as readonly string[]).includes(sort.field)) set('sort', `${sort.order === 'DESC' ? '-' : ''}${sort.field}`);
  const query = params.toString().replace(/%2C/gi, ',');
  return query ? `${MODELS_EXPORT_PATH}?${query}` : MODELS_EXPORT_PATH;
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
  rows.flatMap((row) => (row.rank !== null && row.rank >= 1 && row.rank <= 3 ? [{ unitId: row.unit.id, rank: AWARD_RANKS[row.rank - 1] }] : []));

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

export const AWARDS_FORM_FIELDS: FormFields = { awardTitleId: 'input', formId: 'input', issuerUnitId: 'input', decisionDocumentId: 'input', decidedOn: 'input', citation: 'input' };

export interface RecognitionMethods {
  getAwardTitles(signal?: AbortSignal): Promise<AwardTitle[]>;
  createAwards(input: CreateAwardsInput): Promise<AwardRecord[]>;
}

export const createRecognitionProviders = (
  execute: Execute,
): { awards: ResourceDataProvider; models: ResourceDataProvider; methods: RecognitionMethods } => {
  const fetchAward = async (id: Identifier, signal?: AbortSignal) => (await execute<{ award: AwardRecord }>(AWARD_QUERY, { id: String(id) }, { signal })).award;
  const fetchModel = async (id: Identifier, signal?: AbortSignal) => (await execute<{ model: ModelRecord }>(MODEL_QUERY, { id: String(id) }, { signal })).model;
  return {
    awards: {
      getList: async <RecordType extends RaRecord>(_resource: string, params: GetListParams) => {
        const { awards } = await execute<{ awards: { items: AwardRecord[]; totalItems: number } }>(AWARDS_QUERY, { options: toAwardListOptions(params) }, { signal: params.signal });
        return { data: awards.items.map(asRecord<RecordType>), total: awards.totalItems };
      },
      getOne: async <RecordType extends RaRecord>(_resource: string, params: GetOneParams<RecordType>) => ({ data: asRecord<RecordType>(await fetchAward(params.id, params.signal)) }),
      getMany: async <RecordType extends RaRecord>(_resource: string, params: GetManyParams<RecordType>) => ({
        data: (await fetchEach(params.ids, (id) => fetchAward(id, params.signal))).map(asRecord<RecordType>),
      }),
    },
    models: {
      getList: async <RecordType extends RaRecord>(_resource: string, params: GetListParams) => {
        const { models } = await execute<{ models: { items: ModelRecord[]; totalItems: number } }>(MODELS_QUERY, { options: toModelListOptions(params) }, { signal: params.signal });
        return { data: models.items.map(asRecord<RecordType>), total: models.totalItems };
      },
      getOne: async <RecordType extends RaRecord>(_resource: string, params: GetOneParams<RecordType>) => ({ data: asRecord<RecordType>(await fetchModel(params.id, params.signal)) }),
      getMany: async <RecordType extends RaRecord>(_resource: string, params: GetManyParams<RecordType>) => ({
        data: (await fetchEach(params.ids, (id) => fetchModel(id, params.signal))).map(asRecord<RecordType>),
      }),
    },
    methods: {
      getAwardTitles: async (signal) => (await execute<{ awardTitles: AwardTitle[] }>(AWARD_TITLES_QUERY, { includeInactive: false }, { signal })).awardTitles,
      createAwards: async (input) =>
        (await execute<{ createAwards: AwardRecord[] }>(CREATE_AWARDS_MUTATION, { input }, { errors: { formFields: AWARDS_FORM_FIELDS } })).createAwards,
    },
  };
};
