/**
 * @module query/match
 * What a subject of a question matches in the ledger, as data plus one exact predicate. A row
 * matches when its category is one of `categories`, OR its search_text contains one of `terms` on
 * word boundaries (a plural "s"/"es" allowed), OR its merchant is one of `merchants`. SQL only
 * pre-filters with instr(); this predicate decides, so "ice" never counts "price".
 * Two exceptions keep generic words honest. When a matcher names details of a primary and a row
 * was filed under another detail of that primary, a word alone does not pull it in ("bike" in
 * "rapido bike taxi", filed Transport › Taxi, is not a vehicle cost). And a concept tied to
 * categories pulls in rows filed elsewhere (with a detail of their own) only by the words the
 * owner used (`names`), not by its wide family of member words ("oil" in a bike service is not
 * groceries), nor by its shops (fuel bought at a warehouse club is not groceries).
 */
import type { CategoryRef } from './types.js';

export interface Matcher {
  categories: CategoryRef[];
  /** Lower-case words or phrases looked for in search_text. */
  terms: string[];
  /** Merchant names, compared case-insensitively. */
  merchants: string[];
  /**
   * The subset of `terms` that are the owner's own words (and the concept's name): these may match
   * rows filed under other categories; the rest of `terms` only rows without a detail.
   */
  names?: string[];
  /**
   * Each of these must match too ("baby food": food AND baby): a modifier in front of a
   * category word narrows it, never falls back to the whole category.
   */
  also?: Matcher[];
  /**
   * Names of other things that hold a member word ("pepper" in "dr pepper", "cream" in "ice cream",
   * "miller" in "bill miller"): blanked out of a row's text before the member words are looked for.
   * The owner's own words (`names`) still see the whole text.
   */
  blockers?: string[];
  /**
   * The primaries a concept's member words live in, for a concept tied to no category ("vegetables",
   * "beer"): a member word on a row filed in another primary ("sem" in the note of a college fee) is
   * not the thing. The owner's own words (`names`) still count anywhere.
   */
  homes?: string[];
  /**
   * Categories of another sense of the owner's word ("gas" to an American is fuel, not the gas bill):
   * a row filed there is never reached by words.
   */
  notIn?: CategoryRef[];
  /** A row whose text names one of these is never the thing, whatever its category ("petrol" is not a Fuel row saying "diesel"). */
  unless?: string[];
  /**
   * A shop the owner has paid, asked about by name: a row at another shop whose name holds the
   * same word matches only by its own item and note ("uber" is not an "Uber Eats" order).
   */
  shop?: boolean;
}

export interface MatchableRow {
  category: string;
  detail: string | null;
  merchant: string | null;
  search_text: string;
  /** What was bought, when known: at a concept's shop it alone says whether a row filed elsewhere is a member. */
  item?: string | null;
}

/**
 * Details that say how something was bought rather than what it was: a grocery shop's "weekly shop"
 * filed as online shopping is still groceries.
 */
const CHANNELS: ReadonlySet<string> = new Set(['shopping/online', 'food/delivery']);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Lower-cases and trims a phrase the way search_text is written. */
export function normTerm(s: string): string {
  return s.toLowerCase().normalize('NFKC').replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();
}

/** Singular candidates for a plural word or phrase ("painkillers" → "painkiller", "berries" → "berry"). */
export function singularForms(phrase: string): string[] {
  const out = new Set([phrase]);
  const m = /^(.*?)(\p{L}+)$/u.exec(phrase);
  if (m) {
    const [, head, last] = m as unknown as [string, string, string];
    if (/ies$/.test(last) && last.length > 4) out.add(head + last.slice(0, -3) + 'y');
    if (/(ches|shes|sses|xes|oes)$/.test(last)) out.add(head + last.slice(0, -2));
    if (/s$/.test(last) && !/ss$/.test(last) && last.length > 3) out.add(head + last.slice(0, -1));
  }
  return [...out];
}

/**
 * A term as a regex: spaces match any run of spaces or hyphens ("coca cola" = "coca-cola"), and a
 * digit meeting a letter may be split ("7up" = "7 up").
 */
function termPattern(t: string): string {
  return escapeRe(t)
    .replace(/[\s-]+/g, '[\\s-]+')
    .replace(/(\p{N})(\p{L})/gu, '$1[\\s-]?$2')
    .replace(/(\p{L})(\p{N})/gu, '$1[\\s-]?$2');
}

export interface CompiledMatcher {
  test(row: MatchableRow): boolean;
  /** True when SQL alone decides (no term needs a word-boundary check). */
  sqlExact: boolean;
}

/** Builds the exact JS predicate for any of several matchers (each keeps its own veto). */
export function compileAny(ms: Matcher[]): CompiledMatcher {
  const cs = ms.map(compileMatcher);
  return { sqlExact: cs.every((c) => c.sqlExact), test: (row) => cs.some((c) => c.test(row)) };
}

/** Builds the exact JS predicate for a matcher. */
export function compileMatcher(m: Matcher): CompiledMatcher {
  const terms = [...new Set(m.terms.map(normTerm).filter((t) => t.length > 0))];
  const re = wordsRegex(terms);
  const names = m.names ? wordsRegex([...new Set(m.names.map(normTerm).filter((t) => t.length > 0))]) : null;
  const merchants = new Set(m.merchants.map(normTerm));
  const cats = m.categories;
  // Only a matcher tied to details has a family to keep in bounds; a whole primary has no words.
  const familyBound = m.names !== undefined && cats.some((c) => c.detail !== null);
  const also = (m.also ?? []).map(compileMatcher);
  const homes = m.homes?.length && !cats.length ? new Set(m.homes) : null;
  const blocked = wordsRegex([...new Set((m.blockers ?? []).map(normTerm).filter((t) => t.length > 0))], 'gu');
  /** The row's text as the member words see it: names of other things blanked out. */
  const family = (text: string): string => (blocked ? text.replace(blocked, ' ') : text);
  const unless = wordsRegex([...new Set((m.unless ?? []).map(normTerm).filter((t) => t.length > 0))]);
  const base = (row0: MatchableRow): boolean => {
    if (unless && unless.test(row0.search_text)) return false;
    const other = m.shop && row0.merchant && !merchants.has(normTerm(row0.merchant));
    const row = other ? { ...row0, search_text: row0.search_text.replaceAll(normTerm(row0.merchant!), ' ') } : row0;
    for (const c of cats) if (row.category === c.primary && (c.detail === null || row.detail === c.detail)) return true;
    if (m.notIn?.some((c) => row.category === c.primary && (c.detail === null || row.detail === c.detail))) return false;
    // A concept's shops ("groceries": Costco, Walmart) do not pull in what the row was filed as
    // something else ("gas (Costco)" under Fuel, "candy (Walmart)" under Snacks), unless that only
    // says how it was bought (CHANNELS), or the row is in the concept's primary and names one of its members (a coffee shop's "cappuccino and
    // croissant" filed as a snack is coffee).
    if (merchants.size && row.merchant && merchants.has(normTerm(row.merchant))) {
      if (!familyBound || row.detail === null || CHANNELS.has(`${row.category}/${row.detail}`)) return true;
      // What the row bought says it, not the note ("Blue Bell ice cream", "homemade vanilla", is no grocery).
      const bought = row.item ? normTerm(row.item) : row.search_text;
      if (cats.some((c) => c.primary === row.category) && re !== null && re.test(family(bought))) return true;
    }
    if (row.detail !== null && cats.some((c) => c.primary === row.category)) return false;
    if (names !== null && names.test(row.search_text)) return true;
    if (familyBound && row.detail !== null) return false;
    if (homes && !homes.has(row.category)) return false;
    return re !== null && re.test(family(row.search_text));
  };
  return {
    // SQL pre-filters by the base words only; the modifiers are always decided here.
    sqlExact: terms.length === 0 && merchants.size === 0 && also.length === 0 && !unless,
    test: also.length ? (row) => base(row) && also.every((a) => a.test(row)) : base,
  };
}

function wordsRegex(terms: string[], flags = 'u'): RegExp | null {
  return terms.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...terms].sort((a, b) => b.length - a.length).map(termPattern).join('|')})(?:s|es)?(?![\\p{L}\\p{N}])`, flags)
    : null;
}

/** Case variants of a merchant name, so an equality lookup can use the (owner, merchant) index. */
export function merchantVariants(name: string): string[] {
  const n = normTerm(name);
  const title = n.replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
  const first = n.charAt(0).toUpperCase() + n.slice(1);
  return [...new Set([name, n, title, first, n.toUpperCase(), title.replace(/\s+/g, ''), n.replace(/\s+/g, '')])];
}
