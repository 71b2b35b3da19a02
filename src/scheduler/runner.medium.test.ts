import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/clock.js';
import { memoryRepositories, openRepositories, type Repositories } from '../app/repositories.js';
import type { Cadence } from './due.js';
import { createCronScheduler } from './cron/node-cron-scheduler.js';
import { FakeScheduler } from './fake.js';
import { currentDue, runOncePerPeriod } from './runner.js';
import { MAX_ATTEMPTS, type ScheduleRunRepository } from './runs.js';

const TZ = 'Europe/London';
const sunday20: Cadence = { every: 'week', weekday: 0, hour: 20, minute: 0 };

// The schedule-runs repository on SQLite and the in-memory fake: the same exactly-once behaviour.
const backends: [string, () => Promise<Repositories>][] = [
  ['sqlite', () => openRepositories(':memory:')],
  ['memory', async () => memoryRepositories()],
];
let opened: Repositories;
let db: ScheduleRunRepository;

describe.each(backends)('runOncePerPeriod (%s)', (_name, open) => {
  beforeEach(async () => {
    opened = await open();
    db = opened.runs;
  });
  afterEach(() => opened.close());

  it('runs a period once however often it wakes', async () => {
    const clock = new FakeClock('2026-01-18T20:00:00Z');
    const due = currentDue(sunday20, clock, TZ)!;
    let n = 0;
    const work = async () => void n++;
    expect(await runOncePerPeriod(db, clock, 'weekly', due, work)).toBe('ran');
    expect(await runOncePerPeriod(db, clock, 'weekly', due, work)).toBe('already-ran');
    expect(n).toBe(1);
    expect((await db.list())[0]).toMatchObject({ job: 'weekly', period: '2026-W03', status: 'done', attempts: 1 });
  });

  it('retries a failed run a bounded number of times, then gives up visibly', async () => {
    const clock = new FakeClock('2026-01-18T20:00:00Z');
    const due = currentDue(sunday20, clock, TZ)!;
    let n = 0;
    const failing = async () => {
      n++;
      throw new Error('transport down');
    };
    for (let i = 0; i < MAX_ATTEMPTS; i++) expect(await runOncePerPeriod(db, clock, 'weekly', due, failing)).toBe('failed');
    expect(await runOncePerPeriod(db, clock, 'weekly', due, failing)).toBe('already-ran');
    expect(n).toBe(MAX_ATTEMPTS);
    expect((await db.list())[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, error: 'transport down' });
  });
});

describe('FakeScheduler + runner', () => {
  beforeEach(async () => {
    opened = await openRepositories(':memory:');
    db = opened.runs;
  });
  afterEach(() => opened.close());

  it('fires at 20:00 London time across the DST change, once per week, and catches up a missed run once', async () => {
    const clock = new FakeClock('2026-03-20T12:00:00Z');
    const sched = new FakeScheduler(clock);
    const sent: string[] = [];
    const wake = async () => {
      const due = currentDue(sunday20, clock, TZ);
      if (due) await runOncePerPeriod(db, clock, 'weekly', due, async () => void sent.push(`${due.period}@${clock.now().toISOString()}`));
    };
    sched.schedule({ name: 'weekly', cadence: sunday20, timeZone: TZ, run: wake });
    await sched.advanceTo('2026-04-01T00:00:00Z');
    expect(sent).toEqual(['2026-W12@2026-03-22T20:00:00.000Z', '2026-W13@2026-03-29T19:00:00.000Z']);

    // The appliance is off over the next Sunday and comes back on Tuesday: one catch-up, not zero, not two.
    await sched.stop();
    clock.set('2026-04-07T08:00:00Z');
    await wake(); // start-up catch-up
    await wake(); // and a second start (or a cron wake) the same day
    expect(sent.slice(2)).toEqual(['2026-W14@2026-04-07T08:00:00.000Z']);
  });
});

describe('node-cron scheduler', () => {
  it('schedules in the job time zone and cancels cleanly', async () => {
    const s = createCronScheduler();
    const job = s.schedule({ name: 't', cadence: sunday20, timeZone: 'Asia/Kolkata', run: async () => {} });
    const next = job.nextRun()!;
    expect(next).toBeInstanceOf(Date);
    // 20:00 IST is 14:30 UTC, on a Sunday.
    expect(next.getUTCHours() * 60 + next.getUTCMinutes()).toBe(14 * 60 + 30);
    expect(new Date(next.getTime() + 5.5 * 3600e3).getUTCDay()).toBe(0);
    job.cancel();
    expect(job.nextRun()).toBeNull();
    await s.stop();
  });
});
