import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BLOC_LIMITS, type PledgeStatus } from '@danvan/contracts';
import { Ctx, MaxItems, ParseIdPipe, RequestContext, RequirePermission, type GraphQLRequestContext } from '@danvan/core';
import { BLOC_POLICY } from '../../blocs/bloc.policy.js';
import { PLEDGE_POLICY, REGISTRATION_POLICY } from '../pledge.policy.js';
import { CreatePledgeInput, PledgeListOptions, SignPledgeInput, UpdatePledgeInput } from '../dto/pledge.inputs.js';
import { CriteriaSetInput } from '../dto/criteria-set.inputs.js';
import { RegistrationInput } from '../dto/registration.inputs.js';
import { CriteriaSetView } from '../dto/criteria-set.view.js';
import { PledgeProgressView, PledgeStatusEnum, PledgeView } from '../dto/pledge.view.js';
import { RegistrationView } from '../dto/registration.view.js';
import { PledgeService } from '../pledge.service.js';
import type { GraphqlPage } from '@danvan/kit';
import { PLEDGE_LIST } from '../pledge.list.js';

/** GraphQL page type of the list (built here, before the schema is: a type made lazily is not registered). */
const PledgeList = PLEDGE_LIST.graphqlPage(PledgeView);

const ID_ARG = { type: () => ID };
const VERSION_ARG = { type: () => Int, description: 'Phiên bản đã đọc (lỗi CONFLICT nếu đã có người sửa trước).' };

/** GraphQL of pledges: criteria, signing, lifecycle, registrations, progress. */
@Resolver(() => PledgeView)
@RequirePermission(PLEDGE_POLICY.readPermission)
export class PledgeResolver {
  constructor(private readonly pledgeService: PledgeService) {}

  @Query(() => PledgeView, { description: 'Một giao ước thi đua.' })
  pledge(
    @Ctx() ctx: RequestContext,
    @Args('id', { ...ID_ARG, description: 'Mã định danh của giao ước (UUID).' }, ParseIdPipe) id: string,
  ): Promise<PledgeView> {
    return this.pledgeService.get(ctx, id);
  }

  @Query(() => PledgeList, {
    description: 'Giao ước thi đua trong phạm vi của bạn: lọc theo năm, bước, đơn vị ký.',
  })
  pledges(
    @Ctx() ctx: RequestContext,
    @Args('options', { type: () => PledgeListOptions, nullable: true, description: 'Lọc và phân trang (mặc định: trang 1, 20 giao ước).' })
    options?: PledgeListOptions,
  ): Promise<GraphqlPage<PledgeView>> {
    return this.pledgeService.list(ctx, options ?? {});
  }

  @MaxItems(100)
  @ResolveField(() => [CriteriaSetView], { description: 'Mọi phiên bản bảng tiêu chí, mới nhất trước.' })
  criteriaVersions(
    @Ctx() ctx: RequestContext,
    @Parent() pledge: PledgeView,
    @Context() gql: GraphQLRequestContext,
  ): Promise<CriteriaSetView[]> {
    return gql.loaders
      .perParent<PledgeView, CriteriaSetView[]>(
        'pledge.criteriaVersions',
        (pledges) =>
          this.pledgeService.criteriaVersionsOf(
            ctx,
            pledges.map((p) => p.id),
          ),
        [],
      )
      .load(pledge);
  }

  @MaxItems(BLOC_LIMITS.membersMax)
  @ResolveField(() => [RegistrationView], {
    description: 'Đăng ký chỉ tiêu (của đơn vị trong phạm vi của bạn; tất cả nếu bạn quản lý khối).',
  })
  registrations(
    @Ctx() ctx: RequestContext,
    @Parent() pledge: PledgeView,
    @Context() gql: GraphQLRequestContext,
  ): Promise<RegistrationView[]> {
    return gql.loaders
      .perParent<PledgeView, RegistrationView[]>('pledge.registrations', (pledges) => this.pledgeService.registrationsOf(ctx, pledges), [])
      .load(pledge);
  }

  @ResolveField(() => PledgeProgressView, { description: 'Tiến độ: đơn vị nào chưa đăng ký.' })
  async progress(
    @Ctx() ctx: RequestContext,
    @Parent() pledge: PledgeView,
    @Context() gql: GraphQLRequestContext,
  ): Promise<PledgeProgressView> {
    const progress = await gql.loaders
      .perParent<PledgeView, PledgeProgressView | null>(
        'pledge.progress',
        (pledges) =>
          this.pledgeService.progressOf(
            ctx,
            pledges.map((p) => p.id),
          ),
        null,
      )
      .load(pledge);
    return progress as PledgeProgressView; // progressOf answers every pledge it is given
  }

  @RequirePermission(BLOC_POLICY.permission('createPledge'))
  @Mutation(() => PledgeView, { description: 'Lập giao ước (dự thảo) cho một khối, có thể kèm bảng tiêu chí phiên bản 1.' })
  createPledge(@Ctx() ctx: RequestContext, @Args('input', { description: 'Giao ước mới.' }) input: CreatePledgeInput): Promise<PledgeView> {
    return this.pledgeService.create(ctx, input);
  }

  @RequirePermission(PLEDGE_POLICY.permission('update'))
  @Mutation(() => PledgeView, { description: 'Sửa tên, văn bản trích dẫn, số nhiệm vụ đột phá của giao ước.' })
  updatePledge(
    @Ctx() ctx: RequestContext,
    @Args('id', { ...ID_ARG, description: 'Mã định danh của giao ước (UUID).' }, ParseIdPipe) id: string,
    @Args('expectedVersion', VERSION_ARG) expectedVersion: number,
    @Args('input', { description: 'Các trường cần sửa.' }) input: UpdatePledgeInput,
  ): Promise<PledgeView> {
    return this.pledgeService.update(ctx, id, expectedVersion, input);
  }

  @RequirePermission(PLEDGE_POLICY.permission('setCriteria'))
  @Mutation(() => PledgeView, { description: 'Lưu bảng tiêu chí thành phiên bản mới (phiên bản cũ và điểm đã chấm giữ nguyên).' })
  setPledgeCriteria(
    @Ctx() ctx: RequestContext,
    @Args('id', { ...ID_ARG, description: 'Mã định danh của giao ước (UUID).' }, ParseIdPipe) id: string,
    @Args('expectedVersion', VERSION_ARG) expectedVersion: number,
    @Args('criteria', { description: 'Cả bảng tiêu chí của phiên bản mới.' }) criteria: CriteriaSetInput,
  ): Promise<PledgeView> {
    return this.pledgeService.setCriteria(ctx, id, expectedVersion, criteria);
  }

  @RequirePermission(PLEDGE_POLICY.permission('sign'))
  @Mutation(() => PledgeView, { description: 'Ký kết giao ước: ngày, sự kiện, nơi ký, các đơn vị ký.' })
  signPledge(
    @Ctx() ctx: RequestContext,
    @Args('id', { ...ID_ARG, description: 'Mã định danh của giao ước (UUID).' }, ParseIdPipe) id: string,
    @Args('expectedVersion', VERSION_ARG) expectedVersion: number,
    @Args('input', { description: 'Thông tin ký kết.' }) input: SignPledgeInput,
  ): Promise<PledgeView> {
    return this.pledgeService.sign(ctx, id, expectedVersion, input);
  }

  @RequirePermission(PLEDGE_POLICY.permission('advance'))
  @Mutation(() => PledgeView, { description: 'Chuyển giao ước sang bước tiếp theo (mở đăng ký, mở chấm điểm, thẩm định, tổng kết).' })
  advancePledge(
    @Ctx() ctx: RequestContext,
    @Args('id', { ...ID_ARG, description: 'Mã định danh của giao ước (UUID).' }, ParseIdPipe) id: string,
    @Args('expectedVersion', VERSION_ARG) expectedVersion: number,
    @Args('to', { type: () => PledgeStatusEnum, description: 'Bước muốn chuyển tới: chỉ bước ngay sau bước hiện tại.' }) to: PledgeStatus,
  ): Promise<PledgeView> {
    return this.pledgeService.advance(ctx, id, expectedVersion, to);
  }

  @RequirePermission(REGISTRATION_POLICY.permission('register'))
  @Mutation(() => RegistrationView, {
    description: 'Đơn vị ký giao ước đăng ký chỉ tiêu, nhiệm vụ đột phá (expectedVersion bỏ trống khi đăng ký lần đầu).',
  })
  registerPledgeTargets(
    @Ctx() ctx: RequestContext,
    @Args('pledgeId', { ...ID_ARG, description: 'Mã định danh của giao ước (UUID).' }, ParseIdPipe) pledgeId: string,
    @Args('unitId', { ...ID_ARG, description: 'Đơn vị đăng ký (một đơn vị ký giao ước, UUID).' }, ParseIdPipe) unitId: string,
    @Args('input', { description: 'Chỉ tiêu và nhiệm vụ đột phá.' }) input: RegistrationInput,
    @Args('expectedVersion', {
      type: () => Int,
      nullable: true,
      description: 'Phiên bản của đăng ký đã đọc; bỏ trống khi đăng ký lần đầu.',
    })
    expectedVersion?: number,
  ): Promise<RegistrationView> {
    return this.pledgeService.register(ctx, pledgeId, unitId, expectedVersion ?? null, input);
  }
}
