import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_FORM_LABELS, DOCUMENT_FORMS, type DocumentDto, type DocumentForm } from '@danvan/contracts';
import { describedBy, LocalDateScalar } from '@danvan/core';
import { AllowedActionsField, VersionedRecordView } from '@danvan/kit';
import { DOCUMENT_POLICY } from '../document.policy.js';

export const DocumentFormEnum = Object.fromEntries(DOCUMENT_FORMS.map((f) => [f, f])) as Record<DocumentForm, DocumentForm>;
registerEnumType(DocumentFormEnum, {
  name: 'DocumentForm',
  description: 'Văn bản của Đảng, văn bản nhà nước, luật.',
  valuesMap: describedBy(DOCUMENT_FORM_LABELS),
});

/** A registered document as both transports return it. */
@ObjectType('Document', { description: 'Văn bản (kế hoạch, nghị quyết, chỉ thị, quyết định …) được trích dẫn theo số, ký hiệu.' })
export class DocumentView extends VersionedRecordView implements Omit<DocumentDto, 'createdAt' | 'updatedAt' | 'allowedActions'> {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field({ description: 'Số, ký hiệu văn bản, ví dụ 151-KH/BDVTU, 708/QĐ-BNV, 06/2022/QH15.' })
  @ApiProperty({ example: '151-KH/BDVTU' })
  number: string;
  @Field(() => DocumentFormEnum, { description: 'Hình thức: văn bản của Đảng, văn bản nhà nước hay luật (suy ra từ số, ký hiệu).' })
  @ApiProperty({ enum: DOCUMENT_FORMS })
  form: DocumentForm;
  @Field({ description: 'Ký hiệu loại văn bản (KH, NQ, CTr, QĐ …).' }) @ApiProperty({ example: 'KH' }) type: string;
  @Field({ description: 'Tên loại văn bản.' }) @ApiProperty({ example: 'Kế hoạch' }) typeName: string;
  @Field(() => [String], { description: 'Cơ quan ban hành, cơ quan chủ trì trước.' })
  @ApiProperty({ type: [String], example: ['BDVTU'] })
  issuers: string[];
  @Field(() => LocalDateScalar, { description: 'Ngày ban hành (yyyy-MM-dd).' })
  @ApiProperty({ type: String, format: 'date' })
  issuedOn: string;
  @Field({ description: 'Trích yếu nội dung.' }) @ApiProperty() title: string;
  @Field(() => ID, { nullable: true, description: 'Đơn vị quản lý bản ghi (được sửa, xóa); null: dữ liệu chung.' })
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ownerUnitId: string | null;
  /**
   * The caller's, not the document's: added by the transports (`toDocumentDto`, `withActions` in document.resolver.ts)
   * from DOCUMENT_POLICY, so the service's views and the audit trail never carry it.
   */
  @AllowedActionsField(DOCUMENT_POLICY.vocabulary)
  allowedActions?: string[];
  /** Internal: path of the owner unit (scope of edits and audit). */
  ownerPath: string | null;
}

@ObjectType('DeletedDocument', { description: 'Văn bản đã xóa.' })
export class DeletedDocument {
  @Field(() => ID, { description: 'Mã định danh của văn bản đã xóa.' }) id: string;
}
