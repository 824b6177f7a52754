import { definePolicy, unitInSubtree } from '@danvan/kit';

/**
 * The audit trail: read (audit:read) by administrators whole, by others for the
 * records of the units of their subtree (`e.scope_path` in SQL: the path the
 * change was recorded under). Nobody changes it: there is no action.
 */
export const AUDIT_POLICY = definePolicy<{ scopePath: string | null }, never>({
  resource: 'nhật ký thay đổi',
  read: 'audit:read',
  see: unitInSubtree('đơn vị của bản ghi', 'e.scope_path', (e) => e.scopePath),
  actions: {},
});
