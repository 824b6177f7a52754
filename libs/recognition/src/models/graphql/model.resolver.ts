import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, ParseIdPipe, RequestContext, RequirePermission } from '@danvan/core';
import { MODEL_POLICY } from '../model.policy.js';
import { CreateModelInput, ModelCountsArgs, ModelListOptions, RecogniseModelInput, UpdateModelInput } from '../dto/model.inputs.js';
import { ModelCountsView, ModelView } from '../dto/model.views.js';
import { ModelService } from '../model.service.js';
import { ID_ARG, VERSION_ARG } from '../../graphql/args.js';
import type { GraphqlPage } from '@danvan/kit';
import { MODEL_LIST } from '../model.list.js';

/** GraphQL page type of the list (built here, before the schema is: a type made lazily is not registered). */
const ModelList = MODEL_LIST.graphqlPage(ModelView);

/** GraphQL of "Dân vận khéo" models and their counts. */
@Resolver(() => ModelView)
@RequirePermission(MODEL_POLICY.readPermission)
export class ModelResolver {
  constructor(private readonly modelService: ModelService) {}

  @Query(() => ModelView, { description: 'Một mô hình "Dân vận khéo" (trong phạm vi của bạn).' })
  model(
    @Ctx() ctx: RequestContext,
    @Args('id', { ...ID_ARG, description: 'Mã định danh của mô hình (UUID).' }, ParseIdPipe) id: string,
  ): Promise<ModelView> {
    return this.modelService.get(ctx, id);
  }

  @Query(() => ModelList, {
    description: 'Mô hình "Dân vận khéo": lọc theo năm, lĩnh vực, cấp, mức công nhận, cây đơn vị; tìm không dấu.',
  })
  models(
    @Ctx() ctx: RequestContext,
    @Args('options', {
      type: () => ModelListOptions,
      nullable: true,
      description: 'Lọc, sắp xếp và phân trang (mặc định: trang 1, 20 mô hình).',
    })
    options?: ModelListOptions,
  ): Promise<GraphqlPage<ModelView>> {
    return this.modelService.list(ctx, options ?? {});
  }

  @Query(() => ModelCountsView, {
    description: 'Số mô hình đang thực hiện trong năm, trong cây của một đơn vị: tổng, theo cấp, lĩnh vực, mức công nhận.',
  })
  modelCounts(@Ctx() ctx: RequestContext, @Args() args: ModelCountsArgs): Promise<ModelCountsView> {
    return this.modelService.counts(ctx, args.year, args.withinUnitId ?? null);
  }

  @RequirePermission(MODEL_POLICY.createPermission)
  @Mutation(() => ModelView, { description: 'Đăng ký mô hình của đơn vị mình (hoặc đơn vị cấp dưới); mức ban đầu là "Đăng ký".' })
  createModel(@Ctx() ctx: RequestContext, @Args('input', { description: 'Mô hình mới.' }) input: CreateModelInput): Promise<ModelView> {
    return this.modelService.create(ctx, input);
  }

  @RequirePermission(MODEL_POLICY.permission('update'))
  @Mutation(() => ModelView, { description: 'Sửa mô hình (không đổi mức công nhận).' })
  updateModel(
    @Ctx() ctx: RequestContext,
    @Args('id', { ...ID_ARG, description: 'Mã định danh của mô hình (UUID).' }, ParseIdPipe) id: string,
    @Args('expectedVersion', VERSION_ARG) expectedVersion: number,
    @Args('input', { description: 'Các trường cần sửa.' }) input: UpdateModelInput,
  ): Promise<ModelView> {
    return this.modelService.update(ctx, id, expectedVersion, input);
  }

  @RequirePermission(MODEL_POLICY.permission('recognise'))
  @Mutation(() => ModelView, {
    description: 'Công nhận mô hình tiêu biểu, tiêu biểu xuất sắc (hoặc hạ mức, có lý do): ghi ngày và văn bản quyết định.',
  })
  recogniseModel(
    @Ctx() ctx: RequestContext,
    @Args('id', { ...ID_ARG, description: 'Mã định danh của mô hình (UUID).' }, ParseIdPipe) id: string,
    @Args('expectedVersion', VERSION_ARG) expectedVersion: number,
    @Args('input', { description: 'Mức công nhận mới, ngày, văn bản, ghi chú.' }) input: RecogniseModelInput,
  ): Promise<ModelView> {
    return this.modelService.recognise(ctx, id, expectedVersion, input);
  }
}
