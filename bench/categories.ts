/**
 * @module bench/categories
 * Cost of the categorizer: lexicon build at module load, categorize() on lexicon hits, the
 * longest-match term scan, spelling repair, the first WordNet load and a WordNet-only answer,
 * and question concepts. Called by bench/run.ts as `categories`; prints nothing itself.
 * Run alone: `npx tsx bench/categories.ts`.
 */
import { fileURLToPath } from 'node:url';
import { ms, type BenchResult } from './stats.js';

function perCall(n: number, fn: (k: number) => void): number {
  const t0 = performance.now();
  for (let k = 0; k < n; k++) fn(k);
  return (performance.now() - t0) / n;
}

export async function benchCategories(): Promise<BenchResult> {
  const t0 = performance.now();
  const cat = await import('../src/categories/index.js');
  const { ALL_GROUPS, buildLexicon } = await import('../src/categories/lexicon.js');
  const { GLUE_WORDS } = await import('../src/categories/data/glue.js');
  const importMs = performance.now() - t0;
  const tb = performance.now();
  buildLexicon(ALL_GROUPS, GLUE_WORDS);
  const buildMs = performance.now() - tb;
  const st = cat.categoriesStatus();

  const tw = performance.now();
  const wn = cat.warmUpCategories();
  const warmMs = performance.now() - tw;

  const hits = [
    { item: 'latte', merchant: 'Starbucks' }, { item: 'chai', merchant: null }, { item: 'petrol', merchant: null },
    { item: 'chicken biryani', merchant: 'Behrouz' }, { item: 'tender coconut', merchant: null }, { item: null, merchant: 'Rapido' },
    { item: 'electricity bill', merchant: null }, { item: 'food', merchant: 'Swiggy' },
  ];
  for (const h of hits) cat.categorize(h);
  const hitMs = perCall(200_000, (k) => cat.categorize(hits[k % hits.length]!));

  const tf = performance.now();
  cat.categorize({ item: 'sherry', merchant: null });
  const firstWordnetMs = performance.now() - tf;
  const wordnetMs = perCall(20_000, () => cat.categorize({ item: 'sherry', merchant: null }));

  const messages = ['spent 500 on a cofee at cafe coffee day yesterday', 'kal petrol 1.2k', 'tender coconut 60 and 2 samosas', 'uber to airport 650'].map((m) => m.split(' '));
  const scanMs = perCall(100_000, (k) => cat.findKnownTerms(messages[k % messages.length]!));
  const spellMs = perCall(100_000, (k) => cat.correctSpelling(['cofee', 'grocries', 'spent', 'jiuce'][k % 4]!));

  const tc = performance.now();
  cat.resolveConcept('soft drinks');
  const firstConceptMs = performance.now() - tc;
  const conceptMs = perCall(2_000, (k) => cat.resolveConcept(['soft drinks', 'my car', 'coffee', 'rapido', 'painkillers'][k % 5]!));
  const tww = performance.now();
  cat.resolveConcept('beverages');
  const wordnetConceptMs = performance.now() - tww;
  const suggestMs = perCall(50, (k) => cat.suggestConcepts(`sofft drinkz${k}`));

  return {
    name: 'categories',
    lines: [
      `lexicon: ${st.items} items, ${st.merchants} merchants, ${st.phrases} phrase keys; build ${ms(buildMs)} (module import incl. build ${ms(importMs)})`,
      `WordNet first load (index + data files): ${wn.loadMs === null ? wn.state : ms(wn.loadMs)}; warm-up call incl. spelling index ${ms(warmMs)}`,
      `categorize, lexicon hit: ${ms(hitMs)} per call`,
      `categorize, WordNet fallback: first ${ms(firstWordnetMs)}, cached ${ms(wordnetMs)} per call`,
      `findKnownTerms on a 4-10 word message: ${ms(scanMs)} per call; correctSpelling: ${ms(spellMs)} per call`,
      `resolveConcept: first ${ms(firstConceptMs)}, then ${ms(conceptMs)} per call; WordNet widening first use ${ms(wordnetConceptMs)}`,
      `suggestConcepts: ${ms(suggestMs)} per call`,
    ],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await benchCategories();
  console.log(`## ${r.name}`);
  for (const l of r.lines) console.log(`  ${l}`);
}
