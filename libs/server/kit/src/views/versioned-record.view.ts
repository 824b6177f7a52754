import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';

/**
 * The version and timestamps every versioned record shows (GraphQL fields and OpenAPI properties,
 * all required): a view extends it instead of declaring them again. The version is what If-Match
 * and `expectedVersion` send back (see versioned-writes/).
 */
@ObjectType({ isAbstract: true })
export abstract class VersionedRecordView {
  @Field(() => Int, {
    description: 'Phiên bản, tăng sau mỗi lần sửa; gửi lại (expectedVersion) khi sửa để phát hiện sửa đồng thời.',
  })
  @ApiProperty({ example: 1 })
  version: number;
  @Field({ description: 'Thời điểm tạo bản ghi (ISO 8601, UTC).' }) @ApiProperty() createdAt: Date;
  @Field({ description: 'Thời điểm sửa gần nhất (ISO 8601, UTC).' }) @ApiProperty() updatedAt: Date;
}
