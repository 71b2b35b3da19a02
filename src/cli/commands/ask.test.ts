import { describe, expect, it } from 'vitest';
import { parseNow } from './ask.js';

describe('ask --now', () => {
  it('reads wall time in the zone', () => {
    expect(parseNow('2026-01-15T19:30:00', 'Asia/Kolkata')!.toISOString()).toBe('2026-01-15T14:00:00.000Z');
    expect(parseNow('2026-07-01T09:00', 'Europe/London')!.toISOString()).toBe('2026-07-01T08:00:00.000Z');
  });
  it('keeps an explicit offset', () => {
    expect(parseNow('2026-01-15T19:30:00+05:30', 'UTC')!.toISOString()).toBe('2026-01-15T14:00:00.000Z');
    expect(parseNow('2026-01-15T14:00:00Z', 'Asia/Kolkata')!.toISOString()).toBe('2026-01-15T14:00:00.000Z');
  });
  it('rejects garbage', () => {
    expect(parseNow('yesterday', 'Asia/Kolkata')).toBe(null);
  });
});
