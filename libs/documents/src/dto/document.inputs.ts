import { InputType } from '@nestjs/graphql';
import { DocumentIssuedOnField, DocumentNumberField, DocumentOwnerField, DocumentTitleField } from './document-fields.js';

/** A new document (REST body of POST /api/v1/documents; GraphQL `createDocument(input:)`). */
@InputType('CreateDocumentInput', { description: 'Một văn bản mới trong sổ văn bản.' })
export class CreateDocumentInput {
  @DocumentNumberField(true) number: string;
  @DocumentIssuedOnField(true) issuedOn: string;
  @DocumentTitleField(true) title: string;
  @DocumentOwnerField() ownerUnitId?: string | null;
}

/** Changes to a document: absent fields stay as they are. */
@InputType('UpdateDocumentInput', { description: 'Sửa văn bản: trường bỏ trống giữ nguyên.' })
export class UpdateDocumentInput {
  @DocumentNumberField(false) number?: string;
  @DocumentIssuedOnField(false) issuedOn?: string;
  @DocumentTitleField(false) title?: string;
}
