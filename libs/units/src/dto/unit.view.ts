import { ApiProperty } from '@nestjs/swagger';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UNIT_KINDS, UNIT_LEVELS, UNIT_STATUSES, type UnitDto, type UnitKind, type UnitLevel, type UnitStatus } from '@danvan/contracts';
import { LocalDateScalar } from '@danvan/core';
import { AllowedActionsField, VersionedRecordView } from '@danvan/kit';
import { UNIT_POLICY } from '../unit.policy.js';
import { UnitKindEnum, UnitLevelEnum, UnitStatusEnum } from './unit-enums.js';
import { UnitLeaderView } from './unit-leader.js';

/**
 * A unit as both transports return it. GraphQL adds the resolved relations
 * (parent, children, ancestors, successors) in UnitResolver.
 */
@ObjectType('Unit', { description: 'Đơn vị: một nút của cây tổ chức (cấp ủy, Ban Dân vận, MTTQ, đoàn thể …).' })
export class UnitView extends VersionedRecordView implements Omit<UnitDto, 'createdAt' | 'updatedAt' | 'allowedActions'> {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field({ description: 'Mã đơn vị, duy nhất (chữ in hoa không dấu, chữ số và . _ -), ví dụ BDV-TU-BP.' })
  @ApiProperty({ example: 'BDV-TU-BP', description: 'Mã đơn vị, duy nhất' })
  code: string;
  @Field({ description: 'Tên đầy đủ của đơn vị.' }) @ApiProperty({ example: 'Ban Dân vận Tỉnh ủy Bình Phước' }) name: string;
  @Field(() => String, { nullable: true, description: 'Tên viết tắt (ví dụ BDVTU), nếu có.' })
  @ApiProperty({ type: String, nullable: true, example: 'BDVTU' })
  shortName: string | null;
  @Field(() => UnitKindEnum, { description: 'Loại đơn vị.' }) @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @Field(() => UnitLevelEnum, { description: 'Cấp của đơn vị.' }) @ApiProperty({ enum: UNIT_LEVELS }) level: UnitLevel;
  @Field(() => ID, { nullable: true, description: 'Mã đơn vị cấp trên trực tiếp; null: đơn vị gốc của cây.' })
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentId: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Mã đơn vị hành chính (danh mục của Tổng cục Thống kê): tỉnh 2, huyện 3, xã 5 chữ số.',
  })
  @ApiProperty({ type: String, nullable: true, example: '70', description: 'Mã ĐVHC (GSO): tỉnh 2, huyện 3, xã 5 chữ số' })
  adminAreaCode: string | null;
  @Field(() => [UnitLeaderView], { description: 'Lãnh đạo, đầu mối liên hệ của đơn vị.' })
  @ApiProperty({ type: [UnitLeaderView] })
  leaders: UnitLeaderView[];
  @Field(() => UnitStatusEnum, { description: 'Trạng thái: đang hoạt động, đã hợp nhất, đã giải thể.' })
  @ApiProperty({ enum: UNIT_STATUSES })
  status: UnitStatus;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Ngày bắt đầu hiệu lực (yyyy-MM-dd); null: không rõ.' })
  @ApiProperty({ type: String, format: 'date', nullable: true })
  validFrom: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Ngày cuối cùng đơn vị tồn tại (tính cả ngày này).' })
  @ApiProperty({ type: String, format: 'date', nullable: true })
  validTo: string | null;
  @Field(() => [ID], { description: 'Mã các đơn vị kế thừa (khi hợp nhất, chia tách).' })
  @ApiProperty({ type: [String], format: 'uuid' })
  successorIds: string[];
  /**
   * The caller's, not the unit's: added by the transports (`toUnitDto`, `withActions` in unit.resolver.ts)
   * from UNIT_POLICY, so the service's views and the audit trail never carry it.
   */
  @AllowedActionsField(UNIT_POLICY.vocabulary)
  allowedActions?: string[];
  /** Internal: chain of ids from the root; not exposed. */
  path: string;
}
