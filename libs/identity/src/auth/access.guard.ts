import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Reflector } from '@nestjs/core';
import { PERMISSION_LABELS } from '@danvan/contracts';
import {
  ACCESS_METADATA,
  ANONYMOUS_CALLER,
  APP_CONFIG,
  callerOf,
  DomainError,
  requestOf,
  setCaller,
  type AppConfig,
  type Caller,
  type EndpointAccess,
} from '@danvan/core';
import { RateLimiter } from '../integrity/rate-limiter.js';
import { Authenticator } from './authenticator.js';

/** A request's caller, or why its credentials were refused. */
type Admission = { caller: Caller } | { refusal: unknown };

/** Reads what a handler declares (method first, then its class). */
export function accessOf(reflector: Reflector, context: ExecutionContext): EndpointAccess | undefined {
  return reflector.getAllAndOverride<EndpointAccess | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
}

/**
 * The one authorization mechanism, global for REST routes and GraphQL
 * operations and fields: authenticate once per request, then check what the
 * handler declares. A handler that declares nothing is refused (fail closed);
 * the access test lists every route and operation so that cannot ship.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');
  private readonly admissions = new WeakMap<FastifyRequest, Promise<Admission>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Who is calling, authenticated and counted once per request: GraphQL runs the guard for every field, the
   * root fields at the same time, so they share one admission. Answers the authentication failure instead of
   * a caller (counted against the IP's anonymous budget: guessing keys or tokens costs like any anonymous
   * request); rejects only with RATE_LIMITED.
   */
  private admissionOf(request: FastifyRequest): Promise<Admission> {
    let admission = this.admissions.get(request);
    if (!admission) {
      admission = this.admit(request);
      this.admissions.set(request, admission);
    }
    return admission;
  }

  private async admit(request: FastifyRequest): Promise<Admission> {
    let admission: Admission;
    try {
      admission = { caller: await this.authenticator.authenticate(request) };
    } catch (refusal) {
      admission = { refusal };
    }
    await this.countRequest(request, 'caller' in admission ? admission.caller : ANONYMOUS_CALLER);
    return admission;
  }

  /** Per key/account, or per IP without credentials. */
  private countRequest(request: FastifyRequest, caller: Caller): Promise<void> {
    const anonymous = caller.kind === 'anonymous';
    return this.rateLimiter.consume(
      anonymous ? `ip:${request.ip}` : `${caller.kind}:${caller.id}`,
      anonymous ? this.config.rateLimitAnonymousPerMinute : this.config.rateLimitPerMinute,
      60,
    );
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = accessOf(this.reflector, context);
    if (!access) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access rule: refused`);
      throw new DomainError('FORBIDDEN', 'Chức năng này chưa được khai báo quyền truy cập.');
    }
    const request = requestOf(context);
    let caller = callerOf(request);
    if (!caller) {
      const admission = await this.admissionOf(request);
      if ('refusal' in admission && access.kind !== 'public') throw admission.refusal;
      caller = 'caller' in admission ? admission.caller : ANONYMOUS_CALLER;
      setCaller(request, caller);
    }
    if (access.kind === 'public') return true;
    if (caller.kind === 'anonymous') {
      throw new DomainError('UNAUTHENTICATED', 'Cần đăng nhập hoặc gửi khóa API (Authorization: Bearer …).');
    }
    if (caller.mustChangePassword && !access.allowTemporaryPassword) {
      throw new DomainError('FORBIDDEN', 'Bạn đang dùng mật khẩu tạm thời: hãy đổi mật khẩu trước khi tiếp tục.');
    }
    if (access.kind === 'permission' && !caller.permissions.has(access.permission)) {
      throw new DomainError('FORBIDDEN', `Bạn không có quyền: ${PERMISSION_LABELS[access.permission]}.`);
    }
    return true;
  }
}
