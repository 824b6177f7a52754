import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { LocalDateScalar } from '@danvan/core';

/**
 * A unit as other records name it: enough to show who, without opening the
 * unit itself (which stays subject to the caller's scope). Fellow members of a
 * bloc see each other's names this way.
 */
@ObjectType('UnitRef', { description: 'Đơn vị được nêu trong một bản ghi khác (tên, tên viết tắt), không cần quyền đọc đơn vị đó.' })
export class UnitRef {
  @Field(() => ID, { description: 'Mã định danh của đơn vị (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field({ description: 'Tên đầy đủ của đơn vị.' }) @ApiProperty() name: string;
  @Field(() => String, { nullable: true, description: 'Tên viết tắt, nếu có.' }) @ApiProperty({ type: String, nullable: true }) shortName:
    string | null;
}

@ObjectType('DocumentRef', { description: 'Văn bản được trích dẫn (số, ký hiệu, ngày, trích yếu).' })
export class DocumentRef {
  @Field(() => ID, { description: 'Mã định danh của văn bản (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field({ description: 'Số, ký hiệu, ví dụ 151-KH/BDVTU.' }) @ApiProperty({ example: '151-KH/BDVTU' }) number: string;
  @Field(() => LocalDateScalar, { description: 'Ngày ban hành (yyyy-MM-dd).' })
  @ApiProperty({ type: String, format: 'date' })
  issuedOn: string;
  @Field({ description: 'Trích yếu nội dung.' }) @ApiProperty() title: string;
}

@ObjectType('DeletedRecord', { description: 'Bản ghi đã xóa.' })
export class DeletedRecord {
  @Field(() => ID, { description: 'Mã định danh của bản ghi đã xóa.' }) id: string;
}
