import { transactionOf, type RequestContext } from '../request-context/request-context.js';

/** One change of one record, as the audit trail keeps it. */
export interface AuditChange {
  entity: string;
  entityId: string;
  action: string;
  /** Path of the unit the record belongs to: who may read the event (scope). */
  scopePath: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Only the fields that changed, as { field: { before, after } }. */
export function changedFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Record<string, { before: unknown; after: unknown }> {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of fields) {
    const a = before?.[field] ?? null;
    const b = after?.[field] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[field] = { before: a, after: b };
  }
  return changes;
}

/**
 * Appends one event to the audit trail through the transaction `tx` carries, so
 * the change and its record commit or roll back together (the transactional
 * context is the one thing passed: its caller, request id and connection). The
 * table refuses UPDATE and DELETE (trigger): the trail is append-only.
 */
export async function recordAudit(tx: RequestContext, change: AuditChange): Promise<void> {
  const caller = tx.caller;
  await transactionOf(tx, 'recordAudit').query(
    `INSERT INTO audit_event (actor_type, actor_id, actor_label, actor_unit_id, scope_path, entity, entity_id, action, changes, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
    [
      caller.kind,
      caller.id,
      caller.label,
      caller.unitId,
      change.scopePath,
      change.entity,
      change.entityId,
      change.action,
      JSON.stringify(changedFields(change.before, change.after)),
      tx.requestId,
    ],
  );
}
