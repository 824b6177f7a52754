import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { MOVEMENT_KIND_LABELS, MOVEMENT_KINDS, type MovementKind } from '@danvan/contracts';
import { describedBy, LocalDateScalar, MaxItems } from '@danvan/core';
import { VersionedRecordView } from '@danvan/kit';
import { DocumentRef, UnitRef } from '../../shared/refs.view.js';

export const MovementKindEnum = Object.fromEntries(MOVEMENT_KINDS.map((k) => [k, k])) as Record<MovementKind, MovementKind>;
registerEnumType(MovementKindEnum, {
  name: 'MovementKind',
  description: 'Phong trào thường xuyên hoặc theo chuyên đề.',
  valuesMap: describedBy(MOVEMENT_KIND_LABELS),
});
@ObjectType('EmulationMovement', { description: 'Phong trào thi đua (ví dụ "Dân vận khéo").' })
export class MovementView extends VersionedRecordView {
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
  /** Internal: path of the launching unit (who may change it; audit scope). */
  ownerPath: string;
}
