import type { FieldError } from '@danvan/contracts';
import { DomainError, recordAudit, type RequestContext } from '@danvan/core';

/**
 * A guard's answer: null when the transition may be taken, else why not — a
 * message (reported on the lifecycle's `field` with the code `transition`), a
 * coded refusal, or several of them.
 */
export type GuardRefusal = string | FieldError | FieldError[] | null;

/** One transition of a lifecycle's table. */
export interface Transition<S extends string, F> {
  /** What a caller asks for, and what `allowedActions` offers: `sign`, `advance:SCORING_OPEN`, `accept`. */
  action: string;
  from: readonly S[];
  /** The state it leads to; a function when the facts decide (a review step accepted: next step, or done). */
  to: S | ((facts: F) => S);
  /** The facts it needs, checked when the transition is asked for. */
  guard?: (facts: F) => GuardRefusal;
  /** The audit trail's action for it (default: `action`). */
  audit?: string;
}

export interface LifecycleSpec<S extends string, F> {
  /** The audit trail's entity: `pledge`, `score-sheet`. */
  entity: string;
  /** The field a refusal names: `status`. */
  field: string;
  transitions: ReadonlyArray<Transition<S, F>>;
  /** The refusal when the table has no such transition from `from` (a message is coded `transition` on `field`). */
  noTransition: (from: S, action: string, facts?: F) => GuardRefusal;
}

/** A transition the guards let through, ready to be written and audited. */
export interface TakenTransition<S extends string> {
  action: string;
  audit: string;
  from: S;
  to: S;
}

/** One change of a record along its lifecycle, as the audit trail keeps it. */
export interface TransitionAudit {
  entityId: string;
  /** Path of the unit the record belongs to: who may read the event. */
  scopePath: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

/**
 * A state machine declared as a table (`defineLifecycle`): which action leads
 * from which state to which, each with its guard returning a coded refusal, and
 * one audit hook every transition records itself through.
 */
export interface Lifecycle<S extends string, F> {
  readonly spec: LifecycleSpec<S, F>;
  /** The actions the table allows from `state` (guards not run: they need facts), in table order. */
  actionsFrom(state: S): string[];
  /** True when the table has `action` from `state`. */
  allows(state: S, action: string): boolean;
  /** Refuses (DomainError RULE, the `noTransition` answer) unless the table has `action` from `state`; guards not run. */
  assertAllowed(state: S, action: string): void;
  /** Why `action` cannot be taken from `from` with these facts (empty: it can). */
  refusals(from: S, action: string, facts: F): FieldError[];
  /** The transition, or a DomainError RULE carrying the refusals. */
  take(from: S, action: string, facts: F): TakenTransition<S>;
  /** Records the transition in the audit trail, inside the change's transaction (`tx`): the one way a transition is audited. */
  record(tx: RequestContext, taken: TakenTransition<S>, audit: TransitionAudit): Promise<void>;
}

export function defineLifecycle<S extends string, F>(spec: LifecycleSpec<S, F>): Lifecycle<S, F> {
  const find = (from: S, action: string) => spec.transitions.find((t) => t.action === action && t.from.includes(from));
  const coded = (refusal: GuardRefusal): FieldError[] => {
    if (refusal === null) return [];
    if (typeof refusal === 'string') return [{ field: spec.field, code: 'transition', message: refusal }];
    return Array.isArray(refusal) ? refusal : [refusal];
  };
  const lifecycle: Lifecycle<S, F> = {
    spec,
    actionsFrom: (state) => [...new Set(spec.transitions.filter((t) => t.from.includes(state)).map((t) => t.action))],
    allows: (state, action) => find(state, action) !== undefined,
    assertAllowed(state, action) {
      if (!find(state, action)) DomainError.refuseIfAny(coded(spec.noTransition(state, action)));
    },
    refusals(from, action, facts) {
      const transition = find(from, action);
      if (!transition) return coded(spec.noTransition(from, action, facts));
      return coded(transition.guard?.(facts) ?? null);
    },
    take(from, action, facts) {
      DomainError.refuseIfAny(lifecycle.refusals(from, action, facts));
      const transition = find(from, action) as Transition<S, F>;
      const to = typeof transition.to === 'function' ? transition.to(facts) : transition.to;
      return { action, audit: transition.audit ?? action, from, to };
    },
    async record(tx, taken, audit) {
      await recordAudit(tx, { entity: spec.entity, action: taken.audit, ...audit });
    },
  };
  return lifecycle;
}
