/**
 * @module summaries/stats
 * Exact per-currency figures for a summary, computed from every expense in its windows (fetched by
 * SQL; nothing sampled, nothing estimated). Pure.
 */
import type { Primary } from '../categories/taxonomy.js';
import { addDays, daysBetween, type DateRange, type IsoDate } from '../core/dates.js';
import type { Expense } from '../core/types.js';
import type { SummaryWindow } from './windows.js';

export interface CategoryTotal {
  category: Primary;
  total: number;
  previous: number;
}

/** A category or category/detail key and its spend in one window. */
export type KeyTotals = Map<string, number>;

export interface CurrencyStats {
  currency: string;
  total: number;
  previousTotal: number;
  count: number;
  /** Current-window categories, biggest first (ties by slug), with last window's spend. */
  categories: CategoryTotal[];
  /** The biggest single expenses of the window, biggest first. */
  biggest: Expense[];
  /** Spend per day for every day of the window (zeros included), oldest first. */
  daily: Array<{ date: IsoDate; total: number }>;
  /** Per window (current, then history most recent first): spend by "primary" and "primary/detail". */
  keyTotals: { current: KeyTotals; history: KeyTotals[] };
  historyTotals: number[];
}

export interface SummaryStats {
  window: SummaryWindow;
  /** Currencies with spending in the current or previous window; the main one first. */
  currencies: CurrencyStats[];
  /** How many history windows (the most recent ones) were fully tracked: averages use only these. */
  historyDepth: number;
}

const inRange = (d: IsoDate, r: DateRange) => d >= r.from && d <= r.to;

function keyTotals(expenses: Expense[]): KeyTotals {
  const m: KeyTotals = new Map();
  for (const e of expenses) {
    m.set(e.category, (m.get(e.category) ?? 0) + e.amountMinor);
    if (e.detail) {
      const k = `${e.category}/${e.detail}`;
      m.set(k, (m.get(k) ?? 0) + e.amountMinor);
    }
  }
  return m;
}

const sum = (xs: Expense[]) => xs.reduce((a, e) => a + e.amountMinor, 0);

/**
 * Figures for one summary. `expenses` must hold every live expense of the owner from
 * windowStart(window) to window.current.to; `firstExpenseDate` is the owner's earliest ever.
 * `mainCurrency` (the owner's) is listed first when it has spending.
 */
export function computeStats(window: SummaryWindow, expenses: Expense[], mainCurrency: string, firstExpenseDate: IsoDate | null, biggestCount = 3): SummaryStats {
  const byCurrency = new Map<string, Expense[]>();
  for (const e of expenses) {
    const list = byCurrency.get(e.currency) ?? [];
    list.push(e);
    byCurrency.set(e.currency, list);
  }
  const currencies: CurrencyStats[] = [];
  for (const [currency, list] of byCurrency) {
    const cur = list.filter((e) => inRange(e.date, window.current));
    const prev = list.filter((e) => inRange(e.date, window.previous));
    if (!cur.length && !prev.length) continue;
    const curCat = new Map<Primary, number>();
    const prevCat = new Map<Primary, number>();
    for (const e of cur) curCat.set(e.category, (curCat.get(e.category) ?? 0) + e.amountMinor);
    for (const e of prev) prevCat.set(e.category, (prevCat.get(e.category) ?? 0) + e.amountMinor);
    const categories = [...curCat]
      .map(([category, total]) => ({ category, total, previous: prevCat.get(category) ?? 0 }))
      .sort((a, b) => b.total - a.total || a.category.localeCompare(b.category));
    const biggest = [...cur].sort((a, b) => b.amountMinor - a.amountMinor || a.date.localeCompare(b.date) || a.id - b.id).slice(0, biggestCount);
    const perDay = new Map<IsoDate, number>();
    for (const e of cur) perDay.set(e.date, (perDay.get(e.date) ?? 0) + e.amountMinor);
    const days = daysBetween(window.current.from, window.current.to) + 1;
    const daily = Array.from({ length: days }, (_, i) => {
      const date = addDays(window.current.from, i);
      return { date, total: perDay.get(date) ?? 0 };
    });
    const hist = window.history.map((r) => list.filter((e) => inRange(e.date, r)));
    currencies.push({
      currency,
      total: sum(cur),
      previousTotal: sum(prev),
      count: cur.length,
      categories,
      biggest,
      daily,
      keyTotals: { current: keyTotals(cur), history: hist.map(keyTotals) },
      historyTotals: hist.map(sum),
    });
  }
  currencies.sort((a, b) => Number(b.currency === mainCurrency) - Number(a.currency === mainCurrency) || b.total - a.total || a.currency.localeCompare(b.currency));
  // A window that began before the owner's first expense is only partly tracked: leave it out of averages.
  const historyDepth = firstExpenseDate ? window.history.filter((r) => r.from >= firstExpenseDate).length : 0;
  return { window, currencies, historyDepth };
}
