/**
 * @module categories/spelling
 * Corrects common misspellings of lexicon words ("cofee" → "coffee", "jiuce" → "juice") with a
 * symmetric-delete index: built lazily on first use, then each lookup is a handful of map hits
 * and a few bounded Damerau-Levenshtein checks, so it can run on every unknown word of a message.
 */
import { ANY_PACK_WORDS, LEXICON, type Lexicon } from './lexicon.js';
import { damerau, singulars } from './text.js';
import { isDictionaryWord } from './wordnet.js';

export interface SpellingIndex {
  /** Delete-variant → the vocabulary word(s) it came from, in vocabulary order (most have one). */
  deletes: Map<string, string | string[]>;
  /** Vocabulary order, used to break ties in favour of earlier (more central) data. */
  order: Map<string, number>;
  /** Words of item phrases (the rest only occur in brand names). */
  itemWords: Set<string>;
  /** An item word's romanization key ("gevar") → the word, or null when two item words share it. */
  roman: Map<string, string | null>;
}

function deletesOf(word: string, depth: number, out: Set<string>): void {
  if (depth === 0 || word.length <= 2) return;
  for (let i = 0; i < word.length; i++) {
    const d = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(d)) {
      out.add(d);
      deletesOf(d, depth - 1, out);
    }
  }
}

/**
 * Builds the index over the lexicon's words of 3+ letters (letters only; "7up" is never a target).
 * Item words come first in the tie-break order: "lunh" should become "lunch", not a brand.
 */
export function buildSpellingIndex(lex: Lexicon): SpellingIndex {
  const deletes = new Map<string, string | string[]>();
  const order = new Map<string, number>();
  const ordered = new Set<string>();
  for (const e of lex.entries) if (e.kind === 'item') for (const w of e.key.split(' ')) if (lex.words.has(w)) ordered.add(w);
  const itemWords = new Set(ordered);
  for (const w of lex.words) ordered.add(w);
  for (const w of ordered) {
    if (w.length < 3 || !/^[a-z]+$/.test(w)) continue;
    order.set(w, order.size);
    const vars = new Set<string>([w]);
    // Two edits are only allowed for tokens of 7+ letters; a target of 6 or fewer letters is then
    // at most one delete away on its side (the token's own deletes cover the rest).
    deletesOf(w, w.length >= 7 ? 2 : 1, vars);
    for (const v of vars) {
      const had = deletes.get(v);
      if (had === undefined) deletes.set(v, w);
      else if (typeof had === 'string') deletes.set(v, [had, w]);
      else had.push(w);
    }
  }
  // Two item words on one key are spellings of one word when every phrase of each is of one category
  // ("sabzi"/"sabji"); otherwise ("latte" of coffee, "late" of "late fee") the key answers nothing.
  // A word that is an item on its own is of that item's category ("paneer", whatever "paneer tikka" is).
  const kindOf = new Map<string, string | null>();
  const alone = new Set<string>();
  for (const e of lex.entries) {
    if (e.kind !== 'item') continue;
    const c = `${e.primary}/${e.detail ?? ''}`;
    if (!e.key.includes(' ')) { if (!alone.has(e.key)) kindOf.set(e.key, c); alone.add(e.key); continue; }
    for (const w of e.key.split(' ')) if (!alone.has(w)) kindOf.set(w, kindOf.has(w) && kindOf.get(w) !== c ? null : c);
  }
  const roman = new Map<string, string | null>();
  for (const w of itemWords) {
    if (w.length < 4 || !/^[a-z]+$/.test(w)) continue;
    const k = romanKey(w);
    const had = roman.get(k);
    if (had === undefined) roman.set(k, kindOf.get(w) ? w : null);
    else if (had !== null && kindOf.get(had) !== kindOf.get(w)) roman.set(k, null);
  }
  return { deletes, order, itemWords, roman };
}

/** A dropped or doubled letter is as common as a wrong one, so lengths within one cost the same. */
function lengthPenalty(typo: string, word: string): number {
  const diff = Math.abs(word.length - typo.length);
  return diff <= 1 ? 0 : diff;
}

/** English inflections a word and its repair may share; the stems before them are compared. */
const SUFFIXES = ['ies', 'es', 's', 'ing', 'ed'] as const;

/**
 * The stems of a token and a target that end in the same inflection ("bevvies"/"berries" →
 * "bevv"/"berr"), or null when they do not share one.
 */
function sharedStems(t: string, w: string): [string, string] | null {
  for (const sfx of SUFFIXES) {
    if (t.endsWith(sfx) && w.endsWith(sfx) && t.length - sfx.length >= 3 && w.length - sfx.length >= 3) {
      return [t.slice(0, -sfx.length), w.slice(0, -sfx.length)];
    }
  }
  return null;
}

/** Whether `w` is `t` less one letter that doubled its neighbour ("milkk" → "milk", "haircutt"). */
function dropsDoubledLetter(t: string, w: string): boolean {
  if (t.length !== w.length + 1) return false;
  for (let i = 0; i < t.length; i++) {
    if (t.slice(0, i) + t.slice(i + 1) === w && (t[i] === t[i - 1] || t[i] === t[i + 1])) return true;
  }
  return false;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Whether `t` is `w` plus a plural "s" or a vowel ending ("idlis", "vadai", "dosai"). */
function addsEnding(t: string, w: string): boolean {
  return t.length === w.length + 1 && t.startsWith(w) && (t.endsWith('s') || VOWELS.has(t[t.length - 1]!));
}

/**
 * Whether two words differ only in their final vowel ("archane"/"archana", "gappe"/"gappa") or are
 * one word in two romanizations ("ghewar"/"ghevar"): the same word in another transliteration or
 * inflection, not a typo. Such a word reaches its
 * lexicon entry for the category, but is shown and stored as written.
 */
export function isVariantEnding(t: string, w: string): boolean {
  const n = t.length;
  return (n === w.length && n >= 4 && t.slice(0, -1) === w.slice(0, -1) && VOWELS.has(t[n - 1]!) && VOWELS.has(w[n - 1]!)) || sameRomanization(t, w);
}

/**
 * A word of an Indian language written in Latin letters, folded to what its spellings share: w and v
 * are one sound, so are z and j, ph and f; an aspirate "h" after a consonant ("chh", "bh", "dh") and a
 * long vowel written twice ("aa", "ee", "oo") are often left out. A doubled consonant is kept: that is
 * how English typos differ ("cofee" is a slip for coffee, shown as coffee).
 * e.g. romanKey("ghewar") === romanKey("ghevar"), romanKey("chaach") === romanKey("chhach")
 */
function romanKey(w: string): string {
  return w.replace(/ee/g, 'i').replace(/oo/g, 'u').replace(/aa/g, 'a').replace(/ii/g, 'i').replace(/uu/g, 'u')
    .replace(/w/g, 'v').replace(/z/g, 'j').replace(/ph/g, 'f').replace(/chh/g, 'ch').replace(/([bdgjkpt])h/g, '$1');
}

/** The one item word spelt `t` in another romanization, or null. */
function romanTwin(t: string, idx: SpellingIndex): string | null {
  const w = idx.roman.get(romanKey(t));
  return w && w !== t ? w : null;
}

/** Two spellings of one word in another romanization ("ghewar"/"ghevar", "chaach"/"chhach"), not a typo. */
function sameRomanization(t: string, w: string): boolean {
  return t.length >= 4 && w.length >= 4 && t !== w && romanKey(t) === romanKey(w);
}

function isTransposition(a: string, b: string): boolean {
  const i = [...a].findIndex((ch, k) => ch !== b[k]);
  return i >= 0 && i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

interface SpellerState {
  index: SpellingIndex | null;
  cache: Map<string, string>;
  phraseWordCache: Map<string, string>;
}
const states = new WeakMap<Lexicon, SpellerState>();
const CACHE_LIMIT = 50_000;

function stateOf(lex: Lexicon): SpellerState {
  let st = states.get(lex);
  if (!st) states.set(lex, (st = { index: null, cache: new Map(), phraseWordCache: new Map() }));
  return st;
}

function cached(lex: Lexicon, which: 'cache' | 'phraseWordCache', token: string, standaloneOnly: boolean): string {
  const t = token.toLowerCase();
  if (t.length < 4) return token;
  const st = stateOf(lex);
  const memo = st[which];
  const hit = memo.get(t);
  if (hit !== undefined) return hit === t ? token : hit;
  st.index ??= buildSpellingIndex(lex);
  const fixed = closestWord(t, lex, st.index, isDictionaryWord, standaloneOnly) ?? t;
  if (memo.size >= CACHE_LIMIT) memo.clear();
  memo.set(t, fixed);
  return fixed === t ? token : fixed;
}

/**
 * Like correctSpelling, but may also answer with a word that only occurs inside longer lexicon
 * phrases ("tendr" → "tender" of "tender coconut"): for phrase scans, where a wrong guess simply
 * matches nothing.
 */
export function correctPhraseWord(token: string, lex: Lexicon = LEXICON): string {
  return cached(lex, 'phraseWordCache', token, false);
}

/**
 * The closest lexicon word to `token` within the allowed distance, or null. Pure given the index;
 * `isWord` says whether the token is a real word in its own right (those are never corrected).
 */
export function closestWord(
  token: string,
  lex: Lexicon,
  idx: SpellingIndex,
  isWord: (w: string) => boolean,
  standaloneOnly = false,
  anyPack: ReadonlySet<string> = ANY_PACK_WORDS,
): string | null {
  const t = token;
  if (t.length < 4 || !/^[a-z]+$/.test(t) || lex.words.has(t) || lex.glue.has(t)) return null;
  // A word some locale pack knows (or its plural) is that word, not a typo of one of this pack's
  // words: "copay", "bevvies", "netto" stay themselves for an owner whose pack lacks them.
  if (anyPack.has(t) || singulars(t).some((x) => anyPack.has(x))) return null;
  const max = t.length >= 7 ? 2 : 1;
  const vars = new Set<string>([t]);
  deletesOf(t, max, vars);
  let best: string | null = null;
  let bestScore = Infinity;
  for (const v of vars) {
    const hit = idx.deletes.get(v);
    if (hit === undefined) continue;
    for (const w of typeof hit === 'string' ? [hit] : hit) {
      // Words that only live inside longer phrases ("rogan" of "rogan josh") are targets only
      // while scanning for those phrases; on their own they would turn names into nonsense.
      if (standaloneOnly && !lex.phrases.has(w)) continue;
      const d = damerau(t, w, max);
      if (d > max) continue;
      // Two edits only between long words that start alike ("restorant" → "restaurant"); a short
      // target two edits away is usually another language's word ("bacchon" is not "bacon").
      if (d === 2 && (w.length < 7 || w[0] !== t[0])) continue;
      // Four-letter names sit one edit away from many words ("ravi" ~ "rava", "rai"; "amit" ~
      // "Amity"); at that length only a missing letter or a swapped pair in an item word counts
      // as a typo ("lunh" → "lunch", "chia" stays, "tae" is too short anyway).
      if (t.length === 4 && (!idx.itemWords.has(w) || (w.length !== 5 && !(w.length === 4 && isTransposition(t, w))))) continue;
      // A four-letter word is reached from a longer token only by an ending ("idlis", "vadai") or by
      // dropping a doubled letter ("milkk"); one more letter inside ("copay" ~ "copy") makes another word.
      if (w.length === 4 && t.length > 4 && !addsEnding(t, w) && !dropsDoubledLetter(t, w)) continue;
      // A brand-only word is never reached by changing the first letter ("netto" is not "ketto");
      // an item word may be ("wada" is "vada"), at a cost in the score below.
      if (w[0] !== t[0] && !idx.itemWords.has(w)) continue;
      // Inflected alike ("bevvies"/"berries"): the edits must fit the stems, not the whole words.
      const stems = sharedStems(t, w);
      if (stems && damerau(stems[0], stems[1], 2) > (stems[0].length >= 7 ? 2 : 1)) continue;
      // Distance first; then keep the first letter (people rarely mistype it), then item
      // words before brand-only words, then the likelier length, then earlier data.
      const score = d * 1e8 + (w[0] === t[0] ? 0 : 1e7) + (idx.itemWords.has(w) ? 0 : 1e6) + lengthPenalty(t, w) * 1e5 + (idx.order.get(w) ?? 0);
      if (score < bestScore) {
        bestScore = score;
        best = w;
      }
    }
  }
  // "panir", "sabzee", "bhindee": an item word in another romanization, however many letters apart.
  if (best === null) best = romanTwin(t, idx);
  if (best === null) return null;
  // A real English word that happens to sit near a lexicon word ("pain" ~ "paan") is left alone.
  if (isWord(t)) return null;
  return best;
}

/**
 * Corrects a common misspelling to a lexicon word, or returns the token unchanged. Only tokens of
 * 4+ letters, within Damerau-Levenshtein 1 (2 for 7+ letters); known words and numbers stay, and
 * a four-letter word is only completed by a missing letter or a swapped pair (names stay).
 * e.g. correctSpelling('grocries') === 'groceries'; correctSpelling('spent') === 'spent'
 */
export function correctSpelling(token: string, lex: Lexicon = LEXICON): string {
  return cached(lex, 'cache', token, true);
}
