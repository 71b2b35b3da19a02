/**
 * @module summaries/data
 * Fetches what a summary needs with one range query over the ledger (every live row in the
 * windows, never a sample) and turns it into SummaryStats.
 */
import type { Kysely } from 'kysely';
import type { IsoDate } from '../core/dates.js';
import { expensesBetween } from '../ledger/expenses.js';
import type { Database } from '../ledger/schema.js';
import { computeStats, type SummaryStats } from './stats.js';
import { windowStart, type SummaryWindow } from './windows.js';

export async function firstExpenseDate(db: Kysely<Database>, owner: string): Promise<IsoDate | null> {
  const r = await db
    .selectFrom('expenses')
    .select((eb) => eb.fn.min('date').as('first'))
    .where('owner', '=', owner)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return (r?.first as string | null | undefined) ?? null;
}

export async function loadSummaryStats(db: Kysely<Database>, owner: string, window: SummaryWindow, mainCurrency: string): Promise<SummaryStats> {
  const expenses = await expensesBetween(db, { owner, from: windowStart(window), to: window.current.to });
  return computeStats(window, expenses, mainCurrency, await firstExpenseDate(db, owner));
}

/**
 * Owners with any live expense in a date range (who a scheduled summary is for). `recordedBy`
 * keeps only rows that existed at the due time, so a backdated entry typed days later does not
 * summon a stale summary for a week that has long been summarized for everyone else.
 */
export async function ownersWithExpenses(db: Kysely<Database>, from: IsoDate, to: IsoDate, recordedBy?: Date): Promise<string[]> {
  let q = db
    .selectFrom('expenses')
    .select('owner')
    .distinct()
    .where('deleted_at', 'is', null)
    .where('date', '>=', from)
    .where('date', '<=', to);
  if (recordedBy) q = q.where('created_at', '<=', recordedBy.toISOString());
  const rows = await q.orderBy('owner').execute();
  return rows.map((r) => r.owner);
}
