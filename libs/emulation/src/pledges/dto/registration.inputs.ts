import { Field, InputType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

import { Nullable, Text } from '../../shared/input-helpers.js';

@InputType('RegistrationTargetInput', { description: 'Một chỉ tiêu đăng ký.' })
export class RegistrationTargetInput {
  @Field({ description: 'Nội dung chỉ tiêu, tối đa 500 ký tự.' })
  @ApiProperty({ example: 'Xây dựng 5 mô hình "Dân vận khéo"' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Nội dung chỉ tiêu không được để trống.' })
  @MaxLength(500)
  title: string;
  @Field(() => String, { nullable: true, description: 'Chỉ tiêu đo được (số lượng, tỉ lệ …), tối đa 255 ký tự.' })
  @ApiProperty({ required: false, type: String, nullable: true, example: '5 mô hình' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(255)
  measure?: string | null;
}

/** A unit's targets for the year (REST body of PUT …/registrations/:unitId; GraphQL `registerPledgeTargets`). */
@InputType('RegistrationInput', { description: 'Đăng ký chỉ tiêu, nhiệm vụ đột phá của một đơn vị cho năm của giao ước.' })
export class RegistrationInput {
  @Field(() => [RegistrationTargetInput], { description: 'Các chỉ tiêu (1 đến 50).' })
  @ApiProperty({ type: [RegistrationTargetInput] })
  @IsArray()
  @ArrayMinSize(1, { message: 'Hãy đăng ký ít nhất một chỉ tiêu.' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RegistrationTargetInput)
  targets: RegistrationTargetInput[];
  @Field(() => [String], { defaultValue: [], description: 'Nhiệm vụ đột phá (số lượng theo giao ước, ví dụ 3 đến 5).' })
  @ApiProperty({
    required: false,
    type: [String],
    example: ['Chuyển đổi số công tác dân vận', 'Nâng cao chất lượng đối thoại', 'Xây dựng tổ tự quản'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'Nhiệm vụ đột phá không được để trống.' })
  @MaxLength(500, { each: true })
  breakthroughTasks?: string[];
}
