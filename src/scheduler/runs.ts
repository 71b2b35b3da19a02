/**
 * @module scheduler/runs
 * The schedule-runs repository port. A run is claimed before its side effect, so a crash or
 * restart never sends it twice; a run whose side effect failed may be claimed again, a few times
 * (MAX_ATTEMPTS), so it is never skipped silently either. SQLite adapter in scheduler/sqlite/,
 * fake in scheduler/memory.ts.
 */
export const MAX_ATTEMPTS = 3;

export interface RunRecord {
  job: string;
  period: string;
  dueAt: string;
  status: 'claimed' | 'done' | 'failed';
  attempts: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface ScheduleRunRepository {
  /** Claims (job, period). True when this caller won and must now do the work. */
  claim(job: string, period: string, dueAt: Date, now: Date): Promise<boolean>;
  /** Marks the claimed run done, or failed with the error (claimable again up to MAX_ATTEMPTS). */
  finish(job: string, period: string, now: Date, error?: unknown): Promise<void>;
  /** Recent runs, newest first. */
  list(opts?: { jobPrefix?: string; limit?: number }): Promise<RunRecord[]>;
}

/** The error text kept for a failed run. */
export function runErrorText(error: unknown): string {
  return String(error instanceof Error ? error.message : error).slice(0, 500);
}
