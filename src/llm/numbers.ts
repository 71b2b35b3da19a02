/**
 * @module llm/numbers
 * The guard rails that keep model output honest about numbers: which amounts a message actually
 * contains, read by the one money grammar (language/money: digits, "1.2k", "2 lakh", "two hundred",
 * "do sau", rates and counts), and whether a rephrased reply carries exactly the numbers of the
 * computed one. Pure.
 */
import { minorDigits } from '../core/money.js';
import { analyze, type LanguageContext } from '../language/context.js';
import { readNumbers } from '../language/money/index.js';
import type { Tagged } from '../language/tagger.js';

function major(minor: number, currency: string): number {
  return Math.round((minor / 10 ** minorDigits(currency)) * 1e6) / 1e6;
}

/**
 * Every amount a message could mean, in major units, as the money grammar reads it: each money
 * reading and its close alternatives, the price of one in a rate, counts, and the ends of a written
 * range. Labels (order numbers, dates, phone numbers) are no amounts.
 * e.g. amountsInText('kal petrol 1.2k', lc) → [1200]
 */
export function amountsInText(text: string | Tagged, lc: LanguageContext): number[] {
  const t = typeof text === 'string' ? analyze(text, lc) : text;
  const n = readNumbers(t, lc);
  const out = new Set<number>();
  for (const m of n.money) {
    out.add(major(m.minor, m.currency));
    for (const a of m.alternatives ?? []) out.add(major(a.minor, a.currency));
    if (m.rate) {
      out.add(major(m.rate.eachMinor, m.currency));
      out.add(m.rate.count);
    }
  }
  for (const r of n.rates) {
    out.add(major(r.each.minor, r.each.currency));
    if (r.count !== null) out.add(r.count);
  }
  for (const q of n.quantities) out.add(q.count);
  for (const v of n.vague) {
    if (v.range) {
      out.add(major(v.range.lo, v.range.currency));
      out.add(major(v.range.hi, v.range.currency));
    }
  }
  return [...out];
}

/**
 * True when `amount` (a model's amount, in major units) is written in the message in some form.
 * e.g. amountAppears(1200, 'kal petrol 1.2k', lc) === true; amountAppears(500, 'chai 20', lc) === false
 */
export function amountAppears(amount: number, text: string | Tagged, lc: LanguageContext): boolean {
  return amountsInText(text, lc).some((v) => Math.abs(v - amount) < 0.005);
}

/** The numbers written as figures in a text ("₹1,250.50" → 1250.5; "13 Jan" → 13). */
export function numbersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\d+(?:[,.]\d+)*/g)) {
    let s = m[0];
    // A trailing ".dd" is a decimal part; every comma is grouping (Indian 1,00,000 or 1,000,000).
    const dec = /\.(\d+)$/.exec(s);
    s = dec ? s.slice(0, -dec[0].length).replace(/[,.]/g, '') + dec[0] : s.replace(/[,.]/g, '');
    const n = Number(s);
    if (Number.isFinite(n)) out.push(n);
  }
  return out;
}

/**
 * True when two texts carry the same set of numbers: a model's rephrasing of a reply is kept only
 * if it neither drops, changes nor invents a figure. e.g. sameNumbers('₹1,250 on 3 coffees', 'You spent ₹1250 on 3 coffees') === true
 */
export function sameNumbers(a: string, b: string): boolean {
  const sa = new Set(numbersIn(a)), sb = new Set(numbersIn(b));
  if (sa.size !== sb.size) return false;
  for (const n of sa) if (!sb.has(n)) return false;
  return true;
}
