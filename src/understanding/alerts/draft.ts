/**
 * @module understanding/alerts/draft
 * From an Alert to what munshi does with it: the expense a debit records (categorized from the
 * payee, dated by the alert), the key that recognises the same alert forwarded again, whether an
 * expense the owner typed is probably this payment, and the Understanding every other reader
 * (the `parse` command, the evaluation) sees. Pure.
 */
import { addDays, type IsoDate } from '../../core/dates.js';
import type { Expense, ExpenseDraft } from '../../core/types.js';
import * as categories from '../../categories/index.js';
import type { CategoryOverride } from '../../ledger/preferences.js';
import { fold } from '../../language/normalize.js';
import type { OtherKind, Understanding } from '../types.js';
import type { Alert, AlertKind } from './types.js';

export interface AlertDraftContext {
  today: IsoDate;
  overrides?: ReadonlyMap<string, CategoryOverride>;
  /** The owner's locale pack regions, so a payee is read with that region's lexicon (default en-IN's). */
  regions?: readonly string[];
}

/**
 * The expense a debit alert records; null without an amount.
 * e.g. alertExpense({ kind: 'debit', amountMinor: 45800, currency: 'INR', counterparty: 'Swiggy', date: '2026-03-02', … }, { today })
 *   → { amountMinor: 45800, currency: 'INR', category: 'food', detail: 'delivery', merchant: 'Swiggy', date: '2026-03-02', … }
 */
export function alertExpense(a: Alert, ctx: AlertDraftContext): ExpenseDraft | null {
  if (a.amountMinor === null || a.amountMinor <= 0 || !a.currency) return null;
  const item = a.item ?? null;
  const cat = a.counterparty || item ? categories.categorize({ item, merchant: a.counterparty }, ctx.overrides, ctx.regions) : { primary: 'other' as const, detail: null };
  const raw = a.counterpartyRaw && fold(a.counterpartyRaw) !== fold(a.counterparty ?? '') ? a.counterpartyRaw : null;
  return {
    amountMinor: a.amountMinor, currency: a.currency, category: cat.primary, detail: cat.detail,
    item, merchant: a.counterparty, note: raw, date: a.date ?? ctx.today,
  };
}

/** Cash out of an ATM, as the expense the owner may choose to note. */
export function cashExpense(a: Alert, ctx: AlertDraftContext): ExpenseDraft | null {
  if (a.amountMinor === null || a.amountMinor <= 0 || !a.currency) return null;
  return { amountMinor: a.amountMinor, currency: a.currency, category: 'other', detail: null, item: 'cash', merchant: null, note: 'ATM withdrawal', date: a.date ?? ctx.today };
}

/**
 * What recognises this payment when its alert comes again: the bank's reference when printed,
 * else amount, date, account and payee (then `strong` is false: two equal payments the same day
 * are possible, so a match is asked about, not dropped).
 */
export function alertKey(a: Alert, today: IsoDate): { key: string; strong: boolean } {
  if (a.ref) return { key: `alert:ref:${fold(a.ref).replace(/[^a-z0-9]/g, '')}`, strong: true };
  const who = fold(a.counterparty ?? '').replace(/[^\p{L}\p{N}]/gu, '');
  return { key: `alert:${a.kind}:${a.amountMinor ?? ''}${a.currency ?? ''}:${a.date ?? today}:${a.account ?? ''}:${who}`, strong: false };
}

/**
 * Whether an expense the owner recorded by hand is probably the payment an alert reports: same
 * amount and currency, dated the alert's day or one day either side, and a payee that does not
 * contradict it ("swiggy 458" or "dinner 458" match Swiggy's ₹458; "petrol 458" does not).
 */
export function sameAsTyped(draft: ExpenseDraft, e: Pick<Expense, 'amountMinor' | 'currency' | 'date' | 'item' | 'merchant' | 'category'>): boolean {
  if (e.amountMinor !== draft.amountMinor || e.currency !== draft.currency) return false;
  if (e.date < addDays(draft.date, -1) || e.date > addDays(draft.date, 1)) return false;
  const names = [e.merchant, e.item].filter((x): x is string => !!x).map(key);
  const payee = draft.merchant ? key(draft.merchant) : '';
  if (payee && names.some((n) => n && (n.includes(payee) || payee.includes(n)))) return true;
  // Nothing to compare by name: categories decide, and an unknown payee contradicts nothing.
  return draft.category === 'other' || e.category === 'other' || e.category === draft.category;
}

function key(s: string): string {
  return fold(s).replace(/[^\p{L}\p{N}]/gu, '');
}

const OTHER_OF: Record<Exclude<AlertKind, 'debit'>, OtherKind> = {
  credit: 'income', refund: 'refund', reversal: 'refund', cashback: 'refund', otp: 'note', failed: 'negated',
  mandate: 'plan', upcoming: 'plan', due: 'note', balance: 'balance', promo: 'note', request: 'transfer',
  self_transfer: 'transfer', card_payment: 'transfer', atm: 'transfer',
};

/**
 * The alert as an Understanding, for readers that only know those (the `parse` command).
 * A debit is an expense; everything else records nothing.
 */
export function alertUnderstanding(a: Alert, ctx: AlertDraftContext): Understanding {
  if (a.kind === 'debit') {
    const e = alertExpense(a, ctx);
    if (e) return { intent: 'add_expense', expenses: [e], confidence: a.confidence };
    return {
      intent: 'incomplete', missing: 'amount', confidence: a.confidence,
      partial: { amountMinor: null, currency: a.currency ?? '', category: 'other', detail: null, item: null, merchant: a.counterparty, note: null, date: a.date ?? ctx.today },
    };
  }
  return { intent: 'other', kind: OTHER_OF[a.kind], confidence: a.confidence };
}
