import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { BLOC_LIMITS, PLEDGE_STATUS_LABELS, PLEDGE_STATUSES, type PledgeStatus } from '@danvan/contracts';
import { describedBy, LocalDateScalar, MaxItems } from '@danvan/core';
import { AllowedActionsField, VersionedRecordView } from '@danvan/kit';
import { DocumentRef, UnitRef } from '../../shared/refs.view.js';
import { PLEDGE_POLICY } from '../pledge.policy.js';

import { CriteriaSetView } from './criteria-set.view.js';

export const PledgeStatusEnum = Object.fromEntries(PLEDGE_STATUSES.map((s) => [s, s])) as Record<PledgeStatus, PledgeStatus>;
registerEnumType(PledgeStatusEnum, {
  name: 'PledgeStatus',
  description: 'Dự thảo → đã ký kết → đăng ký chỉ tiêu → tự chấm điểm → thẩm định → tổng kết.',
  valuesMap: describedBy(PLEDGE_STATUS_LABELS),
});

@ObjectType('Pledge', { description: 'Giao ước thi đua của một khối trong một năm.' })
export class PledgeView extends VersionedRecordView {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field(() => ID, { description: 'Khối thi đua của giao ước.' }) @ApiProperty({ format: 'uuid' }) blocId: string;
  @Field({ description: 'Tên khối thi đua.' }) @ApiProperty() blocName: string;
  @Field(() => Int, { description: 'Năm thi đua (năm của khối).' }) @ApiProperty({ example: 2024 }) year: number;
  @Field({ description: 'Tên giao ước.' }) @ApiProperty() title: string;
  @Field(() => PledgeStatusEnum, { description: 'Bước hiện tại của giao ước.' })
  @ApiProperty({ enum: PLEDGE_STATUSES })
  status: PledgeStatus;
  @Field({ description: 'Tên bước hiện tại.' }) @ApiProperty({ example: 'Đã ký kết' }) statusLabel: string;
  @Field(() => Int, { nullable: true, description: 'Số nhiệm vụ đột phá tối thiểu mỗi đơn vị đăng ký.' })
  @ApiProperty({ type: Number, nullable: true })
  breakthroughMin: number | null;
  @Field(() => Int, { nullable: true, description: 'Số nhiệm vụ đột phá tối đa mỗi đơn vị đăng ký.' })
  @ApiProperty({ type: Number, nullable: true })
  breakthroughMax: number | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Ngày ký kết (yyyy-MM-dd); null: chưa ký.' })
  @ApiProperty({ type: String, format: 'date', nullable: true })
  signedOn: string | null;
  @Field(() => String, { nullable: true, description: 'Sự kiện ký kết (ví dụ Hội nghị tổng kết năm).' })
  @ApiProperty({ type: String, nullable: true })
  signingEvent: string | null;
  @Field(() => String, { nullable: true, description: 'Nơi ký kết.' }) @ApiProperty({ type: String, nullable: true }) signingPlace:
    string | null;
  @MaxItems(20)
  @Field(() => [DocumentRef], { description: 'Văn bản trích dẫn (kế hoạch, hướng dẫn …).' })
  @ApiProperty({ type: [DocumentRef] })
  documents: DocumentRef[];
  @MaxItems(BLOC_LIMITS.membersMax)
  @Field(() => [UnitRef], { description: 'Đơn vị ký giao ước.' })
  @ApiProperty({ type: [UnitRef] })
  signatories: UnitRef[];
  @Field(() => CriteriaSetView, { nullable: true, description: 'Phiên bản hiện hành của bảng tiêu chí.' })
  @ApiProperty({ type: CriteriaSetView, nullable: true })
  criteriaSet: CriteriaSetView | null;
  @AllowedActionsField(PLEDGE_POLICY.vocabulary)
  allowedActions: string[];
  ownerPath: string;
}

@ObjectType('PledgeProgress', {
  description: 'Tiến độ giao ước: ai chưa đăng ký chỉ tiêu, ai chưa nộp bảng điểm, bao nhiêu bảng đã thẩm định xong.',
})
export class PledgeProgressView {
  @Field(() => Int, { description: 'Số đơn vị ký giao ước.' }) @ApiProperty() signatories: number;
  @Field(() => Int, { description: 'Số đơn vị đã đăng ký chỉ tiêu.' }) @ApiProperty() registered: number;
  @MaxItems(BLOC_LIMITS.membersMax)
  @Field(() => [UnitRef], { description: 'Đơn vị chưa đăng ký chỉ tiêu.' })
  @ApiProperty({ type: [UnitRef] })
  notRegistered: UnitRef[];
  @Field(() => Int, { description: 'Đơn vị đã nộp bảng tự chấm điểm.' }) @ApiProperty() submitted: number;
  @MaxItems(BLOC_LIMITS.membersMax)
  @Field(() => [UnitRef], { description: 'Đơn vị chưa nộp bảng tự chấm điểm.' })
  @ApiProperty({ type: [UnitRef] })
  notSubmitted: UnitRef[];
  @Field(() => Int, { description: 'Bảng điểm đã thẩm định xong.' }) @ApiProperty() accepted: number;
}
