import { Field, InputType, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, TOTAL_COUNT_LIMIT } from '@danvan/contracts';

/** Description of a page's `totalIsExact` (REST page schemas and GraphQL list types). */
export const TOTAL_IS_EXACT_DESCRIPTION = `Sai khi có hơn ${TOTAL_COUNT_LIMIT.toLocaleString('vi-VN')} bản ghi khớp điều kiện: khi đó totalItems là ${TOTAL_COUNT_LIMIT.toLocaleString('vi-VN')}, số đã đếm (giới hạn dưới), không phải tổng chính xác.`;

const PAGE_MESSAGE = `Số trang phải là số nguyên từ 1 đến ${MAX_PAGE.toLocaleString('vi-VN')}.`;
const PAGE_SIZE_MESSAGE = `Số bản ghi mỗi trang phải từ 1 đến ${MAX_PAGE_SIZE}.`;

/**
 * Pagination of every list: GraphQL `options` (extend it with an `@InputType`)
 * and REST query strings (extend it with the list's filters; numbers arrive as text).
 */
@InputType({ isAbstract: true })
export class PageOptions {
  @Field(() => Int, { nullable: true, defaultValue: 1, description: `Số trang, từ 1 (tối đa ${MAX_PAGE.toLocaleString('vi-VN')}).` })
  @ApiProperty({ required: false, minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: PAGE_MESSAGE })
  @Min(1, { message: PAGE_MESSAGE })
  @Max(MAX_PAGE, { message: PAGE_MESSAGE })
  page?: number;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `Số bản ghi mỗi trang, từ 1 đến ${MAX_PAGE_SIZE}.` })
  @ApiProperty({ required: false, minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: PAGE_SIZE_MESSAGE })
  @Min(1, { message: PAGE_SIZE_MESSAGE })
  @Max(MAX_PAGE_SIZE, { message: PAGE_SIZE_MESSAGE })
  pageSize?: number;
}
