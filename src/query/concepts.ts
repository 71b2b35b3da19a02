/**
 * @module query/concepts
 * The concept source answers use by default: the categories module's concept lexicon
 * (resolveConcept / suggestConcepts), in the ConceptSource shape resolve.ts needs, plus a few
 * narrower concepts where that lexicon files a word under a wider family than the owner means
 * ("auto" under taxis would count Uber cabs; "seafood" under meat would count chicken).
 */
import { resolveConcept, suggestConcepts } from '../categories/index.js';
import { normTerm, singularForms } from './match.js';
import type { ConceptLike, ConceptSource } from './resolve.js';
import { wordsOf } from '../language/vocab/vocabulary.js';
import { loadConcepts } from '../categories/data/load.js';
import { lexiconFor } from '../categories/lexicon.js';

const list = (s: string): string[] => s.split(',').map((x) => x.trim().replace(/\s+/g, ' ')).filter(Boolean);

/**
 * Narrower than the categories concept the same words reach. Names are matched whole, after
 * dropping words that only say "an occasion of it" (rides, fares, trips…). No categories: a row
 * counts by its words, so a cab filed under Taxi is not an auto.
 */
const NARROWER: { names: string[]; concept: ConceptLike; tags?: string[] }[] = [
  {
    names: list('seafood, sea food, seafoods, fish and seafood, fish and prawns, fish or prawns, fish n prawns, fish prawns, shellfish'),
    // Regional names of fish and shellfish ("bangdo", "chemmeen") are lexicon rows tagged seafood.
    tags: ['seafood'],
    concept: {
      label: 'seafood',
      categories: [],
      terms: list(`fish, fish fry, fish curry, fish thali, fish finger, fish and chips, prawn, prawns, shrimp, shrimps, crab, crabs, lobster,
        squid, calamari, octopus, mussels, clams, oysters, scallops, pomfret, surmai, kingfish, king fish, seer fish, rohu, katla, hilsa,
        ilish, bangda, mackerel, bombil, bombay duck, sardine, sardines, tuna, salmon, basa, tilapia, anchovy, anchovies, machli, machhi,
        macchi, jhinga, chingri, kolambi, meen, karimeen, sushi, sashimi, seafood, sea food, chowder, clam chowder, lobster roll,
        crab cakes, fish tacos, ceviche, poke bowl, clam, scallop, mussel, fish sandwich, fish fillet`),
      merchants: [],
      via: 'category',
    },
  },
  {
    names: list('auto, autos, auto rickshaw, auto rickshaws, autorickshaw, rickshaw, rickshaws, riksha, rikshaw, tuk tuk, tuktuk, e rickshaw'),
    concept: {
      label: 'autos',
      categories: [],
      terms: list(`auto, autos, auto rickshaw, autorickshaw, rickshaw, riksha, rikshaw, tuk tuk, tuktuk, e rickshaw, toto, shared auto,
        meter auto, prepaid auto, uber auto, ola auto, rapido auto, auto fare, auto ride`),
      merchants: [],
      via: 'category',
    },
  },
  {
    names: list('formula, formula milk, infant formula, baby formula, formula powder'),
    concept: {
      label: 'formula milk',
      categories: [],
      terms: list('formula, formula milk, infant formula, baby formula, lactogen, nan pro, nanpro, similac, enfamil, aptamil, dexolac, infant milk'),
      merchants: [],
      via: 'category',
    },
  },
  {
    // The lexicon knows "baby food" only as its own words; the owner logs it by brand or kind.
    names: list('baby food, baby foods, infant food, baby cereal, baby milk, weaning food'),
    concept: {
      label: 'baby food',
      categories: [],
      terms: list(`baby food, infant food, infant formula, baby formula, formula, formula milk, cerelac, lactogen, nan pro, nanpro, similac,
        enfamil, aptamil, dexolac, farex, nestum, baby cereal, baby puree, puree, weaning food, ragi porridge, sprouted ragi, slurp farm,
        timios, early foods, happa, baby milk, infant milk`),
      merchants: [],
      via: 'category',
    },
  },
];

/** Words that name one occasion of the thing, not the thing ("auto rides", "seafood dinners"). */
const OCCASION = wordsOf('subject_edge', 'occasion');

const narrowerIndex = new Map<string, { concept: ConceptLike; tags?: string[] }>();
for (const n of NARROWER) for (const name of n.names) narrowerIndex.set(name, n);

const taggedCache = new Map<string, string[]>();
/** The item phrases of the owner's lexicon that carry one of these tags (a scan of the lexicon, once per regions and tags). */
function taggedItems(tags: readonly string[], regions: readonly string[] | undefined): string[] {
  const key = `${regions?.join(',') ?? ''}|${tags.join(',')}`;
  let out = taggedCache.get(key);
  if (!out) {
    out = [];
    for (const [phrase, e] of lexiconFor(regions).phrases) if (e.kind === 'item' && e.tags.some((t) => tags.includes(t))) out.push(phrase);
    taggedCache.set(key, out);
  }
  return out;
}

/** The narrower concept a phrase names, if any, with the owner's lexicon rows carrying its tags. */
export function narrowerConcept(phrase: string, regions?: readonly string[]): ConceptLike | null {
  const words = normTerm(phrase).split(' ');
  while (words.length > 1 && OCCASION.has(words[words.length - 1]!)) words.pop();
  for (const f of singularForms(words.join(' '))) {
    const n = narrowerIndex.get(f);
    if (!n) continue;
    const c = structuredClone(n.concept);
    if (n.tags) c.terms = [...new Set([...c.terms, ...taggedItems(n.tags, regions)])];
    return c;
  }
  return null;
}

/** Per region list: every word → the lexicon's names of several words that hold it. */
const namesByWord = new Map<string, Map<string, { key: string; cat: string; shop: boolean }[]>>();
function longerNames(regions: readonly string[] | undefined): Map<string, { key: string; cat: string; shop: boolean }[]> {
  const k = regions?.join(',') ?? '';
  let idx = namesByWord.get(k);
  if (!idx) {
    idx = new Map();
    for (const [key, e] of lexiconFor(regions).phrases) {
      if (!key.includes(' ')) continue;
      for (const w of new Set(key.split(' '))) {
        const list = idx.get(w) ?? [];
        list.push({ key, cat: e.detail ? `${e.primary}/${e.detail}` : e.primary, shop: e.kind === 'merchant' });
        idx.set(w, list);
      }
    }
    namesByWord.set(k, idx);
  }
  return idx;
}

/**
 * The lexicon's names of other things that hold one of a concept's member words as a word of
 * their own ("dr pepper" holds groceries' "pepper", "ice cream" its "cream", "bill miller bbq"
 * beer's "miller"): neither a member nor filed under one of the concept's categories. A plural
 * name is given in the singular too ("bill millers" is also "bill miller").
 * e.g. conceptBlockers(groceries, ['US']) includes 'dr pepper' and 'ice cream', not 'chicken biryani'
 */
export function conceptBlockers(c: ConceptLike, regions?: readonly string[]): string[] {
  const idx = longerNames(regions);
  const members = new Set(c.terms.map(normTerm));
  const cats = new Set(c.categories.map((x) => (x.detail ? `${x.primary}/${x.detail}` : x.primary)));
  const inCats = (cat: string): boolean => cats.has(cat) || cats.has(cat.split('/')[0]!);
  const out = new Set<string>();
  for (const term of members) {
    const tw = term.split(' ');
    for (const n of idx.get(tw[0]!) ?? []) {
      if (members.has(n.key) || inCats(n.cat) || n.key.split(' ').length <= tw.length) continue;
      // A member word that ends another thing's name is that thing's ("ice cream", "root beer"); one
      // that opens it only says what is in it ("chicken biryani" is still chicken). Any word of a
      // shop's name is the shop's.
      const forms = singularForms(n.key);
      if (!forms.some((f) => ` ${f} `.includes(` ${term} `) && (n.shop || !f.startsWith(`${term} `)))) continue;
      for (const f of forms) out.add(f);
    }
  }
  return [...out];
}

/**
 * The primaries a concept's member words are filed under by the lexicon, when it names no category
 * ("vegetables" by its tag: food), so a member word on a row filed elsewhere is not taken for it.
 * Null when some member word is unknown to the lexicon or the concept has categories.
 * e.g. conceptHomes(vegetables, ['IN']) → ['food']
 */
export function conceptHomes(c: ConceptLike, regions?: readonly string[]): string[] | null {
  if (c.categories.length || !c.terms.length) return null;
  const phrases = lexiconFor(regions).phrases;
  const out = new Set<string>();
  let known = 0;
  for (const term of c.terms) {
    const e = phrases.get(normTerm(term)) ?? singularForms(normTerm(term)).map((f) => phrases.get(f)).find(Boolean);
    if (!e) continue;
    known++;
    out.add(e.primary);
  }
  // Mostly words the lexicon does not file (a curated list of its own): nothing to bound it by.
  return known * 2 >= c.terms.length && out.size ? [...out] : null;
}

/** A region no row names: its lexicon holds only the rows for everyone. */
const NO_REGION: readonly string[] = ['ZZ'];
/** The concept of each detail category that one concept covers alone ("transport/fuel" → fuel). */
const CONCEPT_OF_DETAIL = new Map<string, string>();
for (const c of loadConcepts()) if (c.cats.length === 1 && c.cats[0]!.includes('/') && !CONCEPT_OF_DETAIL.has(c.cats[0]!)) CONCEPT_OF_DETAIL.set(c.cats[0]!, c.label);

/**
 * A word whose everyday sense depends on where the owner lives ("gas": fuel to an American, the gas
 * bill to a Briton): when the owner's regional lexicon files the word itself under a category the
 * general concept of that word does not cover, the owner means the regional sense, and gets the
 * concept of that category. Null when the senses agree or the word has no regional row.
 * e.g. regionalSense('gas', ['US'])?.label === 'fuel'; regionalSense('gas', ['GB']) === null
 */
export function regionalSense(phrase: string, regions?: readonly string[]): ConceptLike | null {
  if (!regions?.length) return null;
  const p = normTerm(phrase);
  if (p.includes(' ')) return null;
  const own = lexiconFor(regions).phrases.get(p);
  if (!own || own.kind !== 'item' || !own.detail) return null;
  // Only a row of the owner's regions says so: a row for everyone is the general sense already.
  const everywhere = lexiconFor(NO_REGION).phrases.get(p);
  if (everywhere && everywhere.primary === own.primary && everywhere.detail === own.detail) return null;
  const general = resolveConcept(p, regions);
  if (!general || !general.categories.length) return null;
  const cat = `${own.primary}/${own.detail}`;
  if (general.categories.some((c) => c.primary === own.primary && (c.detail === null || c.detail === own.detail))) return null;
  const label = CONCEPT_OF_DETAIL.get(cat);
  const regional = label ? resolveConcept(label, regions) : null;
  return regional && regional.categories.some((c) => c.primary === own.primary && c.detail === own.detail) ? { ...regional, notIn: general.categories } : null;
}

const sources = new Map<string, ConceptSource>();
const homeCache = new Map<string, string[] | null>();
const blockerCache = new Map<string, string[]>();

/**
 * The categories module's concepts for the owner's regions (their locale pack's; default en-IN's),
 * with the query side's narrower ones first.
 */
export function defaultConcepts(regions?: readonly string[]): ConceptSource {
  const key = regions?.join(',') ?? '';
  let source = sources.get(key);
  if (!source) {
    source = {
      resolve: (phrase) => {
        const c: ConceptLike | null = narrowerConcept(phrase, regions) ?? regionalSense(phrase, regions) ?? resolveConcept(phrase, regions);
        if (!c || c.categories.length) return c;
        const hk = `${key}|${c.label}|${c.terms.length}`;
        let homes = homeCache.get(hk);
        if (homes === undefined) homeCache.set(hk, (homes = conceptHomes(c, regions)));
        return homes ? { ...c, homes } : c;
      },
      suggest: (phrase, limit) => suggestConcepts(phrase, limit, regions),
      isName: (phrase) => isConceptName(phrase),
      isAlias: (phrase) => isListedConceptName(phrase),
      blockers: (c) => {
        const ck = `${key}|${c.label}|${c.terms.length}`;
        let b = blockerCache.get(ck);
        if (!b) blockerCache.set(ck, (b = conceptBlockers(c, regions)));
        return b;
      },
    };
    sources.set(key, source);
  }
  return source;
}

const TRAIL = wordsOf('subject_edge', 'trail');
/** Every concept name and alias of several words as listed, occasion word and all ("restaurant meals"). */
const LISTED_NAMES: ReadonlySet<string> = new Set(
  [...loadConcepts().flatMap((c) => [c.label, ...c.aliases.split(',')]), ...NARROWER.flatMap((n) => n.names)].map((p) => normTerm(p)).filter((p) => p.includes(' ')),
);
/**
 * Concept names written with glue words inside ("meals out", "gas for the car"): one subject, not
 * two. Names ending in a word the planner trims anyway ("housing costs", "car expenses") are left
 * to it: kept whole they would name the wider concept ("home") instead of the category.
 */
const GLUED_NAMES: ReadonlySet<string> = new Set([...LISTED_NAMES].filter((p) => !TRAIL.has(p.split(' ').pop()!) && !OCCASION.has(p.split(' ').pop()!)));

/** Whether a phrase of several words is written as a concept's name or alias. */
export function isListedConceptName(phrase: string): boolean {
  return LISTED_NAMES.has(normTerm(phrase));
}

/** Whether a phrase of several words is the name or an alias of a concept. e.g. isConceptName('meals out') === true */
export function isConceptName(phrase: string): boolean {
  return GLUED_NAMES.has(normTerm(phrase));
}
