/**
 * @module budgets/repo
 * Budgets and their fired alerts in SQLite. Spending is always a SQL SUM over every matching row.
 */
import type { Primary } from '../categories/taxonomy.js';
import type { DateRange } from '../core/dates.js';
import type { ScheduleDb } from '../scheduler/schema.js';
import type { BudgetPeriod } from './commands.js';
import { scopeKey, type Scope } from './phrases.js';

export interface Budget {
  id: number;
  owner: string;
  scope: Scope;
  amountMinor: number;
  currency: string;
  period: BudgetPeriod;
  chatId: string | null;
}

export async function setBudget(
  db: ScheduleDb,
  b: { owner: string; scope: Scope; amountMinor: number; currency: string; period: BudgetPeriod; chatId: string | null },
  now: Date,
): Promise<Budget> {
  const ts = now.toISOString();
  const row = await db
    .insertInto('budgets')
    .values({
      owner: b.owner, category: b.scope.category, detail: b.scope.detail, scope: scopeKey(b.scope),
      amount_minor: b.amountMinor, currency: b.currency, period: b.period, chat_id: b.chatId, created_at: ts, updated_at: ts,
    })
    .onConflict((oc) =>
      oc.columns(['owner', 'scope']).doUpdateSet({ amount_minor: b.amountMinor, currency: b.currency, period: b.period, chat_id: b.chatId, updated_at: ts }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toBudget(row);
}

function toBudget(r: { id: number; owner: string; category: string | null; detail: string | null; amount_minor: number; currency: string; period: string; chat_id: string | null }): Budget {
  return {
    id: r.id, owner: r.owner, scope: { category: r.category as Primary | null, detail: r.detail },
    amountMinor: r.amount_minor, currency: r.currency, period: r.period as BudgetPeriod, chatId: r.chat_id,
  };
}

/** An owner's budgets (every owner's when omitted), total first, then by category. */
export async function listBudgets(db: ScheduleDb, owner?: string): Promise<Budget[]> {
  let q = db.selectFrom('budgets').selectAll();
  if (owner) q = q.where('owner', '=', owner);
  const rows = await q.orderBy('owner').orderBy('scope').execute();
  return rows.map(toBudget).sort((a, b) => a.owner.localeCompare(b.owner) || Number(b.scope.category === null) - Number(a.scope.category === null));
}

export async function removeBudget(db: ScheduleDb, owner: string, scope: Scope): Promise<boolean> {
  const r = await db.deleteFrom('budgets').where('owner', '=', owner).where('scope', '=', scopeKey(scope)).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Everything spent against a budget in a date range (its currency only). */
export async function spentAgainst(db: ScheduleDb, b: Budget, range: DateRange): Promise<number> {
  let q = db
    .selectFrom('expenses')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.lit(0)).as('spent'))
    .where('owner', '=', b.owner)
    .where('deleted_at', 'is', null)
    .where('currency', '=', b.currency)
    .where('date', '>=', range.from)
    .where('date', '<=', range.to);
  if (b.scope.category) q = q.where('category', '=', b.scope.category);
  if (b.scope.detail) q = q.where('detail', '=', b.scope.detail);
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.spent);
}

/** Remembers that an alert fired; true only the first time for (budget, period, threshold). */
export async function claimAlert(db: ScheduleDb, budgetId: number, periodKey: string, threshold: number, now: Date): Promise<boolean> {
  const r = await db
    .insertInto('budget_alerts')
    .values({ budget_id: budgetId, period: periodKey, threshold, fired_at: now.toISOString() })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export function budgetMatches(b: Budget, e: { owner: string; category: string; detail: string | null; currency: string }): boolean {
  return e.owner === b.owner && e.currency === b.currency && (!b.scope.category || e.category === b.scope.category) && (!b.scope.detail || e.detail === b.scope.detail);
}
