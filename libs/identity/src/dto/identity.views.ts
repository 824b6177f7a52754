import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
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
import { API_KEY_SCOPES, ROLES, type ApiKeyScope, type Role } from '@danvan/contracts';
import { registerEnumType } from '@nestjs/graphql';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as Record<Role, Role>;
registerEnumType(RoleEnum, { name: 'Role', description: 'Vai trò: quản trị, văn phòng Ban Dân vận, tổ chức thành viên, chỉ xem.' });

@ObjectType('Account', { description: 'Tài khoản người dùng (không bao giờ trả về mật khẩu hay mã băm).' })
export class AccountView {
  @Field(() => ID) id: string;
  @Field() username: string;
  @Field() displayName: string;
  @Field(() => RoleEnum) role: Role;
  @Field(() => ID, { nullable: true }) unitId: string | null;
  @Field(() => String, { nullable: true }) unitName: string | null;
  @Field() active: boolean;
  @Field() mustChangePassword: boolean;
  @Field(() => Date, { nullable: true }) lockedUntil: Date | null;
  @Field(() => Date, { nullable: true }) lastLoginAt: Date | null;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('AccountList')
export class AccountList {
  @Field(() => [AccountView]) items: AccountView[];
  @Field(() => Int) totalItems: number;
}

@ObjectType('AccountWithPassword', { description: 'Tài khoản và mật khẩu dùng một lần: chỉ hiển thị một lần duy nhất.' })
export class AccountWithPassword {
  @Field(() => AccountView) account: AccountView;
  @Field() oneTimePassword: string;
}

@InputType('CreateAccountInput')
export class CreateAccountInput {
  @Field({ description: 'Chữ thường không dấu, số, . _ - (3–64 ký tự)' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: 'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, chữ số, dấu . _ -' })
  username: string;

  @Field() @IsString() @IsNotEmpty() @MaxLength(120) displayName: string;
  @Field(() => RoleEnum) @IsIn(ROLES) role: Role;
  @Field(() => ID, { nullable: true, description: 'Bắt buộc trừ vai trò quản trị' }) @IsOptional() @IsUUID('all') unitId?: string | null;
}

@InputType('UpdateAccountInput')
export class UpdateAccountInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(120) displayName?: string;
  @Field(() => RoleEnum, { nullable: true }) @IsOptional() @IsIn(ROLES) role?: Role;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') unitId?: string | null;
  @Field({ nullable: true, description: 'false: vô hiệu hóa, mọi phiên đăng nhập kết thúc' }) @IsOptional() @IsBoolean() active?: boolean;
}

@ObjectType('ApiKey', { description: 'Khóa API của một đơn vị để tích hợp (phần bí mật chỉ hiển thị một lần khi tạo).' })
export class ApiKeyView {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => ID) unitId: string;
  @Field() unitName: string;
  @Field(() => [String]) scopes: string[];
  @Field({ description: 'Phần đầu công khai của khóa, để nhận ra khóa (dvk_<prefix>_…)' }) prefix: string;
  @Field(() => Date, { nullable: true }) expiresAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => String, { nullable: true }) createdBy: string | null;
  @Field() createdAt: Date;
}

@ObjectType('ApiKeyList')
export class ApiKeyList {
  @Field(() => [ApiKeyView]) items: ApiKeyView[];
  @Field(() => Int) totalItems: number;
}

@ObjectType('ApiKeyWithSecret')
export class ApiKeyWithSecret {
  @Field(() => ApiKeyView) apiKey: ApiKeyView;
  @Field({ description: 'Khóa đầy đủ, dùng làm Authorization: Bearer <khóa>. Chỉ hiển thị lần này.' }) secret: string;
}

@InputType('CreateApiKeyInput')
export class CreateApiKeyInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(120) name: string;
  @Field(() => ID) @IsUUID('all') unitId: string;
  @Field(() => [String], { description: `Quyền của khóa: ${API_KEY_SCOPES.join(', ')}` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true })
  scopes: ApiKeyScope[];
  @Field(() => Date, { nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'Ngày hết hạn phải là thời điểm hợp lệ (ISO 8601, ví dụ 2026-12-31T23:59:59+07:00).' })
  expiresAt?: Date | null;
}

@ObjectType('AuditEvent', { description: 'Một thay đổi trong nhật ký (chỉ ghi thêm, không sửa, không xóa).' })
export class AuditEventView {
  @ApiProperty() @Field(() => ID) id: string;
  @ApiProperty() @Field() at: Date;
  @ApiProperty({ enum: ['account', 'api-key', 'system'] }) @Field() actorType: string;
  @ApiProperty({ nullable: true, type: String }) @Field(() => ID, { nullable: true }) actorId: string | null;
  @ApiProperty() @Field() actorLabel: string;
  @ApiProperty({ nullable: true, type: String, description: 'The unit the actor acted for' })
  @Field(() => ID, { nullable: true })
  actorUnitId: string | null;
  @ApiProperty({ example: 'unit' }) @Field() entity: string;
  @ApiProperty() @Field() entityId: string;
  @ApiProperty({ example: 'update' }) @Field() action: string;
  @ApiProperty({
    description: '{ field: { before, after } } of the fields that changed (an object over REST)',
    type: 'object',
    additionalProperties: true,
  })
  @Field(() => String, { description: 'JSON: { trường: { before, after } } (chuỗi JSON trong GraphQL)' })
  changes: string;
  @ApiProperty({ nullable: true, type: String }) @Field(() => String, { nullable: true }) requestId: string | null;
}

@ObjectType('AuditEventList')
export class AuditEventList {
  @ApiProperty({ type: [AuditEventView] }) @Field(() => [AuditEventView]) items: AuditEventView[];
  @ApiProperty() @Field(() => Int) totalItems: number;
}

/** Filters of the audit trail (REST query string and GraphQL input). */
