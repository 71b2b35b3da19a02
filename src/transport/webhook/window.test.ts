import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/clock.js';
import { ServiceWindow, templateParameter } from './window.js';

describe('the 24-hour customer-service window', () => {
  it('is unknown until a person writes, open for a day less a margin, then closed', () => {
    const clock = new FakeClock('2026-01-15T12:00:00Z');
    const w = new ServiceWindow(clock);
    expect(w.state('a')).toBe('unknown');
    w.seen('a', clock.now());
    expect(w.state('a')).toBe('open');
    clock.advance(23 * 3_600_000);
    expect(w.state('a')).toBe('open');
    clock.advance(51 * 60_000);
    expect(w.state('a')).toBe('closed');
    w.seen('a', clock.now());
    expect(w.state('a')).toBe('open');
  });

  it('ignores an older message arriving late and a timestamp in the future', () => {
    const clock = new FakeClock('2026-01-15T12:00:00Z');
    const w = new ServiceWindow(clock);
    w.seen('a', new Date('2026-01-15T11:00:00Z'));
    w.seen('a', new Date('2026-01-13T11:00:00Z'));
    expect(w.state('a')).toBe('open');
    w.seen('b', new Date('2026-01-20T00:00:00Z'));
    clock.advance(24 * 3_600_000);
    expect(w.state('b')).toBe('closed');
  });
});

describe('a reply as a template parameter', () => {
  it('joins lines, squeezes spaces and shortens', () => {
    expect(templateParameter('This week ₹1,200\n\nFood   ₹800\n\t• Tea ₹20')).toBe('This week ₹1,200 · Food ₹800 · • Tea ₹20');
    const long = templateParameter('x'.repeat(2000), 100);
    expect(long).toHaveLength(100);
    expect(long.endsWith('…')).toBe(true);
  });
});
