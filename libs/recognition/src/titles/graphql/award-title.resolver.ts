import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, MaxItems, ParseIdPipe, RequestContext, RequirePermission } from '@danvan/core';
import { AWARD_TITLE_POLICY } from '../award-title.policy.js';
import { AwardTitleService } from '../award-title.service.js';
import { RECOGNITION_LIMITS, type AwardEntryKind, type RecipientKind } from '@danvan/contracts';
import { AwardEntryKindEnum, RecipientKindEnum } from '../../dto/recognition-enums.js';
import { CreateAwardTitleInput, UpdateAwardTitleInput } from '../dto/award-title.inputs.js';
import { AwardTitleView } from '../dto/award-title.view.js';
import { ID_ARG, VERSION_ARG } from '../../graphql/args.js';

/** GraphQL of the award catalogue. */
@Resolver(() => AwardTitleView)
@RequirePermission(AWARD_TITLE_POLICY.readPermission)
export class AwardTitleResolver {
  constructor(private readonly titleService: AwardTitleService) {}

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
}
