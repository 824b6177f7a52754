import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { Extensions } from '@nestjs/graphql';
import { MAX_PAGE_SIZE } from '@danvan/contracts';

/**
 * Declares the most elements a list field can return (a bloc's members, a
 * criteria group's criteria), so the cost estimate uses it instead of the
 * largest page size.
 */
export const MaxItems = (max: number) => Extensions({ maxItems: max });

/** Limits of one GraphQL document; above them the request is refused with 400 before anything runs. */
export const GRAPHQL_LIMITS = {
  /** Nesting of fields (units { items { parent { … } } } is 4). */
  maxDepth: 10,
  /** Aliased fields in one document (alias flooding multiplies work). */
  maxAliases: 20,
  /** Parser tokens (huge documents). */
  maxTokens: 4_000,
  /** Estimated fields returned: each field counts once per element of every list around it. */
  maxCost: 250_000,
} as const;

function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COMPLEX' } });
}

function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, fragments, seen));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      if (seen.has(name) || !fragments[name]) continue;
      deepest = Math.max(deepest, depthOf(fragments[name].selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return deepest;
}

/** Refuses documents nested deeper than `max` fields. */
export function depthLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = Object.fromEntries(context.getDocument().definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, fragments, new Set());
        if (depth > max) context.reportError(limitError(`Truy vấn lồng quá sâu: ${depth} cấp, tối đa ${max} cấp.`));
      },
    };
  };
}

/** Refuses documents with more than `max` aliased fields. */
export function aliasLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases++;
      },
      Document: {
        leave() {
          if (aliases > max) context.reportError(limitError(`Truy vấn dùng quá nhiều bí danh (alias): ${aliases}, tối đa ${max}.`));
        },
      },
    };
  };
}

/** The page size a field asks for when written literally (`options: { pageSize: 50 }`, `limit: 10`), else undefined. */
function literalSize(field: FieldNode): number | undefined {
  const intOf = (value: ValueNode | undefined) => (value?.kind === Kind.INT ? Number(value.value) : undefined);
  for (const argument of field.arguments ?? []) {
    if (argument.name.value === 'limit') return intOf(argument.value);
    if (argument.value.kind === Kind.OBJECT) {
      const pageSize = argument.value.fields.find((f) => f.name.value === 'pageSize');
      if (pageSize) return intOf(pageSize.value);
    }
  }
  return undefined;
}

/**
 * Refuses documents whose estimated size exceeds `max`: each field costs the
 * product of the sizes of the lists around it; a list's size is the page size or
 * limit written in the query, else the bound the field declares (`@MaxItems`),
 * else the largest page allowed.
 */
export function costLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const typeInfo = new TypeInfo(context.getSchema());
    let cost = 0;
    const multipliers: number[] = [1];
    const pendingSizes: Array<number | undefined> = [];
    const visitor: ASTVisitor = {
      Field: {
        enter(field) {
          const type = typeInfo.getType();
          const size = literalSize(field) ?? pendingSizes[pendingSizes.length - 1];
          const isList = type ? isListType(getNullableType(type)) : false;
          const declared = typeInfo.getFieldDef()?.extensions?.maxItems as number | undefined;
          const factor = isList ? (size ?? declared ?? MAX_PAGE_SIZE) : 1;
          const multiplier = multipliers[multipliers.length - 1] * factor;
          cost += multipliers[multipliers.length - 1];
          multipliers.push(multiplier);
          // A paginated wrapper (UnitList) passes its page size on to its list field (items).
          pendingSizes.push(!isList && type && getNamedType(type).name.endsWith('List') ? literalSize(field) : undefined);
        },
        leave() {
          multipliers.pop();
          pendingSizes.pop();
        },
      },
    };
    return {
      Document(document) {
        visit(document, visitWithTypeInfo(typeInfo, visitor));
        if (cost > max) context.reportError(limitError(`Truy vấn quá lớn: ước tính ${cost.toLocaleString('vi-VN')} trường dữ liệu, tối đa ${max.toLocaleString('vi-VN')}. Hãy giảm pageSize hoặc bớt các quan hệ lồng nhau.`));
        return false;
      },
    };
  };
}
