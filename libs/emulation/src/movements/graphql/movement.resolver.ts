import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, ParseIdPipe, RequestContext, RequirePermission } from '@danvan/core';
import { CreateMovementInput, MovementListOptions, UpdateMovementInput } from '../dto/movement.inputs.js';
import { MovementView } from '../dto/movement.view.js';
import { MOVEMENT_POLICY } from '../movement.policy.js';
import { MovementService } from '../movement.service.js';
import type { GraphqlPage } from '@danvan/kit';
import { MOVEMENT_LIST } from '../movement.list.js';

/** GraphQL page type of the list (built here, before the schema is: a type made lazily is not registered). */
const MovementList = MOVEMENT_LIST.graphqlPage(MovementView);

const ID_ARG = { type: () => ID };
const VERSION_ARG = { type: () => Int, description: 'Phiên bản đã đọc (lỗi CONFLICT nếu đã có người sửa trước).' };

/** GraphQL of emulation movements. */
@Resolver(() => MovementView)
@RequirePermission(MOVEMENT_POLICY.readPermission)
export class MovementResolver {
  constructor(private readonly movementService: MovementService) {}

  @Query(() => MovementView, { description: 'Một phong trào thi đua.' })
  movement(
    @Ctx() ctx: RequestContext,
    @Args('id', { ...ID_ARG, description: 'Mã định danh của phong trào (UUID).' }, ParseIdPipe) id: string,
  ): Promise<MovementView> {
    return this.movementService.get(ctx, id);
  }

  @Query(() => MovementList, {
    description: 'Phong trào thi đua: lọc theo loại, ngày đang diễn ra; tìm không dấu.',
  })
  movements(
    @Ctx() ctx: RequestContext,
    @Args('options', {
      type: () => MovementListOptions,
      nullable: true,
      description: 'Lọc và phân trang (mặc định: trang 1, 20 phong trào).',
    })
    options?: MovementListOptions,
  ): Promise<GraphqlPage<MovementView>> {
    return this.movementService.list(ctx, options ?? {});
  }

  @RequirePermission(MOVEMENT_POLICY.createPermission)
  @Mutation(() => MovementView, { description: 'Phát động phong trào thi đua.' })
  createMovement(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'Phong trào mới.' }) input: CreateMovementInput,
  ): Promise<MovementView> {
    return this.movementService.create(ctx, input);
  }

  @RequirePermission(MOVEMENT_POLICY.permission('update'))
  @Mutation(() => MovementView, { description: 'Sửa phong trào thi đua (chỉ đơn vị phát động hoặc cấp trên).' })
  updateMovement(
    @Ctx() ctx: RequestContext,
    @Args('id', { ...ID_ARG, description: 'Mã định danh của phong trào (UUID).' }, ParseIdPipe) id: string,
    @Args('expectedVersion', VERSION_ARG) expectedVersion: number,
    @Args('input', { description: 'Các trường cần sửa.' }) input: UpdateMovementInput,
  ): Promise<MovementView> {
    return this.movementService.update(ctx, id, expectedVersion, input);
  }
}
