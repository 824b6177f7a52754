/** One event of the audit trail as GraphQL returns it. */
export interface AuditEventRecord {
  id: string;
  at: string;
  /** `account`, `api-key` or `system`. */
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  actorUnitId: string | null;
  /** `unit`, `account`, `api-key` … */
  entity: string;
  entityId: string;
  /** `create`, `update`, `delete`, `password-change`, `password-reset`, `revoke` … */
  action: string;
  /** JSON text: `{ field: { before, after } }` of the fields that changed. */
  changes: string;
  requestId: string | null;
}
