import { describe, expect, it } from 'vitest';
import { parseRecurringCommand } from './commands.js';
import { describeEvery, dueOccurrences, nextOccurrence } from './due.js';

const p = (t: string) => parseRecurringCommand(t, 'INR');

describe('parseRecurringCommand', () => {
  it('creates from several phrasings', () => {
    expect(p('rent 18000 every month on the 1st')).toEqual({ kind: 'create', what: 'rent', money: { amountMinor: 1800000, currency: 'INR' }, every: 'month', day: 1 });
    expect(p('Netflix 649 monthly on 15th')).toMatchObject({ what: 'netflix', every: 'month', day: 15 });
    expect(p('gym 1500 every week on monday')).toMatchObject({ what: 'gym', every: 'week', day: 1 });
    expect(p('milk 60 every day')).toMatchObject({ what: 'milk', every: 'day', day: null, money: { amountMinor: 6000 } });
    expect(p('maid 3k every month')).toMatchObject({ what: 'maid', every: 'month', day: null, money: { amountMinor: 300000 } });
    expect(p('18000 rent every month on the 1st')).toMatchObject({ what: 'rent', day: 1 });
    expect(p('every month on the 5th school bus 2500')).toMatchObject({ what: 'school bus', day: 5, money: { amountMinor: 250000 } });
    expect(p('every saturday cleaning 500')).toMatchObject({ what: 'cleaning', every: 'week', day: 6 });
  });
  it('lists and stops', () => {
    for (const t of ['recurring?', 'recurring', 'my recurring expenses', 'subscriptions', 'show recurring']) expect(p(t)).toEqual({ kind: 'list' });
    expect(p('stop rent')).toEqual({ kind: 'stop', target: 'rent' });
    expect(p('cancel recurring netflix')).toEqual({ kind: 'stop', target: 'netflix' });
    expect(p('delete recurring 2')).toEqual({ kind: 'stop', target: '2' });
  });
  it('declines ordinary messages and flags unreadable ones', () => {
    expect(p('chai 20')).toBeNull();
    expect(p('rent 18000')).toBeNull();
    expect(p('how much did I spend every month on coffee')).toBeNull();
    expect(p('rent 18000 every month on the 40th')).toEqual({ kind: 'unclear', words: 'rent 18000 every month on the 40th' });
  });
});

describe('recurring due dates', () => {
  const at = { hour: 9, minute: 0 };
  it('records from the start date on, at 09:00 local', () => {
    const r = { every: 'month' as const, day: 1, startDate: '2026-01-16' };
    const dues = dueOccurrences(r, new Date('2026-04-01T03:29:00Z'), 'Asia/Kolkata', at); // 08:59 IST on 1 Apr
    expect(dues.map((d) => d.period)).toEqual(['2026-02', '2026-03']);
    expect(dueOccurrences(r, new Date('2026-04-01T03:30:00Z'), 'Asia/Kolkata', at).map((d) => d.date)).toEqual(['2026-02-01', '2026-03-01', '2026-04-01']);
    expect(nextOccurrence(r, new Date('2026-01-15T10:00:00Z'), 'Asia/Kolkata', at).date).toBe('2026-02-01');
  });
  it('bounds a long catch-up to a year', () => {
    const r = { every: 'day' as const, day: null, startDate: '2020-01-01' };
    expect(dueOccurrences(r, new Date('2026-01-01T12:00:00Z'), 'UTC', at).length).toBeLessThanOrEqual(367);
  });
  it('describes', () => {
    expect(describeEvery({ every: 'month', day: 1 })).toBe('every month on the 1st');
    expect(describeEvery({ every: 'week', day: 1 })).toBe('every Monday');
    expect(describeEvery({ every: 'day', day: null })).toBe('every day');
  });
});
