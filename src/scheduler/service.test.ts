/**
 * The generic schedule service on fakes (a fake clock and scheduler, in-memory runs): it runs
 * whatever features register, in their order, once per period, and knows none of them.
 */
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/clock.js';
import { latestDue, type Cadence } from './due.js';
import { FakeScheduler } from './fake.js';
import { MemoryScheduleRuns } from './memory.js';
import { createScheduleService, type Job } from './service.js';

const TZ = 'Asia/Kolkata';
const sunday20: Cadence = { every: 'week', weekday: 0, hour: 20, minute: 0 };

function setup(start: string) {
  const clock = new FakeClock(start);
  const scheduler = new FakeScheduler(clock);
  const runs = new MemoryScheduleRuns();
  const service = createScheduleService({ scheduler, clock, runs, timeZone: TZ });
  return { clock, scheduler, runs, service };
}

/** A weekly job that records which periods it did. */
function weekly(name: string, log: string[]): Job<string | null> {
  return {
    name,
    wakeAt: { hour: 20, minute: 0 },
    async run(ctx) {
      const due = latestDue(sunday20, ctx.now, ctx.timeZone);
      if (!due) return null;
      const outcome = await ctx.once(name, due, async () => void log.push(`${name} ${due.period}`));
      return outcome;
    },
  };
}

describe('schedule service', () => {
  it('wakes registered jobs daily, in registration order, and each does its period once', async () => {
    const { scheduler, service } = setup('2026-01-12T04:00:00Z'); // Monday morning IST
    const log: string[] = [];
    service.register(weekly('b-job', log));
    service.register(weekly('a-job', log));
    await service.start(); // catches up Sunday 11 Jan's period, b first
    expect(log).toEqual(['b-job 2026-W02', 'a-job 2026-W02']);
    await scheduler.advanceTo('2026-01-26T00:00:00Z'); // two more Sundays, 14 daily wakes each
    expect(log).toEqual(['b-job 2026-W02', 'a-job 2026-W02', 'b-job 2026-W03', 'a-job 2026-W03', 'b-job 2026-W04', 'a-job 2026-W04']);
    expect(scheduler.fired.filter((f) => f.name === 'a-job')).toHaveLength(14);
    await service.stop();
  });

  it('catches a missed period up once across restarts, and runNow says what happened', async () => {
    const first = setup('2026-01-20T04:00:00Z');
    const log: string[] = [];
    first.service.register(weekly('w', log));
    await first.service.start();
    expect(await first.service.runNow('w')).toBe('already-ran');
    await first.service.stop();
    // Same runs memory, a new process.
    const again = createScheduleService({ scheduler: new FakeScheduler(first.clock), clock: first.clock, runs: first.runs, timeZone: TZ });
    again.register(weekly('w', log));
    await again.start();
    expect(log).toEqual(['w 2026-W03']);
    await again.stop();
  });

  it('keeps going when one job fails, and refuses two jobs of one name', async () => {
    const { service } = setup('2026-01-12T04:00:00Z');
    const log: string[] = [];
    service.register({ name: 'broken', wakeAt: { hour: 9, minute: 0 }, run: async () => { throw new Error('boom'); } });
    service.register(weekly('w', log));
    await service.start();
    expect(log).toEqual(['w 2026-W02']);
    await expect(service.runNow('broken')).rejects.toThrow('boom');
    await expect(service.runNow('nope')).rejects.toThrow(/no job named nope/);
    expect(() => service.register(weekly('w', log))).toThrow(/already registered/);
    await service.stop();
  });
});
