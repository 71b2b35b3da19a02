/**
 * @module cli/commands/restore
 * `restore --list` | `restore --from BACKUP [--db FILE]`: puts a backup back as the ledger.
 *
 * Refuses while munshi runs on this data folder (it takes the daemon's single-instance lock, and
 * holds it, so the daemon cannot start half-way through), and refuses a backup that fails SQLite's
 * quick_check. The current ledger is never deleted: it is moved aside, with its -wal and -shm
 * files (a restored file next to an old WAL would mix the two), as FILE.before-restore-<time>.
 */
import fs from 'node:fs';
import path from 'node:path';
import { out, parseArgs, str } from '../args.js';
import { cliConfig, cliServices } from '../services.js';
import { listBackupFiles } from '../../ledger/backups.js';
import { acquireInstanceLock, checkFile } from '../../ledger/sqlite/open.js';

export const summary = 'put a backup back as the ledger: --list | --from BACKUP [--db FILE] (munshi must be stopped)';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['list']);
  const config = cliConfig(args);
  const dir = config.maintenance.backupDir;
  if (args.flags.list === true || !str(args, 'from')) {
    const all = listBackupFiles(dir);
    if (!all.length) process.stderr.write(`no backups in ${dir}\n`);
    for (const b of all) await out(`${b.day}  ${(b.size / 1024).toFixed(0).padStart(8)} KiB  ${b.file}`);
    if (!str(args, 'from') && args.flags.list !== true) process.stderr.write('to restore one: npm run cli -- restore --from FILE\n');
    return 0;
  }
  const from = path.resolve(str(args, 'from')!);
  const target = config.dbFile;
  if (target === ':memory:') {
    process.stderr.write('--db must be a file\n');
    return 2;
  }
  const problems = checkFile(from);
  if (problems.length) {
    process.stderr.write(`not restoring ${from}: it is not a sound ledger (${problems[0]})\n`);
    return 1;
  }
  const lock = acquireInstanceLock(config.dataDir);
  if ('heldBy' in lock) {
    process.stderr.write(`munshi is running on ${config.dataDir}${lock.heldBy ? ` (pid ${lock.heldBy})` : ''}: stop it first (systemctl stop munshi, or docker compose stop munshi), then run this again.\n`);
    return 1;
  }
  try {
    let aside: string | null = null;
    if (fs.existsSync(target)) {
      aside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, aside + suffix);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(from, target);
    // Opening it applies any migration newer than the backup and proves it works.
    const services = await cliServices(config, { optionalServices: false });
    let n: number;
    try {
      n = await services.repos.expenses.count();
    } finally {
      await services.close();
    }
    process.stderr.write(`restored ${from} into ${target}: ${n} expenses.${aside ? ` The ledger it replaced is kept as ${aside}.` : ''}\n`);
    return 0;
  } finally {
    lock.release();
  }
}
