/**
 * @module query/resolve
 * Turns the subjects of a plan ("rapido", "fizzy drinks", "tender coconut") into matchers over the
 * ledger. Order, most specific first: a merchant the owner has paid; a concept the phrase names
 * ("soft drinks", "painkillers"); the literal words where the ledger has them ("hotstar"); the
 * family of a member word with no literal hit ("beer" → alcohol); the optional expandConcept hook;
 * otherwise unknown, with suggestions, never "everything".
 */
import { isPrimary, primaryDef, type Primary } from '../categories/taxonomy.js';
import type { ExpenseQueries, ResolvedFilters } from './execute.js';
import { merchantVariants, normTerm, singularForms, type Matcher } from './match.js';
import type { CategoryRef, Filters } from './types.js';
import type { IsoDate } from '../core/dates.js';
import { wordsOf } from '../language/vocab/vocabulary.js';
import { fold } from '../language/normalize.js';

/** A concept below the category, as the categories module describes it. */
export interface ConceptLike {
  label: string;
  categories: CategoryRef[];
  terms: string[];
  merchants: string[];
  via?: string;
  /** The primaries its member words are filed under in the lexicon (a concept with no categories). */
  homes?: string[];
  /** Categories of another sense of the same word, never reached by its words (see Matcher.notIn). */
  notIn?: CategoryRef[];
  /** Rows naming one of these are not the concept (see Matcher.unless). */
  unless?: string[];
}

/** Where concepts come from (the categories module by default; tests may pass their own). */
export interface ConceptSource {
  resolve(phrase: string): ConceptLike | null;
  /** Close concept names for an unknown phrase, best first. */
  suggest(phrase: string, limit: number): string[];
  /** Whether a phrase of several words is itself a listed name of a concept ("fizzy juice"). */
  isName?(phrase: string): boolean;
  /** Whether a phrase is written exactly as a concept's name or alias ("restaurant meals"), occasion word and all. */
  isAlias?(phrase: string): boolean;
  /** Names of other things that hold one of the concept's member words ("dr pepper" for groceries' "pepper"). */
  blockers?(c: ConceptLike): string[];
}

export type ExpandConcept = (phrase: string) => Promise<{ terms: string[]; merchants: string[] } | null>;

export type Resolution =
  | { phrase: string; how: 'category' | 'merchant' | 'concept' | 'literal' | 'family' | 'expanded'; label: string; matcher: Matcher }
  | { phrase: string; how: 'unknown'; label: string; suggestions: string[] };

export interface ResolvedPlanFilters {
  filters: ResolvedFilters;
  resolutions: Resolution[];
  unknown: Extract<Resolution, { how: 'unknown' }>[];
  /** How the reply names what was asked about: "Food", "Rapido", "Soft drinks". */
  what: string | null;
  /** Stray words left out of the filters ("altogether"); the reply may mention them. */
  ignored: string[];
}

export interface ResolveDeps {
  queries: ExpenseQueries;
  owner: string;
  concepts: ConceptSource | null;
  expandConcept?: ExpandConcept;
}

/** Resolves every subject of the filters; unknown ones are reported, not dropped. */
export async function resolveFilters(deps: ResolveDeps, f: Filters): Promise<ResolvedPlanFilters> {
  const resolutions: Resolution[] = [];
  const groups: Matcher[][] = [];
  const labels: string[] = [];
  if (f.categories.length) {
    groups.push([{ categories: f.categories, terms: [], merchants: [] }]);
    for (const c of f.categories) labels.push(primaryDef(c.primary).label);
  }
  const ignored: string[] = [];
  if (f.subjects.length) {
    const anyOf: Matcher[] = [];
    const rs: Resolution[] = [];
    for (const s of f.subjects) rs.push(await resolveSubject(deps, s));
    // A stray word ("altogether", "logged") beside a subject that resolved, or one that reads as a
    // verb or adverb, is glue the planner did not know, not a thing to look for.
    const someKnown = f.categories.length > 0 || rs.some((r) => r.how !== 'unknown');
    for (const r of rs) {
      if (r.how === 'unknown' && isStrayWord(r.phrase, someKnown)) {
        ignored.push(r.phrase);
        continue;
      }
      resolutions.push(r);
      if (r.how !== 'unknown') {
        anyOf.push(r.matcher);
        labels.push(r.label);
      }
    }
    // "utilities in october? coned spectrum verizon etc", "personal care, haircuts toiletries": a
    // category with a list of examples means any of them; names beside a category otherwise narrow
    // it ("zomato food", "BESCOM electricity bills").
    // An example that means something inside the category ("gas" and "phone" beside utilities: the
    // gas bill, the phone bill) means only that there; one that does not ("the Y membership" beside
    // health) counts wherever it was filed.
    if (f.examples && f.categories.length && groups.length === 1) {
      const cat = groups[0]![0]!;
      const senses: Matcher[] = [];
      for (const m of anyOf) {
        // Beside the category, a word's other sense is the one meant ("gas" beside utilities: the bill).
        const inside: Matcher = { ...m, notIn: undefined, also: [...(m.also ?? []), cat] };
        senses.push(m.shop || !(await anyRow(deps, inside)) ? m : inside);
      }
      groups[0] = [...groups[0]!, ...senses];
    }
    else if (anyOf.length || resolutions.some((r) => r.how === 'unknown')) groups.push(anyOf);
  }
  const within: string[] = [];
  for (const s of f.within) {
    const r = isPrimary(s)
      ? ({ phrase: s, how: 'category', label: primaryDef(s as Primary).label, matcher: { categories: [{ primary: s as Primary, detail: null }], terms: [], merchants: [] } } as Resolution)
      : await resolveSubject(deps, s);
    if (r.how === 'unknown' && isStrayWord(r.phrase, false)) {
      ignored.push(r.phrase);
      continue;
    }
    resolutions.push(r);
    if (r.how !== 'unknown') {
      groups.push([r.matcher]);
      within.push(r.label);
    }
  }
  const exclude: Matcher[] = [];
  const excluded: string[] = [];
  for (const s of f.exclude ?? []) {
    const r = isPrimary(s)
      ? ({ phrase: s, how: 'category', label: primaryDef(s as Primary).label, matcher: { categories: [{ primary: s as Primary, detail: null }], terms: [], merchants: [] } } as Resolution)
      : await resolveSubject(deps, s);
    // Leaving out something no expense mentions leaves everything in: no need to stop and ask.
    if (r.how === 'unknown') continue;
    resolutions.push(r);
    exclude.push(r.matcher);
    excluded.push(r.label);
  }
  const unknown = resolutions.filter((r): r is Extract<Resolution, { how: 'unknown' }> => r.how === 'unknown');
  let what = labels.length ? joinOr(labels) : null;
  if (within.length) what = what ? `${what} (only ${within.join(', ')})` : within.join(', ');
  if (excluded.length) what = what ? `${what} (not ${excluded.join(', ')})` : `everything but ${excluded.join(', ')}`;
  return {
    filters: { groups, exclude, minAmount: f.minAmount, maxAmount: f.maxAmount, currency: f.currency },
    resolutions,
    unknown,
    what,
    ignored,
  };
}

/**
 * An unknown single word that is not worth an "I don't know X": one shaped like a verb or an
 * adverb ("logged", "tallied", "roughly"), or any lone word when the question has a subject that
 * resolved already. Multi-word phrases ("blue tokai") stay unknown: they are names.
 */
export function isStrayWord(phrase: string, besideKnown: boolean): boolean {
  const w = phrase.trim();
  if (!w || w.includes(' ')) return false;
  if (besideKnown) return true;
  return verbShaped(w);
}

function verbShaped(w: string): boolean {
  // -ed and -ly only: an -ing word is as often a thing one pays for ("zorbing", "bowling", "parking").
  return /^\p{L}{3,}(?:ed|ly)$/u.test(w) && !/eed$/.test(w);
}

function joinOr(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;
}

/** Resolves one subject phrase; multi-word phrases fall back to their longest resolvable part. */
export async function resolveSubject(deps: ResolveDeps, phrase: string): Promise<Resolution> {
  const r = await resolveSpelled(deps, phrase);
  // "döner" as the owner wrote it; when no row has those letters, the folded word ("doner").
  const plain = fold(phrase);
  return r.how === 'unknown' && plain !== normTerm(phrase) ? resolveSpelled(deps, plain) : r;
}

async function resolveSpelled(deps: ResolveDeps, phrase: string): Promise<Resolution> {
  const p = normTerm(phrase);
  const words = p.split(' ');
  const whole = await resolveOne(deps, p, true, 'all');
  // "car washed" reaches the vehicle concept only through "car": that is a part, not the phrase.
  const partial = whole.how !== 'unknown' && words.length > 1 && whole.how !== 'merchant' && reachedViaPart(deps, p, whole);
  // A shop the lexicon knows ("HP petrol pump" → HP Petrol Pump) under the name the owner's rows use ("HP").
  // (Not when the shop is only a part: "kroger groceries" is groceries at Kroger, not all of Kroger.)
  if (whole.how === 'concept' && whole.matcher.merchants.length && !whole.matcher.categories.length && !partial) {
    const same = await ownerMerchantLike(deps, p, whole.label);
    if (same.length) return { ...whole, label: same[0]!, matcher: { ...whole.matcher, merchants: [...whole.matcher.merchants, ...same] } };
  }
  if (whole.how !== 'unknown' && whole.how !== 'family' && !partial) return whole;
  // "car washed", "got the car cleaned", "(car got) washed": the ledger's own words under another verb form.
  if (words.length > 1 || whole.how === 'unknown') {
    for (const v of verbStems(p)) if (await literalExists(deps, singularForms(v))) return { phrase: p, how: 'literal', label: v, matcher: { categories: [], terms: singularForms(v), merchants: [] } };
  }
  // "HP pump", "Hindustan Petroleum" when the owner's rows say "HP": a shop the owner has paid.
  const shop = await ownerMerchantLike(deps, p, whole.how === 'family' ? whole.label : null);
  if (shop.length) return { phrase: p, how: 'merchant', label: shop[0]!, matcher: { categories: [], terms: [], merchants: shop, shop: true } };
  // "washed the car", "the car got washed": every word the ledger has (under some verb form), in any order.
  if (words.length > 1) {
    const found: string[][] = [];
    let all = true;
    for (const w of words) {
      if (GENERIC_SHOP_WORDS.has(w)) continue;
      let hit: string[] | null = null;
      for (const f of [w, ...verbStems(w)]) if (f.length >= 3 && (await literalExists(deps, singularForms(f)))) { hit = singularForms(f); break; }
      if (hit) found.push(hit);
      else if (w.length > 3) all = false;
    }
    if (all && found.length >= 2) {
      const [first, ...more] = found;
      return { phrase: p, how: 'literal', label: p, matcher: { categories: [], terms: first!, merchants: [], also: more.map((terms) => ({ categories: [], terms, merchants: [] })) } };
    }
  }
  const parts: { text: string; i: number; len: number }[] = [];
  for (let len = words.length - 1; len >= 1; len--) {
    for (let i = words.length - len; i >= 0; i--) {
      const part = words.slice(i, i + len).join(' ');
      if (part.length >= 3) parts.push({ text: part, i, len });
    }
  }
  // "Bapu Bazaar shopping", "costco groceries", "zomato dinners": a shop the owner has paid, named
  // inside the phrase, is where; the other words (when they mean something in the ledger) say what
  // was bought there. The whole of either alone would count the shop's other rows or other shops'.
  for (const part of parts) {
    const shop = await knownMerchant(deps, singularForms(part.text));
    if (!shop) continue;
    const at: Resolution = { phrase: p, how: 'merchant', label: shop, matcher: { categories: [], terms: singularForms(part.text), merchants: [shop], shop: true } };
    const rest = [...words.slice(0, part.i), ...words.slice(part.i + part.len)].filter((w) => w.length >= 3 && !GENERIC_SHOP_WORDS.has(w));
    if (!rest.length) return at;
    const mod = await resolveOne(deps, rest.join(' '), false, 'all');
    if (mod.how === 'unknown' || mod.how === 'family') return partial ? whole : at;
    return { ...at, label: `${mod.label} at ${shop}`, matcher: { ...at.matcher, also: [mod.matcher] } };
  }
  if (whole.how !== 'unknown' && !partial) return whole;
  // Parts, longest first and, at equal length, rightmost first: the head noun carries the meaning
  // ("pain medicine" → medicine). A merchant or a named concept in any part beats a literal word.
  for (const mode of ['strong', 'all'] as const) {
    for (const part of parts) {
      const r = await resolveOne(deps, part.text, false, mode);
      if (r.how === 'unknown') continue;
      // "baby food", "dog food": the other words narrow the part whenever they mean something in
      // the ledger; a part alone would answer with the whole category.
      const rest = [...words.slice(0, part.i), ...words.slice(part.i + part.len)].filter((w) => w.length >= 3 && !GENERIC_SHOP_WORDS.has(w));
      if (!rest.length || r.how === 'merchant') return r;
      const mod = await resolveOne(deps, rest.join(' '), false, 'all');
      if (mod.how === 'unknown' || mod.how === 'family') return r;
      return { ...r, phrase: p, label: `${rest.join(' ')} ${r.label}`, matcher: { ...r.matcher, also: [mod.matcher] } };
    }
  }
  return whole;
}

/**
 * True when a multi-word phrase resolved to a concept that one of its words alone reaches too
 * ("car washed" → vehicle, as "car" does): the other words were ignored, not understood.
 */
function reachedViaPart(deps: ResolveDeps, p: string, r: Resolution): boolean {
  if (r.how !== 'concept' && r.how !== 'family') return false;
  const c = deps.concepts;
  if (!c) return false;
  const forms = new Set(singularForms(p));
  // "fizzy juice" is a name of soft drinks, though "fizzy" alone reaches them too.
  if (c.isName?.(p) || c.isAlias?.(p)) return false;
  const own = c.resolve(p);
  // The phrase is the concept's own name or one of its words: understood whole.
  if (own && (singularForms(normTerm(own.label)).some((f) => forms.has(f)) || own.terms.some((t) => forms.has(normTerm(t))))) return false;
  const words = p.split(' ');
  for (let len = words.length - 1; len >= 1; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      const part = words.slice(i, i + len).join(' ');
      if (part.length < 3) continue;
      const pc = c.resolve(part);
      if (pc && normTerm(pc.label) === normTerm(r.label)) return true;
    }
  }
  return false;
}

/** "washed" → "wash", "cleaning" → "clean": the noun form a ledger line would use. */
function verbStems(p: string): string[] {
  const words = p.split(' ');
  const last = words[words.length - 1]!;
  const out: string[] = [];
  const m = /^(\p{L}{3,}?)(ed|ing)$/u.exec(last);
  if (m) {
    const stem = m[1]!;
    const head = words.slice(0, -1);
    out.push([...head, stem].join(' '));
    if (/([^aeiou])\1$/.test(stem)) out.push([...head, stem.slice(0, -1)].join(' '));
    out.push([...head, stem + 'e'].join(' '));
  }
  return out;
}

/** Words that say "a shop" rather than which one ("HP pump", "Apollo store", "Zomato app"). */
const GENERIC_SHOP_WORDS = wordsOf('subject_edge', 'shop');

const tokens = (s: string) => normTerm(s).split(/[^\p{L}\p{N}&]+/u).filter(Boolean);

/**
 * Merchants the owner has paid that a phrase names by their words: every word of the phrase is
 * (the start of) a word of the merchant ("hp pump" ~ "HP Petrol Pump"), or the merchant's words
 * are all in the phrase (or in the name of the concept it reached) and the rest only say "shop"
 * ("hp pump", "HP Petrol Pump" ~ "HP").
 */
async function ownerMerchantLike(deps: ResolveDeps, p: string, conceptLabel: string | null): Promise<string[]> {
  const want = tokens(p);
  if (want.length < 2 && !conceptLabel) return [];
  const merchants = await deps.queries.merchants(deps.owner);
  const within = (have: string[], from: string[]) => have.every((h) => from.some((f) => f === h || (h.length >= 3 && f.startsWith(h))));
  const restGeneric = (m: string[], from: string[]) => from.every((f) => m.includes(f) || GENERIC_SHOP_WORDS.has(f));
  const names = [want, ...(conceptLabel ? [tokens(conceptLabel)] : [])];
  const out: string[] = [];
  for (const merchant of merchants) {
    const m = tokens(merchant);
    if (!m.length) continue;
    if ((want.length >= 2 && within(want, m)) || names.some((n) => m.every((w) => n.includes(w)) && restGeneric(m, n) && m.some((w) => !GENERIC_SHOP_WORDS.has(w)))) out.push(merchant);
  }
  return out;
}

async function resolveOne(deps: ResolveDeps, p: string, allowExpand: boolean, mode: 'strong' | 'all'): Promise<Resolution> {
  const forms = singularForms(p);
  const unknown: Resolution = { phrase: p, how: 'unknown', label: p, suggestions: [] };
  const merchant = await knownMerchant(deps, forms);
  if (merchant) return { phrase: p, how: 'merchant', label: merchant, matcher: { categories: [], terms: forms, merchants: [merchant], shop: true } };

  let concept = deps.concepts?.resolve(p) ?? null;
  // A "concept" that is only the phrase itself adds nothing; its parts may say more.
  if (concept && !concept.categories.length && !concept.merchants.length && concept.terms.every((t) => forms.includes(normTerm(t)))) concept = null;
  if (concept && namesConcept(forms, concept)) {
    return { phrase: p, how: 'concept', label: concept.label, matcher: conceptMatcher(concept, forms, deps.concepts?.blockers?.(concept)) };
  }
  // "maccas", "mcd": another name of a shop the owner has paid is that shop, not the rows that happen to say it.
  // Only when the phrase is one of the shop's names: "kroger groceries" reaches Kroger through a part.
  if (concept && concept.merchants.length && !concept.categories.length && concept.terms.some((t) => forms.includes(normTerm(t)))) {
    const shop = await knownMerchant(deps, concept.merchants);
    if (shop) return { phrase: p, how: 'merchant', label: shop, matcher: { categories: [], terms: forms, merchants: [shop], shop: true } };
  }
  if (mode === 'strong') return unknown;
  if (await literalExists(deps, forms)) return { phrase: p, how: 'literal', label: p, matcher: { categories: [], terms: forms, merchants: [] } };
  if (concept) {
    return { phrase: p, how: 'family', label: concept.label, matcher: conceptMatcher(concept, forms, deps.concepts?.blockers?.(concept)) };
  }
  // "physio" for "physiotherapy", "pharma" for "pharmacy": words in the ledger that begin with it.
  const words = await wordsStartingWith(deps, p);
  if (words.length) return { phrase: p, how: 'literal', label: words.length === 1 ? words[0]! : p, matcher: { categories: [], terms: words, merchants: [] } };
  if (allowExpand && deps.expandConcept) {
    const ex = await deps.expandConcept(p).catch(() => null);
    if (ex && (ex.terms.length || ex.merchants.length)) {
      return { phrase: p, how: 'expanded', label: p, matcher: { categories: [], terms: [...ex.terms, ...forms], merchants: ex.merchants } };
    }
  }
  return { ...unknown, suggestions: deps.concepts?.suggest(p, 3) ?? [] };
}

/** A concept's matcher: its categories and merchants, its member words, and the owner's own words as names. */
function conceptMatcher(c: ConceptLike, forms: string[], blockers?: string[]): Matcher {
  const names = [...new Set([...forms, ...singularForms(normTerm(c.label))])];
  return {
    categories: [...c.categories], terms: [...c.terms, ...names], merchants: [...c.merchants], names,
    ...(blockers?.length ? { blockers } : {}), ...(c.homes?.length && !c.categories.length ? { homes: [...c.homes] } : {}), ...(c.notIn?.length ? { notIn: [...c.notIn] } : {}), ...(c.unless?.length ? { unless: [...c.unless] } : {}),
  };
}

/**
 * True when the phrase is the concept's own name or an alias ("soft drinks", "fizzy drinks"),
 * false when it is one member of it ("coke", "hotstar"): a member is first looked for literally.
 */
function namesConcept(forms: string[], c: ConceptLike): boolean {
  // A curated concept ("fizzy drinks" → soft drinks) was asked for by one of its own names.
  if (c.via === 'category') return true;
  const label = new Set(singularForms(normTerm(c.label)));
  if (forms.some((f) => label.has(f))) return true;
  const members = new Set([...c.terms, ...c.merchants].map(normTerm));
  return !forms.some((f) => members.has(f));
}

async function knownMerchant(deps: ResolveDeps, forms: string[]): Promise<string | null> {
  return deps.queries.knownMerchant(deps.owner, [...new Set(forms.flatMap(merchantVariants))]);
}

/** Does any live row of the owner, of any date, match? */
async function anyRow(deps: ResolveDeps, m: Matcher): Promise<boolean> {
  const all = { from: null, to: null, label: 'so far' };
  const totals = await deps.queries.select({ owner: deps.owner, today: '9999-12-31' as IsoDate, defaultCurrency: 'XXX' }, all, { groups: [[m]], exclude: [], minAmount: null, maxAmount: null, currency: null }).totals();
  return totals.some((t) => t.count > 0);
}

/** Does any live row of the owner mention the words (on word boundaries)? */
function literalExists(deps: ResolveDeps, forms: string[]): Promise<boolean> {
  return deps.queries.literalExists(deps.owner, forms);
}

/** Whole words of the owner's rows that begin with a single-word phrase ("physio" → "physiotherapy"). */
function wordsStartingWith(deps: ResolveDeps, p: string): Promise<string[]> {
  return deps.queries.wordsStartingWith(deps.owner, p);
}
