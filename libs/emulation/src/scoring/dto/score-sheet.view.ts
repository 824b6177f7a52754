import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import {
  CRITERIA_LIMITS,
  EVIDENCE_LIMITS,
  SCORE_SHEET_STATUS_LABELS,
  SCORE_SHEET_STATUSES,
  type ScoreSheetStatus,
} from '@danvan/contracts';
import { describedBy, MaxItems } from '@danvan/core';
import { AllowedActionsField } from '@danvan/kit';
import { SHEET_POLICY } from '../score-sheet.policy.js';
import { UnitRef } from '../../shared/refs.view.js';

export const ScoreSheetStatusEnum = Object.fromEntries(SCORE_SHEET_STATUSES.map((s) => [s, s])) as Record<
  ScoreSheetStatus,
  ScoreSheetStatus
>;
registerEnumType(ScoreSheetStatusEnum, {
  name: 'ScoreSheetStatus',
  description: 'Đang tự chấm, đã nộp (đang thẩm định), bị trả lại, đã thẩm định xong.',
  valuesMap: describedBy(SCORE_SHEET_STATUS_LABELS),
});
export const ReviewDecisionEnum = { ACCEPT: 'ACCEPT', RETURN: 'RETURN' } as const;
registerEnumType(ReviewDecisionEnum, {
  name: 'ReviewDecision',
  description: 'Chấp nhận (chuyển lên bước trên) hoặc trả lại (kèm lý do).',
  valuesMap: {
    ACCEPT: { description: 'Chấp nhận: bảng điểm lên bước thẩm định trên; ở bước cuối là đã thẩm định xong.' },
    RETURN: { description: 'Trả lại bảng điểm cho đơn vị sửa (bắt buộc ghi lý do).' },
  },
});

@ObjectType('EvidenceFile', { description: 'Tệp minh chứng của một mục chấm điểm.' })
export class EvidenceView {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field({ description: 'Mã dòng chấm điểm mà tệp làm minh chứng.' }) @ApiProperty() itemCode: string;
  @Field({ description: 'Tên tệp khi tải lên.' }) @ApiProperty() filename: string;
  @Field({ description: 'Kiểu tệp (PDF, ảnh JPEG/PNG, Word, Excel).' }) @ApiProperty() contentType: string;
  @Field(() => Int, { description: 'Kích thước tệp (byte, tối đa 10 MiB).' }) @ApiProperty() sizeBytes: number;
  @Field({ description: 'Mã băm SHA-256 của nội dung (hex), để kiểm tra tệp tải về.' }) @ApiProperty() sha256: string;
  @Field({ description: 'Đường dẫn tải về (REST, cần đăng nhập hoặc khóa API).' })
  @ApiProperty({ example: '/api/v1/evidence/…' })
  url: string;
  @Field({ description: 'Người tải lên.' }) @ApiProperty() uploadedBy: string;
  @Field({ description: 'Thời điểm tải lên (ISO 8601, UTC).' }) @ApiProperty() uploadedAt: Date;
}

@ObjectType('ScoreLine', { description: 'Điểm của một mục: tự chấm và thẩm định (mỗi dòng có phiên bản riêng).' })
export class ScoreLineView {
  @Field({ description: 'Mã dòng trong bảng tiêu chí.' }) @ApiProperty({ example: '1.a' }) itemCode: string;
  @Field({ description: 'Loại dòng: CRITERION (tiêu chí), BONUS (điểm cộng), DEDUCTION (điểm trừ).' })
  @ApiProperty({ enum: ['CRITERION', 'BONUS', 'DEDUCTION'] })
  itemKind: string;
  @Field(() => Float, { nullable: true, description: 'Điểm đơn vị tự chấm (từ 0 đến điểm tối đa của dòng).' })
  @ApiProperty({ type: Number, nullable: true })
  selfScore: number | null;
  @Field(() => String, { nullable: true, description: 'Giải trình của đơn vị.' })
  @ApiProperty({ type: String, nullable: true })
  selfComment: string | null;
  @Field(() => Float, { nullable: true, description: 'Điểm thẩm định (nếu đã chấm lại).' })
  @ApiProperty({ type: Number, nullable: true })
  reviewedScore: number | null;
  @Field(() => String, { nullable: true, description: 'Nhận xét của người thẩm định.' })
  @ApiProperty({ type: String, nullable: true })
  reviewComment: string | null;
  @Field(() => Int, { description: 'Phiên bản của dòng điểm (expectedLineVersion khi chấm thẩm định).' }) @ApiProperty() version: number;
  @Field({ description: 'Người chấm gần nhất.' }) @ApiProperty() updatedBy: string;
  @Field({ description: 'Thời điểm sửa gần nhất (ISO 8601, UTC).' }) @ApiProperty() updatedAt: Date;
  @MaxItems(EVIDENCE_LIMITS.perItemMax)
  @Field(() => [EvidenceView], { description: 'Tệp minh chứng của dòng.' })
  @ApiProperty({ type: [EvidenceView] })
  evidence: EvidenceView[];
  @Field(() => Int, { description: 'Số tệp minh chứng của mục (rẻ hơn danh sách `evidence` khi đọc cả khối, ví dụ bảng chấm điểm).' })
  @ApiProperty({ example: 2 })
  evidenceCount: number;
}

@ObjectType('ReviewEvent', { description: 'Một bước trong quá trình nộp và thẩm định: ai, khi nào, quyết định gì, lý do.' })
export class ReviewEventView {
  @Field(() => Int, { description: 'Bước: 0 là đơn vị nộp; 1–3 là các bước thẩm định.' }) @ApiProperty() step: number;
  @Field({ description: 'Tên bước, ví dụ "Lãnh đạo cơ quan thường trực".' }) @ApiProperty() stepLabel: string;
  @Field({ description: 'SUBMIT (nộp), ACCEPT (chấp nhận) hoặc RETURN (trả lại).' })
  @ApiProperty({ enum: ['SUBMIT', 'ACCEPT', 'RETURN'] })
  action: string;
  @Field(() => String, { nullable: true, description: 'Lý do (bắt buộc khi trả lại).' })
  @ApiProperty({ type: String, nullable: true })
  reason: string | null;
  @Field({ description: 'Người thực hiện.' }) @ApiProperty() actorLabel: string;
  @Field({ description: 'Thời điểm (ISO 8601, UTC).' }) @ApiProperty() at: Date;
}

@ObjectType('ScoreTotals', { description: 'Tổng điểm của bảng điểm (điểm thẩm định thay điểm tự chấm khi đã có).' })
export class ScoreTotalsView {
  @Field(() => Float, { description: 'Điểm các tiêu chí.' }) @ApiProperty() criteria: number;
  @Field(() => Float, { description: 'Điểm cộng (đã giới hạn theo mức cộng tối đa).' }) @ApiProperty() bonus: number;
  @Field(() => Float, { description: 'Điểm trừ (đã giới hạn theo mức trừ tối đa).' }) @ApiProperty() deduction: number;
  @Field(() => Float, { description: 'Tổng điểm = tiêu chí + cộng − trừ.' }) @ApiProperty() total: number;
}

@ObjectType('ScoreSheet', { description: 'Bảng chấm điểm của một đơn vị trong giao ước.' })
export class ScoreSheetView {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field(() => ID, { description: 'Giao ước của bảng điểm.' }) @ApiProperty({ format: 'uuid' }) pledgeId: string;
  @Field(() => UnitRef, { description: 'Đơn vị chấm điểm.' }) @ApiProperty({ type: UnitRef }) unit: UnitRef;
  @Field(() => Int, { description: 'Phiên bản bảng tiêu chí mà bảng điểm này chấm theo.' }) @ApiProperty() criteriaSetNumber: number;
  @Field(() => ScoreSheetStatusEnum, { description: 'Trạng thái của bảng điểm.' })
  @ApiProperty({ enum: SCORE_SHEET_STATUSES })
  status: ScoreSheetStatus;
  @Field({ description: 'Tên trạng thái.' }) @ApiProperty() statusLabel: string;
  @Field(() => Int, { description: '0: ở đơn vị; 1–3: bước thẩm định hiện tại.' }) @ApiProperty() reviewStep: number;
  @Field(() => String, { nullable: true, description: 'Tên bước thẩm định hiện tại; null khi bảng điểm ở đơn vị.' })
  @ApiProperty({ type: String, nullable: true })
  reviewStepLabel: string | null;
  @MaxItems(CRITERIA_LIMITS.itemsMax)
  @Field(() => [ScoreLineView], { description: 'Các dòng điểm.' })
  @ApiProperty({ type: [ScoreLineView] })
  lines: ScoreLineView[];
  @MaxItems(100)
  @Field(() => [ReviewEventView], { description: 'Lịch sử nộp và thẩm định, cũ trước.' })
  @ApiProperty({ type: [ReviewEventView] })
  events: ReviewEventView[];
  @Field(() => ScoreTotalsView, { description: 'Tổng điểm.' }) @ApiProperty({ type: ScoreTotalsView }) totals: ScoreTotalsView;
  @Field(() => Int, { description: 'Phiên bản, tăng sau mỗi lần sửa; gửi lại (expectedVersion) khi sửa để phát hiện sửa đồng thời.' })
  @ApiProperty()
  version: number;
  @Field(() => Date, { nullable: true, description: 'Thời điểm nộp gần nhất (ISO 8601, UTC).' })
  @ApiProperty({ type: Date, nullable: true })
  submittedAt: Date | null;
  @AllowedActionsField(SHEET_POLICY.vocabulary)
  allowedActions: string[];
  /** Internal. */
  unitPath: string;
}
