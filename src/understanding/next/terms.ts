/**
 * @module understanding/next/terms
 * The lexicon's items and merchants found in a message's tokens (typo-tolerant, longest match),
 * with token indices into the message. A match made only of function words (verbs, glue, date and
 * money words) is dropped, so "spent" never becomes "sprite" and "last" never an item.
 */
import type { KnownTerm } from '../../categories/index.js';
import type { Tagged } from '../../language/tagger.js';
import type { Role } from '../../language/vocab/roles.js';

export interface TermFinder {
  findKnownTerms(tokens: string[]): KnownTerm[];
}

/** Roles whose words are never an item or merchant on their own (verbs such as "rent" or "order" can be). */
export const FUNCTION_ROLES: ReadonlySet<Role> = new Set<Role>([
  'glue', 'prep', 'postp', 'separator', 'question_word', 'self', 'third_party', 'filler', 'negation', 'hypothetical',
  'relative_day', 'weekday', 'month', 'this', 'last', 'next', 'ago', 'period_unit', 'number', 'magnitude', 'currency',
  'approx', 'each', 'time_from', 'time_to', 'time_since', 'time_until', 'so_far', 'greeting', 'thanks',
]);

/** Token indices that carry a function role (single-token tags and every token of a multi-word one). */
export function functionTokens(t: Tagged): Set<number> {
  const fn = new Set<number>();
  for (const g of t.tags) if (FUNCTION_ROLES.has(g.role)) for (let k = g.start; k < g.end; k++) fn.add(k);
  return fn;
}

/** Token indices that carry any vocabulary role at all. */
function vocabTokens(t: Tagged): Set<number> {
  const v = new Set<number>();
  for (const g of t.tags) if (g.role !== 'kin' && g.role !== 'descriptive' && g.role !== 'generic_place' && g.role !== 'city') for (let k = g.start; k < g.end; k++) v.add(k);
  return v;
}

/** Whether the lexicon reached the term through spelling repair ("cofee" → coffee), not a plural. */
export function repaired(k: KnownTerm): boolean {
  const a = k.text.replace(/ /g, ''), b = k.canonical.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (a === b) return false;
  if (a.startsWith(b) && a.length - b.length <= 2) return false; // samosas, tomatoes
  if (b.startsWith(a) && b.length - a.length <= 2) return false;
  return true;
}

/**
 * Lexicon terms over the message tokens; token indices are the message's. A term made only of
 * function words is dropped, and so is a spelling repair of a word the vocabulary knows ("biggest"
 * is never "Biggies", "spent" never "sprite").
 */
export function findTerms(t: Tagged, lex: TermFinder, fn: ReadonlySet<number>): KnownTerm[] {
  const words = t.tokens.map((tk) => {
    if (tk.kind === 'word' || tk.kind === 'num') return tk.norm;
    if (tk.kind === 'emoji') return tk.text;
    // "&" and "'" inside names ("m&s", "dunkin'") are kept out; a scan never spans punctuation.
    return '';
  });
  const vocab = vocabTokens(t);
  return lex.findKnownTerms(words).filter((k) => {
    let allFn = true, anyVocab = false;
    for (let i = k.start; i < k.end; i++) {
      if (!fn.has(i) && t.tokens[i]!.kind !== 'num') allFn = false;
      if (vocab.has(i)) anyVocab = true;
    }
    if (allFn) return false;
    return !(anyVocab && repaired(k));
  });
}
