/**
 * @module budgets/repo
 * The budget repository port: budgets and the alerts already fired. What was spent against a
 * budget is always the ledger's exact SUM (ExpenseRepository.spent). SQLite adapter in
 * budgets/sqlite/, fake in budgets/memory.ts.
 */
import type { Primary } from '../core/primaries.js';
import type { BudgetPeriod } from './commands.js';
import type { Scope } from './phrases.js';

export interface Budget {
  id: number;
  owner: string;
  scope: Scope;
  amountMinor: number;
  currency: string;
  period: BudgetPeriod;
  chatId: string | null;
}

export type NewBudget = Omit<Budget, 'id'>;

export interface BudgetRepository {
  /** Creates the owner's budget for a scope, or replaces its amount, currency and period. */
  set(b: NewBudget, now: Date): Promise<Budget>;
  /** An owner's budgets (every owner's when omitted), by owner, total first, then by category. */
  list(owner?: string): Promise<Budget[]>;
  remove(owner: string, scope: Scope): Promise<boolean>;
  /** Remembers that an alert fired; true only the first time for (budget, period, threshold). */
  claimAlert(budgetId: number, periodKey: string, threshold: number, now: Date): Promise<boolean>;
}

export function budgetMatches(b: Budget, e: { owner: string; category: Primary | string; detail: string | null; currency: string }): boolean {
  return e.owner === b.owner && e.currency === b.currency && (!b.scope.category || e.category === b.scope.category) && (!b.scope.detail || e.detail === b.scope.detail);
}
