/**
 * @module understanding/amounts
 * Reads money out of a token list: digits with grouping and decimals, "1.2k", "2 lakh", "600/-",
 * currency symbols, codes and words on either side, English and Hindi number words ("two hundred
 * and fifty", "dedh sau", "do hazaar"). Numbers glued to a unit ("2 kg", "x2") become quantities.
 * The output is a "piece" stream: words, separators and numbers, in message order.
 */
import { KNOWN_CURRENCIES, MAX_MAJOR_AMOUNT } from '../core/money.js';
import {
  CURRENCY_SYMBOLS, CURRENCY_WORDS, DOLLAR_CURRENCIES, EN_NUMBER_WORDS, HI_FRACTIONS, HI_NUMBER_WORDS, HI_PLUS_HALF,
  MAGNITUDE_WORDS, MULTIPLIERS, QUANTITY_UNITS, RUPEE_CURRENCIES,
} from './lexicon.js';
import type { Token } from './text.js';

export interface NumPiece {
  kind: 'num';
  /** Major units as written (after multipliers). */
  value: number;
  /** ISO code when the message marked the currency ("₹", "USD", "/-", "bucks"). */
  currency: string | null;
  /** A quantity ("2 kg", "x2"), not money. */
  qty: boolean;
  /** Integer with no decimals and no multiplier: may be a count ("3 samosa 60"). */
  plain: boolean;
  /** Written as words ("fifty"). */
  words: boolean;
  /** Not recordable: negative, zero, overflowing, scientific notation. */
  bad: boolean;
  /** Preceded by "for" ("dinner for 2"). */
  afterFor: boolean;
  start: number;
  end: number;
}
export interface WordPiece { kind: 'word'; text: string; start: number; end: number }
export interface SepPiece { kind: 'sep'; text: string; start: number; end: number }
export interface MarkPiece { kind: 'q' | 'at' | 'pct'; start: number; end: number }
export type Piece = NumPiece | WordPiece | SepPiece | MarkPiece;

/** Prefix of a unit word kept after a quantity ("2 tickets"): low-priority item text. */
export const UNIT_MARK = '\u0000';

const ISO_WORDS = new Set([...KNOWN_CURRENCIES].map((c) => c.toLowerCase()).filter((c) => c !== 'try'));

// Every word that can name a currency, for a one-lookup "no" on ordinary words.
const CURRENCY_ANY = new Set([...Object.keys(CURRENCY_SYMBOLS), ...Object.keys(CURRENCY_WORDS), ...ISO_WORDS]);

/** The ISO code a currency word or symbol means for this owner, or null. */
export function currencyOf(word: string, ownerCurrency: string): string | null {
  if (!CURRENCY_ANY.has(word)) return null;
  const sym = CURRENCY_SYMBOLS[word];
  if (sym) return sym === 'USD' && DOLLAR_CURRENCIES.has(ownerCurrency) ? ownerCurrency : sym;
  const w = CURRENCY_WORDS[word];
  if (w === 'LOCAL_RUPEE') return RUPEE_CURRENCIES.has(ownerCurrency) ? ownerCurrency : 'INR';
  if (w === 'LOCAL_DOLLAR') return DOLLAR_CURRENCIES.has(ownerCurrency) ? ownerCurrency : 'USD';
  if (w) return w;
  if (word.length === 3 && ISO_WORDS.has(word)) return word.toUpperCase();
  return null;
}

const isEnNum = (w: string): boolean => w in EN_NUMBER_WORDS;
const isMag = (w: string): boolean => MAGNITUDE_WORDS.has(w) || w === 'lakhs' || w === 'lacs' || w === 'crores' || w === 'thousands';

/** Reads an English number phrase starting at i: "two hundred and fifty". */
function readEnglishNumber(toks: Token[], i: number): { value: number; next: number } | null {
  let total = 0, current = 0, j = i, any = false, lastWasAnd = false;
  while (j < toks.length) {
    const t = toks[j]!;
    if (t.kind !== 'word') break;
    const w = t.text;
    if (isEnNum(w)) {
      const v = EN_NUMBER_WORDS[w]!;
      // Spoken prices: "three fifty" is 350, "one twenty five" 125, "twelve ninety" 1,290.
      if (j === i + 1 && total === 0 && current >= 1 && current <= 19 && v >= (current >= 10 ? 20 : 10) && v % 10 === 0 || (j === i + 1 && current >= 1 && current <= 9 && v >= 11 && v <= 19)) {
        current = current * 100 + v;
        any = true;
        j++;
        continue;
      }
      if (any && current % 100 !== 0 && v >= 10 && !lastWasAnd) break;
      current += EN_NUMBER_WORDS[w]!;
    } else if ((w === 'a' || w === 'an') && !any && toks[j + 1]?.kind === 'word' && isMag(toks[j + 1]!.text)) {
      current = 1;
    } else if (isMag(w) && (any || current > 0 || (j === i && w !== 'lakhs' && w !== 'thousands'))) {
      const mult = MULTIPLIERS[w] ?? MULTIPLIERS[w.replace(/s$/, '')] ?? 1;
      if (mult === 100) current = (current || 1) * 100;
      else { total += (current || 1) * mult; current = 0; }
    } else if (w === 'and' && any && (toks[j + 1]?.kind === 'word' && isEnNum(toks[j + 1]!.text))) {
      const prev = toks[j - 1]!.text;
      if (!isMag(prev)) break;
      lastWasAnd = true;
      j++;
      continue;
    } else break;
    any = true;
    lastWasAnd = false;
    j++;
  }
  if (!any) return null;
  return { value: total + current, next: j };
}

/** Reads a Hindi number phrase: needs a magnitude ("paanch sau", "dedh sau", "do hazaar paanch sau"). */
function readHindiNumber(toks: Token[], i: number): { value: number; next: number } | null {
  let total = 0, j = i;
  let found = false;
  for (;;) {
    let factor = 0, k = j, plusHalf = false;
    const w0 = toks[k]?.kind === 'word' ? toks[k]!.text : '';
    if (HI_PLUS_HALF.has(w0)) { plusHalf = true; k++; }
    const w1 = toks[k]?.kind === 'word' ? toks[k]!.text : '';
    if (w1 in HI_FRACTIONS) { factor = HI_FRACTIONS[w1]!; k++; }
    else if (w1 in HI_NUMBER_WORDS) { factor = HI_NUMBER_WORDS[w1]!; k++; }
    else if (toks[k]?.kind === 'num' && !plusHalf && found) { factor = Number(toks[k]!.text); k++; }
    else break;
    if (plusHalf) factor += 0.5;
    const w2 = toks[k]?.kind === 'word' ? toks[k]!.text : '';
    const mult = MAGNITUDE_WORDS.has(w2) ? MULTIPLIERS[w2] : undefined;
    if (mult === undefined) {
      // A trailing plain unit after a magnitude: "do hazaar paanch" is rare; stop here.
      break;
    }
    total += factor * mult;
    j = k + 1;
    found = true;
  }
  return found ? { value: total, next: j } : null;
}

function adjacent(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && a.end === b.start;
}

/**
 * Collapses numbers, multipliers, currency markers and units into NumPieces.
 * e.g. readPieces(tokenize('chai ₹20'), 'INR') -> [word chai, num 20 INR]
 */
export function readPieces(toks: Token[], ownerCurrency: string): Piece[] {
  const out: Piece[] = [];
  let pendingCur: { code: string; idx: number } | null = null;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'cur') {
      pendingCur = { code: currencyOf(t.text, ownerCurrency)!, idx: i };
      // "20₹" / "20 ₹": a suffix symbol marks the number before it.
      const prev = out[out.length - 1];
      if (prev?.kind === 'num' && !prev.currency && !prev.qty && toks[i + 1]?.kind !== 'num') {
        prev.currency = pendingCur.code;
        pendingCur = null;
      }
      continue;
    }
    if (t.kind === 'word') {
      const cur = currencyOf(t.text, ownerCurrency);
      if (cur && !CURRENCY_SYMBOLS[t.text]) {
        const prev = out[out.length - 1];
        const next = toks[i + 1];
        if (next?.kind === 'num' || (next?.kind === 'cur')) { pendingCur = { code: cur, idx: i }; continue; }
        if (prev?.kind === 'num' && !prev.currency && !prev.qty) { prev.currency = cur; continue; }
        // Only a "rupees"/"bucks" word far from a number is dropped; a 3-letter code stays a word.
        if (CURRENCY_WORDS[t.text]) continue;
      }
    }
    let read: { value: number; next: number; words: boolean; plain: boolean } | null = null;
    let bad = false;
    if (t.kind === 'num') {
      const v = Number(t.text);
      let value = v, j = i + 1, plain = !t.text.includes('.');
      // 1e309 and friends: scientific notation is not how people write prices.
      const nt = toks[j];
      if (nt && nt.kind === 'word' && /^e\d*$/.test(nt.text) && adjacent(t, nt)) {
        bad = true;
        j++;
        while (toks[j] && (toks[j]!.kind === 'num' || toks[j]!.kind === 'dash') && adjacent(toks[j - 1], toks[j])) j++;
      }
      const mw = toks[j]?.kind === 'word' ? toks[j]!.text : '';
      if (!bad && mw && mw in MULTIPLIERS && mw !== 'l' && (adjacent(toks[j - 1], toks[j]) || mw.length > 1 || mw === 'k')) {
        value = v * MULTIPLIERS[mw]!;
        plain = false;
        j++;
      } else if (!bad && mw === 'l' && adjacent(toks[j - 1], toks[j])) {
        // "5l" is five lakh, unless another number follows ("2l milk 120": two litres).
        const laterNum = toks.slice(j + 1).some((x) => x.kind === 'num');
        if (!(v <= 10 && laterNum)) {
          value = v * 100_000;
          plain = false;
          j++;
        }
      }
      if (t.text.replace(/\..*$/, '').length > 12) bad = true;
      read = { value, next: j, words: false, plain };
    } else if (t.kind === 'word') {
      const hi = readHindiNumber(toks, i);
      if (hi) read = { value: hi.value, next: hi.next, words: true, plain: false };
      else if (isEnNum(t.text) || (t.text in MULTIPLIERS && t.text.length > 2 && isMag(t.text)) || ((t.text === 'a' || t.text === 'an') && toks[i + 1]?.kind === 'word' && isMag(toks[i + 1]!.text))) {
        const en = readEnglishNumber(toks, i);
        if (en) read = { value: en.value, next: en.next, words: true, plain: en.value < 100 && Number.isInteger(en.value) };
      }
    }
    if (!read) {
      pendingCur = null;
      if (t.kind === 'word') out.push({ kind: 'word', text: t.text, start: t.start, end: t.end });
      else if (t.kind === 'sep') out.push({ kind: 'sep', text: t.text, start: t.start, end: t.end });
      else if (t.kind === 'q' || t.kind === 'at' || t.kind === 'pct') out.push({ kind: t.kind, start: t.start, end: t.end });
      else if (t.kind === 'dash') {
        // "chai-20" / "chai - 20": a dash between words and numbers separates; before a number at the
        // start or after a space it is a minus sign (handled with the number).
        const nx = toks[i + 1];
        const isMinus = nx?.kind === 'num' && adjacent(t, nx) && (i === 0 || toks[i - 1]!.end < t.start) && !(toks[i - 1]?.kind === 'num');
        if (!isMinus) out.push({ kind: 'sep', text: '-', start: t.start, end: t.end });
      } else if (t.kind === 'x') out.push({ kind: 'word', text: 'x', start: t.start, end: t.end });
      continue;
    }
    const first = toks[i]!;
    let j = read.next;
    // "2x190", "190 x 2", "3*40": a count times a price is one amount.
    const xt = toks[j];
    const yt = toks[j + 1];
    // "2x 80" is a count then a price: the x must sit the same way on both sides ("2x190", "190 x 2").
    const symmetric = xt && yt && adjacent(toks[j - 1], xt) === adjacent(xt, yt);
    if (!bad && read.plain && symmetric && xt && (xt.kind === 'x' || (xt.kind === 'word' && xt.text === 'x')) && yt?.kind === 'num' && !toks[j + 2]?.text.match(/^(?:kg|g|gm|ml|l|ltr|pcs)$/)) {
      const other = Number(yt.text);
      const small = Math.min(read.value, other);
      if (Number.isFinite(other) && small >= 1 && small <= 50 && Number.isInteger(small)) {
        read = { ...read, value: Math.round(read.value * other * 100) / 100, plain: false };
        j += 2;
      }
    }
    const piece: NumPiece = {
      kind: 'num', value: read.value, currency: null, qty: false, plain: read.plain, words: read.words, bad, afterFor: false,
      start: first.start, end: toks[j - 1]!.end,
    };
    // Minus sign right before the number (not a "chai-20" separator).
    const before = toks[i - 1];
    if (before?.kind === 'dash' && adjacent(before, first) && (i === 1 || toks[i - 2]!.end < before.start || toks[i - 2]!.kind !== 'word')) {
      if (!(toks[i - 2]?.kind === 'num')) piece.bad = true;
    }
    if (pendingCur && pendingCur.idx === i - 1) piece.currency = pendingCur.code;
    else if (pendingCur && pendingCur.idx === i - 2 && toks[i - 1]?.kind === 'cur') piece.currency = pendingCur.code;
    pendingCur = null;
    // Suffix markers: "600/-", "20 rs", "12.5 USD", "50$", "20%".
    const nx = toks[j];
    if (nx?.kind === 'slashdash') { piece.currency ??= ownerCurrency; piece.end = nx.end; j++; }
    else if (nx?.kind === 'pct') { piece.qty = true; piece.end = nx.end; j++; }
    else if (nx?.kind === 'word' && !piece.currency) {
      const c = currencyOf(nx.text, ownerCurrency);
      if (c) { piece.currency = c; piece.end = nx.end; j++; }
    } else if (nx?.kind === 'cur' && !piece.currency && toks[j + 1]?.kind !== 'num') {
      piece.currency = currencyOf(nx.text, ownerCurrency); piece.end = nx.end; j++;
    }
    // Quantity markers: "2 kg", "2kg", "x2", "2x", "2 x".
    const unit = toks[j];
    if (unit?.kind === 'word' && (QUANTITY_UNITS.has(unit.text) || unit.text === 'l') && !piece.currency) {
      // The unit stays as a word marked with a leading NUL: an item only when nothing better exists.
      piece.qty = true;
      out.push(piece);
      out.push({ kind: 'word', text: UNIT_MARK + unit.text, start: unit.start, end: unit.end });
      i = j;
      continue;
    }
    if (unit?.kind === 'x' && !piece.currency) { piece.qty = true; j++; }
    const prevTok = toks[i - 1];
    const xBefore = prevTok?.kind === 'x' || (prevTok?.kind === 'word' && prevTok.text === 'x');
    if (xBefore && (adjacent(prevTok, first) || (read.plain && read.value <= 50 && !piece.currency))) {
      piece.qty = true;
      const last = out[out.length - 1];
      if (last?.kind === 'word' && last.text === 'x') out.pop();
    }
    const lastWord = out[out.length - 1];
    if (lastWord?.kind === 'word' && (lastWord.text === 'for' || lastWord.text === 'of')) piece.afterFor = true;
    if (!Number.isFinite(piece.value) || piece.value <= 0 || piece.value > MAX_MAJOR_AMOUNT) piece.bad = true;
    out.push(piece);
    i = j - 1;
  }
  return out;
}
