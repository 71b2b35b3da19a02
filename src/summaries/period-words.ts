/**
 * @module summaries/period-words
 * "this week", "last month", "weekly" … as a named period for on-demand charts and summaries. Pure.
 */
import type { NamedPeriod } from './windows.js';

/** The period a message names, or `fallback` when it names none. */
export function namedPeriodIn(text: string, fallback: NamedPeriod): NamedPeriod {
  const s = text.toLowerCase();
  if (/\b(last|previous|past)\s+week\b/.test(s)) return 'last week';
  if (/\b(last|previous|past)\s+month\b/.test(s)) return 'last month';
  if (/\b(this|current)\s+week\b|\bweekly\b|\bweek\b/.test(s)) return 'this week';
  if (/\b(this|current)\s+month\b|\bmonthly\b|\bmonth\b/.test(s)) return 'this month';
  return fallback;
}
