/**
 * @module cli/answer-json
 * The evaluation's JSON view of an answer (the `ask` contract in ../shared/eval/README.md): money
 * in major units, categories as "primary/detail". The query engine answers in its own terms
 * (integer minor units, rows); only the CLI speaks this shape.
 */
import { toMajor } from '../core/money.js';
import type { AnswerResult } from '../query/answer.js';

export interface QueryResultJson {
  total: number | null;
  currency: string | null;
  count: number;
  expenses: { date: string; amount: number; currency: string; category: string; item: string | null; merchant: string | null; note: string | null }[];
  /** For a sum over several currencies: the ones not in `total` (never converted or added). */
  otherCurrencies?: { currency: string; total: number; count: number }[];
}

/** e.g. answerJson({ total: { minor: 23000, currency: 'INR' }, count: 2, rows }) → { total: 230, currency: 'INR', count: 2, expenses: [...] } */
export function answerJson(r: AnswerResult): QueryResultJson {
  return {
    total: r.total ? toMajor(r.total.minor, r.total.currency) : null,
    currency: r.total?.currency ?? null,
    count: r.count,
    expenses: r.rows.map((x) => ({
      date: x.date,
      amount: toMajor(x.amountMinor, x.currency),
      currency: x.currency,
      category: x.detail ? `${x.category}/${x.detail}` : x.category,
      item: x.item,
      merchant: x.merchant,
      note: x.note,
    })),
    ...(r.otherCurrencies ? { otherCurrencies: r.otherCurrencies.map((t) => ({ currency: t.currency, total: toMajor(t.minor, t.currency), count: t.count })) } : {}),
  };
}
