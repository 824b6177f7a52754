import { ApiProperty } from '@nestjs/swagger';
import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { UnitLeader } from '@danvan/contracts';

/** A leader or contact of a unit, as returned. */
@ObjectType('UnitLeader', { description: 'Một lãnh đạo hoặc đầu mối liên hệ của đơn vị.' })
export class UnitLeaderView implements UnitLeader {
  @Field({ description: 'Họ và tên.' }) @ApiProperty({ example: 'Lê Thị Xuân Trang' }) name: string;
  @Field({ description: 'Chức danh, ví dụ "Trưởng Ban Dân vận Tỉnh ủy".' })
  @ApiProperty({ example: 'Trưởng Ban Dân vận Tỉnh ủy' })
  title: string;
  @Field(() => String, { nullable: true, description: 'Số điện thoại, nếu có.' })
  @ApiProperty({ type: String, nullable: true, required: false })
  phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Thư điện tử, nếu có.' })
  @ApiProperty({ type: String, nullable: true, required: false })
  email?: string | null;
}

/** A leader or contact of a unit, as sent. */
@InputType('UnitLeaderInput', { description: 'Một lãnh đạo hoặc đầu mối liên hệ của đơn vị.' })
export class UnitLeaderInput implements UnitLeader {
  @Field({ description: 'Họ và tên, tối đa 120 ký tự.' })
  @ApiProperty({ example: 'Lê Thị Xuân Trang', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120, { message: 'Họ tên không được dài quá 120 ký tự.' })
  name: string;

  @Field({ description: 'Chức danh, tối đa 160 ký tự, ví dụ "Trưởng Ban Dân vận Tỉnh ủy".' })
  @ApiProperty({ example: 'Trưởng Ban Dân vận Tỉnh ủy', maxLength: 160 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(160, { message: 'Chức danh không được dài quá 160 ký tự.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Số điện thoại: chữ số, dấu cách và + ( ) . - (6 đến 20 ký tự).' })
  @ApiProperty({ type: String, nullable: true, required: false, example: '0271 3879 123' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9 +().-]{6,20}$/, { message: 'Số điện thoại chỉ gồm chữ số, dấu cách và + ( ) . - (6 đến 20 ký tự).' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Thư điện tử (địa chỉ hợp lệ).' })
  @ApiProperty({ type: String, nullable: true, required: false })
  @IsOptional()
  @IsEmail()
  email?: string | null;
}
