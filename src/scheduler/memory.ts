/**
 * @module scheduler/memory
 * An in-memory schedule-runs repository for unit tests (same contract as the SQLite adapter).
 */
import { MAX_ATTEMPTS, runErrorText, type RunRecord, type ScheduleRunRepository } from './runs.js';

export class MemoryScheduleRuns implements ScheduleRunRepository {
  readonly runs = new Map<string, RunRecord>();

  async claim(job: string, period: string, dueAt: Date, now: Date): Promise<boolean> {
    const k = `${job}\u0000${period}`;
    const r = this.runs.get(k);
    const startedAt = now.toISOString();
    if (!r) {
      this.runs.set(k, { job, period, dueAt: dueAt.toISOString(), status: 'claimed', attempts: 1, error: null, startedAt, finishedAt: null });
      return true;
    }
    if (r.status !== 'failed' || r.attempts >= MAX_ATTEMPTS) return false;
    Object.assign(r, { status: 'claimed', startedAt, finishedAt: null, attempts: r.attempts + 1 });
    return true;
  }

  async finish(job: string, period: string, now: Date, error?: unknown): Promise<void> {
    const r = this.runs.get(`${job}\u0000${period}`);
    if (r) Object.assign(r, { status: error === undefined ? 'done' : 'failed', error: error === undefined ? null : runErrorText(error), finishedAt: now.toISOString() });
  }

  async list(opts: { jobPrefix?: string; limit?: number } = {}): Promise<RunRecord[]> {
    return [...this.runs.values()]
      .filter((r) => !opts.jobPrefix || r.job.startsWith(opts.jobPrefix))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
      .slice(0, opts.limit ?? 100)
      .map((r) => ({ ...r }));
  }
}
