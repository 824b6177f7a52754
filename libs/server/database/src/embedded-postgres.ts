import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { lockDataFolder } from './data-folder-lock.js';

/** Where the embedded database lives: a folder, or `memory://` for tests. */
export type EmbeddedLocation = { kind: 'folder'; dataDir: string } | { kind: 'memory' };

export interface EmbeddedPostgres {
  pglite: PGlite;
  close(): Promise<void>;
}

/**
 * Opens PGlite (real PostgreSQL compiled to WASM, in this process) with the
 * extensions the schema needs. A folder is locked against a second process.
 */
export async function openEmbeddedPostgres(location: EmbeddedLocation): Promise<EmbeddedPostgres> {
  let release: () => void = () => undefined;
  if (location.kind === 'folder') {
    mkdirSync(location.dataDir, { recursive: true });
    release = lockDataFolder(location.dataDir);
  }
  try {
    const pglite = await PGlite.create({
      dataDir: location.kind === 'folder' ? location.dataDir : 'memory://',
      extensions: { unaccent, pg_trgm },
    });
    // The session settings of a server connection (database.ts); PGlite has no JIT provider, so this only keeps them alike.
    await pglite.exec('SET jit = off');
    return {
      pglite,
      close: async () => {
        try {
          if (!pglite.closed) await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
