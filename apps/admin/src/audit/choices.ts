/** Choices of the audit filters; names are translation keys (SelectInput translates them). */
export const AUDIT_ENTITIES = ['unit', 'account', 'api-key'] as const;
export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'password-change', 'password-reset', 'revoke'] as const;

export const AUDIT_ENTITY_CHOICES = AUDIT_ENTITIES.map((id) => ({ id, name: `danvan.audit.entities.${id}` }));
export const AUDIT_ACTION_CHOICES = AUDIT_ACTIONS.map((id) => ({ id, name: `danvan.audit.actions.${id}` }));
