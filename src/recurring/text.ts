/**
 * @module recurring/text
 * Replies about recurring expenses. Pure.
 */
import { categoryLabel } from '../categories/taxonomy.js';
import { formatDay, relativeDay, type IsoDate } from '../core/dates.js';
import { formatMoney } from '../core/money.js';
import { describeEvery } from './due.js';
import type { Recurring } from './repo.js';

export function recurringName(r: Pick<Recurring, 'item' | 'merchant' | 'category' | 'detail'>): string {
  const n = r.item ?? r.merchant ?? categoryLabel(r.category, r.detail);
  return n[0]!.toUpperCase() + n.slice(1);
}

function money(r: Pick<Recurring, 'amountMinor' | 'currency'>, locale?: string): string {
  return formatMoney(r.amountMinor, r.currency, locale);
}

export function created(r: Recurring, next: IsoDate, today: IsoDate, locale?: string): string {
  return [
    `🔁 ${recurringName(r)} ${money(r, locale)} · ${categoryLabel(r.category, r.detail)} · ${describeEvery(r)}.`,
    `I'll record it each time and tell you. Next: ${formatDay(next, today)}. Stop with "stop ${r.item ?? 'recurring'}".`,
  ].join('\n');
}

export function list(items: Array<{ r: Recurring; next: IsoDate }>, today: IsoDate, locale?: string): string {
  if (!items.length) return 'No recurring expenses. Try "rent 18000 every month on the 1st".';
  return ['🔁 *Recurring*', ...items.map(({ r, next }, i) => `${i + 1}. ${recurringName(r)} ${money(r, locale)} · ${describeEvery(r)} · next ${formatDay(next, today)}`)].join('\n');
}

export function stopped(r: Recurring, locale?: string): string {
  return `⏹️ Stopped ${recurringName(r)} (${money(r, locale)} ${describeEvery(r)}). What it recorded stays in your ledger.`;
}

export function notFound(target: string): string {
  return `No recurring expense called "${target}". Say "recurring?" to see them.`;
}

export function ambiguous(target: string, names: string[]): string {
  return `Which "${target}"? ${names.map((n, i) => `${i + 1}. ${n}`).join(' · ')} — say "stop <number>".`;
}

export function unclear(): string {
  return 'I read that as a recurring expense but could not get the amount or day. Try "rent 18000 every month on the 1st" or "gym 1500 every week on monday".';
}

/** The message sent when the schedule records: "🔁 Recorded rent ₹18,000 · Housing › Rent · today (every month on the 1st)". */
export function recordedNotice(entries: Array<{ r: Recurring; date: IsoDate }>, today: IsoDate, locale?: string): string {
  if (entries.length === 1) {
    const { r, date } = entries[0]!;
    return `🔁 Recorded ${recurringName(r)} ${money(r, locale)} · ${categoryLabel(r.category, r.detail)} · ${relativeDay(date, today)} (${describeEvery(r)}).`;
  }
  return ['🔁 Recorded:', ...entries.map(({ r, date }) => `• ${recurringName(r)} ${money(r, locale)} · ${relativeDay(date, today)}`)].join('\n');
}
