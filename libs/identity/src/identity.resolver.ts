import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, ParseIdPipe, RequestContext, RequirePermission } from '@danvan/core';
import { AccountAdminService } from './accounts/account-admin.service.js';
import { ApiKeyService } from './api-keys/api-key.service.js';
import { AuditService } from './audit/audit.service.js';
import {
  AccountList,
  AccountView,
  AccountWithPassword,
  ApiKeyList,
  ApiKeyView,
  ApiKeyWithSecret,
  AuditEventList,
  CreateAccountInput,
  CreateApiKeyInput,
  UpdateAccountInput,
} from './dto/identity.views.js';
import { AccountListOptions, ApiKeyListOptions, AuditEventListOptions } from './identity.lists.js';

/** GraphQL of accounts, API keys and the audit trail (the admin's screens). */
@Resolver()
export class IdentityResolver {
  constructor(
    private readonly accounts: AccountAdminService,
    private readonly apiKeyService: ApiKeyService,
    private readonly auditTrail: AuditService,
  ) {}

  @Query(() => AccountList)
  @RequirePermission('accounts:read')
  accountList(
    @Ctx() ctx: RequestContext,
    @Args('options', { type: () => AccountListOptions, nullable: true }) options?: AccountListOptions,
  ): Promise<AccountList> {
    return this.accounts.list(ctx, options ?? {});
  }

  @Query(() => AccountView)
  @RequirePermission('accounts:read')
  account(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<AccountView> {
    return this.accounts.get(ctx, id);
  }

  @Mutation(() => AccountWithPassword, { description: 'Tạo tài khoản với mật khẩu dùng một lần (phải đổi khi đăng nhập lần đầu).' })
  @RequirePermission('accounts:manage')
  createAccount(@Ctx() ctx: RequestContext, @Args('input') input: CreateAccountInput): Promise<AccountWithPassword> {
    return this.accounts.create(ctx, input);
  }

  @Mutation(() => AccountView)
  @RequirePermission('accounts:manage')
  updateAccount(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateAccountInput,
  ): Promise<AccountView> {
    return this.accounts.update(ctx, id, expectedVersion, input);
  }

  @Mutation(() => AccountWithPassword, { description: 'Cấp mật khẩu dùng một lần mới; mọi phiên đăng nhập của tài khoản kết thúc.' })
  @RequirePermission('accounts:manage')
  resetAccountPassword(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<AccountWithPassword> {
    return this.accounts.resetPassword(ctx, id);
  }

  @Query(() => ApiKeyList)
  @RequirePermission('api-keys:read')
  apiKeys(
    @Ctx() ctx: RequestContext,
    @Args('options', { type: () => ApiKeyListOptions, nullable: true }) options?: ApiKeyListOptions,
  ): Promise<ApiKeyList> {
    return this.apiKeyService.list(ctx, options ?? {});
  }

  @Mutation(() => ApiKeyWithSecret, { description: 'Tạo khóa API; phần bí mật chỉ hiển thị một lần.' })
  @RequirePermission('api-keys:manage')
  createApiKey(@Ctx() ctx: RequestContext, @Args('input') input: CreateApiKeyInput): Promise<ApiKeyWithSecret> {
    return this.apiKeyService.create(ctx, input);
  }

  @Mutation(() => ApiKeyView)
  @RequirePermission('api-keys:manage')
  revokeApiKey(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<ApiKeyView> {
    return this.apiKeyService.revoke(ctx, id);
  }

  @Query(() => AuditEventList, { description: 'Nhật ký thay đổi, mới nhất trước, trong phạm vi của bạn.' })
  @RequirePermission('audit:read')
  auditEvents(
    @Ctx() ctx: RequestContext,
    @Args('options', { type: () => AuditEventListOptions, nullable: true }) options?: AuditEventListOptions,
  ): Promise<AuditEventList> {
    return this.auditTrail.list(ctx, options ?? {});
  }
}
