import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, ParseIdPipe, RequestContext, RequirePermission } from '@danvan/core';
import { DocumentService } from '../document.service.js';
import { DocumentListOptions } from '../dto/document-list.options.js';
import { CreateDocumentInput, UpdateDocumentInput } from '../dto/document.inputs.js';
import { DeletedDocument, DocumentView } from '../dto/document.view.js';
import { DOCUMENT_POLICY } from '../document.policy.js';
import type { GraphqlPage } from '@danvan/kit';
import { DOCUMENT_LIST } from '../document.list.js';

/** GraphQL page type of the list (built here, before the schema is: a type made lazily is not registered). */
const DocumentList = DOCUMENT_LIST.graphqlPage(DocumentView);

/** The document as GraphQL answers it: with what the caller may do to it (DOCUMENT_POLICY). */
function withActions(ctx: RequestContext, doc: DocumentView): DocumentView {
  return { ...doc, allowedActions: DOCUMENT_POLICY.allowedActions(ctx, doc) };
}

/** GraphQL over DocumentService. */
@Resolver(() => DocumentView)
@RequirePermission(DOCUMENT_POLICY.readPermission)
export class DocumentResolver {
  constructor(private readonly documentService: DocumentService) {}

  @Query(() => DocumentView, { description: 'Một văn bản theo mã định danh (lỗi NOT_FOUND nếu không có).' })
  async document(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Mã định danh của văn bản (UUID).' }, ParseIdPipe) id: string,
  ): Promise<DocumentView> {
    return withActions(ctx, await this.documentService.get(ctx, id));
  }

  @Query(() => DocumentList, {
    description: 'Sổ văn bản: phân trang, sắp xếp, lọc theo loại, cơ quan ban hành, ngày; tìm không dấu.',
  })
  async documents(
    @Ctx() ctx: RequestContext,
    @Args('options', {
      type: () => DocumentListOptions,
      nullable: true,
      description: 'Lọc, sắp xếp và phân trang (mặc định: trang 1, 20 văn bản).',
    })
    options?: DocumentListOptions,
  ): Promise<GraphqlPage<DocumentView>> {
    const page = await this.documentService.list(ctx, options ?? {});
    return { ...page, items: page.items.map((doc) => withActions(ctx, doc)) };
  }

  @RequirePermission(DOCUMENT_POLICY.createPermission)
  @Mutation(() => DocumentView, { description: 'Nhập văn bản vào sổ; số, ký hiệu được kiểm tra theo mẫu văn bản của Đảng và nhà nước.' })
  async createDocument(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'Văn bản mới.' }) input: CreateDocumentInput,
  ): Promise<DocumentView> {
    return withActions(ctx, await this.documentService.create(ctx, input));
  }

  @RequirePermission(DOCUMENT_POLICY.permission('update'))
  @Mutation(() => DocumentView, {
    description: 'Sửa văn bản; expectedVersion là phiên bản đã đọc (lỗi CONFLICT nếu đã có người sửa trước).',
  })
  async updateDocument(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Mã định danh của văn bản (UUID).' }, ParseIdPipe) id: string,
    @Args('expectedVersion', { type: () => Int, description: 'Phiên bản đã đọc (lỗi CONFLICT nếu đã có người sửa trước).' })
    expectedVersion: number,
    @Args('input', { description: 'Các trường cần sửa.' }) input: UpdateDocumentInput,
  ): Promise<DocumentView> {
    return withActions(ctx, await this.documentService.update(ctx, id, expectedVersion, input));
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
}
