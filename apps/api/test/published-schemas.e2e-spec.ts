import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PUBLISHED_SCHEMAS, renderApiSchemas } from '@danvan/server-app';
import { TestServer } from '@danvan/testing';
import { createRequire } from 'node:module';
import type * as SpectralCore from '@stoplight/spectral-core';
import { OPENAPI_RULESET } from './openapi-ruleset.js';

const require = createRequire(import.meta.url);
const { Document, Spectral } = require('@stoplight/spectral-core') as typeof SpectralCore;
const { Json } = require('@stoplight/spectral-parsers') as { Json: ConstructorParameters<typeof SpectralCore.Document>[1] };

const root = resolve(import.meta.dirname, '../../..');
let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(async () => {
  await server?.close();
});

/**
 * The SDL (for reporting tools) and the OpenAPI document (for integrators) are
 * checked in. `npm run api:schemas` rewrites them; this test fails when they
 * differ from what the code generates.
 */
describe('published schemas', () => {
  it.each(Object.entries(PUBLISHED_SCHEMAS))('%s at %s matches the code', (kind, path) => {
    const generated = renderApiSchemas(server.app)[kind as keyof typeof PUBLISHED_SCHEMAS];
    const file = resolve(root, path);
    if (process.env.UPDATE_API_SCHEMAS === '1') writeFileSync(file, generated);
    const published = existsSync(file) ? readFileSync(file, 'utf8') : '';
    expect({ path, upToDate: published === generated }).toEqual({ path, upToDate: true });
  });

  it('documents every REST route in OpenAPI', async () => {
    const document = JSON.parse(renderApiSchemas(server.app).openapi) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(
      [
        'DELETE /api/v1/documents/{id}',
        'DELETE /api/v1/units/{id}',
        'GET /api/v1/audit-events',
        'GET /api/v1/awards',
        'GET /api/v1/awards/{id}',
        'GET /api/v1/awards/export.xlsx',
        'GET /api/v1/models',
        'GET /api/v1/models/{id}',
        'GET /api/v1/models/export.xlsx',
        'PATCH /api/v1/models/{id}',
        'POST /api/v1/models',
        'GET /api/v1/auth/me',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/logout',
        'POST /api/v1/auth/password',
        'POST /api/v1/auth/refresh',
        'GET /api/v1/documents',
        'GET /api/v1/documents/{id}',
        'GET /api/v1/evidence/{id}',
        'DELETE /api/v1/evidence/{id}',
        'GET /api/v1/pledges',
        'GET /api/v1/pledges/{id}',
        'GET /api/v1/pledges/{id}/progress',
        'GET /api/v1/pledges/{id}/ranking',
        'GET /api/v1/pledges/{id}/ranking.xlsx',
        'GET /api/v1/pledges/{id}/registrations',
        'GET /api/v1/pledges/{id}/registrations/{unitId}',
        'GET /api/v1/pledges/{id}/score-sheets/{unitId}',
        'GET /api/v1/units',
        'GET /api/v1/units/{id}',
        'GET /api/v1/units/{id}/ancestors',
        'GET /api/v1/units/{id}/children',
        'GET /api/v1/units/export.xlsx',
        'GET /health',
        'PATCH /api/v1/documents/{id}',
        'PATCH /api/v1/units/{id}',
        'POST /api/v1/documents',
        'POST /api/v1/pledges/{id}/score-sheets/{unitId}/evidence',
        'POST /api/v1/pledges/{id}/score-sheets/{unitId}/submit',
        'POST /api/v1/units',
        'PUT /api/v1/pledges/{id}/registrations/{unitId}',
        'PUT /api/v1/pledges/{id}/score-sheets/{unitId}',
      ].sort(),
    );
    const served = await server.rest<{ openapi: string }>('GET', '/api/docs/openapi.json');
    expect(served.status).toBe(200);
    expect(served.body.openapi).toMatch(/^3\./);
  });

  it('the OpenAPI document passes spectral:oas and the OWASP API ruleset with no error', async () => {
    const spectral = new Spectral();
    spectral.setRuleset(OPENAPI_RULESET);
    const results = await spectral.run(new Document(renderApiSchemas(server.app).openapi, Json, 'openapi.json'));
    const errors = results.filter((r) => r.severity === 0).map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`);
    const warnings = results.filter((r) => r.severity === 1);
    const counts = new Map<string, number>();
    for (const warning of warnings) counts.set(String(warning.code), (counts.get(String(warning.code)) ?? 0) + 1);
    const byRule = [...counts].map(([code, count]) => `${code} ${count}`);
    process.stdout.write(`OpenAPI lint: ${errors.length} errors, ${warnings.length} warnings (${byRule.join(', ')})\n`);
    expect(errors).toEqual([]);
  });
});
