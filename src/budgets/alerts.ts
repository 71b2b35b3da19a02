/**
 * @module budgets/alerts
 * After expenses are recorded: did any budget just pass 80% or 100% of its period? Each threshold
 * alerts once per budget period (remembered in `budget_alerts`), so a re-delivered message, an
 * edit or a restart never repeats a warning. Jumping past both at once says only the 100% one.
 */
import { localDate } from '../core/dates.js';
import type { Expense, OwnerSettings } from '../core/types.js';
import type { ExpenseRepository } from '../ledger/expenses.js';
import { budgetRange, rangePhrase, type BudgetRange } from './periods.js';
import { budgetMatches, type Budget, type BudgetRepository } from './repo.js';
import { budgetAlert } from './text.js';

export const THRESHOLDS = [100, 80] as const;

export interface BudgetAlert {
  budgetId: number;
  threshold: number;
  periodKey: string;
  text: string;
}

export interface BudgetDeps {
  budgets: BudgetRepository;
  expenses: Pick<ExpenseRepository, 'spent'>;
}

/** Everything spent against a budget in a date range (its currency only): the ledger's exact SUM. */
export function spentAgainst(deps: BudgetDeps, b: Budget, range: BudgetRange): Promise<number> {
  return deps.expenses.spent({ owner: b.owner, currency: b.currency, from: range.from, to: range.to, category: b.scope.category, detail: b.scope.detail });
}

export async function checkBudgets(deps: BudgetDeps, owner: string, expenses: Expense[], settings: OwnerSettings, now: Date): Promise<BudgetAlert[]> {
  if (!expenses.length) return [];
  const budgets = await deps.budgets.list(owner);
  if (!budgets.length) return [];
  const today = localDate(now, settings.timeZone);
  const out: BudgetAlert[] = [];
  for (const b of budgets) {
    const touched = expenses.filter((e) => e.deletedAt === null && budgetMatches(b, e));
    const ranges = new Map(touched.map((e) => {
      const r = budgetRange(b.period, e.date, settings.weekStartsOn);
      return [r.key, r] as const;
    }));
    for (const r of ranges.values()) {
      const spent = await spentAgainst(deps, b, r);
      const crossed = THRESHOLDS.filter((t) => spent * 100 >= b.amountMinor * t);
      let fired: number | null = null;
      // Claim every crossed threshold (so 80% never fires after 100% did); speak for the highest new one.
      for (const t of crossed) if ((await deps.budgets.claimAlert(b.id, r.key, t, now)) && fired === null) fired = t;
      if (fired !== null) {
        const line = { scope: b.scope, amountMinor: b.amountMinor, currency: b.currency, period: b.period, spent };
        out.push({ budgetId: b.id, threshold: fired, periodKey: r.key, text: budgetAlert(fired, line, rangePhrase(b.period, r, today), settings.locale) });
      }
    }
  }
  return out;
}
