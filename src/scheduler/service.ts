/**
 * @module scheduler/service
 * The generic schedule service: features register jobs with it (summaries, recurring expenses, and
 * whatever comes next); it never imports them. Each job wakes daily at its time of day in the
 * appliance's zone, works out itself which period is due and claims it through `ctx.once`, so a
 * wake-up missed while the appliance was off is caught up once at start, a failed send is retried
 * on a later wake, and nothing is ever done twice. Wake-ups are serialized, in registration order
 * at start.
 */
import type { Clock } from '../clock/clock.js';
import type { Due, TimeOfDay } from './due.js';
import type { ScheduledJob, Scheduler } from './port.js';
import { runOncePerPeriod, type RunOutcome } from './runner.js';
import type { ScheduleRunRepository } from './runs.js';

export interface JobContext {
  /** The instant of this wake-up. */
  now: Date;
  /** The zone the schedules follow (the appliance owner's). */
  timeZone: string;
  /** Runs `work` once for (key, due.period): see scheduler/runner. */
  once(key: string, due: Due, work: () => Promise<void>, onError?: (err: unknown) => void): Promise<RunOutcome>;
}

export interface Job<T = unknown> {
  name: string;
  /** The local time it wakes every day; the job decides whether anything is due. */
  wakeAt: TimeOfDay;
  run(ctx: JobContext): Promise<T>;
}

export interface ScheduleLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface ScheduleServiceDeps {
  scheduler: Scheduler;
  clock: Clock;
  runs: ScheduleRunRepository;
  timeZone: string;
  logger?: ScheduleLogger;
}

export interface ScheduleService {
  /** Adds a job; jobs registered after start() are scheduled at once. */
  register(job: Job): void;
  /** Schedules the jobs and catches up whatever fell due while munshi was off. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Wakes one job now, as cron would (serialized with the others). For tests and tools. */
  runNow<T = unknown>(name: string): Promise<T>;
}

export function createScheduleService(deps: ScheduleServiceDeps): ScheduleService {
  const { clock, logger } = deps;
  const jobs: Job[] = [];
  const scheduled: ScheduledJob[] = [];
  let started = false;
  let running: Promise<unknown> = Promise.resolve();

  // Wake-ups are serialized: catch-up at start and a cron tick must not race on the same period.
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const p = running.then(fn, fn);
    running = p.catch(() => undefined);
    return p;
  }

  const context = (): JobContext => ({
    now: clock.now(),
    timeZone: deps.timeZone,
    once: (key, due, work, onError) => runOncePerPeriod(deps.runs, clock, key, due, work, onError),
  });

  const wake = (job: Job) => () =>
    serial(() => job.run(context())).then(
      () => undefined,
      (err: unknown) => logger?.warn({ err: String(err), job: job.name }, 'scheduled job failed'),
    );

  function schedule(job: Job): void {
    scheduled.push(deps.scheduler.schedule({ name: job.name, cadence: { every: 'day', ...job.wakeAt }, timeZone: deps.timeZone, run: wake(job) }));
  }

  return {
    register(job) {
      if (jobs.some((j) => j.name === job.name)) throw new Error(`a job named ${job.name} is already registered`);
      jobs.push(job);
      if (started) schedule(job);
    },
    async start() {
      started = true;
      // Daily wakes at each job's time: non-due days are cheap no-ops that also retry a failed send
      // and cover a missed tick. Registration order decides who goes first at a shared minute.
      for (const job of jobs) if (!scheduled.some((s) => s.name === job.name)) schedule(job);
      for (const job of jobs) await wake(job)();
    },
    async stop() {
      for (const j of scheduled.splice(0)) j.cancel();
      await running;
    },
    runNow<T>(name: string): Promise<T> {
      const job = jobs.find((j) => j.name === name);
      if (!job) return Promise.reject(new Error(`no job named ${name}`));
      return serial(() => job.run(context()) as Promise<T>);
    },
  };
}
