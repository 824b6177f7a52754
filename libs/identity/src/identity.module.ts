import { Module } from '@nestjs/common';
import { UnitsModule } from '@danvan/units';
import { AccountAdminService } from './accounts/account-admin.service.js';
import { ApiKeyCache } from './api-keys/api-key-cache.js';
import { ApiKeyService } from './api-keys/api-key.service.js';
import { AuditController } from './audit/audit.controller.js';
import { AuditService } from './audit/audit.service.js';
import { IdentityResolver } from './identity.resolver.js';
import { IdempotencyInterceptor } from './integrity/idempotency.interceptor.js';
import { IdempotencyPurgeJob } from './integrity/idempotency-purge.job.js';
import { RateLimitPurgeJob } from './integrity/rate-limit-purge.job.js';
import { RateLimiter } from './integrity/rate-limiter.js';
import { AccountRepository } from './accounts/account.repository.js';
import { AccessGuard } from './auth/access.guard.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthService } from './auth/auth.service.js';
import { Authenticator } from './auth/authenticator.js';
import { TokenService } from './auth/token.service.js';

/** Accounts, sessions, API keys and the access guard every endpoint goes through. */
@Module({
  imports: [UnitsModule],
  controllers: [AuthController, AuditController],
  providers: [
    AccountRepository,
    TokenService,
    AuthService,
    Authenticator,
    AccessGuard,
    ApiKeyCache,
    ApiKeyService,
    AccountAdminService,
    AuditService,
    IdentityResolver,
    IdempotencyInterceptor,
    IdempotencyPurgeJob,
    RateLimitPurgeJob,
    RateLimiter,
  ],
  exports: [AccessGuard, IdempotencyInterceptor, AuthService, AccountRepository],
})
export class IdentityModule {}
