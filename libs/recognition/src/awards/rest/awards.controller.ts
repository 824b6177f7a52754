import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Page } from '@danvan/contracts';
import { Ctx, ParseIdPipe, RequestContext, RequirePermission, XLSX_CONTENT_TYPE, xlsxDownload } from '@danvan/core';
import { AWARD_LIST } from '../award.list.js';
import { answerVersion } from '@danvan/kit';
import { AwardService } from '../award.service.js';
import { AwardExportQuery, AwardListQuery } from '../dto/award.inputs.js';
import { AwardView } from '../dto/award.views.js';
import { describeAwardFilters, renderAwardsWorkbook } from './awards-export.js';

export type AwardDto = Omit<AwardView, 'recipientPath' | 'issuerPath'>;

/** REST shape of an award: without internal fields. */
export function toAwardDto(award: AwardView): AwardDto {
  const { recipientPath: _recipientPath, issuerPath: _issuerPath, ...rest } = award;
  return rest;
}

/** Awards for organisations' systems (read only): /api/v1/awards. */
@ApiTags('awards')
@ApiBearerAuth()
@RequirePermission('emulation:read')
@Controller('api/v1/awards')
export class AwardsController {
  constructor(private readonly awards: AwardService) {}

  @Get()
  @ApiOperation({
    summary:
      'Awards whose recipient or issuer lies in the caller’s subtree, revoked ones included and marked (paginated; filters year, titleId, recipient, pledgeId, modelId, rank, revoked)',
  })
  @ApiOkResponse({ type: AWARD_LIST.page(AwardView) })
  async list(@Ctx() ctx: RequestContext, @Query() query: AwardListQuery): Promise<Page<AwardDto>> {
    const page = await this.awards.list(ctx, AWARD_LIST.fromRest(query));
    return { ...page, items: page.items.map(toAwardDto) };
  }

  @Get('export.xlsx')
  @ApiOperation({
    summary:
      'The awards as a printable Excel workbook (same filters and sort as the list; revoked awards marked; at most 10,000 rows, 422 beyond; a unit filter outside the caller’s subtree is 404)',
  })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({
    description: 'An .xlsx file with Vietnamese headers',
    content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  async exportXlsx(
    @Ctx() ctx: RequestContext,
    @Query() query: AwardExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const request = AWARD_LIST.fromRest(query);
    const awards = await this.awards.exportRows(ctx, request);
    const filter = request.filter ?? {};
    const now = new Date();
    const workbook = await renderAwardsWorkbook(
      awards,
      describeAwardFilters(filter, await this.awards.filterNames(ctx, filter, awards)),
      now,
    );
    void reply.headers(xlsxDownload('khen-thuong', now));
    return workbook;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One award; the ETag header carries its version' })
  @ApiOkResponse({ type: AwardView })
  @ApiNotFoundResponse({ description: 'No such award, or outside the caller’s subtree' })
  async get(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AwardDto> {
    const award = await this.awards.get(ctx, id);
    answerVersion(reply, award);
    return toAwardDto(award);
  }
}
