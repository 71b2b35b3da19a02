/**
 * @module understanding/shares/apply
 * Applies what a message says about shared money to the rules' reading of it: a split makes the
 * owner's share the expense ("dinner 1200 split with Rahul and Priya" is ₹400 of food), the
 * amounts the split's own phrases name ("Rahul's part is 500") are never expenses of their own,
 * and a debt statement ("Ramesh owes me 500", "lent 2000 to Sunita") is no expense at all. Who
 * owes what is recorded by the debts skill after the expense is stored (src/debts). Pure.
 */
import type { LanguageContext } from '../../language/context.js';
import type { Understanding } from '../types.js';
import { readShared } from './read.js';

/** Reasons to ask that a split explains (its own numbers, "Rahul paid"). */
const EXPLAINED = new Set(['two_amounts', 'ambiguous_amount', 'maybe_not_spent']);

export function withShares(u: Understanding, text: string, lc: LanguageContext): Understanding {
  if (u.intent !== 'add_expense' && u.intent !== 'incomplete') return u;
  const r = readShared(text, lc);
  if (!r) return u;
  if (r.statement) return { intent: 'other', kind: 'transfer', confidence: 0.85 };
  if (u.intent === 'incomplete') {
    if (r.split && u.missing === 'item' && u.partial.amountMinor !== null && (r.split.totalMinor === null || r.split.totalMinor === u.partial.amountMinor)) {
      return { ...u, partial: { ...u.partial, amountMinor: r.split.ownerMinor } };
    }
    return u;
  }
  if (r.badSplit) return { ...u, ask: u.ask ?? 'two_amounts' };
  const s = r.split;
  if (!s) return u;
  const named = new Set(s.named);
  let bills = u.expenses.length > 1 ? u.expenses.filter((e) => !named.has(e.amountMinor) || e.amountMinor === s.totalMinor) : u.expenses;
  if (bills.length > 1 && s.totalMinor !== null) bills = bills.filter((e) => e.amountMinor === s.totalMinor).slice(0, 1);
  const bill = bills[0];
  if (bills.length !== 1 || !bill || bill.currency !== s.currency) return { ...u, ask: u.ask ?? 'two_amounts' };
  // The bill as written, or already the owner's share ("dinner 1500, my share was 400" reads 400).
  const fits = bill.amountMinor === s.ownerMinor || bill.amountMinor === s.totalMinor;
  if (!fits) return { ...u, ask: u.ask ?? 'two_amounts' };
  // The whole message is this expense's words (the debts skill reads the split back from the note).
  const note = text.replace(/\s+/g, ' ').trim().slice(0, 200) || bill.note;
  const out: Understanding = { ...u, expenses: [{ ...bill, amountMinor: s.ownerMinor, note }] };
  if (out.ask && EXPLAINED.has(out.ask)) delete out.ask;
  // The split's own words ("Rahul's part", "3 of us") are not an unknown thing bought when the bill names a known one.
  if (out.ask === 'unknown_item' && bill.category !== 'other') delete out.ask;
  return out;
}
