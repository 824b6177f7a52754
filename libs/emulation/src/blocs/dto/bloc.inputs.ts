import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { BLOC_LIMITS } from '@danvan/contracts';
import { IfPresent, Nullable, Text, YEAR_MESSAGE } from '../../shared/input-helpers.js';
import { BLOC_LIST } from '../bloc.list.js';

@InputType('CreateBlocInput', { description: 'Một khối, cụm thi đua mới của một năm.' })
export class CreateBlocInput {
  @Field(() => Int, { description: 'Năm (từ 1945 đến 2100).' })
  @IsInt({ message: YEAR_MESSAGE })
  @Min(1945, { message: YEAR_MESSAGE })
  @Max(2100, { message: YEAR_MESSAGE })
  year: number;
  @Field({ description: 'Tên khối, tối đa 255 ký tự.' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên khối thi đua không được để trống.' })
  @MaxLength(255)
  name: string;
  @Field(() => ID, { description: 'Đơn vị quản lý khối.' }) @IsUUID('all') ownerUnitId: string;
  @Field(() => ID, { nullable: true, description: 'Phong trào thi đua mà khối tham gia.' }) @Nullable() @IsUUID('all') movementId?:
    string | null;
  @Field(() => [ID], { description: 'Đơn vị thành viên (ít nhất 1, tối đa 200, không trùng).' })
  @IsArray()
  @ArrayMinSize(1, { message: 'Khối thi đua cần ít nhất một đơn vị thành viên.' })
  @ArrayMaxSize(BLOC_LIMITS.membersMax)
  @ArrayUnique({ message: 'Một đơn vị được chọn hai lần.' })
  @IsUUID('all', { each: true })
  memberIds: string[];
  @Field(() => ID, { nullable: true, description: 'Trưởng khối (một thành viên).' }) @Nullable() @IsUUID('all') headUnitId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Phó khối (một thành viên).' }) @Nullable() @IsUUID('all') deputyUnitId?: string | null;
}

@InputType('UpdateBlocInput', { description: 'Sửa khối thi đua: trường bỏ trống giữ nguyên, null xóa giá trị không bắt buộc.' })
export class UpdateBlocInput {
  @Field({ nullable: true, description: 'Tên khối, tối đa 255 ký tự.' })
  @IfPresent()
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên khối thi đua không được để trống.' })
  @MaxLength(255)
  name?: string;
  @Field(() => [ID], { nullable: true, description: 'Đơn vị thành viên (ít nhất 1, tối đa 200); danh sách mới thay danh sách cũ.' })
  @IfPresent()
  @IsArray()
  @ArrayMinSize(1, { message: 'Khối thi đua cần ít nhất một đơn vị thành viên.' })
  @ArrayMaxSize(BLOC_LIMITS.membersMax)
  @ArrayUnique({ message: 'Một đơn vị được chọn hai lần.' })
  @IsUUID('all', { each: true })
  memberIds?: string[];
  @Field(() => ID, { nullable: true, description: 'Trưởng khối (một thành viên); null để bỏ.' }) @Nullable() @IsUUID('all') headUnitId?:
    string | null;
  @Field(() => ID, { nullable: true, description: 'Phó khối (một thành viên); null để bỏ.' }) @Nullable() @IsUUID('all') deputyUnitId?:
    string | null;
  @Field(() => ID, { nullable: true, description: 'Phong trào thi đua; null để bỏ.' }) @Nullable() @IsUUID('all') movementId?:
    string | null;
}

/** GraphQL blocs(options). */
export const BlocListOptions = BLOC_LIST.Options;
export type BlocListOptions = InstanceType<typeof BlocListOptions>;
