/**
 * @module categories/data/load
 * Reads the lexicon from the language layer's data files (src/language/vocab/lexicon/*.tsv,
 * concepts.tsv, category-words.tsv, synonyms.tsv, wordnet-anchors.tsv): one row per item or
 * merchant, validated, so someone who does not write TypeScript can add a shop or a dish.
 */
import { fileURLToPath } from 'node:url';
import { readTsvDir, readTsvFile, VocabError } from '../../language/vocab/tsv.js';
import { isRegion } from '../../language/vocab/roles.js';
import { parseCategoryPath } from '../taxonomy.js';
import type { LexGroup } from './types.js';
import type { ConceptDef } from './concepts-type.js';
import type { Anchor } from './anchors-type.js';

const VOCAB = new URL('../../language/vocab/', import.meta.url);
const path = (rel: string): string => fileURLToPath(new URL(rel, VOCAB));

function checkCategory(cat: string, where: string): void {
  const parsed = parseCategoryPath(cat);
  const det = cat.split('/')[1];
  if (!parsed || (det && parsed.detail !== det)) throw new VocabError(`${where}: unknown category "${cat}"`);
}

/** One LexGroup per row of vocab/lexicon/*.tsv, in file order. */
export function loadLexiconRows(): LexGroup[] {
  return readTsvDir(path('lexicon/'), ['phrase', 'kind', 'category', 'tags', 'weak', 'region']).map((r) => {
    const c = r.cells;
    const where = `${r.file}:${r.line}`;
    checkCategory(c.category ?? '', where);
    const regions = (c.region ?? '').split(',').map((x) => x.trim()).filter(Boolean);
    for (const g of regions) if (!isRegion(g)) throw new VocabError(`${where}: unknown region "${g}"`);
    if (c.weak && c.weak !== 'yes') throw new VocabError(`${where}: weak must be "yes" or empty`);
    const phrase = (c.phrase ?? '').trim();
    if (!phrase) throw new VocabError(`${where}: empty phrase`);
    const g: LexGroup = { cat: c.category!, weak: c.weak === 'yes' };
    const tags = (c.tags ?? '').split(',').map((x) => x.trim()).filter(Boolean);
    if (tags.length) g.tags = tags;
    if (regions.length) g.regions = regions;
    if (c.kind === 'item') {
      if (phrase.includes('|')) throw new VocabError(`${where}: an item row holds one phrase (give each other name its own row)`);
      g.items = phrase;
    } else if (c.kind === 'merchant') g.merchants = phrase;
    else if (c.kind === 'brand') g.merchants = `~${phrase}`;
    else throw new VocabError(`${where}: kind must be item, merchant or brand`);
    return g;
  });
}

const pipes = (s: string | undefined): string => (s ?? '').split('|').map((x) => x.trim()).filter(Boolean).join(', ');

export function loadConcepts(): ConceptDef[] {
  return readTsvFile(path('concepts.tsv'), ['label', 'aliases', 'categories', 'tags', 'terms', 'exclude', 'merchants', 'containing']).map((r) => {
    const c = r.cells;
    const cats = (c.categories ?? '').split(',').map((x) => x.trim()).filter(Boolean);
    for (const cat of cats) checkCategory(cat, `${r.file}:${r.line}`);
    const d: ConceptDef = { label: c.label!, aliases: pipes(c.aliases), cats };
    const tags = (c.tags ?? '').split(',').map((x) => x.trim()).filter(Boolean);
    if (tags.length) d.tags = tags;
    if (c.terms) d.terms = pipes(c.terms);
    if (c.exclude) d.exclude = pipes(c.exclude);
    if (c.merchants) d.merchants = pipes(c.merchants);
    if (c.containing) d.containing = pipes(c.containing);
    return d;
  });
}

/** category → comma-separated phrases, for primaries and for details. */
export function loadCategoryWords(): { primaries: Record<string, string>; details: Record<string, string> } {
  const primaries: Record<string, string> = {};
  const details: Record<string, string> = {};
  for (const r of readTsvFile(path('category-words.tsv'), ['category', 'phrases'])) {
    const cat = r.cells.category!;
    checkCategory(cat, `${r.file}:${r.line}`);
    (cat.includes('/') ? details : primaries)[cat] = pipes(r.cells.phrases);
  }
  return { primaries, details };
}

/** Synonym groups, one line per group, comma-separated (the form categories/index.ts reads). */
export function loadSynonyms(): string {
  return readTsvFile(path('synonyms.tsv'), ['words']).map((r) => pipes(r.cells.words)).join('\n');
}

export function loadAnchors(): Anchor[] {
  return readTsvFile(path('wordnet-anchors.tsv'), ['synset', 'category', 'weak']).map((r) => {
    checkCategory(r.cells.category!, `${r.file}:${r.line}`);
    const a: Anchor = { synset: r.cells.synset!, cat: r.cells.category! };
    if (r.cells.weak === 'yes') a.weak = true;
    return a;
  });
}
