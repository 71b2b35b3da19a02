/**
 * @module summaries/windows
 * Which dates a summary covers and what it is compared with. Pure.
 * A weekly summary covers the 7 days ending on its day (Sunday evening → Mon–Sun); a monthly one
 * covers a calendar month, compared with the same span of the month before (a month-to-date
 * summary on the 10th compares 1–10 with 1–10, not with a whole month).
 */
import {
  addDays, addMonths, daysBetween, daysInMonth, endOfMonth, formatDay, monthName, parseIsoDate, startOfMonth, startOfWeek, ymd,
  type DateRange, type IsoDate,
} from '../core/dates.js';

export type SummaryKind = 'week' | 'month';

export interface SummaryWindow {
  kind: SummaryKind;
  current: DateRange;
  previous: DateRange;
  /** Earlier windows for averages (most recent first): 4 weeks or 3 months. */
  history: DateRange[];
  /** "Mon 12 Jan – Sun 18 Jan", "January 2026", "January 2026 so far". */
  label: string;
  /** "last week", "December". */
  previousLabel: string;
  /** True when the window ends before its natural end (a month summary mid-month). */
  partial: boolean;
}

export const HISTORY_WEEKS = 4;
export const HISTORY_MONTHS = 3;

/**
 * The week of 7 days ending on `end`, or its first `days` days (a week so far). Earlier weeks are
 * compared over the same span. e.g. weekWindow('2026-01-18').current = 12–18 Jan
 */
export function weekWindow(end: IsoDate, days = 7): SummaryWindow {
  const span = Math.min(Math.max(days, 1), 7);
  const week = (k: number): DateRange => ({ from: addDays(end, -7 * k - (span - 1)), to: addDays(end, -7 * k) });
  const current = week(0);
  return {
    kind: 'week',
    current,
    previous: week(1),
    history: Array.from({ length: HISTORY_WEEKS }, (_, i) => week(i + 1)),
    label: span === 1 ? formatDay(current.from, end) : `${formatDay(current.from, end)} – ${formatDay(current.to, end)}`,
    previousLabel: span === 7 ? 'last week' : 'the same days last week',
    partial: span < 7,
  };
}

/** The calendar week holding `today` so far, by the owner's week start. */
export function weekToDateWindow(today: IsoDate, weekStartsOn: number): SummaryWindow {
  return weekWindow(today, daysBetween(startOfWeek(today, weekStartsOn), today) + 1);
}

export type NamedPeriod = 'this week' | 'last week' | 'this month' | 'last month';

/** Windows for "chart this week", "summary last month" and the CLI. */
export function namedWindow(period: NamedPeriod, today: IsoDate, weekStartsOn: number): SummaryWindow {
  switch (period) {
    case 'this week':
      return weekToDateWindow(today, weekStartsOn);
    case 'last week':
      return weekWindow(addDays(startOfWeek(today, weekStartsOn), -1));
    case 'this month':
      return monthWindow(today, true);
    case 'last month':
      return monthWindow(addDays(startOfMonth(today), -1));
  }
}

/**
 * The calendar month holding `date`, up to `date` when `toDate` is set (month to date).
 * e.g. monthWindow('2026-01-31').label === 'January 2026'
 */
export function monthWindow(date: IsoDate, toDate = false): SummaryWindow {
  const first = startOfMonth(date);
  const last = toDate ? date : endOfMonth(date);
  const span = parseIsoDate(last)!.d;
  const month = (k: number): DateRange => {
    const f = addMonths(first, -k);
    const p = parseIsoDate(f)!;
    return { from: f, to: ymd(p.y, p.m, Math.min(span, daysInMonth(p.y, p.m))) };
  };
  const p = parseIsoDate(first)!;
  const partial = last !== endOfMonth(date);
  const prev = parseIsoDate(addMonths(first, -1))!;
  return {
    kind: 'month',
    current: { from: first, to: last },
    previous: month(1),
    history: Array.from({ length: HISTORY_MONTHS }, (_, i) => month(i + 1)),
    label: `${monthName(p.m)} ${p.y}${partial ? ' so far' : ''}`,
    previousLabel: partial ? `the same days of ${monthName(prev.m)}` : monthName(prev.m),
    partial,
  };
}

/**
 * The window a scheduled summary due on `dueDate` reports: the week ending that day, or the month
 * before the 1st (a monthly run on any other day reports the month so far).
 */
export function scheduledWindow(kind: SummaryKind, dueDate: IsoDate): SummaryWindow {
  if (kind === 'week') return weekWindow(dueDate);
  return dueDate.endsWith('-01') ? monthWindow(addDays(dueDate, -1)) : monthWindow(dueDate, true);
}

/** The earliest date any part of the window reads (for one query). */
export function windowStart(w: SummaryWindow): IsoDate {
  return w.history.reduce((min, r) => (r.from < min ? r.from : min), w.previous.from);
}
