/**
 * @module budgets/periods
 * The budget period holding a date: its calendar month, or its week by the owner's week start.
 * The period key names where "alert already sent" is remembered. Pure.
 */
import { addDays, endOfMonth, formatDay, monthName, startOfMonth, startOfWeek, type DateRange, type IsoDate } from '../core/dates.js';
import type { BudgetPeriod } from './commands.js';

export interface BudgetRange extends DateRange {
  /** "2026-01" for a month, "2026-01-12" (the week's first day) for a week. */
  key: string;
}

export function budgetRange(period: BudgetPeriod, date: IsoDate, weekStartsOn: number): BudgetRange {
  if (period === 'month') return { from: startOfMonth(date), to: endOfMonth(date), key: date.slice(0, 7) };
  const from = startOfWeek(date, weekStartsOn);
  return { from, to: addDays(from, 6), key: from };
}

/** "this month", "this week", "in December", "in the week of Mon 5 Jan". */
export function rangePhrase(period: BudgetPeriod, r: BudgetRange, today: IsoDate): string {
  if (today >= r.from && today <= r.to) return period === 'month' ? 'this month' : 'this week';
  return period === 'month' ? `in ${monthName(Number(r.from.slice(5, 7)))}` : `in the week of ${formatDay(r.from, today)}`;
}
