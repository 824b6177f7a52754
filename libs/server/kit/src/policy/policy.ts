import { PERMISSION_LABELS, type Permission } from '@danvan/contracts';
import { DomainError, type Caller, type RequestContext, type SqlParams } from '@danvan/core';
import { inScopeOf, scopeSql, type ScopeRule } from './scope-rule.js';

/** Who may take one action on a resource's record. */
export interface ActionRule<R> {
  /** The permission it needs; the endpoint's guard declares the same one (`policy.permission(action)`). null: none beyond reading. */
  permission: Permission | null;
  /** Which records the caller may take it on. */
  scope: ScopeRule<R>;
  /** Refusal (403 FORBIDDEN) when the caller holds the permission but the record is outside the rule. */
  refusal: string;
  /**
   * The record's state allows the action at all (e.g. an award not yet revoked):
   * only what `allowedActions` offers; the change itself refuses with its own coded rule.
   */
  when?: (record: R) => boolean;
  /**
   * Offered under other names: a lifecycle's transitions (`names`: all of them,
   * `pick`: those the table allows from the record's state); default the action's own name.
   */
  offeredAs?: { names: readonly string[]; pick: (record: R) => readonly string[] };
}

export interface PolicySpec<R, A extends string> {
  /** For messages and documentation: "giao ước thi đua". */
  resource: string;
  /** The permission to read the resource at all: the guard of its read endpoints (`policy.readPermission`); `see` then says which records. */
  read: Permission;
  /** Who sees a record: reads filter by it in SQL (`visibleSql`); a record outside it is "not found". */
  see: ScopeRule<R>;
  /**
   * The permission to create one, for the guard (`policy.createPermission`). Where it may be created
   * (under an owner unit the caller reaches) is the owner's rule, checked when the service reads that unit.
   */
  create?: Permission;
  actions: Record<A, ActionRule<R>>;
}

/**
 * A resource's access policy, declared once (`definePolicy`): the SQL scope of
 * its reads, the check before each change and the actions a view offers all
 * come from this one declaration.
 */
export interface Policy<R, A extends string> {
  readonly spec: PolicySpec<R, A>;
  /** Every name `allowedActions` can answer, in declaration order (what the view's field documents). */
  readonly vocabulary: readonly string[];
  /** The permission of the resource's read endpoints (`@RequirePermission(POLICY.readPermission)` on the controller or resolver). */
  readonly readPermission: Permission;
  /** The permission of its create endpoints (`@RequirePermission(POLICY.createPermission)`); throws if the policy declares none. */
  readonly createPermission: Permission;
  /** SQL condition of the records the caller may see (null: all of them; `FALSE`: none). */
  visibleSql(ctx: RequestContext, params: SqlParams): string | null;
  /** The same rule on a record already read. */
  canSee(ctx: RequestContext, record: R): boolean;
  /** SQL condition of the records the caller may take `action` on, scope only (null: all). */
  actionSql(ctx: RequestContext, action: A, params: SqlParams): string | null;
  /** The permission `action` needs, for the endpoint's guard (`@RequirePermission(policy.permission('advance'))`). */
  permission(action: A): Permission;
  /** The record lies within the action's scope rule (no permission or state check): e.g. "the caller manages this bloc". */
  reaches(ctx: RequestContext, action: A, record: R): boolean;
  /** Permission, scope rule and state: the action is offered on this record. */
  may(ctx: RequestContext, action: A, record: R): boolean;
  /** Before a change: FORBIDDEN unless the caller holds the permission and the record lies within the rule. */
  assert(ctx: RequestContext, action: A, record: R): void;
  /** What a view carries: the actions (and lifecycle transitions) the caller may take on the record, in declaration order. */
  allowedActions(ctx: RequestContext, record: R): string[];
}

export function definePolicy<R, A extends string>(spec: PolicySpec<R, A>): Policy<R, A> {
  const rule = (action: A): ActionRule<R> => spec.actions[action];
  const holdsPermission = (caller: Caller, action: A) => {
    const needed = rule(action).permission;
    return needed === null || caller.permissions.has(needed);
  };
  const actions = Object.keys(spec.actions) as A[];
  const policy: Policy<R, A> = {
    spec,
    vocabulary: actions.flatMap((action) => rule(action).offeredAs?.names ?? [action]),
    readPermission: spec.read,
    get createPermission() {
      if (!spec.create) throw new Error(`The policy of ${spec.resource} declares no create permission.`);
      return spec.create;
    },
    visibleSql: (ctx, params) => scopeSql(spec.see, ctx.caller, params),
    canSee: (ctx, record) => inScopeOf(spec.see, ctx.caller, record),
    actionSql: (ctx, action, params) => scopeSql(rule(action).scope, ctx.caller, params),
    permission(action) {
      const needed = rule(action).permission;
      if (!needed) throw new Error(`Action "${action}" of ${spec.resource} needs no permission.`);
      return needed;
    },
    reaches: (ctx, action, record) => inScopeOf(rule(action).scope, ctx.caller, record),
    may: (ctx, action, record) =>
      holdsPermission(ctx.caller, action) && policy.reaches(ctx, action, record) && (rule(action).when?.(record) ?? true),
    assert(ctx, action, record) {
      const needed = rule(action).permission;
      if (needed && !ctx.caller.permissions.has(needed)) {
        throw new DomainError('FORBIDDEN', `Bạn không có quyền: ${PERMISSION_LABELS[needed]}.`);
      }
      if (!policy.reaches(ctx, action, record)) throw new DomainError('FORBIDDEN', rule(action).refusal);
    },
    allowedActions(ctx, record) {
      return actions
        .filter((action) => policy.may(ctx, action, record))
        .flatMap((action) => rule(action).offeredAs?.pick(record) ?? [action]);
    },
  };
  return policy;
}
