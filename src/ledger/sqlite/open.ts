/**
 * @module ledger/sqlite/open
 * The only place better-sqlite3 is imported. Opens (or creates) the SQLite file every repository
 * shares, sets WAL and foreign keys, and applies the migrations the composition root hands in
 * (app/migrations.ts: each feature folder owns the DDL of its tables) before anything touches it.
 *
 * Every repository writes through `store.write()`: the one place that decides how munshi takes
 * SQLite's write lock (today kysely's BEGIN…COMMIT; the place to switch to BEGIN IMMEDIATE with
 * retries), and `openSqliteStore` is the one place to take a single-instance lock on the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './schema.js';

export type SqliteMigration = Migration;

export interface SqliteStore {
  /** The handle repositories read with (ledger tables; feature repositories add theirs with withTables). */
  readonly db: Kysely<Database>;
  /** The file path, or ":memory:". */
  readonly file: string;
  /** Runs `fn` in one write transaction; every repository write goes through here. Never nest. */
  write<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** How often the WAL is folded back into the database file (see openSqliteStore). */
const CHECKPOINT_EVERY_MS = 10_000;

/** Opens the SQLite file at `file` (":memory:" for tests) and migrates it to the latest schema. */
export async function openSqliteStore(file: string, migrations: Record<string, SqliteMigration>): Promise<SqliteStore> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 5000');
  // Questions read whole periods: a 32 MiB page cache and memory-mapped reads (query bench, 1M rows:
  // an all-time word search went from 271 to 157 ms). Both are ceilings, not allocations.
  raw.pragma('cache_size = -32768');
  raw.pragma('mmap_size = 268435456');
  // SQLite's automatic WAL checkpoint runs inside whichever commit crosses 1000 pages, so one
  // unlucky expense waits for it (bench: record p99 6.2 ms with it, 3.4 ms without). Checkpoint
  // from a timer instead, off the message path, and fully on close.
  raw.pragma('wal_autocheckpoint = 0');
  const checkpointer = setInterval(() => {
    try {
      raw.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // A busy or closed database simply skips this round.
    }
  }, CHECKPOINT_EVERY_MS);
  checkpointer.unref();
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const { error, results } = await new Migrator({ db, provider, allowUnorderedMigrations: true }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    clearInterval(checkpointer);
    await db.destroy();
    throw new Error(`ledger migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
  let closed = false;
  return {
    db,
    file,
    write: (fn) => db.transaction().execute(fn),
    close: async () => {
      if (closed) return;
      closed = true;
      clearInterval(checkpointer);
      try {
        if (raw.open && file !== ':memory:') raw.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // Another connection may hold the WAL; SQLite checkpoints it later.
      }
      await db.destroy();
    },
  };
}
