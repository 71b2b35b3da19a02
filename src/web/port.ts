/**
 * @module web/port
 * What the web page needs from storage, in munshi's terms: sign-in secrets and sessions
 * (`WebAuthRepository`), and the expense table a person browses, filters, edits and exports
 * (`ExpenseTable`). SQLite adapters in web/sqlite/, in-memory fakes in web/memory.ts; both pass
 * the same contract test (web/web.medium.test.ts).
 */
import type { IsoDate } from '../core/dates.js';
import type { Expense, Source } from '../core/types.js';

/** A signed-in browser. The token itself is never stored: only its SHA-256. */
export interface WebSession {
  tokenHash: string;
  owner: string;
  /** The double-submit token every write must carry. */
  csrf: string;
  /** May see the whole appliance (pairing, backups): the owner of a self-mode box, or a CLI password. */
  admin: boolean;
  createdAt: string;
  expiresAt: string;
}

/** A one-time sign-in secret sent to a person's WhatsApp chat: a 6-digit code and a link token. */
export interface LoginCode {
  id: number;
  owner: string;
  codeHash: string;
  linkHash: string;
  admin: boolean;
  expiresAt: string;
  usedAt: string | null;
  attempts: number;
}

export interface WebAuthRepository {
  addCode(c: Omit<LoginCode, 'id' | 'usedAt' | 'attempts'>, now: string): Promise<void>;
  /** Live (unused, unexpired) codes whose code or link hash matches. */
  findCode(by: { codeHash?: string; linkHash?: string }, now: string): Promise<LoginCode | null>;
  /** Marks a code used; false when it was already used (two browsers racing on one code). */
  useCode(id: number, now: string): Promise<boolean>;
  /** Whether anybody ever signed in or a password exists (the first start sends a code unasked). */
  everUsed(owner: string): Promise<boolean>;

  addSession(s: WebSession): Promise<void>;
  session(tokenHash: string, now: string): Promise<WebSession | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessions(owner: string): Promise<void>;

  password(owner: string): Promise<string | null>;
  setPassword(owner: string, hash: string, now: string): Promise<void>;
}

export type SortKey = 'date' | 'amount' | 'category' | 'item' | 'merchant' | 'created';

export interface TableFilter {
  owner: string;
  /** Words to find in item, merchant or note (case-insensitive substring). */
  q?: string;
  from?: IsoDate;
  to?: IsoDate;
  category?: string;
  currency?: string;
  source?: Source;
}

export interface TablePage {
  rows: Expense[];
  /** How many rows match the filter (all pages). */
  total: number;
  /** Exact sums per currency over every matching row, in minor units. */
  totals: { currency: string; amountMinor: number; count: number }[];
}

export interface ExpenseTable {
  page(f: TableFilter, o: { sort: SortKey; desc: boolean; offset: number; limit: number }): Promise<TablePage>;
  /** Every matching row (export), oldest first, in batches read one at a time as the consumer pulls. */
  batches(f: TableFilter): AsyncIterable<Expense[]>;
  /** Sums by category over a filter (insights). */
  byCategory(f: TableFilter): Promise<{ category: string; currency: string; amountMinor: number; count: number }[]>;
  /** Brings soft-deleted rows of this owner back (the page's undo); returns how many. */
  restore(owner: string, ids: number[], now: string): Promise<number>;
  /** Erases everything stored for an owner, for good (typed confirmation on the page). */
  eraseOwner(owner: string): Promise<{ expenses: number }>;
  /** A consistent copy of the whole SQLite file, taken while munshi runs; null for in-memory ledgers. */
  backup(toFile: string): Promise<boolean>;
}
