import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Page } from '@danvan/contracts';
import { Ctx, ParseIdPipe, RequestContext, RequirePermission } from '@danvan/core';
import { answerWorkbook, Reply, versionedRead, VersionedRoute, WorkbookRoute } from '@danvan/kit';
import { AWARD_LIST } from '../award.list.js';
import { AwardService } from '../award.service.js';
import { AwardExportQuery, AwardListQuery } from '../dto/award.inputs.js';
import { AwardView } from '../dto/award.views.js';
import { describeAwardFilters, renderAwardsWorkbook } from './awards-export.js';
import { AWARD_POLICY } from '../award.policy.js';

export type AwardDto = Omit<AwardView, 'recipientPath' | 'issuerPath'>;

/** REST shape of an award: without internal fields. */
export function toAwardDto(award: AwardView): AwardDto {
  const { recipientPath: _recipientPath, issuerPath: _issuerPath, ...rest } = award;
  return rest;
}

/** Awards for organisations' systems (read only): /api/v1/awards. */
@ApiTags('awards')
@ApiBearerAuth()
@RequirePermission(AWARD_POLICY.readPermission)
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

  @WorkbookRoute(
    'export.xlsx',
    'The awards as a printable Excel workbook (same filters and sort as the list; revoked awards marked; at most 10,000 rows, 422 beyond; a unit filter outside the caller’s subtree is 404)',
  )
  async exportXlsx(@Ctx() ctx: RequestContext, @Query() query: AwardExportQuery, @Reply() reply: FastifyReply): Promise<Buffer> {
    const request = AWARD_LIST.fromRest(query);
    const awards = await this.awards.exportRows(ctx, request);
    const filter = request.filter ?? {};
    const filters = describeAwardFilters(filter, await this.awards.filterNames(ctx, filter, awards));
    return answerWorkbook(reply, 'khen-thuong', (now) => renderAwardsWorkbook(awards, filters, now));
  }

  @VersionedRoute.read(AwardView, 'One award; the ETag header carries its version', {
    notFound: 'No such award, or outside the caller’s subtree',
  })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: string, @Reply() reply: FastifyReply): Promise<AwardDto> {
    return versionedRead(reply, this.awards.get(ctx, id), toAwardDto);
  }
}
