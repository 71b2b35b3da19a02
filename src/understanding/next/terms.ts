/**
 * @module understanding/next/terms
 * The lexicon's items and merchants found in a message's tokens (typo-tolerant, longest match),
 * with token indices into the message. A match made only of function words (verbs, glue, date and
 * money words) is dropped, so "spent" never becomes "sprite" and "last" never an item.
 */
import { POSSESSIVE_WORDS, POSSESSIVES } from '../../categories/lexicon.js';
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
  return k.repaired;
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
  // Letters and digits written together are one name to the lexicon ("7up", "1mg", "ps5"): the run's
  // first token carries the joined word and the rest are blank, and spans are widened back below.
  const runEnd = t.tokens.map((tk) => tk.i + 1);
  for (let i = 0; i < t.tokens.length; i++) {
    const a = t.tokens[i]!;
    if (a.kind !== 'word' && a.kind !== 'num') continue;
    let j = i + 1;
    while (j < t.tokens.length && t.tokens[j]!.glued && (t.tokens[j]!.kind === 'word' || t.tokens[j]!.kind === 'num') && (t.tokens[j]!.kind !== a.kind || t.tokens[j - 1]!.kind !== t.tokens[j]!.kind)) j++;
    if (j - i < 2 || !t.tokens.slice(i, j).some((x) => x.kind === 'num') || !t.tokens.slice(i, j).some((x) => x.kind === 'word')) continue;
    const joined = t.tokens.slice(i, j).map((x) => x.norm).join('');
    if (lex.findKnownTerms([joined]).length === 0) continue;
    words[i] = joined;
    for (let k = i + 1; k < j; k++) words[k] = '';
    runEnd[i] = j;
    i = j - 1;
  }
  const vocab = vocabTokens(t);
  // "ticket book kiya", "book cheythu": a noun made a verb by the light verb after it is that verb,
  // not a thing bought. Verb phrases that end in their object keep it ("eché gasolina"), and so do
  // English phrasal verbs ("gas up", "picked up the tab").
  const lightVerb = t.tags.filter((g) => (g.role === 'spend_verb' || g.role === 'obtain_verb') && g.end - g.start >= 2 && g.entry.lang !== 'en');
  const all = lex.findKnownTerms(words).map((k) => (runEnd[k.end - 1]! > k.end ? { ...k, end: runEnd[k.end - 1]! } : k));
  return all.filter((k) => {
    let allFn = true, anyVocab = false;
    for (let i = k.start; i < k.end; i++) {
      if (!fn.has(i)) allFn = false;
      if (vocab.has(i)) anyVocab = true;
    }
    // "a present", "my present": after an article or an owner a word that is also a time word ("present"
    // is "this") is the thing.
    if (allFn && k.end - k.start === 1 && /^(a|an|my|his|her|their|your|our)$/.test(t.tokens[k.start - 1]?.norm ?? '') && t.tags.every((g) => !(g.start <= k.start && k.start < g.end) || !FUNCTION_ROLES.has(g.role) || g.role === 'this')) allFn = false;
    // A chain spelt out in three or more small words ("in n out") is still that chain, written as is.
    if (allFn && !(k.kind === 'merchant' && k.end - k.start >= 3 && !repaired(k))) return false;
    if (lightVerb.some((g) => g.start === k.start && k.end < g.end)) return false;
    // "bai cha pagar", "bayko cha recharge": a one-word term that is also a possessive, between a
    // person or another word and the next word, is the possessive (alone, "cha 15" is tea).
    if (k.end - k.start === 1 && POSSESSIVE_WORDS.has(t.tokens[k.start]!.norm) && k.start > 0 && t.tokens[k.start - 1]!.kind === 'word' && t.tokens[k.end]?.kind === 'word' && !fn.has(k.end)) return false;
    // "Kamla ki salary": a capitalised word owning the next thing is a name, never a misspelt item.
    if (repaired(k) && t.tokens[k.start]!.cap && POSSESSIVES.has(t.tokens[k.end]?.norm ?? '')) return false;
    // "a present for Bea's hen do": a capitalised word with an apostrophe-s owns what follows; a name.
    if (repaired(k) && k.end - k.start === 1 && t.tokens[k.start]!.cap && /\p{L}['’]s$/u.test(t.tokens[k.start]!.text)) return false;
    // "chloe spent 60 on …", "Jo got the pizzas": a word near a lexicon word, opening the message
    // right before a past verb of paying or getting, is whoever did it, not a misspelt thing.
    if (repaired(k) && k.end - k.start === 1 && (k.start === 0 || t.tokens[k.start - 1]!.kind === 'punct' || t.tokens[k.start - 1]!.kind === 'newline') && t.tags.some((g) => (g.role === 'spend_verb' || g.role === 'obtain_verb') && g.value === 'past' && g.start === k.end)) return false;
    // "Donatos pizza", "Graeters cone": a capitalised word before a thing of another kind is the
    // shop's name, not a misspelt "donation" ("Cofee beans" keeps its repair: both are food).
    if (repaired(k) && t.tokens[k.start]!.cap) {
      const next = all.find((o) => o.start === k.end && o.kind === 'item' && !repaired(o));
      if (next && next.primary !== k.primary) return false;
      // "dinner with buyers 2800 Handi": a capitalised word after the thing bought, inside the
      // message, is a name (the restaurant), not a misspelt second thing ("haldi").
      if (k.start > 0 && t.tokens[k.start - 1]!.kind !== 'newline' && all.some((o) => o.end <= k.start && o.kind === 'item' && !repaired(o))) return false;
    }
    return !(anyVocab && repaired(k));
  });
}
