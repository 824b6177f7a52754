import { MOVEMENT_KINDS } from '@danvan/contracts';
import { inList, textSearch } from '@danvan/core';
import { dateFilter, defineList, enumFilter, textFilter, type FilterOf } from '@danvan/kit';
import { documentRefJson, unitRefJson } from '../shared/sql-refs.js';
import { MovementKindEnum } from './dto/movement.view.js';

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
export type MovementSortField = (typeof MOVEMENT_LIST.sortFields)[number];
