import { registerEnumType } from '@nestjs/graphql';
import { UNIT_KIND_LABELS, UNIT_KINDS, UNIT_LEVEL_LABELS, UNIT_LEVELS, UNIT_STATUS_LABELS, UNIT_STATUSES } from '@danvan/contracts';
import { describedBy } from '@danvan/core';

function enumObject<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
}

/** GraphQL enums of the unit register; values are the same strings REST uses. */
export const UnitKindEnum = enumObject(UNIT_KINDS);
export const UnitLevelEnum = enumObject(UNIT_LEVELS);
export const UnitStatusEnum = enumObject(UNIT_STATUSES);

/** Sort order of every GraphQL list (registered once, by the kit). */
export { SortOrderEnum } from '@danvan/kit';

registerEnumType(UnitKindEnum, {
  name: 'UnitKind',
  description: 'Loại đơn vị (cấp ủy, Ban Dân vận, MTTQ, đoàn thể, LLVT, cơ quan nhà nước, Ban Chỉ đạo).',
  valuesMap: describedBy(UNIT_KIND_LABELS),
});
registerEnumType(UnitLevelEnum, {
  name: 'UnitLevel',
  description: 'Cấp: Trung ương, tỉnh, huyện (đến 30/6/2025), xã.',
  valuesMap: describedBy(UNIT_LEVEL_LABELS),
});
registerEnumType(UnitStatusEnum, {
  name: 'UnitStatus',
  description: 'Trạng thái: đang hoạt động, đã hợp nhất, đã giải thể.',
  valuesMap: describedBy(UNIT_STATUS_LABELS),
});
