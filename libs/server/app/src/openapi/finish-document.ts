import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { EVIDENCE_LIMITS, MAX_PAGE_SIZE, API_TEXT_MAX_LENGTH, API_ARRAY_MAX_ITEMS } from '@danvan/contracts';
import type { ProblemStatus } from '@danvan/core';
import { IDEMPOTENCY_KEY_PATTERN, SESSION_ROUTES } from '@danvan/identity';
import { errorStatusesOf } from './error-statuses.js';
import { readableOperationId } from './operation-ids.js';
import { PROBLEM_SCHEMAS, problemDescription } from './problem-schema.js';
import { routeFactsOf, type RouteFacts } from './route-facts.js';
import { applyValidationLimits, inputLimitsByProperty, validatedClassesByName, validationOf, type Schema } from './validation-limits.js';

type Operation = Record<string, unknown> & {
  operationId: string;
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema; description?: string }>;
  requestBody?: { content: Record<string, { schema?: Schema }>; required?: boolean };
  responses: Record<string, { description?: string; content?: Record<string, { schema?: Schema }>; headers?: Record<string, unknown> }>;
  security?: Array<Record<string, string[]>>;
};

/** The tags operations are grouped by, with what each covers. */
export const API_TAGS: Array<{ name: string; description: string }> = [
  { name: 'operations', description: 'Liveness of the API and its database, for load balancers and monitoring' },
  {
    name: 'auth',
    description: 'Sessions of accounts (sign-in, refresh, sign-out, password change) and who the caller is (account or API key)',
  },
  { name: 'audit', description: 'The audit trail: who changed what, and when' },
  { name: 'units', description: 'The register of units (committees, the Fronts, mass organisations) and their tree' },
  { name: 'documents', description: 'The register of documents (resolutions, plans, reports) units issue' },
  { name: 'pledges', description: 'Emulation pledges: registrations of targets, self-scoring, evidence files and rankings' },
  { name: 'models', description: 'Model examples (điển hình tiên tiến) and their recognition' },
  { name: 'awards', description: 'Emulation titles and forms of commendation awarded' },
];

const ETAG = {
  description: 'The version of the record, quoted (`"3"`): send it back as If-Match',
  schema: { type: 'string', maxLength: 16, pattern: '^"\\d{1,9}"$' },
};
const HEADERS = {
  ETag: ETAG,
  Location: { description: 'Path of the created record', schema: { type: 'string', maxLength: 512, format: 'uri-reference' } },
  'Idempotent-Replayed': {
    description: '`true` when this is the stored answer of an earlier request with the same Idempotency-Key',
    schema: { type: 'string', enum: ['true'] },
  },
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    required: true,
    schema: { type: 'string', maxLength: 10, pattern: '^\\d{1,10}$' },
  },
  'WWW-Authenticate': { description: 'Bearer realm="danvan"', schema: { type: 'string', maxLength: 64, enum: ['Bearer realm="danvan"'] } },
};

const PARAMETERS = {
  'If-Match': { type: 'string', maxLength: 16, pattern: '^(W/)?"?\\d{1,9}"?$' },
  'Idempotency-Key': { type: 'string', maxLength: 128, pattern: IDEMPOTENCY_KEY_PATTERN.source },
};

const INT32 = { minimum: -2147483648, maximum: 2147483647 };
const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** OpenAPI 3.0's `nullable` as OpenAPI 3.1 (JSON Schema 2020-12) says it, so validators agree with the document. */
function toJsonSchemaNull(schema: Schema): void {
  if (schema.nullable !== true) return;
  delete schema.nullable;
  if (typeof schema.$ref === 'string' || schema.allOf) {
    const inner = schema.$ref ? { $ref: schema.$ref } : { allOf: schema.allOf };
    delete schema.$ref;
    delete schema.allOf;
    delete schema.type; // `type: object` beside the reference would refuse the null
    schema.oneOf = [inner, { type: 'null' }];
  } else if (typeof schema.type === 'string') {
    schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...(schema.enum as unknown[]), null];
  }
}

function typeIs(schema: Schema, type: string): boolean {
  return schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type));
}

/** Limits every answer and parameter has, where nothing more specific said one. */
function applyDefaults(schema: Schema, property: string | undefined, inputLimits: ReturnType<typeof inputLimitsByProperty>): void {
  // Record versions are whole numbers (the ETag), whatever the view's TypeScript type says.
  if (property === 'version' && typeIs(schema, 'number')) schema.type = 'integer';
  if (typeIs(schema, 'string') && schema.maxLength === undefined && schema.enum === undefined && schema.const === undefined) {
    if (schema.format === 'uuid') schema.maxLength = 36;
    else if (schema.format === 'date-time') schema.maxLength = 40;
    else if (schema.format === 'date') schema.maxLength = 10;
    else if (/(^id$|Id$)/.test(property ?? '') && schema.format === undefined && schema.pattern === undefined) {
      schema.format = 'uuid';
      schema.maxLength = 36;
    } else schema.maxLength = (property && inputLimits.get(property)?.maxLength) || API_TEXT_MAX_LENGTH;
  }
  // A list of enumeration values (a query filter) needs each value at most once.
  if (typeIs(schema, 'array') && schema.maxItems === undefined && Array.isArray(schema.items?.enum))
    schema.maxItems = schema.items.enum.length;
  if (typeIs(schema, 'array') && schema.maxItems === undefined) {
    schema.maxItems = property === 'items' ? MAX_PAGE_SIZE : (property && inputLimits.get(property)?.maxItems) || API_ARRAY_MAX_ITEMS;
  }
  if (typeIs(schema, 'integer')) {
    schema.format ??= 'int32';
    schema.minimum ??= INT32.minimum;
    schema.maximum ??= INT32.maximum;
  }
}

/** Every schema of the document with the name of the property it describes (for the defaults by name). */
function walkNamed(node: unknown, property: string | undefined, visit: (schema: Schema, property: string | undefined) => void): void {
  if (!isObject(node)) return;
  const schema = node as Schema;
  visit(schema, property);
  for (const [name, child] of Object.entries(schema.properties ?? {})) walkNamed(child, name, visit);
  walkNamed(schema.items, property, visit);
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const)
    for (const child of (schema[key] as unknown[] | undefined) ?? []) walkNamed(child, property, visit);
}

function resolve(document: OpenAPIObject, schema: Schema | undefined): Schema | undefined {
  const ref = schema?.$ref;
  if (typeof ref !== 'string') return schema;
  return (document.components?.schemas as Record<string, Schema> | undefined)?.[ref.replace('#/components/schemas/', '')];
}

/** True when a successful answer carries a versioned record (a `version` property): it comes with its ETag. */
function answersVersionedRecord(document: OpenAPIObject, schema: Schema | undefined): boolean {
  const resolved = resolve(document, schema);
  return Boolean(resolved?.properties && 'version' in resolved.properties);
}

function finishOperation(
  document: OpenAPIObject,
  path: string,
  httpMethod: string,
  operation: Operation,
  facts: RouteFacts | undefined,
): void {
  if (facts) operation.operationId = readableOperationId(facts.controller, facts.method);
  operation.description ??= operation.summary;
  const isPublic = facts?.access?.kind === 'public';
  // An empty requirement: no credentials needed (a bad Authorization header is ignored on these routes).
  operation.security = isPublic ? [{}] : [{ bearer: [] }];
  const parameters = (operation.parameters ??= []);
  const queryValidation = facts?.queryType ? validationOf(facts.queryType) : new Map();
  for (const parameter of parameters) {
    parameter.schema ??= { type: 'string' };
    // A parameter declared without a type is text on the wire.
    if (!parameter.schema.type && !parameter.schema.$ref && !parameter.schema.enum) parameter.schema.type = 'string';
    if (parameter.in === 'path') Object.assign(parameter.schema, { type: 'string', format: 'uuid', maxLength: 36 });
    if (parameter.in === 'query') applyValidationLimits(parameter.schema, queryValidation.get(parameter.name) ?? []);
    if (parameter.in === 'header' && parameter.name in PARAMETERS)
      Object.assign(parameter.schema, PARAMETERS[parameter.name as keyof typeof PARAMETERS]);
  }
  const idempotent = httpMethod === 'post' && !path.startsWith(SESSION_ROUTES);
  if (idempotent && !parameters.some((p) => p.name === 'Idempotency-Key')) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'A key of yours (e.g. a UUID): a retry with the same key and body answers the first answer again and creates nothing (48 hours)',
      schema: { ...PARAMETERS['Idempotency-Key'] },
    });
  }
  const ifMatch = parameters.find((p) => p.name === 'If-Match');
  // The raw-body evidence upload: the accepted file types, binary, up to the evidence limit.
  const body = operation.requestBody;
  if (body) {
    for (const [type, media] of Object.entries(body.content)) {
      if (type in EVIDENCE_LIMITS.contentTypes) media.schema = { type: 'string', format: 'binary', maxLength: EVIDENCE_LIMITS.maxBytes };
    }
  }
  const statuses = errorStatusesOf({
    httpMethod,
    access: facts?.access,
    // Ids in the path, or unit filters in the query: one that does not exist or lies outside the scope answers 404.
    hasIds: parameters.some((p) => p.in === 'path' || p.schema?.format === 'uuid'),
    hasInput: parameters.length > 0 || Boolean(body),
    takesBody: Boolean(body) || httpMethod === 'delete',
    versioned: Boolean(ifMatch),
    idempotent,
    override: facts?.override ?? {},
  });
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!status.startsWith('2')) continue;
    const headers: Record<string, unknown> = { ...(response.headers ?? {}) };
    const schema = response.content?.['application/json']?.schema;
    // A versioned record always comes with its ETag, a created one with its Location: declared required,
    // so the live conformance check (and a generated client) can rely on them.
    const versionedRecord = answersVersionedRecord(document, schema);
    if (versionedRecord) headers.ETag = { ...HEADERS.ETag, required: true };
    else if (ifMatch) headers.ETag = HEADERS.ETag;
    if (status === '201' && versionedRecord) headers.Location = { ...HEADERS.Location, required: true };
    if (idempotent) headers['Idempotent-Replayed'] = HEADERS['Idempotent-Replayed'];
    if (Object.keys(headers).length) response.headers = headers;
    response.description ||= 'OK';
  }
  for (const status of statuses) {
    const known = operation.responses[String(status)];
    const headers: Record<string, unknown> = {};
    if (status === 429) headers['Retry-After'] = HEADERS['Retry-After'];
    if (status === 401) headers['WWW-Authenticate'] = HEADERS['WWW-Authenticate'];
    if (status === 409 || status === 412 || status === 428) headers.ETag = HEADERS.ETag;
    operation.responses[String(status)] = {
      description: known?.description || problemDescription(status as ProblemStatus),
      ...(Object.keys(headers).length ? { headers } : {}),
      content: { 'application/problem+json': { schema: PROBLEM_REF } },
    };
  }
  for (const response of Object.values(operation.responses)) response.description ||= 'OK';
}

/**
 * The document @nestjs/swagger generates, finished in one place so integrators can generate clients
 * from it: OpenAPI 3.1 (nullable references validate), readable operation ids, tags and servers, the
 * Problem schema on every error status each route can answer, the request and answer headers of the
 * write protocol, and the limits validation enforces (read from the class-validator decorators).
 */
export function finishOpenApiDocument(app: INestApplication, document: OpenAPIObject): OpenAPIObject {
  const routes = routeFactsOf(app);
  const classes = validatedClassesByName();
  const inputLimits = inputLimitsByProperty(classes.values());
  const schemas = (document.components ??= {}).schemas as Record<string, Schema>;
  // Inputs: the limits of their own validation.
  for (const [name, schema] of Object.entries(schemas)) {
    const target = classes.get(name);
    if (!target) continue;
    for (const [property, metas] of validationOf(target)) {
      const propertySchema = schema.properties?.[property];
      if (propertySchema) applyValidationLimits(propertySchema, metas);
    }
  }
  Object.assign(schemas, PROBLEM_SCHEMAS);
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [httpMethod, operation] of Object.entries(methods as Record<string, Operation>)) {
      finishOperation(document, path, httpMethod, operation, routes.get(operation.operationId));
    }
  }
  // Everything else: 3.1 nulls, then the default limits.
  const everySchema = (visit: (schema: Schema, property: string | undefined) => void) => {
    for (const schema of Object.values(schemas)) walkNamed(schema, undefined, visit);
    for (const methods of Object.values(document.paths)) {
      for (const operation of Object.values(methods as Record<string, Operation>)) {
        for (const parameter of operation.parameters ?? []) walkNamed(parameter.schema, parameter.name, visit);
        for (const media of Object.values(operation.requestBody?.content ?? {})) walkNamed(media.schema, undefined, visit);
        for (const response of Object.values(operation.responses))
          for (const media of Object.values(response.content ?? {})) walkNamed(media.schema, undefined, visit);
      }
    }
  };
  everySchema((schema) => toJsonSchemaNull(schema));
  everySchema((schema, property) => applyDefaults(schema, property, inputLimits));
  document.openapi = '3.1.0';
  document.tags = API_TAGS;
  document.security = [{ bearer: [] }];
  return document;
}
