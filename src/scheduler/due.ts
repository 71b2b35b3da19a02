/**
 * @module scheduler/due
 * Pure due-time arithmetic for munshi's schedules ("Sunday 20:00", "the 1st at 09:00") in the
 * owner's zone, DST-aware through core/dates. The cron adapter only wakes us up; which period is
 * due, and its key in `schedule_runs`, is decided here so a fake clock can test it.
 */
import {
  addDays, daysInMonth, localDate, localParts, parseIsoDate, weekday, ymd, zonedInstant, type IsoDate,
} from '../core/dates.js';

export interface TimeOfDay { hour: number; minute: number }

/** How often a job is due. A monthly day past the month's end means its last day (31 → 28 Feb). */
export type Cadence =
  | ({ every: 'day' } & TimeOfDay)
  | ({ every: 'week'; weekday: number } & TimeOfDay)
  | ({ every: 'month'; day: number } & TimeOfDay);

/** One occurrence of a cadence: its local date, the instant, and the period key it claims. */
export interface Due {
  date: IsoDate;
  at: Date;
  period: string;
}

/** True when the cadence falls on this local date. */
export function isDueDate(c: Cadence, date: IsoDate): boolean {
  switch (c.every) {
    case 'day':
      return true;
    case 'week':
      return weekday(date) === c.weekday;
    case 'month': {
      const p = parseIsoDate(date)!;
      return p.d === Math.min(c.day, daysInMonth(p.y, p.m));
    }
  }
}

/** ISO-8601 week key of a date. e.g. isoWeekKey('2026-01-18') === '2026-W03' */
export function isoWeekKey(date: IsoDate): string {
  // The ISO week belongs to the year of its Thursday.
  const thursday = addDays(date, 3 - ((weekday(date) + 6) % 7));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((dayOfYear(thursday) - 1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function dayOfYear(date: IsoDate): number {
  const p = parseIsoDate(date)!;
  return Math.round((Date.UTC(p.y, p.m - 1, p.d) - Date.UTC(p.y, 0, 1)) / 86400000) + 1;
}

/** The period an occurrence on `date` claims: the date, its ISO week, or its month. */
export function periodKey(c: Cadence, date: IsoDate): string {
  if (c.every === 'day') return date;
  if (c.every === 'week') return isoWeekKey(date);
  return date.slice(0, 7);
}

/** The instant of the cadence's wall-clock time on a local date. */
export function dueInstant(c: Cadence, date: IsoDate, timeZone: string): Date {
  return zonedInstant(date, { hour: c.hour, minute: c.minute }, timeZone);
}

function occurrence(c: Cadence, date: IsoDate, timeZone: string): Due {
  return { date, at: dueInstant(c, date, timeZone), period: periodKey(c, date) };
}

// Every cadence recurs within 31 days; a little slack covers DST edges around the boundary.
const SEARCH_DAYS = 35;

/**
 * The most recent occurrence at or before `now` (what a restart must catch up), or null.
 * e.g. latestDue({every:'week',weekday:0,hour:20,minute:0}, Mon 09:00, tz) is the day before at 20:00.
 */
export function latestDue(c: Cadence, now: Date, timeZone: string): Due | null {
  const today = localDate(now, timeZone);
  for (let i = 0; i <= SEARCH_DAYS; i++) {
    const d = addDays(today, -i);
    if (!isDueDate(c, d)) continue;
    const o = occurrence(c, d, timeZone);
    if (o.at.getTime() <= now.getTime()) return o;
  }
  return null;
}

/** The first occurrence strictly after `after`. */
export function nextDue(c: Cadence, after: Date, timeZone: string): Due {
  const today = localDate(after, timeZone);
  for (let i = -1; i <= SEARCH_DAYS; i++) {
    const d = addDays(today, i);
    if (!isDueDate(c, d)) continue;
    const o = occurrence(c, d, timeZone);
    if (o.at.getTime() > after.getTime()) return o;
  }
  throw new Error(`no occurrence of ${describeCadence(c)} within ${SEARCH_DAYS} days`);
}

/** Every occurrence in (from, to], oldest first. */
export function duesBetween(c: Cadence, from: Date, to: Date, timeZone: string): Due[] {
  const out: Due[] = [];
  let t = from;
  for (;;) {
    const o = nextDue(c, t, timeZone);
    if (o.at.getTime() > to.getTime()) return out;
    out.push(o);
    t = o.at;
  }
}

/**
 * A node-cron expression that fires at least at every occurrence. Months with fewer days than
 * `day` are covered by firing on 28–31 too: the period claim makes the extra wake-ups no-ops.
 */
export function cronExpression(c: Cadence): string {
  const hm = `${c.minute} ${c.hour}`;
  if (c.every === 'day') return `${hm} * * *`;
  if (c.every === 'week') return `${hm} * * ${c.weekday}`;
  return c.day <= 28 ? `${hm} ${c.day} * *` : `${hm} 28-31 * *`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

export function formatTime(t: TimeOfDay): string {
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** "every Sunday at 20:00", "every month on the 1st at 09:00". */
export function describeCadence(c: Cadence): string {
  if (c.every === 'day') return `every day at ${formatTime(c)}`;
  if (c.every === 'week') return `every ${WEEKDAYS[c.weekday]} at ${formatTime(c)}`;
  return `every month on the ${ordinal(c.day)} at ${formatTime(c)}`;
}

/** The local date and time of an instant, for logs and tests: "2026-03-29 20:00". */
export function localStamp(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${ymd(p.year, p.month, p.day)} ${formatTime({ hour: p.hour, minute: p.minute })}`;
}

const DAY_NAMES: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};

/** Weekday number from a name ("sun", "Monday"), or null. */
export function parseWeekday(s: string): number | null {
  return DAY_NAMES[s.trim().toLowerCase()] ?? null;
}

/**
 * Parses a config value for a summary schedule: "sun 20:00", "monday 9:30", "1 09:00" (day of
 * month), or "off". Returns null for "off" and throws on anything else unreadable.
 * e.g. parseCadence('sun 20:00', 'week') → {every:'week', weekday:0, hour:20, minute:0}
 */
export function parseCadence(text: string, every: 'week' | 'month'): Cadence | null {
  const s = text.trim().toLowerCase();
  if (/^(off|none|no|false|0|disabled?)$/.test(s)) return null;
  const m = /^(\S+)\s+(\d{1,2})(?::(\d{2}))?$/.exec(s);
  if (!m) throw new RangeError(`expected "<day> HH:MM" or "off", got "${text}"`);
  const hour = Number(m[2]), minute = Number(m[3] ?? '0');
  if (hour > 23 || minute > 59) throw new RangeError(`bad time in "${text}"`);
  if (every === 'week') {
    const wd = parseWeekday(m[1]!);
    if (wd === null) throw new RangeError(`bad weekday in "${text}"`);
    return { every, weekday: wd, hour, minute };
  }
  const day = Number(m[1]!.replace(/(st|nd|rd|th)$/, ''));
  if (!Number.isInteger(day) || day < 1 || day > 31) throw new RangeError(`bad day of month in "${text}"`);
  return { every, day, hour, minute };
}

/** Parses "HH:MM" (24-hour). e.g. parseTimeOfDay('07:15') → {hour: 7, minute: 15}; throws on anything else. */
export function parseTimeOfDay(text: string): TimeOfDay {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RangeError(`expected HH:MM, got "${text}"`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}
