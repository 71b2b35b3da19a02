import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, daysBetween, formatDay, localDate, offsetMinutes, relativeDay, startOfWeek, weekday, zonedInstant,
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
});
