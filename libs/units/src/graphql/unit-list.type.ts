import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('DeletedUnit', { description: 'Đơn vị vừa bị xóa (chỉ còn mã định danh).' })
export class DeletedUnit {
  @Field(() => ID, { description: 'Mã định danh (UUID) của đơn vị đã xóa.' }) id: string;
}
