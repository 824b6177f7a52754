import { fsyncSync, mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { lockDataFolder } from './data-folder-lock.js';

/**
 * Where the embedded database lives: a folder, or `memory://` for tests, optionally started from
 * a data-folder archive (`Database.archive()`: tests start from an already migrated one).
 */
export type EmbeddedLocation = { kind: 'folder'; dataDir: string } | { kind: 'memory'; from?: Blob };

export interface EmbeddedPostgres {
  pglite: PGlite;
  close(): Promise<void>;
}

/**
 * PGlite's start parameters without `-F` (which turns fsync off), WAL flushed with fsync(2) at each commit
 * (PGlite's Emscripten `fdatasync` is a stub that does nothing, `fsync` reaches the file system's `fsync`).
 */
const DURABLE_START_PARAMS = [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'wal_sync_method=fsync'];

interface NodeFsStream {
  nfd?: number;
}
type EmscriptenModule = { FS: { filesystems: { NODEFS: { stream_ops: { fsync?: (stream: NodeFsStream) => number } } } } };

/**
 * PGlite's NODEFS (the folder on disk) without a no-op fsync: Emscripten's NODEFS has no `fsync`, so
 * PostgreSQL's fsync calls returned at once and nothing was forced to disk. This one calls fsync(2) on
 * the real file descriptor, before PostgreSQL starts, so a commit PGlite acknowledges is on disk.
 */
class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]): ReturnType<NodeFS['init']> {
    const result = await super.init(pg, opts);
    const preRun = [...((result.emscriptenOpts.preRun as unknown[] | undefined) ?? [])];
    preRun.push((mod: EmscriptenModule) => {
      mod.FS.filesystems.NODEFS.stream_ops.fsync = (stream) => {
        if (stream.nfd !== undefined) fsyncSync(stream.nfd);
        return 0;
      };
    });
    return { emscriptenOpts: { ...result.emscriptenOpts, preRun } as typeof result.emscriptenOpts };
  }
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
    // A folder runs with fsync on (docs/operations.md, "Durability"); memory:// (tests) has nothing to sync.
    const pglite = await PGlite.create(
      location.kind === 'folder'
        ? { fs: new DurableNodeFS(location.dataDir), startParams: DURABLE_START_PARAMS, extensions: { unaccent, pg_trgm } }
        : { dataDir: 'memory://', loadDataDir: location.from, extensions: { unaccent, pg_trgm } },
    );
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
