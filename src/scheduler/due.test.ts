import { describe, expect, it } from 'vitest';
import {
  cronExpression, describeCadence, duesBetween, isoWeekKey, latestDue, localStamp, nextDue, parseCadence, type Cadence,
} from './due.js';

const sunday20: Cadence = { every: 'week', weekday: 0, hour: 20, minute: 0 };

describe('isoWeekKey', () => {
  it.each([
    ['2026-01-18', '2026-W03'], // Sunday ends ISO week 3
    ['2026-01-12', '2026-W03'],
    ['2025-12-29', '2026-W01'], // Monday of the week holding 1 Jan 2026 (a Thursday)
    ['2021-01-03', '2020-W53'],
    ['2024-12-31', '2025-W01'],
  ])('%s → %s', (d, k) => expect(isoWeekKey(d)).toBe(k));
});

describe('latestDue / nextDue', () => {
  it('finds Sunday 20:00 in Kolkata from a Monday morning', () => {
    const now = new Date('2026-01-19T03:30:00Z'); // Mon 09:00 IST
    const d = latestDue(sunday20, now, 'Asia/Kolkata')!;
    expect(d.date).toBe('2026-01-18');
    expect(d.at.toISOString()).toBe('2026-01-18T14:30:00.000Z');
    expect(d.period).toBe('2026-W03');
    expect(nextDue(sunday20, now, 'Asia/Kolkata').at.toISOString()).toBe('2026-01-25T14:30:00.000Z');
  });

  it('is inclusive of the exact instant and exclusive for next', () => {
    const at = new Date('2026-01-18T14:30:00Z');
    expect(latestDue(sunday20, at, 'Asia/Kolkata')!.date).toBe('2026-01-18');
    expect(latestDue(sunday20, new Date(at.getTime() - 1), 'Asia/Kolkata')!.date).toBe('2026-01-11');
    expect(nextDue(sunday20, at, 'Asia/Kolkata').date).toBe('2026-01-25');
  });

  it('follows the wall clock across the March DST change in London', () => {
    const dues = duesBetween(sunday20, new Date('2026-03-15T00:00:00Z'), new Date('2026-04-06T00:00:00Z'), 'Europe/London');
    expect(dues.map((d) => d.at.toISOString())).toEqual([
      '2026-03-15T20:00:00.000Z', // GMT
      '2026-03-22T20:00:00.000Z',
      '2026-03-29T19:00:00.000Z', // BST from 29 March 01:00 UTC
      '2026-04-05T19:00:00.000Z',
    ]);
    for (const d of dues) expect(localStamp(d.at, 'Europe/London')).toBe(`${d.date} 20:00`);
  });

  it('and back in October', () => {
    const d = nextDue(sunday20, new Date('2026-10-25T00:00:00Z'), 'Europe/London');
    expect(d.at.toISOString()).toBe('2026-10-25T20:00:00.000Z');
  });

  it('yields exactly one occurrence on a day whose wall time does not exist', () => {
    const c: Cadence = { every: 'day', hour: 1, minute: 30 };
    const dues = duesBetween(c, new Date('2026-03-28T00:00:00Z'), new Date('2026-03-31T00:00:00Z'), 'Europe/London');
    expect(dues.map((d) => d.date)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });

  it('clamps a monthly day to the month end', () => {
    const c: Cadence = { every: 'month', day: 31, hour: 9, minute: 0 };
    const dues = duesBetween(c, new Date('2026-01-01T00:00:00Z'), new Date('2026-05-01T00:00:00Z'), 'UTC');
    expect(dues.map((d) => d.date)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(dues.map((d) => d.period)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
  });

  it('reaches back into the previous month', () => {
    expect(latestDue({ every: 'month', day: 1, hour: 9, minute: 0 }, new Date('2026-01-01T08:00:00Z'), 'UTC')!.date).toBe('2025-12-01');
  });
});

describe('cron expressions and parsing', () => {
  it('covers every occurrence', () => {
    expect(cronExpression(sunday20)).toBe('0 20 * * 0');
    expect(cronExpression({ every: 'month', day: 1, hour: 9, minute: 5 })).toBe('5 9 1 * *');
    expect(cronExpression({ every: 'month', day: 30, hour: 9, minute: 0 })).toBe('0 9 28-31 * *');
    expect(cronExpression({ every: 'day', hour: 7, minute: 0 })).toBe('0 7 * * *');
  });

  it('parses config values', () => {
    expect(parseCadence('sun 20:00', 'week')).toEqual(sunday20);
    expect(parseCadence('Monday 9:30', 'week')).toEqual({ every: 'week', weekday: 1, hour: 9, minute: 30 });
    expect(parseCadence('1st 09:00', 'month')).toEqual({ every: 'month', day: 1, hour: 9, minute: 0 });
    expect(parseCadence('off', 'week')).toBeNull();
    expect(() => parseCadence('someday 25:00', 'week')).toThrow();
    expect(describeCadence(sunday20)).toBe('every Sunday at 20:00');
  });
});
