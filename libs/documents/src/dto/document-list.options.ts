import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import {
  DOCUMENT_FORMS,
  DOCUMENT_SORT_FIELDS,
  MAX_PAGE_SIZE,
  type DocumentForm,
  type DocumentSortField,
  type SortOrder,
} from '@danvan/contracts';
import { IsLocalDate, LocalDateScalar, PageOptions } from '@danvan/core';
import { SortOrderEnum } from '@danvan/units';
import { DocumentFormEnum } from './document.view.js';

const SEARCH_MESSAGE = 'Chuỗi tìm kiếm không được dài quá 100 ký tự.';

/** Filters of the document list, the same for REST and GraphQL. */
export interface DocumentFilterValues {
  search?: string;
  form?: DocumentForm[];
  type?: string[];
  issuer?: string;
  issuedFrom?: string;
  issuedTo?: string;
  ids?: string[];
}

export const DocumentSortFieldEnum = Object.fromEntries(
  DOCUMENT_SORT_FIELDS.map((field) => [field.replace(/([A-Z])/g, '_$1').toUpperCase(), field]),
) as Record<string, DocumentSortField>;
registerEnumType(DocumentSortFieldEnum, { name: 'DocumentSortField' });

const QueryList = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : value,
  );

const REST_SORT_VALUES = DOCUMENT_SORT_FIELDS.flatMap((field) => [field, `-${field}`]);

/** Query string of GET /api/v1/documents. */
export class DocumentListQuery extends PageOptions {
  @ApiProperty({
    required: false,
    enum: REST_SORT_VALUES,
    description: 'Field to sort by; a leading "-" sorts descending. Default: -issuedOn.',
  })
  @IsOptional()
  @IsIn(REST_SORT_VALUES, { message: `Chỉ được sắp xếp theo: ${DOCUMENT_SORT_FIELDS.join(', ')} (thêm "-" phía trước để giảm dần).` })
  sort?: string;

  @ApiProperty({ required: false, description: 'Search number and title, ignoring diacritics and case ("ke hoach" finds "Kế hoạch").' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: SEARCH_MESSAGE })
  q?: string;

  @ApiProperty({ required: false, enum: DOCUMENT_FORMS, isArray: true, description: 'Comma-separated or repeated' })
  @IsOptional()
  @QueryList()
  @IsIn(DOCUMENT_FORMS, { each: true })
  form?: DocumentForm[];

  @ApiProperty({ required: false, isArray: true, type: String, description: 'Type abbreviations (KH, NQ, QĐ …), comma-separated' })
  @IsOptional()
  @QueryList()
  @IsString({ each: true })
  @MaxLength(8, { each: true })
  @ArrayMaxSize(20)
  type?: string[];

  @ApiProperty({ required: false, description: 'One issuing body (BDVTU, TW …), lead or joint' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  issuer?: string;

  @ApiProperty({ required: false, format: 'date', description: 'Issued on or after (yyyy-MM-dd)' })
  @IsOptional()
  @IsLocalDate()
  issuedFrom?: string;

  @ApiProperty({ required: false, format: 'date', description: 'Issued on or before (yyyy-MM-dd)' })
  @IsOptional()
  @IsLocalDate()
  issuedTo?: string;
}

@InputType('DocumentSort')
export class DocumentSortInput {
  @Field(() => DocumentSortFieldEnum) @IsIn(DOCUMENT_SORT_FIELDS) field: DocumentSortField;
  @Field(() => SortOrderEnum, { defaultValue: 'asc' }) @IsOptional() @IsIn(['asc', 'desc']) order?: SortOrder;
}

@InputType('DocumentFilter')
export class DocumentFilterInput implements DocumentFilterValues {
  @Field({ nullable: true, description: 'Tìm theo số, ký hiệu và trích yếu; không phân biệt dấu và hoa thường.' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: SEARCH_MESSAGE })
  search?: string;

  @Field(() => [DocumentFormEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(DOCUMENT_FORMS, { each: true })
  form?: DocumentForm[];

  @Field(() => [String], { nullable: true, description: 'Ký hiệu loại văn bản (KH, NQ, QĐ …).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(8, { each: true })
  type?: string[];

  @Field({ nullable: true, description: 'Một cơ quan ban hành (chủ trì hoặc liên tịch).' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  issuer?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Ban hành từ ngày.' })
  @IsOptional()
  @IsLocalDate()
  issuedFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Ban hành đến ngày.' })
  @IsOptional()
  @IsLocalDate()
  issuedTo?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PAGE_SIZE)
  @IsUUID('all', { each: true })
  ids?: string[];
}

@InputType('DocumentListOptions')
export class DocumentListOptions extends PageOptions {
  @Field(() => DocumentSortInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentSortInput)
  sort?: DocumentSortInput;

  @Field(() => DocumentFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentFilterInput)
  filter?: DocumentFilterInput;
}
