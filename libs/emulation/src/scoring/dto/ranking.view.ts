import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { BLOC_LIMITS, SCORE_SHEET_STATUSES, type ScoreSheetStatus } from '@danvan/contracts';
import { MaxItems } from '@danvan/core';
import { ScoreSheetStatusEnum } from './score-sheet.view.js';
import { UnitRef } from '../../shared/refs.view.js';

@ObjectType('RankingRow', { description: 'Một dòng bảng xếp hạng của khối (tạm tính cho đến khi tổng kết).' })
export class RankingRowView {
  @Field(() => Int, { nullable: true, description: 'Hạng (đồng hạng khi bằng nhau theo quy tắc xếp hạng); trống nếu chưa chấm.' })
  @ApiProperty({ type: Number, nullable: true })
  rank: number | null;
  @Field(() => UnitRef, { description: 'Đơn vị.' }) @ApiProperty({ type: UnitRef }) unit: UnitRef;
  @Field(() => ScoreSheetStatusEnum, { nullable: true, description: 'Trạng thái bảng điểm của đơn vị; null: chưa có bảng điểm.' })
  @ApiProperty({ enum: SCORE_SHEET_STATUSES, nullable: true })
  status: ScoreSheetStatus | null;
  @Field(() => Float, { nullable: true, description: 'Điểm các tiêu chí.' }) @ApiProperty({ type: Number, nullable: true }) criteria:
    number | null;
  @Field(() => Float, { nullable: true, description: 'Điểm cộng (đã giới hạn).' }) @ApiProperty({ type: Number, nullable: true }) bonus:
    number | null;
  @Field(() => Float, { nullable: true, description: 'Điểm trừ (đã giới hạn).' }) @ApiProperty({ type: Number, nullable: true }) deduction:
    number | null;
  @Field(() => Float, { nullable: true, description: 'Tổng điểm; null: chưa chấm.' }) @ApiProperty({ type: Number, nullable: true }) total:
    number | null;
  @Field(() => String, { nullable: true, description: 'Xếp loại theo các ngưỡng lưu cùng giao ước.' })
  @ApiProperty({ type: String, nullable: true })
  classification: string | null;
  @MaxItems(20)
  @Field(() => [String], { description: 'Khen thưởng đã trao theo giao ước này (chưa bị thu hồi), ví dụ "Cờ thi đua (hạng Nhất)".' })
  @ApiProperty({ type: [String] })
  awards: string[];
}

@ObjectType('Ranking', { description: 'Bảng xếp hạng các đơn vị ký giao ước theo tổng điểm.' })
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
  @MaxItems(BLOC_LIMITS.membersMax)
  @Field(() => [RankingRowView], { description: 'Các dòng, hạng cao trước.' })
  @ApiProperty({ type: [RankingRowView] })
  rows: RankingRowView[];
}
