import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { API_KEY_SCOPES, ROLE_LABELS, ROLES, type ApiKeyScope, type Role } from '@danvan/contracts';
import { registerEnumType } from '@nestjs/graphql';
import { describedBy } from '@danvan/core';
import { VersionedRecordView } from '@danvan/kit';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as Record<Role, Role>;
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'Vai trò: quản trị, văn phòng Ban Dân vận, tổ chức thành viên, chỉ xem.',
  valuesMap: describedBy(ROLE_LABELS),
});

@ObjectType('Account', { description: 'Tài khoản người dùng (không bao giờ trả về mật khẩu hay mã băm).' })
export class AccountView extends VersionedRecordView {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) id: string;
  @Field({ description: 'Tên đăng nhập: chữ thường không dấu, chữ số, . _ - (3–64 ký tự).' }) username: string;
  @Field({ description: 'Tên hiển thị (họ và tên).' }) displayName: string;
  @Field(() => RoleEnum, { description: 'Vai trò, quyết định các quyền của tài khoản.' }) role: Role;
  @Field(() => ID, { nullable: true, description: 'Đơn vị của tài khoản; null với quản trị hệ thống (không giới hạn phạm vi).' }) unitId:
    string | null;
  @Field(() => String, { nullable: true, description: 'Tên đơn vị của tài khoản.' }) unitName: string | null;
  @Field({ description: 'Còn hoạt động; false: đã vô hiệu hóa, không đăng nhập được.' }) active: boolean;
  @Field({ description: 'Phải đổi mật khẩu ở lần đăng nhập tới (sau khi cấp mật khẩu dùng một lần).' }) mustChangePassword: boolean;
  @Field(() => Date, {
    nullable: true,
    description: 'Bị khóa đến thời điểm này do đăng nhập sai nhiều lần (ISO 8601, UTC); null: không bị khóa.',
  })
  lockedUntil: Date | null;
  @Field(() => Date, { nullable: true, description: 'Lần đăng nhập thành công gần nhất (ISO 8601, UTC).' }) lastLoginAt: Date | null;
}

@ObjectType('AccountWithPassword', { description: 'Tài khoản và mật khẩu dùng một lần: chỉ hiển thị một lần duy nhất.' })
export class AccountWithPassword {
  @Field(() => AccountView, { description: 'Tài khoản.' }) account: AccountView;
  @Field({ description: 'Mật khẩu dùng một lần; phải đổi ở lần đăng nhập đầu. Không thể xem lại.' }) oneTimePassword: string;
}

@InputType('CreateAccountInput', { description: 'Một tài khoản mới; mật khẩu dùng một lần được hệ thống tạo.' })
export class CreateAccountInput {
  @Field({ description: 'Chữ thường không dấu, số, . _ - (3–64 ký tự)' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: 'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, chữ số, dấu . _ -' })
  username: string;

  @Field({ description: 'Tên hiển thị (họ và tên), tối đa 120 ký tự.' }) @IsString() @IsNotEmpty() @MaxLength(120) displayName: string;
  @Field(() => RoleEnum, { description: 'Vai trò của tài khoản.' }) @IsIn(ROLES) role: Role;
  @Field(() => ID, { nullable: true, description: 'Bắt buộc trừ vai trò quản trị' }) @IsOptional() @IsUUID('all') unitId?: string | null;
}

@InputType('UpdateAccountInput', { description: 'Sửa tài khoản: trường bỏ trống giữ nguyên.' })
export class UpdateAccountInput {
  @Field({ nullable: true, description: 'Tên hiển thị mới, tối đa 120 ký tự.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  displayName?: string;
  @Field(() => RoleEnum, { nullable: true, description: 'Vai trò mới.' }) @IsOptional() @IsIn(ROLES) role?: Role;
  @Field(() => ID, { nullable: true, description: 'Đơn vị mới (bắt buộc trừ vai trò quản trị).' }) @IsOptional() @IsUUID('all') unitId?:
    string | null;
  @Field({ nullable: true, description: 'false: vô hiệu hóa, mọi phiên đăng nhập kết thúc' }) @IsOptional() @IsBoolean() active?: boolean;
}

@ObjectType('ApiKey', { description: 'Khóa API của một đơn vị để tích hợp (phần bí mật chỉ hiển thị một lần khi tạo).' })
export class ApiKeyView {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) id: string;
  @Field({ description: 'Tên gợi nhớ của khóa (hệ thống tích hợp nào dùng).' }) name: string;
  @Field(() => ID, { description: 'Đơn vị của khóa: giới hạn phạm vi dữ liệu khóa đọc, ghi được.' }) unitId: string;
  @Field({ description: 'Tên đơn vị của khóa.' }) unitName: string;
  @Field(() => [String], { description: 'Quyền của khóa, ví dụ units:read, emulation:submit.' }) scopes: string[];
  @Field({ description: 'Phần đầu công khai của khóa, để nhận ra khóa (dvk_<prefix>_…)' }) prefix: string;
  @Field(() => Date, { nullable: true, description: 'Hết hạn vào thời điểm này (ISO 8601, UTC); null: không hết hạn.' })
  expiresAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Thời điểm bị thu hồi; null: chưa thu hồi.' }) revokedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Lần dùng gần nhất (ISO 8601, UTC).' }) lastUsedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Người tạo khóa.' }) createdBy: string | null;
  @Field({ description: 'Thời điểm tạo bản ghi (ISO 8601, UTC).' }) createdAt: Date;
}

@ObjectType('ApiKeyWithSecret', { description: 'Khóa API vừa tạo kèm phần bí mật (chỉ hiển thị lần này).' })
export class ApiKeyWithSecret {
  @Field(() => ApiKeyView, { description: 'Khóa vừa tạo.' }) apiKey: ApiKeyView;
  @Field({ description: 'Khóa đầy đủ, dùng làm Authorization: Bearer <khóa>. Chỉ hiển thị lần này.' }) secret: string;
}

@InputType('CreateApiKeyInput', { description: 'Một khóa API mới cho một đơn vị.' })
export class CreateApiKeyInput {
  @Field({ description: 'Tên gợi nhớ, tối đa 120 ký tự.' }) @IsString() @IsNotEmpty() @MaxLength(120) name: string;
  @Field(() => ID, { description: 'Đơn vị của khóa (UUID).' }) @IsUUID('all') unitId: string;
  @Field(() => [String], { description: `Quyền của khóa: ${API_KEY_SCOPES.join(', ')}` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true })
  scopes: ApiKeyScope[];
  @Field(() => Date, {
    nullable: true,
    description: 'Thời điểm hết hạn (ISO 8601 có múi giờ, ví dụ 2026-12-31T23:59:59+07:00); bỏ trống: không hết hạn.',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'Ngày hết hạn phải là thời điểm hợp lệ (ISO 8601, ví dụ 2026-12-31T23:59:59+07:00).' })
  expiresAt?: Date | null;
}

@ObjectType('AuditEvent', { description: 'Một thay đổi trong nhật ký (chỉ ghi thêm, không sửa, không xóa).' })
export class AuditEventView {
  @ApiProperty({ pattern: '^[0-9]{1,19}$', description: 'Số thứ tự của sự kiện' })
  @Field(() => ID, { description: 'Mã định danh: số thứ tự của sự kiện.' })
  id: string;
  @ApiProperty() @Field({ description: 'Thời điểm thay đổi (ISO 8601, UTC).' }) at: Date;
  @ApiProperty({ enum: ['account', 'api-key', 'system'] })
  @Field({ description: 'Ai thay đổi: account (tài khoản), api-key (khóa API) hoặc system (hệ thống).' })
  actorType: string;
  @ApiProperty({ nullable: true, type: String })
  @Field(() => ID, { nullable: true, description: 'Mã tài khoản hoặc khóa API đã thay đổi; null với hệ thống.' })
  actorId: string | null;
  @ApiProperty() @Field({ description: 'Tên người, khóa hoặc tiến trình đã thay đổi.' }) actorLabel: string;
  @ApiProperty({ nullable: true, type: String, description: 'The unit the actor acted for' })
  @Field(() => ID, { nullable: true, description: 'Đơn vị mà người thay đổi thay mặt.' })
  actorUnitId: string | null;
  @ApiProperty({ example: 'unit' }) @Field({ description: 'Loại bản ghi, ví dụ unit, document, pledge.' }) entity: string;
  @ApiProperty() @Field({ description: 'Mã bản ghi được thay đổi.' }) entityId: string;
  @ApiProperty({ example: 'update' }) @Field({ description: 'Thao tác, ví dụ create, update, delete.' }) action: string;
  @ApiProperty({
    description: '{ field: { before, after } } of the fields that changed (an object over REST)',
    type: 'object',
    additionalProperties: true,
  })
  @Field(() => String, { description: 'JSON: { trường: { before, after } } (chuỗi JSON trong GraphQL)' })
  changes: string;
  @ApiProperty({
    nullable: true,
    type: String,
    pattern: '^[A-Za-z0-9._-]{1,64}$',
    description: 'x-request-id của yêu cầu đã thay đổi',
  })
  @Field(() => String, { nullable: true, description: 'Mã yêu cầu (x-request-id) để đối chiếu nhật ký máy chủ.' })
  requestId: string | null;
}

/** Filters of the audit trail (REST query string and GraphQL input). */
