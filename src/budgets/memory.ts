/**
 * @module budgets/memory
 * An in-memory budget repository for unit tests (same contract as the SQLite adapter).
 */
import { scopeKey, type Scope } from './phrases.js';
import type { Budget, BudgetRepository, NewBudget } from './repo.js';

const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class MemoryBudgets implements BudgetRepository {
  readonly budgets: Budget[] = [];
  readonly alerts = new Set<string>();
  private nextId = 1;

  async set(b: NewBudget, _now: Date): Promise<Budget> {
    const existing = this.budgets.find((x) => x.owner === b.owner && scopeKey(x.scope) === scopeKey(b.scope));
    if (existing) {
      Object.assign(existing, { amountMinor: b.amountMinor, currency: b.currency, period: b.period, chatId: b.chatId });
      return { ...existing, scope: { ...existing.scope } };
    }
    const created: Budget = { ...b, scope: { ...b.scope }, id: this.nextId++ };
    this.budgets.push(created);
    return { ...created, scope: { ...created.scope } };
  }

  async list(owner?: string): Promise<Budget[]> {
    return this.budgets
      .filter((b) => !owner || b.owner === owner)
      .sort((a, b) => binary(a.owner, b.owner) || binary(scopeKey(a.scope), scopeKey(b.scope)))
      .sort((a, b) => a.owner.localeCompare(b.owner) || Number(b.scope.category === null) - Number(a.scope.category === null))
      .map((b) => ({ ...b, scope: { ...b.scope } }));
  }

  async remove(owner: string, scope: Scope): Promise<boolean> {
    const i = this.budgets.findIndex((b) => b.owner === owner && scopeKey(b.scope) === scopeKey(scope));
    if (i < 0) return false;
    const [gone] = this.budgets.splice(i, 1);
    for (const k of [...this.alerts]) if (k.startsWith(`${gone!.id}\u0000`)) this.alerts.delete(k);
    return true;
  }

  async claimAlert(budgetId: number, periodKey: string, threshold: number, _now: Date): Promise<boolean> {
    const k = `${budgetId}\u0000${periodKey}\u0000${threshold}`;
    if (this.alerts.has(k)) return false;
    this.alerts.add(k);
    return true;
  }
}
