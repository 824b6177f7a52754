import { AWARD_RANKS, RECIPIENT_KINDS, RECOGNITION_LIMITS as L } from '@danvan/contracts';
import { equals, inList, textSearch } from '@danvan/core';
import { booleanFilter, dateFilter, defineList, enumFilter, idFilter, idsFilter, intFilter, textFilter, type FilterOf } from '@danvan/kit';
import { AwardRankEnum, RecipientKindEnum } from '../dto/recognition-enums.js';
import { documentRefJson, pathWithin, unitRefJson } from '../sql-refs.js';
import { ONE_OF, YEAR_MESSAGE } from '../dto/input-decorators.js';

const YEAR = { min: L.minYear, max: L.maxYear, message: YEAR_MESSAGE };

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
      description: 'Quyết định đến ngày (yyyy-MM-dd, tính cả ngày này; không trước decidedFrom).',
      notBefore: 'decidedFrom',
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
