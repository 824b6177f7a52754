import { PLEDGE_STATUSES } from '@danvan/contracts';
import { equals, inList } from '@danvan/core';
import { defineList, enumFilter, idFilter, intFilter, type FilterOf } from '@danvan/kit';
import { YEAR } from '../shared/year.js';
import { PledgeStatusEnum } from './dto/pledge.view.js';
import { documentRefJson, unitRefJson } from '../shared/sql-refs.js';

export const CRITERIA_SET_JSON = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'number', ${alias}.number, 'content', ${alias}.content, 'maxTotal', ${alias}.max_total, 'createdBy', ${alias}.created_by, 'createdAt', ${alias}.created_at)`;

export const PLEDGE_FROM = 'pledge p JOIN emulation_bloc b ON b.id = p.bloc_id JOIN unit_directory ou ON ou.id = b.owner_unit_id';
export const PLEDGE_COLUMNS = `p.id, p.bloc_id AS "blocId", b.name AS "blocName", b.year, p.title, p.status,
  p.breakthrough_min AS "breakthroughMin", p.breakthrough_max AS "breakthroughMax",
  to_char(p.signed_on, 'YYYY-MM-DD') AS "signedOn", p.signing_event AS "signingEvent", p.signing_place AS "signingPlace",
  COALESCE((SELECT json_agg(${documentRefJson('d')} ORDER BY pd.position) FROM pledge_document pd JOIN document_directory d ON d.id = pd.document_id WHERE pd.pledge_id = p.id), '[]'::json) AS documents,
  COALESCE((SELECT json_agg(${unitRefJson('su')} ORDER BY su.name, su.id) FROM pledge_signatory s JOIN unit_directory su ON su.id = s.unit_id WHERE s.pledge_id = p.id), '[]'::json) AS signatories,
  (SELECT ${CRITERIA_SET_JSON('c')} FROM criteria_set c WHERE c.pledge_id = p.id ORDER BY c.number DESC LIMIT 1) AS "criteriaSetRow",
  p.version, p.created_at AS "createdAt", p.updated_at AS "updatedAt", ou.path AS "ownerPath"`;

/** Pledges: REST GET /api/v1/pledges and GraphQL pledges(options). */
export const PLEDGE_LIST = defineList({
  name: 'Pledge',
  label: 'giao ước thi đua',
  from: PLEDGE_FROM,
  select: PLEDGE_COLUMNS,
  tieBreaker: 'b.name, p.id',
  sort: {
    columns: { year: 'b.year', blocName: 'b.name', createdAt: 'p.created_at' },
    labels: { year: 'Năm thi đua.', blocName: 'Tên khối thi đua.', createdAt: 'Thời điểm tạo.' },
    default: { field: 'year', order: 'desc' },
  },
  filters: {
    year: intFilter(equals('b.year'), { ...YEAR, description: 'Năm thi đua.' }),
    status: enumFilter(PLEDGE_STATUSES, PledgeStatusEnum, inList('p.status'), {
      description: 'Bước của giao ước (REST: phân cách bằng dấu phẩy).',
    }),
    signatoryUnitId: idFilter(
      (id, params) => `EXISTS (SELECT 1 FROM pledge_signatory fs WHERE fs.pledge_id = p.id AND fs.unit_id = ${params.add(id)})`,
      { namesUnit: true, description: 'Giao ước mà đơn vị này ký.' },
    ),
    blocId: idFilter(equals('p.bloc_id'), { description: 'Giao ước của khối thi đua này.' }),
    managingUnitId: idFilter(equals('b.owner_unit_id'), { namesUnit: true, description: 'Giao ước của các khối do đơn vị này quản lý.' }),
  },
});
export type PledgeFilter = FilterOf<typeof PLEDGE_LIST>;
export type PledgeSortField = (typeof PLEDGE_LIST.sortFields)[number];
