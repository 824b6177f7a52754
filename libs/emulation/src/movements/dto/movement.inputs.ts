import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MOVEMENT_KINDS, type MovementKind } from '@danvan/contracts';
import { IsLocalDate, LocalDateScalar } from '@danvan/core';
import { IfPresent, Nullable, Text } from '../../shared/input-helpers.js';
import { MOVEMENT_LIST } from '../movement.list.js';
import { MovementKindEnum } from './movement.view.js';

@InputType('CreateMovementInput', { description: 'Một phong trào thi đua mới.' })
export class CreateMovementInput {
  @Field({ description: 'Tên phong trào, tối đa 255 ký tự.' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên phong trào không được để trống.' })
  @MaxLength(255)
  name: string;
  @Field(() => MovementKindEnum, { description: 'Thường xuyên hay theo chuyên đề.' }) @IsIn(MOVEMENT_KINDS) kind: MovementKind;
  @Field(() => ID, { description: 'Đơn vị phát động.' }) @IsUUID('all') launchedByUnitId: string;
  @Field(() => LocalDateScalar, { description: 'Ngày bắt đầu (yyyy-MM-dd).' })
  @IsLocalDate({ message: 'Ngày bắt đầu phải là ngày hợp lệ dạng yyyy-MM-dd.' })
  startsOn: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Ngày kết thúc, tính cả ngày này (yyyy-MM-dd); không trước ngày bắt đầu.' })
  @Nullable()
  @IsLocalDate({ message: 'Ngày kết thúc phải là ngày hợp lệ dạng yyyy-MM-dd.' })
  endsOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Mô tả, tối đa 4000 ký tự.' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(4000)
  description?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Văn bản làm căn cứ (trong sổ văn bản).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  legalBasisIds?: string[];
}

@InputType('UpdateMovementInput', { description: 'Sửa phong trào: trường bỏ trống giữ nguyên, null xóa giá trị không bắt buộc.' })
export class UpdateMovementInput {
  @Field({ nullable: true, description: 'Tên phong trào, tối đa 255 ký tự.' })
  @IfPresent()
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên phong trào không được để trống.' })
  @MaxLength(255)
  name?: string;
  @Field(() => MovementKindEnum, { nullable: true, description: 'Thường xuyên hay theo chuyên đề.' })
  @IfPresent()
  @IsIn(MOVEMENT_KINDS)
  kind?: MovementKind;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Ngày bắt đầu (yyyy-MM-dd).' })
  @IfPresent()
  @IsLocalDate({ message: 'Ngày bắt đầu phải là ngày hợp lệ dạng yyyy-MM-dd.' })
  startsOn?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Ngày kết thúc (yyyy-MM-dd); null: chưa định.' })
  @Nullable()
  @IsLocalDate({ message: 'Ngày kết thúc phải là ngày hợp lệ dạng yyyy-MM-dd.' })
  endsOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Mô tả, tối đa 4000 ký tự; null để xóa.' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(4000)
  description?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Văn bản làm căn cứ (tối đa 20); danh sách mới thay danh sách cũ.' })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  legalBasisIds?: string[];
}

/** GraphQL movements(options) (generated from the list declaration, movement.list.ts). */
export const MovementListOptions = MOVEMENT_LIST.Options;
export type MovementListOptions = InstanceType<typeof MovementListOptions>;
