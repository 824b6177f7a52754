import { Body, Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { DocumentDto, Page } from '@danvan/contracts';
import { Ctx, ParseIdPipe, RequestContext, RequirePermission } from '@danvan/core';
import { answerCreated, Reply, versionedRead, VersionedRoute, versionedUpdate, withIfMatch } from '@danvan/kit';
import { DocumentService } from '../document.service.js';
import { DOCUMENT_LIST } from '../document.list.js';
import { DocumentListQuery } from '../dto/document-list.options.js';
import { CreateDocumentInput, UpdateDocumentInput } from '../dto/document.inputs.js';
import { DocumentView } from '../dto/document.view.js';
import { DOCUMENT_POLICY } from '../document.policy.js';

/** REST shape of a document: DocumentView without internal fields, with what the caller may do to it (DOCUMENT_POLICY). */
export function toDocumentDto(ctx: RequestContext, doc: DocumentView): DocumentDto {
  const { ownerPath: _ownerPath, createdAt, updatedAt, allowedActions: _allowedActions, ...rest } = doc;
  return {
    ...rest,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    allowedActions: DOCUMENT_POLICY.allowedActions(ctx, doc),
  };
}

const DocumentPage = DOCUMENT_LIST.page(DocumentView);

/** The document register for integrators: /api/v1/documents. */
@ApiTags('documents')
@ApiBearerAuth()
@RequirePermission(DOCUMENT_POLICY.readPermission)
@ApiExtraModels(DocumentView, DocumentPage)
@Controller('api/v1/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentService) {}

  @Get()
  @ApiOperation({ summary: 'List documents (paginated, sorted, filtered by form, type, issuer, date; diacritics-insensitive search)' })
  @ApiOkResponse({ type: DocumentPage })
  async list(@Ctx() ctx: RequestContext, @Query() query: DocumentListQuery): Promise<Page<DocumentDto>> {
    const page = await this.documents.list(ctx, DOCUMENT_LIST.fromRest(query));
    return { ...page, items: page.items.map((doc) => toDocumentDto(ctx, doc)) };
  }

  @VersionedRoute.read(DocumentView, 'Read one document; the ETag header carries its version', { notFound: 'No such document' })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: string, @Reply() reply: FastifyReply): Promise<DocumentDto> {
    return versionedRead(reply, this.documents.get(ctx, id), (doc) => toDocumentDto(ctx, doc));
  }

  @VersionedRoute.create(DocumentView, 'Register a document; the number is validated in the shapes of Party and state documents', {
    body: CreateDocumentInput,
    conflict: 'The same number was already registered for that year',
  })
  @RequirePermission(DOCUMENT_POLICY.createPermission)
  async create(@Ctx() ctx: RequestContext, @Body() input: CreateDocumentInput, @Reply() reply: FastifyReply): Promise<DocumentDto> {
    return toDocumentDto(ctx, answerCreated(reply, '/api/v1/documents', await this.documents.create(ctx, input)));
  }

  @VersionedRoute.update(DocumentView, 'Change a document; If-Match with the ETag you read is required (412 when stale)', {
    body: UpdateDocumentInput,
  })
  @RequirePermission(DOCUMENT_POLICY.permission('update'))
  async update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() input: UpdateDocumentInput,
    @Reply() reply: FastifyReply,
  ): Promise<DocumentDto> {
    return toDocumentDto(ctx, await versionedUpdate(reply, ifMatch, (version) => this.documents.update(ctx, id, version, input)));
  }

  @VersionedRoute.delete('Delete a document nothing cites (409 otherwise); If-Match optional')
  @RequirePermission(DOCUMENT_POLICY.permission('delete'))
  async remove(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await withIfMatch(ifMatch, 'optional', (version) => this.documents.remove(ctx, id, version));
  }
}
