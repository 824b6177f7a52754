import { UNIT_KINDS, UNIT_LEVELS, UNIT_STATUSES } from '@danvan/contracts';
import { equals, inList, pathWithin, textSearch, validOn } from '@danvan/core';
import { dateFilter, defineList, enumFilter, idFilter, idsFilter, textFilter, type FilterOf } from '@danvan/kit';
import { UnitKindEnum, UnitLevelEnum, UnitStatusEnum } from './dto/unit-enums.js';

/** Columns of a unit as UnitView needs them; dates as yyyy-MM-dd text so no time zone can shift them. */
export const UNIT_COLUMNS = `u.id, u.code, u.name, u.short_name, u.kind, u.level, u.parent_id, u.path, u.admin_area_code,
  u.leaders, u.status, to_char(u.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(u.valid_to, 'YYYY-MM-DD') AS valid_to,
  ARRAY(SELECT s.successor_id::text FROM unit_successor s WHERE s.unit_id = u.id ORDER BY s.position) AS successor_ids,
  u.version, u.created_at, u.updated_at`;

/** The unit list, REST (GET /api/v1/units) and GraphQL (units(options)) alike. */
export const UNIT_LIST = defineList({
  name: 'Unit',
  label: 'đơn vị',
  from: 'unit u',
  select: UNIT_COLUMNS,
  tieBreaker: 'u.id',
  sort: {
    columns: {
      code: 'u.code',
      name: 'u.name',
      shortName: 'u.short_name',
      level: 'u.level',
      kind: 'u.kind',
      status: 'u.status',
      validFrom: 'u.valid_from',
      createdAt: 'u.created_at',
      updatedAt: 'u.updated_at',
    },
    labels: {
      code: 'Mã đơn vị.',
      name: 'Tên đơn vị.',
      shortName: 'Tên viết tắt.',
      level: 'Cấp.',
      kind: 'Loại đơn vị.',
      status: 'Trạng thái.',
      validFrom: 'Ngày bắt đầu hiệu lực.',
      createdAt: 'Thời điểm tạo.',
      updatedAt: 'Thời điểm sửa gần nhất.',
    },
    default: { field: 'name', order: 'asc' },
  },
  filters: {
    // Stored normalised columns (UnitSearchColumns1764000000910): code, name and short name matched through
    // unit_search_text_trgm_idx; relevance judged on the name.
    search: textFilter(textSearch('u.search_text', { rankText: 'u.search_name', rankTrigrams: 'u.search_name_trigrams' }), {
      rest: 'q',
      description: 'Tìm theo mã, tên, tên viết tắt; không phân biệt dấu và hoa thường ("tien hai" tìm thấy "Huyện ủy Tiền Hải").',
    }),
    kind: enumFilter(UNIT_KINDS, UnitKindEnum, inList('u.kind'), {
      description: 'Loại đơn vị (REST: phân cách bằng dấu phẩy hoặc lặp lại).',
    }),
    level: enumFilter(UNIT_LEVELS, UnitLevelEnum, inList('u.level'), { description: 'Cấp đơn vị.' }),
    status: enumFilter(UNIT_STATUSES, UnitStatusEnum, inList('u.status'), { description: 'Trạng thái đơn vị.' }),
    parentId: idFilter(equals('u.parent_id'), { namesUnit: true, description: 'Các đơn vị trực thuộc trực tiếp đơn vị này.' }),
    // A btree range over the "C"-collated path: the unit itself and every descendant.
    withinUnitId: idFilter((id, params) => pathWithin(params, 'u.path', id), {
      namesUnit: true,
      description: 'Đơn vị này và toàn bộ cây bên dưới.',
    }),
    validOn: dateFilter(validOn('u.valid_from', 'u.valid_to'), { description: 'Còn hiệu lực vào ngày này (yyyy-MM-dd).' }),
    ids: idsFilter(inList('u.id'), { rest: false, description: 'Các đơn vị có mã định danh trong danh sách này (tối đa 100).' }),
  },
});

/** Filters of the unit list, the same for REST and GraphQL. */
export type UnitFilterValues = FilterOf<typeof UNIT_LIST>;
