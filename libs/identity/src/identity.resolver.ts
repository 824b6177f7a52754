import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { CurrentCaller } from '@danvan/contracts';
import { Ctx, ParseIdPipe, RequestContext, RequireAuthentication, RequirePermission } from '@danvan/core';
import { AuthService } from './auth/auth.service.js';
import { CurrentCallerUnion } from './dto/auth.dto.js';
import { AccountAdminService } from './accounts/account-admin.service.js';
import { ApiKeyService } from './api-keys/api-key.service.js';
import { AuditService } from './audit/audit.service.js';
import {
  AccountView,
  AccountWithPassword,
  ApiKeyView,
  ApiKeyWithSecret,
  AuditEventView,
  CreateAccountInput,
  CreateApiKeyInput,
  UpdateAccountInput,
} from './dto/identity.views.js';
import { AccountListOptions, ApiKeyListOptions, AuditEventListOptions } from './identity.lists.js';
import { ACCOUNT_POLICY } from './accounts/account.policy.js';
import { API_KEY_POLICY } from './api-keys/api-key.policy.js';
import { AUDIT_POLICY } from './audit/audit.policy.js';
import type { GraphqlPage } from '@danvan/kit';
import { ACCOUNT_LIST, API_KEY_LIST, AUDIT_EVENT_LIST } from './identity.lists.js';

/** GraphQL page type of the list (built here, before the schema is: a type made lazily is not registered). */
const AccountList = ACCOUNT_LIST.graphqlPage(AccountView);
const ApiKeyList = API_KEY_LIST.graphqlPage(ApiKeyView);
const AuditEventList = AUDIT_EVENT_LIST.graphqlPage(AuditEventView);

/** GraphQL of accounts, API keys and the audit trail (the admin's screens). */
@Resolver()
export class IdentityResolver {
  constructor(
    private readonly accounts: AccountAdminService,
    private readonly apiKeyService: ApiKeyService,
    private readonly auditTrail: AuditService,
    private readonly auth: AuthService,
  ) {}

  @Query(() => CurrentCallerUnion, {
    description: 'Người đang gọi: tài khoản đăng nhập (với quyền) hoặc khóa API (đơn vị, quyền, hạn dùng)',
  })
  @RequireAuthentication({ allowTemporaryPassword: true })
  me(@Ctx() ctx: RequestContext): Promise<CurrentCaller> {
    return this.auth.whoAmI(ctx);
  }

  @Query(() => AccountList, {
    description: 'Tài khoản trong phạm vi của bạn: lọc theo vai trò, đơn vị; tìm theo tên.',
  })
  @RequirePermission(ACCOUNT_POLICY.readPermission)
  accountList(
    @Ctx() ctx: RequestContext,
    @Args('options', {
      type: () => AccountListOptions,
      nullable: true,
      description: 'Lọc và phân trang (mặc định: trang 1, 20 tài khoản).',
    })
    options?: AccountListOptions,
  ): Promise<GraphqlPage<AccountView>> {
    return this.accounts.list(ctx, options ?? {});
  }

  @Query(() => AccountView, { description: 'Một tài khoản (lỗi NOT_FOUND nếu không có hoặc ngoài phạm vi của bạn).' })
  @RequirePermission(ACCOUNT_POLICY.readPermission)
  account(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Mã định danh của tài khoản (UUID).' }, ParseIdPipe) id: string,
  ): Promise<AccountView> {
    return this.accounts.get(ctx, id);
  }

  @Mutation(() => AccountWithPassword, { description: 'Tạo tài khoản với mật khẩu dùng một lần (phải đổi khi đăng nhập lần đầu).' })
  @RequirePermission(ACCOUNT_POLICY.createPermission)
  createAccount(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'Tài khoản mới.' }) input: CreateAccountInput,
  ): Promise<AccountWithPassword> {
    return this.accounts.create(ctx, input);
  }

  @Mutation(() => AccountView, { description: 'Sửa tài khoản (tên, vai trò, đơn vị; vô hiệu hóa).' })
  @RequirePermission(ACCOUNT_POLICY.permission('update'))
  updateAccount(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Mã định danh của tài khoản (UUID).' }, ParseIdPipe) id: string,
    @Args('expectedVersion', { type: () => Int, description: 'Phiên bản đã đọc (lỗi CONFLICT nếu đã có người sửa trước).' })
    expectedVersion: number,
    @Args('input', { description: 'Các trường cần sửa.' }) input: UpdateAccountInput,
  ): Promise<AccountView> {
    return this.accounts.update(ctx, id, expectedVersion, input);
  }

  @Mutation(() => AccountWithPassword, { description: 'Cấp mật khẩu dùng một lần mới; mọi phiên đăng nhập của tài khoản kết thúc.' })
  @RequirePermission(ACCOUNT_POLICY.permission('resetPassword'))
  resetAccountPassword(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Mã định danh của tài khoản (UUID).' }, ParseIdPipe) id: string,
  ): Promise<AccountWithPassword> {
    return this.accounts.resetPassword(ctx, id);
  }

  @Query(() => ApiKeyList, { description: 'Khóa API trong phạm vi của bạn (mặc định chỉ khóa còn hiệu lực).' })
  @RequirePermission(API_KEY_POLICY.readPermission)
  apiKeys(
    @Ctx() ctx: RequestContext,
    @Args('options', { type: () => ApiKeyListOptions, nullable: true, description: 'Lọc và phân trang (mặc định: trang 1, 20 khóa).' })
    options?: ApiKeyListOptions,
  ): Promise<GraphqlPage<ApiKeyView>> {
    return this.apiKeyService.list(ctx, options ?? {});
  }

  @Mutation(() => ApiKeyWithSecret, { description: 'Tạo khóa API; phần bí mật chỉ hiển thị một lần.' })
  @RequirePermission(API_KEY_POLICY.createPermission)
  createApiKey(
    @Ctx() ctx: RequestContext,
    @Args('input', { description: 'Khóa mới.' }) input: CreateApiKeyInput,
  ): Promise<ApiKeyWithSecret> {
    return this.apiKeyService.create(ctx, input);
  }

  @Mutation(() => ApiKeyView, { description: 'Thu hồi khóa API: mọi yêu cầu dùng khóa này bị từ chối từ nay.' })
  @RequirePermission(API_KEY_POLICY.permission('revoke'))
  revokeApiKey(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'Mã định danh của khóa (UUID).' }, ParseIdPipe) id: string,
  ): Promise<ApiKeyView> {
    return this.apiKeyService.revoke(ctx, id);
  }

  @Query(() => AuditEventList, { description: 'Nhật ký thay đổi, mới nhất trước, trong phạm vi của bạn.' })
  @RequirePermission(AUDIT_POLICY.readPermission)
  auditEvents(
    @Ctx() ctx: RequestContext,
    @Args('options', {
      type: () => AuditEventListOptions,
      nullable: true,
      description: 'Lọc theo bản ghi, thao tác, người thay đổi, khoảng thời gian; phân trang (mặc định: trang 1, 20 sự kiện).',
    })
    options?: AuditEventListOptions,
  ): Promise<GraphqlPage<AuditEventView>> {
    return this.auditTrail.list(ctx, options ?? {});
  }
}
