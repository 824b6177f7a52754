import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { BLOC_LIMITS } from '@danvan/contracts';
import { IsLocalDate, LocalDateScalar } from '@danvan/core';
import { PLEDGE_LIST } from '../pledge.list.js';

import { IfPresent, Nullable, Text } from '../../shared/input-helpers.js';

import { CriteriaSetInput } from './criteria-set.inputs.js';

@InputType('CreatePledgeInput', { description: 'Một giao ước thi đua mới (dự thảo) cho một khối.' })
export class CreatePledgeInput {
  @Field(() => ID, { description: 'Khối thi đua (mỗi khối có nhiều nhất một giao ước).' }) @IsUUID('all') blocId: string;
  @Field({ description: 'Tên giao ước, tối đa 500 ký tự.' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên giao ước không được để trống.' })
  @MaxLength(500)
  title: string;
  @Field(() => [ID], { nullable: true, description: 'Văn bản trích dẫn (kế hoạch, hướng dẫn …).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  documentIds?: string[];
  @Field(() => Int, { nullable: true, description: 'Số nhiệm vụ đột phá tối thiểu mỗi đơn vị đăng ký (0 đến 20).' })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(20)
  breakthroughMin?: number | null;
  @Field(() => Int, { nullable: true, description: 'Số nhiệm vụ đột phá tối đa (0 đến 20, không nhỏ hơn số tối thiểu).' })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(20)
  breakthroughMax?: number | null;
  @Field(() => CriteriaSetInput, { nullable: true, description: 'Bảng tiêu chí phiên bản 1 (có thể lưu sau bằng setPledgeCriteria).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CriteriaSetInput)
  criteria?: CriteriaSetInput;
}

@InputType('UpdatePledgeInput', { description: 'Sửa giao ước: trường bỏ trống giữ nguyên.' })
export class UpdatePledgeInput {
  @Field({ nullable: true, description: 'Tên giao ước, tối đa 500 ký tự.' })
  @IfPresent()
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên giao ước không được để trống.' })
  @MaxLength(500)
  title?: string;
  @Field(() => [ID], { nullable: true, description: 'Văn bản trích dẫn (tối đa 20); danh sách mới thay danh sách cũ.' })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  documentIds?: string[];
  @Field(() => Int, { nullable: true, description: 'Số nhiệm vụ đột phá tối thiểu (0 đến 20); null để bỏ.' })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(20)
  breakthroughMin?: number | null;
  @Field(() => Int, { nullable: true, description: 'Số nhiệm vụ đột phá tối đa (0 đến 20); null để bỏ.' })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(20)
  breakthroughMax?: number | null;
}

@InputType('SignPledgeInput', { description: 'Ký kết: ngày, sự kiện, nơi ký và các đơn vị ký (thành viên của khối).' })
export class SignPledgeInput {
  @Field(() => LocalDateScalar, { description: 'Ngày ký (yyyy-MM-dd).' })
  @IsLocalDate({ message: 'Ngày ký phải là ngày hợp lệ dạng yyyy-MM-dd.' })
  signedOn: string;
  @Field({ description: 'Sự kiện ký kết, tối đa 500 ký tự, ví dụ "Hội nghị tổng kết năm".' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Hãy ghi sự kiện ký kết.' })
  @MaxLength(500)
  signingEvent: string;
  @Field(() => String, { nullable: true, description: 'Nơi ký, tối đa 255 ký tự.' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(255)
  signingPlace?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Mặc định: mọi thành viên của khối.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BLOC_LIMITS.membersMax)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  signatoryIds?: string[];
}

/** GraphQL pledges(options). */
export const PledgeListOptions = PLEDGE_LIST.Options;
export type PledgeListOptions = InstanceType<typeof PledgeListOptions>;

/** Query string of GET /api/v1/pledges. */
export const PledgeListQuery = PLEDGE_LIST.RestQuery;
export type PledgeListQuery = InstanceType<typeof PledgeListQuery>;
