import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { MOVEMENT_KIND_LABELS, MOVEMENT_KINDS, type MovementKind } from '@danvan/contracts';
import { describedBy, LocalDateScalar, MaxItems, TOTAL_IS_EXACT_DESCRIPTION } from '@danvan/core';
import { DocumentRef, UnitRef } from '../../shared/refs.view.js';

export const MovementKindEnum = Object.fromEntries(MOVEMENT_KINDS.map((k) => [k, k])) as Record<MovementKind, MovementKind>;
registerEnumType(MovementKindEnum, {
  name: 'MovementKind',
  description: 'Phong trào thường xuyên hoặc theo chuyên đề.',
  valuesMap: describedBy(MOVEMENT_KIND_LABELS),
});
@ObjectType('EmulationMovement', { description: 'Phong trào thi đua (ví dụ "Dân vận khéo").' })
export class MovementView {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field({ description: 'Tên phong trào.' }) @ApiProperty() name: string;
  @Field(() => MovementKindEnum, { description: 'Thường xuyên hay theo chuyên đề.' })
  @ApiProperty({ enum: MOVEMENT_KINDS })
  kind: MovementKind;
  @Field(() => UnitRef, { description: 'Đơn vị phát động.' }) @ApiProperty({ type: UnitRef }) launchedBy: UnitRef;
  @Field(() => LocalDateScalar, { description: 'Ngày bắt đầu (yyyy-MM-dd).' })
  @ApiProperty({ type: String, format: 'date' })
  startsOn: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Ngày kết thúc, tính cả ngày này (yyyy-MM-dd); null: chưa định.' })
  @ApiProperty({ type: String, format: 'date', nullable: true })
  endsOn: string | null;
  @Field(() => String, { nullable: true, description: 'Mô tả, mục đích, nội dung của phong trào.' })
  @ApiProperty({ type: String, nullable: true })
  description: string | null;
  @MaxItems(20)
  @Field(() => [DocumentRef], { description: 'Căn cứ (văn bản phát động, kế hoạch).' })
  @ApiProperty({ type: [DocumentRef] })
  legalBasis: DocumentRef[];
  @Field(() => Int, { description: 'Phiên bản, tăng sau mỗi lần sửa; gửi lại (expectedVersion) khi sửa để phát hiện sửa đồng thời.' })
  @ApiProperty()
  version: number;
  @Field({ description: 'Thời điểm tạo bản ghi (ISO 8601, UTC).' }) @ApiProperty() createdAt: Date;
  @Field({ description: 'Thời điểm sửa gần nhất (ISO 8601, UTC).' }) @ApiProperty() updatedAt: Date;
  /** Internal: path of the launching unit (who may change it; audit scope). */
  ownerPath: string;
}

@ObjectType('MovementList', { description: 'Một trang phong trào thi đua và tổng số khớp điều kiện.' })
export class MovementList {
  @Field(() => [MovementView], { description: 'Các phong trào của trang.' }) items: MovementView[];
  @Field(() => Int, { description: 'Tổng số phong trào khớp điều kiện (mọi trang).' }) totalItems: number;
  @Field(() => Boolean, { description: TOTAL_IS_EXACT_DESCRIPTION }) totalIsExact: boolean;
}
