import { DomainError, SqlParams, type Queryable, type RequestContext } from '@danvan/core';
import { pathInScope } from './sql-refs.js';

/** The unit exists and lies in the caller's subtree; otherwise a rule error on `field` (its existence is not revealed). */
export async function assertUnitVisible(db: Queryable, ctx: RequestContext, unitId: string, field: string, label: string): Promise<string> {
  const params = new SqlParams();
  const where = [`u.id = ${params.add(unitId)}`, pathInScope(ctx, params, 'u.path')].filter(Boolean).join(' AND ');
  const [row] = (await db.query(`SELECT u.path FROM unit u WHERE ${where}`, params.values)) as Array<{ path: string }>;
  if (!row) throw DomainError.rule(field, 'notFound', `${label} không tồn tại hoặc nằm ngoài phạm vi của bạn.`);
  return row.path;
}

/** Every id names a registered document. */
export async function assertDocumentsExist(db: Queryable, ids: string[], field: string): Promise<void> {
  if (!ids.length) return;
  const rows = (await db.query(`SELECT id FROM document WHERE id = ANY($1)`, [ids])) as Array<{ id: string }>;
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw DomainError.rule(field, 'notFound', `Không tìm thấy văn bản trong sổ văn bản: ${missing.join(', ')}.`);
}

/** Replaces the ordered document links of one record (table with `<owner>, document_id, position`). */
export async function replaceDocumentLinks(db: Queryable, table: string, ownerColumn: string, ownerId: string, documentIds: string[]): Promise<void> {
  await db.query(`DELETE FROM ${table} WHERE ${ownerColumn} = $1`, [ownerId]);
  if (!documentIds.length) return;
  await db.query(
    `INSERT INTO ${table} (${ownerColumn}, document_id, position) SELECT $1, d.id, d.position FROM unnest($2::uuid[]) WITH ORDINALITY AS d(id, position)`,
    [ownerId, documentIds],
  );
}
