import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { ProblemDetails } from '@danvan/contracts';
import { etagOf } from '../rest/if-match.js';
import { ERROR_MAPPING, problemType } from './error-mapping.js';
import { toProblem, type Problem } from './problem.js';

/**
 * The single exception filter of both transports: REST answers RFC 9457
 * `application/problem+json`; GraphQL gets a GraphQLError whose extensions carry
 * `code` (Apollo vocabulary), `reason` (danvan ErrorCode) and `fields`.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): GraphQLError | void {
    const graphql = host.getType<string>() === 'graphql';
    const request = graphql ? undefined : host.switchToHttp().getRequest<FastifyRequest>();
    const problem = toProblem(exception, request);
    if (problem.unexpected) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (request === undefined) return toGraphQLError(problem);
    sendProblem(request, host.switchToHttp().getResponse<FastifyReply>(), problem);
  }
}

export function toGraphQLError(problem: Problem): GraphQLError {
  return new GraphQLError(problem.detail, {
    extensions: {
      code: ERROR_MAPPING[problem.code].graphqlCode,
      reason: problem.code,
      ...(problem.fields.length ? { fields: problem.fields } : {}),
      ...(problem.retryAfterSeconds ? { retryAfter: problem.retryAfterSeconds } : {}),
      ...(problem.currentVersion !== undefined ? { currentVersion: problem.currentVersion } : {}),
    },
  });
}

export function problemBody(request: FastifyRequest, problem: Problem): ProblemDetails {
  return {
    type: problemType(problem.code),
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: request.url,
    code: problem.code,
    ...(problem.fields.length ? { errors: problem.fields } : {}),
    ...(problem.currentVersion !== undefined ? { currentVersion: problem.currentVersion } : {}),
    requestId: String(request.id),
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem): void {
  if (problem.retryAfterSeconds) void reply.header('retry-after', String(problem.retryAfterSeconds));
  // The version now, as the ETag a GET would give: the caller can retry knowingly.
  if (typeof problem.currentVersion === 'number') void reply.header('etag', etagOf(problem.currentVersion));
  if (problem.status === 401) void reply.header('www-authenticate', 'Bearer realm="danvan"');
  void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problemBody(request, problem));
}
