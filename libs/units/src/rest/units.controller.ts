import { Body, Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Page, UnitDto } from '@danvan/contracts';
import { Ctx, ParseIdPipe, RequestContext, RequirePermission } from '@danvan/core';
import {
  answerCreated,
  answerWorkbook,
  Reply,
  versionedRead,
  VersionedRoute,
  versionedUpdate,
  withIfMatch,
  WorkbookRoute,
} from '@danvan/kit';
import { UNIT_LIST } from '../unit.list.js';
import { CreateUnitInput } from '../dto/create-unit.input.js';
import { UnitExportQuery, UnitListQuery } from '../dto/unit-list.options.js';
import { UnitView } from '../dto/unit.view.js';
import { UpdateUnitInput } from '../dto/update-unit.input.js';
import { UnitService } from '../unit.service.js';
import { describeFilters, renderUnitsWorkbook } from './units-export.js';
import { UNIT_POLICY } from '../unit.policy.js';

/** REST shape of a unit: UnitView without internal fields, with what the caller may do to it (UNIT_POLICY). */
export function toUnitDto(ctx: RequestContext, unit: UnitView): UnitDto {
  const { path: _path, createdAt, updatedAt, allowedActions: _allowedActions, ...rest } = unit;
  return {
    ...rest,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    allowedActions: UNIT_POLICY.allowedActions(ctx, unit),
  };
}

const UnitPage = UNIT_LIST.page(UnitView);

/** The unit register for integrators: /api/v1/units. */
@ApiTags('units')
@ApiBearerAuth()
@RequirePermission(UNIT_POLICY.readPermission)
@ApiExtraModels(UnitView, UnitPage)
@Controller('api/v1/units')
export class UnitsController {
  constructor(private readonly units: UnitService) {}

  @Get()
  @ApiOperation({ summary: 'List units (paginated, sorted, filtered, diacritics-insensitive search)' })
  @ApiOkResponse({ type: UnitPage })
  async list(@Ctx() ctx: RequestContext, @Query() query: UnitListQuery): Promise<Page<UnitDto>> {
    const page = await this.units.list(ctx, UNIT_LIST.fromRest(query));
    return { ...page, items: page.items.map((unit) => toUnitDto(ctx, unit)) };
  }

  @WorkbookRoute(
    'export.xlsx',
    'The list as a printable Excel workbook (same filters and sort as the list; at most 10,000 rows, 422 beyond)',
  )
  async exportXlsx(@Ctx() ctx: RequestContext, @Query() query: UnitExportQuery, @Reply() reply: FastifyReply): Promise<Buffer> {
    const request = UNIT_LIST.fromRest(query);
    const { units, parents } = await this.units.exportRows(ctx, request);
    const filter = request.filter ?? {};
    const within = filter.withinUnitId ? await this.units.get(ctx, filter.withinUnitId) : undefined;
    return answerWorkbook(reply, 'don-vi', (now) => renderUnitsWorkbook(units, parents, describeFilters(filter, within), now));
  }

  @VersionedRoute.read(UnitView, 'Read one unit; the ETag header carries its version', { notFound: 'No such unit' })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: string, @Reply() reply: FastifyReply): Promise<UnitDto> {
    return versionedRead(reply, this.units.get(ctx, id), (unit) => toUnitDto(ctx, unit));
  }

  @Get(':id/children')
  @ApiOperation({ summary: 'Direct children of a unit (paginated)' })
  @ApiOkResponse({ type: UnitPage })
  async children(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: string, @Query() query: UnitListQuery): Promise<Page<UnitDto>> {
    await this.units.get(ctx, id);
    const page = await this.units.list(ctx, UNIT_LIST.fromRest(query, { parentId: id }));
    return { ...page, items: page.items.map((unit) => toUnitDto(ctx, unit)) };
  }

  @Get(':id/ancestors')
  @ApiOperation({ summary: 'The chain of units above this one, from the root down to its parent' })
  @ApiOkResponse({ type: [UnitView] })
  async ancestors(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<UnitDto[]> {
    return (await this.units.ancestors(ctx, id)).map((unit) => toUnitDto(ctx, unit));
  }

  @VersionedRoute.create(UnitView, 'Create a unit', { body: CreateUnitInput, conflict: 'The code is already used' })
  @RequirePermission(UNIT_POLICY.createPermission)
  async create(@Ctx() ctx: RequestContext, @Body() input: CreateUnitInput, @Reply() reply: FastifyReply): Promise<UnitDto> {
    return toUnitDto(ctx, answerCreated(reply, '/api/v1/units', await this.units.create(ctx, input)));
  }

  @VersionedRoute.update(UnitView, 'Change a unit; If-Match with the ETag you read is required (412 when stale)', { body: UpdateUnitInput })
  @RequirePermission(UNIT_POLICY.permission('update'))
  async update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() input: UpdateUnitInput,
    @Reply() reply: FastifyReply,
  ): Promise<UnitDto> {
    return toUnitDto(ctx, await versionedUpdate(reply, ifMatch, (version) => this.units.update(ctx, id, version, input)));
  }

  @VersionedRoute.delete('Delete a unit nothing refers to (409 otherwise: end it instead); If-Match optional')
  @RequirePermission(UNIT_POLICY.permission('delete'))
  async remove(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await withIfMatch(ifMatch, 'optional', (version) => this.units.remove(ctx, id, version));
  }
}
