import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Ctx, DomainError, ParseIdPipe, RequirePermission, RequestContext, type GraphQLRequestContext } from '@danvan/core';
import { ancestorIds } from '../domain/unit-path.js';
import { CreateUnitInput } from '../dto/create-unit.input.js';
import { UnitListOptions } from '../dto/unit-list.options.js';
import { UnitView } from '../dto/unit.view.js';
import { UpdateUnitInput } from '../dto/update-unit.input.js';
import { UnitService } from '../unit.service.js';
import { DeletedUnit } from './unit-list.type.js';
import { UNIT_POLICY } from '../unit.policy.js';
import type { GraphqlPage } from '@danvan/kit';
import { UNIT_LIST } from '../unit.list.js';

/** GraphQL page type of the list (built here, before the schema is: a type made lazily is not registered). */
const UnitList = UNIT_LIST.graphqlPage(UnitView);

const MAX_CHILDREN = 500;

/** The unit as GraphQL answers it: with what the caller may do to it (UNIT_POLICY). */
function withActions(ctx: RequestContext, unit: UnitView): UnitView {
  return { ...unit, allowedActions: UNIT_POLICY.allowedActions(ctx, unit) };
}

/**
 * GraphQL over UnitService. Relations go through per-request DataLoaders so a
 * page of units costs a fixed number of statements whatever its size.
 */
@Resolver(() => UnitView)
@RequirePermission(UNIT_POLICY.readPermission)
export class UnitResolver {
  constructor(private readonly unitService: UnitService) {}

  @Query(() => UnitView, { nullable: true, description: 'Một đơn vị theo mã định danh (lỗi NOT_FOUND nếu không có).' })
  async unit(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Mã định danh của đơn vị (UUID).' }, ParseIdPipe) id: string,
  ): Promise<UnitView> {
    return withActions(ctx, await this.unitService.get(ctx, id));
  }

  @Query(() => UnitList, { description: 'Danh sách đơn vị có phân trang, sắp xếp, lọc và tìm kiếm không dấu.' })
  async units(
    @Ctx() ctx: RequestContext,
    @Args('options', {
      type: () => UnitListOptions,
      nullable: true,
      description: 'Lọc, sắp xếp và phân trang (mặc định: trang 1, 20 đơn vị, theo tên).',
    })
    options?: UnitListOptions,
  ): Promise<GraphqlPage<UnitView>> {
    const page = await this.unitService.list(ctx, options ?? {});
    return { ...page, items: page.items.map((unit) => withActions(ctx, unit)) };
  }

  @RequirePermission(UNIT_POLICY.createPermission)
  @Mutation(() => UnitView, { description: 'Tạo đơn vị mới trong phạm vi của bạn (cấp phải hợp với đơn vị cấp trên).' })
  async createUnit(@Ctx() ctx: RequestContext, @Args('input', { description: 'Đơn vị mới.' }) input: CreateUnitInput): Promise<UnitView> {
    return withActions(ctx, await this.unitService.create(ctx, input));
  }

  @RequirePermission(UNIT_POLICY.permission('update'))
  @Mutation(() => UnitView, { description: 'Sửa đơn vị; expectedVersion là phiên bản đã đọc (lỗi CONFLICT nếu đã có người sửa trước).' })
  async updateUnit(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Mã định danh của đơn vị cần sửa (UUID).' }, ParseIdPipe) id: string,
    @Args('expectedVersion', { type: () => Int, description: 'Phiên bản đã đọc (lỗi CONFLICT nếu đã có người sửa trước).' })
    expectedVersion: number,
    @Args('input', { description: 'Các trường cần sửa.' }) input: UpdateUnitInput,
  ): Promise<UnitView> {
    return withActions(ctx, await this.unitService.update(ctx, id, expectedVersion, input));
  }

  @RequirePermission(UNIT_POLICY.permission('delete'))
  @Mutation(() => DeletedUnit, { description: 'Xóa đơn vị chưa được dữ liệu nào tham chiếu; nếu không, hãy kết thúc hiệu lực của đơn vị.' })
  deleteUnit(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Mã định danh của đơn vị cần xóa (UUID).' }, ParseIdPipe) id: string,
    @Args('expectedVersion', { type: () => Int, nullable: true, description: 'Phiên bản đã đọc; nếu gửi mà không khớp: lỗi CONFLICT.' })
    expectedVersion?: number,
  ): Promise<DeletedUnit> {
    return this.unitService.remove(ctx, id, expectedVersion ?? null);
  }

  @ResolveField(() => UnitView, { nullable: true, description: 'Đơn vị cấp trên trực tiếp.' })
  parent(@Ctx() ctx: RequestContext, @Parent() unit: UnitView, @Context() gql: GraphQLRequestContext): Promise<UnitView | null> {
    return unit.parentId ? this.byId(ctx, gql).load(unit.parentId) : Promise.resolve(null);
  }

  @ResolveField(() => [UnitView], { description: 'Chuỗi đơn vị cấp trên, từ gốc xuống đến đơn vị cấp trên trực tiếp.' })
  async ancestors(@Ctx() ctx: RequestContext, @Parent() unit: UnitView, @Context() gql: GraphQLRequestContext): Promise<UnitView[]> {
    return presentOnly(await this.byId(ctx, gql).loadMany(ancestorIds(unit.path)));
  }

  @ResolveField(() => [UnitView], { description: 'Các đơn vị kế thừa (khi hợp nhất, chia tách).' })
  async successors(@Ctx() ctx: RequestContext, @Parent() unit: UnitView, @Context() gql: GraphQLRequestContext): Promise<UnitView[]> {
    return presentOnly(await this.byId(ctx, gql).loadMany(unit.successorIds));
  }

  @ResolveField(() => [UnitView], {
    description: `Các đơn vị trực thuộc trực tiếp, theo tên (tối đa "limit"; dùng units(filter: {parentId}) để phân trang).`,
  })
  children(
    @Ctx() ctx: RequestContext,
    @Parent() unit: UnitView,
    @Context() gql: GraphQLRequestContext,
    @Args('limit', { type: () => Int, defaultValue: 100, description: 'Số đơn vị trực thuộc tối đa trả về, từ 1 đến 500.' }) limit: number,
  ): Promise<UnitView[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CHILDREN) {
      throw DomainError.validation([{ field: 'limit', code: 'max', message: `limit phải từ 1 đến ${MAX_CHILDREN}.` }]);
    }
    const loader = gql.loaders.get(
      `unit.children:${limit}`,
      () =>
        new DataLoader<string, UnitView[]>(async (parentIds) => {
          const children = (await this.unitService.findChildren(ctx, parentIds, limit)).map((child) => withActions(ctx, child));
          return parentIds.map((id) => children.filter((child) => child.parentId === id));
        }),
    );
    return loader.load(unit.id);
  }

  private byId(ctx: RequestContext, gql: GraphQLRequestContext): DataLoader<string, UnitView | null> {
    return gql.loaders.get(
      'unit.byId',
      () =>
        new DataLoader<string, UnitView | null>(async (ids) => {
          const found = new Map((await this.unitService.findByIds(ctx, ids)).map((u) => [u.id, withActions(ctx, u)]));
          return ids.map((id) => found.get(id) ?? null);
        }),
    );
  }
}

function presentOnly(values: Array<UnitView | null | Error>): UnitView[] {
  return values.filter((v): v is UnitView => v !== null && !(v instanceof Error));
}
