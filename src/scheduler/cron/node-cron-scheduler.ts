/**
 * @module scheduler/cron/node-cron-scheduler
 * The real scheduler: node-cron 4 with an IANA time zone per job. The only file that imports
 * node-cron. Overlapping runs of one job are prevented; a failing run is logged, never thrown.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { cronExpression } from '../due.js';
import type { JobSpec, ScheduledJob, Scheduler } from '../port.js';

export interface CronLogger {
  warn(obj: object, msg: string): void;
}

export function createCronScheduler(log?: CronLogger): Scheduler {
  const tasks = new Map<string, ScheduledTask>();
  const inFlight = new Set<Promise<void>>();

  return {
    schedule(spec: JobSpec): ScheduledJob {
      const expr = cronExpression(spec.cadence);
      tasks.get(spec.name)?.destroy();
      const task = cron.schedule(
        expr,
        (ctx) => {
          const p = spec.run(ctx.date).catch((err: unknown) => log?.warn({ job: spec.name, err }, 'scheduled job failed'));
          inFlight.add(p);
          return p.finally(() => inFlight.delete(p));
        },
        // unref: a pending timer must not keep the CLI or tests alive; the daemon has its transport.
        { timezone: spec.timeZone, name: spec.name, noOverlap: true, unref: true },
      );
      tasks.set(spec.name, task);
      let cancelled = false;
      return {
        name: spec.name,
        nextRun: () => (cancelled ? null : task.getNextRun()),
        cancel: () => {
          cancelled = true;
          void task.destroy();
          if (tasks.get(spec.name) === task) tasks.delete(spec.name);
        },
      };
    },
    async stop() {
      for (const t of tasks.values()) await t.destroy();
      tasks.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}
