import { createRequire } from 'node:module';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
// CommonJS packages, loaded as Node does whatever the test runner's module mode.
const Ajv2020 = (require('ajv/dist/2020.js') as { default: typeof import('ajv').default }).default;
const addFormats = (require('ajv-formats') as { default: (ajv: InstanceType<typeof Ajv2020>) => void }).default;

interface DocumentedOperation {
  method: string;
  template: string;
  pattern: RegExp;
  /** Path parameters: a template with fewer matches a literal segment first (`/units/export.xlsx` before `/units/{id}`). */
  params: number;
  responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, { required?: boolean; schema?: unknown }> }>;
}

/** Routes the OpenAPI document does not describe: GraphQL, the document itself, the admin's files. */
const OUTSIDE_THE_DOCUMENT = /^\/(graphql|api\/docs)(\/|\?|$)/;
const DOCUMENTED_PREFIX = /^\/(api\/v1|health)(\/|\?|$)/;

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Checks REST answers against the published OpenAPI document (the live one, generated from the code):
 * the status is declared for that operation, the content type is one it declares, the body validates
 * against that status's schema (ajv, JSON Schema 2020-12 as OpenAPI 3.1 says), required headers are
 * there and declared ones have their form. Mismatches are collected, not thrown, so a test runs on and
 * its server's close() lists them all.
 */
export class ContractCheck {
  readonly mismatches: string[] = [];
  checked = 0;
  private readonly operations: DocumentedOperation[];
  private readonly ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: OpenAPIObject) {
    addFormats(this.ajv);
    for (const format of ['binary', 'int32', 'int64']) this.ajv.addFormat(format, true);
    this.ajv.addSchema({ ...document, $id: 'urn:danvan:openapi' } as object, 'urn:danvan:openapi');
    this.operations = Object.entries(document.paths)
      .flatMap(([template, methods]) =>
        Object.entries(methods as Record<string, { responses: DocumentedOperation['responses'] }>).map(([method, operation]) => ({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}|\{[^}]+\}/g, '[^/]+')}$`),
          params: (template.match(/\{/g) ?? []).length,
          responses: operation.responses,
        })),
      )
      .sort((a, b) => a.params - b.params);
  }

  private validator(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `urn:danvan:openapi#${pointer}` });
      this.validators.set(pointer, validate);
    }
    return validate;
  }

  /** Checks one answer; `body` is its text. */
  check(method: string, url: string, status: number, headers: Headers, body: string): void {
    const path = url.split('?')[0];
    // CORS preflights (OPTIONS) are answered by the CORS layer, not by an operation.
    if (method === 'OPTIONS' || OUTSIDE_THE_DOCUMENT.test(path) || !DOCUMENTED_PREFIX.test(path)) return;
    const what = `${method} ${url} → ${status}`;
    const operation = this.operations.find((o) => o.method === method && o.pattern.test(path));
    if (!operation) {
      // A route that does not exist (404, 405) is not an operation of the document.
      if (status !== 404 && status !== 405) this.mismatches.push(`${what}: no such operation in the document`);
      return;
    }
    this.checked++;
    const response = operation.responses[String(status)] ?? operation.responses.default;
    if (!response) {
      this.mismatches.push(`${what}: status ${status} not declared for ${method} ${operation.template}`);
      return;
    }
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      const value = headers.get(name);
      if (value === null) {
        if (header.required) this.mismatches.push(`${what}: required header ${name} missing`);
        continue;
      }
      const pointer = `/paths/${escapePointer(operation.template)}/${method.toLowerCase()}/responses/${status}/headers/${escapePointer(name)}/schema`;
      if (header.schema && !this.validator(pointer)(value))
        this.mismatches.push(`${what}: header ${name}: ${JSON.stringify(value)} does not match its schema`);
    }
    const declared = Object.keys(response.content ?? {});
    if (!body) {
      if (declared.length && status !== 204) this.mismatches.push(`${what}: empty body, the document declares ${declared.join(', ')}`);
      return;
    }
    const mediaType = (headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!declared.includes(mediaType)) {
      this.mismatches.push(`${what}: content type ${mediaType || '(none)'} not declared (${declared.join(', ') || 'no body'})`);
      return;
    }
    if (!/json$/.test(mediaType)) return;
    const pointer = `/paths/${escapePointer(operation.template)}/${method.toLowerCase()}/responses/${status}/content/${escapePointer(mediaType)}/schema`;
    if (!(response.content?.[mediaType] as { schema?: unknown } | undefined)?.schema) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      this.mismatches.push(`${what}: body is not JSON`);
      return;
    }
    const validate = this.validator(pointer);
    if (!validate(parsed)) {
      const first = validate.errors?.[0];
      this.mismatches.push(
        `${what}: body does not match the schema: ${first?.instancePath || '/'} ${first?.message} (${first?.schemaPath})`,
      );
    }
  }
}
