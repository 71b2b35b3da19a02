/**
 * @module scheduler/runs
 * The `schedule_runs` repository. A run is claimed (row inserted) before its side effect, so a
 * crash or restart never sends it twice; a run whose side effect failed may be claimed again, a
 * few times, so it is never skipped silently either.
 */
import type { ScheduleDb } from './schema.js';

export const MAX_ATTEMPTS = 3;

/** Claims (job, period). True when this caller won and must now do the work. */
export async function claimRun(db: ScheduleDb, job: string, period: string, dueAt: Date, now: Date): Promise<boolean> {
  const started = now.toISOString();
  const row = await db
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
    .executeTakeFirst();
  return row !== undefined;
}

export async function finishRun(db: ScheduleDb, job: string, period: string, now: Date, error?: unknown): Promise<void> {
  await db
    .updateTable('schedule_runs')
    .set({
      status: error === undefined ? 'done' : 'failed',
      error: error === undefined ? null : String(error instanceof Error ? error.message : error).slice(0, 500),
      finished_at: now.toISOString(),
    })
    .where('job', '=', job)
    .where('period', '=', period)
    .execute();
}

export interface RunRecord {
  job: string;
  period: string;
  dueAt: string;
  status: string;
  attempts: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export async function listRuns(db: ScheduleDb, opts: { jobPrefix?: string; limit?: number } = {}): Promise<RunRecord[]> {
  let q = db.selectFrom('schedule_runs').selectAll();
  if (opts.jobPrefix) q = q.where('job', 'like', `${opts.jobPrefix.replace(/[%_]/g, '')}%`);
  const rows = await q.orderBy('started_at', 'desc').limit(opts.limit ?? 100).execute();
  return rows.map((r) => ({
    job: r.job, period: r.period, dueAt: r.due_at, status: r.status, attempts: r.attempts,
    error: r.error, startedAt: r.started_at, finishedAt: r.finished_at,
  }));
}
