import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import type { IncomingMessage } from 'node:http';
import { pino, type Logger } from 'pino';
import { DomainError, INPUT_MESSAGES, jsonNestingExceeds, megabytes, PinoNestLogger, TransportRefusal, type AppConfig } from '@danvan/core';
import { EVIDENCE_LIMITS } from '@danvan/contracts';
import type { Database } from '@danvan/database';
import { AppModule } from './app.module.js';
import { routeKey } from './openapi/route-facts.js';
import { finishOpenApiDocument } from './openapi/finish-document.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function createLogger(config: Pick<AppConfig, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: 'danvan-api' } });
}

/** The OpenAPI document of the REST API, generated from the controllers and DTOs. */
export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const options = new DocumentBuilder()
    .setTitle('danvan API')
    .setDescription(
      'REST API of danvan for the Fatherland Front, mass organisations and other integrators. ' +
        'Errors are RFC 9457 problem details (application/problem+json). See docs/api-guide.md.',
    )
    .setVersion('1')
    .addServer('{origin}', 'The danvan server of your organisation: production, staging or a local one', {
      origin: { default: 'http://localhost:3000', description: 'Scheme, host and port of the server' },
    })
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'An access token (POST /api/v1/auth/login: a JWS, HS256 only, 15 minutes, following RFC8725) or an API key (dvk_…)',
    })
    .build();
  // Operation ids name the controller method until finishOpenApiDocument makes them readable (listUnits …).
  const generated = SwaggerModule.createDocument(app, options, {
    operationIdFactory: (controller, method) => routeKey(controller, method),
  });
  const document = finishOpenApiDocument(app, generated);
  // The API is published for integrators outside the organisation's network as well.
  for (const server of document.servers ?? []) Object.assign(server, { 'x-internal': false });
  return document;
}

/**
 * Builds the HTTP application (not yet listening): Fastify with request ids and
 * structured logs, REST + GraphQL, OpenAPI at /api/docs and the built admin at /.
 * Used by main.ts, the tests and the schema export alike.
 */
/** The one route that takes a raw file body (see ScoringController.addEvidence). */
const EVIDENCE_ROUTE = /^\/api\/v1\/pledges\/[^/?]+\/score-sheets\/[^/?]+\/evidence(\?|$)/;

/** Answers that carry tokens or a caller's data (REST, errors and exports included; GraphQL): never stored by a browser or proxy. */
const PRIVATE_ANSWER = /^\/(api\/v1|graphql)(\/|\?|$)/;

const EVIDENCE_TYPES = Object.entries(EVIDENCE_LIMITS.contentTypes)
  .map(([type, label]) => `${label} (${type})`)
  .join(', ');

/** 415 naming what the route accepts: the evidence types on the evidence route, JSON everywhere else. */
function unsupportedMediaType(url: string): TransportRefusal {
  return new TransportRefusal(
    415,
    EVIDENCE_ROUTE.test(url)
      ? `Kiểu tệp minh chứng (Content-Type) không được nhận. Chỉ nhận: ${EVIDENCE_TYPES}.`
      : 'Kiểu nội dung (Content-Type) không được hỗ trợ: API chỉ nhận application/json.',
  );
}

/** Apps that are stopping (see `beginDraining`). */
const drainingApps = new WeakSet<object>();

/**
 * Marks the app as stopping (main.ts, on SIGTERM, before `app.close()`): every answer sent from now on,
 * including those of requests already running, says `connection: close`, so no keep-alive client holds
 * the server open. Requests that arrive during the shutdown get 503 (`return503OnClosing`).
 */
export function beginDraining(app: NestFastifyApplication): void {
  drainingApps.add(app.getHttpAdapter().getInstance());
}

export async function createApp(
  config: AppConfig,
  database: Database,
  logger: Logger = createLogger(config),
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxyHops > 0 ? (_address: string, hop: number) => hop < config.trustProxyHops : false,
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, database), adapter, {
    // During app.close(), before Fastify itself refuses them: new requests answer 503 with connection: close.
    return503OnClosing: true,
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
  });
  // Security headers on every answer (HSTS, nosniff, frame-ancestors …). The CSP allows the admin's
  // inline styles (MUI/emotion); outside production it is off so GraphiQL can load its assets.
  await app.register(helmet, {
    contentSecurityPolicy: config.production
      ? {
          directives: {
            defaultSrc: ["'self'"],
            styleSrc: ["'self'", "'unsafe-inline'"],
            imgSrc: ["'self'", 'data:'],
            scriptSrc: ["'self'"],
            connectSrc: ["'self'"],
          },
        }
      : false,
    crossOriginEmbedderPolicy: false,
  });
  // Browsers may call the API only from the configured origins (the admin is same-origin and needs none).
  if (config.corsOrigins.length) {
    app.enableCors({
      origin: config.corsOrigins,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key', 'x-request-id'],
      exposedHeaders: ['etag', 'location', 'retry-after', 'x-request-id', 'idempotent-replayed', 'content-disposition', 'x-content-sha256'],
      maxAge: 600,
    });
  }
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('preClose', (done) => {
    drainingApps.add(fastify);
    done();
  });
  // The API speaks JSON only: a text/plain body is refused with 415 instead of reaching validation as a string.
  fastify.removeContentTypeParser('text/plain');
  // JSON nested beyond MAX_INPUT_DEPTH is refused on its text, before it is parsed, so no recursive walk
  // downstream (validation, class-transformer, graphql-js) ever sees it; then Fastify's own JSON parser.
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const parseJson = fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
  app.useBodyParser('application/json', { bodyLimit: config.bodyLimit }, (request, body, done) => {
    // JSON is UTF-8 (RFC 8259): a body declared in another charset would be read wrongly, so it is refused.
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(String(request.headers['content-type'] ?? ''))?.[1];
    if (charset && !/^(utf-?8|us-ascii|ascii)$/i.test(charset))
      return done(new TransportRefusal(415, `Bảng mã ${charset} không được nhận: nội dung JSON phải ở bảng mã UTF-8.`), undefined);
    const text = body.toString('utf8');
    if (jsonNestingExceeds(text))
      return done(
        DomainError.validation([{ field: 'body', code: 'nesting', message: INPUT_MESSAGES.nesting }], INPUT_MESSAGES.nesting),
        undefined,
      );
    parseJson(request as Parameters<typeof parseJson>[0], text, done);
  });
  // Nest would otherwise register a form parser at init(): the API takes no form bodies (415, like any other type).
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit: config.bodyLimit }, (request, _body, done) =>
    done(unsupportedMediaType(request.url), undefined),
  );
  // Evidence files (PDF, images, Office documents) arrive as the raw body, up to their own size limit,
  // on the evidence route only: anywhere else these types are refused before any byte is read.
  fastify.addContentTypeParser(Object.keys(EVIDENCE_LIMITS.contentTypes), (request, payload, done) => {
    if (!EVIDENCE_ROUTE.test(request.url)) return done(unsupportedMediaType(request.url), undefined);
    const tooLarge = () => new TransportRefusal(413, `Tệp minh chứng vượt quá giới hạn ${megabytes(EVIDENCE_LIMITS.maxBytes)} MB.`);
    if (Number(request.headers['content-length'] ?? 0) > EVIDENCE_LIMITS.maxBytes) return done(tooLarge(), undefined);
    // Without a length (chunked), read on but keep nothing beyond the limit, and answer 413 at the end.
    const chunks: Buffer[] = [];
    let size = 0;
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= EVIDENCE_LIMITS.maxBytes) chunks.push(chunk);
    });
    payload.on('end', () => (size > EVIDENCE_LIMITS.maxBytes ? done(tooLarge(), undefined) : done(null, Buffer.concat(chunks))));
    payload.on('error', (error: Error) => done(error, undefined));
  });
  // Any other type (none registered for it): refused before any byte is read, saying what is accepted.
  fastify.addContentTypeParser('*', (request, _payload, done) => done(unsupportedMediaType(request.url), undefined));
  // Headers of every answer, in one hook.
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    // The admin's assets, OpenAPI and /health keep their own caching.
    if (PRIVATE_ANSWER.test(request.url)) void reply.header('cache-control', 'no-store');
    // A stopping app lets every keep-alive client go with the answer in progress.
    if (drainingApps.has(fastify)) void reply.header('connection', 'close');
  });
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs/openapi.json' });
  if (existsSync(join(config.adminDist, 'index.html'))) {
    app.useStaticAssets({ root: config.adminDist, prefix: '/', wildcard: false });
  } else {
    logger.warn({ adminDist: config.adminDist }, 'admin SPA not built: run `npm start` or `npm run build`');
  }
  await app.init();
  return app;
}
