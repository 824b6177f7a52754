import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { MaxItems } from '@danvan/core';
import { VersionedRecordView } from '@danvan/kit';
import { UnitRef } from '../../shared/refs.view.js';

@ObjectType('RegistrationTarget', { description: 'Một chỉ tiêu đơn vị đăng ký thực hiện trong năm.' })
export class RegistrationTargetView {
  @Field({ description: 'Nội dung chỉ tiêu.' }) @ApiProperty({ example: 'Xây dựng 5 mô hình "Dân vận khéo"' }) title: string;
  @Field(() => String, { nullable: true, description: 'Chỉ tiêu đo được (số lượng, tỉ lệ …).' })
  @ApiProperty({ type: String, nullable: true })
  measure: string | null;
}

@ObjectType('PledgeRegistration', { description: 'Đăng ký chỉ tiêu, nhiệm vụ đột phá của một đơn vị ký giao ước.' })
export class RegistrationView extends VersionedRecordView {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field(() => ID, { description: 'Giao ước của đăng ký.' }) @ApiProperty({ format: 'uuid' }) pledgeId: string;
  @Field(() => UnitRef, { description: 'Đơn vị đăng ký.' }) @ApiProperty({ type: UnitRef }) unit: UnitRef;
  @MaxItems(50)
  @Field(() => [RegistrationTargetView], { description: 'Các chỉ tiêu đã đăng ký.' })
  @ApiProperty({ type: [RegistrationTargetView] })
  targets: RegistrationTargetView[];
  @MaxItems(20) @Field(() => [String], { description: 'Nhiệm vụ đột phá.' }) @ApiProperty({ type: [String] }) breakthroughTasks: string[];
}
