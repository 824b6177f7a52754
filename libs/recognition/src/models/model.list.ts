import { MODEL_FIELDS, MODEL_RECOGNITIONS, RECIPIENT_KINDS, RECOGNITION_LIMITS as L, UNIT_LEVELS } from '@danvan/contracts';
import { equals, inList, textSearch } from '@danvan/core';
import { defineList, enumFilter, idFilter, idsFilter, intFilter, textFilter, type FilterOf } from '@danvan/kit';
import { UnitLevelEnum } from '@danvan/units';
import { ModelFieldEnum, ModelRecognitionEnum, RecipientKindEnum } from '../dto/recognition-enums.js';
import { documentRefJson, pathWithin, unitRefJson } from '../sql-refs.js';
import { ONE_OF, YEAR_MESSAGE } from '../dto/input-decorators.js';

const YEAR = { min: L.minYear, max: L.maxYear, message: YEAR_MESSAGE };

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
  graphqlPageName: 'ModelPracticeList',
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
