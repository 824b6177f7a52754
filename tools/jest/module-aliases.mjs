import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** jest moduleNameMapper from tsconfig.base.json paths, plus NodeNext `.js` suffixes on relative imports. */
export function moduleAliases() {
  const { compilerOptions } = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8'));
  const mapper = { '^(\\.{1,2}/.*)\\.js$': '$1' };
  for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
    mapper[`^${alias.replace(/[/]/g, '\\/')}$`] = resolve(root, target);
  }
  return mapper;
}

export const repoRoot = root;
