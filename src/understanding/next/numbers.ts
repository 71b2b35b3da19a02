/**
 * @module understanding/next/numbers
 * TEMPORARY bridge: the number readings the expense reader needs, in the shape the language layer's
 * money grammar (src/language/money.ts, being written) will export. Reads digits with grouping,
 * glued multipliers and currency symbols/words only. Replaced by readNumbers() when that lands.
 */
import { toMinor, MAX_MAJOR_AMOUNT, KNOWN_CURRENCIES } from '../../core/money.js';
import type { LanguageContext } from '../../language/context.js';
import type { Tagged } from '../../language/tagger.js';

export interface MoneyReading {
  start: number; end: number; minor: number; currency: string; currencyWritten: boolean;
  form: 'digits' | 'words' | 'spoken' | 'slang'; approx: boolean; score: number;
  alternatives?: { minor: number; currency: string; score: number }[];
}
export interface QuantityReading { start: number; end: number; count: number; unit: string | null; unitKind: string | null; score: number }
export interface LabelReading { start: number; end: number; kind: string; score: number }
export interface NumberAnalysis {
  money: MoneyReading[];
  quantities: QuantityReading[];
  labels: LabelReading[];
  rates: { start: number; end: number; each: MoneyReading; count: number | null }[];
  vague: { start: number; end: number }[];
  bad: { start: number; end: number; why: 'zero' | 'negative' | 'too_large' | 'malformed' }[];
}

const SYM: Record<string, string> = { '₹': 'INR', $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const NAMES: Record<string, string> = { rs: 'INR', inr: 'INR', rupees: 'INR', usd: 'USD', dollars: 'USD', bucks: 'USD', eur: 'EUR', euro: 'EUR', euros: 'EUR', gbp: 'GBP', quid: 'GBP', pounds: 'GBP' };
const MULT: Record<string, number> = { k: 1000, lakh: 100000, lakhs: 100000, l: 100000, cr: 1e7, crore: 1e7, grand: 1000 };
const UNITS = new Set(['kg', 'kgs', 'g', 'gm', 'gms', 'litre', 'litres', 'liter', 'ltr', 'l', 'ml', 'pcs', 'pc', 'plates', 'plate', 'packets', 'packet', 'bottles', 'bottle', 'cups', 'cup', 'pints', 'pint', 'dozen', 'pairs', 'pair', 'tickets', 'ticket', 'nights', 'night', 'people', 'pax', 'hours', 'hrs', 'km', 'kms', 'x']);

export function readNumbers(t: Tagged, ctx: LanguageContext): NumberAnalysis {
  const out: NumberAnalysis = { money: [], quantities: [], labels: [], rates: [], vague: [], bad: [] };
  const toks = t.tokens;
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i]!;
    if (tk.kind !== 'num') continue;
    let raw = tk.text;
    if (ctx.pack.decimal === ',' && /^\d+,\d{1,2}$/.test(raw)) raw = raw.replace(',', '.');
    else if (/^\d{1,3}(,\d{2,3})+(\.\d+)?$/.test(raw)) raw = raw.replace(/,/g, '');
    else if (/^\d+,\d{1,2}$/.test(raw)) raw = raw.replace(',', '.');
    if (!/^\d+(\.\d+)?$/.test(raw)) continue;
    let value = Number(raw);
    let start = i, end = i + 1, cur: string | null = null;
    const prev = toks[i - 1], next = toks[i + 1];
    if (prev && (prev.kind === 'sym' && SYM[prev.text])) { cur = SYM[prev.text]!; start = i - 1; }
    else if (prev && prev.kind === 'word' && NAMES[prev.norm] && (prev.norm === 'rs' || prev.norm.length === 3)) { cur = NAMES[prev.norm]!; start = i - 1; }
    if (next && next.glued && next.kind === 'word' && MULT[next.norm]) { value *= MULT[next.norm]!; end = i + 2; }
    const after = toks[end];
    if (after && after.kind === 'sym' && SYM[after.text]) { cur ??= SYM[after.text]!; end++; }
    else if (after && after.kind === 'word' && NAMES[after.norm]) { cur ??= NAMES[after.norm]!; end++; }
    else if (after && after.kind === 'punct' && after.text === '/' && toks[end + 1]?.text === '-') end += 2;
    if (after && after.kind === 'word' && UNITS.has(after.norm) && !cur) {
      out.quantities.push({ start: i, end: end + 1, count: value, unit: after.norm, unitKind: 'count', score: 0.9 });
    }
    if (prev?.text === 'x' && prev.kind === 'word') out.quantities.push({ start: i - 1, end: i + 1, count: value, unit: null, unitKind: 'count', score: 0.9 });
    if (/^\d{7,}$/.test(tk.text) && !cur) { out.labels.push({ start: i, end: i + 1, kind: 'id', score: 0.9 }); continue; }
    if (value <= 0) { out.bad.push({ start, end, why: 'zero' }); continue; }
    if (value > MAX_MAJOR_AMOUNT) { out.bad.push({ start, end, why: 'too_large' }); continue; }
    let currency = cur ?? ctx.currency;
    if (currency === 'USD' && cur && ['SGD', 'AUD', 'CAD', 'NZD', 'HKD'].includes(ctx.currency)) currency = ctx.currency;
    if (!KNOWN_CURRENCIES.has(currency)) currency = ctx.currency;
    out.money.push({ start, end, minor: toMinor(String(Math.round(value * 100) / 100), currency), currency, currencyWritten: cur !== null, form: 'digits', approx: false, score: cur ? 0.95 : 0.8 });
    if (Number.isInteger(value) && value <= 20 && !cur && end === i + 1) out.quantities.push({ start: i, end: i + 1, count: value, unit: null, unitKind: null, score: 0.4 });
  }
  return out;
}
