/**
 * @module query/types
 * The shape of a planned question. A QueryPlan is plain data (JSON-safe): the rules produce it from
 * text, a local LLM may propose one (validated by plan-schema.ts), and execute.ts turns it into SQL.
 */
import type { Primary } from '../categories/taxonomy.js';
import type { IsoDate } from '../core/dates.js';

/** An inclusive range of local calendar dates; from/to null means unbounded (all time). */
export interface Period {
  from: IsoDate | null;
  to: IsoDate | null;
  /** How the reply names it: "this month", "in December", "on Fri 2 Jan", "since Mon 12 Jan". */
  label: string;
  /** Only these days of the week (0 = Sunday … 6 = Saturday): "on weekends in December", "Saturdays". */
  weekdays?: number[];
}

export interface CategoryRef {
  primary: Primary;
  /** null matches every detail of the primary. */
  detail: string | null;
}

export interface Filters {
  /** Whole categories (the user named one: "food", "health", "khane"). */
  categories: CategoryRef[];
  /**
   * Phrases resolved at execution time: a merchant in the ledger, a concept below the category
   * ("fizzy drinks", "painkillers"), or a literal item word ("tender coconut"). Several = any of them.
   */
  subjects: string[];
  /** The subjects are examples of the categories ("utilities … coned spectrum verizon etc"): a row of either counts. */
  examples?: boolean;
  /** Subjects a row must ALSO match, each of them (a follow-up "only Swiggy" narrows "food this month"). */
  within: string[];
  /** Subjects or categories a row must NOT match ("excluding rent", "without housing"). */
  exclude: string[];
  /** Minimum / maximum amount in major units, inclusive. */
  minAmount: number | null;
  maxAmount: number | null;
  /** ISO code when the question names one ("in dollars"); null = every currency, kept apart. */
  currency: string | null;
  /**
   * A place abroad the question names ("in Barcelona", "the Bali trip"), asked about through
   * `currency` (the money of the place): only the trips in that currency whose rows mention it.
   */
  place?: string;
}

export type Operation =
  | 'sum' // how much
  | 'list' // show / which
  | 'count' // how many times
  | 'top' // biggest N (order: largest) or smallest N
  | 'average' // per day / week / month / expense
  | 'compare' // two periods, or two subjects in one period
  | 'breakdown' // grouped by category / merchant / day / item
  | 'kinds'; // "what kind of soft drinks": items with counts

export interface QueryPlan {
  op: Operation;
  /** One period normally; two or more for a comparison of periods. Empty = all time. */
  periods: Period[];
  /** True when the question named no period and munshi assumed one (this month); the reply says so. */
  periodAssumed: boolean;
  filters: Filters;
  /** For 'compare' of subjects within one period: each side's filters ("food vs transport"). */
  versus: Filters[];
  averagePer: 'day' | 'week' | 'month' | 'expense' | null;
  breakdownBy: 'category' | 'merchant' | 'day' | 'item' | null;
  /** Ranking order; 'newest' with a list limit means "the last N" ("my last 3 swiggy orders"). */
  order: 'largest' | 'smallest' | 'newest';
  /** Top N, or how many rows a list shows before "and 14 more". null = the default. */
  limit: number | null;
  /** Ranks skipped before the top N: "second biggest" is offset 1, limit 1. Absent = 0. */
  offset?: number;
}

export function emptyFilters(): Filters {
  return { categories: [], subjects: [], within: [], exclude: [], minAmount: null, maxAmount: null, currency: null };
}
