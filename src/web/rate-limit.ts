/**
 * @module web/rate-limit
 * A fixed-window counter per key (an IP address, or "*" for everyone), in memory. Sign-in attempts
 * go through two: a few per address per minute, and a ceiling for all addresses together, so a
 * 6-digit code cannot be guessed by spreading tries over many addresses before it expires.
 */
import type { Clock } from '../clock/clock.js';

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; n: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; false when `key` is over its limit for this window. */
  hit(key: string): boolean {
    const t = this.clock.now().getTime();
    if (this.windows.size > 10_000) this.prune(t);
    const w = this.windows.get(key);
    if (!w || t - w.start >= this.windowMs) {
      this.windows.set(key, { start: t, n: 1 });
      return true;
    }
    w.n++;
    return w.n <= this.limit;
  }

  /** Seconds until `key` may try again (0 when it may now). */
  retryAfter(key: string): number {
    const w = this.windows.get(key);
    if (!w || w.n <= this.limit) return 0;
    return Math.max(0, Math.ceil((w.start + this.windowMs - this.clock.now().getTime()) / 1000));
  }

  private prune(t: number): void {
    for (const [k, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(k);
  }
}
