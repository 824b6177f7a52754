import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_FORMS, type DocumentDto, type DocumentForm } from '@danvan/contracts';
import { LocalDateScalar, TOTAL_IS_EXACT_DESCRIPTION } from '@danvan/core';

export const DocumentFormEnum = Object.fromEntries(DOCUMENT_FORMS.map((f) => [f, f])) as Record<DocumentForm, DocumentForm>;
registerEnumType(DocumentFormEnum, { name: 'DocumentForm', description: 'Văn bản của Đảng, văn bản nhà nước, luật.' });

/** A registered document as both transports return it. */
@ObjectType('Document', { description: 'Văn bản (kế hoạch, nghị quyết, chỉ thị, quyết định …) được trích dẫn theo số, ký hiệu.' })
export class DocumentView implements Omit<DocumentDto, 'createdAt' | 'updatedAt'> {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id: string;
  @Field() @ApiProperty({ example: '151-KH/BDVTU' }) number: string;
  @Field(() => DocumentFormEnum) @ApiProperty({ enum: DOCUMENT_FORMS }) form: DocumentForm;
  @Field({ description: 'Ký hiệu loại văn bản (KH, NQ, CTr, QĐ …).' }) @ApiProperty({ example: 'KH' }) type: string;
  @Field({ description: 'Tên loại văn bản.' }) @ApiProperty({ example: 'Kế hoạch' }) typeName: string;
  @Field(() => [String], { description: 'Cơ quan ban hành, cơ quan chủ trì trước.' })
  @ApiProperty({ type: [String], example: ['BDVTU'] })
  issuers: string[];
  @Field(() => LocalDateScalar) @ApiProperty({ type: String, format: 'date' }) issuedOn: string;
  @Field() @ApiProperty() title: string;
  @Field(() => ID, { nullable: true }) @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerUnitId: string | null;
  @Field(() => Int) @ApiProperty({ example: 1 }) version: number;
  @Field() @ApiProperty() createdAt: Date;
  @Field() @ApiProperty() updatedAt: Date;
  /** Internal: path of the owner unit (scope of edits and audit). */
  ownerPath: string | null;
}

@ObjectType('DocumentList', { description: 'Một trang văn bản và tổng số văn bản khớp điều kiện.' })
export class DocumentList {
  @Field(() => [DocumentView]) items: DocumentView[];
  @Field(() => Int) totalItems: number;
  @Field(() => Boolean, { description: TOTAL_IS_EXACT_DESCRIPTION }) totalIsExact: boolean;
}

@ObjectType('DeletedDocument')
export class DeletedDocument {
  @Field(() => ID) id: string;
}
