import { applyDecorators } from '@nestjs/common';
import { Field, ID } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  IsObject,
  ValidateNested,
} from 'class-validator';
import { UNIT_KINDS, UNIT_LEVELS, UNIT_LIMITS, UNIT_STATUSES } from '@danvan/contracts';
import { IsLocalDate, LocalDateScalar } from '@danvan/core';
import { UnitKindEnum, UnitLevelEnum, UnitStatusEnum } from './unit-enums.js';
import { UnitLeaderInput } from './unit-leader.js';

/**
 * The input fields of a unit, each as one decorator carrying its GraphQL type,
 * OpenAPI description, normalisation and validation, so CreateUnitInput and
 * UpdateUnitInput state only which fields they have and whether they are required.
 *
 * `required: false` means: absent leaves the value alone (update) — and for a
 * field the unit must always have, `null` is still rejected.
 */

/** Trims text and puts Vietnamese in composed (NFC) form, so `Tiền Hải` typed either way is one value. */
const NormaliseText = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value));

/** Unit codes are compared case-insensitively: stored upper-case. */
const NormaliseCode = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

/** For a field every unit has: required on create; on update optional but never null. */
function presence(required: boolean) {
  return required ? [] : [ValidateIf((_object: object, value: unknown) => value !== undefined)];
}

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9._-]*$/;

export const UnitCodeField = (required: boolean) =>
  applyDecorators(
    Field({
      nullable: !required,
      description: `Mã đơn vị, duy nhất: chữ cái không dấu, chữ số và . _ - (lưu chữ in hoa), tối đa ${UNIT_LIMITS.codeMaxLength} ký tự.`,
    }),
    ApiProperty({ required, example: 'BDV-70', maxLength: UNIT_LIMITS.codeMaxLength }),
    NormaliseCode(),
    ...presence(required),
    IsString(),
    IsNotEmpty(),
    MaxLength(UNIT_LIMITS.codeMaxLength, { message: `Mã đơn vị không được dài quá ${UNIT_LIMITS.codeMaxLength} ký tự.` }),
    Matches(CODE_PATTERN, { message: 'Mã đơn vị chỉ gồm chữ cái không dấu, chữ số và . _ - (bắt đầu bằng chữ hoặc số).' }),
  );

export const UnitNameField = (required: boolean) =>
  applyDecorators(
    Field({ nullable: !required, description: `Tên đầy đủ của đơn vị, tối đa ${UNIT_LIMITS.nameMaxLength} ký tự.` }),
    ApiProperty({ required, example: 'Ban Dân vận Tỉnh ủy Bình Phước', maxLength: UNIT_LIMITS.nameMaxLength }),
    NormaliseText(),
    ...presence(required),
    IsString(),
    IsNotEmpty(),
    MaxLength(UNIT_LIMITS.nameMaxLength, { message: `Tên đơn vị không được dài quá ${UNIT_LIMITS.nameMaxLength} ký tự.` }),
  );

export const UnitShortNameField = () =>
  applyDecorators(
    Field(() => String, {
      nullable: true,
      description: `Tên viết tắt (ví dụ BDVTU), tối đa ${UNIT_LIMITS.shortNameMaxLength} ký tự; null để xóa.`,
    }),
    ApiProperty({ type: String, nullable: true, required: false, example: 'BDVTU', maxLength: UNIT_LIMITS.shortNameMaxLength }),
    NormaliseText(),
    IsOptional(),
    IsString(),
    MaxLength(UNIT_LIMITS.shortNameMaxLength, { message: `Tên viết tắt không được dài quá ${UNIT_LIMITS.shortNameMaxLength} ký tự.` }),
  );

export const UnitKindField = (required: boolean) =>
  applyDecorators(
    Field(() => UnitKindEnum, { nullable: !required, description: 'Loại đơn vị.' }),
    ApiProperty({ enum: UNIT_KINDS, required }),
    ...presence(required),
    IsIn(UNIT_KINDS),
  );

export const UnitLevelField = (required: boolean) =>
  applyDecorators(
    Field(() => UnitLevelEnum, { nullable: !required, description: 'Cấp của đơn vị; phải hợp với cấp của đơn vị cấp trên.' }),
    ApiProperty({ enum: UNIT_LEVELS, required }),
    ...presence(required),
    IsIn(UNIT_LEVELS),
  );

/** Status: optional on create (ACTIVE by default), never null on update. */
export const UnitStatusField = (onCreate: boolean) =>
  applyDecorators(
    Field(() => UnitStatusEnum, { nullable: true, description: 'Trạng thái (mặc định khi tạo: ACTIVE, đang hoạt động).' }),
    ApiProperty({ enum: UNIT_STATUSES, required: false, ...(onCreate ? { default: 'ACTIVE' } : {}) }),
    ...(onCreate ? [IsOptional()] : presence(false)),
    IsIn(UNIT_STATUSES),
  );

export const UnitParentField = () =>
  applyDecorators(
    Field(() => ID, { nullable: true, description: 'Đơn vị cấp trên trực tiếp (UUID); null: đơn vị gốc của cây.' }),
    ApiProperty({ type: String, format: 'uuid', nullable: true, required: false, description: 'null: a root unit' }),
    IsOptional(),
    IsUUID('all'),
  );

export const AdminAreaCodeField = () =>
  applyDecorators(
    Field(() => String, {
      nullable: true,
      description: 'Mã đơn vị hành chính (danh mục của Tổng cục Thống kê): tỉnh 2, huyện 3, xã 5 chữ số.',
    }),
    ApiProperty({
      type: String,
      nullable: true,
      required: false,
      example: '70',
      description: 'GSO code: province 2, district 3, commune 5 digits',
    }),
    IsOptional(),
    IsString(),
    Matches(/^\d{2,5}$/, { message: 'Mã đơn vị hành chính gồm 2 (tỉnh), 3 (huyện) hoặc 5 (xã) chữ số.' }),
  );

export const UnitLeadersField = () =>
  applyDecorators(
    Field(() => [UnitLeaderInput], {
      nullable: true,
      description: `Lãnh đạo, đầu mối liên hệ (tối đa ${UNIT_LIMITS.leadersMax}); gửi cả danh sách, danh sách mới thay danh sách cũ.`,
    }),
    ApiProperty({ type: [UnitLeaderInput], required: false, description: 'The whole list (replaces it on update)' }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(UNIT_LIMITS.leadersMax, { message: `Tối đa ${UNIT_LIMITS.leadersMax} lãnh đạo, đầu mối liên hệ.` }),
    // An array in place of a leader would pass ValidateNested (it validates arrays' elements in turn).
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(() => UnitLeaderInput),
  );

export const LocalDateField = (example: string, description: string) =>
  applyDecorators(
    Field(() => LocalDateScalar, { nullable: true, description }),
    ApiProperty({ type: String, format: 'date', nullable: true, required: false, example }),
    IsOptional(),
    IsLocalDate(),
  );

export const SuccessorIdsField = () =>
  applyDecorators(
    Field(() => [ID], {
      nullable: true,
      description: `Các đơn vị kế thừa khi hợp nhất, chia tách (UUID, tối đa ${UNIT_LIMITS.successorsMax}); gửi cả danh sách, danh sách mới thay danh sách cũ.`,
    }),
    ApiProperty({ type: [String], format: 'uuid', required: false, description: 'The whole list (replaces it on update)' }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(UNIT_LIMITS.successorsMax),
    ArrayUnique(),
    IsUUID('all', { each: true }),
  );
