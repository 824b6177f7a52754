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

@InputType('CreateMovementInput', { description: 'Một phong trào thi đua mới.' })
export class CreateMovementInput {
  @Field({ description: 'Tên phong trào, tối đa 255 ký tự.' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên phong trào không được để trống.' })
  @MaxLength(255)
  name: string;
  @Field(() => MovementKindEnum, { description: 'Thường xuyên hay theo chuyên đề.' }) @IsIn(MOVEMENT_KINDS) kind: MovementKind;
  @Field(() => ID, { description: 'Đơn vị phát động.' }) @IsUUID('all') launchedByUnitId: string;
  @Field(() => LocalDateScalar, { description: 'Ngày bắt đầu (yyyy-MM-dd).' })
  @IsLocalDate({ message: 'Ngày bắt đầu phải là ngày hợp lệ dạng yyyy-MM-dd.' })
  startsOn: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Ngày kết thúc, tính cả ngày này (yyyy-MM-dd); không trước ngày bắt đầu.' })
  @Nullable()
  @IsLocalDate({ message: 'Ngày kết thúc phải là ngày hợp lệ dạng yyyy-MM-dd.' })
  endsOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Mô tả, tối đa 4000 ký tự.' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(4000)
  description?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Văn bản làm căn cứ (trong sổ văn bản).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  legalBasisIds?: string[];
}

@InputType('UpdateMovementInput', { description: 'Sửa phong trào: trường bỏ trống giữ nguyên, null xóa giá trị không bắt buộc.' })
export class UpdateMovementInput {
  @Field({ nullable: true, description: 'Tên phong trào, tối đa 255 ký tự.' })
  @IfPresent()
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên phong trào không được để trống.' })
  @MaxLength(255)
  name?: string;
  @Field(() => MovementKindEnum, { nullable: true, description: 'Thường xuyên hay theo chuyên đề.' })
  @IfPresent()
  @IsIn(MOVEMENT_KINDS)
  kind?: MovementKind;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Ngày bắt đầu (yyyy-MM-dd).' })
  @IfPresent()
  @IsLocalDate({ message: 'Ngày bắt đầu phải là ngày hợp lệ dạng yyyy-MM-dd.' })
  startsOn?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Ngày kết thúc (yyyy-MM-dd); null: chưa định.' })
  @Nullable()
  @IsLocalDate({ message: 'Ngày kết thúc phải là ngày hợp lệ dạng yyyy-MM-dd.' })
  endsOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Mô tả, tối đa 4000 ký tự; null để xóa.' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(4000)
  description?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Văn bản làm căn cứ (tối đa 20); danh sách mới thay danh sách cũ.' })
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

@InputType('CreateBlocInput', { description: 'Một khối, cụm thi đua mới của một năm.' })
export class CreateBlocInput {
  @Field(() => Int, { description: 'Năm (từ 1945 đến 2100).' })
  @IsInt({ message: YEAR_MESSAGE })
  @Min(1945, { message: YEAR_MESSAGE })
  @Max(2100, { message: YEAR_MESSAGE })
  year: number;
  @Field({ description: 'Tên khối, tối đa 255 ký tự.' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên khối thi đua không được để trống.' })
  @MaxLength(255)
  name: string;
  @Field(() => ID, { description: 'Đơn vị quản lý khối.' }) @IsUUID('all') ownerUnitId: string;
  @Field(() => ID, { nullable: true, description: 'Phong trào thi đua mà khối tham gia.' }) @Nullable() @IsUUID('all') movementId?:
    string | null;
  @Field(() => [ID], { description: 'Đơn vị thành viên (ít nhất 1, tối đa 200, không trùng).' })
  @IsArray()
  @ArrayMinSize(1, { message: 'Khối thi đua cần ít nhất một đơn vị thành viên.' })
  @ArrayMaxSize(BLOC_LIMITS.membersMax)
  @ArrayUnique({ message: 'Một đơn vị được chọn hai lần.' })
  @IsUUID('all', { each: true })
  memberIds: string[];
  @Field(() => ID, { nullable: true, description: 'Trưởng khối (một thành viên).' }) @Nullable() @IsUUID('all') headUnitId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Phó khối (một thành viên).' }) @Nullable() @IsUUID('all') deputyUnitId?: string | null;
}

@InputType('UpdateBlocInput', { description: 'Sửa khối thi đua: trường bỏ trống giữ nguyên, null xóa giá trị không bắt buộc.' })
export class UpdateBlocInput {
  @Field({ nullable: true, description: 'Tên khối, tối đa 255 ký tự.' })
  @IfPresent()
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên khối thi đua không được để trống.' })
  @MaxLength(255)
  name?: string;
  @Field(() => [ID], { nullable: true, description: 'Đơn vị thành viên (ít nhất 1, tối đa 200); danh sách mới thay danh sách cũ.' })
  @IfPresent()
  @IsArray()
  @ArrayMinSize(1, { message: 'Khối thi đua cần ít nhất một đơn vị thành viên.' })
  @ArrayMaxSize(BLOC_LIMITS.membersMax)
  @ArrayUnique({ message: 'Một đơn vị được chọn hai lần.' })
  @IsUUID('all', { each: true })
  memberIds?: string[];
  @Field(() => ID, { nullable: true, description: 'Trưởng khối (một thành viên); null để bỏ.' }) @Nullable() @IsUUID('all') headUnitId?:
    string | null;
  @Field(() => ID, { nullable: true, description: 'Phó khối (một thành viên); null để bỏ.' }) @Nullable() @IsUUID('all') deputyUnitId?:
    string | null;
  @Field(() => ID, { nullable: true, description: 'Phong trào thi đua; null để bỏ.' }) @Nullable() @IsUUID('all') movementId?:
    string | null;
}

/** GraphQL blocs(options). */
export const BlocListOptions = BLOC_LIST.Options;
export type BlocListOptions = InstanceType<typeof BlocListOptions>;

// ---------------------------------------------------------------- pledges

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

@InputType('CreatePledgeInput', { description: 'Một giao ước thi đua mới (dự thảo) cho một khối.' })
export class CreatePledgeInput {
  @Field(() => ID, { description: 'Khối thi đua (mỗi khối có nhiều nhất một giao ước).' }) @IsUUID('all') blocId: string;
  @Field({ description: 'Tên giao ước, tối đa 500 ký tự.' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên giao ước không được để trống.' })
  @MaxLength(500)
  title: string;
  @Field(() => [ID], { nullable: true, description: 'Văn bản trích dẫn (kế hoạch, hướng dẫn …).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  documentIds?: string[];
  @Field(() => Int, { nullable: true, description: 'Số nhiệm vụ đột phá tối thiểu mỗi đơn vị đăng ký (0 đến 20).' })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(20)
  breakthroughMin?: number | null;
  @Field(() => Int, { nullable: true, description: 'Số nhiệm vụ đột phá tối đa (0 đến 20, không nhỏ hơn số tối thiểu).' })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(20)
  breakthroughMax?: number | null;
  @Field(() => CriteriaSetInput, { nullable: true, description: 'Bảng tiêu chí phiên bản 1 (có thể lưu sau bằng setPledgeCriteria).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CriteriaSetInput)
  criteria?: CriteriaSetInput;
}

@InputType('UpdatePledgeInput', { description: 'Sửa giao ước: trường bỏ trống giữ nguyên.' })
export class UpdatePledgeInput {
  @Field({ nullable: true, description: 'Tên giao ước, tối đa 500 ký tự.' })
  @IfPresent()
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên giao ước không được để trống.' })
  @MaxLength(500)
  title?: string;
  @Field(() => [ID], { nullable: true, description: 'Văn bản trích dẫn (tối đa 20); danh sách mới thay danh sách cũ.' })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  documentIds?: string[];
  @Field(() => Int, { nullable: true, description: 'Số nhiệm vụ đột phá tối thiểu (0 đến 20); null để bỏ.' })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(20)
  breakthroughMin?: number | null;
  @Field(() => Int, { nullable: true, description: 'Số nhiệm vụ đột phá tối đa (0 đến 20); null để bỏ.' })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(20)
  breakthroughMax?: number | null;
}

@InputType('SignPledgeInput', { description: 'Ký kết: ngày, sự kiện, nơi ký và các đơn vị ký (thành viên của khối).' })
export class SignPledgeInput {
  @Field(() => LocalDateScalar, { description: 'Ngày ký (yyyy-MM-dd).' })
  @IsLocalDate({ message: 'Ngày ký phải là ngày hợp lệ dạng yyyy-MM-dd.' })
  signedOn: string;
  @Field({ description: 'Sự kiện ký kết, tối đa 500 ký tự, ví dụ "Hội nghị tổng kết năm".' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Hãy ghi sự kiện ký kết.' })
  @MaxLength(500)
  signingEvent: string;
  @Field(() => String, { nullable: true, description: 'Nơi ký, tối đa 255 ký tự.' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(255)
  signingPlace?: string | null;
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

@InputType('RegistrationTargetInput', { description: 'Một chỉ tiêu đăng ký.' })
export class RegistrationTargetInput {
  @Field({ description: 'Nội dung chỉ tiêu, tối đa 500 ký tự.' })
  @ApiProperty({ example: 'Xây dựng 5 mô hình "Dân vận khéo"' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Nội dung chỉ tiêu không được để trống.' })
  @MaxLength(500)
  title: string;
  @Field(() => String, { nullable: true, description: 'Chỉ tiêu đo được (số lượng, tỉ lệ …), tối đa 255 ký tự.' })
  @ApiProperty({ required: false, type: String, nullable: true, example: '5 mô hình' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(255)
  measure?: string | null;
}

/** A unit's targets for the year (REST body of PUT …/registrations/:unitId; GraphQL `registerPledgeTargets`). */
@InputType('RegistrationInput', { description: 'Đăng ký chỉ tiêu, nhiệm vụ đột phá của một đơn vị cho năm của giao ước.' })
export class RegistrationInput {
  @Field(() => [RegistrationTargetInput], { description: 'Các chỉ tiêu (1 đến 50).' })
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
