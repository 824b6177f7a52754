import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequirePermission, RequestContext, type GraphQLRequestContext } from '@danvan/core';
import { BlocView } from '../../blocs/dto/bloc.view.js';
import { assertYearInRange } from '../../shared/year.js';
import { PledgeView } from '../dto/pledge.view.js';
import { PledgeService } from '../pledge.service.js';
import { PLEDGE_POLICY } from '../pledge.policy.js';

/**
 * `EmulationBloc.pledge(year)`: the bloc's pledge. A bloc belongs to one year and has at most one pledge
 * (`pledge_bloc_key`), whose year is the bloc's; `year` states which year the caller expects, so a page of
 * blocs of several years answers the pledge only where the bloc is of that year. The pledges of every bloc
 * of the request are read in one statement (`PledgeService.ofBlocs`).
 */
@Resolver(() => BlocView)
@RequirePermission(PLEDGE_POLICY.readPermission)
export class BlocPledgeResolver {
  constructor(private readonly pledgeService: PledgeService) {}

  @ResolveField(() => PledgeView, {
    nullable: true,
    description:
      'Giao ước thi đua của khối (mỗi khối có nhiều nhất một giao ước, cùng năm với khối); null nếu khối chưa lập giao ước, hoặc năm của khối khác "year".',
  })
  pledge(
    @Ctx() ctx: RequestContext,
    @Parent() bloc: BlocView,
    @Context() gql: GraphQLRequestContext,
    @Args('year', {
      type: () => Int,
      nullable: true,
      description:
        'Năm thi đua (từ 1945 đến 2100): trả về giao ước chỉ khi khối thuộc năm này (bỏ trống: giao ước của khối, năm nào cũng được).',
    })
    year?: number | null,
  ): Promise<PledgeView | null> {
    if (year != null) assertYearInRange('year', year);
    if ((year != null && year !== bloc.year) || !bloc.pledgeId) return Promise.resolve(null);
    return gql.loaders
      .perParent<BlocView, PledgeView | null>(
        'bloc.pledge',
        (blocs) =>
          this.pledgeService.ofBlocs(
            ctx,
            blocs.map((b) => b.id),
          ),
        null,
      )
      .load(bloc);
  }
}
