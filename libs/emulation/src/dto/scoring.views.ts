import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { BLOC_LIMITS, CRITERIA_LIMITS, EVIDENCE_LIMITS, SCORE_SHEET_STATUSES, type ScoreSheetStatus } from '@danvan/contracts';
import { MaxItems } from '@danvan/core';
import { AllowedActionsField } from '@danvan/kit';
import { SHEET_POLICY } from '../scoring/score-sheet.policy.js';
import { UnitRef } from './emulation.views.js';

export const ScoreSheetStatusEnum = Object.fromEntries(SCORE_SHEET_STATUSES.map((s) => [s, s])) as Record<
  ScoreSheetStatus,
  ScoreSheetStatus
>;
registerEnumType(ScoreSheetStatusEnum, {
  name: 'ScoreSheetStatus',
  description: 'Đang tự chấm, đã nộp (đang thẩm định), bị trả lại, đã thẩm định xong.',
});
export const ReviewDecisionEnum = { ACCEPT: 'ACCEPT', RETURN: 'RETURN' } as const;
registerEnumType(ReviewDecisionEnum, { name: 'ReviewDecision', description: 'Chấp nhận (chuyển lên bước trên) hoặc trả lại (kèm lý do).' });

@ObjectType('EvidenceFile', { description: 'Tệp minh chứng của một mục chấm điểm.' })
export class EvidenceView {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id: string;
  @Field() @ApiProperty() itemCode: string;
  @Field() @ApiProperty() filename: string;
  @Field() @ApiProperty() contentType: string;
  @Field(() => Int) @ApiProperty() sizeBytes: number;
  @Field() @ApiProperty() sha256: string;
  @Field({ description: 'Đường dẫn tải về (REST, cần đăng nhập hoặc khóa API).' })
  @ApiProperty({ example: '/api/v1/evidence/…' })
  url: string;
  @Field() @ApiProperty() uploadedBy: string;
  @Field() @ApiProperty() uploadedAt: Date;
}

@ObjectType('ScoreLine', { description: 'Điểm của một mục: tự chấm và thẩm định (mỗi dòng có phiên bản riêng).' })
export class ScoreLineView {
  @Field() @ApiProperty({ example: '1.a' }) itemCode: string;
  @Field() @ApiProperty({ enum: ['CRITERION', 'BONUS', 'DEDUCTION'] }) itemKind: string;
  @Field(() => Float, { nullable: true }) @ApiProperty({ type: Number, nullable: true }) selfScore: number | null;
  @Field(() => String, { nullable: true }) @ApiProperty({ type: String, nullable: true }) selfComment: string | null;
  @Field(() => Float, { nullable: true, description: 'Điểm thẩm định (nếu đã chấm lại).' })
  @ApiProperty({ type: Number, nullable: true })
  reviewedScore: number | null;
  @Field(() => String, { nullable: true }) @ApiProperty({ type: String, nullable: true }) reviewComment: string | null;
  @Field(() => Int) @ApiProperty() version: number;
  @Field() @ApiProperty() updatedBy: string;
  @Field() @ApiProperty() updatedAt: Date;
  @MaxItems(EVIDENCE_LIMITS.perItemMax) @Field(() => [EvidenceView]) @ApiProperty({ type: [EvidenceView] }) evidence: EvidenceView[];
  @Field(() => Int, { description: 'Số tệp minh chứng của mục (rẻ hơn danh sách `evidence` khi đọc cả khối, ví dụ bảng chấm điểm).' })
  @ApiProperty({ example: 2 })
  evidenceCount: number;
}

@ObjectType('ReviewEvent', { description: 'Một bước trong quá trình nộp và thẩm định: ai, khi nào, quyết định gì, lý do.' })
export class ReviewEventView {
  @Field(() => Int) @ApiProperty() step: number;
  @Field() @ApiProperty() stepLabel: string;
  @Field() @ApiProperty({ enum: ['SUBMIT', 'ACCEPT', 'RETURN'] }) action: string;
  @Field(() => String, { nullable: true }) @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @Field() @ApiProperty() actorLabel: string;
  @Field() @ApiProperty() at: Date;
}

@ObjectType('ScoreTotals')
export class ScoreTotalsView {
  @Field(() => Float, { description: 'Điểm các tiêu chí.' }) @ApiProperty() criteria: number;
  @Field(() => Float, { description: 'Điểm cộng (đã giới hạn theo mức cộng tối đa).' }) @ApiProperty() bonus: number;
  @Field(() => Float, { description: 'Điểm trừ (đã giới hạn theo mức trừ tối đa).' }) @ApiProperty() deduction: number;
  @Field(() => Float) @ApiProperty() total: number;
}

@ObjectType('ScoreSheet', { description: 'Bảng chấm điểm của một đơn vị trong giao ước.' })
export class ScoreSheetView {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id: string;
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) pledgeId: string;
  @Field(() => UnitRef) @ApiProperty({ type: UnitRef }) unit: UnitRef;
  @Field(() => Int, { description: 'Phiên bản bảng tiêu chí mà bảng điểm này chấm theo.' }) @ApiProperty() criteriaSetNumber: number;
  @Field(() => ScoreSheetStatusEnum) @ApiProperty({ enum: SCORE_SHEET_STATUSES }) status: ScoreSheetStatus;
  @Field() @ApiProperty() statusLabel: string;
  @Field(() => Int, { description: '0: ở đơn vị; 1–3: bước thẩm định hiện tại.' }) @ApiProperty() reviewStep: number;
  @Field(() => String, { nullable: true }) @ApiProperty({ type: String, nullable: true }) reviewStepLabel: string | null;
  @MaxItems(CRITERIA_LIMITS.itemsMax) @Field(() => [ScoreLineView]) @ApiProperty({ type: [ScoreLineView] }) lines: ScoreLineView[];
  @MaxItems(100) @Field(() => [ReviewEventView]) @ApiProperty({ type: [ReviewEventView] }) events: ReviewEventView[];
  @Field(() => ScoreTotalsView) @ApiProperty({ type: ScoreTotalsView }) totals: ScoreTotalsView;
  @Field(() => Int) @ApiProperty() version: number;
  @Field(() => Date, { nullable: true }) @ApiProperty({ type: Date, nullable: true }) submittedAt: Date | null;
  @AllowedActionsField(SHEET_POLICY.vocabulary)
  allowedActions: string[];
  /** Internal. */
  unitPath: string;
}

@ObjectType('RankingRow', { description: 'Một dòng bảng xếp hạng của khối (tạm tính cho đến khi tổng kết).' })
export class RankingRowView {
  @Field(() => Int, { nullable: true, description: 'Hạng (đồng hạng khi bằng nhau theo quy tắc xếp hạng); trống nếu chưa chấm.' })
  @ApiProperty({ type: Number, nullable: true })
  rank: number | null;
  @Field(() => UnitRef) @ApiProperty({ type: UnitRef }) unit: UnitRef;
  @Field(() => ScoreSheetStatusEnum, { nullable: true })
  @ApiProperty({ enum: SCORE_SHEET_STATUSES, nullable: true })
  status: ScoreSheetStatus | null;
  @Field(() => Float, { nullable: true }) @ApiProperty({ type: Number, nullable: true }) criteria: number | null;
  @Field(() => Float, { nullable: true }) @ApiProperty({ type: Number, nullable: true }) bonus: number | null;
  @Field(() => Float, { nullable: true }) @ApiProperty({ type: Number, nullable: true }) deduction: number | null;
  @Field(() => Float, { nullable: true }) @ApiProperty({ type: Number, nullable: true }) total: number | null;
  @Field(() => String, { nullable: true, description: 'Xếp loại theo các ngưỡng lưu cùng giao ước.' })
  @ApiProperty({ type: String, nullable: true })
  classification: string | null;
  @MaxItems(20)
  @Field(() => [String], { description: 'Khen thưởng đã trao theo giao ước này (chưa bị thu hồi), ví dụ "Cờ thi đua (hạng Nhất)".' })
  @ApiProperty({ type: [String] })
  awards: string[];
}

@ObjectType('Ranking')
export class RankingView {
  @Field({ description: 'Đã tổng kết (kết quả chính thức) hay còn tạm tính.' }) @ApiProperty() final: boolean;
  @Field({ description: 'Quy tắc xếp hạng khi bằng điểm.' }) @ApiProperty() tieRule: string;
  @Field({
    description:
      'Bảng xếp hạng này cho thấy gì: chính thức, hay tạm tính (chỉ bảng điểm đã nộp; đơn vị thành viên chỉ thấy dòng của mình cho đến khi tổng kết).',
  })
  @ApiProperty({
    example:
      'Tạm tính: chỉ xếp hạng các bảng điểm đã nộp (bảng nháp, bảng bị trả lại chưa được tính); điểm thẩm định thay điểm tự chấm khi đã có.',
  })
  note: string;
  @MaxItems(BLOC_LIMITS.membersMax) @Field(() => [RankingRowView]) @ApiProperty({ type: [RankingRowView] }) rows: RankingRowView[];
}
