import { Body, Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Page } from '@danvan/contracts';
import { Ctx, ParseIdPipe, RequestContext, RequirePermission } from '@danvan/core';
import { answerCreated, answerWorkbook, Reply, versionedRead, VersionedRoute, versionedUpdate, WorkbookRoute } from '@danvan/kit';
import { MODEL_LIST } from '../model.list.js';
import { CreateModelInput, ModelExportQuery, ModelListQuery, UpdateModelInput } from '../dto/model.inputs.js';
import { ModelView } from '../dto/model.views.js';
import { ModelService } from '../model.service.js';
import { describeModelFilters, renderModelsWorkbook } from './models-export.js';
import { MODEL_POLICY } from '../model.policy.js';

export type ModelDto = Omit<ModelView, 'ownerPath'>;

/** REST shape of a model: without internal fields. */
export function toModelDto(model: ModelView): ModelDto {
  const { ownerPath: _ownerPath, ...rest } = model;
  return rest;
}

/** "Dân vận khéo" models for organisations' systems: /api/v1/models. */
@ApiTags('models')
@ApiBearerAuth()
@RequirePermission(MODEL_POLICY.readPermission)
@Controller('api/v1/models')
export class ModelsController {
  constructor(private readonly models: ModelService) {}

  @Get()
  @ApiOperation({
    summary:
      '"Dân vận khéo" models of the caller’s subtree (paginated; filters year, field, level, recognition, holderKind, withinUnitId; diacritics-insensitive search)',
  })
  @ApiOkResponse({ type: MODEL_LIST.page(ModelView) })
  async list(@Ctx() ctx: RequestContext, @Query() query: ModelListQuery): Promise<Page<ModelDto>> {
    const page = await this.models.list(ctx, MODEL_LIST.fromRest(query));
    return { ...page, items: page.items.map(toModelDto) };
  }

  @WorkbookRoute(
    'export.xlsx',
    'The model register as a printable Excel workbook (same filters and sort as the list; at most 10,000 rows, 422 beyond)',
  )
  async exportXlsx(@Ctx() ctx: RequestContext, @Query() query: ModelExportQuery, @Reply() reply: FastifyReply): Promise<Buffer> {
    const request = MODEL_LIST.fromRest(query);
    const within = request.filter?.withinUnitId ? await this.models.unitRef(ctx, request.filter.withinUnitId) : null;
    const models = await this.models.exportRows(ctx, request);
    return answerWorkbook(reply, 'mo-hinh-dan-van-kheo', (now) =>
      renderModelsWorkbook(models, describeModelFilters(request.filter ?? {}, within), now),
    );
  }

  @VersionedRoute.read(ModelView, 'One model; the ETag header carries its version', {
    notFound: 'No such model, or outside the caller’s subtree',
  })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: string, @Reply() reply: FastifyReply): Promise<ModelDto> {
    return versionedRead(reply, this.models.get(ctx, id), toModelDto);
  }

  @VersionedRoute.create(ModelView, 'Register a model of the caller’s unit (or of a unit in its subtree); it starts as REGISTERED', {
    body: CreateModelInput,
  })
  @RequirePermission(MODEL_POLICY.createPermission)
  async create(@Ctx() ctx: RequestContext, @Body() input: CreateModelInput, @Reply() reply: FastifyReply): Promise<ModelDto> {
    return toModelDto(answerCreated(reply, '/api/v1/models', await this.models.create(ctx, input)));
  }

  @VersionedRoute.update(ModelView, 'Change a model (not its recognition); If-Match with the ETag you read is required (412 when stale)', {
    body: UpdateModelInput,
  })
  @RequirePermission(MODEL_POLICY.permission('update'))
  async update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() input: UpdateModelInput,
    @Reply() reply: FastifyReply,
  ): Promise<ModelDto> {
    return toModelDto(await versionedUpdate(reply, ifMatch, (version) => this.models.update(ctx, id, version, input)));
  }
}
