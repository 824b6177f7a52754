import { equals, textSearch } from '@danvan/core';
import { defineList, idFilter, intFilter, textFilter, type FilterOf } from '@danvan/kit';
import { unitRefJson } from '../shared/sql-refs.js';
import { YEAR } from '../shared/year.js';

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
export type BlocSortField = (typeof BLOC_LIST.sortFields)[number];
