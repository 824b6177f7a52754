import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFolderLockedError, lockDataFolder } from './data-folder-lock.js';

describe('data folder lock', () => {
  const dir = () => join(mkdtempSync(join(tmpdir(), 'danvan-lock-')), 'pglite');

  it('refuses a second holder while the first is alive, and frees on release', () => {
    const dataDir = dir();
    const release = lockDataFolder(dataDir);
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    // Pretend another live process (our parent) holds it.
    writeFileSync(`${dataDir}.lock`, String(process.ppid));
    expect(() => lockDataFolder(dataDir)).toThrow(DataFolderLockedError);
    writeFileSync(`${dataDir}.lock`, String(process.pid));
    release();
    lockDataFolder(dataDir)();
  });

  it('takes over a lock left by a dead process', () => {
    const dataDir = dir();
    writeFileSync(`${dataDir}.lock`, '999999999');
    const release = lockDataFolder(dataDir);
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });
});
