import { createHash } from 'node:crypto';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { bindTransaction, callerOf, DomainError } from '@danvan/core';
import { Database, retryingTransaction } from '@danvan/database';

/** Records are kept at least this long (then purged by `IdempotencyPurgeJob`): a retry within two days replays the first answer. */
export const IDEMPOTENCY_RETENTION_HOURS = 48;
/** What an Idempotency-Key may be (also its schema in the OpenAPI document). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
const REPLAYED_HEADERS = ['location', 'etag', 'content-type'];
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
/** Routes under this prefix answer session tokens: Idempotency-Key is ignored there. */
export const SESSION_ROUTES = '/api/v1/auth/';

interface StoredRecord {
  request_hash: string;
  status: number | null;
  /** The body as sent, byte for byte (null: a record stored before it was kept, replayed from `response`). */
  response_body: Buffer | null;
  /** The body's JSON value, as records stored before `response_body` kept it. */
  response: unknown;
  headers: Record<string, string> | null;
}

/** Stable JSON (sorted keys) so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Buffer.isBuffer(value)) return `"sha256:${createHash('sha256').update(value).digest('hex')}"`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * `Idempotency-Key` on REST POST: the first request with a key runs, in one
 * transaction with the record of its answer; a retry with the same key and body
 * gets that answer again (header `Idempotent-Replayed: true`) and creates nothing,
 * also when retries arrive concurrently (they wait on the record's row lock).
 * The same key with another body is refused (422). Failed requests are not kept,
 * so they can be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly database: Database) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    // Sign-in, refresh and password answers carry session tokens: they are never stored for replay.
    if (request.url.startsWith(SESSION_ROUTES)) return next.handle();
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw DomainError.validation([
        { field: 'Idempotency-Key', code: 'format', message: 'Idempotency-Key gồm 1–128 ký tự chữ, số và _ . : - (ví dụ một UUID).' },
      ]);
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const caller = callerOf(request);
    const callerKey = `${caller?.kind ?? 'anonymous'}:${caller?.id ?? request.ip}`;
    const requestHash = createHash('sha256')
      .update(`${request.url}\n${canonical(request.body)}`)
      .digest('hex');
    // The status Nest will send: the route's @HttpCode, else 201 for POST (a handler may have set it already).
    const declared = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? 201;
    return from(this.run(request, reply, next, callerKey, key, requestHash, declared));
  }

  private async run(
    request: FastifyRequest,
    reply: FastifyReply,
    next: CallHandler,
    caller: string,
    key: string,
    requestHash: string,
    status: number,
  ): Promise<unknown> {
    // Retried whole on a deadlock or serialization failure: the handler runs again in the new transaction.
    return retryingTransaction(this.database, async (manager) => {
      await manager.query(`INSERT INTO idempotency_record (caller, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        caller,
        key,
        requestHash,
      ]);
      const [record] = (await manager.query(
        `SELECT request_hash, status, response_body, response, headers FROM idempotency_record WHERE caller = $1 AND key = $2 FOR UPDATE`,
        [caller, key],
      )) as StoredRecord[];
      if (record.request_hash !== requestHash) {
        throw new DomainError(
          'IDEMPOTENCY_MISMATCH',
          'Idempotency-Key này đã được dùng cho một yêu cầu khác. Hãy dùng khóa mới cho mỗi yêu cầu mới.',
        );
      }
      if (record.status !== null) {
        void reply.status(record.status).header('idempotent-replayed', 'true');
        for (const [name, value] of Object.entries(record.headers ?? {})) void reply.header(name, value);
        if (record.response_body === null) {
          // Stored before the body was kept as sent: its JSON value is all there is.
          void reply.header('content-type', JSON_CONTENT_TYPE);
          return JSON.stringify(record.response ?? null);
        }
        return record.response_body.length ? Buffer.from(record.response_body) : undefined;
      }
      bindTransaction(request, manager);
      // The status the answer goes out with: the declared one, unless the handler sets its own (reply.status).
      void reply.status(status);
      const answer = await lastValueFrom(next.handle(), { defaultValue: undefined });
      // Serialized here, once: the bytes sent now are the bytes stored for every replay.
      const body = serialized(answer, reply);
      const headers = Object.fromEntries(REPLAYED_HEADERS.map((h) => [h, reply.getHeader(h)]).filter(([, v]) => typeof v === 'string'));
      await manager.query(
        `UPDATE idempotency_record SET status = $3, response_body = $4, headers = $5::jsonb WHERE caller = $1 AND key = $2`,
        [caller, key, reply.statusCode, body ?? Buffer.alloc(0), JSON.stringify(headers)],
      );
      return typeof answer === 'object' && answer !== null && !Buffer.isBuffer(answer) ? (body as Buffer).toString('utf8') : answer;
    });
  }
}

/** The bytes an answer goes out as; a JSON value is serialized here (and its content-type set) so that a replay sends the same bytes. */
function serialized(answer: unknown, reply: FastifyReply): Buffer | undefined {
  if (answer === undefined || answer === null) return undefined;
  // The content-type Fastify would choose, set here so that it is stored with the bytes and replayed.
  if (Buffer.isBuffer(answer)) {
    if (!reply.hasHeader('content-type')) void reply.header('content-type', 'application/octet-stream');
    return answer;
  }
  if (typeof answer === 'string') {
    if (!reply.hasHeader('content-type')) void reply.header('content-type', 'text/plain; charset=utf-8');
    return Buffer.from(answer, 'utf8');
  }
  if (!reply.hasHeader('content-type')) void reply.header('content-type', JSON_CONTENT_TYPE);
  return Buffer.from(JSON.stringify(answer), 'utf8');
}
