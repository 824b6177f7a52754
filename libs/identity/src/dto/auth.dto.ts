import { Field, ID, ObjectType, createUnionType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import {
  PERMISSIONS,
  ROLES,
  type CurrentAccount,
  type CurrentApiKey,
  type CurrentCaller,
  type Permission,
  type Role,
  type SessionTokens,
} from '@danvan/contracts';

export class LoginInput {
  @ApiProperty({ example: 'admin' }) @IsString() @IsNotEmpty() @MaxLength(64) username: string;
  @ApiProperty({ example: '••••••••••' }) @IsString() @IsNotEmpty() @MaxLength(200) password: string;
}

export class RefreshInput {
  @ApiProperty({ description: 'The refresh token of the login or the last refresh (each is usable once)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class ChangePasswordInput {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) currentPassword: string;
  @ApiProperty({ minLength: 10 }) @IsString() @IsNotEmpty() @MaxLength(200) newPassword: string;
}

@ObjectType('CurrentAccount', { description: 'Tài khoản đang đăng nhập, với các quyền của nó' })
export class CurrentAccountView implements CurrentAccount {
  @ApiProperty({ format: 'uuid' }) @Field(() => ID, { description: 'Mã tài khoản' }) id: string;
  @ApiProperty() @Field({ description: 'Tên đăng nhập' }) username: string;
  @ApiProperty() @Field({ description: 'Tên hiển thị' }) displayName: string;
  @ApiProperty({ enum: ROLES }) @Field(() => String, { description: `Vai trò: ${ROLES.join(', ')}` }) role: Role;
  @ApiProperty({ description: 'Empty for administrators (not bound to a unit)', pattern: '^([0-9a-fA-F-]{36})?$', maxLength: 36 })
  @Field({ description: 'Mã đơn vị của tài khoản; rỗng với quản trị hệ thống' })
  unitId: string;
  @ApiProperty() @Field({ description: 'Tên đơn vị của tài khoản' }) unitName: string;
  @ApiProperty({ enum: PERMISSIONS, isArray: true })
  @Field(() => [String], { description: 'Các quyền của tài khoản' })
  permissions: Permission[];
  @ApiProperty() @Field({ description: 'true: đang dùng mật khẩu tạm thời, phải đổi trước khi làm việc khác' }) mustChangePassword: boolean;
}

@ObjectType('CurrentApiKey', { description: 'Khóa API đang gọi: đơn vị, quyền và hạn dùng của nó' })
export class CurrentApiKeyView implements CurrentApiKey {
  @ApiProperty({ enum: ['api-key'] }) @Field(() => String, { description: 'Luôn là "api-key"' }) kind: 'api-key';
  @ApiProperty({ format: 'uuid' }) @Field(() => ID, { description: 'Mã khóa API' }) id: string;
  @ApiProperty() @Field({ description: 'Tên khóa API' }) name: string;
  @ApiProperty({ description: 'The public part of the key (dvk_<prefix>_…)' })
  @Field({ description: 'Phần đầu công khai của khóa (dvk_<prefix>_…)' })
  prefix: string;
  @ApiProperty({ format: 'uuid' }) @Field(() => ID, { description: 'Mã đơn vị của khóa' }) unitId: string;
  @ApiProperty() @Field({ description: 'Tên đơn vị của khóa' }) unitName: string;
  @ApiProperty({ enum: PERMISSIONS, isArray: true }) @Field(() => [String], { description: 'Các quyền của khóa' }) scopes: Permission[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: the key does not expire' })
  @Field(() => String, { nullable: true, description: 'Thời điểm hết hạn (ISO 8601); null: không hết hạn' })
  expiresAt: string | null;
}

/** GraphQL `me`: an account or an API key. */
export const CurrentCallerUnion = createUnionType({
  name: 'CurrentCaller',
  description: 'Người đang gọi: tài khoản đăng nhập hoặc khóa API',
  types: () => [CurrentAccountView, CurrentApiKeyView] as const,
  resolveType: (value: CurrentCaller) => ('kind' in value && value.kind === 'api-key' ? CurrentApiKeyView : CurrentAccountView),
});

export class SessionTokensView implements SessionTokens {
  @ApiProperty({ description: 'Bearer token for every other call; valid 15 minutes' }) accessToken: string;
  @ApiProperty() accessTokenExpiresAt: string;
  @ApiProperty({ description: 'Opaque; renews the session once (POST /api/v1/auth/refresh); valid 30 days' }) refreshToken: string;
  @ApiProperty() refreshTokenExpiresAt: string;
  @ApiProperty({ type: CurrentAccountView }) account: CurrentAccountView;
}
