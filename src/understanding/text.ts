/**
 * @module understanding/text
 * Turns raw chat text into something the rules can trust: bounded length, no control or
 * zero-width characters, one case, Devanagari digits as ASCII; then a flat token list with
 * character offsets (numbers, words, currency symbols, separators) for the later passes.
 */

import { ABBREVIATIONS, EMOJI_WORDS } from './lexicon.js';

/** Longest input the rules look at; a 64 KB paste is cut, not choked on. */
export const MAX_INPUT_CHARS = 2_000;
/** Longest item name kept (characters). */
export const MAX_ITEM_CHARS = 60;

// Control characters except newline (a line break separates expenses); zero-width and bidi marks.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const DEVANAGARI_DIGITS = /[०-९]/g;
const QUOTES = /[‘’`´]/g;
const SCRIPT = /<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const TAG = /<\/?[a-z][a-z0-9-]*\b[^<>]*>/gi;
const ABBREV = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${Object.keys(ABBREVIATIONS).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);
const FILLER = /(?<![\p{L}\p{N}])(?:u+h*m+|u+h+|h+m{2,}|e+r+m+|a+h+m+)(?![\p{L}\p{N}])/gu;
const FILLER_HINT = new RegExp(FILLER.source, 'u');
const PLAIN = /^[\x20-\x7e]*$/;
// Emoji that stand for a word; longest first so a ZWJ sequence wins over its parts.
const EMOJI = new RegExp(Object.keys(EMOJI_WORDS).sort((a, b) => b.length - a.length).map((e) => e.replace(/[*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu');
const EMOJI_HINT = /\p{Extended_Pictographic}/u;
const MULTI_SPACE = /[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]{2}|[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/;
// A cheap gate before the abbreviation regex with its lookbehind.
const ABBREV_HINT = /donated|gifted|w\/|b'?d|bfast|brk|tk|tix|amt|groc|veg|dinr|elec|ppl|yrly|mthly|ed\b/;
const UNIT_AFTER = String.raw`(?=\s*(?:kg|kgs|kilo|kilos|g|gm|gms|grams?|ltr|ltrs|l|litres?|liters?|ml|dozen|doz)\b)`;
const FRACTION_UNIT = new RegExp(String.raw`\b(?:([1-9])\/([2-9])|half|aadha|adha|aadhi|adhi|aadhe)\s*` + UNIT_AFTER, 'g');
const FRACTION_WORD = /\b(?:half|aadha|adha|aadhi|adhi|aadhe) ?(?:kg|kilo|ltr|l|litre|liter|dozen|doz)\b/;
const SPACES = /[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

// Which dollar a one- or two-letter prefix names; "s$" is Singapore, "r$" Brazil's real.
const PREFIXED_DOLLAR_CODES: Readonly<Record<string, string>> = {
  us: 'usd', s: 'sgd', sg: 'sgd', c: 'cad', ca: 'cad', a: 'aud', au: 'aud', nz: 'nzd', hk: 'hkd', r: 'brl', mx: 'mxn',
};
const PREFIXED_DOLLAR = /(^|[^\p{L}])(us|sg|s|ca|c|au|a|nz|hk|r|mx)\$/gu;

/**
 * Cleans a message for the rules: cut to MAX_INPUT_CHARS, NFKC, no control characters, lower case.
 * e.g. sanitize('  Chai\u0000 20 ') === 'chai 20'
 */
export function sanitize(text: unknown): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  let s = text.length > MAX_INPUT_CHARS ? text.slice(0, MAX_INPUT_CHARS) : text;
  // Most chat lines are plain printable ASCII: skip the Unicode work for them.
  if (!PLAIN.test(s)) {
    s = s.normalize('NFKC');
    s = s.replace(CONTROL, ' ').replace(QUOTES, "'").replace(/\r\n?/g, '\n');
    s = s.replace(DEVANAGARI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0966));
    // An emoji names the thing when it leads ("🍕 350") or nothing else does; after words it is decoration ("chai 20 ☕").
    if (EMOJI_HINT.test(s)) {
      const wordy = /\p{L}/u.test(s.replace(EMOJI, ''));
      s = s.replace(EMOJI, (e, at: number) => (!wordy || /^[\s\p{Extended_Pictographic}\uFE0F\u200D]*$/u.test(s.slice(0, at))
        ? ` ${EMOJI_WORDS[e] ?? EMOJI_WORDS[e.replace(/\uFE0F/g, '')] ?? e} ` : e));
    }
  }
  // Markup is not what anyone bought: drop script/style bodies and the tags themselves.
  if (s.includes('<')) s = s.replace(SCRIPT, ' ').replace(TAG, ' ');
  s = s.toLowerCase();
  // "S$5", "C$18", "A$6", "US$20": a letter before "$" names which dollar; spell it as the ISO code the amount reader knows.
  if (s.includes('$')) s = s.replace(PREFIXED_DOLLAR, (_m, pre: string, c: string) => `${pre}${PREFIXED_DOLLAR_CODES[c] ?? 'usd'} `);
  // Voice-note fillers ("umm so", "uhh", "hmm") are never part of an item.
  if (FILLER_HINT.test(s)) s = s.replace(FILLER, ' ');
  if (ABBREV_HINT.test(s)) s = s.replace(ABBREV, (m) => ABBREVIATIONS[m] ?? m);
  // "1/2 kg", "half kg", "aadha kilo": a fraction of a unit is a quantity (0.5 kg), never a date or a price.
  if (s.includes('/') || FRACTION_WORD.test(s)) s = s.replace(FRACTION_UNIT, (_m, a?: string, b?: string) => (a ? String(Math.round((Number(a) / Number(b)) * 100) / 100) : '0.5') + ' ');
  if (MULTI_SPACE.test(s)) s = s.replace(SPACES, ' ');
  if (s.includes('\n')) s = s.replace(/ ?\n[ \n]*/g, '\n');
  return s.trim();
}

export type TokenKind = 'num' | 'word' | 'cur' | 'sep' | 'q' | 'dash' | 'pct' | 'slashdash' | 'at' | 'x';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

// Numbers keep their separators (1,250 / 1,00,000 / 12.5); words are letters with inner apostrophes.
const TOKEN = /(\d+(?:[.,]\d+)*)|([₹$€£¥৳฿])|(\/-)|(\p{L}[\p{L}\p{M}']*)|(\n|[,;+&|•]|\s-\s)|(\?)|(-)|(@)|(%)|(×|\*)/gu;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d{1,2}(?:,\d{2})*,\d{3}(?:\.\d+)?$/;

/** Splits sanitized text into tokens with offsets. e.g. tokenize('chai 20') -> [word chai, num 20] */
export function tokenize(s: string): Token[] {
  return mergeAlnum(rawTokens(s));
}

// Letters glued to a number that are NOT a unit, multiplier, currency or ordinal: the two are one
// name ("1mg", "7up", "3m"). Words ending in one digit are names too ("ps5", "zee5", "mp3").
const NUMBER_SUFFIXES = new Set([
  'k', 'l', 'lakh', 'lakhs', 'lac', 'lacs', 'lk', 'cr', 'crore', 'mn', 'thousand', 'hundred', 'sau', 'hazaar', 'hazar',
  'rs', 'inr', 'usd', 'eur', 'gbp', 'aed', 'rupees', 'rupee', 'bucks', 'dollars', 'st', 'nd', 'rd', 'th', 'am', 'pm',
  'x', 'e', 'kg', 'kgs', 'g', 'gm', 'gms', 'gram', 'grams', 'ml', 'ltr', 'ltrs', 'lt', 'litre', 'litres', 'liter',
  'pcs', 'pc', 'km', 'kms', 'hrs', 'hr', 'min', 'mins', 'pkt', 'pkts', 'nos', 'dozen', 'doz', 'baje', 'din', 'days',
  'day', 'months', 'month', 'yrs', 'yr', 'plates', 'plate', 'pints', 'pint', 'cups', 'cup', 'packets', 'packet', 'people', 'pax',
]);
function mergeAlnum(t: Token[]): Token[] {
  let changed = false;
  const out: Token[] = [];
  for (let i = 0; i < t.length; i++) {
    const a = t[i]!;
    const b = t[i + 1];
    // "7 up 40": the soft drink, written with a space.
    if (b && a.kind === 'num' && a.text === '7' && b.kind === 'word' && b.text === 'up' && b.start === a.end + 1 && t[i + 2]?.kind === 'num') {
      out.push({ kind: 'word', text: '7up', start: a.start, end: b.end });
      i++;
      changed = true;
      continue;
    }
    if (b && a.end === b.start) {
      if (a.kind === 'num' && b.kind === 'word' && /^\d{1,3}$/.test(a.text) && !NUMBER_SUFFIXES.has(b.text) && !/^e\d*$/.test(b.text)) {
        out.push({ kind: 'word', text: a.text + b.text, start: a.start, end: b.end });
        i++;
        changed = true;
        continue;
      }
      if (a.kind === 'word' && b.kind === 'num' && /^\d$/.test(b.text) && a.text.length >= 2 && !t[i + 2]?.text.startsWith('.') && (t[i + 2] === undefined || t[i + 2]!.start > b.end) && t.some((x, k) => k !== i + 1 && x.kind === 'num')) {
        out.push({ kind: 'word', text: a.text + b.text, start: a.start, end: b.end });
        i++;
        changed = true;
        continue;
      }
    }
    out.push(a);
  }
  return changed ? out : t;
}

function rawTokens(s: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(s))) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) pushNumber(out, m[1], start);
    else if (m[2] !== undefined) out.push({ kind: 'cur', text: m[2], start, end });
    else if (m[3] !== undefined) out.push({ kind: 'slashdash', text: m[3], start, end });
    else if (m[4] !== undefined) out.push({ kind: 'word', text: m[4].replace(/'+$/, ''), start, end });
    else if (m[5] !== undefined) out.push({ kind: 'sep', text: m[5].trim() || '\n', start, end });
    else if (m[6] !== undefined) out.push({ kind: 'q', text: '?', start, end });
    else if (m[7] !== undefined) out.push({ kind: 'dash', text: '-', start, end });
    else if (m[8] !== undefined) out.push({ kind: 'at', text: '@', start, end });
    else if (m[9] !== undefined) out.push({ kind: 'pct', text: '%', start, end });
    else if (m[10] !== undefined) out.push({ kind: 'x', text: 'x', start, end });
  }
  return out;
}

// "1,250" and "1,00,000" are one number; "50,120" is a list of two.
function pushNumber(out: Token[], raw: string, start: number): void {
  if (!raw.includes(',')) {
    out.push({ kind: 'num', text: splitDecimal(raw), start, end: start + raw.length });
    return;
  }
  if (GROUPED.test(raw)) {
    out.push({ kind: 'num', text: raw.replace(/,/g, ''), start, end: start + raw.length });
    return;
  }
  let pos = start;
  const parts = raw.split(',');
  parts.forEach((p, i) => {
    if (i > 0) {
      out.push({ kind: 'sep', text: ',', start: pos, end: pos + 1 });
      pos += 1;
    }
    out.push({ kind: 'num', text: splitDecimal(p), start: pos, end: pos + p.length });
    pos += p.length;
  });
}

// "1.2.3" is not a decimal: keep the first two parts.
function splitDecimal(raw: string): string {
  const parts = raw.split('.');
  return parts.length <= 2 ? raw : `${parts[0]}.${parts[1]}`;
}

/** Title case for merchant names the lexicon does not know: "blue tokai" -> "Blue Tokai". */
export function titleCase(s: string): string {
  return s.replace(/(^|[\s\-/&])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

/** Caps an item to MAX_ITEM_CHARS on a word boundary. */
export function capItem(s: string): string {
  if (s.length <= MAX_ITEM_CHARS) return s;
  const cut = s.slice(0, MAX_ITEM_CHARS);
  const sp = cut.lastIndexOf(' ');
  return (sp > 20 ? cut.slice(0, sp) : cut).trim();
}
