import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { UnitView } from '../dto/unit.view.js';
import { TOTAL_IS_EXACT_DESCRIPTION } from '@danvan/core';

@ObjectType('UnitList', { description: 'Một trang đơn vị và tổng số đơn vị khớp điều kiện.' })
export class UnitList {
  @Field(() => [UnitView]) items: UnitView[];
  @Field(() => Int) totalItems: number;
  @Field(() => Boolean, { description: TOTAL_IS_EXACT_DESCRIPTION }) totalIsExact: boolean;
}

@ObjectType('DeletedUnit')
export class DeletedUnit {
  @Field(() => ID) id: string;
}
