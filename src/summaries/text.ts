/**
 * @module summaries/text
 * The weekly / monthly summary as a short WhatsApp message. Pure: stats in, text out.
 */
import { categoryLabel, primaryDef } from '../categories/taxonomy.js';
import { formatDay } from '../core/dates.js';
import type { Expense } from '../core/types.js';
import { formatMoney } from '../core/money.js';
import { pickInsight } from './insight.js';
import type { CurrencyStats, SummaryStats } from './stats.js';

/** "▲ 12%", "▼ 5%", "new", "same": the change from `previous` to `current`. */
export function changeText(current: number, previous: number): string {
  if (previous === 0) return current === 0 ? 'same' : 'new';
  const p = Math.round(((current - previous) * 100) / previous);
  if (p === 0) return 'same';
  return p > 0 ? `▲ ${p}%` : `▼ ${-p}%`;
}

function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** What an expense was, in a few words: "Latte at Starbucks", "Petrol", "Food › Coffee". */
export function expenseTitle(e: Pick<Expense, 'item' | 'merchant' | 'category' | 'detail'>): string {
  if (e.item && e.merchant && e.item.toLowerCase() !== e.merchant.toLowerCase()) return `${capitalize(e.item)} at ${e.merchant}`;
  if (e.item) return capitalize(e.item);
  if (e.merchant) return e.merchant;
  return categoryLabel(e.category, e.detail);
}

export interface SummaryTextOptions {
  locale?: string;
  /** How many categories to list. */
  topCategories?: number;
}

/** The whole summary message. e.g. "📊 *Weekly summary* · Mon 12 Jan – Sun 18 Jan\nTotal *₹8,450* …" */
export function summaryText(stats: SummaryStats, opts: SummaryTextOptions = {}): string {
  const w = stats.window;
  const title = w.partial ? 'Spending so far' : w.kind === 'week' ? 'Weekly summary' : 'Monthly summary';
  const lines = [`📊 *${title}* · ${w.label}`];
  const [main, ...others] = stats.currencies;
  const money = (m: number, c: string) => formatMoney(m, c, opts.locale);
  if (!main || main.total === 0) {
    const when = w.partial ? `so far this ${w.kind}` : w.kind === 'week' ? 'this week' : `in ${w.label}`;
    lines.push(`No expenses recorded ${when}.`);
    const prev = stats.currencies.filter((c) => c.previousTotal > 0);
    if (prev.length) lines.push(`${capitalize(w.previousLabel)}: ${prev.map((c) => money(c.previousTotal, c.currency)).join(' + ')}.`);
    return lines.join('\n');
  }
  lines.push(...currencyBlock(main, stats, opts));
  for (const c of others) {
    if (c.total === 0) continue;
    lines.push('', `Also *${money(c.total, c.currency)}* in ${c.currency} (${c.count} expense${c.count === 1 ? '' : 's'}, ${changeText(c.total, c.previousTotal)} vs ${w.previousLabel}).`);
  }
  const insight = pickInsight(main, w.kind, stats.historyDepth, opts.locale);
  if (insight) lines.push('', `🔎 ${insight}`);
  return lines.join('\n');
}

function currencyBlock(c: CurrencyStats, stats: SummaryStats, opts: SummaryTextOptions): string[] {
  const w = stats.window;
  const money = (m: number) => formatMoney(m, c.currency, opts.locale);
  const vs = c.previousTotal > 0 ? ` · ${changeText(c.total, c.previousTotal)} vs ${w.previousLabel} (${money(c.previousTotal)})` : '';
  const out = [`Total *${money(c.total)}* · ${c.count} expense${c.count === 1 ? '' : 's'}${vs}`];
  const top = c.categories.slice(0, opts.topCategories ?? 3);
  if (top.length) {
    out.push('', '*Top categories*');
    for (const t of top) {
      const def = primaryDef(t.category);
      out.push(`${def.emoji} ${def.label} ${money(t.total)} · ${changeText(t.total, t.previous)}`);
    }
  }
  if (c.biggest.length) {
    out.push('', '*Biggest*');
    for (const e of c.biggest) out.push(`${money(e.amountMinor)} · ${expenseTitle(e)} · ${formatDay(e.date, w.current.to)}`);
  }
  return out;
}

/** One line for a chart caption: "Spending · January 2026 · ₹12,340". */
export function captionText(stats: SummaryStats, locale?: string): string {
  const main = stats.currencies[0];
  const total = main ? ` · ${formatMoney(main.total, main.currency, locale)}` : '';
  return `Spending · ${stats.window.label}${total}`;
}
