import { recordAudit, type RequestContext } from '@danvan/core';

/** How a resource appears in the audit trail: declared once, beside its service. */
export interface AuditDeclaration<V extends { id: string }> {
  /** `entity` of its audit events (`unit`, `emulation-bloc`). */
  entity: string;
  /** The unit path the event is filed under (who may read it): the record's owner's (as `AuditChange.scopePath`). */
  scopePath: (record: V) => string | null;
  /** What the trail keeps of a record; an event stores only the fields that changed. */
  fields: (record: V) => Record<string, unknown>;
}

/** A resource's audit trail: each change recorded in the change's transaction (`recordAudit`). */
export interface ResourceAudit<V extends { id: string }> {
  readonly entity: string;
  /** What the trail keeps of a record (for an event recorded elsewhere, e.g. a lifecycle transition). */
  fields(record: V): Record<string, unknown>;
  /** One event: `before` null for a creation, `after` null for a deletion; filed under the record's scope path. */
  record(tx: RequestContext, action: string, before: V | null, after: V | null): Promise<void>;
  /** Records the creation and answers the record created. */
  created(tx: RequestContext, record: V): Promise<V>;
  /** After `writeUnlessUnchanged`: records the change only if something changed, and answers the record after. */
  updated(tx: RequestContext, before: V, written: { after: V; changed: boolean }, action?: string): Promise<V>;
  /** Records the deletion of `before`. */
  deleted(tx: RequestContext, before: V): Promise<void>;
}

/**
 * Declares how a resource is audited, so services do not each carry a private
 * `audit()` / `auditFields()` pair and the create-then-audit steps around it:
 *
 * ```ts
 * const BLOC_AUDIT = defineAudit<BlocView>({ entity: 'emulation-bloc', scopePath: (b) => b.ownerPath, fields: (b) => ({ name: b.name }) });
 * return BLOC_AUDIT.created(tx, await this.get(tx, id));
 * return BLOC_AUDIT.updated(tx, current, await writeUnlessUnchanged(tx, current, write));
 * ```
 */
export function defineAudit<V extends { id: string }>(declaration: AuditDeclaration<V>): ResourceAudit<V> {
  const audit: ResourceAudit<V> = {
    entity: declaration.entity,
    fields: declaration.fields,
    async record(tx, action, before, after) {
      const subject = (after ?? before) as V;
      await recordAudit(tx, {
        entity: declaration.entity,
        entityId: subject.id,
        action,
        scopePath: declaration.scopePath(subject),
        before: before && declaration.fields(before),
        after: after && declaration.fields(after),
      });
    },
    async created(tx, record) {
      await audit.record(tx, 'create', null, record);
      return record;
    },
    async updated(tx, before, { after, changed }, action = 'update') {
      if (changed) await audit.record(tx, action, before, after);
      return after;
    },
    deleted: (tx, before) => audit.record(tx, 'delete', before, null),
  };
  return audit;
}
