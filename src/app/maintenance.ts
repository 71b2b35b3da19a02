/**
 * @module app/maintenance
 * The daily upkeep job (issue 17), run at start and every day at MUNSHI_MAINTENANCE_AT:
 * 1. SQLite's quick_check of the ledger: a damaged ledger is reported at once (log, status, and one
 *    WhatsApp message to each recent owner naming the newest backup and the restore command),
 *    instead of every question failing with "something went wrong"; no backup is taken of it.
 * 2. An online backup (SQLite's backup API, while munshi runs) to <backups>/munshi-YYYY-MM-DD.db,
 *    checked with quick_check before it counts; backups older than MUNSHI_BACKUP_DAYS are removed
 *    (the newest always stays).
 * 3. Retention: finished inbox messages and sent replies older than MUNSHI_KEEP_MESSAGES_DAYS, the
 *    command effects of those days, and chart PNGs older than a day are forgotten.
 */
import fs from 'node:fs';
import type { Clock } from '../clock/clock.js';
import { addDays, localDate } from '../core/dates.js';
import type { InboxRepository } from '../inbox/port.js';
import { backupFileFor, listBackupFiles, pruneBackupFiles, removeFilesOlderThan } from '../ledger/backups.js';
import type { ExpenseRepository } from '../ledger/expenses.js';
import type { LedgerFile } from '../ledger/file.js';
import type { Notifier } from '../scheduler/notifier.js';
import type { Job, ScheduleLogger } from '../scheduler/service.js';
import type { Config } from '../config/config.js';

export const RESTORE_COMMAND = 'npm run cli -- restore --from';

export interface MaintenanceDeps {
  ledgerFile: LedgerFile | null;
  inbox: Pick<InboxRepository, 'prune'>;
  expenses: Pick<ExpenseRepository, 'forgetCommandEffects' | 'owners'>;
  clock: Clock;
  notifier?: Notifier;
  config: Config['maintenance'];
  logger?: ScheduleLogger & { error?(obj: object, msg: string): void };
  /** Reports a damaged ledger (the status file). */
  onProblem?(text: string): void;
}

export interface MaintenanceReport {
  damaged: string[];
  backup: string | null;
  backupsRemoved: number;
  messagesPruned: number;
  repliesPruned: number;
  chartsRemoved: number;
}

export const MAINTENANCE_JOB = 'maintenance';

/** The text a damaged ledger gets: what was found, the newest backup, the command. */
export function damagedLedgerText(file: string, problems: string[], backupDir: string): string {
  const newest = listBackupFiles(backupDir)[0];
  const advice = newest
    ? `The newest backup is from ${newest.day}. To restore it, stop munshi and run:\n${RESTORE_COMMAND} ${newest.file}`
    : `No backup was found in ${backupDir}.`;
  return `⚠️ munshi's ledger (${file}) is damaged: SQLite's check found "${problems[0]}". Answers may be wrong or fail until it is restored.\n${advice}`;
}

export function maintenanceJob(d: MaintenanceDeps): Job<MaintenanceReport> {
  const c = d.config;
  return {
    name: MAINTENANCE_JOB,
    wakeAt: c.at,
    async run(ctx) {
      const today = localDate(ctx.now, ctx.timeZone);
      const report: MaintenanceReport = { damaged: [], backup: null, backupsRemoved: 0, messagesPruned: 0, repliesPruned: 0, chartsRemoved: 0 };
      if (d.ledgerFile) {
        report.damaged = await d.ledgerFile.quickCheck();
        if (report.damaged.length) {
          const text = damagedLedgerText(d.ledgerFile.file, report.damaged, c.backupDir);
          d.logger?.error?.({ problems: report.damaged }, 'the ledger is damaged');
          d.onProblem?.(text);
          const owners = await d.expenses.owners({ from: addDays(today, -60), to: today }).catch(() => []);
          for (const owner of owners) await d.notifier?.send({ owner }, { text }).catch(() => undefined);
        } else if (c.backupDays > 0) {
          const dest = backupFileFor(c.backupDir, today);
          if (!fs.existsSync(dest)) {
            await d.ledgerFile.backup(dest);
            const problems = d.ledgerFile.checkCopy(dest);
            if (problems.length) {
              fs.rmSync(dest, { force: true });
              throw new Error(`the backup failed its check (${problems[0]}); removed`);
            }
            report.backup = dest;
            d.logger?.info({ file: dest }, 'ledger backed up');
          }
          report.backupsRemoved = pruneBackupFiles(c.backupDir, addDays(today, -(c.backupDays - 1))).length;
        }
      }
      if (c.keepMessagesDays > 0) {
        const before = new Date(ctx.now.getTime() - c.keepMessagesDays * 86_400_000).toISOString();
        const r = await d.inbox.prune(before);
        await d.expenses.forgetCommandEffects(before);
        report.messagesPruned = r.messages;
        report.repliesPruned = r.replies;
      }
      report.chartsRemoved = removeFilesOlderThan(c.chartsDir, new Date(ctx.now.getTime() - 86_400_000));
      return report;
    },
  };
}
