import { anyScopedCaller, definePolicy, unitInSubtree } from '@danvan/kit';

/** What the document policy reads of a document: its owner unit's path (null: a national document). */
export interface DocumentAccess {
  ownerPath: string | null;
}

/** The document's owner unit lies in the caller's subtree; a document without an owner is reached by unrestricted callers only. */
export const OWNS_DOCUMENT = unitInSubtree<DocumentAccess>('đơn vị quản lý văn bản', 'ou.path', (d) => d.ownerPath);

const OWNER_ONLY = 'Văn bản này do đơn vị khác quản lý: chỉ đơn vị đó (hoặc cấp trên) được sửa, xóa.';

/** Documents: read by every caller with a scope (they are cited across units); changed and deleted by the owner unit's subtree. */
export const DOCUMENT_POLICY = definePolicy<DocumentAccess, 'update' | 'delete'>({
  resource: 'văn bản',
  read: 'documents:read',
  see: anyScopedCaller(),
  create: 'documents:write',
  actions: {
    update: { permission: 'documents:write', scope: OWNS_DOCUMENT, refusal: OWNER_ONLY },
    delete: { permission: 'documents:write', scope: OWNS_DOCUMENT, refusal: OWNER_ONLY },
  },
});
