import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { TestServer } from '@danvan/testing';

/** A letter only Vietnamese spelling has (ă â đ ê ô ơ ư and the tone marks), in composed or decomposed form. */
const VIETNAMESE_LETTER = /[\u00C0-\u1EF9]|[\u0300-\u0323]/;

interface Finding {
  path: string;
  problem: 'missing' | 'notVietnamese' | 'repeatsName';
}

function checkDescription(path: string, name: string, description: string | null | undefined): Finding[] {
  const text = description?.trim() ?? '';
  if (!text) return [{ path, problem: 'missing' }];
  if (text.replace(/[\s.:]/g, '').toLowerCase() === name.toLowerCase()) return [{ path, problem: 'repeatsName' }];
  if (!VIETNAMESE_LETTER.test(text)) return [{ path, problem: 'notVietnamese' }];
  return [];
}

/** Every type, field, argument, input field and enum value of the schema whose description is missing or not Vietnamese. */
export function describedBadly(schema: GraphQLSchema, skip: (typeName: string) => boolean = () => false): Finding[] {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  const findings: Finding[] = [];
  for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type) || skip(type.name)) continue;
    if (!roots.has(type as never)) findings.push(...checkDescription(type.name, type.name, type.description));
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        findings.push(...checkDescription(`${type.name}.${field.name}`, field.name, field.description));
        for (const arg of field.args) {
          findings.push(...checkDescription(`${type.name}.${field.name}(${arg.name})`, arg.name, arg.description));
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        findings.push(...checkDescription(`${type.name}.${field.name}`, field.name, field.description));
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) findings.push(...checkDescription(`${type.name}.${value.name}`, value.name, value.description));
    }
  }
  return findings;
}

describe('the checker', () => {
  it('names each undescribed, English or name-repeating element, and passes built-in types', () => {
    const schema = buildSchema(`
      "Đơn vị." type Unit { "Tên đầy đủ." name: String! code: String! children("Số tối đa." limit: Int, offset: Int): [Unit!]! }
      type Query { "Một đơn vị." unit(id: ID!): Unit }
      "Cấp." enum Level { "Tỉnh" PROVINCE COMMUNE }
      input UnitInput { "The name." name: String "code" code: String }
      scalar Date
    `);
    expect(describedBadly(schema)).toEqual([
      { path: 'Unit.code', problem: 'missing' },
      { path: 'Unit.children', problem: 'missing' },
      { path: 'Unit.children(offset)', problem: 'missing' },
      { path: 'Query.unit(id)', problem: 'missing' },
      { path: 'Level.COMMUNE', problem: 'missing' },
      { path: 'UnitInput', problem: 'missing' },
      { path: 'UnitInput.name', problem: 'notVietnamese' },
      { path: 'UnitInput.code', problem: 'repeatsName' },
      { path: 'Date', problem: 'missing' },
    ]);
  });
});

describe('the published GraphQL schema', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('describes every type, field, argument, input field and enum value in Vietnamese', () => {
    // The schema the server publishes, read the way libs/server/app/src/api-schemas.ts renders docs/api/schema.graphql.
    const schema = server.app.get(GraphQLSchemaHost).schema;
    expect(describedBadly(schema)).toEqual([]);
  });

  it('checks the custom scalars too', () => {
    const schema = server.app.get(GraphQLSchemaHost).schema;
    expect(describedBadly(schema).filter((f) => ['Date', 'DateTime'].includes(f.path))).toEqual([]);
    expect(schema.getType('Date')?.description).toContain('yyyy-MM-dd');
  });
});
