/**
 * @module categories/lexicon
 * Builds the in-memory lexicon once, at module load, from the TSV rows of src/language/vocab/lexicon: a phrase map
 * (normalized words → item or merchant), the longest phrase per first word (for longest-match
 * scans), and the word vocabulary used by spelling correction and isKnownWord.
 */
import { parseCategoryPath, type Primary } from './taxonomy.js';
import { normToken, tokenize } from './text.js';
import type { LexGroup } from './data/types.js';
import { loadLexiconRows } from './data/load.js';
import { GLUE_WORDS } from './data/glue.js';

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
}

/**
 * Hindi/Punjabi possessive particles ("bijli ka bill", "bacchon ki fees"): scans skip them, so
 * "paani ka bill" meets "paani bill".
 */
export const POSSESSIVES: ReadonlySet<string> = new Set(['ka', 'ki', 'ke', 'da', 'di', 'de']);

/** Every lexicon row (src/language/vocab/lexicon/*.tsv), one group per row, in file order. */
export const ALL_GROUPS: readonly LexGroup[] = loadLexiconRows();

function splitList(s: string | undefined): string[] {
  if (!s) return [];
  return s.split(',').map((x) => x.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Builds a lexicon from groups. Throws on a malformed category path (a data bug, caught by tests). */
export function buildLexicon(groups: readonly LexGroup[], glueText: string): Lexicon {
  const glue = new Set(splitList(glueText).map(normToken).filter(Boolean));
  const phrases = new Map<string, LexEntry>();
  const maxWords = new Map<string, number>();
  const words = new Set<string>();
  const merchants = new Map<string, { entry: LexEntry; aliases: string[] }>();
  const entries: LexEntry[] = [];
  const conflicts: string[] = [];
  let rank = 0;

  const register = (tokens: string[], entry: LexEntry, aliasesOut?: string[]): void => {
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
        if (i === 0 && prev !== entry && (prev.primary !== entry.primary || prev.detail !== entry.detail || prev.kind !== entry.kind)) {
          conflicts.push(`"${key}": ${prev.kind} ${prev.primary}/${prev.detail} vs ${entry.kind} ${entry.primary}/${entry.detail}`);
        }
        return;
      }
      phrases.set(key, entry);
      aliasesOut?.push(key);
      const words = key.split(' ');
      const first = words[0]!;
      const n = words.length;
      if ((maxWords.get(first) ?? 0) < n) maxWords.set(first, n);
    });
    for (const t of tokens) if (!glue.has(t)) words.add(t);
  };

  for (const g of groups) {
    const cat = parseCategoryPath(g.cat);
    const [, det] = g.cat.split('/');
    if (!cat || (det && cat.detail !== det)) throw new Error(`lexicon: bad category "${g.cat}"`);
    const tags = g.tags ?? [];
    const weak = g.weak ?? false;
    for (const phrase of splitList(g.items)) {
      const tokens = tokenize(phrase);
      const entry: LexEntry = { kind: 'item', key: tokens.join(' '), canonical: tokens.join(' '), primary: cat.primary, detail: cat.detail, tags, weak, rank: rank++ };
      if (!phrases.has(entry.key)) entries.push(entry);
      register(tokens, entry);
    }
    for (const spec of splitList(g.merchants)) {
      const parts = spec.split('|').map((x) => x.trim()).filter(Boolean);
      let canonical = parts[0]!;
      // "~Name" keeps the brand spelling but does not match the bare name (it is an everyday word).
      const bareName = !canonical.startsWith('~');
      canonical = canonical.replace(/^~/, '');
      const tokens = tokenize(canonical);
      const entry: LexEntry = { kind: 'merchant', key: tokens.join(' '), canonical, primary: cat.primary, detail: cat.detail, tags, weak, rank: rank++ };
      const aliases: string[] = [];
      if (bareName) register(tokens, entry, aliases);
      for (const alias of parts.slice(1)) register(tokenize(alias), entry, aliases);
      if (aliases.length > 0 && !merchants.has(canonical.toLowerCase())) {
        merchants.set(canonical.toLowerCase(), { entry, aliases });
        entries.push(entry);
      }
    }
  }
  return { phrases, maxWords, words, glue, merchants, entries, conflicts };
}

/** The lexicon built from munshi's data; built once when this module loads (a few milliseconds). */
export const LEXICON: Lexicon = buildLexicon(ALL_GROUPS, GLUE_WORDS);
