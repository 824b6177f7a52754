import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { foreignTableReads, publishedViews, tableOwners, serverLibraries } from './table-ownership.js';

const root = resolve(import.meta.dirname, '../..');
const baselineFile = resolve(import.meta.dirname, 'table-ownership-baseline.json');

/**
 * The reads of other libraries' tables that remain from before the rule. The list
 * may only shrink: a new read fails, and so does an entry that no longer occurs
 * (remove it, so it cannot come back unnoticed).
 */
const baseline: string[] = JSON.parse(readFileSync(baselineFile, 'utf8')).remaining;

describe('table ownership', () => {
  it('knows the owner of every table from the migrations', () => {
    const owners = tableOwners(root, serverLibraries(root));
    expect(owners.get('unit')).toBe('libs/units');
    expect(owners.get('pledge')).toBe('libs/emulation');
    expect(owners.get('award')).toBe('libs/recognition');
  });

  it('knows the read models the owners publish, which are not tables', () => {
    const libraries = serverLibraries(root);
    const views = publishedViews(root, libraries);
    expect(views.get('unit_directory')).toBe('libs/units');
    expect(views.get('document_directory')).toBe('libs/documents');
    expect(tableOwners(root, libraries).has('unit_directory')).toBe(false);
  });

  it('no library SQL names a table another library owns, beyond the shrinking baseline', () => {
    const found = foreignTableReads(root);
    expect({ new: found.filter((entry) => !baseline.includes(entry)) }).toEqual({ new: [] });
    expect({ goneFromCodeRemoveFromBaseline: baseline.filter((entry) => !found.includes(entry)) }).toEqual({
      goneFromCodeRemoveFromBaseline: [],
    });
  });
});
