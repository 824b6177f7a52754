import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { CRITERIA_LIMITS } from '@danvan/contracts';
import { MaxItems } from '@danvan/core';

@ObjectType('CriterionItem', { description: 'Một dòng chấm điểm: tiêu chí thành phần, khoản cộng hoặc khoản trừ.' })
export class CriterionItemView {
  @Field({ description: 'Mã dòng, duy nhất trong bảng tiêu chí, ví dụ 1.2, 1.2.a, T1 (cộng), TR1 (trừ).' })
  @ApiProperty({ example: '1.a' })
  code: string;
  @Field({ description: 'Nội dung tiêu chí hoặc khoản cộng, trừ.' }) @ApiProperty() title: string;
  @Field(() => Float, { description: 'Điểm tối đa của dòng (điểm, tối đa 2 chữ số thập phân).' })
  @ApiProperty({ example: 10 })
  maxScore: number;
}

@ObjectType('Criterion', { description: 'Một tiêu chí của nhóm: chấm trực tiếp, hoặc qua các tiêu chí thành phần.' })
export class CriterionView extends CriterionItemView {
  @MaxItems(CRITERIA_LIMITS.subCriteriaMax)
  @Field(() => [CriterionItemView], { nullable: true, description: 'Tiêu chí thành phần (điểm tối đa của tiêu chí là tổng của chúng).' })
  @ApiProperty({ type: [CriterionItemView], required: false })
  subCriteria?: CriterionItemView[];
}

@ObjectType('CriteriaGroup', { description: 'Một nhóm tiêu chí (ví dụ I, II) của bảng tiêu chí.' })
export class CriteriaGroupView {
  @Field({ description: 'Mã nhóm, ví dụ I, II.' }) @ApiProperty({ example: 'I' }) code: string;
  @Field({ description: 'Tên nhóm tiêu chí.' }) @ApiProperty() title: string;
  @MaxItems(CRITERIA_LIMITS.criteriaPerGroupMax)
  @Field(() => [CriterionView], { description: 'Các tiêu chí của nhóm, theo thứ tự.' })
  @ApiProperty({ type: [CriterionView] })
  criteria: CriterionView[];
}

@ObjectType('ClassificationBand', { description: 'Mức xếp loại: đạt từ minScore điểm trở lên.' })
export class ClassificationBandView {
  @Field({ description: 'Tên mức xếp loại, ví dụ "Xuất sắc".' }) @ApiProperty({ example: 'Xuất sắc' }) name: string;
  @Field(() => Float, { description: 'Tổng điểm tối thiểu để đạt mức này.' }) @ApiProperty({ example: 95 }) minScore: number;
}

@ObjectType('CriteriaSet', {
  description: 'Bảng tiêu chí chấm điểm của giao ước, một phiên bản (không bao giờ sửa; thay đổi tạo phiên bản mới).',
})
export class CriteriaSetView {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field(() => Int, { description: 'Số phiên bản: 1, 2, …' }) @ApiProperty() number: number;
  @MaxItems(CRITERIA_LIMITS.groupsMax)
  @Field(() => [CriteriaGroupView], { description: 'Các nhóm tiêu chí, theo thứ tự.' })
  @ApiProperty({ type: [CriteriaGroupView] })
  groups: CriteriaGroupView[];
  @MaxItems(50)
  @Field(() => [CriterionItemView], { description: 'Các khoản điểm cộng.' })
  @ApiProperty({ type: [CriterionItemView] })
  bonusItems: CriterionItemView[];
  @Field(() => Float, { description: 'Tổng điểm cộng tối đa (phần vượt không được tính).' }) @ApiProperty() bonusCap: number;
  @MaxItems(50)
  @Field(() => [CriterionItemView], { description: 'Các khoản điểm trừ.' })
  @ApiProperty({ type: [CriterionItemView] })
  deductionItems: CriterionItemView[];
  @Field(() => Float, { description: 'Tổng điểm trừ tối đa.' }) @ApiProperty() deductionCap: number;
  @MaxItems(CRITERIA_LIMITS.bandsMax)
  @Field(() => [ClassificationBandView], { description: 'Mức xếp loại, từ cao xuống thấp.' })
  @ApiProperty({ type: [ClassificationBandView] })
  bands: ClassificationBandView[];
  @Field(() => Float, { description: 'Tổng điểm tối đa (kể cả điểm cộng tối đa).' }) @ApiProperty() maxTotal: number;
  @Field({ description: 'Người lưu phiên bản này.' }) @ApiProperty() createdBy: string;
  @Field({ description: 'Thời điểm lưu phiên bản (ISO 8601, UTC).' }) @ApiProperty() createdAt: Date;
}
