import { Body, Controller, Get, Headers, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Page } from '@danvan/contracts';
import { Ctx, ParseIdPipe, RequestContext, RequirePermission } from '@danvan/core';
import { Reply, versionedRead, VersionedRoute, versionedUpsert } from '@danvan/kit';
import { PLEDGE_LIST } from '../pledge.list.js';
import { PledgeListQuery } from '../dto/pledge.inputs.js';
import { RegistrationInput } from '../dto/registration.inputs.js';
import { PledgeProgressView, PledgeView } from '../dto/pledge.view.js';
import { RegistrationView } from '../dto/registration.view.js';
import { PledgeService } from '../pledge.service.js';
import { PLEDGE_POLICY, REGISTRATION_POLICY } from '../pledge.policy.js';

type PledgeDto = Omit<PledgeView, 'ownerPath'>;

/** REST shape of a pledge: without internal fields. */
function toPledgeDto(pledge: PledgeView): PledgeDto {
  const { ownerPath: _ownerPath, ...rest } = pledge;
  return rest;
}

/** Pledges for member organisations' systems: read their pledges, register their targets. */
@ApiTags('pledges')
@ApiBearerAuth()
@RequirePermission(PLEDGE_POLICY.readPermission)
@Controller('api/v1/pledges')
export class PledgesController {
  constructor(private readonly pledges: PledgeService) {}

  @Get()
  @ApiOperation({
    summary:
      'Pledges visible to the caller (its unit signed them or manages their bloc); filters year, status, signatoryUnitId, blocId, managingUnitId',
  })
  @ApiOkResponse({ type: PLEDGE_LIST.page(PledgeView) })
  async list(@Ctx() ctx: RequestContext, @Query() query: PledgeListQuery): Promise<Page<PledgeDto>> {
    const page = await this.pledges.list(ctx, PLEDGE_LIST.fromRest(query));
    return { ...page, items: page.items.map(toPledgeDto) };
  }

  @VersionedRoute.read(PledgeView, 'One pledge with its current criteria set; the ETag header carries its version', {
    notFound: 'No such pledge, or outside the caller’s scope',
  })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: string, @Reply() reply: FastifyReply): Promise<PledgeDto> {
    return versionedRead(reply, this.pledges.get(ctx, id), toPledgeDto);
  }

  @Get(':id/progress')
  @ApiOperation({ summary: 'How many signatories registered; who has not yet' })
  @ApiOkResponse({ type: PledgeProgressView })
  progress(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<PledgeProgressView> {
    return this.pledges.progress(ctx, id);
  }

  @Get(':id/registrations')
  @ApiOperation({ summary: 'Registrations of the caller’s units (all of them for the bloc’s managing unit)' })
  @ApiOkResponse({ type: [RegistrationView] })
  registrations(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<RegistrationView[]> {
    return this.pledges.registrations(ctx, id);
  }

  @VersionedRoute.read(RegistrationView, 'One unit’s registration; the ETag header carries its version', {
    path: ':id/registrations/:unitId',
  })
  registration(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Param('unitId', ParseIdPipe) unitId: string,
    @Reply() reply: FastifyReply,
  ): Promise<RegistrationView> {
    return versionedRead(reply, this.pledges.registration(ctx, id, unitId));
  }

  @Put(':id/registrations/:unitId')
  @RequirePermission(REGISTRATION_POLICY.permission('register'))
  @ApiOperation({
    summary:
      'Register (or change) a signatory’s targets and breakthrough tasks while registration is open. First time: no If-Match; afterwards If-Match with the ETag read (412 when stale or when a registration already exists)',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the registration being replaced, e.g. "1"' })
  @ApiBody({ type: RegistrationInput })
  @ApiOkResponse({ type: RegistrationView })
  async register(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Param('unitId', ParseIdPipe) unitId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() input: RegistrationInput,
    @Reply() reply: FastifyReply,
  ): Promise<RegistrationView> {
    return versionedUpsert(reply, ifMatch, (version) => this.pledges.register(ctx, id, unitId, version, input));
  }
}
