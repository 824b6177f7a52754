import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { MaxItems } from '@danvan/core';

/**
 * The `allowedActions` field of a view, on GraphQL and in the OpenAPI document:
 * the actions (and lifecycle transitions) the caller may take on the record,
 * from the resource's policy (`Policy.allowedActions`). `vocabulary` lists every
 * name the resource can offer, so clients can switch on them.
 */
export function AllowedActionsField(vocabulary: readonly string[]): PropertyDecorator {
  return applyDecorators(
    MaxItems(vocabulary.length),
    Field(() => [String], {
      description: `Thao tác bạn được thực hiện trên bản ghi này lúc đọc (theo quy tắc truy cập và bước hiện tại): ${vocabulary.join(', ')}.`,
    }),
    ApiProperty({
      type: String,
      isArray: true,
      enum: [...vocabulary],
      maxItems: vocabulary.length,
      description: 'Thao tác người gọi được thực hiện trên bản ghi này lúc đọc (theo quy tắc truy cập và bước hiện tại).',
    }),
  );
}
