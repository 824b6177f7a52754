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
 * `SELECT ${UNIT_COLUMNS} FROM unit u WHERE u.id = $1`, with UNIT_COLUMNS copied
 * character for character from libs/units/src/unit.repository.ts. Throws when the
 * source no longer has the shape this relies on (then update this file).
 */
export function unitByIdSql() {
  const source = readFileSync(REPOSITORY, 'utf8');
  const columns = /const UNIT_COLUMNS = `([^`]*)`;/.exec(source)?.[1];
  if (!columns || columns.includes('${')) throw new Error(`bench: cannot find a literal UNIT_COLUMNS in ${REPOSITORY}`);
  const findById = /async findById\([^)]*\)[^{]*\{([\s\S]*?)\n  \}/.exec(source)?.[1];
  const template = '`SELECT ${UNIT_COLUMNS} FROM unit u WHERE u.id = $1${lock ? \' FOR UPDATE OF u\' : \'\'}`';
  if (!findById || !findById.includes(template)) {
    throw new Error(`bench: UnitRepository.findById no longer runs ${template}; update bench/unit-select.mjs`);
  }
  return `SELECT ${columns} FROM unit u WHERE u.id = $1`;
}
