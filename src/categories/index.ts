/**
 * @module categories
 * munshi's categorizer: which category an expense belongs to ("latte at Starbucks" → Food ›
 * Coffee), which known items and merchants a message mentions, spelling repair for lexicon words,
 * and what a question's phrase means ("soft drinks", "my car") as categories plus words.
 * Order of authority: the user's own corrections, then the curated lexicon (data/*), then WordNet
 * hypernyms, then "other". Everything except the lazily loaded WordNet files is in memory.
 */
import type { Primary } from './taxonomy.js';
import { TAXONOMY } from './taxonomy.js';
import type { CategoryOverride } from './overrides.js';
import { overrideKey } from './overrides.js';
import { DEFAULT_REGIONS, LEXICON, lexiconFor, POSSESSIVE_WORDS, POSSESSIVES, type LexEntry, type Lexicon } from './lexicon.js';
import { correctPhraseWord, correctSpelling as correctWith, isVariantEnding } from './spelling.js';
import { damerau, normToken, singulars, tokenize } from './text.js';
import { wordnetCategory, wordsBelow } from './hypernyms.js';
import { preloadWordNet, sensesOf, wordNetStatus, type WordNetStatus } from './wordnet.js';
import { loadCategoryWords, loadConcepts, loadSynonyms } from './data/load.js';
import type { ConceptDef } from './data/concepts-type.js';
import { wordsOf } from '../language/vocab/vocabulary.js';

const CONCEPTS: readonly ConceptDef[] = loadConcepts();
const { primaries: PRIMARY_ALIASES, details: DETAIL_ALIASES } = loadCategoryWords();
const SYNONYMS = loadSynonyms();

export { wordnetCategory } from './hypernyms.js';

export interface Categorization {
  primary: Primary;
  detail: string | null;
  confidence: number;
  via: 'override' | 'lexicon' | 'wordnet' | 'fallback';
}

export interface KnownTerm {
  kind: 'item' | 'merchant';
  /** The matched words as they appear in the tokens (lower case), e.g. "cafe coffee day", "ccd", "tender coconut". */
  text: string;
  /** Display form: merchants in their brand spelling ("Cafe Coffee Day", "Rapido", "DMart", "OYO", "Vi"); items in plain lower case ("tender coconut"). */
  canonical: string;
  primary: Primary;
  detail: string | null;
  /** A generic word ("bill", "ticket", "order") that decides only when nothing more specific does. */
  weak: boolean;
  /** Reached through spelling repair of at least one word ("cofee" → coffee), not as written or as a plural. */
  repaired: boolean;
  /** token index range [start, end) in the input tokens. */
  start: number;
  end: number;
}

export interface Concept {
  /** What the user asked about, normalized ("soft drinks"). */
  label: string;
  /** Whole categories the concept covers. */
  categories: { primary: Primary; detail: string | null }[];
  /** Lower-case words/phrases whose presence in an expense's item/merchant/note text means it matches. */
  terms: string[];
  /** Merchant names that match (canonical, e.g. "Rapido"). */
  merchants: string[];
  /** How it was resolved, for honesty in replies. */
  via: 'category' | 'lexicon' | 'wordnet';
  /** A row whose text names one of these is not the thing, though its category is ("petrol": not the diesel rows of Fuel). */
  unless?: string[];
}

// ---------------------------------------------------------------------------------------------
// Known terms

interface WordState {
  wordCache: Map<string, string>;
  repairedWords: Set<string>;
  /** Tokens that reached a lexicon word only by another final vowel ("gappe" → gappa): kept as written. */
  variantWords: Set<string>;
}
const wordStates = new WeakMap<Lexicon, WordState>();
const WORD_CACHE_LIMIT = 50_000;

function wordState(lex: Lexicon): WordState {
  let st = wordStates.get(lex);
  if (!st) wordStates.set(lex, (st = { wordCache: new Map(), repairedWords: new Set(), variantWords: new Set() }));
  return st;
}

/** The lexicon form of one raw token: itself, its singular, or its spelling correction. */
function lexWord(lex: Lexicon, raw: string): string {
  const { wordCache, repairedWords, variantWords } = wordState(lex);
  const cached = wordCache.get(raw);
  if (cached !== undefined) return cached;
  const t = normToken(raw);
  let out = t;
  if (t && !lex.words.has(t) && !lex.phrases.has(t) && !lex.glue.has(t)) {
    const s = singulars(t).find((x) => lex.words.has(x));
    out = s ?? correctPhraseWord(t, lex);
    if (!s && out !== t) (isVariantEnding(t, out) ? variantWords : repairedWords).add(raw);
  }
  if (wordCache.size >= WORD_CACHE_LIMIT) {
    wordCache.clear();
    repairedWords.clear();
    variantWords.clear();
  }
  wordCache.set(raw, out);
  return out;
}

function toTerm(lex: Lexicon, m: { entry: LexEntry; key: string }, tokens: readonly string[], start: number, end: number): KnownTerm {
  const e = m.entry;
  const { repairedWords, variantWords } = wordState(lex);
  const text = tokens.slice(start, end).join(' ').toLowerCase();
  const variant = tokens.slice(start, end).some((t) => variantWords.has(t));
  return {
    kind: e.kind,
    text,
    // A merchant is shown by the name the user used ("xfinity" → "Xfinity", not its parent "Comcast");
    // an item in another spelling of the same word ("gol gappe") as written.
    canonical: e.kind === 'merchant' ? lex.display.get(m.key) ?? e.canonical : variant ? text : e.canonical,
    primary: e.primary,
    detail: e.detail,
    weak: e.weak,
    repaired: tokens.slice(start, end).some((t) => repairedWords.has(t)),
    start,
    end,
  };
}

/** Whether a known phrase of 2+ words starts at norm[at] and ends after `end`. */
function reachesFurther(lex: Lexicon, norm: readonly string[], at: number, end: number): boolean {
  const max = Math.min(lex.maxWords.get(norm[at]!) ?? 0, norm.length - at);
  for (let n = max; n >= 2 && at + n > end; n--) if (lex.phrases.has(norm.slice(at, at + n).join(' '))) return true;
  return false;
}

/** Whether a scan match was reached through spelling repair of one of its tokens. */
function repairedIn(lex: Lexicon, tokens: readonly string[], m: { start: number; end: number }): boolean {
  const { repairedWords } = wordState(lex);
  return tokens.slice(m.start, m.end).some((t) => repairedWords.has(t));
}

function scan(lex: Lexicon, tokens: readonly string[]): { entry: LexEntry; key: string; start: number; end: number }[] {
  // Punctuation-only tokens ("&", "-") and possessives ("ka") are skipped; `pos` maps back to
  // the caller's indices.
  const norm: string[] = [];
  const pos: number[] = [];
  tokens.forEach((t, k) => {
    const w = lexWord(lex, t);
    // Marathi "bai cha pagar": "cha" between two words is a possessive, alone it is tea.
    const between = POSSESSIVE_WORDS.has(w) && k > 0 && k < tokens.length - 1 && /\p{L}/u.test(tokens[k - 1]!) && /\p{L}/u.test(tokens[k + 1]!);
    if (w && !POSSESSIVES.has(w) && !between) {
      norm.push(w);
      pos.push(k);
    }
  });
  const out: { entry: LexEntry; key: string; start: number; end: number }[] = [];
  let i = 0;
  while (i < norm.length) {
    // A word that only ends longer names has no phrase of its own, but its singular may ("burritos").
    const max = Math.min(lex.maxWords.get(norm[i]!) ?? (singulars(norm[i]!).length ? 1 : 0), norm.length - i);
    let matched = 0;
    for (let n = max; n >= 1; n--) {
      const key = n === 1 ? norm[i]! : norm.slice(i, i + n).join(' ');
      let key2 = key;
      let e = lex.phrases.get(key);
      // "exam fees": the last word is a known word in its own right ("fees"), so it was not
      // singularized above, but the phrase is stored as "exam fee". Alone too: "cheesesteaks" is a
      // word of a brand's name ("charleys cheesesteaks"), yet the item is stored as "cheesesteak".
      // (Only to a specific thing: "frys" is a shop's name, not a generic "fry".)
      if (!e && n === 1) {
        for (const s of singulars(key)) if ((e = lex.phrases.get((key2 = s))) && !e.weak) break;
        if (e?.weak) e = undefined;
      } else if (!e) {
        const head = norm.slice(i, i + n - 1).join(' ');
        for (const s of singulars(norm[i + n - 1]!)) if ((e = lex.phrases.get((key2 = `${head} ${s}`)))) break;
      }
      // "new phone cover": a phrase that opens with a glue word ("new phone", "my car") yields to
      // one that starts on its last word and reaches further, the English head being last.
      if (e && e.kind === 'item' && n > 1 && lex.glue.has(norm[i]!) && reachesFurther(lex, norm, i + n - 1, i + n)) e = undefined;
      if (e) {
        out.push({ entry: e, key: key2, start: pos[i]!, end: pos[i + n - 1]! + 1 });
        matched = n;
        break;
      }
    }
    i += matched || 1;
  }
  return out;
}

/**
 * Longest-match scan of known items/merchants in lower-cased tokens (typo-tolerant for words of 4+ letters).
 * e.g. findKnownTerms(['latte','at','cafe','coffee','day']) → latte (item), Cafe Coffee Day (merchant)
 */
function findKnownTermsIn(lex: Lexicon, tokens: string[]): KnownTerm[] {
  return scan(lex, tokens).map((m) => toTerm(lex, m, tokens, m.start, m.end));
}

/** Whether a lower-case word is known to the lexicon as an item or merchant word. e.g. isKnownWord('poha') */
function isKnownWordIn(lex: Lexicon, word: string): boolean {
  const t = normToken(word);
  if (!t || lex.glue.has(t)) return false;
  return lex.words.has(t) || lex.phrases.has(t) || singulars(t).some((s) => lex.words.has(s));
}

// ---------------------------------------------------------------------------------------------
// Categorize

const CONF = { override: 1, item: 0.95, merchant: 0.9, context: 0.75, wordnet: 0.6, weak: 0.5, fallback: 0.2 } as const;

function pickHead(found: { entry: LexEntry }[], kind: 'item' | 'merchant'): LexEntry | null {
  // English compounds put the head last ("coffee mug" is a mug), so the last strong term wins.
  let best: LexEntry | null = null;
  for (const f of found) if (f.entry.kind === kind && !f.entry.weak) best = f.entry;
  return best;
}

function lastWeak(found: { entry: LexEntry }[]): LexEntry | null {
  let best: LexEntry | null = null;
  for (const f of found) if (f.entry.weak) best = f.entry;
  return best;
}

const result = (e: { primary: Primary; detail: string | null }, confidence: number, via: Categorization['via']): Categorization =>
  ({ primary: e.primary, detail: e.detail, confidence, via });

function lookupOverride(overrides: ReadonlyMap<string, CategoryOverride> | undefined, text: string | null | undefined): Categorization | null {
  if (!overrides || overrides.size === 0 || !text) return null;
  const o = overrides.get(overrideKey(text));
  return o ? { primary: o.category, detail: o.detail, confidence: CONF.override, via: 'override' } : null;
}

/**
 * An override names a primary only ("that was food") or a detail too ("that was groceries"). A
 * primary-only one keeps the detail the words themselves give within that primary.
 * e.g. override maggi → food: "maggi" is Food › Groceries; override maggi → shopping: Shopping
 */
function withOwnDetail(lex: Lexicon, o: Categorization, input: { item: string | null; merchant: string | null; context?: string }): Categorization {
  if (o.detail !== null) return o;
  const own = categorizeIn(lex, input);
  return own.primary === o.primary ? { ...o, detail: own.detail } : o;
}

function wordnetFor(lex: Lexicon, tokens: readonly string[]): Categorization | null {
  const words = tokens.filter((t) => t.length >= 3 && !lex.glue.has(t) && /^[a-z]+$/.test(t));
  // WordNet has compounds ("ice_cream", "hot_dog"); try pairs before single words, heads first.
  for (let i = words.length - 2; i >= 0; i--) {
    const r = wordnetCategory(`${words[i]}_${words[i + 1]}`);
    if (r) return result(r, CONF.wordnet, 'wordnet');
  }
  for (let i = words.length - 1; i >= 0; i--) {
    if (lex.phrases.get(words[i]!)?.weak) continue;
    const r = wordnetCategory(words[i]!);
    if (r) return result(r, CONF.wordnet, 'wordnet');
  }
  return null;
}

/**
 * Category for an expense from its item, merchant and the rest of the message. Order: user
 * override > lexicon item words > lexicon merchant > WordNet hypernyms of the item's own words >
 * lexicon words elsewhere in the message > generic (weak) words > 'other'. The item's own meaning
 * goes before the rest of the message, which often describes something else ("for my son").
 * e.g. categorize({ item: 'latte', merchant: 'Starbucks' }) → food/coffee via lexicon
 */
function categorizeIn(
  lex: Lexicon,
  input: { item: string | null; merchant: string | null; context?: string },
  overrides?: ReadonlyMap<string, CategoryOverride>,
): Categorization {
  const own = lookupOverride(overrides, input.item) ?? lookupOverride(overrides, input.merchant);
  if (own) return withOwnDetail(lex, own, input);

  const merchantTokens = input.merchant ? tokenize(input.merchant) : [];
  // An "item" that is only a word of the merchant's own name ("mobile" of T-Mobile, "fitness" of
  // Planet Fitness) says nothing of its own: the merchant decides.
  const itemTokens = input.item && !insideName(tokenize(input.item), merchantTokens) ? tokenize(input.item) : [];
  const itemFound = itemTokens.length ? scan(lex, itemTokens) : [];
  // A shop's own name is never a misspelt thing ("Handi" is a restaurant, not haldi).
  const merchantFound = merchantTokens.length ? scan(lex, merchantTokens).filter((m) => !(m.entry.kind === 'item' && repairedIn(lex, merchantTokens, m))) : [];

  const item = pickHead(itemFound, 'item');
  // A merchant named by its exact brand spelling is that brand, even one whose bare name is an everyday
  // word ("~Grab"): the caller already decided it is a merchant (e.g. from "grab to changi").
  const byBrand = input.merchant ? byBrandName(lex, input.merchant) : null;
  const merchant = pickHead(merchantFound, 'merchant') ?? pickHead(merchantFound, 'item') ?? byBrand ?? pickHead(itemFound, 'merchant');
  // A correction remembered under a brand's other spelling ("ccd" vs "Cafe Coffee Day").
  if (overrides && overrides.size > 0) {
    const viaCanonical = lookupOverride(overrides, item?.canonical) ?? lookupOverride(overrides, merchant?.canonical);
    if (viaCanonical) return withOwnDetail(lex, viaCanonical, input);
  }

  if (item) {
    // "food from Swiggy": a same-primary merchant can sharpen a detail-less item.
    if (item.detail === null && merchant && merchant.primary === item.primary && merchant.detail) {
      return result(merchant, CONF.item, 'lexicon');
    }
    return result(item, CONF.item, 'lexicon');
  }
  const weak = lastWeak(itemFound) ?? lastWeak(merchantFound);
  if (merchant) {
    // "lunch at Taj" stays a meal (people eat at hotels, malls, cinemas); otherwise the merchant
    // says more than a generic word: "premium" at Netflix, "shopping" at DMart, "stuff" anywhere.
    if (weak && weak.primary === 'food' && merchant.primary !== 'food') return result(weak, CONF.weak, 'lexicon');
    return result(merchant, CONF.merchant, 'lexicon');
  }
  const fromWordNet = wordnetFor(lex, itemTokens.length ? itemTokens : merchantTokens);
  if (fromWordNet && !(weak && weak.primary !== 'other')) return fromWordNet;

  if (input.context) {
    const ctxTokens = tokenize(input.context);
    const ctxFound = scan(lex, ctxTokens).filter((m) => !(repairedIn(lex, ctxTokens, m) && ctxTokens.slice(m.start, m.end).every((w) => merchantTokens.includes(w))));
    const ctx = pickHead(ctxFound, 'item') ?? pickHead(ctxFound, 'merchant');
    if (ctx && !(weak && weak.primary !== 'other' && weak.primary !== ctx.primary)) return result(ctx, CONF.context, 'lexicon');
  }
  if (weak) return result(weak, weak.primary === 'other' ? CONF.fallback : CONF.weak, weak.primary === 'other' ? 'fallback' : 'lexicon');
  if (fromWordNet) return fromWordNet;
  return { primary: 'other', detail: null, confidence: CONF.fallback, via: 'fallback' };
}

// ---------------------------------------------------------------------------------------------
// Concepts for questions

type CatRef = { primary: Primary; detail: string | null };
type Source = { kind: 'def'; def: ConceptDef } | { kind: 'cat'; label: string; cat: CatRef };

const LEADING = wordsOf('subject_edge', 'lead');
const TRAILING = wordsOf('subject_edge', 'trail');

const synonymGroups: Map<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const line of SYNONYMS.split('\n')) {
    const group = line.split(',').map((w) => tokenize(w).join(' ')).filter(Boolean);
    for (const w of group) m.set(w, group);
  }
  return m;
})();

function parseCats(cats: readonly string[]): CatRef[] {
  return cats.map((c) => {
    const [p, d] = c.split('/');
    return { primary: p as Primary, detail: d ?? null };
  });
}

const conceptIndex: Map<string, Source> = (() => {
  const m = new Map<string, Source>();
  const add = (phrase: string, s: Source): void => {
    const key = tokenize(phrase).join(' ');
    if (key && !m.has(key)) m.set(key, s);
  };
  for (const def of CONCEPTS) {
    add(def.label, { kind: 'def', def });
    for (const a of def.aliases.split(',')) add(a, { kind: 'def', def });
  }
  for (const p of TAXONOMY) {
    const src: Source = { kind: 'cat', label: p.label.toLowerCase(), cat: { primary: p.slug, detail: null } };
    add(p.label, src);
    add(p.slug.replace(/_/g, ' '), src);
    for (const a of (PRIMARY_ALIASES[p.slug] ?? '').split(',')) add(a, src);
  }
  for (const p of TAXONOMY) {
    for (const d of p.details) {
      const src: Source = { kind: 'cat', label: d.label.toLowerCase(), cat: { primary: p.slug, detail: d.slug } };
      add(d.label, src);
      add(d.slug.replace(/_/g, ' '), src);
      for (const a of (DETAIL_ALIASES[`${p.slug}/${d.slug}`] ?? '').split(',')) add(a, src);
    }
  }
  return m;
})();

function covers(cats: readonly CatRef[], e: LexEntry): boolean {
  return cats.some((c) => c.detail !== null && c.primary === e.primary && c.detail === e.detail);
}

/** What concept answers, the vocabulary and the suggestion pool cost to build, per lexicon. */
interface ConceptState {
  conceptCache: Map<string, Concept>;
  insidePhrases: Map<string, Set<string>> | null;
  vocabulary: string[] | null;
  suggestionPool: { text: string; key: string; rank: number }[] | null;
}
const conceptStates = new WeakMap<Lexicon, ConceptState>();
function conceptState(lex: Lexicon): ConceptState {
  let st = conceptStates.get(lex);
  if (!st) conceptStates.set(lex, (st = { conceptCache: new Map(), insidePhrases: null, vocabulary: null, suggestionPool: null }));
  return st;
}

/** Word sequence → categories of the longer lexicon phrases it occurs inside ("bar" → food/snacks via "protein bar"). */
/** Whether `part` occurs as a run of words inside `name` (and is shorter than it). */
function insideName(part: readonly string[], name: readonly string[]): boolean {
  const whole = name.join(''), piece = part.join('');
  if (part.length === 0 || piece.length >= whole.length) return false;
  // "fitness" of "planet fitness"; "mobile" of "tmobile" (the hyphen is gone by now).
  return ` ${name.join(' ')} `.includes(` ${part.join(' ')} `) || (name.length === 1 && (whole.startsWith(piece) || whole.endsWith(piece)));
}

/** A merchant named by its brand spelling or by a name the lexicon shows for it ("Xfinity"). */
function byBrandName(lex: Lexicon, name: string): LexEntry | null {
  const k = name.trim().toLowerCase();
  const hit = lex.merchants.get(k)?.entry;
  if (hit) return hit;
  let shown = shownNames.get(lex);
  if (!shown) {
    shown = new Map();
    for (const [key, name] of lex.display) if (!shown.has(name.toLowerCase())) shown.set(name.toLowerCase(), lex.phrases.get(key)!);
    shownNames.set(lex, shown);
  }
  return shown.get(k) ?? null;
}
const shownNames = new WeakMap<Lexicon, Map<string, LexEntry>>();

function categoriesAround(lex: Lexicon): Map<string, Set<string>> {
  const st = conceptState(lex);
  if (st.insidePhrases) return st.insidePhrases;
  const m = new Map<string, Set<string>>();
  for (const [key, e] of lex.phrases) {
    if (e.primary === 'other') continue;
    const w = key.split(' ');
    if (w.length < 2) continue;
    for (let i = 0; i < w.length; i++) {
      for (let j = i + 1; j <= w.length; j++) {
        if (j - i === w.length) continue;
        const sub = w.slice(i, j).join(' ');
        let set = m.get(sub);
        if (!set) m.set(sub, (set = new Set()));
        set.add(`${e.primary}/${e.detail}`);
      }
    }
  }
  st.insidePhrases = m;
  return m;
}

function fromSource(lex: Lexicon, s: Source): Concept {
  const { conceptCache } = conceptState(lex);
  const label = s.kind === 'def' ? s.def.label : s.label;
  const cacheKey = `${s.kind}:${label}`;
  const hit = conceptCache.get(cacheKey);
  if (hit) return structuredClone(hit);
  const categories = s.kind === 'def' ? parseCats(s.def.cats) : [s.cat];
  const tags = new Set(s.kind === 'def' ? (s.def.tags ?? []) : []);
  const exclude = new Set(s.kind === 'def' && s.def.exclude ? s.def.exclude.split(',').map((x) => x.trim()) : []);
  const terms = new Set<string>();
  const generic = new Set<string>();
  const merchants = new Set<string>();
  const allowed = new Set(categories.map((c) => `${c.primary}/${c.detail}`));
  // Whole primaries are matched by category alone; listing every word of "food" helps nobody.
  for (const e of lex.entries) {
    if (e.primary === 'other' && e.detail === null) continue;
    const inTag = e.tags.some((t) => tags.has(t));
    if (!inTag && !covers(categories, e)) continue;
    allowed.add(`${e.primary}/${e.detail}`);
    if (e.kind === 'item') {
      terms.add(e.canonical);
      if (e.weak) generic.add(e.canonical);
    } else merchants.add(e.canonical);
  }
  // A generic word that also lives inside phrases filed under another primary ("service" in
  // "service charge", "car" in "car rental") would pull those rows in by text; its category
  // already catches its own rows. Within one primary the query matcher vetoes word-only hits.
  const around = categoriesAround(lex);
  const primaries = new Set([...allowed].map((c) => c.split('/')[0]));
  for (const t of generic) {
    const cats = around.get(t);
    if (cats && [...cats].some((c) => !primaries.has(c.split('/')[0]!))) terms.delete(t);
  }
  if (s.kind === 'cat' && s.cat.detail) {
    const own = s.cat.detail.replace(/_/g, ' ');
    if (lex.phrases.get(own)?.kind === 'item') terms.add(own);
  }
  if (s.kind === 'def') {
    // The label itself is a search word unless it is one of the generic lexicon words ("bills").
    if (!lex.phrases.get(s.def.label)?.weak) terms.add(s.def.label);
    for (const t of (s.def.terms ?? '').split(',')) if (t.trim()) terms.add(t.trim().replace(/\s+/g, ' '));
    for (const m of (s.def.merchants ?? '').split(',')) if (m.trim()) merchants.add(m.trim().replace(/\s+/g, ' '));
    const inside = (s.def.containing ?? '').split(',').map((w) => w.trim()).filter(Boolean);
    if (inside.length) {
      for (const e of lex.entries) {
        if (e.kind !== 'item' || e.weak) continue;
        const words = ` ${e.key} `;
        if (inside.some((w) => words.includes(` ${w} `))) terms.add(e.canonical);
      }
    }
  }
  for (const x of exclude) terms.delete(x);
  const concept: Concept = { label, categories, terms: [...terms], merchants: [...merchants], via: 'category' };
  // A concept that is one kind inside a category ("petrol", "diesel" inside Fuel) leaves out the
  // category's rows that name a sibling kind, which its exclude column lists.
  if (s.kind === 'def' && categories.length && exclude.size) concept.unless = [...exclude];
  conceptCache.set(cacheKey, concept);
  return structuredClone(concept);
}

function conceptKeys(phrase: string): string[] {
  const tokens = tokenize(phrase);
  const keys: string[] = [];
  const push = (t: string[]): void => {
    if (t.length > 0) keys.push(t.join(' '));
  };
  push(tokens);
  let s = 0;
  while (s < tokens.length - 1 && LEADING.has(tokens[s]!)) s++;
  let e = tokens.length;
  while (e - 1 > s && TRAILING.has(tokens[e - 1]!)) e--;
  push(tokens.slice(s, tokens.length));
  push(tokens.slice(s, e));
  return [...new Set(keys)];
}

function lexiconVocabulary(lex: Lexicon): string[] {
  const st = conceptState(lex);
  st.vocabulary ??= lex.entries.filter((e) => e.kind === 'item' && !(e.primary === 'other' && e.detail === null)).map((e) => e.key);
  return st.vocabulary;
}

/**
 * Resolves a phrase from a question into a Concept, or null when unknown.
 * e.g. resolveConcept('fizzy drinks') → food/soft_drinks with terms coke, limca, 7up…;
 *      resolveConcept('rapido') → merchants ['Rapido']
 */
function resolveConceptIn(lex: Lexicon, phrase: string): Concept | null {
  const keys = conceptKeys(phrase);
  if (keys.length === 0) return null;
  const variants: string[] = [];
  for (const k of keys) {
    variants.push(k);
    const words = k.split(' ');
    const last = words[words.length - 1]!;
    for (const s of singulars(last)) variants.push([...words.slice(0, -1), s].join(' '));
  }
  for (const k of keys) {
    const fixed = k.split(' ').map((w) => (lex.words.has(w) || lex.glue.has(w) ? w : correctWith(w, lex))).join(' ');
    if (fixed !== k) variants.push(fixed);
  }
  for (const v of variants) {
    const src = conceptIndex.get(v);
    if (src) return fromSource(lex, src);
  }
  for (const v of variants) {
    const e = lex.phrases.get(v);
    if (!e || (e.primary === 'other' && e.detail === null)) continue;
    if (e.kind === 'merchant') {
      const aliases = lex.merchants.get(e.canonical.toLowerCase())?.aliases ?? [e.key];
      return { label: e.canonical, categories: [], terms: [...new Set(aliases)], merchants: [e.canonical], via: 'lexicon' };
    }
    // A known item means that item (and its other names), not everything WordNet puts below it.
    const same = synonymGroups.get(v) ?? synonymGroups.get(e.key) ?? [];
    return { label: v, categories: [], terms: [...new Set([v, e.key, ...same])], merchants: [], via: 'lexicon' };
  }
  // A longer phrase ("rapido rides", "autos and cabs", "car petrol"): a merchant inside it first,
  // then a concept phrase inside it, longest first and rightmost (the head) first.
  const inner = innerConcept(lex, keys[keys.length - 1]!.split(' '));
  if (inner) return inner;
  // Unknown to the lexicon: WordNet can still say which known words sit below it.
  for (const v of variants) {
    if (sensesOf(v).length === 0) continue;
    const below = wordsBelow(v, lexiconVocabulary(lex)).filter((w) => w !== v);
    if (below.length === 0 && !wordnetCategory(v)) continue;
    return { label: v, categories: [], terms: [v, ...below], merchants: [], via: 'wordnet' };
  }
  return null;
}

function innerConcept(lex: Lexicon, words: string[]): Concept | null {
  if (words.length < 2) return null;
  const subs: string[][] = [];
  for (let n = words.length - 1; n >= 1; n--) {
    for (let start = words.length - n; start >= 0; start--) {
      const sub = words.slice(start, start + n);
      if (!sub.every((w) => lex.glue.has(w))) subs.push(sub);
    }
  }
  const forms = (sub: string[]): string[] => {
    const k = sub.join(' ');
    return [k, ...singulars(sub[sub.length - 1]!).map((s) => [...sub.slice(0, -1), s].join(' '))];
  };
  for (const sub of subs) {
    for (const v of forms(sub)) {
      const e = lex.phrases.get(v);
      if (e?.kind === 'merchant') {
        const aliases = lex.merchants.get(e.canonical.toLowerCase())?.aliases ?? [e.key];
        return { label: e.canonical, categories: [], terms: [...new Set(aliases)], merchants: [e.canonical], via: 'lexicon' };
      }
    }
  }
  for (const sub of subs) {
    if (sub.length === 1 && lex.glue.has(sub[0]!)) continue;
    for (const v of forms(sub)) {
      const src = conceptIndex.get(v);
      if (src) return fromSource(lex, src);
    }
  }
  return null;
}

function pool(lex: Lexicon): { text: string; key: string; rank: number }[] {
  const st = conceptState(lex);
  if (st.suggestionPool) return st.suggestionPool;
  const out: { text: string; key: string; rank: number }[] = [];
  const seen = new Set<string>();
  const add = (text: string, rank: number): void => {
    const key = tokenize(text).join(' ');
    if (!key || seen.has(key)) return;
    seen.add(key);
    out.push({ text, key, rank });
  };
  for (const k of conceptIndex.keys()) add(k, 0);
  for (const m of lex.merchants.values()) add(m.entry.canonical, 1);
  for (const e of lex.entries) if (e.kind === 'item' && e.primary !== 'other') add(e.canonical, 2);
  st.suggestionPool = out;
  return out;
}

/**
 * Close known concept words for an unknown phrase (for "I don't know 'xyz' — did you mean …?").
 * e.g. suggestConcepts('cofee') → ['coffee', …]
 */
function suggestConceptsIn(lex: Lexicon, phrase: string, limit = 3): string[] {
  const key = conceptKeys(phrase).at(-1);
  if (!key) return [];
  const max = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
  const scored: { text: string; score: number }[] = [];
  for (const c of pool(lex)) {
    if (Math.abs(c.key.length - key.length) > max) continue;
    const d = damerau(key, c.key, max);
    if (d > max || d === 0) continue;
    scored.push({ text: c.text, score: d * 10 + c.rank + (c.key[0] === key[0] ? 0 : 5) });
  }
  scored.sort((a, b) => a.score - b.score || a.text.localeCompare(b.text));
  return [...new Set(scored.map((s) => s.text))].slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// Startup and introspection

/**
 * The categorizer for one owner's regions (their locale pack's `regions`, most specific first):
 * rows of those regions and rows without a region ("gas" is fuel for a US owner, cooking gas for
 * an Indian one; "Kroger" is known to the first only). Built once per region list.
 * e.g. categoriesFor(['US']).categorize({ item: 'gas', merchant: null }).detail === 'fuel'
 */
export interface Categories {
  regions: readonly string[];
  categorize(input: { item: string | null; merchant: string | null; context?: string }, overrides?: ReadonlyMap<string, CategoryOverride>): Categorization;
  findKnownTerms(tokens: string[]): KnownTerm[];
  isKnownWord(word: string): boolean;
  correctSpelling(token: string): string;
  resolveConcept(phrase: string): Concept | null;
  suggestConcepts(phrase: string, limit?: number): string[];
  categoryNamed(phrase: string): { primary: Primary; detail: string | null } | null;
}

const bound = new Map<string, Categories>();

export function categoriesFor(regions?: readonly string[] | null): Categories {
  const lex = lexiconFor(regions);
  const key = (lex.regions ?? DEFAULT_REGIONS).join(',');
  let c = bound.get(key);
  if (!c) {
    c = {
      regions: lex.regions ?? DEFAULT_REGIONS,
      categorize: (input, overrides) => categorizeIn(lex, input, overrides),
      findKnownTerms: (tokens) => findKnownTermsIn(lex, tokens),
      isKnownWord: (w) => isKnownWordIn(lex, w),
      correctSpelling: (t) => correctWith(t, lex),
      resolveConcept: (p) => resolveConceptIn(lex, p),
      suggestConcepts: (p, limit) => suggestConceptsIn(lex, p, limit),
      categoryNamed: (p) => categoryNamed(p),
    };
    bound.set(key, c);
  }
  return c;
}

// The default owner's categorizer (munshi's default pack, en-IN) for callers that know no pack.

/**
 * Category for an expense from its item, merchant and the rest of the message. Order: user
 * override > lexicon item words > lexicon merchant > WordNet hypernyms of the item's own words >
 * lexicon words elsewhere in the message > generic (weak) words > 'other'.
 * e.g. categorize({ item: 'latte', merchant: 'Starbucks' }) → food/coffee via lexicon
 */
export function categorize(
  input: { item: string | null; merchant: string | null; context?: string },
  overrides?: ReadonlyMap<string, CategoryOverride>,
  regions?: readonly string[] | null,
): Categorization {
  return categorizeIn(lexiconFor(regions), input, overrides);
}

/**
 * Longest-match scan of known items/merchants in lower-cased tokens (typo-tolerant for words of 4+ letters).
 * e.g. findKnownTerms(['latte','at','cafe','coffee','day']) → latte (item), Cafe Coffee Day (merchant)
 */
export function findKnownTerms(tokens: string[], regions?: readonly string[] | null): KnownTerm[] {
  return findKnownTermsIn(lexiconFor(regions), tokens);
}

/** Whether a lower-case word is known to the lexicon as an item or merchant word. e.g. isKnownWord('poha') */
export function isKnownWord(word: string, regions?: readonly string[] | null): boolean {
  return isKnownWordIn(lexiconFor(regions), word);
}

/**
 * Corrects a common misspelling to a lexicon word, or returns the token unchanged (see spelling.ts).
 * e.g. correctSpelling('grocries') === 'groceries'; correctSpelling('spent') === 'spent'
 */
export function correctSpelling(token: string, regions?: readonly string[] | null): string {
  return correctWith(token, lexiconFor(regions));
}

/**
 * Resolves a phrase from a question into a Concept, or null when unknown.
 * e.g. resolveConcept('fizzy drinks') → food/soft_drinks with terms coke, limca, 7up…;
 *      resolveConcept('rapido') → merchants ['Rapido']
 */
export function resolveConcept(phrase: string, regions?: readonly string[] | null): Concept | null {
  return resolveConceptIn(lexiconFor(regions), phrase);
}

/**
 * Close known concept words for an unknown phrase (for "I don't know 'xyz' — did you mean …?").
 * e.g. suggestConcepts('cofee') → ['coffee', …]
 */
export function suggestConcepts(phrase: string, limit = 3, regions?: readonly string[] | null): string[] {
  return suggestConceptsIn(lexiconFor(regions), phrase, limit);
}

/** Loads WordNet and the spelling index now, so the first message does not pay for them. */
export function warmUpCategories(regions?: readonly string[] | null): WordNetStatus {
  const st = preloadWordNet();
  correctSpelling('warmup', regions);
  return st;
}

export function categoriesStatus(): { phrases: number; items: number; merchants: number; wordnet: WordNetStatus } {
  return {
    phrases: LEXICON.phrases.size,
    items: LEXICON.entries.filter((e) => e.kind === 'item').length,
    merchants: LEXICON.merchants.size,
    wordnet: wordNetStatus(),
  };
}

// ---------------------------------------------------------------------------------------------
// Category names

/**
 * The category a phrase names outright, by the taxonomy's labels and the words people use for a
 * category (vocab/category-words.tsv), or null. Used by corrections ("that was groceries").
 * e.g. categoryNamed('groceries') → food/groceries; categoryNamed('transport') → transport; categoryNamed('latte') → null
 */
export function categoryNamed(phrase: string): { primary: Primary; detail: string | null } | null {
  const words = tokenize(phrase).filter((w) => w !== 'category' && w !== 'the' && w !== 'a' && w !== 'an');
  if (words.length === 0) return null;
  const key = words.join(' ');
  const last = words[words.length - 1]!;
  for (const k of [key, ...singulars(last).map((s) => [...words.slice(0, -1), s].join(' ')), `${key}s`]) {
    const src = conceptIndex.get(k);
    // The plural form only finds a category's own name ("gift" → gifts), never a concept's alias ("latte" ≠ "lattes").
    if (k === `${key}s` && src?.kind !== 'cat') continue;
    if (src?.kind === 'cat') return { ...src.cat };
    if (src?.kind === 'def' && src.def.cats.length === 1) {
      const [p, d] = src.def.cats[0]!.split('/');
      return { primary: p as Primary, detail: d ?? null };
    }
  }
  return null;
}
