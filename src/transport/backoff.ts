/**
 * @module transport/backoff
 * How long to wait before reconnecting: exponential, capped, with "full jitter" so a fleet of
 * appliances that lost WhatsApp at the same moment does not reconnect in lockstep. Pure: the
 * random source is injected.
 */

export interface BackoffOptions {
  baseMs?: number;
  maxMs: number;
  /** Returns [0, 1); Math.random in production, a seeded function in tests. */
  random: () => number;
}

/**
 * Delay before retry number `attempt` (0-based): between half and all of min(max, base·2^attempt).
 * e.g. with base 2 s and max 300 s: attempt 0 → 1–2 s, attempt 3 → 8–16 s, attempt 20 → 150–300 s.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions): number {
  const base = opts.baseMs ?? 2000;
  const ceiling = Math.min(opts.maxMs, base * 2 ** Math.min(attempt, 30));
  const r = Math.min(Math.max(opts.random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}

/** "12 s", "3 min", "1 h 5 min": for "retrying in …" log lines. */
export function humanDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 90) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
