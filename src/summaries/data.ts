/**
 * @module summaries/data
 * Fetches what a summary needs with one range read of the ledger (every live row in the windows,
 * never a sample) and turns it into SummaryStats.
 */
import type { ExpenseRepository } from '../ledger/expenses.js';
import { computeStats, type SummaryStats } from './stats.js';
import { windowStart, type SummaryWindow } from './windows.js';

export async function loadSummaryStats(
  expenses: Pick<ExpenseRepository, 'between' | 'firstDate'>,
  owner: string,
  window: SummaryWindow,
  mainCurrency: string,
): Promise<SummaryStats> {
  const rows = await expenses.between({ owner, from: windowStart(window), to: window.current.to });
  return computeStats(window, rows, mainCurrency, await expenses.firstDate(owner));
}
