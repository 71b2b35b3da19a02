/**
 * @module language/money/types
 * What the money grammar says about the numbers of a message. Every span is a token range
 * [start, end) of the tagged message. A number is read as money, a quantity, a label (a number that
 * names a thing), part of a rate, a vague amount, or a bad amount; one number may carry several
 * readings (money and a count), and the reader of expenses or questions picks among them.
 */

/** An amount of money as written. */
export interface MoneyReading {
  start: number;
  end: number;
  /** Integer minor units of `currency`. For a rate with a known count, the total (count × each). */
  minor: number;
  currency: string;
  /** A currency symbol, code, name or hundredth was written with the number. */
  currencyWritten: boolean;
  /** digits "1,250"; words "do hazaar", "a hundred and twenty"; spoken "ten fifty"; slang "a fiver". */
  form: 'digits' | 'words' | 'spoken' | 'slang';
  /** "around 500", "~500", "500ish". */
  approx: boolean;
  /** How sure the grammar is that this is money (0..1): a currency raises it, a label cue lowers it. */
  score: number;
  /** Other amounts the same words may mean, each less likely; one within 0.15 of `score` is truly ambiguous. */
  alternatives?: { minor: number; currency: string; score: number }[];
  /** Set when the amount is a rate times a count ("2x190", "3 @ 40", "15 each x 4"). */
  rate?: { eachMinor: number; count: number };
}

/** A count of things, with its unit when one is written ("3 months", "2 plates", "x4"). */
export interface QuantityReading {
  start: number;
  end: number;
  count: number;
  /** The unit as written (folded), or null for a bare count. */
  unit: string | null;
  /** The unit's kind from the vocabulary: mass, volume, count, container, serving, ticket, person, time, distance. */
  unitKind: string | null;
  score: number;
}

/**
 * A number that labels a thing and is never an amount: ref (order #, invoice, txn), store, place
 * (room, flat, seat, gate, table, platform), route, flight, card, phone, code (OTP, PIN, ZIP), street,
 * model, year, percent, id (a long digit run), time (a clock time) or date (a written date, "3rd").
 * Time and date spans are the time grammar's to read; they are exposed here so no reader prices them.
 */
export interface LabelReading {
  start: number;
  end: number;
  kind: string;
  /** How sure the grammar is that this number is a label. */
  score: number;
  /** The label word that says so ("order #", "card ending", "room"), when one is written: never an item. */
  cue?: { start: number; end: number };
}

export interface RateReading {
  start: number;
  end: number;
  /** The price of one (or of one unit). */
  each: MoneyReading;
  /** How many, when written; null when only the rate is ("50 per kg"). */
  count: number | null;
  /** The unit the rate is per ("kg", "day"), if any. */
  unit?: string | null;
}

export type BadWhy = 'zero' | 'negative' | 'too_large' | 'malformed';

export interface NumberAnalysis {
  money: MoneyReading[];
  quantities: QuantityReading[];
  labels: LabelReading[];
  rates: RateReading[];
  /** "a couple hundred", "a few bucks", "some money", "500-600": talk of money that is no amount; a written range keeps its ends (minor units). */
  vague: { start: number; end: number; range?: { lo: number; hi: number; currency: string } }[];
  bad: { start: number; end: number; why: BadWhy }[];
}
