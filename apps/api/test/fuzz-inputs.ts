import {
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
} from 'graphql';

/**
 * Generators of the fuzz test (`fuzz.e2e-spec.ts`): the places a value can go
 * in a REST body, a query string or GraphQL arguments, walked from the OpenAPI
 * document and the SDL, and the bad values each place is sent. Nothing here
 * knows a route: a new route or mutation is covered by being published.
 */

/** mulberry32: a small seeded PRNG, so a sample (and a failure) is reproducible with FUZZ_SEED. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** At most `n` of `items`, chosen by `random`, in their original order. */
export function sample<T>(random: () => number, items: T[], n: number): T[] {
  if (items.length <= n) return items;
  const keyed = items.map((item, index) => ({ item, index, key: random() }));
  return keyed
    .sort((a, b) => a.key - b.key)
    .slice(0, n)
    .sort((a, b) => a.index - b.index)
    .map((k) => k.item);
}

export type Path = Array<string | number>;

/** `value` with `leaf` put at `path` (a copy; missing objects and lists on the way are made). */
export function setAt(value: unknown, path: Path, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...value] : [];
    list[head] = setAt(list[head], rest, leaf);
    return list;
  }
  const object = value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
  object[head] = setAt(object[head], rest, leaf);
  return object;
}

export const DEPTH = 10_000;
/** JSON text nested DEPTH deep: `[[[…]]]` or `{"a":{"a":…}}` (about 20 kB and 50 kB). */
export const deepArrayText = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
export const deepObjectText = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);
/** A placeholder replaced by raw JSON text after JSON.stringify (the deep value cannot be stringified cheaply and must stay raw). */
export const RAW_MARK = '\u{1F9EA}raw\u{1F9EA}';
export function withRaw(json: string, raw: string): string {
  return json.replace(JSON.stringify(RAW_MARK), raw);
}

export const HUGE = 100_000;
export const IMPOSSIBLE_DATES = ['2024-02-30', '0000-01-01', '2024-W01-1'];
export const IMPOSSIBLE_DATE_TIMES = ['2024-02-30T10:00:00Z', '0000-01-01T00:00:00Z', '2024-W01-1T00:00:00Z'];

/** A bad value for a place: its class, a label for the report, and whether the server must refuse it. */
export interface BadValue {
  cls: string;
  label: string;
  value: unknown;
  mustRefuse: boolean;
}

/** What is known of a scalar place, from the SDL type or the OpenAPI schema (constraints come only from OpenAPI). */
export interface PlaceFacts {
  kind: 'string' | 'id' | 'date' | 'date-time' | 'integer' | 'number' | 'boolean' | 'enum' | 'object' | 'list';
  required: boolean;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  /** GraphQL checks Int's 32-bit range itself. */
  graphqlInt?: boolean;
}

const DATE_NAME = /^(from|to)$|On$|^validOn$|Date$|^issued(From|To)$/;

/** Every bad value sent to one place. */
export function badValuesFor(facts: PlaceFacts): BadValue[] {
  const bad: BadValue[] = [];
  const add = (cls: string, label: string, value: unknown, mustRefuse: boolean) => bad.push({ cls, label, value, mustRefuse });
  switch (facts.kind) {
    case 'string':
    case 'id':
    case 'date':
    case 'date-time':
      add('nul', 'NUL inside', 'Fuzz\u0000x', true);
      add('lone-surrogate', 'lone surrogate \\ud800', 'Fuzz\ud800x', true);
      add('wrong-type', 'object for string', { a: 1 }, true);
      add(
        'huge-string',
        `${HUGE} characters`,
        'x'.repeat(HUGE),
        facts.kind !== 'string' || (facts.maxLength !== undefined && facts.maxLength < HUGE),
      );
      if (facts.kind === 'id') add('wrong-type', 'not a UUID', 'not-a-uuid', true);
      if (facts.kind === 'date') IMPOSSIBLE_DATES.forEach((d) => add('impossible-date', d, d, true));
      if (facts.kind === 'date-time') IMPOSSIBLE_DATE_TIMES.forEach((d) => add('impossible-date', d, d, true));
      break;
    case 'integer':
    case 'number': {
      const belowMin = facts.minimum !== undefined && facts.minimum > -1;
      add('number', '-1', -1, belowMin);
      add('number', '1.5', 1.5, facts.kind === 'integer' || !!facts.graphqlInt);
      add('number', '2^53+2', 2 ** 53 + 2, !!facts.graphqlInt || facts.maximum !== undefined);
      add('number', '1e308', 1e308, !!facts.graphqlInt || facts.maximum !== undefined);
      add('wrong-type', 'string for number', '12', true);
      add('nul', 'NUL in a numeric string', '1\u0000', true);
      break;
    }
    case 'boolean':
      add('wrong-type', 'string for boolean', 'true', true);
      break;
    case 'enum':
      add('wrong-type', 'unknown enum value', 'NOT_A_VALUE', true);
      add('nul', 'NUL in an enum value', 'ACTIVE\u0000', true);
      break;
    case 'object':
      add('wrong-type', 'array for object', [], true);
      add('wrong-type', 'string for object', 'x', true);
      add('deep-nesting', `array ${DEPTH} deep`, RAW_MARK, true);
      break;
    case 'list':
      add('wrong-type', 'object for list', { a: 1 }, true);
      add('deep-nesting', `array ${DEPTH} deep`, RAW_MARK, true);
      break;
  }
  if (facts.required) add('wrong-type', 'null for required', null, true);
  return bad;
}

// ---------------------------------------------------------------- OpenAPI

export type OpenApiSchema = {
  $ref?: string;
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};
export type OpenApiDocument = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ name: string; in: string; required?: boolean; schema?: OpenApiSchema }>;
        requestBody?: { content: Record<string, { schema: OpenApiSchema }> };
        security?: unknown[];
      }
    >
  >;
  components: { schemas: Record<string, OpenApiSchema> };
};

export function resolveSchema(doc: OpenApiDocument, schema: OpenApiSchema): OpenApiSchema {
  // OpenAPI 3.1 nulls: `oneOf: [X, {type: null}]` is X, `type: [T, 'null']` is T (null itself is probed on its own).
  const notNull = schema.oneOf?.filter((s) => s.type !== 'null');
  if (notNull?.length === 1) return resolveSchema(doc, { ...schema, ...notNull[0], oneOf: undefined });
  if (Array.isArray(schema.type)) return resolveSchema(doc, { ...schema, type: schema.type.find((t) => t !== 'null') });
  if (schema.$ref) return resolveSchema(doc, doc.components.schemas[schema.$ref.split('/').pop() as string]);
  if (schema.allOf?.length === 1) return { ...resolveSchema(doc, schema.allOf[0]), ...schema, allOf: undefined };
  return schema;
}

export function schemaFacts(schema: OpenApiSchema, name: string, required: boolean): PlaceFacts {
  const base = { required, maxLength: schema.maxLength, minimum: schema.minimum, maximum: schema.maximum };
  if (schema.enum) return { ...base, kind: 'enum' };
  switch (schema.type) {
    case 'integer':
      return { ...base, kind: 'integer' };
    case 'number':
      return { ...base, kind: 'number' };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'array':
      return { ...base, kind: 'list' };
    case 'object':
      return { ...base, kind: 'object' };
  }
  if (schema.properties) return { ...base, kind: 'object' };
  if (schema.format === 'uuid') return { ...base, kind: 'id' };
  if (schema.format === 'date' || (schema.format !== 'date-time' && DATE_NAME.test(name))) return { ...base, kind: 'date' };
  if (schema.format === 'date-time') return { ...base, kind: 'date-time' };
  return { ...base, kind: 'string' };
}

/** A place in a JSON body and what is known of it. */
export interface Place {
  path: Path;
  facts: PlaceFacts;
}

/** Every place of a body schema (objects, lists with one element, scalars), to `maxDepth` levels. */
export function openApiPlaces(doc: OpenApiDocument, schema: OpenApiSchema, path: Path = [], required = true, maxDepth = 5): Place[] {
  const resolved = resolveSchema(doc, schema);
  const name = String(path.filter((p) => typeof p === 'string').pop() ?? '');
  const places: Place[] = [{ path, facts: schemaFacts(resolved, name, required) }];
  if (path.length >= maxDepth) return places;
  if (resolved.properties) {
    for (const [key, child] of Object.entries(resolved.properties))
      places.push(...openApiPlaces(doc, child, [...path, key], resolved.required?.includes(key) ?? false, maxDepth));
  } else if (resolved.type === 'array' && resolved.items) {
    places.push(...openApiPlaces(doc, resolved.items, [...path, 0], false, maxDepth));
  }
  return places;
}

/** Picks a plausible valid value for a named place: an id of a fixture, an example, an enum's first value. */
export type IdFor = (name: string) => string;

export function openApiBase(doc: OpenApiDocument, schema: OpenApiSchema, name: string, idFor: IdFor, depth = 0): unknown {
  const s = resolveSchema(doc, schema);
  if (s.example !== undefined && s.type !== 'array' && !s.properties) return s.example;
  if (s.enum) return s.enum[0];
  if (s.properties) {
    const object: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(s.properties)) {
      if (s.required?.includes(key) || preferredOptional(key)) object[key] = openApiBase(doc, child, key, idFor, depth + 1);
    }
    return object;
  }
  if (s.type === 'array')
    return s.items && depth < 4 && s.example === undefined ? [openApiBase(doc, s.items, name, idFor, depth + 1)] : (s.example ?? []);
  if (s.type === 'number' || s.type === 'integer') return numberFor(name);
  if (s.type === 'boolean') return false;
  if (s.format === 'uuid') return idFor(name);
  if (s.format === 'date' || DATE_NAME.test(name)) return '2024-01-15';
  if (s.format === 'date-time') return '2030-01-15T00:00:00.000Z';
  return stringFor(name);
}

/** Optional fields worth sending in a base record: the units it belongs to (without them an administrator's create is refused before it is read). */
export function preferredOptional(key: string): boolean {
  return /UnitId$|^unitId$|^awardTitleId$/.test(key);
}

export function numberFor(name: string): number {
  if (/year/i.test(name)) return 2024;
  if (/pageSize/.test(name)) return 10;
  return 1;
}

export function stringFor(name: string): string {
  if (/email/i.test(name)) return 'fuzz@example.vn';
  if (/url/i.test(name)) return 'https://example.vn/fuzz';
  if (/username/i.test(name)) return 'fuzz_user';
  if (/password/i.test(name)) return 'Fuzz-Password-1234';
  if (/itemCode/.test(name)) return '1.a';
  return 'Fuzz';
}

// ---------------------------------------------------------------- GraphQL

export function graphqlFacts(type: GraphQLInputType, name: string, openApi: OpenApiSchema | undefined): PlaceFacts {
  const required = isNonNullType(type);
  const inner = isNonNullType(type) ? type.ofType : type;
  const constraints = { maxLength: openApi?.maxLength, minimum: openApi?.minimum, maximum: openApi?.maximum };
  if (isListType(inner)) return { kind: 'list', required, ...constraints };
  if (isInputObjectType(inner)) return { kind: 'object', required };
  if (isEnumType(inner)) return { kind: 'enum', required };
  switch ((inner as GraphQLScalarType).name) {
    case 'Int':
      return { kind: 'integer', required, graphqlInt: true, ...constraints };
    case 'Float':
      return { kind: 'number', required, ...constraints };
    case 'Boolean':
      return { kind: 'boolean', required };
    case 'ID':
      return { kind: 'id', required };
    case 'Date':
      return { kind: 'date', required };
    case 'DateTime':
      return { kind: 'date-time', required };
    default:
      return { kind: DATE_NAME.test(name) ? 'date' : 'string', required, ...constraints };
  }
}

/** Places of one GraphQL argument, walking its input object types (`parentType` names the OpenAPI schema of the same DTO, for constraints). */
export function graphqlPlaces(
  type: GraphQLInputType,
  path: Path,
  openApi: OpenApiSchema | undefined,
  resolve: (s: OpenApiSchema) => OpenApiSchema,
  components: Record<string, OpenApiSchema>,
  maxDepth = 5,
): Array<Place & { type: GraphQLInputType }> {
  const name = String(path.filter((p) => typeof p === 'string').pop() ?? '');
  const places: Array<Place & { type: GraphQLInputType }> = [{ path, type, facts: graphqlFacts(type, name, openApi) }];
  if (path.length >= maxDepth) return places;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    places.push(
      ...graphqlPlaces(
        inner.ofType as GraphQLInputType,
        [...path, 0],
        openApi?.items ? resolve(openApi.items) : undefined,
        resolve,
        components,
        maxDepth,
      ),
    );
  } else if (isInputObjectType(inner)) {
    const schema = components[inner.name] ? resolve(components[inner.name]) : undefined;
    for (const field of Object.values(inner.getFields())) {
      const fieldSchema = schema?.properties?.[field.name];
      places.push(
        ...graphqlPlaces(field.type, [...path, field.name], fieldSchema ? resolve(fieldSchema) : undefined, resolve, components, maxDepth),
      );
    }
  }
  return places;
}

/** A plausible valid value of a GraphQL input type: required fields only (plus the units a record belongs to). */
export function graphqlBase(
  type: GraphQLInputType,
  name: string,
  idFor: IdFor,
  example: (typeName: string, field: string) => unknown,
  depth = 0,
): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return depth < 4 ? [graphqlBase(inner.ofType as GraphQLInputType, name, idFor, example, depth + 1)] : [];
  if (isInputObjectType(inner)) {
    const object: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        object[field.name] = fieldBase(inner, field.name, field.type, idFor, example, depth);
      else if (preferredOptional(field.name)) object[field.name] = fieldBase(inner, field.name, field.type, idFor, example, depth);
    }
    return object;
  }
  if (isEnumType(inner)) return inner.getValues()[0].name;
  switch ((inner as GraphQLScalarType).name) {
    case 'Int':
    case 'Float':
      return numberFor(name);
    case 'Boolean':
      return false;
    case 'ID':
      return idFor(name);
    case 'Date':
      return '2024-01-15';
    case 'DateTime':
      return '2030-01-15T00:00:00.000Z';
    default:
      return DATE_NAME.test(name) ? '2024-01-15' : stringFor(name);
  }
}

function fieldBase(
  parent: GraphQLInputObjectType,
  field: string,
  type: GraphQLInputType,
  idFor: IdFor,
  example: (typeName: string, field: string) => unknown,
  depth: number,
): unknown {
  const named = getNamedType(type);
  const given = example(parent.name, field);
  if (
    given !== undefined &&
    !(named instanceof GraphQLInputObjectType) &&
    !(type instanceof GraphQLList) &&
    !(type instanceof GraphQLNonNull && type.ofType instanceof GraphQLList)
  )
    return given;
  return graphqlBase(type, field, idFor, example, depth + 1);
}

/** `value` written as a GraphQL literal of `type` (enum values bare), for the inline variants. */
export function printLiteral(value: unknown, type: GraphQLInputType | undefined): string {
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => printLiteral(v, inner && isListType(inner) ? (inner.ofType as GraphQLInputType) : undefined)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${printLiteral(v, fields[k]?.type)}`)
      .join(', ')}}`;
  }
  if (inner && isListType(inner)) return printLiteral(value, inner.ofType as GraphQLInputType);
  if (inner instanceof GraphQLEnumType && typeof value === 'string' && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
