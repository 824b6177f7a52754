import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
  IsObject,
  ValidateNested,
} from 'class-validator';
import { AWARD_RANKS, type AwardRank, RECIPIENT_KINDS, type RecipientKind, RECOGNITION_LIMITS as L } from '@danvan/contracts';
import { IsLocalDate, LocalDateScalar } from '@danvan/core';
import { AwardRankEnum, RecipientKindEnum } from '../../dto/recognition-enums.js';
import { Text, Nullable, DATE_MESSAGE, ID_MESSAGE, ONE_OF, TOO_LONG, Year, apply } from '../../dto/input-decorators.js';
import { AWARD_LIST } from '../award.list.js';

const TitleChoice = () => apply([Nullable(), IsUUID('all', { message: ID_MESSAGE('danh hiệu, hình thức khen thưởng') })]);

@InputType('CreateAwardInput', {
  description: 'Một khen thưởng. Chọn awardTitleId (danh hiệu thi đua) hoặc formId (hình thức khen thưởng).',
})
export class CreateAwardInput {
  @Field(() => ID, { nullable: true, description: 'Danh hiệu thi đua (cờ thi đua, tập thể lao động xuất sắc, chiến sĩ thi đua cơ sở …).' })
  @TitleChoice()
  awardTitleId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Hình thức khen thưởng (bằng khen, giấy khen …).' }) @TitleChoice() formId?:
    string | null;
  @Field(() => RecipientKindEnum, { description: 'Khen tập thể hay cá nhân (cá nhân: bắt buộc họ và tên).' })
  @IsIn(RECIPIENT_KINDS, { message: ONE_OF('Đối tượng được khen', RECIPIENT_KINDS) })
  recipientKind: RecipientKind;
  @Field(() => ID, { description: 'Đơn vị được khen, hoặc đơn vị của cá nhân được khen.' })
  @IsUUID('all', { message: ID_MESSAGE('đơn vị được khen') })
  recipientUnitId: string;
  @Field(() => String, { nullable: true, description: 'Họ và tên (khen cá nhân).' })
  @Nullable()
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Họ và tên không được để trống.' })
  @MaxLength(L.personNameMaxLength, { message: TOO_LONG('Họ và tên', L.personNameMaxLength) })
  personName?: string | null;
  @Field(() => String, { nullable: true, description: 'Chức vụ (khen cá nhân).' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(L.positionMaxLength, { message: TOO_LONG('Chức vụ', L.positionMaxLength) })
  personPosition?: string | null;
  @Field(() => AwardRankEnum, { nullable: true, description: 'Hạng, chỉ với danh hiệu có xếp hạng.' })
  @Nullable()
  @IsIn(AWARD_RANKS, { message: ONE_OF('Hạng', AWARD_RANKS) })
  rank?: AwardRank | null;
  @Field(() => ID, { nullable: true, description: 'Quyết định khen thưởng (trong sổ văn bản).' })
  @Nullable()
  @IsUUID('all', { message: ID_MESSAGE('văn bản') })
  decisionDocumentId?: string | null;
  @Field(() => ID, { description: 'Đơn vị khen thưởng.' })
  @IsUUID('all', { message: ID_MESSAGE('đơn vị khen thưởng') })
  issuerUnitId: string;
  @Field(() => LocalDateScalar, { description: 'Ngày quyết định.' })
  @IsLocalDate({ message: DATE_MESSAGE('Ngày quyết định') })
  decidedOn: string;
  @Field(() => Int, { nullable: true, description: 'Năm thành tích (mặc định: năm của giao ước, hoặc năm quyết định).' })
  @Nullable()
  @apply(Year())
  year?: number | null;
  @Field(() => ID, { nullable: true, description: 'Giao ước thi đua được tổng kết.' })
  @Nullable()
  @IsUUID('all', { message: ID_MESSAGE('giao ước') })
  pledgeId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Mô hình "Dân vận khéo" được khen.' })
  @Nullable()
  @IsUUID('all', { message: ID_MESSAGE('mô hình') })
  modelId?: string | null;
  @Field(() => String, { nullable: true, description: 'Thành tích.' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(L.citationMaxLength, { message: TOO_LONG('Thành tích', L.citationMaxLength) })
  citation?: string | null;
}

@InputType('AwardProposalInput', { description: 'Một đơn vị được đề nghị khen thưởng theo kết quả xếp hạng giao ước.' })
export class AwardProposalInput {
  @Field(() => ID, { description: 'Đơn vị được đề nghị (một đơn vị ký giao ước).' })
  @IsUUID('all', { message: ID_MESSAGE('đơn vị') })
  unitId: string;
  @Field(() => AwardRankEnum, { nullable: true, description: 'Hạng đề nghị, chỉ với danh hiệu có xếp hạng.' })
  @Nullable()
  @IsIn(AWARD_RANKS, { message: ONE_OF('Hạng', AWARD_RANKS) })
  rank?: AwardRank | null;
}

@InputType('CreateAwardsInput', {
  description: 'Khen thưởng các đơn vị ký giao ước theo đề nghị (một quyết định, một giao dịch: một đề nghị sai thì không tạo gì).',
})
export class CreateAwardsInput {
  @Field(() => ID, { description: 'Giao ước thi đua đã tổng kết.' }) @IsUUID('all', { message: ID_MESSAGE('giao ước') }) pledgeId: string;
  @Field(() => ID, { nullable: true, description: 'Danh hiệu thi đua (ví dụ Cờ thi đua); chọn cái này hoặc formId.' })
  @TitleChoice()
  awardTitleId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Hình thức khen thưởng (ví dụ Bằng khen); chọn cái này hoặc awardTitleId.' })
  @TitleChoice()
  formId?: string | null;
  @Field(() => ID, { description: 'Đơn vị khen thưởng.' })
  @IsUUID('all', { message: ID_MESSAGE('đơn vị khen thưởng') })
  issuerUnitId: string;
  @Field(() => ID, { nullable: true, description: 'Quyết định khen thưởng trong sổ văn bản.' })
  @Nullable()
  @IsUUID('all', { message: ID_MESSAGE('văn bản') })
  decisionDocumentId?: string | null;
  @Field(() => LocalDateScalar, { description: 'Ngày quyết định (yyyy-MM-dd).' })
  @IsLocalDate({ message: DATE_MESSAGE('Ngày quyết định') })
  decidedOn: string;
  @Field(() => String, { nullable: true, description: 'Thành tích, tối đa 2000 ký tự.' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(L.citationMaxLength, { message: TOO_LONG('Thành tích', L.citationMaxLength) })
  citation?: string | null;
  @Field(() => [AwardProposalInput], { description: 'Các đơn vị được đề nghị (1 đến 200).' })
  @IsArray()
  @ArrayMinSize(1, { message: 'Danh sách đề nghị khen thưởng không được để trống.' })
  @ArrayMaxSize(L.proposalsMax)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AwardProposalInput)
  proposals: AwardProposalInput[];
}

@InputType('RevokeAwardInput', { description: 'Thu hồi khen thưởng (ví dụ do gian dối): khen thưởng vẫn được liệt kê, ghi rõ đã thu hồi.' })
export class RevokeAwardInput {
  @Field({ description: 'Lý do thu hồi, tối đa 2000 ký tự.' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Hãy ghi lý do thu hồi.' })
  @MaxLength(L.reasonMaxLength, { message: TOO_LONG('Lý do', L.reasonMaxLength) })
  reason: string;
}

export type { AwardFilterValues } from '../award.list.js';

/** GraphQL awards(options) (generated from the list declaration, recognition.lists.ts). */
export const AwardListOptions = AWARD_LIST.Options;
export type AwardListOptions = InstanceType<typeof AwardListOptions>;
/** Query string of GET /api/v1/awards. */
export const AwardListQuery = AWARD_LIST.RestQuery;
export type AwardListQuery = InstanceType<typeof AwardListQuery>;
/** Query string of GET /api/v1/awards/export.xlsx: the list's filters and sort, every page. */
export const AwardExportQuery = AWARD_LIST.RestExportQuery;
export type AwardExportQuery = InstanceType<typeof AwardExportQuery>;
