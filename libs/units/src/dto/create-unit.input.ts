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

/** A new unit (REST body of POST /api/v1/units; GraphQL `createUnit(input:)`). */
@InputType('CreateUnitInput', { description: 'Một đơn vị mới của cây tổ chức.' })
export class CreateUnitInput {
  @UnitCodeField(true) code: string;
  @UnitNameField(true) name: string;
  @UnitShortNameField() shortName?: string | null;
  @UnitKindField(true) kind: UnitKind;
  @UnitLevelField(true) level: UnitLevel;
  @UnitParentField() parentId?: string | null;
  @AdminAreaCodeField() adminAreaCode?: string | null;
  @UnitLeadersField() leaders?: UnitLeaderInput[] | null;
  @UnitStatusField(true) status?: UnitStatus | null;
  @LocalDateField('2008-01-01', 'Ngày bắt đầu hiệu lực (yyyy-MM-dd); bỏ trống: không rõ.') validFrom?: string | null;
  @LocalDateField('2025-06-30', 'Ngày cuối cùng đơn vị tồn tại, tính cả ngày này (yyyy-MM-dd); bỏ trống: còn hiệu lực.') validTo?:
    string | null;
  @SuccessorIdsField() successorIds?: string[] | null;
}
