/**
 * @module debts/io
 * Debts in and out of files. CSV (`export --what debts`): one row per entry, columns
 *   date, person, entry, amount, currency, expense_uid, note, uid
 * where `entry` is the kind (share, owes_me, i_owe, lent, borrowed, paid_back_to_me,
 * paid_back_by_me, settled), `amount` is signed in major units from the owner's side (+ the person
 * owes the owner, − the owner owes them), and `expense_uid` names the expense a share belongs to (the
 * expense export's `uid`). JSON lines (the whole ledger) carry the same fields after the expenses, as
 * {"kind":"debt",…}. Importing an export again recognises every entry by its uid. Pure.
 */
import { z } from 'zod';
import { isIsoDate } from '../core/dates.js';
import { KNOWN_CURRENCIES, MAX_MAJOR_AMOUNT, toMajor, toMinor } from '../core/money.js';
import { DEBT_KINDS, type Debt, type DebtKind, type NewDebt } from './repo.js';

export const DEBT_KIND = 'debt';
export const DEBT_COLUMNS = ['date', 'person', 'entry', 'amount', 'currency', 'expense_uid', 'note', 'uid'] as const;

export interface DebtRecord {
  date: string;
  person: string;
  entry: DebtKind;
  amount: number;
  currency: string;
  expense_uid: string | null;
  note: string | null;
  uid: string;
}

export function debtToRecord(d: Debt, expenseUid: string | null): DebtRecord {
  return { date: d.date, person: d.person, entry: d.kind, amount: toMajor(d.amountMinor, d.currency), currency: d.currency, expense_uid: expenseUid, note: d.note, uid: d.uid };
}

/** Whether a parsed JSON line is a debt entry rather than an expense. */
export function isDebtRecord(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { kind?: unknown }).kind === DEBT_KIND;
}

const text = z.string().transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 200)).nullish().transform((s) => (s ? s : null));
const uid = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).nullish().transform((s) => s ?? null);

const schema = z.object({
  date: z.string().refine(isIsoDate, 'date must be YYYY-MM-DD'),
  person: z.string().transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 80)).refine((s) => s.length > 0, 'person must be a name'),
  entry: z.string().refine((k): k is DebtKind => (DEBT_KINDS as readonly string[]).includes(k), `entry must be one of ${DEBT_KINDS.join(', ')}`),
  amount: z.union([z.number(), z.string()]).transform((v, ctx) => {
    const n = typeof v === 'number' ? v : Number(String(v).replace(/[,\s]/g, ''));
    if (!Number.isFinite(n) || n === 0 || Math.abs(n) > MAX_MAJOR_AMOUNT) {
      ctx.addIssue({ code: 'custom', message: 'amount must be a non-zero number (+ they owe you, − you owe them)' });
      return z.NEVER;
    }
    return n;
  }),
  currency: z.string().transform((s) => s.trim().toUpperCase()).refine((c) => KNOWN_CURRENCIES.has(c), 'unknown currency code'),
  expense_uid: uid,
  note: text,
  uid,
});

/** Validates one outside debt record; the expense it belongs to is named by uid, resolved by the importer. */
export function recordToDebt(raw: unknown): { ok: true; debt: Omit<NewDebt, 'expenseId'>; expenseUid: string | null; uid: string | null } | { ok: false; error: string } {
  const r = schema.safeParse(raw);
  if (!r.success) return { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ') };
  const v = r.data;
  const minor = Math.sign(v.amount) * toMinor(String(Math.abs(v.amount)), v.currency);
  return { ok: true, debt: { person: v.person, kind: v.entry as DebtKind, amountMinor: minor, currency: v.currency, date: v.date, note: v.note }, expenseUid: v.expense_uid, uid: v.uid };
}
