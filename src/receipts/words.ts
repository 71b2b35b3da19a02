/**
 * @module receipts/words
 * The words printed on receipts ("Subtotal", "CGST", "Zu zahlen", "Change") and the role of the
 * line they sit on, loaded from words.tsv. Matching is on whole words of the folded line, longest
 * phrase first, so "sub total" is a subtotal and "total tax" a tax line, never the total.
 */
import { fileURLToPath } from 'node:url';
import { fold } from '../language/normalize.js';
import { readTsvFile, VocabError } from '../language/vocab/tsv.js';

export const RECEIPT_ROLES = [
  'grand_total', 'due', 'total', 'subtotal', 'tax', 'tip', 'change', 'tendered', 'discount', 'count', 'incl',
  'skip_header', 'date_label', 'address', 'welcome', 'noise', 'legal',
] as const;
export type ReceiptRole = (typeof RECEIPT_ROLES)[number];

export interface PhraseMatch {
  role: ReceiptRole;
  phrase: string;
  /** Word offsets [start, end) in the line's words. */
  start: number;
  end: number;
}

/** The comparable words of a line or phrase: folded, anything but letters and digits a break. */
export function wordsOf(s: string): string[] {
  return fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

let table: Map<string, ReceiptRole> | null = null;
let longest = 1;
/** Every word of every phrase, for OCR-tolerant matching. */
let known = new Set<string>();
const fuzzyCache = new Map<string, string>();

function load(): Map<string, ReceiptRole> {
  if (table) return table;
  const path = fileURLToPath(new URL('./words.tsv', import.meta.url));
  const t = new Map<string, ReceiptRole>();
  known = new Set();
  for (const r of readTsvFile(path, ['phrase', 'role'])) {
    const role = r.cells.role as ReceiptRole;
    if (!RECEIPT_ROLES.includes(role)) throw new VocabError(`${r.file}:${r.line}: unknown receipt role "${r.cells.role}"`);
    for (const p of (r.cells.phrase ?? '').split('|')) {
      const key = wordsOf(p).join(' ');
      if (!key) continue;
      if (!t.has(key)) t.set(key, role);
      longest = Math.max(longest, key.split(' ').length);
      for (const w of key.split(' ')) known.add(w);
    }
  }
  table = t;
  return t;
}

/**
 * Receipt phrases in a line, longest first, not overlapping.
 * e.g. matchPhrases('Sub Total 1,200.00') → [{ role: 'subtotal', phrase: 'sub total', start: 0, end: 2 }]
 */
export function matchPhrases(line: string | readonly string[]): PhraseMatch[] {
  const t = load();
  const words = (typeof line === 'string' ? wordsOf(line) : line).map(ocrWord);
  const taken = new Array<boolean>(words.length).fill(false);
  const out: PhraseMatch[] = [];
  for (let n = Math.min(longest, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      if (taken.slice(i, i + n).some(Boolean)) continue;
      const key = words.slice(i, i + n).join(' ');
      const role = t.get(key);
      if (!role) continue;
      out.push({ role, phrase: key, start: i, end: i + n });
      for (let k = i; k < i + n; k++) taken[k] = true;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Levenshtein distance, stopping early past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * A receipt word as OCR may have garbled it, mapped back to the word it surely is: digits inside
 * letters ("T0TAL"), and one slip in a long word ("zahten", two in "Riickgeld"). Only a single
 * unambiguous nearest word counts; short words are never guessed.
 */
function ocrWord(w: string): string {
  if (known.has(w)) return w;
  const hit = fuzzyCache.get(w);
  if (hit !== undefined) return hit;
  let out = w;
  const lettered = /\p{L}/u.test(w) && /\d/.test(w) ? w.replace(/0/g, 'o').replace(/1/g, 'l').replace(/5/g, 's') : w;
  if (known.has(lettered)) out = lettered;
  else if (lettered.length >= 5 && !/\d/.test(lettered)) {
    const max = lettered.length >= 8 ? 2 : 1;
    let best: string | null = null;
    let bestD = max + 1;
    let tie = false;
    for (const k of known) {
      // Five-letter words may differ by one letter in place ("Sunme"), never by one more or less.
      if (k.length < 5 || (lettered.length === 5 && k.length !== 5)) continue;
      const d = distance(lettered, k, max);
      if (d < bestD) [best, bestD, tie] = [k, d, false];
      else if (d === bestD) tie = true;
    }
    if (best && !tie && bestD <= max) out = best;
  }
  if (fuzzyCache.size > 5000) fuzzyCache.clear();
  fuzzyCache.set(w, out);
  return out;
}
