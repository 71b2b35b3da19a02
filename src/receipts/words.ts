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
  'skip_header', 'address', 'welcome', 'noise', 'legal',
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

function load(): Map<string, ReceiptRole> {
  if (table) return table;
  const path = fileURLToPath(new URL('./words.tsv', import.meta.url));
  const t = new Map<string, ReceiptRole>();
  for (const r of readTsvFile(path, ['phrase', 'role'])) {
    const role = r.cells.role as ReceiptRole;
    if (!RECEIPT_ROLES.includes(role)) throw new VocabError(`${r.file}:${r.line}: unknown receipt role "${r.cells.role}"`);
    for (const p of (r.cells.phrase ?? '').split('|')) {
      const key = wordsOf(p).join(' ');
      if (!key) continue;
      if (!t.has(key)) t.set(key, role);
      longest = Math.max(longest, key.split(' ').length);
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
  const words = typeof line === 'string' ? wordsOf(line) : line;
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
