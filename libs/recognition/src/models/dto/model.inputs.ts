import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  IsObject,
  ValidateNested,
} from 'class-validator';
import {
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
import { ModelFieldEnum, ModelRecognitionEnum, RecipientKindEnum } from '../../dto/recognition-enums.js';
import { Text, IfPresent, Nullable, DATE_MESSAGE, ID_MESSAGE, ONE_OF, TOO_LONG, Year, apply } from '../../dto/input-decorators.js';
import { MODEL_LIST } from '../model.list.js';

export type { ModelFilterValues } from '../model.list.js';

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

const OwnerUnitId = (description: string, nullable: boolean) =>
  apply([
    Field(() => ID, { nullable: true, description }),
    ApiProperty({ required: false, type: String, format: 'uuid', ...(nullable ? { nullable } : {}) }),
    nullable ? Nullable() : IfPresent(),
    IsUUID('all', { message: ID_MESSAGE('đơn vị') }),
  ]);
const FirstYear = (required: boolean) =>
  apply([
    Field(() => Int, { nullable: !required, description: `Năm bắt đầu (${L.minYear} đến ${L.maxYear}).` }),
    ApiProperty({ required, type: Number, example: 2023 }),
    ...(required ? [] : [IfPresent()]),
    ...Year(),
  ]);
const LastYear = () =>
  apply([
    Field(() => Int, { nullable: true, description: `Năm kết thúc (${L.minYear} đến ${L.maxYear}); null: còn thực hiện.` }),
    ApiProperty({ required: false, type: Number, nullable: true }),
    Nullable(),
    ...Year(),
  ]);

/** A new model (REST body of POST /api/v1/models; GraphQL `createModel(input:)`). */
@InputType('CreateModelInput', { description: 'Một mô hình "Dân vận khéo" mới (mức ban đầu: Đăng ký).' })
export class CreateModelInput {
  @ModelName(true) name: string;
  @OwnerUnitId('Đơn vị quản lý mô hình (mặc định: đơn vị của người nhập).', true) ownerUnitId?: string | null;
  @HolderKind(true) holderKind: RecipientKind;
  @PersonName() personName?: string | null;
  @FieldOf(true) field: ModelField;
  @Level() level?: UnitLevel | null;
  @FirstYear(true) firstYear: number;
  @LastYear() lastYear?: number | null;
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
  @OwnerUnitId('Chuyển mô hình sang đơn vị khác (trong phạm vi của bạn).', false) ownerUnitId?: string;
  @HolderKind(false) holderKind?: RecipientKind;
  @PersonName() personName?: string | null;
  @FieldOf(false) field?: ModelField;
  @Level() level?: UnitLevel | null;
  @FirstYear(false) firstYear?: number;
  @LastYear() lastYear?: number | null;
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
