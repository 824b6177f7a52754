/**
 * The SELECT the API runs to read one unit (UnitRepository.findById), taken from
 * the repository's source so the bare baseline can never drift from it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPOSITORY = join(root, 'libs/units/src/unit.repository.ts');

/**
 * The statement of UnitRepository.findById, with UNIT_COLUMNS copied character
 * for character from libs/units/src/unit.repository.ts:
 *
 * - `SELECT ${UNIT_COLUMNS} FROM unit u WHERE u.id = $1` when findById runs that
 *   template itself (the repository before callers had a unit scope);
 * - `SELECT ${UNIT_COLUMNS} FROM unit u WHERE u.id = $1 AND u.path >= $2 AND u.path < $2 || '~'`
 *   when findById goes through `rows()`, which adds the caller's unit scope
 *   (unitScope(): `$2` is the scope's path, the root of the tree for the
 *   benchmark's API key). `scoped()` tells which.
 *
 * Throws when the source no longer has either shape (then update this file).
 */
export function unitByIdSql() {
  return unitById().sql;
}

/** True when the statement takes the caller's scope path as its second parameter. */
export function unitByIdScoped() {
  return unitById().scoped;
}

function unitById() {
  const source = readFileSync(REPOSITORY, 'utf8');
  const columns = /const UNIT_COLUMNS = `([^`]*)`;/.exec(source)?.[1];
  if (!columns || columns.includes('${')) throw new Error(`bench: cannot find a literal UNIT_COLUMNS in ${REPOSITORY}`);
  const findById = /async findById\([^)]*\)[^{]*\{([\s\S]*?)\n  \}/.exec(source)?.[1];
  const direct = '`SELECT ${UNIT_COLUMNS} FROM unit u WHERE u.id = $1${lock ? \' FOR UPDATE OF u\' : \'\'}`';
  if (findById?.includes(direct)) return { sql: `SELECT ${columns} FROM unit u WHERE u.id = $1`, scoped: false };
  // findById → rows(ctx, (p) => `u.id = ${p.add(id)}`, …) → SELECT … WHERE <condition> AND <unitScope>
  const rows = /private async rows\([^)]*\)[^{]*\{([\s\S]*?)\n  \}/.exec(source)?.[1];
  const scope = /export function unitScope\([^)]*\)[^{]*\{([\s\S]*?)\n\}/.exec(source)?.[1];
  const viaRows =
    findById?.includes('this.rows(ctx, (p) => `u.id = ${p.add(id)}`') &&
    rows?.includes('const where = [condition(params), unitScope(ctx, params)].filter(Boolean).join(\' AND \');') &&
    rows.includes('`SELECT ${UNIT_COLUMNS} FROM unit u WHERE ${where}${suffix}`') &&
    scope?.includes("return `${alias}.path >= ${p} AND ${alias}.path < ${p} || '~'`;");
  if (viaRows) return { sql: `SELECT ${columns} FROM unit u WHERE u.id = $1 AND u.path >= $2 AND u.path < $2 || '~'`, scoped: true };
  throw new Error(`bench: UnitRepository.findById runs neither ${direct} nor rows() with unitScope(); update bench/unit-select.mjs`);
}
