import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  getVariableValues,
  isListType,
  isObjectType,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { Extensions } from '@nestjs/graphql';
import { MAX_PAGE_SIZE } from '@danvan/contracts';

/**
 * Declares the most elements a list field can return (a bloc's members, a
 * criteria group's criteria), so the cost estimate uses it instead of the
 * largest page size.
 */
export const MaxItems = (max: number) => Extensions({ maxItems: max });

/**
 * Declares that a field runs database work of its own for every parent it is
 * asked on (not batched by a DataLoader, e.g. a pledge's ranking: one ranking
 * statement per pledge), so the cost estimate counts `cost` more for it, per
 * element of every list around it. Keeps a page of parents × many aliases from
 * turning one request into thousands of statements.
 */
export const FieldCost = (cost: number) => Extensions({ cost });

/** What a field resolved by its own statement per parent adds to the estimate (`@FieldCost`): about a page of fields. */
export const STATEMENT_PER_PARENT_COST = 1_000;

/** Limits of one GraphQL document; above them the request is refused with 400 before anything runs. */
export const GRAPHQL_LIMITS = {
  /** Nesting of fields (units { items { parent { … } } } is 4). */
  maxDepth: 10,
  /** Aliased fields in one operation, counted in every fragment it spreads (alias flooding multiplies work). */
  maxAliases: 20,
  /** Parser tokens (huge documents). */
  maxTokens: 4_000,
  /** Estimated fields returned: each field counts once per element of every list around it. */
  maxCost: 250_000,
  /** Fields the cost estimate may walk once fragments are expanded (a fragment spread many times is walked each time). */
  maxCostedFields: 10_000,
} as const;

function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COMPLEX' } });
}

/** The count graphql-armor found ("… exceeded, found 12."), to name it in our message. */
function found(error: GraphQLError, unit = ''): string {
  const count = /found (\d+)/.exec(error.message)?.[1];
  return count ? `${count}${unit}, ` : '';
}

/**
 * Depth and alias limits (graphql-armor's rules, fragments expanded), reporting
 * a Vietnamese validation error instead of throwing.
 */
export function graphqlLimitRules(limits: Pick<typeof GRAPHQL_LIMITS, 'maxDepth' | 'maxAliases'> = GRAPHQL_LIMITS): ValidationRule[] {
  return [
    maxDepthRule({
      n: limits.maxDepth,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [
        (context, error) =>
          context?.reportError(limitError(`Truy vấn lồng quá sâu: ${found(error, ' cấp')}tối đa ${limits.maxDepth} cấp.`)),
      ],
    }) as ValidationRule,
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [
        (context, error) =>
          context?.reportError(limitError(`Truy vấn dùng quá nhiều bí danh (alias): ${found(error)}tối đa ${limits.maxAliases}.`)),
      ],
    }) as ValidationRule,
  ];
}

/** A page of a paginated list (UnitList …): `items` on one page, plus `totalItems`. */
function isPage(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return Boolean(fields.items && fields.totalItems && isListType(getNullableType(fields.items.type)));
}

/** A size the caller asked for, at least 1 (a negative limit must not lower the estimate of its siblings). */
function askedSize(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, value) : undefined;
}

/**
 * The estimated number of fields an operation returns, with its variables:
 * each field counts once per element of every list around it. A list's size is
 * its `limit` argument, else the bound it declares (`@MaxItems`), else the
 * largest page; a page's `items` count `options.pageSize` times (100 when the
 * caller sends no options). A field declaring `@FieldCost` counts that much
 * more (its own statement per parent). Fragment spreads and inline fragments are expanded
 * where they are spread (graphql-query-complexity). Introspection counts as one
 * field: its size is the schema's, not the caller's. Throws a GraphQLError when
 * the document has more than `maxCostedFields` fields to walk.
 */
export function estimateQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  // The library prices children before their parent: the per-element cost of
  // each page's `items` waits here until the field returning the page is priced.
  let pendingItems: number[] = [];
  const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
    if (field.name.startsWith('__') || type.name.startsWith('__')) return 1;
    const own = 1 + ((field.extensions?.cost as number | undefined) ?? 0);
    if (isListType(getNullableType(field.type))) {
      if (field.name === 'items' && isPage(type)) {
        pendingItems.push(childComplexity);
        return own + childComplexity;
      }
      const size = askedSize(args.limit) ?? (field.extensions?.maxItems as number | undefined) ?? MAX_PAGE_SIZE;
      return own + size * childComplexity;
    }
    if (isPage(getNamedType(field.type))) {
      const pageSize = askedSize((args.options as { pageSize?: unknown } | undefined)?.pageSize) ?? MAX_PAGE_SIZE;
      const items = pendingItems.reduce((sum, cost) => sum + cost, 0);
      pendingItems = [];
      return own + childComplexity + (pageSize - 1) * items;
    }
    return own + childComplexity;
  };
  return getComplexity({
    schema,
    query: document,
    variables,
    operationName,
    estimators: [estimator],
    maxQueryNodes: GRAPHQL_LIMITS.maxCostedFields,
  });
}

/** Variables that would not reach execution (wrong type, missing): GraphQL answers them with its own 400. */
function hasVariableErrors(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): boolean {
  return Boolean(getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors?.length);
}

/**
 * Apollo plugin refusing an operation whose estimated cost (variables
 * included) exceeds `maxCost`, once the operation is known and before anything
 * runs: HTTP 400, GRAPHQL_VALIDATION_FAILED / QUERY_TOO_COMPLEX.
 */
export function queryCostPlugin(maxCost: number = GRAPHQL_LIMITS.maxCost): ApolloServerPlugin {
  const refuse = (message: string) => {
    const error = limitError(message);
    error.extensions.http = { status: 400 };
    return error;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // No such operation, or bad variables: the ordinary 400 follows.
          if (!operation || hasVariableErrors(schema, operation, request.variables)) return;
          let cost: number;
          try {
            cost = estimateQueryCost(schema, document, request.variables, operation.name?.value);
          } catch (error) {
            // graphql-query-complexity's refusal past maxQueryNodes; anything else is a fault of ours.
            if (!(error instanceof GraphQLError)) throw error;
            throw refuse(
              `Truy vấn quá lớn: quá ${GRAPHQL_LIMITS.maxCostedFields.toLocaleString('vi-VN')} trường cần ước tính (kể cả các fragment được mở rộng). Hãy bớt các fragment hoặc quan hệ lồng nhau.`,
            );
          }
          if (cost > maxCost) {
            throw refuse(
              `Truy vấn quá lớn: ước tính ${cost.toLocaleString('vi-VN')} trường dữ liệu, tối đa ${maxCost.toLocaleString('vi-VN')}. Hãy giảm pageSize hoặc bớt các quan hệ lồng nhau.`,
            );
          }
        },
      };
    },
  };
}

/** graphql-js's suggestions: `Did you mean "pageSize" or "page"?`, `Did you mean the enum value "X"?` … */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * Apollo plugin removing "Did you mean …" suggestions from every error message
 * (for a server without introspection: they would disclose the schema name by
 * name). Apollo's `hideSchemaDetailsFromClientErrors` and graphql-armor's
 * block-field-suggestions only see validation errors; variable errors
 * (`Field "pageSiz" is not defined by type "UnitListOptions". Did you mean
 * "pageSize"?`) suggest too, so this runs on every error before it is formatted.
 */
export function hideSuggestionsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(SUGGESTION, '').trim();
        },
      };
    },
  };
}
