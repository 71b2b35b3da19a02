/**
 * @module scheduler/port
 * The scheduler port: wakes a job at each occurrence of its cadence in a time zone. It carries no
 * memory; exactly-once per period is the runner's job (scheduler/runner), so a fake scheduler and
 * the node-cron adapter behave the same.
 */
import type { Cadence } from './due.js';

export interface JobSpec {
  name: string;
  cadence: Cadence;
  timeZone: string;
  /** Called at each occurrence; errors are the job's to log, the scheduler swallows them. */
  run(firedAt: Date): Promise<void>;
}

export interface ScheduledJob {
  readonly name: string;
  /** The next wake-up, or null once cancelled. */
  nextRun(): Date | null;
  cancel(): void;
}

export interface Scheduler {
  schedule(job: JobSpec): ScheduledJob;
  /** Cancels every job and waits for runs in flight. */
  stop(): Promise<void>;
}
