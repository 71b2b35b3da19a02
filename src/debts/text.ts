/**
 * @module debts/text
 * The words munshi says about shared money: short, the amount in the owner's locale, the balance
 * after every change. Pure.
 */
import { formatMoney } from '../core/money.js';
import { formatDay, relativeDay } from '../core/dates.js';
import type { OwnerSettings } from '../core/types.js';
import type { SplitReading } from '../understanding/shares/read.js';
import type { Balance, Debt, DebtKind } from './repo.js';
import type { Payment } from './settle.js';

type Loc = Pick<OwnerSettings, 'locale'>;
const m = (minor: number, currency: string, s: Loc): string => formatMoney(Math.abs(minor), currency, s.locale);

export const amount = (minor: number, currency: string, s: Loc): string => m(minor, currency, s);

/** "Rahul owes you ₹400", "you owe Dad ₹1,000 and $20", "you and Rahul are even". */
export function balanceSentence(person: string, bs: readonly Balance[], s: Loc): string {
  const theyOwe = bs.filter((b) => b.amountMinor > 0);
  const iOwe = bs.filter((b) => b.amountMinor < 0);
  const parts: string[] = [];
  if (theyOwe.length) parts.push(`${person} owes you ${theyOwe.map((b) => m(b.amountMinor, b.currency, s)).join(' and ')}`);
  if (iOwe.length) parts.push(`you owe ${person} ${iOwe.map((b) => m(b.amountMinor, b.currency, s)).join(' and ')}`);
  return parts.length ? parts.join('; ') : `you and ${person} are even`;
}

const cap = (x: string): string => x.charAt(0).toUpperCase() + x.slice(1);

const EVENT: Record<Exclude<DebtKind, 'share' | 'settled'>, (p: string, a: string) => string> = {
  owes_me: (p, a) => `${p} owes you ${a}`,
  i_owe: (p, a) => `You owe ${p} ${a}`,
  lent: (p, a) => `Lent ${a} to ${p}`,
  borrowed: (p, a) => `Borrowed ${a} from ${p}`,
  paid_back_to_me: (p, a) => `${p} paid back ${a}`,
  paid_back_by_me: (p, a) => `You paid back ${a} to ${p}`,
};

/** "📒 Lent ₹2,000 to Sunita · today\nSunita owes you ₹2,000." */
export function recordedDebt(d: Debt, after: readonly Balance[], today: string, s: Loc): string {
  const what = d.kind === 'share' || d.kind === 'settled' ? `${d.person} ${d.amountMinor > 0 ? '+' : '−'}${m(d.amountMinor, d.currency, s)}` : EVENT[d.kind](d.person, m(d.amountMinor, d.currency, s));
  return `📒 ${what} · ${relativeDay(d.date, today)}\n${cap(balanceSentence(d.person, after, s))}. (not spending; "undo" removes it)`;
}

export function settled(person: string, cleared: readonly Debt[], s: Loc): string {
  if (!cleared.length) return `🤝 You and ${person} were already even.`;
  const was = cleared.map((d) => (d.amountMinor < 0 ? `${person} owed you ${m(d.amountMinor, d.currency, s)}` : `you owed ${person} ${m(d.amountMinor, d.currency, s)}`));
  return `🤝 Settled up with ${person} (${was.join(', ')}). You're even now.`;
}

export const NOT_AN_EXPENSE = 'That was a debt, not an expense: say "undo" and write it again.';
export const SPLIT_CORRECTION = 'That was a split: say "undo" and write it again with the new amount.';

export function askAmount(person: string): string {
  return `How much does ${person} owe you? e.g. "${person} owes me 500"`;
}

export function whichPerson(name: string, options: readonly string[], owes?: string): string {
  return [`Which ${name}${owes ? ` owes you ${owes}` : ''}?`, ...options.map((o, k) => `${k + 1}. ${o}`)].join('\n');
}

export function nothingWith(person: string): string {
  return `Nothing on record with ${person}.`;
}

/** The split line after the expense's ✅: what the owner's share is and who owes what. */
export function splitLine(sp: SplitReading, named: readonly { person: string; minor: number }[], s: Loc): string {
  const total = sp.totalMinor !== null ? ` of ${m(sp.totalMinor, sp.currency, s)}` : '';
  const head = `👥 Your share${total}: ${m(sp.ownerMinor, sp.currency, s)}`;
  if (sp.payer) return `${head}. ${sp.payer} paid, so you owe ${sp.payer} ${m(sp.ownerMinor, sp.currency, s)}.`;
  const owes = named.map((n) => `${n.person} owes you ${m(n.minor, sp.currency, s)}`);
  const unnamed = sp.others.filter((o) => o.person === null && o.minor > 0);
  const tail = unnamed.length ? ` ${unnamed.length === 1 ? 'The other share is' : `The other ${unnamed.length} shares are`} not tracked; tell me who, e.g. "Rahul owes me ${m(unnamed[0]!.minor, sp.currency, s)}".` : '';
  return `${head}${owes.length ? ` · ${owes.join(' · ')}` : ''}.${tail}`;
}

export function badSplit(why: string): string {
  if (why === 'no_bill') return 'How much was the whole bill? e.g. "dinner 1200 split with Rahul and Priya"';
  return "The shares add up to more than the bill, so I didn't record it. Try e.g. \"dinner 1200, Rahul's part is 500\".";
}

/** "who owes me?" / "what do I owe?" / "udhaar list". */
export function balanceList(bs: readonly Balance[], which: 'owed_to_me' | 'i_owe' | 'all', since: ReadonlyMap<string, string | null>, today: string, s: Loc): string {
  const owed = bs.filter((b) => b.amountMinor > 0);
  const owe = bs.filter((b) => b.amountMinor < 0).sort((a, b) => a.amountMinor - b.amountMinor);
  const line = (b: Balance): string => {
    const from = since.get(`${b.personKey}\u0000${b.currency}`);
    return `• ${b.person} ${m(b.amountMinor, b.currency, s)}${from ? ` (since ${formatDay(from, today)})` : ''}`;
  };
  const totals = (xs: readonly Balance[]): string => {
    const t = new Map<string, number>();
    for (const b of xs) t.set(b.currency, (t.get(b.currency) ?? 0) + Math.abs(b.amountMinor));
    return [...t].map(([c, v]) => m(v, c, s)).join(' + ');
  };
  const out: string[] = [];
  if (which !== 'i_owe') out.push(owed.length ? [`Owed to you: ${totals(owed)}`, ...owed.map(line)].join('\n') : 'Nobody owes you anything right now.');
  if (which !== 'owed_to_me') out.push(owe.length ? [`You owe: ${totals(owe)}`, ...owe.map(line)].join('\n') : "You don't owe anyone.");
  return out.join('\n\n');
}

const KIND_WORD: Record<DebtKind, string> = {
  share: 'share', owes_me: 'owes you', i_owe: 'you owe', lent: 'lent', borrowed: 'borrowed',
  paid_back_to_me: 'paid back to you', paid_back_by_me: 'you paid back', settled: 'settled up',
};

/** "history with Ramesh": the entries, oldest first, then the balance. */
export function history(person: string, entries: readonly Debt[], bs: readonly Balance[], today: string, s: Loc, max = 15): string {
  if (!entries.length) return nothingWith(person);
  const shown = entries.slice(-max);
  const lines = shown.map((d) => `• ${formatDay(d.date, today)}: ${KIND_WORD[d.kind]} ${d.amountMinor > 0 ? '+' : '−'}${m(d.amountMinor, d.currency, s)}${d.note && d.kind === 'share' ? ` (${d.note.slice(0, 40)})` : ''}`);
  const more = entries.length > shown.length ? [`…and ${entries.length - shown.length} earlier`] : [];
  return [`With ${person} (+ they owe you, − you owe them):`, ...more, ...lines, `${cap(balanceSentence(person, bs, s))}.`].join('\n');
}

export function payments(ps: readonly (Payment & { currency: string })[], s: Loc, title: string): string {
  if (!ps.length) return `${title}: everyone is even. 🤝`;
  return [`${title}: ${ps.length} payment${ps.length === 1 ? '' : 's'}`, ...ps.map((p) => `• ${p.from} → ${p.to} ${m(p.minor, p.currency, s)}`)].join('\n');
}

export function spentBy(rows: readonly { payer: string; currency: string; amountMinor: number; count: number }[], label: string, s: Loc): string {
  if (!rows.length) return `Nothing spent ${label}.`;
  return [`Who spent what ${label}:`, ...rows.map((r) => `• ${r.payer} ${m(r.amountMinor, r.currency, s)} (${r.count} expense${r.count === 1 ? '' : 's'})`)].join('\n');
}

/** The weekly summary's reminder: "Rahul still owes you ₹500 since Mon 2 Mar". */
export function reminderLines(bs: readonly Balance[], since: ReadonlyMap<string, string | null>, today: string, s: Loc, max = 3): string[] {
  return bs
    .filter((b) => b.amountMinor > 0)
    .slice(0, max)
    .map((b) => {
      const from = since.get(`${b.personKey}\u0000${b.currency}`);
      return `${b.person} still owes you ${m(b.amountMinor, b.currency, s)}${from ? ` since ${formatDay(from, today)}` : ''}`;
    });
}

export function undone(ds: readonly Debt[], s: Loc): string {
  return `🗑️ Removed: ${ds.map((d) => `${d.person} ${d.amountMinor > 0 ? '+' : '−'}${m(d.amountMinor, d.currency, s)}`).join(', ')}`;
}
