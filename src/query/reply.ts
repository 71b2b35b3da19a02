/**
 * @module query/reply
 * Reply text for answers, readable on a phone: the number first, then up to ten lines of detail,
 * then "and 14 more — say 'show all'". Pure: takes computed results, returns text. Money through
 * formatMoney (₹1,250.50), days through formatDay ("Tue 13 Jan").
 */
import { formatDay, type IsoDate } from '../core/dates.js';
import { formatMoney } from '../core/money.js';
import { categoryLabel, isPrimary } from '../categories/taxonomy.js';
import type { Group, MoneyTotal, Row } from './execute.js';
import type { Period } from './types.js';

/** Detail lines shown before "and N more". */
export const DETAIL_LINES = 10;
/** Lines "show all" prints at most (a WhatsApp message stays readable). */
export const SHOW_ALL_LINES = 200;

export const EXAMPLES = [
  'how much on food this month?',
  'total spent at Swiggy last week',
  'top 3 expenses in December',
  'list my Uber rides since Monday',
  'average per day this month',
  'compare food: December vs this month',
  'breakdown by category last month',
];

/** "₹1,250 + $12.99"; "₹0" when nothing. */
export function moneyText(totals: MoneyTotal[] | Group[], fallbackCurrency: string): string {
  const nonzero = totals.filter((t) => t.minor !== 0 || t.count > 0);
  if (!nonzero.length) return formatMoney(0, fallbackCurrency);
  return nonzero.map((t) => formatMoney(t.minor, t.currency)).join(' + ');
}

export function periodText(p: Period | null): string {
  if (!p || (!p.from && !p.to)) return 'so far';
  return p.label;
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One detail line: "• Tue 13 Jan · ₹25 · limca". */
export function rowLine(r: Row, today: IsoDate, numbered?: number): string {
  const what = r.item ?? r.merchant ?? r.note ?? (isPrimary(r.category) ? categoryLabel(r.category, r.detail) : r.category);
  const at = r.merchant && r.item && !r.item.toLowerCase().includes(r.merchant.toLowerCase()) ? ` (${r.merchant})` : '';
  const lead = numbered !== undefined ? `${numbered}.` : '•';
  return `${lead} ${formatDay(r.date, today)} · ${formatMoney(r.amountMinor, r.currency)} · ${what}${at}`;
}

/** Detail lines, newest first, with the "and N more" tail. */
export function detailBlock(rows: Row[], total: number, today: IsoDate, showAll: boolean): string[] {
  const cap = showAll ? SHOW_ALL_LINES : DETAIL_LINES;
  const newestFirst = [...rows].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  const lines = newestFirst.slice(0, cap).map((r) => rowLine(r, today));
  const more = total - Math.min(cap, newestFirst.length);
  if (more > 0) lines.push(showAll ? `…and ${more} more (narrow the question to see them)` : `…and ${more} more — say 'show all'`);
  return lines;
}

export interface SumReply {
  op: 'sum' | 'list' | 'count';
  what: string | null;
  period: Period | null;
  periodAssumed: boolean;
  totals: MoneyTotal[];
  rows: Row[];
  today: IsoDate;
  currency: string;
  showAll: boolean;
  note?: string | null;
}

export function sumReply(s: SumReply): string {
  const count = s.totals.reduce((a, t) => a + t.count, 0);
  const when = periodText(s.period);
  const on = s.what ? ` on ${s.what}` : '';
  if (count === 0) {
    const head = s.what ? `Nothing on ${s.what} ${when}.` : `No expenses ${when}.`;
    return [head, s.note].filter(Boolean).join('\n');
  }
  const money = moneyText(s.totals, s.currency);
  let head: string;
  if (s.op === 'count') head = `${plural(count, 'time')}${s.what ? ` for ${s.what}` : ''} ${when} · ${money} in all`;
  else if (s.op === 'list') head = `${plural(count, 'expense')}${on} ${when} · ${money}`;
  else head = `${money}${on} ${when} · ${plural(count, 'expense')}`;
  const lines = [head];
  if (s.note) lines.push(s.note);
  if (s.periodAssumed) lines.push(`(this month so far; say "last month" or "in December" for another period)`);
  lines.push(...detailBlock(s.rows, count, s.today, s.showAll));
  return lines.join('\n');
}

const ORDINAL_WORDS = ['', '', 'Second', 'Third', 'Fourth', 'Fifth'];

export function topReply(t: { what: string | null; period: Period | null; rows: Row[]; order: 'largest' | 'smallest'; n: number; rank?: number; today: IsoDate; note?: string | null; otherCurrencies: string[] }): string {
  const when = periodText(t.period);
  const of = t.what ? ` on ${t.what}` : '';
  if (!t.rows.length) return `No expenses${of} ${when}.`;
  const rank = t.rank ?? 1;
  const base = t.order === 'largest' ? 'Biggest' : 'Smallest';
  const word = rank > 1 ? `${ORDINAL_WORDS[rank] ?? `No. ${rank}`} ${base.toLowerCase()}` : base;
  const lines: string[] = [];
  if (t.n === 1) {
    const r = t.rows[0]!;
    lines.push(`${word} expense${of} ${when}: ${formatMoney(r.amountMinor, r.currency)} · ${r.item ?? r.merchant ?? r.category} · ${formatDay(r.date, t.today)}`);
  } else {
    lines.push(`${t.order === 'largest' ? 'Top' : 'Smallest'} ${t.rows.length} expenses${of} ${when}:`);
    t.rows.forEach((r, i) => lines.push(rowLine(r, t.today, i + 1)));
  }
  if (t.note) lines.push(t.note);
  if (t.otherCurrencies.length) lines.push(`(ranked in ${t.rows[0]!.currency}; also spent in ${t.otherCurrencies.join(', ')})`);
  return lines.join('\n');
}

/** "Last 3 expenses on Swiggy: …" newest first; one row reads as a sentence. */
export function newestReply(n: { what: string | null; period: Period | null; rows: Row[]; totals: MoneyTotal[]; today: IsoDate; currency: string; note?: string | null }): string {
  const of = n.what ? ` on ${n.what}` : '';
  const when = n.period && (n.period.from || n.period.to) ? ` ${n.period.label}` : '';
  if (!n.rows.length) return `No expenses${of}${when}.`;
  const lines: string[] = [];
  if (n.rows.length === 1) {
    const r = n.rows[0]!;
    lines.push(`Last expense${of}${when}: ${formatMoney(r.amountMinor, r.currency)} · ${r.item ?? r.merchant ?? r.category}${r.merchant && r.item ? ` (${r.merchant})` : ''} · ${formatDay(r.date, n.today)}`);
  } else {
    lines.push(`Last ${n.rows.length} expenses${of}${when} · ${moneyText(n.totals, n.currency)}:`);
    n.rows.forEach((r, i) => lines.push(rowLine(r, n.today, i + 1)));
  }
  if (n.note) lines.push(n.note);
  return lines.join('\n');
}

export function averageReply(a: { what: string | null; period: Period | null; per: 'day' | 'week' | 'month' | 'expense'; averages: { currency: string; minor: number; total: number; units: number; count: number }[]; today: IsoDate; currency: string; periodAssumed: boolean }): string {
  const when = periodText(a.period);
  const on = a.what ? ` on ${a.what}` : '';
  if (!a.averages.length) return `No expenses${on} ${when}, so no average.`;
  const unitWord = { day: 'day', week: 'week', month: 'month', expense: 'expense' }[a.per];
  const parts = a.averages.map((x) => {
    const over = a.per === 'expense' ? `over ${plural(x.count, 'expense')}` : `over ${plural(Number(x.units.toFixed(2)), unitWord)}`;
    const per = a.per === 'expense' ? 'per expense' : `a ${unitWord}`;
    return `${formatMoney(x.minor, x.currency)} ${per}${on} ${over} ${when} (total ${formatMoney(x.total, x.currency)})`;
  });
  const lines = [parts.join('\n')];
  if (a.periodAssumed) lines.push(`(this month so far; say "last month" or "in December" for another period)`);
  return lines.join('\n');
}

export function compareReply(c: { what: string | null; sides: { label: string; totals: MoneyTotal[] }[]; currency: string }): string {
  const head = c.what ? `${c.what}: ` : '';
  const text = c.sides.map((s) => `${moneyText(s.totals, c.currency)} ${s.label}`).join(' vs ');
  const lines = [`${head}${text}`];
  // The difference only makes sense when both sides are in one currency.
  const [a, b] = c.sides;
  if (c.sides.length === 2 && a && b) {
    const cur = new Set([...a.totals, ...b.totals].map((t) => t.currency));
    if (cur.size <= 1) {
      const currency = [...cur][0] ?? c.currency;
      const x = a.totals[0]?.minor ?? 0, y = b.totals[0]?.minor ?? 0;
      if (x !== y) {
        const diff = Math.abs(x - y);
        lines.push(`${formatMoney(diff, currency)} more ${x > y ? a.label : b.label}`);
      } else lines.push('The same both times.');
    }
  }
  return lines.join('\n');
}

export function breakdownReply(b: { what: string | null; period: Period | null; by: string; groups: (Group & { label: string })[]; totals: MoneyTotal[]; currency: string; showAll: boolean; periodAssumed: boolean }): string {
  const when = periodText(b.period);
  const on = b.what ? ` on ${b.what}` : '';
  if (!b.groups.length) return `No expenses${on} ${when}.`;
  const lines = [`${moneyText(b.totals, b.currency)}${on} ${when}, by ${b.by}:`];
  const totalBy = new Map(b.totals.map((t) => [t.currency, t.minor]));
  const cap = b.showAll ? SHOW_ALL_LINES : DETAIL_LINES;
  for (const g of b.groups.slice(0, cap)) {
    const all = totalBy.get(g.currency) ?? 0;
    const pct = all > 0 ? ` (${Math.round((g.minor / all) * 100)}%)` : '';
    lines.push(`• ${g.label} ${formatMoney(g.minor, g.currency)}${pct}`);
  }
  if (b.groups.length > cap) lines.push(`…and ${b.groups.length - cap} more — say 'show all'`);
  if (b.periodAssumed) lines.push(`(this month so far)`);
  return lines.join('\n');
}

export function kindsReply(k: { what: string | null; period: Period | null; kinds: { label: string; count: number; totals: { currency: string; minor: number }[] }[]; totals: MoneyTotal[]; currency: string }): string {
  const when = periodText(k.period);
  const count = k.totals.reduce((a, t) => a + t.count, 0);
  if (!count) return `Nothing${k.what ? ` on ${k.what}` : ''} ${when}.`;
  const kinds = k.kinds.slice(0, 12).map((x) => `${x.label} ×${x.count} (${x.totals.map((t) => formatMoney(t.minor, t.currency)).join(' + ')})`);
  const more = k.kinds.length > 12 ? `, and ${k.kinds.length - 12} more kinds` : '';
  return `${k.what ?? 'Expenses'} ${when}: ${kinds.join(', ')}${more}\n${plural(count, 'expense')} · ${moneyText(k.totals, k.currency)}`;
}

export function unknownReply(unknown: { phrase: string; suggestions: string[] }[]): string {
  return unknown
    .map((u) => {
      const tail = u.suggestions.length ? ` Did you mean ${u.suggestions.map((s) => `"${s}"`).join(', ')}?` : ' Try a category (food, transport…) or a shop name.';
      return `I don't know what "${u.phrase}" covers yet, and none of your expenses mention it.${tail}`;
    })
    .join('\n');
}

export function cannotAnswerReply(): string {
  return [`I can't answer that yet. I can answer things like:`, ...EXAMPLES.map((e) => `• "${e}"`)].join('\n');
}
