import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  IsObject,
  ValidateNested,
} from 'class-validator';
import {
  AWARD_ENTRY_KINDS,
  AWARD_RANKS,
  AWARD_TITLE_RECIPIENTS,
  type AwardEntryKind,
  type AwardRank,
  type AwardTitleRecipients,
  MODEL_FIELDS,
  MODEL_RECOGNITIONS,
  type ModelField,
  type ModelRecognition,
  RECIPIENT_KINDS,
  type RecipientKind,
  RECOGNITION_LIMITS as L,
  UNIT_LEVELS,
  type UnitLevel,
} from '@danvan/contracts';
import { IsLocalDate, LocalDateScalar } from '@danvan/core';
import { UnitLevelEnum } from '@danvan/units';
import {
  AwardEntryKindEnum,
  AwardRankEnum,
  AwardTitleRecipientsEnum,
  ModelFieldEnum,
  ModelRecognitionEnum,
  RecipientKindEnum,
} from './recognition-enums.js';
import { AWARD_LIST, MODEL_LIST } from '../recognition.lists.js';

/** Trims text and composes Vietnamese (NFC). */
const Text = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value));
/** Absent leaves the value alone (updates); null is still checked by the validators that follow. */
const IfPresent = () => ValidateIf((_o: object, value: unknown) => value !== undefined);
/** Absent or null: no value. */
const Nullable = () => ValidateIf((_o: object, value: unknown) => value !== undefined && value !== null);
const YEAR_MESSAGE = `Năm phải là số nguyên từ ${L.minYear} đến ${L.maxYear}.`;
const DATE_MESSAGE = (label: string) => `${label} phải là ngày hợp lệ dạng yyyy-MM-dd.`;
const ID_MESSAGE = (label: string) => `Mã ${label} không hợp lệ.`;
const ONE_OF = (label: string, values: readonly string[]) => `${label} phải là một trong: ${values.join(', ')}.`;
const TOO_LONG = (label: string, max: number) => `${label} không được dài quá ${max} ký tự.`;
const Year = () => [IsInt({ message: YEAR_MESSAGE }), Min(L.minYear, { message: YEAR_MESSAGE }), Max(L.maxYear, { message: YEAR_MESSAGE })];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

// ---------------------------------------------------------------- award catalogue

@InputType('CreateAwardTitleInput', { description: 'Một danh hiệu thi đua hoặc hình thức khen thưởng mới (khi nghị định thay đổi).' })
export class CreateAwardTitleInput {
  @Field({ description: 'Mã ổn định: chữ in hoa, số, gạch dưới.' })
  @Text()
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]*$/, { message: 'Mã chỉ gồm chữ in hoa không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ.' })
  @MaxLength(L.titleCodeMaxLength, { message: TOO_LONG('Mã', L.titleCodeMaxLength) })
  code: string;
  @Field({ description: 'Tên, tối đa 255 ký tự.' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên không được để trống.' })
  @MaxLength(L.titleNameMaxLength, { message: TOO_LONG('Tên', L.titleNameMaxLength) })
  name: string;
  @Field(() => AwardEntryKindEnum, { description: 'Danh hiệu thi đua hay hình thức khen thưởng.' })
  @IsIn(AWARD_ENTRY_KINDS, { message: ONE_OF('Loại', AWARD_ENTRY_KINDS) })
  kind: AwardEntryKind;
  @Field(() => AwardTitleRecipientsEnum, { description: 'Dành cho tập thể, cá nhân hay cả hai.' })
  @IsIn(AWARD_TITLE_RECIPIENTS, { message: ONE_OF('Đối tượng', AWARD_TITLE_RECIPIENTS) })
  recipients: AwardTitleRecipients;
  @Field({ defaultValue: false, description: 'Xếp hạng nhất, nhì, ba.' }) @IsOptional() @IsBoolean() ranked?: boolean;
  @Field(() => String, { nullable: true, description: 'Căn cứ pháp lý (điều, khoản của luật, nghị định), tối đa 500 ký tự.' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(L.legalBasisMaxLength, { message: TOO_LONG('Căn cứ pháp lý', L.legalBasisMaxLength) })
  legalBasis?: string | null;
  @Field(() => Int, { nullable: true, description: 'Thứ tự hiển thị (mặc định: cuối danh mục).' })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(100_000)
  position?: number | null;
}

@InputType('UpdateAwardTitleInput', { description: 'Sửa một mục của danh mục; mã và loại không đổi. Ngừng áp dụng thay cho xóa.' })
export class UpdateAwardTitleInput {
  @Field({ nullable: true, description: 'Tên mới, tối đa 255 ký tự.' })
  @IfPresent()
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên không được để trống.' })
  @MaxLength(L.titleNameMaxLength, { message: TOO_LONG('Tên', L.titleNameMaxLength) })
  name?: string;
  @Field(() => AwardTitleRecipientsEnum, { nullable: true, description: 'Dành cho tập thể, cá nhân hay cả hai.' })
  @IfPresent()
  @IsIn(AWARD_TITLE_RECIPIENTS, { message: ONE_OF('Đối tượng', AWARD_TITLE_RECIPIENTS) })
  recipients?: AwardTitleRecipients;
  @Field({ nullable: true, description: 'Có xếp hạng nhất, nhì, ba.' }) @IfPresent() @IsBoolean() ranked?: boolean;
  @Field(() => String, { nullable: true, description: 'Căn cứ pháp lý, tối đa 500 ký tự; null để xóa.' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(L.legalBasisMaxLength, { message: TOO_LONG('Căn cứ pháp lý', L.legalBasisMaxLength) })
  legalBasis?: string | null;
  @Field({ nullable: true, description: 'false: ngừng áp dụng (khen thưởng đã có giữ nguyên).' })
  @IfPresent()
  @IsBoolean()
  active?: boolean;
  @Field(() => Int, { nullable: true, description: 'Thứ tự hiển thị (0 đến 100000).' })
  @IfPresent()
  @IsInt()
  @Min(0)
  @Max(100_000)
  position?: number;
}

// ---------------------------------------------------------------- awards

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

export type { AwardFilterValues, ModelFilterValues } from '../recognition.lists.js';

/** GraphQL awards(options) (generated from the list declaration, recognition.lists.ts). */
export const AwardListOptions = AWARD_LIST.Options;
export type AwardListOptions = InstanceType<typeof AwardListOptions>;
/** Query string of GET /api/v1/awards. */
export const AwardListQuery = AWARD_LIST.RestQuery;
export type AwardListQuery = InstanceType<typeof AwardListQuery>;
/** Query string of GET /api/v1/awards/export.xlsx: the list's filters and sort, every page. */
export const AwardExportQuery = AWARD_LIST.RestExportQuery;
export type AwardExportQuery = InstanceType<typeof AwardExportQuery>;

// ---------------------------------------------------------------- models

@InputType('ModelResultInput', { description: 'Một kết quả đo được của mô hình.' })
export class ModelResultInput {
  @Field({ description: 'Tên chỉ tiêu kết quả, tối đa 255 ký tự.' })
  @ApiProperty({ example: 'Đất hiến làm đường' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên chỉ tiêu kết quả không được để trống.' })
  @MaxLength(L.indicatorMaxLength, { message: TOO_LONG('Tên chỉ tiêu', L.indicatorMaxLength) })
  indicator: string;
  @Field(() => Float, { description: 'Giá trị (số không âm, tối đa 4 chữ số thập phân).' })
  @ApiProperty({ example: 4685, minimum: 0 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 }, { message: 'Giá trị kết quả phải là một số.' })
  @Min(0, { message: 'Giá trị kết quả không được âm.' })
  @Max(L.resultValueMax, { message: 'Giá trị kết quả quá lớn.' })
  value: number;
  @Field(() => String, { nullable: true, description: 'Đơn vị tính (m², hộ, km, xã …).' })
  @ApiProperty({ required: false, type: String, nullable: true, example: 'm²' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(L.measureUnitMaxLength, { message: TOO_LONG('Đơn vị tính', L.measureUnitMaxLength) })
  unit?: string | null;
}

@InputType('ModelEvidenceInput', { description: 'Một minh chứng của mô hình.' })
export class ModelEvidenceInput {
  @Field({ description: 'Mô tả minh chứng, tối đa 1000 ký tự.' })
  @ApiProperty({ example: 'Báo cáo sơ kết mô hình năm 2023' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Mô tả minh chứng không được để trống.' })
  @MaxLength(L.evidenceTextMaxLength, { message: TOO_LONG('Mô tả minh chứng', L.evidenceTextMaxLength) })
  description: string;
  @Field(() => String, { nullable: true, description: 'Đường dẫn http(s), tối đa 2000 ký tự.' })
  @ApiProperty({ required: false, type: String, nullable: true, example: 'https://example.gov.vn/bao-cao.pdf' })
  @Nullable()
  @Text()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'Đường dẫn minh chứng phải là địa chỉ http(s) hợp lệ.' })
  @MaxLength(L.urlMaxLength)
  url?: string | null;
}

const ModelName = (required: boolean) =>
  apply([
    Field({ nullable: !required, description: 'Tên mô hình.' }),
    ApiProperty({ required, example: 'Vận động nhân dân hiến đất làm đường giao thông nông thôn', maxLength: L.nameMaxLength }),
    Text(),
    ...(required ? [] : [IfPresent()]),
    IsString(),
    IsNotEmpty({ message: 'Tên mô hình không được để trống.' }),
    MaxLength(L.nameMaxLength, { message: TOO_LONG('Tên mô hình', L.nameMaxLength) }),
  ]);
const Results = () =>
  apply([
    Field(() => [ModelResultInput], {
      nullable: true,
      description: `Kết quả đo được (tối đa ${L.resultsMax}); danh sách mới thay danh sách cũ.`,
    }),
    ApiProperty({ required: false, type: [ModelResultInput] }),
    IfPresent(),
    IsArray(),
    ArrayMaxSize(L.resultsMax, { message: `Tối đa ${L.resultsMax} kết quả.` }),
    // An array in place of an element would pass ValidateNested (it validates arrays' elements in turn).
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(() => ModelResultInput),
  ]);
const Evidence = () =>
  apply([
    Field(() => [ModelEvidenceInput], {
      nullable: true,
      description: `Minh chứng (tối đa ${L.evidenceMax}); danh sách mới thay danh sách cũ.`,
    }),
    ApiProperty({ required: false, type: [ModelEvidenceInput] }),
    IfPresent(),
    IsArray(),
    ArrayMaxSize(L.evidenceMax, { message: `Tối đa ${L.evidenceMax} minh chứng.` }),
    // An array in place of an element would pass ValidateNested (it validates arrays' elements in turn).
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(() => ModelEvidenceInput),
  ]);
const PersonName = () =>
  apply([
    Field(() => String, { nullable: true, description: 'Họ và tên (mô hình cá nhân).' }),
    ApiProperty({ required: false, type: String, nullable: true, example: 'Nguyễn Văn A' }),
    Nullable(),
    Text(),
    IsString(),
    IsNotEmpty({ message: 'Họ và tên không được để trống.' }),
    MaxLength(L.personNameMaxLength, { message: TOO_LONG('Họ và tên', L.personNameMaxLength) }),
  ]);
const Description = () =>
  apply([
    Field(() => String, { nullable: true, description: `Mô tả: cách làm, đối tượng, hiệu quả; tối đa ${L.descriptionMaxLength} ký tự.` }),
    ApiProperty({ required: false, type: String, nullable: true }),
    Nullable(),
    Text(),
    IsString(),
    MaxLength(L.descriptionMaxLength, { message: TOO_LONG('Mô tả', L.descriptionMaxLength) }),
  ]);
const FieldOf = (required: boolean) =>
  apply([
    Field(() => ModelFieldEnum, { nullable: !required, description: 'Lĩnh vực.' }),
    ApiProperty({ required, enum: MODEL_FIELDS }),
    ...(required ? [] : [IfPresent()]),
    IsIn(MODEL_FIELDS, { message: ONE_OF('Lĩnh vực', MODEL_FIELDS) }),
  ]);
const HolderKind = (required: boolean) =>
  apply([
    Field(() => RecipientKindEnum, { nullable: !required, description: 'Mô hình của tập thể hay cá nhân.' }),
    ApiProperty({ required, enum: RECIPIENT_KINDS }),
    ...(required ? [] : [IfPresent()]),
    IsIn(RECIPIENT_KINDS, { message: ONE_OF('Loại mô hình', RECIPIENT_KINDS) }),
  ]);
const Level = () =>
  apply([
    Field(() => UnitLevelEnum, { nullable: true, description: 'Cấp của mô hình (bỏ trống: cấp của đơn vị quản lý).' }),
    ApiProperty({ required: false, enum: UNIT_LEVELS, nullable: true }),
    Nullable(),
    IsIn(UNIT_LEVELS, { message: ONE_OF('Cấp', UNIT_LEVELS) }),
  ]);

/** A new model (REST body of POST /api/v1/models; GraphQL `createModel(input:)`). */
@InputType('CreateModelInput', { description: 'Một mô hình "Dân vận khéo" mới (mức ban đầu: Đăng ký).' })
export class CreateModelInput {
  @ModelName(true) name: string;
  @Field(() => ID, { nullable: true, description: 'Đơn vị quản lý mô hình (mặc định: đơn vị của người nhập).' })
  @ApiProperty({ required: false, type: String, format: 'uuid', nullable: true })
  @Nullable()
  @IsUUID('all', { message: ID_MESSAGE('đơn vị') })
  ownerUnitId?: string | null;
  @HolderKind(true) holderKind: RecipientKind;
  @PersonName() personName?: string | null;
  @FieldOf(true) field: ModelField;
  @Level() level?: UnitLevel | null;
  @Field(() => Int, { description: 'Năm bắt đầu.' }) @ApiProperty({ example: 2023 }) @apply(Year()) firstYear: number;
  @Field(() => Int, { nullable: true, description: 'Năm kết thúc.' })
  @ApiProperty({ required: false, type: Number, nullable: true })
  @Nullable()
  @apply(Year())
  lastYear?: number | null;
  @Description() description?: string | null;
  @Results() results?: ModelResultInput[];
  @Evidence() evidence?: ModelEvidenceInput[];
}

/** Changes to a model: absent fields stay as they are; null clears an optional one. Recognition changes through recogniseModel. */
@InputType('UpdateModelInput', {
  description: 'Sửa mô hình: trường bỏ trống giữ nguyên, null xóa giá trị không bắt buộc; mức công nhận đổi qua recogniseModel.',
})
export class UpdateModelInput {
  @ModelName(false) name?: string;
  @Field(() => ID, { nullable: true, description: 'Chuyển mô hình sang đơn vị khác (trong phạm vi của bạn).' })
  @ApiProperty({ required: false, type: String, format: 'uuid' })
  @IfPresent()
  @IsUUID('all', { message: ID_MESSAGE('đơn vị') })
  ownerUnitId?: string;
  @HolderKind(false) holderKind?: RecipientKind;
  @PersonName() personName?: string | null;
  @FieldOf(false) field?: ModelField;
  @Level() level?: UnitLevel | null;
  @Field(() => Int, { nullable: true, description: 'Năm bắt đầu (1945 đến 2100).' })
  @ApiProperty({ required: false, type: Number })
  @IfPresent()
  @apply(Year())
  firstYear?: number;
  @Field(() => Int, { nullable: true, description: 'Năm kết thúc (1945 đến 2100); null: còn thực hiện.' })
  @ApiProperty({ required: false, type: Number, nullable: true })
  @Nullable()
  @apply(Year())
  lastYear?: number | null;
  @Description() description?: string | null;
  @Results() results?: ModelResultInput[];
  @Evidence() evidence?: ModelEvidenceInput[];
}

@InputType('RecogniseModelInput', {
  description: 'Công nhận (hoặc hạ) mức của mô hình: ngày, văn bản quyết định (nếu có), ghi chú (bắt buộc khi hạ mức).',
})
export class RecogniseModelInput {
  @Field(() => ModelRecognitionEnum, { description: 'Mức công nhận mới.' })
  @IsIn(MODEL_RECOGNITIONS, { message: ONE_OF('Mức công nhận', MODEL_RECOGNITIONS) })
  recognition: ModelRecognition;
  @Field(() => LocalDateScalar, { description: 'Ngày công nhận (yyyy-MM-dd).' })
  @IsLocalDate({ message: DATE_MESSAGE('Ngày công nhận') })
  recognisedOn: string;
  @Field(() => ID, { nullable: true, description: 'Văn bản quyết định trong sổ văn bản.' })
  @Nullable()
  @IsUUID('all', { message: ID_MESSAGE('văn bản') })
  documentId?: string | null;
  @Field(() => String, { nullable: true, description: 'Ghi chú, tối đa 2000 ký tự; bắt buộc khi hạ mức.' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(L.reasonMaxLength, { message: TOO_LONG('Ghi chú', L.reasonMaxLength) })
  note?: string | null;
}

/** GraphQL models(options). */
export const ModelListOptions = MODEL_LIST.Options;
export type ModelListOptions = InstanceType<typeof ModelListOptions>;
/** Query string of GET /api/v1/models. */
export const ModelListQuery = MODEL_LIST.RestQuery;
export type ModelListQuery = InstanceType<typeof ModelListQuery>;
/** Query string of GET /api/v1/models/export.xlsx: the list's filters and sort, no pages. */
export const ModelExportQuery = MODEL_LIST.RestExportQuery;
export type ModelExportQuery = InstanceType<typeof ModelExportQuery>;

/** Arguments of `modelCounts`. */
@ArgsType()
export class ModelCountsArgs {
  @Field(() => Int, { description: 'Năm: mô hình đang thực hiện trong năm này, với mức công nhận tính đến hết năm.' })
  @apply(Year())
  year: number;
  @Field(() => ID, { nullable: true, description: 'Đơn vị gốc của cây được đếm (bỏ trống: toàn bộ phạm vi của bạn).' })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE('đơn vị') })
  withinUnitId?: string;
}
