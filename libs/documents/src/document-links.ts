import { DomainError, transactionOf, type RequestContext } from '@danvan/core';

/**
 * Other capabilities cite documents of the register (a pledge's legal basis, an
 * award's decision …). These are the checks and link writes they share, run in
 * the transaction the context carries.
 */

/** Every id names a registered document (documents are readable by every caller); otherwise a rule error on `field`. */
export async function assertDocumentsExist(tx: RequestContext, ids: Array<string | null | undefined>, field: string): Promise<void> {
  const db = transactionOf(tx, 'assertDocumentsExist');
  const wanted = ids.filter((id): id is string => Boolean(id));
  if (!wanted.length) return;
  const rows = (await db.query(`SELECT id FROM document WHERE id = ANY($1)`, [wanted])) as Array<{ id: string }>;
  const found = new Set(rows.map((r) => r.id));
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length) throw DomainError.rule(field, 'notFound', `Không tìm thấy văn bản trong sổ văn bản: ${missing.join(', ')}.`);
}

/** Replaces the ordered document links of one record (a table with `<owner>, document_id, position`). */
export async function replaceDocumentLinks(
  tx: RequestContext,
  table: string,
  ownerColumn: string,
  ownerId: string,
  documentIds: string[],
): Promise<void> {
  const db = transactionOf(tx, 'replaceDocumentLinks');
  await db.query(`DELETE FROM ${table} WHERE ${ownerColumn} = $1`, [ownerId]);
  if (!documentIds.length) return;
  await db.query(
    `INSERT INTO ${table} (${ownerColumn}, document_id, position) SELECT $1, d.id, d.position FROM unnest($2::uuid[]) WITH ORDINALITY AS d(id, position)`,
    [ownerId, documentIds],
  );
}
