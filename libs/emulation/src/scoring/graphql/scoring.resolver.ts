import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { BLOC_LIMITS } from '@danvan/contracts';
import {
  Ctx,
  FieldCost,
  MaxItems,
  ParseIdPipe,
  RequestContext,
  RequirePermission,
  STATEMENT_PER_PARENT_COST,
  type GraphQLRequestContext,
} from '@danvan/core';
import { PLEDGE_POLICY } from '../../pledges/pledge.policy.js';
import { SHEET_POLICY } from '../score-sheet.policy.js';
import { PledgeView } from '../../pledges/dto/pledge.view.js';
import { AwardsFromRankingInput } from '../dto/ranking.inputs.js';
import { ScoreInput, SelfScoresInput } from '../dto/score-sheet.inputs.js';
import { AwardView } from '@danvan/recognition';
import { RankingView } from '../dto/ranking.view.js';
import { ReviewDecisionEnum, ScoreSheetView } from '../dto/score-sheet.view.js';
import type { ReviewDecision } from '../../domain/scoring.js';
import { ScoringService } from '../scoring.service.js';

const ID_ARG = { type: () => ID };

/** GraphQL of scoring and review: the scoring grid, the ranking, and their mutations. */
@Resolver(() => PledgeView)
@RequirePermission(SHEET_POLICY.readPermission)
export class ScoringResolver {
  constructor(private readonly scoring: ScoringService) {}

  @MaxItems(BLOC_LIMITS.membersMax)
  @ResolveField(() => [ScoreSheetView], {
    description: 'Bảng chấm điểm: của mọi đơn vị nếu bạn quản lý khối, nếu không thì của đơn vị bạn.',
  })
  scoreSheets(@Ctx() ctx: RequestContext, @Parent() pledge: PledgeView, @Context() gql: GraphQLRequestContext): Promise<ScoreSheetView[]> {
    return gql.loaders
      .perParent<PledgeView, ScoreSheetView[]>('pledge.scoreSheets', (pledges) => this.scoring.sheetsOf(ctx, pledges), [])
      .load(pledge);
  }

  // One ranking statement per pledge (not batched): priced so that a page of pledges × aliases cannot run thousands.
  @FieldCost(STATEMENT_PER_PARENT_COST)
  @ResolveField(() => RankingView, { description: 'Bảng xếp hạng của khối, tính trong cơ sở dữ liệu (tạm tính đến khi tổng kết).' })
  ranking(@Ctx() ctx: RequestContext, @Parent() pledge: PledgeView): Promise<RankingView> {
    return this.scoring.ranking(ctx, pledge);
  }

  @RequirePermission(SHEET_POLICY.permission('selfScore'))
  @Mutation(() => ScoreSheetView, { description: 'Đơn vị tự chấm điểm (expectedVersion bỏ trống khi chưa có bảng điểm).' })
  saveSelfScores(
    @Ctx() ctx: RequestContext,
    @Args('pledgeId', { ...ID_ARG, description: 'Mã định danh của giao ước (UUID).' }, ParseIdPipe) pledgeId: string,
    @Args('unitId', { ...ID_ARG, description: 'Đơn vị chấm điểm (UUID).' }, ParseIdPipe) unitId: string,
    @Args('input', { description: 'Điểm tự chấm của các dòng.' }) input: SelfScoresInput,
    @Args('expectedVersion', {
      type: () => Int,
      nullable: true,
      description: 'Phiên bản của bảng điểm đã đọc; bỏ trống khi chưa có bảng điểm.',
    })
    expectedVersion?: number,
  ): Promise<ScoreSheetView> {
    return this.scoring.saveSelfScores(ctx, pledgeId, unitId, expectedVersion ?? null, input.scores);
  }

  @RequirePermission(SHEET_POLICY.permission('submit'))
  @Mutation(() => ScoreSheetView, { description: 'Đơn vị nộp bảng tự chấm điểm để thẩm định (phải chấm đủ các tiêu chí).' })
  submitScoreSheet(
    @Ctx() ctx: RequestContext,
    @Args('pledgeId', { ...ID_ARG, description: 'Mã định danh của giao ước (UUID).' }, ParseIdPipe) pledgeId: string,
    @Args('unitId', { ...ID_ARG, description: 'Đơn vị nộp bảng điểm (UUID).' }, ParseIdPipe) unitId: string,
    @Args('expectedVersion', { type: () => Int, description: 'Phiên bản của bảng điểm đã đọc (lỗi CONFLICT nếu đã có người sửa trước).' })
    expectedVersion: number,
  ): Promise<ScoreSheetView> {
    return this.scoring.submit(ctx, pledgeId, unitId, expectedVersion);
  }

  @RequirePermission(SHEET_POLICY.permission('selfScore'))
  @Mutation(() => ScoreSheetView, {
    description: 'Đơn vị gỡ một tệp minh chứng nộp nhầm khi bảng điểm còn là bản nháp hoặc bị trả lại; trả về bảng điểm.',
  })
  removeEvidence(
    @Ctx() ctx: RequestContext,
    @Args('id', { ...ID_ARG, description: 'Mã định danh của tệp minh chứng (UUID).' }, ParseIdPipe) id: string,
  ): Promise<ScoreSheetView> {
    return this.scoring.removeEvidence(ctx, id);
  }

  @RequirePermission(SHEET_POLICY.permission('reviewScore'))
  @Mutation(() => ScoreSheetView, {
    description: 'Chấm thẩm định một mục; expectedLineVersion là phiên bản của dòng điểm đã đọc (0 nếu chưa có).',
  })
  reviewScore(
    @Ctx() ctx: RequestContext,
    @Args('pledgeId', { ...ID_ARG, description: 'Mã định danh của giao ước (UUID).' }, ParseIdPipe) pledgeId: string,
    @Args('unitId', { ...ID_ARG, description: 'Đơn vị có bảng điểm được thẩm định (UUID).' }, ParseIdPipe) unitId: string,
    @Args('expectedLineVersion', { type: () => Int, description: 'Phiên bản của dòng điểm đã đọc (0 nếu dòng chưa có điểm).' })
    expectedLineVersion: number,
    @Args('input', { description: 'Điểm thẩm định và nhận xét của một dòng.' }) input: ScoreInput,
  ): Promise<ScoreSheetView> {
    return this.scoring.reviewScore(ctx, pledgeId, unitId, expectedLineVersion, input);
  }

  @RequirePermission(PLEDGE_POLICY.permission('review'))
  @Mutation(() => [AwardView], {
    description:
      'Khen thưởng các đơn vị dẫn đầu bảng xếp hạng của giao ước đã tổng kết, trong một bước (hạng nhất, nhì, ba với cờ thi đua).',
  })
  awardsFromRanking(
    @Ctx() ctx: RequestContext,
    @Args('pledgeId', { ...ID_ARG, description: 'Mã định danh của giao ước đã tổng kết (UUID).' }, ParseIdPipe) pledgeId: string,
    @Args('input', { description: 'Danh hiệu hoặc hình thức, quyết định, số hạng được khen.' }) input: AwardsFromRankingInput,
  ): Promise<AwardView[]> {
    return this.scoring.awardsFromRanking(ctx, pledgeId, input);
  }

  @RequirePermission(SHEET_POLICY.permission('accept'))
  @Mutation(() => ScoreSheetView, {
    description: 'Chấp nhận (chuyển lên bước trên) hoặc trả lại bảng điểm cho đơn vị (bắt buộc ghi lý do).',
  })
  decideScoreSheet(
    @Ctx() ctx: RequestContext,
    @Args('pledgeId', { ...ID_ARG, description: 'Mã định danh của giao ước (UUID).' }, ParseIdPipe) pledgeId: string,
    @Args('unitId', { ...ID_ARG, description: 'Đơn vị có bảng điểm được thẩm định (UUID).' }, ParseIdPipe) unitId: string,
    @Args('expectedVersion', { type: () => Int, description: 'Phiên bản của bảng điểm đã đọc (lỗi CONFLICT nếu đã có người sửa trước).' })
    expectedVersion: number,
    @Args('decision', { type: () => ReviewDecisionEnum, description: 'Chấp nhận hoặc trả lại.' }) decision: ReviewDecision,
    @Args('reason', { type: () => String, nullable: true, description: 'Lý do, bắt buộc khi trả lại (tối đa 2000 ký tự).' })
    reason?: string,
  ): Promise<ScoreSheetView> {
    return this.scoring.decide(ctx, pledgeId, unitId, expectedVersion, decision, reason ?? null);
  }
}
