import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AwardSortField, Page } from '@danvan/contracts';
import { Ctx, etagOf, ParseIdPipe, RequestContext, RequirePermission } from '@danvan/core';
import { AwardService } from '../award.service.js';
import { AwardListQuery } from '../dto/recognition.inputs.js';
import { AwardList, AwardView } from '../dto/recognition.views.js';

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
  @ApiOperation({ summary: 'Awards whose recipient or issuer lies in the caller’s subtree, revoked ones included and marked (paginated; filters year, titleId, recipient, pledgeId, modelId, rank, revoked)' })
  @ApiOkResponse({ type: AwardList })
  async list(@Ctx() ctx: RequestContext, @Query() query: AwardListQuery): Promise<Page<AwardDto>> {
    const sort = query.sort
      ? { field: query.sort.replace(/^-/, '') as AwardSortField, order: query.sort.startsWith('-') ? ('desc' as const) : ('asc' as const) }
      : undefined;
    const page = await this.awards.list(ctx, {
      page: query.page,
      pageSize: query.pageSize,
      sort,
      filter: {
        search: query.q,
        year: query.year,
        titleId: query.titleId,
        recipientKind: query.recipientKind,
        recipientUnitId: query.recipientUnitId,
        withinUnitId: query.withinUnitId,
        issuerUnitId: query.issuerUnitId,
        pledgeId: query.pledgeId,
        modelId: query.modelId,
        rank: query.rank,
        revoked: query.revoked,
      },
    });
    return { ...page, items: page.items.map(toAwardDto) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One award; the ETag header carries its version' })
  @ApiOkResponse({ type: AwardView })
  @ApiNotFoundResponse({ description: 'No such award, or outside the caller’s subtree' })
  async get(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<AwardDto> {
    const award = await this.awards.get(ctx, id);
    void reply.header('ETag', etagOf(award.version));
    return toAwardDto(award);
  }
}
