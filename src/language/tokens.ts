/**
 * @module language/tokens
 * Splits normalized text into tokens with character offsets. A token is a run of letters (a word,
 * inner apostrophes kept), a run of digits with the separators inside it ("1,250.50", "12,50",
 * "1,00,000"), one symbol, one punctuation mark, a line break, or an emoji. Letters and digits
 * written together ("1.2k", "20rs", "abc123", "7up", "3rd") become separate tokens marked `glued`,
 * so the grammars can read "1.2k" as a number with a multiplier and "abc12345" as a code, and the
 * lexicon can still find "7up". Nothing here knows any word: that is the tagger's job.
 */
import { ELISION, fold } from './normalize.js';

export type TokenKind = 'word' | 'num' | 'sym' | 'punct' | 'newline' | 'emoji';

export interface Token {
  /** Position in the token list. */
  i: number;
  kind: TokenKind;
  /** The text as written. */
  text: string;
  /** fold(text) for words; the text itself otherwise. */
  norm: string;
  /** Character offsets [start, end) in the normalized message. */
  start: number;
  end: number;
  /** No space between this token and the previous one. */
  glued: boolean;
  /** The word starts with a capital letter as written. */
  cap: boolean;
}

// Order matters: numbers before words so "1.2k" splits as 1.2 + k; emoji before symbols.
const TOKEN = new RegExp(
  [
    String.raw`(\d+(?:[.,'](?=\d)\d*)*)`, // 1: number with inner separators
    String.raw`(\p{L}[\p{L}\p{M}]*(?:'(?=\p{L})[\p{L}\p{M}]+)*'?)`, // 2: word with inner apostrophes
    String.raw`(\n)`, // 3: line break
    String.raw`(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{EMod})*|[\u{1F1E6}-\u{1F1FF}]{2})`, // 4: emoji
    String.raw`([.,;:!?()\[\]{}"'/\\|\-…])`, // 5: punctuation
    String.raw`([^\s\p{L}\p{N}])`, // 6: any other symbol (₹ $ € £ % # @ + × * ~ ° &)
  ].join('|'),
  'gu',
);

// Compiled once: a regex literal inside tokenize would be a new object for every token.
const NUM_TRAIL = /[.,']$/;
const NUM_TRAILS = /[.,']+$/;
const UPPER_FIRST = /^\p{Lu}/u;

/**
 * Tokens of a normalized message.
 * e.g. tokenize('chai ₹20') → word "chai", sym "₹", num "20" (glued)
 */
export function tokenize(text: string, elide = false): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prevEnd = -1;
  while ((m = TOKEN.exec(text))) {
    const start = m.index;
    const raw = m[0];
    const end = start + raw.length;
    let kind: TokenKind;
    if (m[1] !== undefined) kind = 'num';
    else if (m[2] !== undefined) kind = 'word';
    else if (m[3] !== undefined) kind = 'newline';
    else if (m[4] !== undefined) kind = 'emoji';
    else if (m[5] !== undefined) kind = 'punct';
    else kind = 'sym';
    let t = raw;
    // A trailing apostrophe is a quote or a plural possessive ("the kids'"), not part of the word.
    if (kind === 'word' && t.endsWith("'")) t = t.slice(0, -1);
    if (kind === 'num' && NUM_TRAIL.test(t)) t = t.replace(NUM_TRAILS, '');
    // "l'essence", "d'eau": for packs that read France, the elided word is a token of its own.
    const el = elide && kind === 'word' ? ELISION.exec(t) : null;
    if (el && t.length - el[0].length >= 2) {
      const k = el[0].length;
      out.push({ i: out.length, kind, text: t.slice(0, k), norm: fold(t.slice(0, k)), start, end: start + k, glued: start === prevEnd, cap: UPPER_FIRST.test(t) });
      const rest = t.slice(k);
      out.push({ i: out.length, kind, text: rest, norm: fold(rest), start: start + k, end: start + t.length, glued: true, cap: UPPER_FIRST.test(rest) });
      prevEnd = start + t.length;
      continue;
    }
    out.push({
      i: out.length,
      kind,
      text: t,
      norm: kind === 'word' ? fold(t) : kind === 'num' ? t : t,
      start,
      end: start + t.length,
      glued: start === prevEnd,
      cap: kind === 'word' && UPPER_FIRST.test(t),
    });
    prevEnd = start + t.length;
  }
  return out;
}

/** The message text of tokens [from, to), as written, with the original spacing. */
export function sliceText(text: string, tokens: readonly Token[], from: number, to: number): string {
  if (to <= from) return '';
  return text.slice(tokens[from]!.start, tokens[to - 1]!.end);
}

/** The folded words of tokens [from, to) joined by one space (punctuation and symbols dropped). */
export function foldedWords(tokens: readonly Token[], from: number, to: number): string {
  const w: string[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind === 'word' || t.kind === 'num') w.push(t.norm);
  }
  return w.join(' ');
}

/**
 * Whether a message is written in capitals ("COSTCO PAPER TOWELS 23.99"): three or more words of two
 * letters or more, three in four of them all upper case. A capital then says nothing of a name.
 */
export function shouting(tokens: readonly Token[]): boolean {
  let words = 0, upper = 0;
  for (const t of tokens) {
    if (t.kind !== 'word' || t.text.length < 2) continue;
    words++;
    if (t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase()) upper++;
  }
  return words >= 3 && upper * 4 >= words * 3;
}
