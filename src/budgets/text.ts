/**
 * @module budgets/text
 * Budget replies and alerts as short WhatsApp lines. Pure.
 */
import { categoryLabel, primaryDef } from '../categories/taxonomy.js';
import { formatMoney } from '../core/money.js';
import type { Scope } from './phrases.js';

export function scopeName(s: Scope): string {
  return s.category ? categoryLabel(s.category, s.detail).split(' › ').pop()! : 'Total';
}

function scopeEmoji(s: Scope): string {
  return s.category ? primaryDef(s.category).emoji : '🧮';
}

/** "▓▓▓▓▓▓▓▓░░" — ten cells, full at or beyond 100%. */
export function bar(spent: number, limit: number): string {
  const filled = Math.min(10, Math.floor((spent * 10) / limit));
  return '▓'.repeat(filled) + '░'.repeat(10 - filled);
}

export function percent(spent: number, limit: number): number {
  return Math.floor((spent * 100) / limit);
}

export interface BudgetLine {
  scope: Scope;
  amountMinor: number;
  currency: string;
  period: 'month' | 'week';
  spent: number;
}

const per = (p: 'month' | 'week') => (p === 'month' ? 'a month' : 'a week');
const thisPeriod = (p: 'month' | 'week') => (p === 'month' ? 'this month' : 'this week');

export function budgetLine(b: BudgetLine, locale?: string): string {
  const m = (x: number) => formatMoney(x, b.currency, locale);
  const left = b.amountMinor - b.spent;
  const status = left >= 0 ? `${m(left)} left` : `${m(-left)} over`;
  return `${scopeEmoji(b.scope)} *${scopeName(b.scope)}* ${m(b.spent)} of ${m(b.amountMinor)} ${thisPeriod(b.period)} · ${status}\n${bar(b.spent, b.amountMinor)} ${percent(b.spent, b.amountMinor)}%`;
}

export function budgetList(lines: BudgetLine[], locale?: string): string {
  if (!lines.length) return 'No budgets yet. Try "set food budget 8000 a month".';
  return ['📒 *Budgets*', ...lines.map((l) => budgetLine(l, locale))].join('\n');
}

export function budgetSet(b: BudgetLine, locale?: string): string {
  const m = (x: number) => formatMoney(x, b.currency, locale);
  return `✅ ${scopeName(b.scope)} budget: ${m(b.amountMinor)} ${per(b.period)}. Spent ${thisPeriod(b.period)}: ${m(b.spent)} (${percent(b.spent, b.amountMinor)}%).`;
}

export function budgetRemoved(scope: Scope, existed: boolean): string {
  return existed ? `🗑️ Removed your ${scopeName(scope)} budget.` : `You have no ${scopeName(scope)} budget. Say "budgets?" to see them.`;
}

export function budgetUnclear(reason: 'category' | 'amount', words: string): string {
  return reason === 'category'
    ? `I don't know a category called "${words}". Try "set food budget 8000 a month" or "set coffee budget 2000".`
    : 'How much should the budget be? Try "set food budget 8000 a month".';
}

/** The alert when a recorded expense takes a budget past 80% or 100% (`when`: "this month"). */
export function budgetAlert(threshold: number, b: BudgetLine, when: string, locale?: string): string {
  const m = (x: number) => formatMoney(x, b.currency, locale);
  const name = scopeName(b.scope);
  if (threshold >= 100) {
    const over = b.spent - b.amountMinor;
    return over > 0
      ? `🚨 ${name} budget exceeded: ${m(b.spent)} of ${m(b.amountMinor)} ${when} (${m(over)} over).`
      : `🚨 ${name} budget used up: ${m(b.spent)} of ${m(b.amountMinor)} ${when}.`;
  }
  return `⚠️ ${percent(b.spent, b.amountMinor)}% of your ${name} budget used: ${m(b.spent)} of ${m(b.amountMinor)} ${when} · ${m(b.amountMinor - b.spent)} left.`;
}
