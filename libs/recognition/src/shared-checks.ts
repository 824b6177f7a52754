import type { FieldError, UnitLevel } from '@danvan/contracts';
import { DomainError, SqlParams, type Queryable, type RequestContext } from '@danvan/core';
import { pathInScope } from './sql-refs.js';

/** The unit exists and lies in the caller's subtree; otherwise a rule error on `field` (its existence is not revealed). */
export async function visibleUnit(db: Queryable, ctx: RequestContext, unitId: string, field: string, label: string): Promise<{ path: string; level: UnitLevel }> {
  const params = new SqlParams();
  const where = [`u.id = ${params.add(unitId)}`, pathInScope(ctx, params, 'u.path')].filter(Boolean).join(' AND ');
  const [row] = (await db.query(`SELECT u.path, u.level FROM unit u WHERE ${where}`, params.values)) as Array<{ path: string; level: UnitLevel }>;
  if (!row) throw DomainError.rule(field, 'notFound', `${label} không tồn tại hoặc nằm ngoài phạm vi của bạn.`);
  return row;
}

/** The document is registered in the document register (documents are readable by every caller). */
export async function assertDocumentExists(db: Queryable, id: string | null | undefined, field: string): Promise<void> {
  if (!id) return;
  const rows = (await db.query(`SELECT 1 FROM document WHERE id = $1`, [id])) as unknown[];
  if (!rows.length) throw DomainError.rule(field, 'notFound', 'Không tìm thấy văn bản trong sổ văn bản.');
}

/** Throws one RULE_VIOLATION listing every problem, each on its field (nothing happens when there are none). */
export function refuse(errors: Array<FieldError | null | undefined>): void {
  const present = errors.filter((e): e is FieldError => Boolean(e));
  if (present.length) throw new DomainError('RULE_VIOLATION', present.map((e) => e.message).join(' '), present);
}
