import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Table ownership: a table belongs to the library whose migrations create it, and
 * only that library's SQL names it. Another library asks the owner through a port
 * the owner exports: a published view (`CREATE VIEW`, e.g. `unit_directory`) its
 * SQL may read, or a TypeScript interface the owner implements (see
 * docs/architecture.md, "Table ownership").
 */

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

/** Every Nx library with server code: the folders under libs/ that hold a project.json and a src/. */
export function serverLibraries(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    const names = readdirSync(dir);
    if (names.includes('project.json') && names.includes('src')) found.push(relative(root, dir));
    else for (const name of names) if (statSync(join(dir, name)).isDirectory()) visit(join(dir, name));
  };
  visit(join(root, 'libs'));
  // Contracts hold no SQL; test utilities (type:test-util) read any table to check what a test did.
  const isTestUtility = (lib: string) =>
    (JSON.parse(readFileSync(join(root, lib, 'project.json'), 'utf8')) as { tags?: string[] }).tags?.includes('type:test-util') ?? false;
  return found.filter((lib) => lib !== 'libs/contracts' && !isTestUtility(lib)).sort();
}

const migrationFiles = (root: string, lib: string): string[] =>
  walk(join(root, lib, 'src')).filter((f) => f.includes('/migrations/') && f.endsWith('.ts'));

/** table → owning library, read from the `CREATE TABLE` statements of each library's migrations. */
export function tableOwners(root: string, libraries: string[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const lib of libraries) {
    for (const file of migrationFiles(root, lib)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)/g)) {
        owners.set(match[1], lib);
      }
    }
  }
  return owners;
}

/** view → publishing library: the read models (`CREATE VIEW`) other libraries may read. */
export function publishedViews(root: string, libraries: string[]): Map<string, string> {
  const views = new Map<string, string>();
  for (const lib of libraries) {
    for (const file of migrationFiles(root, lib)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/CREATE (?:OR REPLACE )?VIEW ([a-z_][a-z0-9_]*)/g)) {
        views.set(match[1], lib);
      }
    }
  }
  return views;
}

/**
 * `file → table` for each non-migration, non-test source file whose SQL names a
 * table of another library (after FROM, JOIN, UPDATE, INTO or TABLE).
 */
export function foreignTableReads(root: string): string[] {
  const libraries = serverLibraries(root);
  const owners = tableOwners(root, libraries);
  const found = new Set<string>();
  for (const lib of libraries) {
    const files = walk(join(root, lib, 'src')).filter((f) => f.endsWith('.ts') && !f.includes('/migrations/') && !f.endsWith('.spec.ts'));
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\b(?:FROM|JOIN|UPDATE|INTO|TABLE)\s+([a-z_][a-z0-9_]*)\b/g)) {
        const owner = owners.get(match[1]);
        if (owner && owner !== lib) found.add(`${relative(root, file)} → ${match[1]}`);
      }
    }
  }
  return [...found].sort();
}
