import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, MaxItems, ParseIdPipe, RequestContext, RequirePermission } from '@danvan/core';
import { AWARD_POLICY } from '../awards/award.policy.js';
import { MODEL_POLICY } from '../models/model.policy.js';
import { AWARD_TITLE_POLICY } from '../titles/award-title.policy.js';
import { AwardTitleService } from '../award-title.service.js';
import { AwardService } from '../award.service.js';
import { RECOGNITION_LIMITS, type AwardEntryKind, type RecipientKind } from '@danvan/contracts';
import { AwardEntryKindEnum, RecipientKindEnum } from '../dto/recognition-enums.js';
import {
  AwardListOptions,
  CreateAwardInput,
  CreateAwardsInput,
  CreateAwardTitleInput,
  CreateModelInput,
  ModelCountsArgs,
  ModelListOptions,
  RecogniseModelInput,
  RevokeAwardInput,
  UpdateAwardTitleInput,
  UpdateModelInput,
} from '../dto/recognition.inputs.js';
import { AwardList, AwardTitleView, AwardView, ModelCountsView, ModelList, ModelView } from '../dto/recognition.views.js';
import { ModelService } from '../model.service.js';

const ID_ARG = { type: () => ID };
const VERSION_ARG = { type: () => Int, description: 'Phiên bản đã đọc (lỗi CONFLICT nếu đã có người sửa trước).' };

/** GraphQL of the award catalogue and awards. */
@Resolver(() => AwardView)
@RequirePermission('emulation:read')
export class AwardResolver {
  constructor(
    private readonly titleService: AwardTitleService,
    private readonly awardService: AwardService,
  ) {}

  @ResolveField(() => Boolean, {
    description: 'Bạn có được thu hồi khen thưởng này không (đơn vị khen thưởng thuộc phạm vi của bạn, còn hiệu lực).',
  })
  canRevoke(@Ctx() ctx: RequestContext, @Parent() award: AwardView): boolean {
    return this.awardService.canRevoke(ctx, award);
  }

  @MaxItems(RECOGNITION_LIMITS.titlesMax)
  @Query(() => [AwardTitleView], { description: 'Danh mục danh hiệu thi đua và hình thức khen thưởng (theo thứ tự hiển thị).' })
  awardTitles(
    @Ctx() ctx: RequestContext,
    @Args('kind', {
      type: () => AwardEntryKindEnum,
      nullable: true,
      description: 'Chỉ danh hiệu thi đua (TITLE) hoặc chỉ hình thức khen thưởng (FORM); bỏ trống: cả hai.',
    })
    kind?: AwardEntryKind,
    @Args('recipientKind', { type: () => RecipientKindEnum, nullable: true, description: 'Chỉ các mục dành cho đối tượng này.' })
    recipientKind?: RecipientKind,
    @Args('includeInactive', { type: () => Boolean, nullable: true, defaultValue: false, description: 'Gồm cả mục đã ngừng áp dụng.' })
    includeInactive?: boolean,
  ): Promise<AwardTitleView[]> {
    return this.titleService.list(ctx, { kind, recipientKind, includeInactive });
  }

  @RequirePermission(AWARD_TITLE_POLICY.permission('create'))
  @Mutation(() => AwardTitleView, { description: 'Thêm danh hiệu hoặc hình thức khen thưởng vào danh mục (chỉ quản trị hệ thống).' })
  createAwardTitle(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'Mục mới của danh mục.' }) input: CreateAwardTitleInput,
  ): Promise<AwardTitleView> {
    return this.titleService.create(ctx, input);
  }

  @RequirePermission(AWARD_TITLE_POLICY.permission('update'))
  @Mutation(() => AwardTitleView, { description: 'Sửa hoặc ngừng áp dụng một mục của danh mục (chỉ quản trị hệ thống).' })
  updateAwardTitle(
    @Ctx() ctx: RequestContext,
    @Args('id', { ...ID_ARG, description: 'Mã định danh của mục (UUID).' }, ParseIdPipe) id: string,
    @Args('expectedVersion', VERSION_ARG) expectedVersion: number,
    @Args('input', { description: 'Các trường cần sửa.' }) input: UpdateAwardTitleInput,
  ): Promise<AwardTitleView> {
    return this.titleService.update(ctx, id, expectedVersion, input);
  }

  @Query(() => AwardView, { description: 'Một khen thưởng (trong phạm vi: đơn vị được khen hoặc đơn vị khen thưởng).' })
  award(
    @Ctx() ctx: RequestContext,
    @Args('id', { ...ID_ARG, description: 'Mã định danh của khen thưởng (UUID).' }, ParseIdPipe) id: string,
  ): Promise<AwardView> {
    return this.awardService.get(ctx, id);
  }

  @Query(() => AwardList, {
    description:
      'Khen thưởng trong phạm vi của bạn, kể cả đã thu hồi (có đánh dấu): lọc theo năm, danh hiệu, đơn vị, giao ước, mô hình, hạng.',
  })
  awards(
    @Ctx() ctx: RequestContext,
    @Args('options', {
      type: () => AwardListOptions,
      nullable: true,
      description: 'Lọc, sắp xếp và phân trang (mặc định: trang 1, 20 khen thưởng).',
    })
    options?: AwardListOptions,
  ): Promise<AwardList> {
    return this.awardService.list(ctx, options ?? {});
  }

  @RequirePermission('emulation:manage')
  @Mutation(() => AwardView, { description: 'Ghi một khen thưởng cho tập thể hoặc cá nhân.' })
  createAward(@Ctx() ctx: RequestContext, @Args('input', { description: 'Khen thưởng mới.' }) input: CreateAwardInput): Promise<AwardView> {
    return this.awardService.create(ctx, input);
  }

  @RequirePermission('emulation:manage')
  @MaxItems(RECOGNITION_LIMITS.proposalsMax)
  @Mutation(() => [AwardView], {
    description:
      'Khen thưởng các đơn vị ký giao ước theo đề nghị (xếp hạng): tất cả trong một giao dịch, một đề nghị sai thì không tạo gì.',
  })
  createAwards(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'Quyết định chung và danh sách đề nghị.' }) input: CreateAwardsInput,
  ): Promise<AwardView[]> {
    return this.awardService.createFromProposals(ctx, input);
  }

  @RequirePermission(AWARD_POLICY.permission('revoke'))
  @Mutation(() => AwardView, { description: 'Thu hồi khen thưởng, ghi lý do; khen thưởng vẫn được liệt kê với dấu đã thu hồi.' })
  revokeAward(
    @Ctx() ctx: RequestContext,
    @Args('id', { ...ID_ARG, description: 'Mã định danh của khen thưởng (UUID).' }, ParseIdPipe) id: string,
    @Args('expectedVersion', VERSION_ARG) expectedVersion: number,
    @Args('input', { description: 'Lý do thu hồi.' }) input: RevokeAwardInput,
  ): Promise<AwardView> {
    return this.awardService.revoke(ctx, id, expectedVersion, input.reason);
  }
}

/** GraphQL of "Dân vận khéo" models and their counts. */
@Resolver(() => ModelView)
@RequirePermission('emulation:read')
export class ModelResolver {
  constructor(private readonly modelService: ModelService) {}

  @Query(() => ModelView, { description: 'Một mô hình "Dân vận khéo" (trong phạm vi của bạn).' })
  model(
    @Ctx() ctx: RequestContext,
    @Args('id', { ...ID_ARG, description: 'Mã định danh của mô hình (UUID).' }, ParseIdPipe) id: string,
  ): Promise<ModelView> {
    return this.modelService.get(ctx, id);
  }

  @Query(() => ModelList, { description: 'Mô hình "Dân vận khéo": lọc theo năm, lĩnh vực, cấp, mức công nhận, cây đơn vị; tìm không dấu.' })
  models(
    @Ctx() ctx: RequestContext,
    @Args('options', {
      type: () => ModelListOptions,
      nullable: true,
      description: 'Lọc, sắp xếp và phân trang (mặc định: trang 1, 20 mô hình).',
    })
    options?: ModelListOptions,
  ): Promise<ModelList> {
    return this.modelService.list(ctx, options ?? {});
  }

  @Query(() => ModelCountsView, {
    description: 'Số mô hình đang thực hiện trong năm, trong cây của một đơn vị: tổng, theo cấp, lĩnh vực, mức công nhận.',
  })
  modelCounts(@Ctx() ctx: RequestContext, @Args() args: ModelCountsArgs): Promise<ModelCountsView> {
    return this.modelService.counts(ctx, args.year, args.withinUnitId ?? null);
  }

  @RequirePermission('emulation:submit')
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
