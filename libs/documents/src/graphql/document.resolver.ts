import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, ParseIdPipe, RequestContext, RequirePermission } from '@danvan/core';
import { DocumentService } from '../document.service.js';
import { DocumentListOptions } from '../dto/document-list.options.js';
import { CreateDocumentInput, UpdateDocumentInput } from '../dto/document.inputs.js';
import { DeletedDocument, DocumentList, DocumentView } from '../dto/document.view.js';
import { DOCUMENT_POLICY } from '../document.policy.js';

/** GraphQL over DocumentService. */
@Resolver(() => DocumentView)
@RequirePermission(DOCUMENT_POLICY.readPermission)
export class DocumentResolver {
  constructor(private readonly documentService: DocumentService) {}

  @Query(() => DocumentView, { description: 'Một văn bản theo mã định danh (lỗi NOT_FOUND nếu không có).' })
  document(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Mã định danh của văn bản (UUID).' }, ParseIdPipe) id: string,
  ): Promise<DocumentView> {
    return this.documentService.get(ctx, id);
  }

  @Query(() => DocumentList, { description: 'Sổ văn bản: phân trang, sắp xếp, lọc theo loại, cơ quan ban hành, ngày; tìm không dấu.' })
  documents(
    @Ctx() ctx: RequestContext,
    @Args('options', {
      type: () => DocumentListOptions,
      nullable: true,
      description: 'Lọc, sắp xếp và phân trang (mặc định: trang 1, 20 văn bản).',
    })
    options?: DocumentListOptions,
  ): Promise<DocumentList> {
    return this.documentService.list(ctx, options ?? {});
  }

  @RequirePermission(DOCUMENT_POLICY.createPermission)
  @Mutation(() => DocumentView, { description: 'Nhập văn bản vào sổ; số, ký hiệu được kiểm tra theo mẫu văn bản của Đảng và nhà nước.' })
  createDocument(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'Văn bản mới.' }) input: CreateDocumentInput,
  ): Promise<DocumentView> {
    return this.documentService.create(ctx, input);
  }

  @RequirePermission(DOCUMENT_POLICY.permission('update'))
  @Mutation(() => DocumentView, {
    description: 'Sửa văn bản; expectedVersion là phiên bản đã đọc (lỗi CONFLICT nếu đã có người sửa trước).',
  })
  updateDocument(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Mã định danh của văn bản (UUID).' }, ParseIdPipe) id: string,
    @Args('expectedVersion', { type: () => Int, description: 'Phiên bản đã đọc (lỗi CONFLICT nếu đã có người sửa trước).' })
    expectedVersion: number,
    @Args('input', { description: 'Các trường cần sửa.' }) input: UpdateDocumentInput,
  ): Promise<DocumentView> {
    return this.documentService.update(ctx, id, expectedVersion, input);
  }

  @RequirePermission(DOCUMENT_POLICY.permission('delete'))
  @Mutation(() => DeletedDocument, { description: 'Xóa văn bản chưa được trích dẫn.' })
  deleteDocument(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Mã định danh của văn bản (UUID).' }, ParseIdPipe) id: string,
    @Args('expectedVersion', { type: () => Int, nullable: true, description: 'Phiên bản đã đọc; nếu gửi mà không khớp: lỗi CONFLICT.' })
    expectedVersion?: number,
  ): Promise<DeletedDocument> {
    return this.documentService.remove(ctx, id, expectedVersion ?? null);
  }

  /** The caller's actions on the document (the field is declared on DocumentView; DOCUMENT_POLICY answers it). */
  @ResolveField('allowedActions')
  allowedActions(@Ctx() ctx: RequestContext, @Parent() doc: DocumentView): string[] {
    return DOCUMENT_POLICY.allowedActions(ctx, doc);
  }
}
