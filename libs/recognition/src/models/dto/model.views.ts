import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import {
  AWARD_RANKS,
  type AwardRank,
  MODEL_FIELDS,
  MODEL_RECOGNITIONS,
  type ModelField,
  type ModelRecognition,
  RECIPIENT_KINDS,
  type RecipientKind,
  RECOGNITION_LIMITS,
  UNIT_LEVELS,
  type UnitLevel,
} from '@danvan/contracts';
import { LocalDateScalar, MaxItems } from '@danvan/core';
import { AllowedActionsField, VersionedRecordView } from '@danvan/kit';
import { MODEL_POLICY } from '../model.policy.js';
import { UnitLevelEnum } from '@danvan/units';
import { AwardRankEnum, ModelFieldEnum, ModelRecognitionEnum, RecipientKindEnum } from '../../dto/recognition-enums.js';
import { RecognitionDocumentRef, RecognitionUnitRef } from '../../dto/recognition-refs.js';

@ObjectType('ModelResult', { description: 'Một kết quả đo được, ví dụ "Đất hiến làm đường": 4685 m².' })
export class ModelResultView {
  @Field({ description: 'Tên chỉ tiêu kết quả.' }) @ApiProperty({ example: 'Đất hiến làm đường' }) indicator: string;
  @Field(() => Float, { description: 'Giá trị đo được (số không âm, theo đơn vị tính).' }) @ApiProperty({ example: 4685 }) value: number;
  @Field(() => String, { nullable: true, description: 'Đơn vị tính.' }) @ApiProperty({ type: String, nullable: true, example: 'm²' }) unit:
    string | null;
}

@ObjectType('ModelEvidence', { description: 'Minh chứng: mô tả và đường dẫn (nếu có).' })
export class ModelEvidenceView {
  @Field({ description: 'Mô tả minh chứng.' }) @ApiProperty({ example: 'Báo cáo sơ kết mô hình năm 2023' }) description: string;
  @Field(() => String, { nullable: true, description: 'Đường dẫn http(s) tới minh chứng, nếu có.' })
  @ApiProperty({ type: String, nullable: true, example: 'https://example.gov.vn/bao-cao.pdf' })
  url: string | null;
}

@ObjectType('ModelRecognitionChange', { description: 'Một lần thay đổi mức công nhận.' })
export class ModelRecognitionChangeView {
  @Field(() => ModelRecognitionEnum, { description: 'Mức trước khi thay đổi.' })
  @ApiProperty({ enum: MODEL_RECOGNITIONS })
  from: ModelRecognition;
  @Field(() => ModelRecognitionEnum, { description: 'Mức sau khi thay đổi.' })
  @ApiProperty({ enum: MODEL_RECOGNITIONS })
  to: ModelRecognition;
  @Field(() => LocalDateScalar, { description: 'Ngày công nhận (yyyy-MM-dd).' })
  @ApiProperty({ type: String, format: 'date' })
  recognisedOn: string;
  @Field(() => RecognitionDocumentRef, { nullable: true, description: 'Văn bản quyết định, nếu có.' })
  @ApiProperty({ type: RecognitionDocumentRef, nullable: true })
  document: RecognitionDocumentRef | null;
  @Field(() => String, { nullable: true, description: 'Ghi chú (bắt buộc khi hạ mức).' })
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
  @Field({ description: 'Người ghi nhận.' }) @ApiProperty() recordedBy: string;
  @Field({ description: 'Thời điểm ghi nhận (ISO 8601, UTC).' }) @ApiProperty() recordedAt: Date;
}

@ObjectType('ModelAward', { description: 'Khen thưởng gắn với mô hình.' })
export class ModelAwardView {
  @Field(() => ID, { description: 'Mã định danh của khen thưởng (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field({ description: 'Tên danh hiệu hoặc hình thức khen thưởng.' }) @ApiProperty() titleName: string;
  @Field(() => AwardRankEnum, { nullable: true, description: 'Hạng, nếu có.' })
  @ApiProperty({ enum: AWARD_RANKS, nullable: true })
  rank: AwardRank | null;
  @Field(() => Int, { description: 'Năm thành tích.' }) @ApiProperty() year: number;
  @Field(() => LocalDateScalar, { description: 'Ngày quyết định (yyyy-MM-dd).' })
  @ApiProperty({ type: String, format: 'date' })
  decidedOn: string;
  @Field({ description: 'Đã bị thu hồi.' }) @ApiProperty() revoked: boolean;
}

@ObjectType('ModelPractice', { description: 'Mô hình, điển hình "Dân vận khéo".' })
export class ModelView extends VersionedRecordView {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field({ description: 'Tên mô hình.' })
  @ApiProperty({ example: 'Vận động nhân dân hiến đất làm đường giao thông nông thôn' })
  name: string;
  @Field(() => RecognitionUnitRef, { description: 'Đơn vị xây dựng, quản lý mô hình.' })
  @ApiProperty({ type: RecognitionUnitRef })
  owner: RecognitionUnitRef;
  @Field(() => RecipientKindEnum, { description: 'Mô hình của tập thể hay cá nhân.' })
  @ApiProperty({ enum: RECIPIENT_KINDS })
  holderKind: RecipientKind;
  @Field(() => String, { nullable: true, description: 'Họ và tên (mô hình cá nhân).' })
  @ApiProperty({ type: String, nullable: true })
  personName: string | null;
  @Field(() => ModelFieldEnum, { description: 'Lĩnh vực.' }) @ApiProperty({ enum: MODEL_FIELDS }) field: ModelField;
  @Field({ description: 'Tên lĩnh vực, ví dụ "Kinh tế".' }) @ApiProperty({ example: 'Kinh tế' }) fieldLabel: string;
  @Field(() => UnitLevelEnum, { description: 'Cấp của mô hình.' }) @ApiProperty({ enum: UNIT_LEVELS }) level: UnitLevel;
  @Field(() => Int, { description: 'Năm bắt đầu.' }) @ApiProperty({ example: 2023 }) firstYear: number;
  @Field(() => Int, { nullable: true, description: 'Năm kết thúc (bỏ trống: còn thực hiện).' })
  @ApiProperty({ type: Number, nullable: true })
  lastYear: number | null;
  @Field(() => ModelRecognitionEnum, { description: 'Mức công nhận hiện tại.' })
  @ApiProperty({ enum: MODEL_RECOGNITIONS })
  recognition: ModelRecognition;
  @Field({ description: 'Tên mức công nhận, ví dụ "Tiêu biểu".' }) @ApiProperty({ example: 'Tiêu biểu' }) recognitionLabel: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Ngày công nhận mức hiện tại.' })
  @ApiProperty({ type: String, format: 'date', nullable: true })
  recognisedOn: string | null;
  @Field(() => RecognitionDocumentRef, { nullable: true, description: 'Văn bản công nhận mức hiện tại.' })
  @ApiProperty({ type: RecognitionDocumentRef, nullable: true })
  recognitionDocument: RecognitionDocumentRef | null;
  @Field(() => String, { nullable: true, description: 'Mô tả mô hình: cách làm, đối tượng, hiệu quả.' })
  @ApiProperty({ type: String, nullable: true })
  description: string | null;
  @MaxItems(RECOGNITION_LIMITS.resultsMax)
  @Field(() => [ModelResultView], { description: 'Kết quả đo được.' })
  @ApiProperty({ type: [ModelResultView] })
  results: ModelResultView[];
  @MaxItems(RECOGNITION_LIMITS.evidenceMax)
  @Field(() => [ModelEvidenceView], { description: 'Minh chứng.' })
  @ApiProperty({ type: [ModelEvidenceView] })
  evidence: ModelEvidenceView[];
  @MaxItems(20)
  @Field(() => [ModelRecognitionChangeView], { description: 'Các lần thay đổi mức công nhận, cũ trước.' })
  @ApiProperty({ type: [ModelRecognitionChangeView] })
  recognitionHistory: ModelRecognitionChangeView[];
  @MaxItems(50)
  @Field(() => [ModelAwardView], { description: 'Khen thưởng gắn với mô hình.' })
  @ApiProperty({ type: [ModelAwardView] })
  awards: ModelAwardView[];
  @AllowedActionsField(MODEL_POLICY.vocabulary)
  allowedActions: string[];
  /** Internal: path of the owning unit (scope of reads, edits and audit). */
  ownerPath: string;
}

// ---------------------------------------------------------------- model counts

@ObjectType({ isAbstract: true })
export class RecognitionSplitView {
  @Field(() => Int, { description: 'Tổng số mô hình.' }) total: number;
  @Field(() => Int, { description: 'Đăng ký (chưa công nhận).' }) registered: number;
  @Field(() => Int, { description: 'Tiêu biểu.' }) typical: number;
  @Field(() => Int, { description: 'Tiêu biểu xuất sắc.' }) excellent: number;
}

@ObjectType('ModelCountByLevel', { description: 'Số mô hình của một cấp, theo mức công nhận.' })
export class ModelCountByLevel extends RecognitionSplitView {
  @Field(() => UnitLevelEnum, { description: 'Cấp của mô hình.' }) level: UnitLevel;
}

@ObjectType('ModelCountByField', { description: 'Số mô hình của một lĩnh vực, theo mức công nhận.' })
export class ModelCountByField extends RecognitionSplitView {
  @Field(() => ModelFieldEnum, { description: 'Lĩnh vực.' }) field: ModelField;
}

@ObjectType('ModelCountByRecognition', { description: 'Số mô hình ở một mức công nhận.' })
export class ModelCountByRecognition {
  @Field(() => ModelRecognitionEnum, { description: 'Mức công nhận.' }) recognition: ModelRecognition;
  @Field(() => Int, { description: 'Số mô hình.' }) count: number;
}

@ObjectType('ModelCounts', {
  description:
    'Số mô hình "Dân vận khéo" đang thực hiện trong một năm, trong cây của một đơn vị: tổng, theo cấp, lĩnh vực và mức công nhận (tính đến hết năm).',
})
export class ModelCountsView extends RecognitionSplitView {
  @Field(() => Int, { description: 'Năm được đếm.' }) year: number;
  @Field(() => RecognitionUnitRef, { nullable: true, description: 'Đơn vị gốc của cây được đếm (bỏ trống: toàn bộ phạm vi của bạn).' })
  withinUnit: RecognitionUnitRef | null;
  @MaxItems(4) @Field(() => [ModelCountByLevel], { description: 'Theo cấp.' }) byLevel: ModelCountByLevel[];
  @MaxItems(4) @Field(() => [ModelCountByField], { description: 'Theo lĩnh vực.' }) byField: ModelCountByField[];
  @MaxItems(3) @Field(() => [ModelCountByRecognition], { description: 'Theo mức công nhận.' }) byRecognition: ModelCountByRecognition[];
  @Field({ description: 'Câu tổng hợp, ví dụ "1.432 mô hình "Dân vận khéo" năm 2023, trong đó 106 tiêu biểu, 9 tiêu biểu xuất sắc."' })
  summary: string;
}
