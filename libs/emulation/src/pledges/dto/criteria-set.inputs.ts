import { Field, Float, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CRITERIA_LIMITS } from '@danvan/contracts';

import { Text } from '../../shared/input-helpers.js';

const SCORE_MESSAGE = `Điểm phải là số từ 0 đến ${CRITERIA_LIMITS.maxScore}.`;

@InputType('CriterionItemInput', { description: 'Một dòng chấm điểm: tiêu chí thành phần, khoản cộng hoặc khoản trừ.' })
export class CriterionItemInput {
  @Field({ description: 'Mã dòng, duy nhất trong bảng tiêu chí (ví dụ 1.2.a, T1, TR1).' })
  @Text()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CRITERIA_LIMITS.codeMaxLength)
  code: string;
  @Field({ description: 'Nội dung, tối đa 500 ký tự.' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên tiêu chí không được để trống.' })
  @MaxLength(CRITERIA_LIMITS.titleMaxLength)
  title: string;
  @Field(() => Float, { description: 'Điểm tối đa: số từ 0 đến 1000, tối đa 2 chữ số thập phân.' })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: SCORE_MESSAGE })
  @Min(0, { message: SCORE_MESSAGE })
  @Max(CRITERIA_LIMITS.maxScore, { message: SCORE_MESSAGE })
  maxScore: number;
}

@InputType('CriterionInput', {
  description: 'Một tiêu chí: chấm trực tiếp, hoặc qua các tiêu chí thành phần (khi đó điểm tối đa bằng tổng của chúng).',
})
export class CriterionInput extends CriterionItemInput {
  @Field(() => [CriterionItemInput], { nullable: true, description: 'Tiêu chí thành phần (tối đa 20).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CRITERIA_LIMITS.subCriteriaMax)
  @ValidateNested({ each: true })
  @Type(() => CriterionItemInput)
  subCriteria?: CriterionItemInput[];
}

@InputType('CriteriaGroupInput', { description: 'Một nhóm tiêu chí.' })
export class CriteriaGroupInput {
  @Field({ description: 'Mã nhóm, ví dụ I, II.' }) @Text() @IsString() @IsNotEmpty() @MaxLength(CRITERIA_LIMITS.codeMaxLength) code: string;
  @Field({ description: 'Tên nhóm, tối đa 500 ký tự.' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên nhóm tiêu chí không được để trống.' })
  @MaxLength(CRITERIA_LIMITS.titleMaxLength)
  title: string;
  @Field(() => [CriterionInput], { description: 'Các tiêu chí của nhóm.' })
  @IsArray()
  @ArrayMaxSize(CRITERIA_LIMITS.criteriaPerGroupMax)
  @ValidateNested({ each: true })
  @Type(() => CriterionInput)
  criteria: CriterionInput[];
}

@InputType('ClassificationBandInput', { description: 'Một mức xếp loại.' })
export class ClassificationBandInput {
  @Field({ description: 'Tên mức, tối đa 64 ký tự, ví dụ "Xuất sắc".' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên mức xếp loại không được để trống.' })
  @MaxLength(64)
  name: string;
  @Field(() => Float, { description: 'Tổng điểm tối thiểu để đạt mức (từ 0).' })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: SCORE_MESSAGE })
  @Min(0, { message: SCORE_MESSAGE })
  minScore: number;
}

/** A whole criteria set: saving one adds a new version of the pledge's set. */
@InputType('CriteriaSetInput', { description: 'Cả bảng tiêu chí chấm điểm; lưu là thêm một phiên bản mới.' })
export class CriteriaSetInput {
  @Field(() => [CriteriaGroupInput], { description: 'Các nhóm tiêu chí.' })
  @IsArray()
  @ArrayMaxSize(CRITERIA_LIMITS.groupsMax)
  @ValidateNested({ each: true })
  @Type(() => CriteriaGroupInput)
  groups: CriteriaGroupInput[];
  @Field(() => [CriterionItemInput], { defaultValue: [], description: 'Các khoản điểm cộng (tối đa 50).' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionItemInput)
  bonusItems: CriterionItemInput[];
  @Field(() => Float, { defaultValue: 0, description: 'Tổng điểm cộng tối đa.' })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: SCORE_MESSAGE })
  @Min(0, { message: SCORE_MESSAGE })
  bonusCap: number;
  @Field(() => [CriterionItemInput], { defaultValue: [], description: 'Các khoản điểm trừ (tối đa 50).' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionItemInput)
  deductionItems: CriterionItemInput[];
  @Field(() => Float, { defaultValue: 0, description: 'Tổng điểm trừ tối đa.' })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: SCORE_MESSAGE })
  @Min(0, { message: SCORE_MESSAGE })
  deductionCap: number;
  @Field(() => [ClassificationBandInput], { description: 'Mức xếp loại từ cao xuống thấp.' })
  @IsArray()
  @ArrayMaxSize(CRITERIA_LIMITS.bandsMax)
  @ValidateNested({ each: true })
  @Type(() => ClassificationBandInput)
  bands: ClassificationBandInput[];
}
