import { InputType } from '@nestjs/graphql';
import type { UnitKind, UnitLevel, UnitStatus } from '@danvan/contracts';
import {
  AdminAreaCodeField,
  LocalDateField,
  SuccessorIdsField,
  UnitCodeField,
  UnitKindField,
  UnitLeadersField,
  UnitLevelField,
  UnitNameField,
  UnitParentField,
  UnitShortNameField,
  UnitStatusField,
} from './unit-input-fields.js';
import type { UnitLeaderInput } from './unit-leader.js';

/**
 * A partial change of a unit (REST PATCH body, GraphQL `updateUnit(input:)`):
 * an absent field is left as it is, `null` clears an optional field, and `null`
 * for a field every unit has (code, name, kind, level, status) is rejected.
 */
@InputType('UpdateUnitInput', {
  description:
    'Sửa một đơn vị: trường bỏ trống giữ nguyên, null xóa giá trị của trường không bắt buộc (mã, tên, loại, cấp, trạng thái không được null).',
})
export class UpdateUnitInput {
  @UnitCodeField(false) code?: string;
  @UnitNameField(false) name?: string;
  @UnitShortNameField() shortName?: string | null;
  @UnitKindField(false) kind?: UnitKind;
  @UnitLevelField(false) level?: UnitLevel;
  @UnitParentField() parentId?: string | null;
  @AdminAreaCodeField() adminAreaCode?: string | null;
  @UnitLeadersField() leaders?: UnitLeaderInput[] | null;
  @UnitStatusField(false) status?: UnitStatus;
  @LocalDateField('2008-01-01', 'Ngày bắt đầu hiệu lực (yyyy-MM-dd); bỏ trống: không rõ.') validFrom?: string | null;
  @LocalDateField('2025-06-30', 'Ngày cuối cùng đơn vị tồn tại, tính cả ngày này (yyyy-MM-dd); bỏ trống: còn hiệu lực.') validTo?:
    string | null;
  @SuccessorIdsField() successorIds?: string[] | null;
}
