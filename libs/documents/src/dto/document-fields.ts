import { applyDecorators } from '@nestjs/common';
import { Field, ID } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, IsUUID, MaxLength, registerDecorator, ValidateIf, type ValidationArguments } from 'class-validator';
import { DOCUMENT_LIMITS, parseDocumentNumber } from '@danvan/contracts';
import { IsLocalDate, LocalDateScalar } from '@danvan/core';

/**
 * The input fields of a document, each one decorator with its GraphQL type,
 * OpenAPI description, normalisation and validation (as unit-input-fields.ts).
 */

const NormaliseText = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value));

function presence(required: boolean) {
  return required ? [] : [ValidateIf((_object: object, value: unknown) => value !== undefined)];
}

/** A number in one of the shapes of parseDocumentNumber; the error says which part is wrong. */
function IsDocumentNumber(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDocumentNumber',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseDocumentNumber(value).ok,
        defaultMessage: (args?: ValidationArguments) => {
          const value: unknown = args?.value;
          if (typeof value !== 'string') return 'Số văn bản phải là chuỗi ký tự.';
          const result = parseDocumentNumber(value);
          return result.ok ? '' : result.message;
        },
      },
    });
}

export const DocumentNumberField = (required: boolean) =>
  applyDecorators(
    Field({ nullable: !required, description: 'Số, ký hiệu: 151-KH/BDVTU, 02-CTr/BDVTU-BCHQST-CAT-BCHBPT, 708/QĐ-BNV, 06/2022/QH15.' }),
    ApiProperty({ required, example: '151-KH/BDVTU', maxLength: DOCUMENT_LIMITS.numberMaxLength }),
    NormaliseText(),
    ...presence(required),
    IsDocumentNumber(),
  );

export const DocumentIssuedOnField = (required: boolean) =>
  applyDecorators(
    Field(() => LocalDateScalar, { nullable: !required, description: 'Ngày ban hành.' }),
    ApiProperty({ required, type: String, format: 'date', example: '2023-12-21' }),
    ...presence(required),
    IsLocalDate({ message: 'Ngày ban hành phải là ngày hợp lệ dạng yyyy-MM-dd.' }),
  );

export const DocumentTitleField = (required: boolean) =>
  applyDecorators(
    Field({ nullable: !required, description: 'Trích yếu nội dung.' }),
    ApiProperty({
      required,
      example: 'Kế hoạch tổ chức Hội nghị tổng kết công tác dân vận năm 2023',
      maxLength: DOCUMENT_LIMITS.titleMaxLength,
    }),
    NormaliseText(),
    ...presence(required),
    IsString(),
    IsNotEmpty({ message: 'Trích yếu không được để trống.' }),
    MaxLength(DOCUMENT_LIMITS.titleMaxLength, { message: `Trích yếu không được dài quá ${DOCUMENT_LIMITS.titleMaxLength} ký tự.` }),
  );

export const DocumentOwnerField = () =>
  applyDecorators(
    Field(() => ID, { nullable: true, description: 'Đơn vị quản lý bản ghi (mặc định: đơn vị của người nhập).' }),
    ApiProperty({ required: false, type: String, format: 'uuid', nullable: true }),
    ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null),
    IsUUID('all', { message: 'Mã đơn vị quản lý không hợp lệ.' }),
  );
