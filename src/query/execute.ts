/**
 * @module query/execute
 * What running a resolved plan over the ledger means, without saying how: the port the query
 * engine reads through (ExpenseQueries: every live row of the asking owner that matches, never the
 * nearest few) and the pure arithmetic over its results. Sums are integer minor units grouped by
 * currency. The SQLite adapter is query/sqlite/ (SQL aggregates where SQL decides exactly, FTS5 and
 * instr() pre-filters decided row by row with match.ts); the in-memory fake is query/memory.ts.
 */
import { daysBetween, type IsoDate } from '../core/dates.js';
import { normTerm, type Matcher } from './match.js';
import type { Period } from './types.js';

export interface ExecContext {
  owner: string;
  /** The owner's local date, for "this month" ends and all-time averages. */
  today: IsoDate;
  /** Rankings use this currency when the question names none. */
  defaultCurrency: string;
}

/** Filters after subjects were resolved: every group must match (AND); a group matches when any of its matchers does. */
export interface ResolvedFilters {
  groups: Matcher[][];
  /** Rows matching any of these are left out. */
  exclude?: Matcher[];
  minAmount: number | null;
  maxAmount: number | null;
  currency: string | null;
}

export interface Row {
  id: number;
  date: string;
  amountMinor: number;
  currency: string;
  category: string;
  detail: string | null;
  item: string | null;
  merchant: string | null;
  note: string | null;
}

export interface MoneyTotal {
  currency: string;
  minor: number;
  count: number;
}

export interface Group {
  key: string;
  currency: string;
  minor: number;
  count: number;
}

export type GroupKey = 'currency' | 'category' | 'merchant' | 'date' | 'item' | 'detail';

/** The matching rows of one period under one set of filters, read as totals, groups or rows. */
export interface Selection {
  readonly period: Period;
  /** Sum and count per currency, biggest count first. */
  totals(): Promise<MoneyTotal[]>;
  /** Sums grouped by a key (and currency), biggest first. */
  groups(key: GroupKey): Promise<Group[]>;
  /** Matching rows, oldest first (or newest, or by amount), optionally one currency only, with a cap. */
  rows(opts?: RowOptions): Promise<Row[]>;
  /** The earliest matching date (for all-time averages). */
  firstDate(): Promise<IsoDate | null>;
}

export interface RowOptions {
  order?: 'date' | 'newest' | 'largest' | 'smallest';
  limit?: number | null;
  offset?: number;
  currency?: string | null;
}

/**
 * The query repository: everything the query engine reads from the ledger. Subject resolution
 * asks the cheap existence questions; a Selection computes the numbers over every matching row.
 */
export interface ExpenseQueries {
  select(ctx: ExecContext, period: Period, filters: ResolvedFilters): Selection;
  /** A merchant of the owner's live rows spelled as one of `variants` (exact), or null. */
  knownMerchant(owner: string, variants: string[]): Promise<string | null>;
  /** Every merchant name in the owner's rows. */
  merchants(owner: string): Promise<string[]>;
  /** Does any live row of the owner mention one of the word forms, on word boundaries (match.ts)? */
  literalExists(owner: string, forms: string[]): Promise<boolean>;
  /** Whole words of the owner's live rows that begin with a 4+ letter word; empty when more than a few. */
  wordsStartingWith(owner: string, prefix: string): Promise<string[]>;
}

/** Per-currency totals from any grouping (saves a second pass over the period). */
export function totalsOf(groups: Group[]): MoneyTotal[] {
  const m = new Map<string, MoneyTotal>();
  for (const g of groups) {
    const t = m.get(g.currency) ?? { currency: g.currency, minor: 0, count: 0 };
    t.minor += g.minor;
    t.count += g.count;
    m.set(g.currency, t);
  }
  return [...m.values()].sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency));
}

/**
 * An FTS5 query that matches exactly the rows compileMatcher accepts for a matcher of plain words
 * only (no categories, shops, names or modifiers; each term one run of a–z letters): the index's
 * tokens are the runs of letters and digits, so a whole token equals a word-boundary match (an
 * accented spelling folds to the same word, which the index counts too), and
 * the plural endings compileMatcher allows ("s", "es") are listed. null when the matcher is more.
 * e.g. {terms:['hotstar']} → '"hotstar" OR "hotstars" OR "hotstares"'
 */
export function ftsExactQuery(m: Matcher): string | null {
  if (m.categories.length || m.merchants.length || m.names?.length || m.also?.length || !m.terms.length) return null;
  const terms = [...new Set(m.terms.map(normTerm))];
  if (!terms.every((t) => /^[a-z]{2,}$/.test(t))) return null;
  return terms.flatMap((t) => [t, `${t}s`, `${t}es`]).map((t) => `"${t}"`).join(' OR ');
}

/**
 * An FTS5 query that finds every row a word list could match: each word or phrase as a quoted
 * phrase with its last token as a prefix (so plurals come too). e.g. ['mountain dew'] → '"mountain dew" *'
 */
export function ftsQuery(words: string[]): string | null {
  // "7up" is one token but "7 up" two: ask for both spellings.
  const spellings = words.flatMap((w) => {
    const split = w.replace(/(\p{N})(\p{L})/gu, '$1 $2').replace(/(\p{L})(\p{N})/gu, '$1 $2');
    return split === w ? [w] : [w, split];
  });
  const phrases = spellings
    .map((w) => w.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean))
    .filter((tokens) => tokens.length > 0)
    .map((tokens) => `"${tokens.join(' ')}" *`);
  return phrases.length ? [...new Set(phrases)].join(' OR ') : null;
}

/** Units an average divides by: calendar days, weeks (days/7) or months touched, in a period. */
export function averageUnits(per: 'day' | 'week' | 'month', from: IsoDate, to: IsoDate): number {
  const days = daysBetween(from, to) + 1;
  if (per === 'day') return days;
  if (per === 'week') return days / 7;
  const months = (Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7))) - (Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7))) + 1;
  return months;
}

/** An exact average in minor units, rounded half up to the currency's minor unit. */
export function averageMinor(totalMinor: number, units: number): number {
  return Math.round(totalMinor / units);
}

/** The distinct whole words starting with `p` (and longer than it) in some texts; none when more than three. */
export function wordsBeginning(texts: string[], p: string): string[] {
  const found = new Set<string>();
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${p}\\p{L}+`, 'gu');
  for (const t of texts) for (const m of t.matchAll(re)) found.add(m[0]);
  return found.size <= 3 ? [...found] : [];
}
