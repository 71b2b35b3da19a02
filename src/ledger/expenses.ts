/**
 * @module ledger/expenses
 * The expense repository port: what munshi needs from the store of expenses, in its own types.
 * The SQLite adapter (ledger/sqlite/expenses.ts) and the in-memory fake (ledger/memory.ts) both
 * implement it and pass the same contract test. Recording is idempotent per (message id, part):
 * the same WhatsApp message never records twice.
 */
import { createHash } from 'node:crypto';
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
  /**
   * What makes the message's content unique beyond its message id: a forwarded alert's reference
   * (or amount, date and account). A live expense of the owner with the same key means the same
   * payment again: nothing is written and the stored rows come back with duplicate: true.
   */
  sourceKey?: string | null;
  /** The identity an imported row brings from an export file (one-draft messages only). */
  uid?: string | null;
}

/** What a command message did to the ledger, kept with its message id (see commandEffect). */
export interface CommandEffect {
  kind: 'delete' | 'edit';
  expenseIds: number[];
}

/** One record of an import file. */
export interface ImportItem {
  draft: ExpenseDraft;
  /** The row identity the file carries (an export of munshi's), or null (a bank's file, an old export). */
  uid: string | null;
  /**
   * Without uid: the how-many-th record with this same content (date, amount, currency, item,
   * merchant, note) in the file, from 1. Two identical rows in one file are two expenses; a
   * re-import of the file recognises both.
   */
  occurrence: number;
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
   * come back with duplicate: true and nothing new is written. So does a live expense of the owner
   * recorded under the same `sourceKey` (the same bank alert forwarded again).
   */
  record(drafts: ExpenseDraft[], meta: RecordMeta): Promise<{ expenses: Expense[]; duplicate: boolean }>;
  get(id: number): Promise<Expense | null>;
  /** The owner's most recent live expenses, newest first. */
  recent(owner: string, limit: number): Promise<Expense[]>;
  /**
   * Undo is a soft delete; returns how many live rows it removed. With `messageId` (the command's
   * message) the effect is recorded in the same transaction, and a second call for the same message
   * (a replay after a crash) changes nothing and returns 0.
   */
  softDelete(ids: number[], now: string, messageId?: string | null): Promise<number>;
  /**
   * Changes one expense. With `messageId`, once per (message, expense), recorded in the same
   * transaction: a replay of the message leaves a row it already changed as it is (a relative edit
   * is not applied twice) and still changes the ones a crash left unchanged.
   */
  update(id: number, patch: ExpensePatch, now: string, messageId?: string | null): Promise<Expense | null>;
  /**
   * What the command in this message already did (softDelete/update with its messageId), or null. A
   * 'delete' effect means: do not run the command again (its targets have moved on), answer from this.
   */
  commandEffect(messageId: string): Promise<CommandEffect | null>;
  /**
   * Imports records in one transaction, each once: a record is already present when its uid is in
   * the ledger (deleted rows too: a deletion sticks), when the same file record was imported before,
   * or (without uid) when the ledger holds its content at least `occurrence` times.
   */
  importBatch(items: ImportItem[], meta: { owner: string; now: string }): Promise<{ added: number; present: number }>;
  /** Retention: forgets command effects applied before `before` (their messages have left the inbox). */
  forgetCommandEffects(before: string): Promise<number>;
  /** Live expenses (all owners when owner is omitted). */
  count(owner?: string): Promise<number>;
  /** Every live expense in a date range (inclusive), oldest first, for export and summaries. */
  between(opts: { owner?: string; from?: IsoDate; to?: IsoDate }): Promise<Expense[]>;
  /**
   * The same rows as `between`, in the same order, handed to `visit` one at a time and read a page
   * (`pageSize` rows, default 1000) at a time, so a caller that only aggregates holds one page, not
   * the range: a summary over a range of 20,000 rows kept them all live at once. Resolves with the count.
   */
  eachBetween(opts: { owner?: string; from?: IsoDate; to?: IsoDate; pageSize?: number }, visit: (e: Expense) => void): Promise<number>;
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

/**
 * The message id an imported record is stored under: its uid's, or one made of its content and
 * occurrence, so the same file record maps to the same id however often it is imported.
 */
export function importMessageId(owner: string, it: ImportItem): string {
  if (it.uid) return `import:${it.uid}`;
  const d = it.draft;
  const content = JSON.stringify([owner, d.date, d.amountMinor, d.currency, d.item, d.merchant, d.note]);
  return `import:${createHash('sha256').update(content).digest('hex').slice(0, 24)}:${it.occurrence}`;
}

/** A uid as files may carry it: 8–64 letters, digits, dashes or underscores; anything else is ignored. */
export function cleanUid(v: unknown): string | null {
  return typeof v === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(v.trim()) ? v.trim() : null;
}
