import { describe, expect, it } from 'vitest';
import type { OwnerSettings } from '../core/types.js';
import { parseArgs } from './args.js';
import { parseNowFlag, settingsFromFlags } from './flags.js';

const iso = (v: string, tz: string) => {
  const d = parseNowFlag(v, tz);
  return d instanceof Date ? d.toISOString() : d;
};

describe('--now', () => {
  it('reads wall time in the zone', () => {
    expect(iso('2026-01-15T19:30:00', 'Asia/Kolkata')).toBe('2026-01-15T14:00:00.000Z');
    expect(iso('2026-01-15T19:30', 'America/New_York')).toBe('2026-01-16T00:30:00.000Z');
    expect(iso('2026-07-01T09:00', 'Europe/London')).toBe('2026-07-01T08:00:00.000Z');
    expect(iso('2026-01-15 19:30:05.250', 'Asia/Kolkata')).toBe('2026-01-15T14:00:05.000Z');
  });
  it('takes a bare date as noon in the zone', () => {
    expect(iso('2026-01-15', 'Asia/Kolkata')).toBe('2026-01-15T06:30:00.000Z');
  });
  it('keeps an explicit offset or Z', () => {
    expect(iso('2026-01-15T19:30:00+05:30', 'UTC')).toBe('2026-01-15T14:00:00.000Z');
    expect(iso('2026-01-15T14:00:00Z', 'Asia/Kolkata')).toBe('2026-01-15T14:00:00.000Z');
    expect(iso('2026-01-15T14:00:00.000z', 'Asia/Kolkata')).toBe('2026-01-15T14:00:00.000Z');
  });
  it('is null when absent and invalid for anything else, even what Date() would read in the process zone', () => {
    expect(parseNowFlag(undefined, 'UTC')).toBeNull();
    expect(parseNowFlag('', 'UTC')).toBeNull();
    expect(parseNowFlag('yesterday', 'UTC')).toBe('invalid');
    expect(parseNowFlag('January 15 2026', 'UTC')).toBe('invalid');
    expect(parseNowFlag('2026-13-45T99:00Z', 'UTC')).toBe('invalid');
  });
});

describe('settings flags', () => {
  const base: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
  const from = (...argv: string[]) => settingsFromFlags(parseArgs(argv), base);
  it('keeps the base without flags', () => {
    expect(from()).toEqual(base);
  });
  it('overrides zone and currency, with the currency’s default locale', () => {
    expect(from('--tz', 'Europe/London', '--currency', 'gbp')).toEqual({ ...base, timeZone: 'Europe/London', currency: 'GBP', locale: 'en-US' });
  });
  it('reads day order from --day-first, else from an explicit en-US locale', () => {
    expect(from('--locale', 'en-US')).toMatchObject({ locale: 'en-US', dayFirst: false });
    expect(from('--locale', 'en-GB')).toMatchObject({ dayFirst: true });
    expect(from('--locale', 'en-US', '--day-first', 'true')).toMatchObject({ dayFirst: true });
    expect(from('--day-first', 'false')).toMatchObject({ dayFirst: false });
  });
  it('names the bad flag', () => {
    expect(from('--tz', 'Mars/Base')).toMatch(/^--tz: unknown time zone "Mars\/Base"/);
    expect(from('--currency', 'XYZ')).toMatch(/^--currency: unknown currency "XYZ"/);
  });
});
