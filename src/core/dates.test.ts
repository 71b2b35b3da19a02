import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, daysBetween, formatDay, localDate, localParts, offsetMinutes, relativeDay, startOfWeek, weekday, zonedInstant,
} from './dates.js';

describe('dates', () => {
  it('computes the local date in a zone, not the process zone', () => {
    expect(localDate(new Date('2026-01-15T19:00:00Z'), 'Asia/Kolkata')).toBe('2026-01-16');
    expect(localDate(new Date('2026-01-15T17:00:00Z'), 'Asia/Kolkata')).toBe('2026-01-15');
    expect(localDate(new Date('2026-01-15T03:00:00Z'), 'America/New_York')).toBe('2026-01-14');
  });
  it('knows offsets, including daylight saving', () => {
    expect(offsetMinutes(new Date('2026-01-15T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(offsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Europe/London')).toBe(0);
    expect(offsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Europe/London')).toBe(60);
  });
  it('finds the instant of a local wall time', () => {
    expect(zonedInstant('2026-01-15', { hour: 19, minute: 30 }, 'Asia/Kolkata').toISOString()).toBe('2026-01-15T14:00:00.000Z');
    expect(zonedInstant('2026-03-29', { hour: 20, minute: 0 }, 'Europe/London').toISOString()).toBe('2026-03-29T19:00:00.000Z');
  });
  it('does day and month arithmetic on calendar dates', () => {
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(daysBetween('2025-12-01', '2026-01-01')).toBe(31);
  });
  it('starts weeks on the configured day', () => {
    expect(weekday('2026-01-15')).toBe(4);
    expect(startOfWeek('2026-01-15', 1)).toBe('2026-01-12');
    expect(startOfWeek('2026-01-11', 1)).toBe('2026-01-05');
    expect(startOfWeek('2026-01-15', 0)).toBe('2026-01-11');
  });
  it('says dates the way people do', () => {
    expect(formatDay('2026-01-13')).toBe('Tue 13 Jan');
    expect(formatDay('2025-12-31', '2026-01-15')).toBe('Wed 31 Dec 2025');
    expect(relativeDay('2026-01-15', '2026-01-15')).toBe('today');
    expect(relativeDay('2026-01-14', '2026-01-15')).toBe('yesterday');
    expect(relativeDay('2026-01-12', '2026-01-15')).toBe('Mon 12 Jan');
  });
  it('reads wall-clock fields from a per-hour offset exactly as Intl does, across offset changes', () => {
    const fmts = new Map<string, Intl.DateTimeFormat>();
    const intl = (d: Date, tz: string) => {
      if (!fmts.has(tz)) fmts.set(tz, new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }));
      const f = fmts.get(tz)!;
      const o: Record<string, number> = {};
      for (const p of f.formatToParts(d)) if (p.type !== 'literal') o[p.type] = Number(p.value);
      return { year: o.year, month: o.month, day: o.day, hour: o.hour! % 24, minute: o.minute, second: o.second };
    };
    // Daylight saving both ways, half- and quarter-hour zones, a 30-minute DST (Lord Howe), a zone
    // that skipped a day (Apia, 2011-12-30) and one with a seconds offset in 1900 (Amsterdam).
    const zones = ['Asia/Kolkata', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'Pacific/Apia', 'Europe/Amsterdam', 'UTC'];
    const instants: number[] = [];
    for (const iso of ['2026-03-08T06:30:00Z', '2026-11-01T05:30:00Z', '2026-03-29T00:30:00Z', '2026-10-25T00:30:00Z', '2026-04-04T14:30:00Z', '2026-10-03T15:00:00Z', '2011-12-30T09:00:00Z', '1900-06-01T00:00:00Z', '2026-01-15T14:00:00Z']) {
      const base = Date.parse(iso);
      for (let k = -180; k <= 180; k += 7) instants.push(base + k * 60_000 + (k % 3) * 17_123);
    }
    let seed = 7;
    for (let k = 0; k < 400; k++) instants.push(Date.UTC(1990, 0, 1) + (seed = (seed * 1103515245 + 12345) % 2 ** 31) * 997);
    for (const tz of zones) for (const ms of instants) expect(localParts(new Date(ms), tz), `${tz} ${new Date(ms).toISOString()}`).toEqual(intl(new Date(ms), tz));
  });
});
