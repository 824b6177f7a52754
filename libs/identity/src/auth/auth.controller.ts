import { Body, Controller, Get, HttpCode, Inject, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { CurrentCaller, SessionTokens } from '@danvan/contracts';
import { ApiProblems, APP_CONFIG, Ctx, PublicEndpoint, RequestContext, RequireAuthentication, type AppConfig } from '@danvan/core';
import { RateLimiter } from '../integrity/rate-limiter.js';
import {
  ChangePasswordInput,
  CurrentAccountView,
  CurrentApiKeyView,
  LoginInput,
  RefreshInput,
  SessionTokensView,
} from '../dto/auth.dto.js';
import { AuthService } from './auth.service.js';

/** Sessions of accounts (the admin UI). Integrations use API keys instead. */
@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @PublicEndpoint('signing in is how a caller gets credentials')
  @ApiProblems({ add: [401] })
  @ApiOperation({ summary: 'Sign in; 401 for wrong credentials, 429 with Retry-After while locked after repeated failures' })
  @ApiOkResponse({ type: SessionTokensView })
  async login(@Ctx() ctx: RequestContext, @Ip() ip: string, @Body() input: LoginInput): Promise<SessionTokens> {
    // Counted in the database at once: guessing passwords from one address is capped across every API process.
    await this.rateLimiter.hitNow(`login:${ip}`, this.config.loginRateLimitPerMinute, 60);
    return this.auth.login(ctx, input.username, input.password);
  }

  @Post('refresh')
  @HttpCode(200)
  @PublicEndpoint('the refresh token in the body is the credential')
  @ApiProblems({ add: [401] })
  @ApiOperation({ summary: 'New tokens for a refresh token (which is then spent)' })
  @ApiOkResponse({ type: SessionTokensView })
  refresh(@Ctx() ctx: RequestContext, @Body() input: RefreshInput): Promise<SessionTokens> {
    return this.auth.refresh(ctx, input.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @PublicEndpoint('the refresh token in the body is the credential; ending a session needs no other')
  @ApiOperation({ summary: 'End the session of a refresh token' })
  @ApiNoContentResponse()
  async logout(@Ctx() ctx: RequestContext, @Body() input: RefreshInput): Promise<void> {
    await this.auth.logout(ctx, input.refreshToken);
  }

  @Get('me')
  @RequireAuthentication({ allowTemporaryPassword: true })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who is calling: the signed-in account with its permissions, or the API key with its unit, scopes and expiry' })
  @ApiExtraModels(CurrentAccountView, CurrentApiKeyView)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(CurrentAccountView) }, { $ref: getSchemaPath(CurrentApiKeyView) }] } })
  me(@Ctx() ctx: RequestContext): Promise<CurrentCaller> {
    return this.auth.whoAmI(ctx);
  }

  @Post('password')
  @HttpCode(200)
  @RequireAuthentication({ allowTemporaryPassword: true })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change the own password: every other session ends; answers new tokens for this one' })
  @ApiOkResponse({ type: SessionTokensView })
  changePassword(@Ctx() ctx: RequestContext, @Body() input: ChangePasswordInput): Promise<SessionTokens> {
    return this.auth.changePassword(ctx, input.currentPassword, input.newPassword);
  }
}
