import { MOVEMENT_KINDS, PLEDGE_STATUSES } from '@danvan/contracts';
import { equals, inList, textSearch } from '@danvan/core';
import { dateFilter, defineList, enumFilter, idFilter, intFilter, textFilter, type FilterOf } from '@danvan/kit';
import { MovementKindEnum, PledgeStatusEnum } from './dto/emulation.views.js';
import { documentRefJson, unitRefJson } from './sql-refs.js';

const YEAR = { min: 1945, max: 2100, message: 'Năm phải từ 1945 đến 2100.' };

export const MOVEMENT_COLUMNS = `m.id, m.name, m.kind, ${unitRefJson('lu')} AS "launchedBy", lu.path AS "ownerPath",
  to_char(m.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(m.ends_on, 'YYYY-MM-DD') AS "endsOn", m.description,
  COALESCE((SELECT json_agg(${documentRefJson('d')} ORDER BY md.position) FROM emulation_movement_document md JOIN document_directory d ON d.id = md.document_id WHERE md.movement_id = m.id), '[]'::json) AS "legalBasis",
  m.version, m.created_at AS "createdAt", m.updated_at AS "updatedAt"`;

/** Emulation movements: GraphQL movements(options). */
export const MOVEMENT_LIST = defineList({
  name: 'Movement',
  label: 'phong trào thi đua',
  from: 'emulation_movement m JOIN unit_directory lu ON lu.id = m.launched_by_unit_id',
  select: MOVEMENT_COLUMNS,
  tieBreaker: 'm.id',
  sort: {
    columns: { startsOn: 'm.starts_on', name: 'm.name', createdAt: 'm.created_at' },
    labels: { startsOn: 'Ngày bắt đầu.', name: 'Tên phong trào.', createdAt: 'Thời điểm tạo.' },
    default: { field: 'startsOn', order: 'desc' },
  },
  filters: {
    search: textFilter(textSearch('danvan_normalize(m.name)'), { description: 'Tìm theo tên, không phân biệt dấu và hoa thường.' }),
    kind: enumFilter(MOVEMENT_KINDS, MovementKindEnum, inList('m.kind'), { description: 'Loại phong trào.' }),
    activeOn: dateFilter(
      (date, params) => {
        const p = params.add(date);
        return `m.starts_on <= ${p}::date AND (m.ends_on IS NULL OR m.ends_on >= ${p}::date)`;
      },
      { description: 'Đang diễn ra vào ngày này.' },
    ),
  },
});
export type MovementFilter = FilterOf<typeof MOVEMENT_LIST>;

export const BLOC_COLUMNS = `b.id, b.year, b.name, ${unitRefJson('ou')} AS owner, ou.path AS "ownerPath", b.movement_id AS "movementId",
  (SELECT ${unitRefJson('hu')} FROM unit_directory hu WHERE hu.id = b.head_unit_id) AS head,
  (SELECT ${unitRefJson('du')} FROM unit_directory du WHERE du.id = b.deputy_unit_id) AS deputy,
  COALESCE((SELECT json_agg(${unitRefJson('mu')} ORDER BY mu.name, mu.id) FROM emulation_bloc_member bm JOIN unit_directory mu ON mu.id = bm.unit_id WHERE bm.bloc_id = b.id), '[]'::json) AS members,
  (SELECT p.id FROM pledge p WHERE p.bloc_id = b.id) AS "pledgeId",
  b.version, b.created_at AS "createdAt", b.updated_at AS "updatedAt"`;

export const BLOC_FROM = 'emulation_bloc b JOIN unit_directory ou ON ou.id = b.owner_unit_id';

/** Emulation blocs: GraphQL blocs(options). */
export const BLOC_LIST = defineList({
  name: 'Bloc',
  label: 'khối thi đua',
  from: BLOC_FROM,
  select: BLOC_COLUMNS,
  tieBreaker: 'b.name, b.id',
  sort: {
    columns: { year: 'b.year', name: 'b.name', createdAt: 'b.created_at' },
    labels: { year: 'Năm thi đua.', name: 'Tên khối.', createdAt: 'Thời điểm tạo.' },
    default: { field: 'year', order: 'desc' },
  },
  filters: {
    year: intFilter(equals('b.year'), { ...YEAR, description: 'Năm thi đua.' }),
    search: textFilter(textSearch('danvan_normalize(b.name)'), { description: 'Tìm theo tên khối, không phân biệt dấu và hoa thường.' }),
    memberUnitId: idFilter(
      (id, params) => `EXISTS (SELECT 1 FROM emulation_bloc_member fm WHERE fm.bloc_id = b.id AND fm.unit_id = ${params.add(id)})`,
      { namesUnit: true, description: 'Khối có đơn vị này là thành viên.' },
    ),
  },
});
export type BlocFilter = FilterOf<typeof BLOC_LIST>;

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
export type MovementSortField = (typeof MOVEMENT_LIST.sortFields)[number];
export type BlocSortField = (typeof BLOC_LIST.sortFields)[number];
