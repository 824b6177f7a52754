import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PERMISSIONS, ROLES, type CurrentAccount, type Permission, type Role, type SessionTokens } from '@danvan/contracts';

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

export class CurrentAccountView implements CurrentAccount {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ description: 'Empty for administrators (not bound to a unit)' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: PERMISSIONS, isArray: true }) permissions: Permission[];
  @ApiProperty() mustChangePassword: boolean;
}

export class SessionTokensView implements SessionTokens {
  @ApiProperty({ description: 'Bearer token for every other call; valid 15 minutes' }) accessToken: string;
  @ApiProperty() accessTokenExpiresAt: string;
  @ApiProperty({ description: 'Opaque; renews the session once (POST /api/v1/auth/refresh); valid 30 days' }) refreshToken: string;
  @ApiProperty() refreshTokenExpiresAt: string;
  @ApiProperty({ type: CurrentAccountView }) account: CurrentAccountView;
}
