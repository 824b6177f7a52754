import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Res, type Type } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError, etagOf, versionFromIfMatch } from '@danvan/core';
import { NO_VERSION_SENT, type ExpectedVersion } from './expected-version.js';

/** A view that carries its version (its ETag). */
export interface Versioned {
  version: number;
}

/**
 * Runs a REST write guarded by If-Match, in the one shape every versioned REST
 * resource answers:
 * - `required` (an update): no If-Match → `work` gets NO_VERSION_SENT, and the
 *   service's own check (after its not-found and permission checks) answers 428
 *   naming the current version;
 * - `optional` (a delete, or a record made on its first write): no If-Match →
 *   `work` gets null;
 * - a stale version → 412 Precondition Failed with the current `ETag`; a version
 *   sent for what does not exist yet → 412 with field code `notCreatedYet`.
 * GraphQL sends `expectedVersion` straight to the service and gets the same
 * DomainErrors (VERSION_CONFLICT, PRECONDITION_REQUIRED) with their own mapping.
 */
export function withIfMatch<T>(header: string | undefined, rule: 'required', work: (expected: ExpectedVersion) => Promise<T>): Promise<T>;
export function withIfMatch<T>(header: string | undefined, rule: 'optional', work: (expected: number | null) => Promise<T>): Promise<T>;
export async function withIfMatch<T>(
  header: string | undefined,
  rule: 'required' | 'optional',
  work: (expected: never) => Promise<T>,
): Promise<T> {
  const sent = versionFromIfMatch(header, false);
  const expected = sent ?? (rule === 'required' ? NO_VERSION_SENT : null);
  try {
    return await work(expected as never);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (sent === null && rule === 'required' && (error.code === 'VERSION_CONFLICT' || error.code === 'PRECONDITION_REQUIRED')) {
      throw ifMatchRequired(error.currentVersion);
    }
    if (error.code === 'VERSION_CONFLICT' || error.code === 'PRECONDITION_REQUIRED') {
      // GraphQL names the version `expectedVersion`; over REST it is the If-Match header.
      const fields = error.fields.map((f) => (f.field === 'expectedVersion' ? { ...f, field: 'If-Match' } : f));
      const rest = new DomainError(error.code === 'VERSION_CONFLICT' ? 'PRECONDITION_FAILED' : error.code, error.message, fields);
      rest.currentVersion = error.currentVersion;
      throw rest;
    }
    throw error;
  }
}

function ifMatchRequired(current: number | null | undefined): DomainError {
  const message =
    typeof current === 'number'
      ? `Thiếu tiêu đề If-Match: bản ghi đang ở phiên bản ${current}; hãy gửi If-Match: ${etagOf(current)} (ETag nhận được khi đọc) để sửa đúng bản đã đọc.`
      : 'Thiếu tiêu đề If-Match: hãy gửi ETag (phiên bản) nhận được khi đọc bản ghi, ví dụ If-Match: "3".';
  const error = new DomainError('PRECONDITION_REQUIRED', message, [{ field: 'If-Match', code: 'required', message }]);
  error.currentVersion = current ?? undefined;
  return error;
}

/** Answers a versioned record read or written: its `ETag`. */
export function answerVersion<T extends Versioned>(reply: FastifyReply, view: T): T {
  void reply.header('ETag', etagOf(view.version));
  return view;
}

/**
 * A versioned read over REST: `read`'s view answered in its REST shape (`toRest`, e.g. without
 * internal paths) with its `ETag`. (If-None-Match is not honoured: every read answers 200.)
 */
export async function versionedRead<T extends Versioned, R = T>(
  reply: FastifyReply,
  read: Promise<T>,
  toRest?: (view: T) => R,
): Promise<R> {
  const view = answerVersion(reply, await read);
  return toRest ? toRest(view) : (view as unknown as R);
}

/**
 * The route of a versioned read (`GET :id` unless `options.path` says otherwise) with its OpenAPI
 * operation: the view answered (`type`), `summary` and, when the record may be missing or out of the
 * caller's reach, the 404's `notFound` description. The handler answers with `versionedRead`.
 */
function readRoute(type: Type, summary: string, options: { notFound?: string; path?: string } = {}): MethodDecorator {
  return applyDecorators(
    Get(options.path ?? ':id'),
    ApiOperation({ summary }),
    ApiOkResponse({ type }),
    ...(options.notFound ? [ApiNotFoundResponse({ description: options.notFound })] : []),
  );
}

/**
 * The route creating a versioned record (`POST` on the collection): `summary`, the `body` it takes,
 * 201 with the view (`type`) and, where the record can clash with another, the 409's `conflict`
 * description. The handler answers with `answerCreated` (Location, ETag).
 */
function createRoute(type: Type, summary: string, options: { body: Type; conflict?: string }): MethodDecorator {
  return applyDecorators(
    Post(),
    ApiOperation({ summary }),
    ApiBody({ type: options.body }),
    ApiCreatedResponse({ type }),
    ...(options.conflict ? [ApiConflictResponse({ description: options.conflict })] : []),
  );
}

/**
 * The route changing a versioned record (`PATCH :id`): `summary`, the `body` it takes, If-Match
 * required, the view written (`type`). The handler answers with `versionedUpdate`.
 */
function updateRoute(type: Type, summary: string, options: { body: Type }): MethodDecorator {
  return applyDecorators(
    Patch(':id'),
    ApiOperation({ summary }),
    ApiHeader({ name: 'If-Match', required: true, description: 'ETag of the version being changed, e.g. "3"' }),
    ApiBody({ type: options.body }),
    ApiOkResponse({ type }),
  );
}

/** The route deleting a versioned record (`DELETE :id`, 204, If-Match optional). The handler runs `withIfMatch(…, 'optional', …)`. */
function deleteRoute(summary: string): MethodDecorator {
  return applyDecorators(
    Delete(':id'),
    HttpCode(204),
    ApiOperation({ summary }),
    ApiHeader({ name: 'If-Match', required: false }),
    ApiNoContentResponse(),
  );
}

/**
 * The routes of a versioned resource, each with its OpenAPI operation:
 * `@VersionedRoute.read(UnitView, 'Read one unit…', { notFound: 'No such unit' })`, `.create`, `.update`, `.delete`.
 */
export const VersionedRoute = { read: readRoute, create: createRoute, update: updateRoute, delete: deleteRoute };

/** The Fastify reply of a REST handler that sets headers and still returns its answer (`@Reply() reply: FastifyReply`). */
export const Reply = (): ParameterDecorator => Res({ passthrough: true });

/** Answers a record just created: 201, its `Location` and its `ETag`. */
export function answerCreated<T extends Versioned & { id: string }>(reply: FastifyReply, collectionPath: string, view: T): T {
  void reply.status(201).header('Location', `${collectionPath}/${view.id}`).header('ETag', etagOf(view.version));
  return view;
}

/**
 * The whole REST versioned write: If-Match read (see withIfMatch), `work` run,
 * the written record's ETag set on the answer.
 */
export function versionedUpdate<T extends Versioned>(
  reply: FastifyReply,
  ifMatch: string | undefined,
  work: (expected: ExpectedVersion) => Promise<T>,
): Promise<T> {
  return withIfMatch(ifMatch, 'required', work).then((view) => answerVersion(reply, view));
}

/** A write of a record made on its first write (If-Match optional), answered with its ETag. */
export function versionedUpsert<T extends Versioned>(
  reply: FastifyReply,
  ifMatch: string | undefined,
  work: (expected: number | null) => Promise<T>,
): Promise<T> {
  return withIfMatch(ifMatch, 'optional', work).then((view) => answerVersion(reply, view));
}
