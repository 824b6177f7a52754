import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import {
  AWARD_ENTRY_KINDS,
  AWARD_RANKS,
  type AwardEntryKind,
  type AwardRank,
  RECIPIENT_KINDS,
  type RecipientKind,
} from '@danvan/contracts';
import { LocalDateScalar } from '@danvan/core';
import { AllowedActionsField, VersionedRecordView } from '@danvan/kit';
import { AWARD_POLICY } from '../award.policy.js';
import { AwardEntryKindEnum, AwardRankEnum, RecipientKindEnum } from '../../dto/recognition-enums.js';
import { RecognitionDocumentRef, RecognitionUnitRef } from '../../dto/recognition-refs.js';

@ObjectType('AwardTitleRef', { description: 'Danh hiệu hoặc hình thức của một khen thưởng.' })
export class AwardTitleRef {
  @Field(() => ID, { description: 'Mã định danh của mục danh mục (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field({ description: 'Mã ổn định, ví dụ CO_THI_DUA_BO_TINH.' }) @ApiProperty() code: string;
  @Field({ description: 'Tên danh hiệu hoặc hình thức.' }) @ApiProperty() name: string;
  @Field(() => AwardEntryKindEnum, { description: 'Danh hiệu thi đua hay hình thức khen thưởng.' })
  @ApiProperty({ enum: AWARD_ENTRY_KINDS })
  kind: AwardEntryKind;
}

@ObjectType('ModelPracticeRef', { description: 'Mô hình "Dân vận khéo" được khen thưởng.' })
export class ModelPracticeRef {
  @Field(() => ID, { description: 'Mã định danh của mô hình (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field({ description: 'Tên mô hình.' }) @ApiProperty() name: string;
}

// ---------------------------------------------------------------- awards

@ObjectType('Award', {
  description:
    'Một khen thưởng: ai được khen (tập thể hoặc cá nhân), danh hiệu/hình thức, hạng, quyết định, đơn vị khen; có thể đã bị thu hồi.',
})
export class AwardView extends VersionedRecordView {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field(() => AwardTitleRef, { description: 'Danh hiệu thi đua hoặc hình thức khen thưởng.' })
  @ApiProperty({ type: AwardTitleRef })
  title: AwardTitleRef;
  @Field(() => RecipientKindEnum, { description: 'Khen tập thể hay cá nhân.' })
  @ApiProperty({ enum: RECIPIENT_KINDS })
  recipientKind: RecipientKind;
  @Field(() => RecognitionUnitRef, { description: 'Đơn vị được khen (tập thể), hoặc đơn vị của cá nhân được khen.' })
  @ApiProperty({ type: RecognitionUnitRef })
  recipientUnit: RecognitionUnitRef;
  @Field(() => String, { nullable: true, description: 'Họ và tên cá nhân được khen.' })
  @ApiProperty({ type: String, nullable: true })
  personName: string | null;
  @Field(() => String, { nullable: true, description: 'Chức vụ của cá nhân được khen.' })
  @ApiProperty({ type: String, nullable: true })
  personPosition: string | null;
  @Field(() => AwardRankEnum, { nullable: true, description: 'Hạng (với danh hiệu có xếp hạng); null: không xếp hạng.' })
  @ApiProperty({ enum: AWARD_RANKS, nullable: true })
  rank: AwardRank | null;
  @Field(() => String, { nullable: true, description: 'Hạng: Nhất, Nhì, Ba.' })
  @ApiProperty({ type: String, nullable: true, example: 'Nhất' })
  rankLabel: string | null;
  @Field(() => RecognitionDocumentRef, { nullable: true, description: 'Quyết định khen thưởng.' })
  @ApiProperty({ type: RecognitionDocumentRef, nullable: true })
  decisionDocument: RecognitionDocumentRef | null;
  @Field(() => RecognitionUnitRef, { description: 'Đơn vị khen thưởng.' })
  @ApiProperty({ type: RecognitionUnitRef })
  issuer: RecognitionUnitRef;
  @Field(() => LocalDateScalar, { description: 'Ngày quyết định.' }) @ApiProperty({ type: String, format: 'date' }) decidedOn: string;
  @Field(() => Int, { description: 'Năm thành tích.' }) @ApiProperty({ example: 2023 }) year: number;
  @Field(() => ID, { nullable: true, description: 'Giao ước thi đua mà khen thưởng này tổng kết.' })
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  pledgeId: string | null;
  @Field(() => ModelPracticeRef, { nullable: true, description: 'Mô hình "Dân vận khéo" được khen, nếu có.' })
  @ApiProperty({ type: ModelPracticeRef, nullable: true })
  model: ModelPracticeRef | null;
  @Field(() => String, { nullable: true, description: 'Thành tích.' }) @ApiProperty({ type: String, nullable: true }) citation:
    string | null;
  @Field({ description: 'Đã bị thu hồi (vẫn được liệt kê).' }) @ApiProperty() revoked: boolean;
  @Field(() => Date, { nullable: true, description: 'Thời điểm thu hồi (ISO 8601, UTC); null: còn hiệu lực.' })
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Người thu hồi.' }) @ApiProperty({ type: String, nullable: true }) revokedBy:
    string | null;
  @Field(() => String, { nullable: true, description: 'Lý do thu hồi.' }) @ApiProperty({ type: String, nullable: true }) revocationReason:
    string | null;
  @AllowedActionsField(AWARD_POLICY.vocabulary)
  allowedActions: string[];
  /** Internal: path of the recipient unit (audit scope). */
  recipientPath: string;
  /** Internal: path of the issuing unit (who may revoke). */
  issuerPath: string;
}
