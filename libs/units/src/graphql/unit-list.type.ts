import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { UnitView } from '../dto/unit.view.js';

@ObjectType('UnitList', { description: 'Một trang đơn vị và tổng số đơn vị khớp điều kiện.' })
export class UnitList {
  @Field(() => [UnitView]) items: UnitView[];
  @Field(() => Int) totalItems: number;
}

@ObjectType('DeletedUnit')
export class DeletedUnit {
  @Field(() => ID) id: string;
}
