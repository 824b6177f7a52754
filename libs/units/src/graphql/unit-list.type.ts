import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { UnitView } from '../dto/unit.view.js';
import { TOTAL_IS_EXACT_DESCRIPTION } from '@danvan/core';

@ObjectType('UnitList', { description: 'Một trang đơn vị và tổng số đơn vị khớp điều kiện.' })
export class UnitList {
  @Field(() => [UnitView], { description: 'Các đơn vị của trang.' }) items: UnitView[];
  @Field(() => Int, { description: 'Tổng số đơn vị khớp điều kiện (mọi trang; một cận dưới khi totalIsExact là false).' })
  totalItems: number;
  @Field(() => Boolean, { description: TOTAL_IS_EXACT_DESCRIPTION }) totalIsExact: boolean;
}

@ObjectType('DeletedUnit', { description: 'Đơn vị vừa bị xóa (chỉ còn mã định danh).' })
export class DeletedUnit {
  @Field(() => ID, { description: 'Mã định danh (UUID) của đơn vị đã xóa.' }) id: string;
}
