/**
 * @module language/normalize
 * Makes chat text safe and uniform before anything reads it: bounded length, NFKC, every Unicode
 * digit as ASCII, invisible characters removed (so "2\u200b0" is 20, not 2), control characters
 * as spaces, one kind of quote and dash. `fold` is the key every vocabulary and lexicon lookup
 * uses: lower case, Latin diacritics off, apostrophes out ("Didn't" and "didnt" are one word).
 */

/** Longest input the rules look at; a 64 KB paste is cut, not choked on. */
export const MAX_INPUT_CHARS = 2_000;

// Zero-width and bidi marks carry nothing: removed outright, so they cannot split a number or a word.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// Control characters except newline and tab become spaces (a line break separates expenses).
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const QUOTES = /[‘’‚‛′`´]/g;
const DQUOTES = /[“”„‟″]/g;
const DASHES = /[‐‑‒–—―−]/g;
const PLAIN = /^[\x20-\x7e\n]*$/;
const SCRIPT = /<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const TAG = /<\/?[a-z][a-z0-9-]*\b[^<>]*>/gi;
// Any decimal digit of any script (Devanagari, Bengali, Arabic-Indic, ...): NFKC leaves them alone.
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;

function asciiDigit(d: string): string {
  const cp = d.codePointAt(0)!;
  // Unicode lays every decimal digit run out as 0..9 consecutively; find this run's zero.
  for (let zero = cp; zero > cp - 10; zero--) {
    if (!/\p{Nd}/u.test(String.fromCodePoint(zero - 1)) || (cp - zero >= 9)) return String(cp - zero);
  }
  return d;
}

/**
 * Cleans one message: cut to MAX_INPUT_CHARS, NFKC, ASCII digits, no invisible or control
 * characters, plain quotes and dashes, single spaces, trimmed lines. Case is kept.
 * e.g. normalizeText('  Chai 2\u200b0\u0000 ') === 'Chai 20'
 */
export function normalizeText(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0) return '';
  let s = raw.length > MAX_INPUT_CHARS ? raw.slice(0, MAX_INPUT_CHARS) : raw;
  if (!PLAIN.test(s)) {
    s = s.normalize('NFKC').replace(INVISIBLE, '').replace(/\r\n?/g, '\n').replace(CONTROL, ' ');
    s = s.replace(SPACES, ' ').replace(QUOTES, "'").replace(DQUOTES, '"').replace(DASHES, '-');
    s = s.replace(NON_ASCII_DIGIT, asciiDigit);
    // "2 koffie à 3,60", "3 croissants à 1,20 €": a lone "à" before a price is the rate marker "@"
    // (folded, it would be the English article "a"); before anything else it stays French "to".
    if (s.includes('à')) s = s.replace(A_PRICE, '$1@');
  }
  // Markup is not what anyone bought: script and style bodies and the tags themselves go.
  if (s.includes('<')) s = s.replace(SCRIPT, ' ').replace(TAG, ' ');
  if (s.includes('  ') || s.includes('\n')) s = s.replace(/ {2,}/g, ' ').replace(/ *\n[ \n]*/g, '\n');
  return s.trim();
}

const A_PRICE = /(^|\s)à(?=\s*(?:[€$£]\s*\d|\d+(?:[.,]\d{2}\b|,-)))/g;
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const SPECIAL: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };
const SPECIAL_RE = /[ßæœøđłı]/g;

/**
 * The lookup key of a word or phrase: lower case, Latin accents dropped, apostrophes removed,
 * runs of spaces as one. Non-Latin scripts keep their marks.
 * e.g. fold("Didn't") === 'didnt'; fold('Café') === 'cafe'; fold('Bäckerei') === 'backerei'
 */
export function fold(s: string): string {
  let t = s.toLowerCase();
  if (!PLAIN.test(t)) t = t.normalize('NFKD').replace(LATIN_MARKS, '$1').normalize('NFC').replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
  if (t.includes("'")) t = t.replace(/'/g, '');
  if (t.includes('  ') || t.startsWith(' ') || t.endsWith(' ')) t = t.replace(/\s+/g, ' ').trim();
  return t;
}

/**
 * French elision: an article, pronoun or "que" run into the next word when it opens with a vowel or
 * an h ("l'essence", "d'eau", "j'ai", "qu'est"). Read apart, the word is the word the vocabulary
 * knows. Only packs that read France split them (see tokenize); rows are given both ways.
 */
export const ELISION = /^(?:[cdjlmnst]|qu)'(?=[aeiouyhàâäéèêëîïôöùûüœæ])/iu;
const ELISIONS = /(^|[\s(])((?:[cdjlmnst]|qu)')(?=[aeiouyhàâäéèêëîïôöùûüœæ])/giu;

/** The phrase with its elisions written apart. e.g. splitElisions("plein d'essence") === "plein d' essence" */
export function splitElisions(s: string): string {
  return s.includes("'") ? s.replace(ELISIONS, '$1$2 ') : s;
}
