/**
 * @module scheduler/sqlite/runs
 * The `schedule_runs` repository over SQLite.
 */
import type { Generated, Kysely } from 'kysely';
import type { SqliteStore } from '../../ledger/sqlite/open.js';
import type { Database } from '../../ledger/sqlite/schema.js';
import { MAX_ATTEMPTS, runErrorText, type RunRecord, type ScheduleRunRepository } from '../runs.js';

export interface ScheduleRunsTable {
  job: string;
  period: string;
  due_at: string;
  status: 'claimed' | 'done' | 'failed';
  attempts: Generated<number>;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

// A type alias, not an interface: Kysely's withTables needs an index-signature-compatible shape.
export type ScheduleRunTables = { schedule_runs: ScheduleRunsTable };
type Db = Kysely<Database & ScheduleRunTables>;

export function sqliteScheduleRuns(store: SqliteStore): ScheduleRunRepository {
  const db: Db = store.db.withTables<ScheduleRunTables>();
  const write = <T>(fn: (trx: Db) => Promise<T>) => store.write((trx) => fn(trx.withTables<ScheduleRunTables>()));
  return {
    async claim(job, period, dueAt, now) {
      const started = now.toISOString();
      const row = await write((trx) =>
        trx
          .insertInto('schedule_runs')
          .values({ job, period, due_at: dueAt.toISOString(), status: 'claimed', error: null, started_at: started, finished_at: null })
          .onConflict((oc) =>
            oc
              .columns(['job', 'period'])
              .doUpdateSet((eb) => ({ status: 'claimed', started_at: started, finished_at: null, attempts: eb('schedule_runs.attempts', '+', 1) }))
              .where('schedule_runs.status', '=', 'failed')
              .where('schedule_runs.attempts', '<', MAX_ATTEMPTS),
          )
          .returning('job')
          .executeTakeFirst(),
      );
      return row !== undefined;
    },

    async finish(job, period, now, error) {
      await write((trx) =>
        trx
          .updateTable('schedule_runs')
          .set({ status: error === undefined ? 'done' : 'failed', error: error === undefined ? null : runErrorText(error), finished_at: now.toISOString() })
          .where('job', '=', job)
          .where('period', '=', period)
          .execute(),
      );
    },

    async list(opts = {}): Promise<RunRecord[]> {
      let q = db.selectFrom('schedule_runs').selectAll();
      if (opts.jobPrefix) q = q.where('job', 'like', `${opts.jobPrefix.replace(/[%_]/g, '')}%`);
      const rows = await q.orderBy('started_at', 'desc').limit(opts.limit ?? 100).execute();
      return rows.map((r) => ({
        job: r.job, period: r.period, dueAt: r.due_at, status: r.status, attempts: r.attempts,
        error: r.error, startedAt: r.started_at, finishedAt: r.finished_at,
      }));
    },
  };
}
