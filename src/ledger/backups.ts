/**
 * @module ledger/backups
 * The folder of daily ledger backups: `munshi-YYYY-MM-DD.db`, one a day, the newest N days kept.
 * Written by the maintenance job through LedgerFile.backup (SQLite's online backup API), read by
 * `cli restore` and by the advice printed when the ledger is unusable.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface BackupEntry {
  file: string;
  /** The local day it was taken, from its name. */
  day: string;
  size: number;
}

const NAME = /^munshi-(\d{4}-\d{2}-\d{2})\.db$/;

export function backupFileFor(dir: string, day: string): string {
  return path.join(dir, `munshi-${day}.db`);
}

/** The backups in `dir`, newest first. */
export function listBackupFiles(dir: string): BackupEntry[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((f) => {
      const m = NAME.exec(f);
      if (!m) return [];
      const file = path.join(dir, f);
      return [{ file, day: m[1]!, size: fs.statSync(file).size }];
    })
    .sort((a, b) => b.day.localeCompare(a.day));
}

/** Deletes backups of days before `oldestKept`, always keeping the newest one. Returns the files removed. */
export function pruneBackupFiles(dir: string, oldestKept: string): string[] {
  const all = listBackupFiles(dir);
  const gone = all.slice(1).filter((b) => b.day < oldestKept);
  for (const b of gone) fs.rmSync(b.file, { force: true });
  return gone.map((b) => b.file);
}

/** Removes files in `dir` last modified before `before` (chart PNGs the console transport wrote). */
export function removeFilesOlderThan(dir: string, before: Date): number {
  if (!fs.existsSync(dir)) return 0;
  let n = 0;
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f);
    const st = fs.statSync(p);
    if (st.isFile() && st.mtime < before) {
      fs.rmSync(p, { force: true });
      n++;
    }
  }
  return n;
}
