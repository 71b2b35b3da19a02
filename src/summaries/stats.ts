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

function addKey(m: KeyTotals, e: Expense): void {
  m.set(e.category, (m.get(e.category) ?? 0) + e.amountMinor);
  if (e.detail) {
    const k = `${e.category}/${e.detail}`;
    m.set(k, (m.get(k) ?? 0) + e.amountMinor);
  }
}

/** The biggest first; ties: the older, then the lower id. */
const bigger = (a: Expense, b: Expense) => b.amountMinor - a.amountMinor || a.date.localeCompare(b.date) || a.id - b.id;

interface Running {
  currency: string;
  total: number;
  previousTotal: number;
  count: number;
  previousCount: number;
  curCat: Map<Primary, number>;
  prevCat: Map<Primary, number>;
  biggest: Expense[];
  perDay: Map<IsoDate, number>;
  current: KeyTotals;
  history: KeyTotals[];
  historyTotals: number[];
}

export interface StatsAccumulator {
  /** One expense of the windows; call in the ledger's (date, id) order for computeStats' exact output. */
  add(e: Expense): void;
  /** The figures of everything added; `firstExpenseDate` is the owner's earliest ever. */
  finish(firstExpenseDate: IsoDate | null): SummaryStats;
}

/**
 * computeStats one expense at a time: it keeps sums per category, day and key and the few biggest
 * expenses, never the expenses themselves, so a summary over 20,000 rows holds a page of them at a
 * time (`ExpenseRepository.eachBetween`) instead of all at once.
 */
export function statsAccumulator(window: SummaryWindow, mainCurrency: string, biggestCount = 3): StatsAccumulator {
  const byCurrency = new Map<string, Running>();
  return {
    add(e) {
      let r = byCurrency.get(e.currency);
      if (!r) {
        r = {
          currency: e.currency, total: 0, previousTotal: 0, count: 0, previousCount: 0, curCat: new Map(), prevCat: new Map(), biggest: [], perDay: new Map(),
          current: new Map(), history: window.history.map(() => new Map()), historyTotals: window.history.map(() => 0),
        };
        byCurrency.set(e.currency, r);
      }
      if (inRange(e.date, window.current)) {
        r.total += e.amountMinor;
        r.count++;
        r.curCat.set(e.category, (r.curCat.get(e.category) ?? 0) + e.amountMinor);
        r.perDay.set(e.date, (r.perDay.get(e.date) ?? 0) + e.amountMinor);
        addKey(r.current, e);
        if (r.biggest.length < biggestCount || bigger(e, r.biggest[r.biggest.length - 1]!) < 0) {
          r.biggest.push(e);
          r.biggest.sort(bigger);
          if (r.biggest.length > biggestCount) r.biggest.pop();
        }
      }
      if (inRange(e.date, window.previous)) {
        r.previousTotal += e.amountMinor;
        r.previousCount++;
        r.prevCat.set(e.category, (r.prevCat.get(e.category) ?? 0) + e.amountMinor);
      }
      window.history.forEach((h, i) => {
        if (!inRange(e.date, h)) return;
        r.historyTotals[i]! += e.amountMinor;
        addKey(r.history[i]!, e);
      });
    },
    finish(firstExpenseDate) {
      const currencies: CurrencyStats[] = [];
      for (const r of byCurrency.values()) {
        if (!r.count && !r.previousCount) continue;
        const categories = [...r.curCat]
          .map(([category, total]) => ({ category, total, previous: r.prevCat.get(category) ?? 0 }))
          .sort((a, b) => b.total - a.total || a.category.localeCompare(b.category));
        const days = daysBetween(window.current.from, window.current.to) + 1;
        const daily = Array.from({ length: days }, (_, i) => {
          const date = addDays(window.current.from, i);
          return { date, total: r.perDay.get(date) ?? 0 };
        });
        currencies.push({
          currency: r.currency, total: r.total, previousTotal: r.previousTotal, count: r.count, categories, biggest: r.biggest.slice(0, biggestCount), daily,
          keyTotals: { current: r.current, history: r.history }, historyTotals: r.historyTotals,
        });
      }
      currencies.sort((a, b) => Number(b.currency === mainCurrency) - Number(a.currency === mainCurrency) || b.total - a.total || a.currency.localeCompare(b.currency));
      // A window that began before the owner's first expense is only partly tracked: leave it out of averages.
      const historyDepth = firstExpenseDate ? window.history.filter((r) => r.from >= firstExpenseDate).length : 0;
      return { window, currencies, historyDepth };
    },
  };
}

/**
 * Figures for one summary. `expenses` must hold every live expense of the owner from
 * windowStart(window) to window.current.to; `firstExpenseDate` is the owner's earliest ever.
 * `mainCurrency` (the owner's) is listed first when it has spending.
 */
export function computeStats(window: SummaryWindow, expenses: Expense[], mainCurrency: string, firstExpenseDate: IsoDate | null, biggestCount = 3): SummaryStats {
  const acc = statsAccumulator(window, mainCurrency, biggestCount);
  for (const e of expenses) acc.add(e);
  return acc.finish(firstExpenseDate);
}
