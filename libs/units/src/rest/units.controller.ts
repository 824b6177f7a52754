import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Page, UnitDto, UnitSortField } from '@danvan/contracts';
import {
  Ctx,
  etagOf,
  ParseIdPipe,
  RequestContext,
  RequirePermission,
  restSort,
  withIfMatch,
  XLSX_CONTENT_TYPE,
  xlsxDownload,
  TOTAL_IS_EXACT_DESCRIPTION,
} from '@danvan/core';
import { CreateUnitInput } from '../dto/create-unit.input.js';
import { UnitExportQuery, UnitListQuery } from '../dto/unit-list.options.js';
import { UnitView } from '../dto/unit.view.js';
import { UpdateUnitInput } from '../dto/update-unit.input.js';
import { UnitService } from '../unit.service.js';
import { describeFilters, renderUnitsWorkbook } from './units-export.js';

/** REST shape of a unit: UnitView without internal fields. */
export function toUnitDto(unit: UnitView): UnitDto {
  const { path: _path, createdAt, updatedAt, ...rest } = unit;
  return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

function listRequestOf(query: UnitListQuery | UnitExportQuery, parentId?: string) {
  const sort = restSort<UnitSortField>(query.sort);
  return {
    page: 'page' in query ? query.page : undefined,
    pageSize: 'pageSize' in query ? query.pageSize : undefined,
    sort,
    filter: {
      search: query.q,
      kind: query.kind,
      level: query.level,
      status: query.status,
      parentId: parentId ?? query.parentId,
      withinUnitId: query.withinUnitId,
      validOn: query.validOn,
    },
  };
}

const PAGE_SCHEMA = {
  type: 'object',
  properties: {
    items: { type: 'array', items: { $ref: getSchemaPath(UnitView) } },
    totalItems: { type: 'integer' },
    totalIsExact: { type: 'boolean', description: TOTAL_IS_EXACT_DESCRIPTION },
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
  },
};

/** The unit register for integrators: /api/v1/units. */
@ApiTags('units')
@ApiBearerAuth()
@RequirePermission('units:read')
@ApiExtraModels(UnitView)
@Controller('api/v1/units')
export class UnitsController {
  constructor(private readonly units: UnitService) {}

  @Get()
  @ApiOperation({ summary: 'List units (paginated, sorted, filtered, diacritics-insensitive search)' })
  @ApiOkResponse({ schema: PAGE_SCHEMA })
  async list(@Ctx() ctx: RequestContext, @Query() query: UnitListQuery): Promise<Page<UnitDto>> {
    const page = await this.units.list(ctx, listRequestOf(query));
    return { ...page, items: page.items.map(toUnitDto) };
  }

  @Get('export.xlsx')
  @ApiOperation({ summary: 'The list as a printable Excel workbook (same filters and sort as the list; at most 10,000 rows, 422 beyond)' })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({
    description: 'An .xlsx file with Vietnamese headers',
    content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  async exportXlsx(
    @Ctx() ctx: RequestContext,
    @Query() query: UnitExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { units, parents } = await this.units.exportRows(ctx, listRequestOf(query));
    const within = query.withinUnitId ? await this.units.get(ctx, query.withinUnitId) : undefined;
    const now = new Date();
    const workbook = await renderUnitsWorkbook(units, parents, describeFilters(query, within), now);
    void reply.headers(xlsxDownload('don-vi', now));
    return workbook;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read one unit; the ETag header carries its version' })
  @ApiOkResponse({ type: UnitView })
  @ApiNotFoundResponse({ description: 'No such unit' })
  async get(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UnitDto> {
    const unit = await this.units.get(ctx, id);
    void reply.header('ETag', etagOf(unit.version));
    return toUnitDto(unit);
  }

  @Get(':id/children')
  @ApiOperation({ summary: 'Direct children of a unit (paginated)' })
  @ApiOkResponse({ schema: PAGE_SCHEMA })
  async children(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: string, @Query() query: UnitListQuery): Promise<Page<UnitDto>> {
    await this.units.get(ctx, id);
    const page = await this.units.list(ctx, listRequestOf(query, id));
    return { ...page, items: page.items.map(toUnitDto) };
  }

  @Get(':id/ancestors')
  @ApiOperation({ summary: 'The chain of units above this one, from the root down to its parent' })
  @ApiOkResponse({ type: [UnitView] })
  async ancestors(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: string): Promise<UnitDto[]> {
    return (await this.units.ancestors(ctx, id)).map(toUnitDto);
  }

  @Post()
  @RequirePermission('units:write')
  @ApiOperation({ summary: 'Create a unit' })
  @ApiBody({ type: CreateUnitInput })
  @ApiCreatedResponse({ type: UnitView })
  @ApiConflictResponse({ description: 'The code is already used' })
  async create(
    @Ctx() ctx: RequestContext,
    @Body() input: CreateUnitInput,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UnitDto> {
    const unit = await this.units.create(ctx, input);
    void reply.status(201).header('Location', `/api/v1/units/${unit.id}`).header('ETag', etagOf(unit.version));
    return toUnitDto(unit);
  }

  @Patch(':id')
  @RequirePermission('units:write')
  @ApiOperation({ summary: 'Change a unit; If-Match with the ETag you read is required (412 when stale)' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'ETag of the version being changed, e.g. "3"' })
  @ApiBody({ type: UpdateUnitInput })
  @ApiOkResponse({ type: UnitView })
  async update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() input: UpdateUnitInput,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UnitDto> {
    const unit = await withIfMatch(ifMatch, true, (version) => this.units.update(ctx, id, version, input));
    void reply.header('ETag', etagOf(unit.version));
    return toUnitDto(unit);
  }

  @Delete(':id')
  @RequirePermission('units:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a unit nothing refers to (409 otherwise: end it instead); If-Match optional' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiNoContentResponse()
  async remove(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await withIfMatch(ifMatch, false, (version) => this.units.remove(ctx, id, version));
  }
}
