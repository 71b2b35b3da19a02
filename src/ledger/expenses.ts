/**
 * @module ledger/expenses
 * The expense repository port: what munshi needs from the store of expenses, in its own types.
 * The SQLite adapter (ledger/sqlite/expenses.ts) and the in-memory fake (ledger/memory.ts) both
 * implement it and pass the same contract test. Recording is idempotent per (message id, part):
 * the same WhatsApp message never records twice.
 */
import type { IsoDate } from '../core/dates.js';
import type { Primary } from '../core/primaries.js';
import type { Expense, ExpenseDraft, Source, UnderstoodBy } from '../core/types.js';

export interface RecordMeta {
  owner: string;
  source: Source;
  messageId: string | null;
  understoodBy?: UnderstoodBy;
  /** ISO timestamp for created/updated. */
  now: string;
}

export type ExpensePatch = Partial<Pick<ExpenseDraft, 'amountMinor' | 'currency' | 'category' | 'detail' | 'item' | 'merchant' | 'note' | 'date'>>;

/** What budgets count against: one owner, one currency, a date range, optionally one category. */
export interface SpendFilter {
  owner: string;
  currency: string;
  from: IsoDate;
  to: IsoDate;
  category?: Primary | null;
  detail?: string | null;
}

export interface ExpenseRepository {
  /**
   * Records the expenses understood from one message in one transaction. When the message was
   * already recorded (a redelivery, a replay after reconnect, a restart mid-way) the stored rows
   * come back with duplicate: true and nothing new is written.
   */
  record(drafts: ExpenseDraft[], meta: RecordMeta): Promise<{ expenses: Expense[]; duplicate: boolean }>;
  get(id: number): Promise<Expense | null>;
  /** The owner's most recent live expenses, newest first. */
  recent(owner: string, limit: number): Promise<Expense[]>;
  /** Undo is a soft delete; returns how many live rows it removed. */
  softDelete(ids: number[], now: string): Promise<number>;
  update(id: number, patch: ExpensePatch, now: string): Promise<Expense | null>;
  /** Live expenses (all owners when owner is omitted). */
  count(owner?: string): Promise<number>;
  /** Every live expense in a date range (inclusive), oldest first, for export and summaries. */
  between(opts: { owner?: string; from?: IsoDate; to?: IsoDate }): Promise<Expense[]>;
  /** The owner's earliest live expense date. */
  firstDate(owner: string): Promise<IsoDate | null>;
  /**
   * Owners with a live expense dated in a range. `recordedBy` keeps only rows that existed at that
   * instant (a backdated entry typed days later does not summon a stale summary).
   */
  owners(opts: { from: IsoDate; to: IsoDate; recordedBy?: Date }): Promise<string[]>;
  /** The exact SUM in minor units of every live row matching the filter. */
  spent(f: SpendFilter): Promise<number>;
  /** The distinct item and merchant texts of live rows (what semantic memory embeds). */
  distinctTexts(): Promise<{ items: string[]; merchants: string[] }>;
}

/** The lower-cased "item merchant note" text that concept and word filters read. */
export function searchTextOf(d: Pick<ExpenseDraft, 'item' | 'merchant' | 'note'>): string {
  return [d.item, d.merchant, d.note].filter(Boolean).join(' ').toLowerCase();
}
