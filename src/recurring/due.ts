/**
 * @module recurring/due
 * When a recurring expense falls due, as scheduler cadences: pure, zone-aware, and bounded so a
 * long power cut records at most a year of missed periods.
 */
import { addDays, zonedInstant, type IsoDate } from '../core/dates.js';
import { describeCadence, duesBetween, nextDue, ordinal, type Cadence, type Due, type TimeOfDay } from '../scheduler/due.js';
import type { Recurring } from './repo.js';

export const MAX_CATCH_UP_DAYS = 366;

export function cadenceOf(r: Pick<Recurring, 'every' | 'day'>, at: TimeOfDay): Cadence {
  if (r.every === 'day') return { every: 'day', ...at };
  if (r.every === 'week') return { every: 'week', weekday: r.day ?? 1, ...at };
  return { every: 'month', day: r.day ?? 1, ...at };
}

/** Occurrences on or after the start date and at or before `now`, oldest first. */
export function dueOccurrences(r: Pick<Recurring, 'every' | 'day' | 'startDate'>, now: Date, timeZone: string, at: TimeOfDay): Due[] {
  const startAt = zonedInstant(r.startDate, { hour: 0, minute: 0 }, timeZone);
  const floor = new Date(Math.max(startAt.getTime(), now.getTime() - MAX_CATCH_UP_DAYS * 86400e3) - 1);
  return duesBetween(cadenceOf(r, at), floor, now, timeZone).filter((d) => d.date >= r.startDate);
}

/** The first occurrence after `now` (and not before the start date). */
export function nextOccurrence(r: Pick<Recurring, 'every' | 'day' | 'startDate'>, now: Date, timeZone: string, at: TimeOfDay): Due {
  const c = cadenceOf(r, at);
  let d = nextDue(c, now, timeZone);
  while (d.date < r.startDate) d = nextDue(c, d.at, timeZone);
  return d;
}

/** "every month on the 1st", "every Monday", "every day". */
export function describeEvery(r: Pick<Recurring, 'every' | 'day'>): string {
  if (r.every === 'month') return `every month on the ${ordinal(r.day ?? 1)}`;
  return describeCadence(cadenceOf(r, { hour: 0, minute: 0 })).replace(/ at 00:00$/, '');
}

/** The start date for a schedule created today: tomorrow, so today's payment is never doubled. */
export function startDateFor(today: IsoDate): IsoDate {
  return addDays(today, 1);
}

/** The message id that makes one period record once. */
export function recurringMessageId(id: number, period: string): string {
  return `recurring:${id}:${period}`;
}
