import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { UNIT_LEVELS, type UnitLevel } from '@danvan/contracts';
import { LocalDateScalar } from '@danvan/core';
import { UnitLevelEnum } from '@danvan/units';

/** A unit as an award or a model names it: who, and at what level. */
@ObjectType('RecognitionUnitRef', { description: 'Đơn vị được nêu trong khen thưởng, mô hình (tên, tên viết tắt, cấp).' })
export class RecognitionUnitRef {
  @Field(() => ID, { description: 'Mã định danh của đơn vị (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field({ description: 'Tên đầy đủ của đơn vị.' }) @ApiProperty() name: string;
  @Field(() => String, { nullable: true, description: 'Tên viết tắt, nếu có.' }) @ApiProperty({ type: String, nullable: true }) shortName:
    string | null;
  @Field(() => UnitLevelEnum, { description: 'Cấp của đơn vị.' }) @ApiProperty({ enum: UNIT_LEVELS }) level: UnitLevel;
}

@ObjectType('RecognitionDocumentRef', { description: 'Văn bản quyết định (số, ký hiệu, ngày, trích yếu) trong sổ văn bản.' })
export class RecognitionDocumentRef {
  @Field(() => ID, { description: 'Mã định danh của văn bản (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field({ description: 'Số, ký hiệu, ví dụ 125-QĐ/TU.' }) @ApiProperty({ example: '125-QĐ/TU' }) number: string;
  @Field(() => LocalDateScalar, { description: 'Ngày ban hành (yyyy-MM-dd).' })
  @ApiProperty({ type: String, format: 'date' })
  issuedOn: string;
  @Field({ description: 'Trích yếu nội dung.' }) @ApiProperty() title: string;
}
