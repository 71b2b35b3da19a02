/**
 * @module ledger/sqlite/open
 * The only place better-sqlite3 is imported. Opens (or creates) the SQLite file every repository
 * shares, sets WAL and foreign keys, refuses a damaged or suspiciously empty file with advice,
 * and applies the migrations the composition root hands in (app/migrations.ts: each feature folder
 * owns the DDL of its tables) before anything touches it.
 *
 * Every repository writes through `store.write()`: BEGIN IMMEDIATE takes SQLite's write lock up
 * front, so a transaction never fails half-way because another process (the CLI importing while the
 * daemon runs) wrote first; a busy lock is waited for with backoff, off the event loop. Each
 * migration runs in its own such transaction and is recorded in it, so an interrupted migration
 * (a full disk, a kill) leaves the file as it was and the next start runs it again.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Migration } from 'kysely';
import { LedgerUnusableError, storageFaultOf } from '../../core/errors.js';
import type { Database } from './schema.js';

export type SqliteMigration = Migration;

export interface SqliteStore {
  /** The handle repositories read with (ledger tables; feature repositories add theirs with withTables). */
  readonly db: Kysely<Database>;
  /** The file path, or ":memory:". */
  readonly file: string;
  /** Runs `fn` in one write transaction (BEGIN IMMEDIATE, retried while another writer holds the lock). Never nest. */
  write<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** PRAGMA quick_check: [] when the file is sound, else SQLite's first findings. */
  quickCheck(): Promise<string[]>;
  /** An online copy of the ledger at `dest` (SQLite's backup API; the ledger stays in use). Written aside, then renamed. */
  backup(dest: string): Promise<void>;
  /** Caps the file at n pages (null: no cap). Tests use it to make the disk "full" without filling one. */
  limitPages(n: number | null): void;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Where backups are kept, to name the newest one when the ledger is unusable. */
  backupDir?: string;
  /** The command that restores a backup, for the advice ({file} is replaced). */
  restoreCommand?: string;
  /** How long a writer waits for another process's write lock before the write fails as "busy" (default 60 s). */
  busyBudgetMs?: number;
}

/** How often the WAL is folded back into the database file (see openSqliteStore). */
const CHECKPOINT_EVERY_MS = 10_000;
/** ...and before every this-many-th write transaction, so a burst does not grow the WAL without bound. */
const CHECKPOINT_EVERY_WRITES = 100;
/** ...and whenever the WAL has grown beyond this (an import: 100k rows made an 870 MB WAL without it). */
const CHECKPOINT_WAL_BYTES = 64 * 2 ** 20;
/** SQLite's own wait for a lock blocks the event loop: keep it short and wait the rest asynchronously. */
const BUSY_TIMEOUT_MS = 100;
const DEFAULT_RESTORE = 'npm run cli -- restore --from {file}';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The backups in `dir` (files ending .db), newest first. */
export function listBackups(dir: string | undefined): { file: string; mtime: Date; size: number }[] {
  if (!dir || !fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.db'))
    .map((f) => {
      const p = path.join(dir, f);
      const st = fs.statSync(p);
      return { file: p, mtime: st.mtime, size: st.size };
    })
    .filter((b) => b.size > 0)
    .sort((a, b) => b.mtime.getTime() - a.mtime.getTime() || b.file.localeCompare(a.file));
}

/** The paragraph every "the ledger is unusable" message ends with: the newest backup and how to restore it. */
export function restoreAdvice(o: OpenOptions): string {
  const newest = listBackups(o.backupDir)[0];
  if (!newest) return `No backup was found${o.backupDir ? ` in ${o.backupDir}` : ''}. Keep the file as it is and restore it from a copy of your own, or move it aside to start an empty ledger.`;
  const cmd = (o.restoreCommand ?? DEFAULT_RESTORE).replace('{file}', newest.file);
  return `The newest backup is ${newest.file} (from ${newest.mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC). Restore it with:\n  ${cmd}`;
}

/** Opens `file` read-only and runs PRAGMA quick_check: [] when it is a sound SQLite file, else what is wrong. */
export function checkFile(file: string): string[] {
  if (!fs.existsSync(file)) return [`${file} does not exist`];
  if (fs.statSync(file).size === 0) return [`${file} is empty (0 bytes)`];
  let raw: SQLite.Database | null = null;
  try {
    raw = new SQLite(file, { readonly: true, fileMustExist: true });
    return quickCheckOf(raw);
  } catch (err) {
    return [err instanceof Error ? err.message : String(err)];
  } finally {
    raw?.close();
  }
}

function quickCheckOf(raw: SQLite.Database): string[] {
  const rows = raw.pragma('quick_check(5)') as { quick_check: string }[];
  const found = rows.map((r) => r.quick_check);
  return found.length === 1 && found[0] === 'ok' ? [] : found;
}

/** Opens the SQLite file at `file` (":memory:" for tests) and migrates it to the latest schema. */
export async function openSqliteStore(file: string, migrations: Record<string, SqliteMigration>, o: OpenOptions = {}): Promise<SqliteStore> {
  const onDisk = file !== ':memory:';
  if (onDisk) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // SQLite starts a new ledger in a zero-length file. After a crash or a full disk truncated it,
    // that would silently replace years of expenses with nothing: refuse while a backup exists.
    if (fs.existsSync(file) && fs.statSync(file).size === 0 && listBackups(o.backupDir).length && !fs.existsSync(`${file}-wal`)) {
      throw new LedgerUnusableError(`The ledger ${file} is empty (0 bytes), but backups exist, so munshi did not start a new, empty ledger over it.\n${restoreAdvice(o)}\nTo really start empty, delete ${file}.`);
    }
  }
  let raw: SQLite.Database;
  try {
    raw = new SQLite(file);
    raw.pragma('journal_mode = WAL');
  } catch (err) {
    if (storageFaultOf(err) === 'corrupt') {
      throw new LedgerUnusableError(`The ledger ${file} is damaged: SQLite cannot read it (${err instanceof Error ? err.message : String(err)}).\n${restoreAdvice(o)}`);
    }
    throw err;
  }
  raw.pragma('foreign_keys = ON');
  raw.pragma('synchronous = NORMAL');
  raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Memory stays flat as the ledger grows (issue 17, soak bench): the page cache fills up to its
  // ceiling and stays there, and every page read through mmap stays in the daemon's RSS. With
  // a 32 MiB cache and 256 MiB mmap, 20,000 messages grew RSS by 22 MiB of mapped ledger pages
  // and ~25 MiB of cache (a 23 MB ledger); 8 MiB and no mmap keep both bounded. Reads then come
  // from the kernel's page cache, which the kernel can reclaim; at 100k rows the all-time
  // totals measured the same either way (docs/PERFORMANCE.md).
  raw.pragma('cache_size = -8192');
  raw.pragma('mmap_size = 0');
  // SQLite's automatic WAL checkpoint runs inside whichever commit crosses 1000 pages, so one
  // unlucky expense waits for it (bench: record p99 6.2 ms with it, 3.4 ms without). Checkpoint
  // from a timer instead, off the message path, and fully on close.
  raw.pragma('wal_autocheckpoint = 0');
  // After a checkpoint lets the WAL start over, give back what a burst grew it to beyond this.
  raw.pragma('journal_size_limit = 4194304');
  const defaultMaxPages = Number(raw.pragma('max_page_count', { simple: true }));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: preparedOnce(raw) }) });
  const busyBudgetMs = o.busyBudgetMs ?? 60_000;

  let writes = 0;
  const walBytes = (): number => {
    if (!onDisk) return 0;
    try {
      return fs.statSync(`${file}-wal`).size;
    } catch {
      return 0;
    }
  };
  const checkpoint = (mode: 'PASSIVE' | 'TRUNCATE') => {
    try {
      raw.pragma(`wal_checkpoint(${mode})`);
    } catch {
      // A busy or closed database simply skips this round.
    }
  };

  async function write<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    const deadline = Date.now() + busyBudgetMs;
    // better-sqlite3 runs synchronously under kysely's promises: a burst of writes (a backlog after
    // a restart, an import) is one chain of microtasks in which no timer fires, so the timed
    // checkpoint alone let the WAL grow by ~50 KB a message until the disk was full (measured).
    // A write of many rows (an import's batch) grows it by megabytes at once: then its size decides.
    if (++writes % CHECKPOINT_EVERY_WRITES === 0 || walBytes() > CHECKPOINT_WAL_BYTES) await db.connection().execute(async () => checkpoint('PASSIVE'));
    for (let attempt = 0; ; attempt++) {
      try {
        return await db.connection().execute(async (conn) => {
          await sql`BEGIN IMMEDIATE`.execute(conn);
          try {
            const out = await fn(conn);
            await sql`COMMIT`.execute(conn);
            return out;
          } catch (err) {
            // SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR);
            // a second ROLLBACK would then fail with "no transaction is active" and hide the cause.
            if (raw.inTransaction) {
              try {
                await sql`ROLLBACK`.execute(conn);
              } catch {
                // the original error is the one worth reporting
              }
            }
            throw err;
          }
        });
      } catch (err) {
        // A full disk: folding the WAL into the file and truncating it gives back what it held.
        if (storageFaultOf(err) === 'full' && raw.open && onDisk) checkpoint('TRUNCATE');
        if (storageFaultOf(err) !== 'busy' || Date.now() >= deadline) throw err;
        // Another process holds the write lock (the CLI importing while the daemon runs): wait
        // without blocking the event loop, a little longer each time, with jitter so two waiting
        // writers do not retry in lockstep.
        await sleep(Math.min(500, 5 * 2 ** Math.min(attempt, 7)) * (0.5 + Math.random()));
      }
    }
  }

  try {
    await migrate(db, migrations, write);
  } catch (err) {
    await db.destroy();
    if (storageFaultOf(err) === 'corrupt') {
      throw new LedgerUnusableError(`The ledger ${file} is damaged (${err instanceof Error ? err.message : String(err)}).\n${restoreAdvice(o)}`);
    }
    throw new Error(`ledger migration failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  if (onDisk) {
    // Damaged pages would otherwise show up only as "something went wrong" on every question.
    let problems: string[];
    try {
      problems = quickCheckOf(raw);
    } catch (err) {
      problems = [err instanceof Error ? err.message : String(err)];
    }
    if (problems.length) {
      await db.destroy();
      throw new LedgerUnusableError(`The ledger ${file} is damaged (SQLite's quick_check found: ${problems.join('; ')}).\n${restoreAdvice(o)}`);
    }
  }

  const checkpointer = setInterval(() => checkpoint('PASSIVE'), CHECKPOINT_EVERY_MS);
  checkpointer.unref();

  let closed = false;
  return {
    db,
    file,
    write,
    async quickCheck() {
      // Through the connection's queue, so it never interleaves with a write transaction.
      return db.connection().execute(async () => quickCheckOf(raw));
    },
    async backup(dest) {
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      const partial = `${dest}.partial`;
      fs.rmSync(partial, { force: true });
      try {
        await raw.backup(partial);
        fs.renameSync(partial, dest);
      } catch (err) {
        fs.rmSync(partial, { force: true });
        throw err;
      }
    },
    limitPages(n) {
      raw.pragma(`max_page_count = ${n === null ? defaultMaxPages : Math.max(1, Math.floor(n))}`);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      clearInterval(checkpointer);
      try {
        if (raw.open && onDisk) raw.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // Another connection may hold the WAL; SQLite checkpoints it later.
      }
      await db.destroy();
    },
  };
}

/** How many prepared statements a ledger keeps (the message path uses a few dozen distinct ones). */
const STATEMENT_CACHE = 128;

/**
 * better-sqlite3 as kysely's driver sees it, with prepared statements kept by their SQL text:
 * kysely prepares every query afresh, which cost an import a fifth of its time (a 500-row insert is
 * ~10,000 parameters to compile) and every message a few dozen compilations. The connection is
 * kysely's single one, used under its mutex, and better-sqlite3 runs a statement to completion
 * before the next call, so a kept statement is never run twice at once. SQLite re-prepares a kept
 * statement by itself when a migration changes the schema. Least recently used ones go first.
 */
function preparedOnce(raw: SQLite.Database): { prepare(sql: string): SQLite.Statement; close(): void } {
  const kept = new Map<string, SQLite.Statement>();
  return {
    prepare(text) {
      let st = kept.get(text);
      if (st) kept.delete(text);
      else st = raw.prepare(text);
      kept.set(text, st);
      if (kept.size > STATEMENT_CACHE) kept.delete(kept.keys().next().value!);
      return st;
    },
    close: () => raw.close(),
  };
}

/** Kysely's table of applied migrations: ledgers migrated by earlier versions keep working. */
const MIGRATION_TABLE = 'kysely_migration';

/**
 * Applies pending migrations in name order, each in its own write transaction together with the row
 * that records it: a migration is either applied and recorded, or not at all. Re-checked inside the
 * transaction, so two processes opening a new ledger at once apply each migration once.
 */
async function migrate(db: Kysely<Database>, migrations: Record<string, SqliteMigration>, write: SqliteStore['write']): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS ${sql.table(MIGRATION_TABLE)} (name varchar(255) NOT NULL PRIMARY KEY, timestamp varchar(255) NOT NULL)`.execute(db);
  const applied = new Set((await sql<{ name: string }>`SELECT name FROM ${sql.table(MIGRATION_TABLE)}`.execute(db)).rows.map((r) => r.name));
  for (const name of Object.keys(migrations).sort()) {
    if (applied.has(name)) continue;
    await write(async (trx) => {
      const done = await sql<{ name: string }>`SELECT name FROM ${sql.table(MIGRATION_TABLE)} WHERE name = ${name}`.execute(trx);
      if (done.rows.length) return;
      try {
        await migrations[name]!.up(trx);
      } catch (err) {
        throw new Error(`${name}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
      await sql`INSERT INTO ${sql.table(MIGRATION_TABLE)} (name, timestamp) VALUES (${name}, ${new Date().toISOString()})`.execute(trx);
    });
  }
}

/** A held single-instance lock; released by release() or, whatever happens, when the process ends. */
export interface InstanceLock {
  readonly file: string;
  release(): void;
}

/**
 * Takes the one-daemon-per-data-folder lock: an exclusive SQLite lock on `<dir>/munshi.lock`, which
 * the operating system drops when the process ends however it ends (kill -9 leaves no stale lock),
 * and `<dir>/munshi.pid` saying who holds it. Returns null when another process holds it, with
 * that process's pid (or null when it cannot be read).
 */
export function acquireInstanceLock(dir: string, pid = process.pid): InstanceLock | { heldBy: number | null } {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'munshi.lock');
  const pidFile = path.join(dir, 'munshi.pid');
  const raw = new SQLite(file);
  try {
    raw.pragma('busy_timeout = 0');
    raw.pragma('journal_mode = DELETE');
    raw.pragma('locking_mode = EXCLUSIVE');
    // The first write in EXCLUSIVE locking mode takes the file's exclusive lock and keeps it.
    raw.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder; INSERT INTO holder VALUES (' + Number(pid) + ')');
  } catch (err) {
    raw.close();
    if (storageFaultOf(err) !== 'busy') throw err;
    let heldBy: number | null = null;
    try {
      heldBy = Number(fs.readFileSync(pidFile, 'utf8').trim()) || null;
    } catch {
      // no pid file: still held
    }
    return { heldBy };
  }
  fs.writeFileSync(pidFile, `${pid}\n`);
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      try {
        if (fs.readFileSync(pidFile, 'utf8').trim() === String(pid)) fs.rmSync(pidFile, { force: true });
      } catch {
        // already gone
      }
      raw.close();
    },
  };
}
