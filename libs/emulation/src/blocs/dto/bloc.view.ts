import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { BLOC_LIMITS } from '@danvan/contracts';
import { MaxItems } from '@danvan/core';
import { AllowedActionsField, VersionedRecordView } from '@danvan/kit';
import { UnitRef } from '../../shared/refs.view.js';
import { BLOC_POLICY } from '../bloc.policy.js';

@ObjectType('EmulationBloc', { description: 'Khối, cụm thi đua của một năm.' })
export class BlocView extends VersionedRecordView {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field(() => Int, { description: 'Năm thi đua của khối.' }) @ApiProperty({ example: 2024 }) year: number;
  @Field({ description: 'Tên khối, cụm thi đua.' }) @ApiProperty() name: string;
  @Field(() => UnitRef, { description: 'Đơn vị quản lý khối (thường là Ban Dân vận cấp trên).' })
  @ApiProperty({ type: UnitRef })
  owner: UnitRef;
  @Field(() => ID, { nullable: true, description: 'Phong trào thi đua mà khối tham gia, nếu có.' })
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  movementId: string | null;
  @Field(() => UnitRef, { nullable: true, description: 'Trưởng khối.' })
  @ApiProperty({ type: UnitRef, nullable: true })
  head: UnitRef | null;
  @Field(() => UnitRef, { nullable: true, description: 'Phó khối.' })
  @ApiProperty({ type: UnitRef, nullable: true })
  deputy: UnitRef | null;
  @MaxItems(BLOC_LIMITS.membersMax)
  @Field(() => [UnitRef], { description: 'Đơn vị thành viên, theo tên.' })
  @ApiProperty({ type: [UnitRef] })
  members: UnitRef[];
  @Field(() => ID, { nullable: true, description: 'Giao ước của khối (nếu đã lập).' })
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  pledgeId: string | null;
  @AllowedActionsField(BLOC_POLICY.vocabulary)
  allowedActions: string[];
  ownerPath: string;
}
