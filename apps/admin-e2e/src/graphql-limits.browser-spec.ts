import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  specifiedRules,
  typeFromAST,
  validate,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { MAX_PAGE_SIZE } from '@danvan/contracts';
import { estimateQueryCost, GRAPHQL_LIMITS, graphqlLimitRules } from '@danvan/core';
import { TestServer } from '@danvan/testing';
/**
 * No browser here: the admin's own GraphQL documents (those graphqlDocuments.spec.ts
 * checks against the SDL) against the server's limits, with the largest page every
 * list allows. It lives in the e2e project because only it may import both the
 * admin and the server.
 */
interface Operation {
  operationName: string;
  query: string;
}

const isOperation = (value: unknown): value is Operation =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Operation).operationName === 'string' &&
  typeof (value as Operation).query === 'string';

/** The admin modules that send GraphQL documents (as in graphqlDocuments.spec.ts). */
const ADMIN_DATA_MODULES = [
  'dataProvider',
  'accounts/accountData',
  'apiKeys/apiKeyData',
  'audit/auditData',
  'documents/documentData',
  'movements/movementData',
  'blocs/blocData',
  'pledges/pledgeData',
  'scoring/scoringData',
  'recognition/recognitionData',
];
const operations: Operation[] = [];

const SCALAR_SAMPLES: Record<string, unknown> = {
  Int: 1,
  Float: 1,
  Boolean: true,
  Date: '2024-01-12',
  DateTime: '2024-01-12T00:00:00.000Z',
};

/** A valid value of `type`: required fields only, one element per list, and the largest page wherever a page size can be given. */
function worstCase(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return worstCase(type.ofType);
  if (isListType(type)) return [worstCase(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const required = fields.filter((field) => isNonNullType(field.type)).map((field) => [field.name, worstCase(field.type)]);
    const page = fields.some((field) => field.name === 'pageSize') ? [['pageSize', MAX_PAGE_SIZE]] : [];
    return Object.fromEntries([...required, ...page]);
  }
  return SCALAR_SAMPLES[type.name] ?? 'x';
}

function variablesOf(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  return Object.fromEntries(
    (operation.variableDefinitions ?? []).map((definition) => [
      definition.variable.name.value,
      worstCase(typeFromAST(schema, definition.type) as GraphQLInputType),
    ]),
  );
}

let server: TestServer;
let schema: GraphQLSchema;

beforeAll(async () => {
  server = await TestServer.start();
  schema = server.app.get(GraphQLSchemaHost).schema;
  // Imported at run time: the admin's sources are type-checked by its own tsconfig (bundler resolution, DOM), not the server's.
  // One at a time: jest's ESM loader fails on concurrent imports of shared modules.
  for (const path of ADMIN_DATA_MODULES) {
    const module = (await import(`../../admin/src/${path}`)) as Record<string, unknown>;
    operations.push(...Object.values(module).filter(isOperation));
  }
});
afterAll(async () => {
  await server?.close();
});

describe('the admin’s GraphQL documents and the server’s limits', () => {
  it('finds the documents', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it('every document passes the depth and alias limits and costs less than the limit with the largest pages', () => {
    const refused = operations.flatMap((operation) => {
      const document = parse(operation.query, { maxTokens: GRAPHQL_LIMITS.maxTokens });
      const errors = validate(schema, document, [...specifiedRules, ...graphqlLimitRules()]).map((error) => error.message);
      const definition = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
      const cost = definition ? estimateQueryCost(schema, document, variablesOf(schema, definition), operation.operationName) : 0;
      return errors.length || cost > GRAPHQL_LIMITS.maxCost ? [{ operation: operation.operationName, errors, cost }] : [];
    });
    expect(refused).toEqual([]);
  });

  it('the unit list the admin shows, sent over HTTP with the largest page, is answered', async () => {
    const unitList = operations.find((operation) => operation.operationName === 'Units') as Operation;
    const answer = await server.graphql(unitList.query, { options: { pageSize: MAX_PAGE_SIZE } });
    expect({ status: answer.status, errors: answer.errors }).toEqual({ status: 200, errors: undefined });
  });
});
