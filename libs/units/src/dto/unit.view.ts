import { ApiProperty } from '@nestjs/swagger';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { UNIT_KINDS, UNIT_LEVELS, UNIT_STATUSES, type UnitDto, type UnitKind, type UnitLevel, type UnitStatus } from '@danvan/contracts';
import { LocalDateScalar } from '@danvan/core';
import { UnitKindEnum, UnitLevelEnum, UnitStatusEnum } from './unit-enums.js';
import { UnitLeaderView } from './unit-leader.js';

/**
 * A unit as both transports return it. GraphQL adds the resolved relations
 * (parent, children, ancestors, successors) in UnitResolver.
 */
@ObjectType('Unit', { description: 'Đơn vị: một nút của cây tổ chức (cấp ủy, Ban Dân vận, MTTQ, đoàn thể …).' })
export class UnitView implements Omit<UnitDto, 'createdAt' | 'updatedAt'> {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id: string;
  @Field() @ApiProperty({ example: 'BDV-TU-BP', description: 'Mã đơn vị, duy nhất' }) code: string;
  @Field() @ApiProperty({ example: 'Ban Dân vận Tỉnh ủy Bình Phước' }) name: string;
  @Field(() => String, { nullable: true }) @ApiProperty({ type: String, nullable: true, example: 'BDVTU' }) shortName: string | null;
  @Field(() => UnitKindEnum) @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @Field(() => UnitLevelEnum) @ApiProperty({ enum: UNIT_LEVELS }) level: UnitLevel;
  @Field(() => ID, { nullable: true }) @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @Field(() => String, { nullable: true })
  @ApiProperty({ type: String, nullable: true, example: '70', description: 'Mã ĐVHC (GSO): tỉnh 2, huyện 3, xã 5 chữ số' })
  adminAreaCode: string | null;
  @Field(() => [UnitLeaderView]) @ApiProperty({ type: [UnitLeaderView] }) leaders: UnitLeaderView[];
  @Field(() => UnitStatusEnum) @ApiProperty({ enum: UNIT_STATUSES }) status: UnitStatus;
  @Field(() => LocalDateScalar, { nullable: true }) @ApiProperty({ type: String, format: 'date', nullable: true }) validFrom: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Ngày cuối cùng đơn vị tồn tại (tính cả ngày này).' })
  @ApiProperty({ type: String, format: 'date', nullable: true })
  validTo: string | null;
  @Field(() => [ID]) @ApiProperty({ type: [String], format: 'uuid' }) successorIds: string[];
  @Field(() => Int, { description: 'Phiên bản, tăng sau mỗi lần sửa; gửi lại khi sửa để phát hiện sửa đồng thời.' })
  @ApiProperty({ example: 1 })
  version: number;
  @Field() @ApiProperty() createdAt: Date;
  @Field() @ApiProperty() updatedAt: Date;
  /** Internal: chain of ids from the root; not exposed. */
  path: string;
}
