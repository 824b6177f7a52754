import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildOpenApiDocument } from './create-app.js';

/** Where the generated API descriptions are published in the repository, for reporting tools and integrators. */
export const PUBLISHED_SCHEMAS = {
  graphql: 'docs/api/schema.graphql',
  openapi: 'docs/api/openapi.json',
} as const;

/** The GraphQL SDL and the OpenAPI document, generated from the code of a running app. */
export function renderApiSchemas(app: NestFastifyApplication): { graphql: string; openapi: string } {
  const schema = app.get(GraphQLSchemaHost).schema;
  const header = '# Generated from the code by `npm run api:schemas`; a test fails when this file is stale. Do not edit.\n\n';
  return {
    graphql: `${header}${printSchema(lexicographicSortSchema(schema))}\n`,
    openapi: `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`,
  };
}
