import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, ParseIdPipe, RequestContext, RequirePermission } from '@danvan/core';
import { BLOC_POLICY } from '../bloc.policy.js';
import { BlocService } from '../bloc.service.js';
import { BlocListOptions, CreateBlocInput, UpdateBlocInput } from '../dto/bloc.inputs.js';
import { BlocView } from '../dto/bloc.view.js';
import type { GraphqlPage } from '@danvan/kit';
import { BLOC_LIST } from '../bloc.list.js';

/** GraphQL page type of the list (built here, before the schema is: a type made lazily is not registered). */
const BlocList = BLOC_LIST.graphqlPage(BlocView);

const ID_ARG = { type: () => ID };
const VERSION_ARG = { type: () => Int, description: 'Phiên bản đã đọc (lỗi CONFLICT nếu đã có người sửa trước).' };

/** GraphQL of emulation blocs. */
@Resolver(() => BlocView)
@RequirePermission(BLOC_POLICY.readPermission)
export class BlocResolver {
  constructor(private readonly blocService: BlocService) {}

  @Query(() => BlocView, { description: 'Một khối thi đua (trong phạm vi: đơn vị quản lý hoặc thành viên).' })
  bloc(
    @Ctx() ctx: RequestContext,
    @Args('id', { ...ID_ARG, description: 'Mã định danh của khối (UUID).' }, ParseIdPipe) id: string,
  ): Promise<BlocView> {
    return this.blocService.get(ctx, id);
  }

  @Query(() => BlocList, {
    description: 'Khối thi đua trong phạm vi của bạn: lọc theo năm, thành viên; tìm không dấu.',
  })
  blocs(
    @Ctx() ctx: RequestContext,
    @Args('options', { type: () => BlocListOptions, nullable: true, description: 'Lọc và phân trang (mặc định: trang 1, 20 khối).' })
    options?: BlocListOptions,
  ): Promise<GraphqlPage<BlocView>> {
    return this.blocService.list(ctx, options ?? {});
  }

  @RequirePermission(BLOC_POLICY.createPermission)
  @Mutation(() => BlocView, { description: 'Lập khối thi đua của một năm, với thành viên, trưởng khối, phó khối.' })
  createBloc(@Ctx() ctx: RequestContext, @Args('input', { description: 'Khối thi đua mới.' }) input: CreateBlocInput): Promise<BlocView> {
    return this.blocService.create(ctx, input);
  }

  @RequirePermission(BLOC_POLICY.permission('update'))
  @Mutation(() => BlocView, { description: 'Sửa khối thi đua: tên, thành viên, trưởng khối, phó khối, phong trào.' })
  updateBloc(
    @Ctx() ctx: RequestContext,
    @Args('id', { ...ID_ARG, description: 'Mã định danh của khối (UUID).' }, ParseIdPipe) id: string,
    @Args('expectedVersion', VERSION_ARG) expectedVersion: number,
    @Args('input', { description: 'Các trường cần sửa.' }) input: UpdateBlocInput,
  ): Promise<BlocView> {
    return this.blocService.update(ctx, id, expectedVersion, input);
  }
}
