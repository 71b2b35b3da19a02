import { describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/clock.js';
import { EchoGuard } from './echo.js';
import { backoffDelay, humanDuration } from './backoff.js';

describe('EchoGuard', () => {
  it('recognizes a reply by the id it was sent with', () => {
    const g = new EchoGuard(new FakeClock('2026-01-15T10:00:00Z'));
    g.noteSent('true_me@c.us_ABC');
    expect(g.isEcho('true_me@c.us_ABC', 'me@c.us', 'anything')).toBe(true);
    expect(g.isEcho('true_me@c.us_DEF', 'me@c.us', 'anything')).toBe(false);
  });

  it('recognizes a reply by its text within a minute, in the same chat only', () => {
    const clock = new FakeClock('2026-01-15T10:00:00Z');
    const g = new EchoGuard(clock);
    g.noteSending('me@c.us', '✅ ₹20 · Food › Tea · today');
    expect(g.isEcho('new-id', 'me@c.us', '✅ ₹20 · Food › Tea · today ')).toBe(true);
    expect(g.isEcho('new-id', 'other@c.us', '✅ ₹20 · Food › Tea · today')).toBe(false);
    clock.advance(61_000);
    expect(g.isEcho('new-id', 'me@c.us', '✅ ₹20 · Food › Tea · today')).toBe(false);
  });

  it('does not treat what the user types as an echo', () => {
    const g = new EchoGuard(new FakeClock('2026-01-15T10:00:00Z'));
    g.noteSending('me@c.us', '✅ ₹20 · Food › Tea · today');
    expect(g.isEcho('u1', 'me@c.us', 'chai 20')).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially and stays within the cap', () => {
    const lo = { maxMs: 300_000, random: () => 0 };
    const hi = { maxMs: 300_000, random: () => 0.999999 };
    expect(backoffDelay(0, lo)).toBe(1000);
    expect(backoffDelay(0, hi)).toBe(2000);
    expect(backoffDelay(3, lo)).toBe(8000);
    expect(backoffDelay(3, hi)).toBe(16_000);
    expect(backoffDelay(50, lo)).toBe(150_000);
    expect(backoffDelay(50, hi)).toBe(300_000);
  });

  it('spreads retries with the injected randomness', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const delays = Array.from({ length: 50 }, () => backoffDelay(4, { maxMs: 300_000, random }));
    expect(new Set(delays).size).toBeGreaterThan(40);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(16_000), expect(d).toBeLessThanOrEqual(32_000);
  });

  it('prints durations for people', () => {
    expect(humanDuration(1500)).toBe('2 s');
    expect(humanDuration(150_000)).toBe('3 min');
    expect(humanDuration(3_900_000)).toBe('1 h 5 min');
  });
});
