/**
 * @module ledger/io/records
 * The interchange record used by import, export and the evaluation:
 * {date, amount (major units), currency, category ("primary" or "primary/detail"), item, merchant, note, uid}.
 * `uid` is the row's stable identity: an export carries it, so importing the export again (into the
 * same ledger, in any order) recognises every row; files from elsewhere leave it empty.
 * Validation here is the gate between outside files and the ledger.
 */
import { z } from 'zod';
import { KNOWN_CURRENCIES, MAX_MAJOR_AMOUNT, toMajor, toMinor } from '../../core/money.js';
import { isIsoDate } from '../../core/dates.js';
import { parseCategoryPath, type Primary } from '../../categories/taxonomy.js';
import type { Expense, ExpenseDraft } from '../../core/types.js';

const text = z
  .string()
  // Control characters go, except a newline (a multi-line note), so an exported row reads back as it was.
  .transform((s) => s.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ').trim().slice(0, 200))
  .nullish()
  .transform((s) => (s ? s : null));

export const recordSchema = z.object({
  date: z.string().refine(isIsoDate, 'date must be YYYY-MM-DD'),
  amount: z.union([z.number(), z.string()]).transform((v, ctx) => {
    const n = typeof v === 'number' ? v : Number(String(v).replace(/[,\s]/g, ''));
    if (!Number.isFinite(n) || n <= 0 || n > MAX_MAJOR_AMOUNT) {
      ctx.addIssue({ code: 'custom', message: 'amount must be a positive number' });
      return z.NEVER;
    }
    return n;
  }),
  currency: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .refine((c) => KNOWN_CURRENCIES.has(c), 'unknown currency code'),
  category: z.string().nullish(),
  item: text,
  merchant: text,
  note: text,
});

/** The taxonomy detail a file's own detail words name within the same primary, or null. */
function namedDetail(path: string, primary: Primary, categorize: Categorizer, currency: string): { primary: Primary; detail: string | null } | null {
  const words = path.split('/').slice(1).join(' ').replace(/[_-]+/g, ' ').trim();
  if (!words) return null;
  const c = categorize({ item: words, merchant: null, currency });
  return c.primary === primary && c.detail ? c : null;
}

export type ExchangeRecord = z.input<typeof recordSchema>;

export interface Categorizer {
  /** currency: the row's own, for a file that says nothing else of where it was spent. */
  (input: { item: string | null; merchant: string | null; context?: string; currency?: string }): { primary: Primary; detail: string | null };
}

/** Validates one outside record into a draft; categorizes when the category is missing or unknown. */
export function recordToDraft(raw: unknown, categorize: Categorizer): { ok: true; draft: ExpenseDraft } | { ok: false; error: string } {
  const r = recordSchema.safeParse(raw);
  if (!r.success) return { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ') };
  const v = r.data;
  let cat = v.category ? parseCategoryPath(v.category) : null;
  if (!cat) {
    const c = categorize({ item: v.item, merchant: v.merchant, context: v.note ?? undefined, currency: v.currency });
    cat = { primary: c.primary, detail: c.detail };
  } else if (!cat.detail) {
    // Keep the given primary, but learn a detail when the categorizer agrees on the primary. A
    // detail the file names in its own words ("food/fast food", "transport/transit") is read as a
    // category name first: the file's filing says more than a guess from the item ("chicken
    // fingers" filed under fast food is not groceries).
    const named = namedDetail(v.category!, cat.primary, categorize, v.currency);
    const c = named ?? categorize({ item: v.item, merchant: v.merchant, context: v.note ?? undefined, currency: v.currency });
    if (c.primary === cat.primary) cat = { primary: c.primary, detail: c.detail };
  }
  return {
    ok: true,
    draft: {
      amountMinor: toMinor(String(v.amount), v.currency),
      currency: v.currency,
      category: cat.primary,
      detail: cat.detail,
      item: v.item,
      merchant: v.merchant,
      note: v.note,
      date: v.date,
    },
  };
}

export function expenseToRecord(e: Expense) {
  return {
    date: e.date,
    amount: toMajor(e.amountMinor, e.currency),
    currency: e.currency,
    category: e.detail ? `${e.category}/${e.detail}` : e.category,
    item: e.item,
    merchant: e.merchant,
    note: e.note,
    uid: e.uid ?? null,
  };
}

export const RECORD_COLUMNS = ['date', 'amount', 'currency', 'category', 'item', 'merchant', 'note', 'uid'] as const;

/**
 * A CSV export's columns: an expense's, then `kind` and `key` for the owner's category corrections,
 * which follow the expenses as rows of their own (kind "override", key the item or shop, category
 * the level the owner named; the expense columns empty). Expense rows leave both empty.
 */
export const CSV_COLUMNS = [...RECORD_COLUMNS, 'kind', 'key'] as const;
