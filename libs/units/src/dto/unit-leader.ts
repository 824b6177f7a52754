import { ApiProperty } from '@nestjs/swagger';
import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { UnitLeader } from '@danvan/contracts';

/** A leader or contact of a unit, as returned. */
@ObjectType('UnitLeader')
export class UnitLeaderView implements UnitLeader {
  @Field() @ApiProperty({ example: 'Lê Thị Xuân Trang' }) name: string;
  @Field() @ApiProperty({ example: 'Trưởng Ban Dân vận Tỉnh ủy' }) title: string;
  @Field(() => String, { nullable: true }) @ApiProperty({ type: String, nullable: true, required: false }) phone?: string | null;
  @Field(() => String, { nullable: true }) @ApiProperty({ type: String, nullable: true, required: false }) email?: string | null;
}

/** A leader or contact of a unit, as sent. */
@InputType('UnitLeaderInput')
export class UnitLeaderInput implements UnitLeader {
  @Field()
  @ApiProperty({ example: 'Lê Thị Xuân Trang', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120, { message: 'Họ tên không được dài quá 120 ký tự.' })
  name: string;

  @Field()
  @ApiProperty({ example: 'Trưởng Ban Dân vận Tỉnh ủy', maxLength: 160 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(160, { message: 'Chức danh không được dài quá 160 ký tự.' })
  title: string;

  @Field(() => String, { nullable: true })
  @ApiProperty({ type: String, nullable: true, required: false, example: '0271 3879 123' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9 +().-]{6,20}$/, { message: 'Số điện thoại chỉ gồm chữ số, dấu cách và + ( ) . - (6 đến 20 ký tự).' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @ApiProperty({ type: String, nullable: true, required: false })
  @IsOptional()
  @IsEmail()
  email?: string | null;
}
