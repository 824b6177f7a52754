import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, MaxItems, ParseIdPipe, RequestContext, RequirePermission } from '@danvan/core';
import { AWARD_POLICY } from '../award.policy.js';
import { AwardService } from '../award.service.js';
import { RECOGNITION_LIMITS } from '@danvan/contracts';
import { AwardListOptions, CreateAwardInput, CreateAwardsInput, RevokeAwardInput } from '../dto/award.inputs.js';
import { AwardView } from '../dto/award.views.js';
import { ID_ARG, VERSION_ARG } from '../../graphql/args.js';
import type { GraphqlPage } from '@danvan/kit';
import { AWARD_LIST } from '../award.list.js';

/** GraphQL page type of the list (built here, before the schema is: a type made lazily is not registered). */
const AwardList = AWARD_LIST.graphqlPage(AwardView);

/** GraphQL of awards. */
@Resolver(() => AwardView)
@RequirePermission(AWARD_POLICY.readPermission)
export class AwardResolver {
  constructor(private readonly awardService: AwardService) {}

  @ResolveField(() => Boolean, {
    description: 'Bạn có được thu hồi khen thưởng này không (đơn vị khen thưởng thuộc phạm vi của bạn, còn hiệu lực).',
  })
  canRevoke(@Ctx() ctx: RequestContext, @Parent() award: AwardView): boolean {
    return this.awardService.canRevoke(ctx, award);
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
  ): Promise<GraphqlPage<AwardView>> {
    return this.awardService.list(ctx, options ?? {});
  }

  @RequirePermission(AWARD_POLICY.createPermission)
  @Mutation(() => AwardView, { description: 'Ghi một khen thưởng cho tập thể hoặc cá nhân.' })
  createAward(@Ctx() ctx: RequestContext, @Args('input', { description: 'Khen thưởng mới.' }) input: CreateAwardInput): Promise<AwardView> {
    return this.awardService.create(ctx, input);
  }

  @RequirePermission(AWARD_POLICY.createPermission)
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
