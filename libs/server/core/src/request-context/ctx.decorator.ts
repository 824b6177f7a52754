import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { EntityManager } from 'typeorm';
import { ANONYMOUS_CALLER, type Caller } from '../access/caller.js';
import { RequestContext } from './request-context.js';

/** The authenticated caller is put on the request by the access guard, before any handler runs. */
export function setCaller(request: FastifyRequest, caller: Caller): void {
  (request as RequestWithContext).caller = caller;
}

export function callerOf(request: FastifyRequest): Caller | undefined {
  return (request as RequestWithContext).caller;
}

const CONTEXT_KEY = Symbol('danvan.requestContext');

type RequestWithContext = FastifyRequest & { [CONTEXT_KEY]?: RequestContext; caller?: Caller; transaction?: EntityManager };

/**
 * Makes every service call of this request join `manager`'s transaction (the
 * idempotency interceptor runs a POST and the record of its answer in one).
 */
export function bindTransaction(request: FastifyRequest, manager: EntityManager): void {
  const holder = request as RequestWithContext;
  holder.transaction = manager;
  // A retried transaction binds a new manager: the context made for the failed attempt must not be reused.
  delete holder[CONTEXT_KEY];
}

/** The Fastify request behind a REST call or a GraphQL operation. */
export function requestOf(executionContext: ExecutionContext): FastifyRequest {
  if (executionContext.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(executionContext).getContext<{ req: FastifyRequest }>().req;
  }
  return executionContext.switchToHttp().getRequest<FastifyRequest>();
}

/** The request context of the current request, created once per request. */
export function requestContextOf(request: FastifyRequest): RequestContext {
  const holder = request as RequestWithContext;
  holder[CONTEXT_KEY] ??= new RequestContext(String(request.id), holder.caller ?? ANONYMOUS_CALLER, holder.transaction);
  return holder[CONTEXT_KEY];
}

/** Injects the RequestContext into a controller or resolver method: `list(@Ctx() ctx: RequestContext)`. */
export const Ctx = createParamDecorator((_data: unknown, executionContext: ExecutionContext) =>
  requestContextOf(requestOf(executionContext)),
);
