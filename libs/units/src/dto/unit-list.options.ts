import { ApiProperty, OmitType } from '@nestjs/swagger';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import {
  MAX_PAGE_SIZE,
  UNIT_KINDS,
  UNIT_LEVELS,
  UNIT_SORT_FIELDS,
  UNIT_STATUSES,
  type SortOrder,
  type UnitKind,
  type UnitLevel,
  type UnitSortField,
  type UnitStatus,
} from '@danvan/contracts';
import { IsLocalDate, LocalDateScalar, PageOptions } from '@danvan/core';
import { SortOrderEnum, UnitKindEnum, UnitLevelEnum, UnitSortFieldEnum, UnitStatusEnum } from './unit-enums.js';

/** Filters of the unit list, the same for REST and GraphQL (see UnitService.list). */
export interface UnitFilterValues {
  search?: string;
  kind?: UnitKind[];
  level?: UnitLevel[];
  status?: UnitStatus[];
  parentId?: string;
  withinUnitId?: string;
  validOn?: string;
  ids?: string[];
}

/** A query-string list (`kind=A,B` or `kind=A&kind=B`) as an array. */
const QueryList = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : value,
  );

const REST_SORT_VALUES = UNIT_SORT_FIELDS.flatMap((field) => [field, `-${field}`]);

/** Query string of GET /api/v1/units. */
export class UnitListQuery extends PageOptions {
  @ApiProperty({ required: false, enum: REST_SORT_VALUES, description: 'Field to sort by; a leading "-" sorts descending. Default: name.' })
  @IsOptional()
  @IsIn(REST_SORT_VALUES, { message: `Chỉ được sắp xếp theo: ${UNIT_SORT_FIELDS.join(', ')} (thêm "-" phía trước để giảm dần).` })
  sort?: string;

  @ApiProperty({
    required: false,
    description: 'Search code, name and short name, ignoring diacritics and case ("tien hai" finds "Huyện ủy Tiền Hải").',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'Chuỗi tìm kiếm không được dài quá 100 ký tự.' })
  q?: string;

  @ApiProperty({ required: false, enum: UNIT_KINDS, isArray: true, description: 'Comma-separated or repeated' })
  @IsOptional()
  @QueryList()
  @IsIn(UNIT_KINDS, { each: true })
  kind?: UnitKind[];

  @ApiProperty({ required: false, enum: UNIT_LEVELS, isArray: true })
  @IsOptional()
  @QueryList()
  @IsIn(UNIT_LEVELS, { each: true })
  level?: UnitLevel[];

  @ApiProperty({ required: false, enum: UNIT_STATUSES, isArray: true })
  @IsOptional()
  @QueryList()
  @IsIn(UNIT_STATUSES, { each: true })
  status?: UnitStatus[];

  @ApiProperty({ required: false, format: 'uuid', description: 'Direct children of this unit' })
  @IsOptional()
  @IsUUID('all')
  parentId?: string;

  @ApiProperty({ required: false, format: 'uuid', description: 'This unit and everything below it' })
  @IsOptional()
  @IsUUID('all')
  withinUnitId?: string;

  @ApiProperty({ required: false, format: 'date', description: 'Units valid on this date (yyyy-MM-dd)' })
  @IsOptional()
  @IsLocalDate()
  validOn?: string;
}

/** Query string of GET /api/v1/units/export.xlsx: the list's filters and sort, no pages. */
export class UnitExportQuery extends OmitType(UnitListQuery, ['page', 'pageSize'] as const) {}

@InputType('UnitSort')
export class UnitSortInput {
  @Field(() => UnitSortFieldEnum) @IsIn(UNIT_SORT_FIELDS) field: UnitSortField;
  @Field(() => SortOrderEnum, { defaultValue: 'asc' }) @IsOptional() @IsIn(['asc', 'desc']) order?: SortOrder;
}

@InputType('UnitFilter')
export class UnitFilterInput implements UnitFilterValues {
  @Field({ nullable: true, description: 'Tìm theo mã, tên, tên viết tắt; không phân biệt dấu và hoa thường.' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'Chuỗi tìm kiếm không được dài quá 100 ký tự.' })
  search?: string;

  @Field(() => [UnitKindEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(UNIT_KINDS, { each: true })
  kind?: UnitKind[];

  @Field(() => [UnitLevelEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(UNIT_LEVELS, { each: true })
  level?: UnitLevel[];

  @Field(() => [UnitStatusEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(UNIT_STATUSES, { each: true })
  status?: UnitStatus[];

  @Field(() => ID, { nullable: true, description: 'Các đơn vị trực thuộc trực tiếp đơn vị này.' })
  @IsOptional()
  @IsUUID('all')
  parentId?: string;

  @Field(() => ID, { nullable: true, description: 'Đơn vị này và toàn bộ cây bên dưới.' })
  @IsOptional()
  @IsUUID('all')
  withinUnitId?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Còn hiệu lực vào ngày này.' })
  @IsOptional()
  @IsLocalDate()
  validOn?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PAGE_SIZE)
  @IsUUID('all', { each: true })
  ids?: string[];
}

@InputType('UnitListOptions')
export class UnitListOptions extends PageOptions {
  @Field(() => UnitSortInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UnitSortInput)
  sort?: UnitSortInput;

  @Field(() => UnitFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UnitFilterInput)
  filter?: UnitFilterInput;
}
