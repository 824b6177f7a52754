import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedPostgres } from './embedded-postgres.js';

/** The folder database must keep what it acknowledged: fsync on, and fsync calls that reach the disk. */
describe('the embedded database in a folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'danvan-fsync-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('runs with fsync on, WAL flushed by fsync(2), and its file system really syncs', async () => {
    const embedded = await openEmbeddedPostgres({ kind: 'folder', dataDir: join(root, 'pglite') });
    try {
      const setting = async (name: string) => ((await embedded.pglite.query<Record<string, string>>(`SHOW ${name}`)).rows[0] ?? {})[name];
      expect(await setting('fsync')).toBe('on');
      expect(await setting('wal_sync_method')).toBe('fsync');
      expect(await setting('synchronous_commit')).toBe('on');
      // Emscripten's NODEFS has no fsync: PostgreSQL's calls would return at once with nothing written to disk.
      const nodefs = (embedded.pglite as unknown as { Module: { FS: { filesystems: { NODEFS: { stream_ops: { fsync?: unknown } } } } } })
        .Module.FS.filesystems.NODEFS;
      expect(typeof nodefs.stream_ops.fsync).toBe('function');
      await embedded.pglite.exec(`CREATE TABLE acknowledged (id int PRIMARY KEY); INSERT INTO acknowledged VALUES (1)`);
    } finally {
      await embedded.close();
    }
    const reopened = await openEmbeddedPostgres({ kind: 'folder', dataDir: join(root, 'pglite') });
    try {
      expect((await reopened.pglite.query(`SELECT id FROM acknowledged`)).rows).toEqual([{ id: 1 }]);
    } finally {
      await reopened.close();
    }
  });
});
