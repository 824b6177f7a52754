import { AWARD_RANKS, MODEL_FIELDS, MODEL_RECOGNITIONS, RECIPIENT_KINDS, RECOGNITION_LIMITS as L, UNIT_LEVELS } from '@danvan/contracts';
import { equals, inList, textSearch } from '@danvan/core';
import { booleanFilter, dateFilter, defineList, enumFilter, idFilter, idsFilter, intFilter, textFilter, type FilterOf } from '@danvan/kit';
import { UnitLevelEnum } from '@danvan/units';
import { AwardRankEnum, ModelFieldEnum, ModelRecognitionEnum, RecipientKindEnum } from './dto/recognition-enums.js';
import { documentRefJson, pathWithin, unitRefJson } from './sql-refs.js';

const YEAR = { min: L.minYear, max: L.maxYear, message: `Năm phải là số nguyên từ ${L.minYear} đến ${L.maxYear}.` };
const ONE_OF = (label: string, values: readonly string[]) => `${label} phải là một trong: ${values.join(', ')}.`;

export const AWARD_FROM =
  'award a JOIN award_title t ON t.id = a.title_id JOIN unit_directory ru ON ru.id = a.recipient_unit_id JOIN unit_directory iu ON iu.id = a.issuer_unit_id';
export const AWARD_COLUMNS = `a.id, json_build_object('id', t.id, 'code', t.code, 'name', t.name, 'kind', t.kind) AS title,
  a.recipient_kind AS "recipientKind", ${unitRefJson('ru')} AS "recipientUnit", a.person_name AS "personName", a.person_position AS "personPosition", a.rank,
  (SELECT ${documentRefJson('d')} FROM document_directory d WHERE d.id = a.decision_document_id) AS "decisionDocument",
  ${unitRefJson('iu')} AS issuer, to_char(a.decided_on, 'YYYY-MM-DD') AS "decidedOn", a.year, a.pledge_id AS "pledgeId",
  (SELECT json_build_object('id', m.id, 'name', m.name) FROM model_practice m WHERE m.id = a.model_id) AS model,
  a.citation, a.revoked_at IS NOT NULL AS revoked, a.revoked_at AS "revokedAt", a.revoked_by AS "revokedBy", a.revocation_reason AS "revocationReason",
  a.version, a.created_at AS "createdAt", a.updated_at AS "updatedAt", ru.path AS "recipientPath", iu.path AS "issuerPath"`;

/** The expression of award_search_trgm_idx. */
const AWARD_SEARCH_TEXT = `danvan_normalize(coalesce(a.person_name, '') || ' ' || coalesce(a.citation, ''))`;

/** Awards: REST GET /api/v1/awards (and its export) and GraphQL awards(options). */
export const AWARD_LIST = defineList({
  name: 'Award',
  label: 'khen thưởng',
  from: AWARD_FROM,
  select: AWARD_COLUMNS,
  tieBreaker: 'a.id',
  sort: {
    columns: { decidedOn: 'a.decided_on', year: 'a.year', createdAt: 'a.created_at' },
    labels: { decidedOn: 'Ngày quyết định.', year: 'Năm khen thưởng.', createdAt: 'Thời điểm ghi nhận.' },
    default: { field: 'decidedOn', order: 'desc' },
  },
  filters: {
    search: textFilter(textSearch(AWARD_SEARCH_TEXT), {
      rest: 'q',
      description: 'Tìm theo tên cá nhân và thành tích, không phân biệt dấu và hoa thường.',
    }),
    year: intFilter(equals('a.year'), { ...YEAR, description: 'Năm khen thưởng.' }),
    titleId: idsFilter(inList('a.title_id'), { maxItems: 50, description: 'Danh hiệu hoặc hình thức (REST: phân cách bằng dấu phẩy).' }),
    recipientKind: enumFilter(RECIPIENT_KINDS, RecipientKindEnum, inList('a.recipient_kind'), {
      description: 'Đối tượng được khen: tập thể hoặc cá nhân.',
      message: ONE_OF('Đối tượng', RECIPIENT_KINDS),
    }),
    recipientUnitId: idFilter(equals('a.recipient_unit_id'), {
      namesUnit: true,
      description: 'Đơn vị được khen (hoặc đơn vị của cá nhân).',
    }),
    withinUnitId: idFilter((id, params) => pathWithin(params, 'ru.path', id), {
      namesUnit: true,
      description: 'Đơn vị được khen thuộc cây của đơn vị này.',
    }),
    issuerUnitId: idFilter(equals('a.issuer_unit_id'), { namesUnit: true, description: 'Đơn vị ra quyết định khen thưởng.' }),
    issuerWithinUnitId: idFilter((id, params) => pathWithin(params, 'iu.path', id), {
      namesUnit: true,
      description: 'Đơn vị ra quyết định thuộc cây của đơn vị này (đơn vị đó và các đơn vị cấp dưới).',
    }),
    decidedFrom: dateFilter((date, params) => `a.decided_on >= ${params.add(date)}::date`, {
      description: 'Quyết định từ ngày (yyyy-MM-dd, tính cả ngày này).',
    }),
    decidedTo: dateFilter((date, params) => `a.decided_on <= ${params.add(date)}::date`, {
      description: 'Quyết định đến ngày (yyyy-MM-dd, tính cả ngày này).',
    }),
    pledgeId: idFilter(equals('a.pledge_id'), { description: 'Khen thưởng theo kết quả giao ước này.' }),
    modelId: idFilter(equals('a.model_id'), { description: 'Khen thưởng gắn với mô hình này.' }),
    rank: enumFilter(AWARD_RANKS, AwardRankEnum, inList('a.rank'), {
      description: 'Hạng (cờ thi đua).',
      message: ONE_OF('Hạng', AWARD_RANKS),
    }),
    revoked: booleanFilter((revoked) => (revoked ? 'a.revoked_at IS NOT NULL' : 'a.revoked_at IS NULL'), {
      description: 'true: chỉ khen thưởng đã thu hồi; false: chỉ khen thưởng còn hiệu lực.',
      message: 'revoked phải là true hoặc false.',
    }),
  },
});
export type AwardFilterValues = FilterOf<typeof AWARD_LIST>;

export const MODEL_FROM = 'model_practice m JOIN unit_directory ou ON ou.id = m.owner_unit_id';
export const MODEL_COLUMNS = `m.id, m.name, ${unitRefJson('ou')} AS owner, ou.path AS "ownerPath", m.holder_kind AS "holderKind", m.person_name AS "personName",
  m.field, m.level, m.first_year AS "firstYear", m.last_year AS "lastYear", m.recognition, to_char(m.recognised_on, 'YYYY-MM-DD') AS "recognisedOn",
  (SELECT ${documentRefJson('d')} FROM document_directory d WHERE d.id = m.recognition_document_id) AS "recognitionDocument",
  m.description, m.results, m.evidence,
  COALESCE((SELECT json_agg(json_build_object('from', r.from_recognition, 'to', r.to_recognition, 'recognisedOn', to_char(r.recognised_on, 'YYYY-MM-DD'),
      'document', (SELECT ${documentRefJson('rd')} FROM document_directory rd WHERE rd.id = r.document_id), 'note', r.note, 'recordedBy', r.recorded_by, 'recordedAt', r.created_at)
    ORDER BY r.recognised_on, r.seq) FROM model_recognition r WHERE r.model_id = m.id), '[]'::json) AS "recognitionHistory",
  COALESCE((SELECT json_agg(json_build_object('id', a.id, 'titleName', t.name, 'rank', a.rank, 'year', a.year, 'decidedOn', to_char(a.decided_on, 'YYYY-MM-DD'), 'revoked', a.revoked_at IS NOT NULL)
    ORDER BY a.decided_on, a.id) FROM award a JOIN award_title t ON t.id = a.title_id WHERE a.model_id = m.id), '[]'::json) AS awards,
  m.version, m.created_at AS "createdAt", m.updated_at AS "updatedAt"`;

/** The expression of model_practice_search_trgm_idx. */
const MODEL_SEARCH_TEXT = `danvan_normalize(m.name || ' ' || coalesce(m.person_name, ''))`;

/** Models running during a year: first year on or before it, last year (if any) on or after it. */
export const activeIn = (yearParam: string) => `m.first_year <= ${yearParam} AND (m.last_year IS NULL OR m.last_year >= ${yearParam})`;

/** "Dân vận khéo" models: REST GET /api/v1/models (and its export) and GraphQL models(options). */
export const MODEL_LIST = defineList({
  name: 'Model',
  label: 'mô hình "Dân vận khéo"',
  from: MODEL_FROM,
  select: MODEL_COLUMNS,
  tieBreaker: 'm.id',
  sort: {
    columns: {
      name: 'm.name',
      firstYear: 'm.first_year',
      recognition: `array_position(ARRAY[${MODEL_RECOGNITIONS.map((r) => `'${r}'`).join(', ')}]::text[], m.recognition::text)`,
      createdAt: 'm.created_at',
      updatedAt: 'm.updated_at',
    },
    labels: {
      name: 'Tên mô hình.',
      firstYear: 'Năm bắt đầu.',
      recognition: 'Mức công nhận (từ thấp đến cao).',
      createdAt: 'Thời điểm tạo.',
      updatedAt: 'Thời điểm sửa gần nhất.',
    },
    default: { field: 'name', order: 'asc' },
  },
  filters: {
    search: textFilter(textSearch(MODEL_SEARCH_TEXT, { rankText: 'danvan_normalize(m.name)' }), {
      rest: 'q',
      description: 'Tìm theo tên mô hình, tên người thực hiện; không phân biệt dấu ("hien dat" tìm thấy "hiến đất").',
    }),
    withinUnitId: idFilter((id, params) => pathWithin(params, 'ou.path', id), {
      namesUnit: true,
      description: 'Đơn vị quản lý thuộc cây của đơn vị này.',
    }),
    ownerUnitId: idFilter(equals('m.owner_unit_id'), { namesUnit: true, description: 'Đơn vị quản lý mô hình.' }),
    year: intFilter((year, params) => activeIn(`${params.add(year)}::int`), { ...YEAR, description: 'Đang thực hiện trong năm này.' }),
    field: enumFilter(MODEL_FIELDS, ModelFieldEnum, inList('m.field'), {
      description: 'Lĩnh vực.',
      message: ONE_OF('Lĩnh vực', MODEL_FIELDS),
    }),
    level: enumFilter(UNIT_LEVELS, UnitLevelEnum, inList('m.level'), { description: 'Cấp.', message: ONE_OF('Cấp', UNIT_LEVELS) }),
    recognition: enumFilter(MODEL_RECOGNITIONS, ModelRecognitionEnum, inList('m.recognition'), {
      description: 'Mức công nhận.',
      message: ONE_OF('Mức công nhận', MODEL_RECOGNITIONS),
    }),
    holderKind: enumFilter(RECIPIENT_KINDS, RecipientKindEnum, inList('m.holder_kind'), {
      description: 'Mô hình của tập thể hay cá nhân.',
      message: ONE_OF('Loại mô hình', RECIPIENT_KINDS),
    }),
    ids: idsFilter(inList('m.id'), { rest: false, description: 'Các mô hình có mã định danh trong danh sách này (tối đa 100).' }),
  },
});
export type ModelFilterValues = FilterOf<typeof MODEL_LIST>;
