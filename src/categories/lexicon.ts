/**
 * @module categories/lexicon
 * Builds the in-memory lexicon once, at module load, from the TSV rows of src/language/vocab/lexicon: a phrase map
 * (normalized words → item or merchant), the longest phrase per first word (for longest-match
 * scans), and the word vocabulary used by spelling correction and isKnownWord.
 *
 * Rows may be regional (the `region` column): a lexicon is built for one owner's regions (their
 * locale pack's, most specific first) from the rows of those regions and the rows without a region.
 * A regional row beats an unmarked row of the same phrase ("gas" is fuel in the US, cooking gas
 * elsewhere); rows of other regions are simply absent. `lexiconFor` builds each once.
 */
import { parseCategoryPath, type Primary } from './taxonomy.js';
import { normToken, tokenize } from './text.js';
import type { LexGroup } from './data/types.js';
import { loadLexiconRows } from './data/load.js';
import { GLUE_WORDS } from './data/glue.js';
import { wordsOf } from '../language/vocab/vocabulary.js';
import { splitElisions } from '../language/normalize.js';

export interface LexEntry {
  kind: 'item' | 'merchant';
  /** Normalized phrase, words joined by one space ("cafe coffee day"). */
  key: string;
  /** Brand spelling for merchants ("Cafe Coffee Day"); the phrase itself for items. */
  canonical: string;
  primary: Primary;
  detail: string | null;
  tags: readonly string[];
  weak: boolean;
  /** Definition order; earlier data wins ties. */
  rank: number;
}

export interface Lexicon {
  phrases: Map<string, LexEntry>;
  /** First word → the most words any phrase starting with it has. */
  maxWords: Map<string, number>;
  /** Every non-glue word of every phrase. */
  words: Set<string>;
  glue: Set<string>;
  /** One entry per merchant canonical name (lower case) with all its alias keys. */
  merchants: Map<string, { entry: LexEntry; aliases: string[] }>;
  /** Distinct entries in definition order (aliases of one merchant share an entry object). */
  entries: LexEntry[];
  /** Data problems found while building: the same phrase under two different categories. */
  conflicts: string[];
  /**
   * Merchant phrase key → the name to show and store for it: the row's spelling of the alias the
   * user wrote when the row capitalises it ("Comcast|Xfinity": "xfinity" shows as "Xfinity"), else
   * the brand's canonical ("ccd" shows as "Cafe Coffee Day").
   */
  display: Map<string, string>;
  /** The regions this lexicon was built for (null: every row, unfiltered). */
  regions: readonly string[] | null;
}

/**
 * Hindi/Punjabi possessive particles ("bijli ka bill", "bacchon ki fees"): scans skip them, so
 * "paani ka bill" meets "paani bill".
 */
/** Possessives that are also words of their own (Marathi "cha", Bengali tea): read as possessive only between two words. */
export const POSSESSIVE_WORDS: ReadonlySet<string> = wordsOf('possessive', 'also_word');
export const POSSESSIVES: ReadonlySet<string> = new Set([...wordsOf('possessive')].filter((w) => !POSSESSIVE_WORDS.has(w)));

/** Every lexicon row (src/language/vocab/lexicon/*.tsv), one group per row, in file order. */
export const ALL_GROUPS: readonly LexGroup[] = loadLexiconRows();

function splitList(s: string | undefined): string[] {
  if (!s) return [];
  return s.split(',').map((x) => x.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/**
 * How an item is shown and stored: its lookup key, or the row's own spelling when that only adds
 * accents ("brötchen", "kontoführungsgebühr", "café"), so a German owner's ledger reads German.
 */
function shownItem(phrase: string, tokens: readonly string[]): string {
  const key = tokens.join(' ');
  const own = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  if (own === key || !/[^\x00-\x7f]/.test(own)) return key;
  return own.normalize('NFKD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC') === key ? own.normalize('NFC') : key;
}

/**
 * The rows a lexicon for these regions reads, most specific first: rows of regions[0], then of
 * regions[1] ..., then rows without a region; each tier keeps file order. null regions: every row.
 */
export function rowsFor(groups: readonly LexGroup[], regions: readonly string[] | null): LexGroup[] {
  if (!regions) return [...groups];
  const tier = (g: LexGroup): number => {
    if (!g.regions || g.regions.length === 0) return regions.length;
    const k = regions.findIndex((r) => g.regions!.includes(r));
    return k < 0 ? -1 : k;
  };
  const tiers: LexGroup[][] = Array.from({ length: regions.length + 1 }, () => []);
  for (const g of groups) {
    const k = tier(g);
    if (k >= 0) tiers[k]!.push(g);
  }
  return tiers.flat();
}

/**
 * Builds a lexicon from groups, for some regions (null: every row). Throws on a malformed category
 * path (a data bug, caught by tests). A phrase filed differently by a more specific tier (a regional
 * row over an unmarked one) is the point of regional rows, not a conflict.
 */
export function buildLexicon(groups: readonly LexGroup[], glueText: string, regions: readonly string[] | null = null): Lexicon {
  const ordered = rowsFor(groups, regions);
  const tierOf = new Map<LexGroup, number>();
  if (regions) for (const g of ordered) tierOf.set(g, g.regions?.length ? regions.findIndex((r) => g.regions!.includes(r)) : regions.length);
  const glue = new Set(splitList(glueText).map(normToken).filter(Boolean));
  const phrases = new Map<string, LexEntry>();
  const maxWords = new Map<string, number>();
  const words = new Set<string>();
  const merchants = new Map<string, { entry: LexEntry; aliases: string[] }>();
  const entries: LexEntry[] = [];
  const conflicts: string[] = [];
  const display = new Map<string, string>();
  const tierOfEntry = new Map<LexEntry, number>();
  let rank = 0;
  // Packs that read France read "l'essence" as "l' essence" (language/tokens.ts): their phrases are
  // also registered with the elision apart.
  const elide = !!regions && (regions.includes('FR') || regions.includes('BE'));

  const register = (tokens: string[], entry: LexEntry, aliasesOut?: string[], shown?: string): void => {
    if (tokens.length === 0) return;
    // A one-word brand that is also a glue word ("More", "Total") would fire on ordinary text.
    if (tokens.length === 1 && glue.has(tokens[0]!)) return;
    const keys = [tokens.join(' ')];
    if (tokens.length > 1) keys.push(tokens.join('')); // "coca-cola" arrives as one token
    // "hide & seek" loses its "&" in tokenizing, so "hide and seek" is also "hide seek"; and
    // scans skip Hindi possessives, so "ganne ka ras" is also "ganne ras".
    const noAnd = tokens.filter((t) => t !== 'and' && !POSSESSIVES.has(t));
    if (noAnd.length > 0 && noAnd.length < tokens.length) keys.push(noAnd.join(' '));
    keys.forEach((key, i) => {
      const prev = phrases.get(key);
      if (prev) {
        const sameTier = (tierOfEntry.get(prev) ?? 0) === (tierOfEntry.get(entry) ?? 0);
        if (i === 0 && sameTier && prev !== entry && (prev.primary !== entry.primary || prev.detail !== entry.detail || prev.kind !== entry.kind)) {
          conflicts.push(`"${key}": ${prev.kind} ${prev.primary}/${prev.detail} vs ${entry.kind} ${entry.primary}/${entry.detail}`);
        }
        return;
      }
      phrases.set(key, entry);
      if (shown !== undefined) display.set(key, shown);
      aliasesOut?.push(key);
      const words = key.split(' ');
      const first = words[0]!;
      const n = words.length;
      if ((maxWords.get(first) ?? 0) < n) maxWords.set(first, n);
    });
    for (const t of tokens) if (!glue.has(t)) words.add(t);
  };
  const registerApart = (phrase: string, entry: LexEntry, aliasesOut?: string[], shown?: string): void => {
    const apart = splitElisions(phrase);
    if (apart !== phrase) register(tokenize(apart), entry, aliasesOut, shown);
  };

  for (const g of ordered) {
    const tier = tierOf.get(g) ?? 0;
    const cat = parseCategoryPath(g.cat);
    const [, det] = g.cat.split('/');
    if (!cat || (det && cat.detail !== det)) throw new Error(`lexicon: bad category "${g.cat}"`);
    const tags = g.tags ?? [];
    const weak = g.weak ?? false;
    for (const phrase of splitList(g.items)) {
      const tokens = tokenize(phrase);
      const entry: LexEntry = { kind: 'item', key: tokens.join(' '), canonical: shownItem(phrase, tokens), primary: cat.primary, detail: cat.detail, tags, weak, rank: rank++ };
      tierOfEntry.set(entry, tier);
      if (!phrases.has(entry.key)) entries.push(entry);
      register(tokens, entry);
      if (elide) registerApart(phrase, entry);
    }
    for (const spec of splitList(g.merchants)) {
      const parts = spec.split('|').map((x) => x.trim()).filter(Boolean);
      let canonical = parts[0]!;
      // "~Name" keeps the brand spelling but does not match the bare name (it is an everyday word).
      const bareName = !canonical.startsWith('~');
      canonical = canonical.replace(/^~/, '');
      const tokens = tokenize(canonical);
      // Another row of the same brand and category (a region's own names for it, "maccies") adds
      // names to that brand rather than making a second one.
      const same = merchants.get(canonical.toLowerCase());
      const reuse = same && same.entry.primary === cat.primary && same.entry.detail === cat.detail ? same : undefined;
      const entry: LexEntry = reuse?.entry ?? { kind: 'merchant', key: tokens.join(' '), canonical, primary: cat.primary, detail: cat.detail, tags, weak, rank: rank++ };
      if (!reuse) tierOfEntry.set(entry, tier);
      const aliases: string[] = reuse?.aliases ?? [];
      if (bareName) register(tokens, entry, aliases, canonical);
      if (bareName && elide) registerApart(canonical, entry, aliases, canonical);
      // An alias the row capitalises is a name in its own right ("Comcast|Xfinity"), shown as
      // written; a lower-case alias is an informal spelling of the brand ("ccd"), shown as the brand.
      for (const alias of parts.slice(1)) {
        register(tokenize(alias), entry, aliases, /\p{Lu}/u.test(alias) ? alias : canonical);
        if (elide) registerApart(alias, entry, aliases, /\p{Lu}/u.test(alias) ? alias : canonical);
      }
      if (!reuse && aliases.length > 0 && !merchants.has(canonical.toLowerCase())) {
        merchants.set(canonical.toLowerCase(), { entry, aliases });
        entries.push(entry);
      }
    }
  }
  return { phrases, maxWords, words, glue, merchants, entries, conflicts, display, regions };
}

/** The regions of munshi's default locale pack (en-IN, its first users), for callers that pass none. */
export const DEFAULT_REGIONS: readonly string[] = ['IN'];

const built = new Map<string, Lexicon>();

/**
 * The lexicon for an owner's regions (their locale pack's `regions`, most specific first), built
 * once per distinct list. e.g. lexiconFor(['US']).phrases.get('gas')?.detail === 'fuel'
 */
export function lexiconFor(regions: readonly string[] | null | undefined): Lexicon {
  const list = regions && regions.length ? regions : DEFAULT_REGIONS;
  const key = list.join(',');
  let lex = built.get(key);
  if (!lex) built.set(key, (lex = buildLexicon(ALL_GROUPS, GLUE_WORDS, list)));
  return lex;
}

/** The lexicon of the default regions; built once when this module loads (a few milliseconds). */
export const LEXICON: Lexicon = lexiconFor(DEFAULT_REGIONS);

/**
 * Every word of every row of every region: a word some pack knows is never "repaired" into another
 * word ("netto" is a German grocer, not a typo of an Indian brand), even for an owner whose pack
 * lacks it.
 */
export const ANY_PACK_WORDS: ReadonlySet<string> = (() => {
  const out = new Set<string>();
  const glue = new Set(splitList(GLUE_WORDS).map(normToken).filter(Boolean));
  for (const g of ALL_GROUPS) {
    for (const spec of [...splitList(g.items), ...splitList(g.merchants)]) {
      for (const part of spec.split('|')) for (const t of tokenize(part.replace(/^~/, ''))) if (!glue.has(t)) out.add(t);
    }
  }
  return out;
})();
