/**
 * @module scheduler/runner
 * Exactly-once per period on top of the scheduler port: whenever a job wakes (cron or catch-up at
 * start), the most recent occurrence ≤ now is computed and claimed in the runs repository; only the
 * claimant does the work. Waking twice, or late after the appliance was off, is therefore safe.
 */
import type { Clock } from '../clock/clock.js';
import { latestDue, type Cadence, type Due } from './due.js';
import type { ScheduleRunRepository } from './runs.js';

export type RunOutcome = 'ran' | 'already-ran' | 'failed' | 'nothing-due';

/**
 * Runs `work` for (job, due.period) unless it already ran. A thrown error marks the run failed
 * (retried on a later wake-up, up to MAX_ATTEMPTS) and is returned as 'failed', never rethrown.
 */
export async function runOncePerPeriod(
  runs: ScheduleRunRepository,
  clock: Clock,
  job: string,
  due: Due,
  work: () => Promise<void>,
  onError?: (err: unknown) => void,
): Promise<RunOutcome> {
  if (!(await runs.claim(job, due.period, due.at, clock.now()))) return 'already-ran';
  try {
    await work();
    await runs.finish(job, due.period, clock.now());
    return 'ran';
  } catch (err) {
    onError?.(err);
    await runs.finish(job, due.period, clock.now(), err ?? 'error');
    return 'failed';
  }
}

/** The occurrence a wake-up at `now` is about (the latest ≤ now), or null before the first one. */
export function currentDue(cadence: Cadence, clock: Clock, timeZone: string): Due | null {
  return latestDue(cadence, clock.now(), timeZone);
}
