/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, validate } from 'graphql';
import * as units from './dataProvider';
import * as accounts from './accounts/accountData';
import * as apiKeys from './apiKeys/apiKeyData';
import * as audit from './audit/auditData';
import * as documents from './documents/documentData';
import * as movements from './movements/movementData';
import * as blocs from './blocs/blocData';
import * as pledges from './pledges/pledgeData';
import * as scoring from './scoring/scoringData';
import * as recognition from './recognition/recognitionData';

interface Operation {
  operationName: string;
  query: string;
}

const isOperation = (value: unknown): value is Operation =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Operation).operationName === 'string' &&
  typeof (value as Operation).query === 'string';

/** Every GraphQL document the admin sends, from the modules that send them. */
const operations = [units, accounts, apiKeys, audit, documents, movements, blocs, pledges, scoring, recognition].flatMap((module) =>
  Object.values(module).filter(isOperation),
);

/**
 * The admin's queries and mutations against the schema published from the server's code
 * (docs/api/schema.graphql, kept current by published-schemas.e2e-spec.ts): a renamed field or argument
 * fails here rather than in a user's browser.
 */
describe('GraphQL documents of the admin', () => {
  const schema = buildSchema(readFileSync(new URL('../../../docs/api/schema.graphql', import.meta.url), 'utf8'));

  it('finds the documents', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it.each(operations.map((operation): [string, Operation] => [operation.operationName, operation]))(
    '%s is valid against the published schema',
    (_name, operation) => {
      const document = parse(operation.query);
      expect(validate(schema, document).map((error) => error.message)).toEqual([]);
      const names = document.definitions.flatMap((definition) =>
        definition.kind === 'OperationDefinition' && definition.name ? [definition.name.value] : [],
      );
      expect(names).toEqual([operation.operationName]);
    },
  );
});
