/**
 * @module categories/hypernyms
 * Category from WordNet for a word the lexicon lacks: walk up the hypernyms of the first few noun
 * senses to the nearest anchor synset (data/anchors.ts). Also the reverse, for questions: which
 * lexicon words sit below a concept ("beverages" → coffee, tea, cola…). Results are cached.
 */
import { parseCategoryPath, type Primary } from './taxonomy.js';
import { loadAnchors } from './data/load.js';

const ANCHORS = loadAnchors();
import { ancestors, nounSenses, sensesOf, synset, wordNetStatus } from './wordnet.js';

export interface WordNetCategory {
  primary: Primary;
  detail: string | null;
  /** The anchor reached, e.g. "soft_drink". */
  anchor: string;
  /** Which noun sense (1-based) led there, and how many hypernym steps it took. */
  sense: number;
  depth: number;
}

const MAX_SENSES = 3;
const MAX_DEPTH = 8;

interface ResolvedAnchor { primary: Primary; detail: string | null; weak: boolean; name: string; order: number }
let anchorMap: Map<number, ResolvedAnchor> | null = null;

function anchors(): Map<number, ResolvedAnchor> {
  if (anchorMap) return anchorMap;
  const m = new Map<number, ResolvedAnchor>();
  ANCHORS.forEach((a, order) => {
    const [lemma, n] = a.synset.split('#');
    const off = nounSenses(lemma!)[Number(n) - 1];
    const cat = parseCategoryPath(a.cat);
    if (off === undefined || !cat || m.has(off)) return;
    m.set(off, { primary: cat.primary, detail: cat.detail, weak: a.weak ?? false, name: lemma!, order });
  });
  // Only cache a real result: if WordNet is unavailable the map is empty and stays retryable
  // after setWordNetDir().
  if (m.size > 0) anchorMap = m;
  return m;
}

const cache = new Map<string, WordNetCategory | null>();

/** Forgets cached answers (after pointing the reader at another WordNet folder). */
export function resetWordNetCaches(): void {
  cache.clear();
  anchorMap = null;
  hyponymIndex = null;
}

/**
 * Category of a word from its WordNet hypernyms, or null (unknown word, no anchor, WordNet absent).
 * e.g. wordnetCategory('kombucha') === null; wordnetCategory('espresso') → food/coffee
 */
export function wordnetCategory(word: string): WordNetCategory | null {
  const key = word.trim().toLowerCase();
  if (!key) return null;
  if (cache.has(key)) return cache.get(key)!;
  const result = compute(key);
  if (wordNetStatus().state === 'loaded') cache.set(key, result);
  return result;
}

function compute(word: string): WordNetCategory | null {
  const senses = sensesOf(word).slice(0, MAX_SENSES);
  if (senses.length === 0) return null;
  const am = anchors();
  let best: WordNetCategory | null = null;
  let bestScore = Infinity;
  senses.forEach((off, i) => {
    let found: { a: ResolvedAnchor; depth: number } | null = null;
    for (const [anc, depth] of ancestors(off, MAX_DEPTH)) {
      const a = am.get(anc);
      if (!a) continue;
      // Ancestors come in breadth-first order; among equally near anchors the earlier-listed wins.
      if (!found || depth < found.depth || (depth === found.depth && a.order < found.a.order)) found = { a, depth };
    }
    if (!found) return;
    const score = i + (found.a.weak ? 1.5 : 0) + found.depth * 0.01;
    if (score < bestScore) {
      bestScore = score;
      best = { primary: found.a.primary, detail: found.a.detail, anchor: found.a.name, sense: i + 1, depth: found.depth };
    }
  });
  return best;
}

let hyponymIndex: { words: readonly string[]; below: Map<number, string[]> } | null = null;

/**
 * Words of `vocabulary` that WordNet places below `phrase` (within MAX_DEPTH hypernym steps of
 * their most frequent sense; rarer senses drag in oddities like the corgi "cardigan" under dog),
 * e.g. wordsBelow('beverage', lexiconWords) includes 'coffee', 'latte', 'tea'. The index over
 * the vocabulary is built on first use and kept.
 */
export function wordsBelow(phrase: string, vocabulary: readonly string[]): string[] {
  const senses = sensesOf(phrase).slice(0, 2);
  if (senses.length === 0) return [];
  if (!hyponymIndex || hyponymIndex.words !== vocabulary) {
    const below = new Map<number, string[]>();
    for (const w of vocabulary) {
      const seen = new Set<number>();
      for (const off of sensesOf(w).slice(0, 1)) {
        for (const anc of ancestors(off, MAX_DEPTH).keys()) {
          if (seen.has(anc)) continue;
          seen.add(anc);
          const list = below.get(anc);
          if (list) list.push(w);
          else below.set(anc, [w]);
        }
      }
    }
    hyponymIndex = { words: vocabulary, below };
  }
  const out = new Set<string>();
  for (const s of senses) for (const w of hyponymIndex.below.get(s) ?? []) out.add(w);
  return [...out];
}

/** The lemmas of a noun's first sense, for messages ("petrol" → gasoline, gas, petrol). */
export function synonymsOf(word: string): string[] {
  const first = sensesOf(word)[0];
  return first === undefined ? [] : (synset(first)?.words ?? []);
}
