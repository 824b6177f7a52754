import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { BLOC_LIMITS, CRITERIA_LIMITS, MOVEMENT_KINDS, type MovementKind } from '@danvan/contracts';
import { IsLocalDate, LocalDateScalar } from '@danvan/core';
import { MovementKindEnum } from './emulation.views.js';
import { BLOC_LIST, MOVEMENT_LIST, PLEDGE_LIST } from '../emulation.lists.js';

/** Trims text and composes Vietnamese (NFC). */
const Text = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value));
/** Absent leaves the value alone (updates); null is still checked by the validators that follow. */
const IfPresent = () => ValidateIf((_o: object, value: unknown) => value !== undefined);
/** Absent or null: no value. */
const Nullable = () => ValidateIf((_o: object, value: unknown) => value !== undefined && value !== null);

const SCORE_MESSAGE = `Điểm phải là số từ 0 đến ${CRITERIA_LIMITS.maxScore}.`;
const YEAR_MESSAGE = 'Năm phải từ 1945 đến 2100.';

// ---------------------------------------------------------------- movements

@InputType('CreateMovementInput')
export class CreateMovementInput {
  @Field() @Text() @IsString() @IsNotEmpty({ message: 'Tên phong trào không được để trống.' }) @MaxLength(255) name: string;
  @Field(() => MovementKindEnum) @IsIn(MOVEMENT_KINDS) kind: MovementKind;
  @Field(() => ID, { description: 'Đơn vị phát động.' }) @IsUUID('all') launchedByUnitId: string;
  @Field(() => LocalDateScalar) @IsLocalDate({ message: 'Ngày bắt đầu phải là ngày hợp lệ dạng yyyy-MM-dd.' }) startsOn: string;
  @Field(() => LocalDateScalar, { nullable: true })
  @Nullable()
  @IsLocalDate({ message: 'Ngày kết thúc phải là ngày hợp lệ dạng yyyy-MM-dd.' })
  endsOn?: string | null;
  @Field(() => String, { nullable: true }) @Nullable() @Text() @IsString() @MaxLength(4000) description?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Văn bản làm căn cứ (trong sổ văn bản).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  legalBasisIds?: string[];
}

@InputType('UpdateMovementInput')
export class UpdateMovementInput {
  @Field({ nullable: true })
  @IfPresent()
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên phong trào không được để trống.' })
  @MaxLength(255)
  name?: string;
  @Field(() => MovementKindEnum, { nullable: true }) @IfPresent() @IsIn(MOVEMENT_KINDS) kind?: MovementKind;
  @Field(() => LocalDateScalar, { nullable: true })
  @IfPresent()
  @IsLocalDate({ message: 'Ngày bắt đầu phải là ngày hợp lệ dạng yyyy-MM-dd.' })
  startsOn?: string;
  @Field(() => LocalDateScalar, { nullable: true })
  @Nullable()
  @IsLocalDate({ message: 'Ngày kết thúc phải là ngày hợp lệ dạng yyyy-MM-dd.' })
  endsOn?: string | null;
  @Field(() => String, { nullable: true }) @Nullable() @Text() @IsString() @MaxLength(4000) description?: string | null;
  @Field(() => [ID], { nullable: true })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  legalBasisIds?: string[];
}

/** GraphQL movements(options) (generated from the list declaration, emulation.lists.ts). */
export const MovementListOptions = MOVEMENT_LIST.Options;
export type MovementListOptions = InstanceType<typeof MovementListOptions>;

// ---------------------------------------------------------------- blocs

@InputType('CreateBlocInput')
export class CreateBlocInput {
  @Field(() => Int)
  @IsInt({ message: YEAR_MESSAGE })
  @Min(1945, { message: YEAR_MESSAGE })
  @Max(2100, { message: YEAR_MESSAGE })
  year: number;
  @Field() @Text() @IsString() @IsNotEmpty({ message: 'Tên khối thi đua không được để trống.' }) @MaxLength(255) name: string;
  @Field(() => ID, { description: 'Đơn vị quản lý khối.' }) @IsUUID('all') ownerUnitId: string;
  @Field(() => ID, { nullable: true }) @Nullable() @IsUUID('all') movementId?: string | null;
  @Field(() => [ID])
  @IsArray()
  @ArrayMinSize(1, { message: 'Khối thi đua cần ít nhất một đơn vị thành viên.' })
  @ArrayMaxSize(BLOC_LIMITS.membersMax)
  @ArrayUnique({ message: 'Một đơn vị được chọn hai lần.' })
  @IsUUID('all', { each: true })
  memberIds: string[];
  @Field(() => ID, { nullable: true, description: 'Trưởng khối (một thành viên).' }) @Nullable() @IsUUID('all') headUnitId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Phó khối (một thành viên).' }) @Nullable() @IsUUID('all') deputyUnitId?: string | null;
}

@InputType('UpdateBlocInput')
export class UpdateBlocInput {
  @Field({ nullable: true })
  @IfPresent()
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên khối thi đua không được để trống.' })
  @MaxLength(255)
  name?: string;
  @Field(() => [ID], { nullable: true })
  @IfPresent()
  @IsArray()
  @ArrayMinSize(1, { message: 'Khối thi đua cần ít nhất một đơn vị thành viên.' })
  @ArrayMaxSize(BLOC_LIMITS.membersMax)
  @ArrayUnique({ message: 'Một đơn vị được chọn hai lần.' })
  @IsUUID('all', { each: true })
  memberIds?: string[];
  @Field(() => ID, { nullable: true }) @Nullable() @IsUUID('all') headUnitId?: string | null;
  @Field(() => ID, { nullable: true }) @Nullable() @IsUUID('all') deputyUnitId?: string | null;
  @Field(() => ID, { nullable: true }) @Nullable() @IsUUID('all') movementId?: string | null;
}

/** GraphQL blocs(options). */
export const BlocListOptions = BLOC_LIST.Options;
export type BlocListOptions = InstanceType<typeof BlocListOptions>;

// ---------------------------------------------------------------- pledges

@InputType('CriterionItemInput')
export class CriterionItemInput {
  @Field() @Text() @IsString() @IsNotEmpty() @MaxLength(CRITERIA_LIMITS.codeMaxLength) code: string;
  @Field()
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên tiêu chí không được để trống.' })
  @MaxLength(CRITERIA_LIMITS.titleMaxLength)
  title: string;
  @Field(() => Float)
  @IsNumber({ maxDecimalPlaces: 2 }, { message: SCORE_MESSAGE })
  @Min(0, { message: SCORE_MESSAGE })
  @Max(CRITERIA_LIMITS.maxScore, { message: SCORE_MESSAGE })
  maxScore: number;
}

@InputType('CriterionInput')
export class CriterionInput extends CriterionItemInput {
  @Field(() => [CriterionItemInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CRITERIA_LIMITS.subCriteriaMax)
  @ValidateNested({ each: true })
  @Type(() => CriterionItemInput)
  subCriteria?: CriterionItemInput[];
}

@InputType('CriteriaGroupInput')
export class CriteriaGroupInput {
  @Field() @Text() @IsString() @IsNotEmpty() @MaxLength(CRITERIA_LIMITS.codeMaxLength) code: string;
  @Field()
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên nhóm tiêu chí không được để trống.' })
  @MaxLength(CRITERIA_LIMITS.titleMaxLength)
  title: string;
  @Field(() => [CriterionInput])
  @IsArray()
  @ArrayMaxSize(CRITERIA_LIMITS.criteriaPerGroupMax)
  @ValidateNested({ each: true })
  @Type(() => CriterionInput)
  criteria: CriterionInput[];
}

@InputType('ClassificationBandInput')
export class ClassificationBandInput {
  @Field() @Text() @IsString() @IsNotEmpty({ message: 'Tên mức xếp loại không được để trống.' }) @MaxLength(64) name: string;
  @Field(() => Float) @IsNumber({ maxDecimalPlaces: 2 }, { message: SCORE_MESSAGE }) @Min(0, { message: SCORE_MESSAGE }) minScore: number;
}

/** A whole criteria set: saving one adds a new version of the pledge's set. */
@InputType('CriteriaSetInput')
export class CriteriaSetInput {
  @Field(() => [CriteriaGroupInput])
  @IsArray()
  @ArrayMaxSize(CRITERIA_LIMITS.groupsMax)
  @ValidateNested({ each: true })
  @Type(() => CriteriaGroupInput)
  groups: CriteriaGroupInput[];
  @Field(() => [CriterionItemInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionItemInput)
  bonusItems: CriterionItemInput[];
  @Field(() => Float, { defaultValue: 0 })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: SCORE_MESSAGE })
  @Min(0, { message: SCORE_MESSAGE })
  bonusCap: number;
  @Field(() => [CriterionItemInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionItemInput)
  deductionItems: CriterionItemInput[];
  @Field(() => Float, { defaultValue: 0 })
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

@InputType('CreatePledgeInput')
export class CreatePledgeInput {
  @Field(() => ID) @IsUUID('all') blocId: string;
  @Field() @Text() @IsString() @IsNotEmpty({ message: 'Tên giao ước không được để trống.' }) @MaxLength(500) title: string;
  @Field(() => [ID], { nullable: true, description: 'Văn bản trích dẫn (kế hoạch, hướng dẫn …).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  documentIds?: string[];
  @Field(() => Int, { nullable: true }) @Nullable() @IsInt() @Min(0) @Max(20) breakthroughMin?: number | null;
  @Field(() => Int, { nullable: true }) @Nullable() @IsInt() @Min(0) @Max(20) breakthroughMax?: number | null;
  @Field(() => CriteriaSetInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CriteriaSetInput)
  criteria?: CriteriaSetInput;
}

@InputType('UpdatePledgeInput')
export class UpdatePledgeInput {
  @Field({ nullable: true })
  @IfPresent()
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên giao ước không được để trống.' })
  @MaxLength(500)
  title?: string;
  @Field(() => [ID], { nullable: true })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  documentIds?: string[];
  @Field(() => Int, { nullable: true }) @Nullable() @IsInt() @Min(0) @Max(20) breakthroughMin?: number | null;
  @Field(() => Int, { nullable: true }) @Nullable() @IsInt() @Min(0) @Max(20) breakthroughMax?: number | null;
}

@InputType('SignPledgeInput', { description: 'Ký kết: ngày, sự kiện, nơi ký và các đơn vị ký (thành viên của khối).' })
export class SignPledgeInput {
  @Field(() => LocalDateScalar) @IsLocalDate({ message: 'Ngày ký phải là ngày hợp lệ dạng yyyy-MM-dd.' }) signedOn: string;
  @Field() @Text() @IsString() @IsNotEmpty({ message: 'Hãy ghi sự kiện ký kết.' }) @MaxLength(500) signingEvent: string;
  @Field(() => String, { nullable: true }) @Nullable() @Text() @IsString() @MaxLength(255) signingPlace?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Mặc định: mọi thành viên của khối.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BLOC_LIMITS.membersMax)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  signatoryIds?: string[];
}

/** GraphQL pledges(options). */
export const PledgeListOptions = PLEDGE_LIST.Options;
export type PledgeListOptions = InstanceType<typeof PledgeListOptions>;

/** Query string of GET /api/v1/pledges. */
export const PledgeListQuery = PLEDGE_LIST.RestQuery;
export type PledgeListQuery = InstanceType<typeof PledgeListQuery>;

// ---------------------------------------------------------------- registrations

@InputType('RegistrationTargetInput')
export class RegistrationTargetInput {
  @Field()
  @ApiProperty({ example: 'Xây dựng 5 mô hình "Dân vận khéo"' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Nội dung chỉ tiêu không được để trống.' })
  @MaxLength(500)
  title: string;
  @Field(() => String, { nullable: true })
  @ApiProperty({ required: false, type: String, nullable: true, example: '5 mô hình' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(255)
  measure?: string | null;
}

/** A unit's targets for the year (REST body of PUT …/registrations/:unitId; GraphQL `registerPledgeTargets`). */
@InputType('RegistrationInput')
export class RegistrationInput {
  @Field(() => [RegistrationTargetInput])
  @ApiProperty({ type: [RegistrationTargetInput] })
  @IsArray()
  @ArrayMinSize(1, { message: 'Hãy đăng ký ít nhất một chỉ tiêu.' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RegistrationTargetInput)
  targets: RegistrationTargetInput[];
  @Field(() => [String], { defaultValue: [], description: 'Nhiệm vụ đột phá (số lượng theo giao ước, ví dụ 3 đến 5).' })
  @ApiProperty({
    required: false,
    type: [String],
    example: ['Chuyển đổi số công tác dân vận', 'Nâng cao chất lượng đối thoại', 'Xây dựng tổ tự quản'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'Nhiệm vụ đột phá không được để trống.' })
  @MaxLength(500, { each: true })
  breakthroughTasks?: string[];
}
