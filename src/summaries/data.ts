/**
 * @module summaries/data
 * Fetches what a summary needs with one range read of the ledger (every live row in the windows,
 * never a sample), a page at a time, folding each row into SummaryStats as it comes: a summary
 * never holds the window's rows, so its memory does not grow with how much was spent in it.
 */
import type { ExpenseRepository } from '../ledger/expenses.js';
import { statsAccumulator, type SummaryStats } from './stats.js';
import { windowStart, type SummaryWindow } from './windows.js';

export async function loadSummaryStats(
  expenses: Pick<ExpenseRepository, 'eachBetween' | 'firstDate'>,
  owner: string,
  window: SummaryWindow,
  mainCurrency: string,
): Promise<SummaryStats> {
  const acc = statsAccumulator(window, mainCurrency);
  await expenses.eachBetween({ owner, from: windowStart(window), to: window.current.to }, (e) => acc.add(e));
  return acc.finish(await expenses.firstDate(owner));
}
