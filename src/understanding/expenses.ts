/**
 * @module understanding/expenses
 * From the piece stream of one message to expense drafts: tells quantities from amounts ("2 beer
 * 450"), splits several expenses ("bhel 60 + buttermilk 25", "rapido 55 then auto 110"), and finds
 * each one's item and merchant ("yoga mat from decathlon", "swiggy biryani", "poha at the stall").
 * Item and merchant knowledge comes from the categories lexicon, passed in as `CategoryLexicon`.
 */
import type { Primary } from '../categories/taxonomy.js';
import type { CategoryOverride } from '../ledger/preferences.js';
import type { IsoDate } from '../core/dates.js';
import type { NumPiece, Piece, WordPiece } from './amounts.js';
import { UNIT_MARK } from './amounts.js';
import type { DateMatch } from './dates.js';
import {
  CITIES, DECIDING_HEADS, DESCRIPTIVE, EXPENSE_VERBS, GIFT_WORDS, HEAD_CATEGORIES, INTERCITY_DETAIL, LOCAL_SPOTS, RELATIONS, GENERIC_PLACES, GLUE_WORDS, ITEM_TRIM, PAYMENT_METHODS, POSTPOSITIONS, PREPOSITIONS, SEPARATOR_WORDS,
} from './lexicon.js';
import { capItem, titleCase } from './text.js';
import { damerau } from '../categories/text.js';
import type { KnownTerm } from '../categories/index.js';

/** A lexicon hit, as src/categories finds it (token indices, end exclusive). */
export type KnownTermLike = KnownTerm;

/** The part of src/categories that understanding needs; injected so the rules stay testable. */
export interface CategoryLexicon {
  findKnownTerms(tokens: string[]): KnownTermLike[];
  categorize(
    input: { item: string | null; merchant: string | null; context?: string },
    overrides?: ReadonlyMap<string, CategoryOverride>,
  ): { primary: Primary; detail: string | null; confidence: number };
  correctSpelling(token: string): string;
  isKnownWord(word: string): boolean;
}

export interface FoundExpense {
  amount: NumPiece;
  item: string | null;
  merchant: string | null;
  primary: Primary;
  detail: string | null;
  date: IsoDate;
  future: boolean;
  confidence: number;
  /** In a message of several expenses, this expense's own words (its note), so a concept search
   * for "coffee" never matches the sandwich bought in the same message. Null for a single expense. */
  segment: string | null;
}

export interface ExtractResult {
  expenses: FoundExpense[];
  /** No recordable amount; `bad` when a number was there but unusable (0, -500, 1e309). */
  noAmount: boolean;
  bad: boolean;
  /** An amount but nothing saying what it was for ("500", "paid 500"). */
  missingItem: boolean;
  /** What the message was about when the amount is missing ("bought petrol" -> petrol). */
  partial: { item: string | null; merchant: string | null; primary: Primary; detail: string | null; known: boolean; verb: boolean } | null;
}

export interface ExtractOptions {
  today: IsoDate;
  context: string;
  lex: CategoryLexicon;
  overrides?: ReadonlyMap<string, CategoryOverride>;
  /** The text the pieces' offsets point into (for each expense's own segment). */
  source?: string;
}

// A dash binds an item to its amount ("milk - 60", "chai-20"); it never separates two expenses.
const isSep = (p: Piece | undefined): boolean => !!p && ((p.kind === 'sep' && p.text !== '-') || (p.kind === 'word' && SEPARATOR_WORDS.has(p.text)));
const isNum = (p: Piece | undefined): p is NumPiece => !!p && p.kind === 'num';
const isCountLike = (n: NumPiece): boolean => n.plain && Number.isInteger(n.value) && n.value <= 20 && !n.currency;

/** Marks counts as quantities: "2 beer 450", "bought 3 shirts 1500", "dinner for 2 1200". */
function markQuantities(pieces: Piece[], lex: CategoryLexicon): void {
  // "room 302 rent 1450", "platform 3 chai 10", "class 10 tuition 2000": a number naming a room,
  // platform, size or model is a label, as long as another number is left to be the amount.
  const nums = pieces.filter((p): p is NumPiece => isNum(p) && !p.bad);
  if (nums.length >= 2) {
    for (let k = 1; k < pieces.length; k++) {
      const p = pieces[k]!, prev = pieces[k - 1]!;
      if (!isNum(p) || p.currency || !p.plain || prev.kind !== 'word' || !LABEL_WORDS.has(prev.text)) continue;
      // "bus 15 and auto 40": a number that closes its phrase is that phrase's price.
      const next = pieces[k + 1];
      if (!next || next.kind !== 'word' || isSep(next)) continue;
      if (nums.some((q) => q !== p && !q.qty && pieces.indexOf(q) > k)) p.qty = true;
    }
  }
  let from = 0;
  for (let i = 0; i <= pieces.length; i++) {
    if (i < pieces.length && !isSep(pieces[i])) continue;
    const region = pieces.slice(from, i);
    const cands = region.filter((p): p is NumPiece => isNum(p) && !p.qty && !p.bad);
    if (cands.length >= 2) {
      for (let k = 0; k < region.length; k++) {
        const p = region[k]!;
        if (!isNum(p) || p.qty || p.bad || !isCountLike(p)) continue;
        const next = region[k + 1];
        const prev = region[k - 1];
        const prevIsGlue = !prev || (prev.kind === 'word' && (GLUE_WORDS.has(prev.text) || EXPENSE_VERBS.has(prev.text)));
        // "tickets 2 for 700", "samosa 4 for 60": a count priced as a lot.
        const lot = next?.kind === 'word' && next.text === 'for' && isNum(region[k + 2]) && (region[k + 2] as NumPiece).value > p.value;
        // "poi 4 for 20": the 20 after the lot's "for" is its price, not a count.
        const lotPrice = p.afterFor && isNum(region[k - 2]) && (region[k - 2] as NumPiece).value < p.value;
        if ((next?.kind === 'word' && prevIsGlue) || (p.afterFor && !lotPrice) || lot) p.qty = true;
      }
      const left = region.filter((p): p is NumPiece => isNum(p) && !p.qty && !p.bad);
      // Several numbers and one has a currency marker: the unmarked counts are quantities.
      if (left.length >= 2 && left.some((p) => p.currency)) for (const p of left) if (!p.currency && isCountLike(p)) p.qty = true;
    }
    from = i + 1;
  }
  // Across separators too: "kal 2 samosa aur chai 50" is one ₹50 expense, because the count opens
  // a phrase and a real (not count-like) amount follows; "chai 10 biscuit 20" keeps both.
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k]!;
    if (!isNum(p) || p.qty || p.bad || !isCountLike(p)) continue;
    const next = pieces[k + 1];
    const prev = pieces[k - 1];
    const opens = !prev || isSep(prev) || (isNum(prev) && !prev.qty) || (prev.kind === 'word' && (GLUE_WORDS.has(prev.text) || EXPENSE_VERBS.has(prev.text)));
    if (!opens || next?.kind !== 'word' || isSep(next)) continue;
    const later = pieces.slice(k + 1).find((q): q is NumPiece => isNum(q) && !q.qty && !q.bad);
    if (later && (!isCountLike(later) || later.currency)) p.qty = true;
  }
  markInnerCounts(pieces, lex);
  // "scooty 400 per day for 3 days 1200": a rate is not paid again when the total follows.
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k]!;
    if (!isNum(p) || p.qty || p.bad) continue;
    const a = pieces[k + 1], b = pieces[k + 2];
    // "per night": the date scan has already blanked "night", so "per" alone is enough.
    const rate = a?.kind === 'word' && (a.text === 'per' || ((a.text === 'a' || a.text === 'an' || a.text === 'every') && b?.kind === 'word' && RATE_UNITS.test(b.text.replace(UNIT_MARK, ''))));
    if (!rate) continue;
    for (let j = k + 3; j < pieces.length && !isSep(pieces[j]); j++) {
      const q = pieces[j]!;
      if (isNum(q) && !q.qty && !q.bad && q.value > p.value) {
        p.qty = true;
        break;
      }
    }
  }
}

const RATE_UNITS = /^(?:day|night|hour|hr|month|week|person|head|km|kg|piece|plate|visit|session|class)s?$/;

/**
 * A small number between words, before a real price in the same phrase, counts rather than pays
 * when one side of it could not be an expense of its own: "pyaaz kachori 2 rawat pe 70" (after
 * the 2 only a shop name), "dominos 2 medium pizza 498" (before the 2 only the brand).
 */
function markInnerCounts(pieces: Piece[], lex: CategoryLexicon): void {
  for (let k = 1; k < pieces.length - 1; k++) {
    const p = pieces[k]!;
    if (!isNum(p) || p.qty || p.bad || !isCountLike(p)) continue;
    const prev = pieces[k - 1]!, next = pieces[k + 1]!;
    if (prev.kind !== 'word' || isSep(prev) || next.kind !== 'word' || isSep(next)) continue;
    let j = k + 1;
    while (j < pieces.length && !isNum(pieces[j]) && !isSep(pieces[j])) j++;
    const later = pieces[j];
    if (!isNum(later) || later.qty || later.bad || (isCountLike(later) && !later.currency)) continue;
    let i = k - 1;
    while (i >= 0 && !isNum(pieces[i]) && !isSep(pieces[i])) i--;
    const strip = (w: string): string => (w.startsWith(UNIT_MARK) ? w.slice(1) : w);
    const before = wordsOf(pieces.slice(i + 1, k)).map(strip);
    let after = wordsOf(pieces.slice(k + 1, j)).map(strip);
    // "patiala peg 2 at the dhaba 500": what follows "at"/"from" is where, not another thing bought.
    const place = after.findIndex((w) => PREPOSITIONS[w] === 'place');
    if (place >= 0) after = after.slice(0, place);
    const termsAfter = lex.findKnownTerms(after);
    if (!termsAfter.some((t) => t.kind === 'item' && plausibleTypo(t.text, t.canonical))) {
      p.qty = true;
      continue;
    }
    const termsBefore = lex.findKnownTerms(before);
    const onlyBrand = termsBefore.length > 0 && termsBefore.every((t) => t.kind === 'merchant')
      && before.every((w, x) => GLUE_WORDS.has(w) || EXPENSE_VERBS.has(w) || termsBefore.some((t) => x >= t.start && x < t.end));
    if (onlyBrand) p.qty = true;
  }
}

interface Chunk {
  role: 'main' | 'place' | 'purpose' | 'dest' | 'with' | 'in' | 'via';
  /** Indices into the segment's word list. */
  idx: number[];
  /** The preposition that opened the chunk ("on", "for"), when one did. */
  prep?: string;
  /** The postposition that closed it ("pe", "se"), when one did. */
  post?: string;
}

function chunkWords(words: string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let cur: Chunk = { role: 'main', idx: [] };
  const flush = (): void => {
    if (cur.idx.length) chunks.push(cur);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const pre = PREPOSITIONS[w];
    if (pre) {
      flush();
      cur = { role: pre, idx: [], prep: w };
      continue;
    }
    const post = POSTPOSITIONS[w];
    if (post) {
      if (post !== 'drop' && cur.role === 'main') cur.role = post;
      cur.post = w;
      flush();
      cur = { role: 'main', idx: [] };
      continue;
    }
    cur.idx.push(i);
  }
  flush();
  return chunks;
}

const ITEM_ORDER: Chunk['role'][] = ['main', 'purpose', 'dest', 'in', 'with', 'place', 'via'];

interface SegmentInfo {
  item: string | null;
  merchant: string | null;
  knownItem: boolean;
  knownMerchant: boolean;
  contentWords: number;
  unknownWords: number;
  verb: boolean;
  /** The lexicon's category for the item phrase it recognized ("new year party"), used when the
   * trimmed item text alone no longer categorizes. */
  itemCat: { primary: Primary; detail: string | null } | null;
  /** A destination names a city ("bus to pune"): a long-distance trip, not a commute. */
  intercity: boolean;
  /** Said to be a present ("gifted a watch to dad"). */
  gift: boolean;
  /** The merchant came from a closing "at X"/"from X" ("… and jeans 1,800 at lifestyle"). */
  trailingPlace: boolean;
  /** The lexicon's category of the known merchant. */
  merchantCat: { primary: Primary; detail: string | null } | null;
}

/** Finds item and merchant in one expense's words. */
function analyzeSegment(words: string[], lex: CategoryLexicon): SegmentInfo {
  const verb = words.some((w) => EXPENSE_VERBS.has(w));
  const units = words.filter((w) => w.startsWith(UNIT_MARK)).map((w) => w.slice(1));
  // Unit words ("pints" in "2 pints") stay in place for the lexicon scan but are never item text.
  const unitIdx = new Set<number>();
  const clean = words.map((w, i) => {
    if (!w.startsWith(UNIT_MARK)) return w;
    unitIdx.add(i);
    return w.slice(1);
  });
  const chunks = chunkWords(clean);
  const chunkOf = new Map<number, Chunk>();
  for (const c of chunks) for (const i of c.idx) chunkOf.set(i, c);
  const terms = clean.length ? splitBrandedItems(lex.findKnownTerms(clean), clean, lex) : [];
  const inTerm = new Set<number>();
  const merchantIdx = new Set<number>();
  let merchant: string | null = null;
  let knownMerchant = false;
  // A merchant named in a place chunk ("from decathlon") beats one in the main chunk.
  const merchants = terms.filter((t) => t.kind === 'merchant' && !PAYMENT_METHODS.has(t.text));
  merchants.sort((a, b) => rank(chunkOf.get(a.start)?.role, true) - rank(chunkOf.get(b.start)?.role, true));
  const m0 = merchants[0];
  if (m0) {
    merchant = m0.canonical;
    knownMerchant = true;
    for (let i = m0.start; i < m0.end; i++) merchantIdx.add(i);
  }
  // "paid 500 to ravi": after "to"/"at"/"with", a short word that only matches an item through
  // spelling correction ("ravi" ~ "rava") is far more likely a name.
  const trusted = terms.filter((t) => {
    if (t.end - t.start === 1 && !plausibleTypo(t.text, t.canonical)) return false;
    if (t.kind !== 'item' || t.end - t.start !== 1) return true;
    const role = chunkOf.get(t.start)?.role;
    if (role !== 'dest' && role !== 'with' && role !== 'place') return true;
    return t.text === t.canonical || t.text.startsWith(t.canonical) || t.text.length > 5;
  });
  for (const t of trusted) for (let i = t.start; i < t.end; i++) inTerm.add(i);
  const items = trusted.filter((t) => t.kind === 'item');
  const itemAt = new Map<number, KnownTermLike>();
  for (const t of items) for (let i = t.start; i < t.end; i++) itemAt.set(i, t);
  const seg: Seg = { clean, unitIdx, merchantIdx, itemAt, inTerm, lex };

  // Unknown merchant named by a place chunk: "sandwich at heathrow", "dmart se".
  if (!merchant) {
    for (const c of chunks) {
      if (c.role !== 'place') continue;
      const ws = contentOf(seg, c).filter((i) => !GENERIC_PLACES.has(clean[i]!) && !PAYMENT_METHODS.has(clean[i]!));
      if (!ws.length || ws.some((i) => items.some((t) => i >= t.start && i < t.end))) continue;
      if (ws.length > 4) continue;
      merchant = titleCase(ws.map((i) => clean[i]).join(' '));
      for (const i of ws) merchantIdx.add(i);
      break;
    }
  }

  let item: string | null = null;
  let knownItem = false;
  let itemChunk: Chunk | null = null;
  const itemChunks = [...chunks].sort((a, b) => ITEM_ORDER.indexOf(a.role) - ITEM_ORDER.indexOf(b.role));
  // "rapido to college": where a ride went is never what was bought, nor its category.
  const known = itemChunks.find((c) => !(c.role === 'dest' && knownMerchant) && items.some((t) => c.idx.includes(t.start) && !merchantIdx.has(t.start)));
  if (known) {
    item = pickItem(seg, known, items);
    knownItem = item !== null;
    if (item) itemChunk = known;
  }
  if (!item) {
    for (const c of itemChunks) {
      if (c.role === 'place' || c.role === 'via') continue;
      // "ola to station": with a known merchant, a destination is not what was bought.
      if (c.role === 'dest' && knownMerchant) continue;
      item = pickItem(seg, c, items);
      if (item) {
        itemChunk = c;
        break;
      }
    }
  }
  // "gave the car for servicing", "laptop for repair": the work done on a thing is what was paid for.
  if (item && itemChunk?.role === 'main') {
    const next = chunks[chunks.indexOf(itemChunk) + 1];
    const work = next?.role === 'purpose' && next.prep === 'for' ? contentOf(seg, next) : [];
    if (work.length >= 1 && work.length <= 4 && SERVICE_WORK.has(clean[work[0]!]!)) {
      const said = [clean[work[0]!]!];
      if (work[1] === work[0]! + 1 && SERVICE_WORK.has(clean[work[1]!]!)) said.push(clean[work[1]!]!);
      item = capItem(`${item} ${said.join(' ')}`);
    }
  }
  const itemTerm = itemChunk ? items.find((t) => itemChunk!.idx.includes(t.start) && !merchantIdx.has(t.start)) ?? null : null;
  // "kadamba to panjim": a bus company's name alone says a ride as well as "bus" would.
  const moving = (!!itemTerm && (itemTerm.primary === 'transport' || itemTerm.primary === 'travel')) || (!itemTerm && m0?.primary === 'transport' && m0.detail === 'commute');
  const intercity = moving && chunks.some((c) => c.role === 'dest' && c.idx.some((i) => CITIES.has(clean[i]!)) && !c.idx.some((i) => LOCAL_SPOTS.has(clean[i]!)));
  // "tea from golden tips", "donation to ramakrishna mission", "a game on steam": a trailing
  // phrase the lexicon does not fully know, after the thing bought, names who was paid.
  if (!merchant && item && itemChunk) {
    const last = chunks[chunks.length - 1]!;
    if (last !== itemChunk && chunks.indexOf(itemChunk) < chunks.length - 1) {
      const named = trailingMerchant(seg, last, items, moving);
      if (named) {
        merchant = titleCase(named.map((i) => clean[i]).join(' '));
        for (const i of named) merchantIdx.add(i);
      }
    }
  }
  // "paradise biryani 2 plates": the shop's name holds the dish; a unit ("plates") never names it.
  if (!item && m0 && m0.end - m0.start >= 2) {
    const inName = lex.findKnownTerms(clean.slice(m0.start + 1, m0.end)).find((t) => t.kind === 'item' && t.primary === m0.primary);
    if (inName) item = inName.text;
  }
  // "sathyam 2 tickets" names the tickets; "chaayos 2 cups" does not name the cups.
  const things = units.filter((u) => !MEASURES.test(u));
  if (!item && (merchant ? things : units).length) item = (merchant ? things : units).join(' ');
  // "netflix share 149": a subscription or service is itself the thing paid for.
  if (!item && m0 && (m0.primary === 'entertainment' || m0.primary === 'utilities')) item = m0.text;
  if (!item) {
    // "at the pharmacy 300": the generic place is the best hint of what was bought.
    for (const c of chunks) {
      if (c.role !== 'place') continue;
      const ws = contentOf(seg, c).filter((i) => GENERIC_PLACES.has(clean[i]!) && clean[i] !== 'the');
      if (ws.length) {
        item = ws.map((i) => clean[i]).join(' ');
        break;
      }
    }
  }
  // "chitale bakarwadi", "burma burma lunch": unknown words before a known item are most likely the shop.
  if (!merchant && item && knownItem) {
    const main = chunks.find((c) => c.role === 'main');
    const ws = main ? contentOf(seg, main) : [];
    let k = 0;
    while (k < ws.length && k < 3) {
      const w = clean[ws[k]!]!;
      if (inTerm.has(ws[k]!) || lex.isKnownWord(w) || w.length < 3 || DESCRIPTIVE.has(w) || RELATIONS.has(w) || KIN.has(w) || LABEL_WORDS.has(w) || w.includes("'")) break;
      k++;
    }
    if (k > 0 && k < ws.length && inTerm.has(ws[k]!) && clean[ws[0]!]!.length >= 4) {
      merchant = titleCase(ws.slice(0, k).map((i) => clean[i]).join(' '));
      for (const i of ws.slice(0, k)) merchantIdx.add(i);
      item = pickItem(seg, main!, items) ?? item;
    }
  }
  // "pyaaz kachori 2 rawat pe 70": unknown words after a known item, closed by "pe"/"par", are the stall.
  if (!merchant && item && knownItem && itemChunk && itemChunk.role === 'main' && (itemChunk.post === 'pe' || itemChunk.post === 'par')) {
    const ws = contentOf(seg, itemChunk);
    let k = ws.length;
    while (k > 0 && !inTerm.has(ws[k - 1]!) && !lex.isKnownWord(clean[ws[k - 1]!]!) && !RELATIONS.has(clean[ws[k - 1]!]!) && !KIN.has(clean[ws[k - 1]!]!) && (clean[ws[k - 1]!]!.length >= 3 || clean[ws[k - 1]!] === 'ji')) k--;
    if (k > 0 && k < ws.length && ws.length - k <= 2 && inTerm.has(ws[k - 1]!)) {
      merchant = titleCase(ws.slice(k).map((i) => clean[i]).join(' '));
      for (const i of ws.slice(k)) merchantIdx.add(i);
      item = pickItem(seg, itemChunk, items) ?? item;
    }
  }
  let contentWords = 0, unknownWords = 0;
  for (const c of chunks) {
    for (const i of contentOf(seg, c)) {
      contentWords++;
      if (!inTerm.has(i) && !merchantIdx.has(i) && !lex.isKnownWord(clean[i]!) && !GENERIC_PLACES.has(clean[i]!)) unknownWords++;
    }
  }
  const itemCat = itemTerm && itemTerm.primary !== 'other' ? { primary: itemTerm.primary, detail: itemTerm.detail } : null;
  const gift = words.some((w) => GIFT_WORDS.has(w));
  const lastChunk = chunks[chunks.length - 1];
  const trailingPlace = !!merchant && !!lastChunk && lastChunk.role === 'place' && lastChunk.idx.some((i) => merchantIdx.has(i));
  const merchantCat = m0 && merchant === m0.canonical ? { primary: m0.primary, detail: m0.detail } : null;
  return { item, merchant, knownItem, knownMerchant, contentWords, unknownWords, verb, itemCat, intercity, gift, trailingPlace, merchantCat };
}

/**
 * The words of a trailing chunk that name a payee: "from golden tips" (a known word inside an
 * unknown name), "to ramakrishna mission", "on steam". Never a relation ("to mom"), a city or
 * generic place ("to pune", "to the office"), a payment method, or a phrase the lexicon knows as
 * an item ("on groceries").
 */
function trailingMerchant(seg: Seg, c: Chunk, items: KnownTermLike[], moving: boolean): number[] | null {
  // "for priya" is who it was for, "by card" how it was paid: neither is the payee.
  if (!c.prep || !PAYEE_PREPS.has(c.prep)) return null;
  if (c.role === 'dest' && moving) return null;
  const ws = contentOf(seg, c).filter((i) => !PAYMENT_METHODS.has(seg.clean[i]!));
  if (!ws.length || ws.length > 4) return null;
  const words = ws.map((i) => seg.clean[i]!);
  if (words.some((w) => w.includes("'") || RELATIONS.has(w) || CITIES.has(w) || GENERIC_PLACES.has(w) || /\d/.test(w) || w.length < 2)) return null;
  const covered = (i: number): boolean => items.some((t) => i >= t.start && i < t.end);
  const uncovered = ws.filter((i) => !covered(i) && !DESCRIPTIVE.has(seg.clean[i]!));
  if (!uncovered.length) return null;
  if (c.role === 'place') return ws;
  // After "to"/"on"/"via" a known item word means the thing, not the payee ("on lunch").
  if (ws.some(covered)) return null;
  // A one-word dictionary word after "on"/"to" is more often a thing or a person ("on rent",
  // "to ravi") than a shop; take it only when the lexicon has never seen it as an item.
  if (c.role === 'purpose' && ws.length === 1 && seg.lex.correctSpelling(words[0]!) !== words[0]) return null;
  return ws;
}

/**
 * "vi recharge" is one item phrase in the lexicon, but "vi" is also a brand: split the brand off
 * so the merchant is kept ("Vi" + "recharge").
 */
function splitBrandedItems(terms: KnownTermLike[], words: string[], lex: CategoryLexicon): KnownTermLike[] {
  if (!terms.some((t) => t.end - t.start >= 2)) return terms;
  const out: KnownTermLike[] = [];
  for (const t of terms) {
    if (t.kind === 'merchant' && t.end - t.start >= 2) {
      // "namma yatri auto", "best bus", "uber cab": a brand alias that ends in the thing bought.
      const own = new Set(t.canonical.toLowerCase().split(/[^\p{L}\p{N}]+/u));
      let k = t.end;
      while (k > t.start + 1 && !own.has(words[k - 1]!)) k--;
      const tail = words.slice(k, t.end);
      const hit = tail.length ? lex.findKnownTerms(tail)[0] : undefined;
      if (k < t.end && hit && hit.kind === 'item' && hit.start === 0 && hit.end === tail.length) {
        out.push({ ...t, text: words.slice(t.start, k).join(' '), end: k });
        out.push({ ...hit, start: k, end: t.end });
        continue;
      }
      out.push(t);
      continue;
    }
    if (t.kind !== 'item' || t.end - t.start < 2) {
      out.push(t);
      continue;
    }
    const head = lex.findKnownTerms([words[t.start]!])[0];
    const rest = words.slice(t.start + 1, t.end);
    const tail = head?.kind === 'merchant' ? lex.findKnownTerms(rest)[0] : undefined;
    // "vi recharge", "amazon prime" split off the brand; "subway fare" does not: its tail is a
    // generic word of the phrase's own trade and the brand is from another (the sandwich shop).
    const common = !!tail && tail.kind === 'item' && tail.primary === t.primary && tail.detail === null && head!.primary !== t.primary;
    if (head?.kind !== 'merchant' || common || terms.some((x) => x.kind === 'merchant')) {
      out.push(t);
      continue;
    }
    out.push({ ...head, start: t.start, end: t.start + 1 });
    out.push(tail && tail.start === 0 && tail.end === rest.length && tail.kind === 'item'
      ? { ...tail, start: t.start + 1, end: t.end }
      : { ...t, text: rest.join(' '), canonical: rest.join(' '), start: t.start + 1 });
  }
  return out;
}

// Hindi kin words in their many spellings ("bacche ki school van" is the child's, not a shop's).
const KIN = new Set(['bacche', 'bachche', 'baccha', 'bachcha', 'bachon', 'bacchon', 'bachchon', 'bachi', 'bacchi', 'beta', 'bete', 'beti',
  'biwi', 'pati', 'patni', 'mummy', 'papa', 'bhaiya', 'bhaiyya', 'didi', 'dost', 'doston', 'yaar', 'ghar', 'gharwale']);

// Only words that are never themselves bought: "bus 15 auto 40" is two fares, "room 302 rent 1450" one rent.
const LABEL_WORDS = new Set(['room', 'flat', 'platform', 'gate', 'seat', 'size', 'no', 'number', 'num', 'ward', 'sector',
  'block', 'floor', 'phase', 'bay', 'token', 'invoice', 'pnr', 'iphone', 'galaxy', 'pixel', 'redmi', 'model', 'series',
  'version', 'gen', 'class', 'std', 'grade', 'standard', 'sem', 'semester', 'route', 'lane', 'plot', 'level', 'chapter',
  'volume', 'vol', 'season', 'episode', 'ep', 'batch']);

// Units that measure or hold what was bought; with a shop named they are never the item.
const MEASURES = /^(?:plates?|packs?|packets?|pkts?|pieces?|pcs?|bottles?|btl|cups?|glass(?:es)?|kgs?|kilos?|g|gms?|grams?|ltrs?|litres?|liters?|lt|ml|dozen|doz|boxe?s?|jars?|cans?|bags?|nos|no|x|units?|items?|pints?|slices?|scoops?|strips?|sets?|pairs?)$/;

const SERVICE_WORK = new Set(['servicing', 'service', 'repair', 'repairs', 'repairing', 'wash', 'washing', 'cleaning', 'polish', 'polishing',
  'alteration', 'alterations', 'stitching', 'tuning', 'checkup', 'fixing', 'maintenance', 'dry', 'drycleaning', 'ironing', 'press']);

const CLAUSE_BREAK = new Set(['because', 'coz', 'cuz', 'cause', 'bcoz', 'bcz', 'bc', 'since', 'kyunki', 'kyuki', 'as', 'otherwise', 'warna']);

const LEAD_PARTICLES = new Set(['up', 'out', 'off', 'down']);

const PAYEE_PREPS = new Set(['at', 'from', 'frm', '@', 'to', 'on', 'via', 'through', 'thru']);

const HI_COUNTS = new Set(['ek', 'do', 'teen', 'char', 'chaar', 'paanch', 'panch', 'chhe', 'saat', 'aath', 'nau', 'das']);

interface Seg {
  clean: string[];
  unitIdx: Set<number>;
  merchantIdx: Set<number>;
  itemAt: Map<number, KnownTermLike>;
  inTerm: Set<number>;
  lex: CategoryLexicon;
}

/** The words of a chunk that can name something: no glue, units, merchant words or payment methods. */
function contentOf(seg: Seg, c: Chunk): number[] {
  const out: number[] = [];
  for (const i of c.idx) {
    const w = seg.clean[i]!;
    if (!w || seg.unitIdx.has(i) || seg.merchantIdx.has(i) || GLUE_WORDS.has(w) || EXPENSE_VERBS.has(w)) continue;
    if (c.role === 'via' && PAYMENT_METHODS.has(w)) continue;
    if (c.role === 'in' && (PAYMENT_METHODS.has(w) || w === 'total')) continue;
    // "diya bhai ko", "mom ke liye": the people it was for are never what was bought.
    if ((RELATIONS.has(w) || KIN.has(w)) && !seg.itemAt.has(i)) continue;
    // "do chai", "teen samose": a Hindi count before the thing counted.
    if (HI_COUNTS.has(w) && c.idx[c.idx.indexOf(i) + 1] !== undefined) continue;
    out.push(i);
  }
  return out;
}

/** The item text a chunk gives, trimmed of edge glue, typos fixed, capped. */
function pickItem(seg: Seg, c: Chunk, items: KnownTermLike[]): string | null {
  let ws = contentOf(seg, c);
  // "a new phone case since the old one broke": a reason clause tells why, not what was bought.
  const cut = c.idx.findIndex((i) => CLAUSE_BREAK.has(seg.clean[i]!));
  if (cut > 0) {
    const stop = c.idx[cut]!;
    const before = ws.filter((i) => i < stop);
    if (before.length) ws = before;
  }
  if (c.role === 'place') ws = ws.filter((i) => !PAYMENT_METHODS.has(seg.clean[i]!));
  // "picked up medicines", "topped up metro card": the particle of a phrasal verb opens no item.
  while (ws.length && (ITEM_TRIM.has(seg.clean[ws[0]!]!) || (LEAD_PARTICLES.has(seg.clean[ws[0]!]!) && ws.length > 1 && !seg.itemAt.has(ws[0]!)))) ws.shift();
  while (ws.length && ITEM_TRIM.has(seg.clean[ws[ws.length - 1]!]!)) ws.pop();
  if (!ws.length) return null;
  // "double ka meetha", "pani puri wala": glue inside a known phrase is part of its name.
  if (ws.length >= 2) {
    const have = new Set(ws);
    for (const i of ws) {
      const t = seg.itemAt.get(i);
      if (!t || t.start !== i || t.end - t.start < 3 || !have.has(t.end - 1)) continue;
      for (let k = t.start + 1; k < t.end - 1; k++) if (!have.has(k) && !seg.unitIdx.has(k)) have.add(k);
    }
    if (have.size !== ws.length) ws = [...have].sort((a, b) => a - b);
  }
  // Words of a known item print as the lexicon spells them ("cofee" -> "coffee").
  const out: string[] = [];
  for (const i of ws) {
    const t = seg.itemAt.get(i);
    // A typo inside a known item prints as the lexicon spells it; phrases that begin with a glue
    // word ("my car", "new phone") keep only their content words.
    if (t && t.text !== t.canonical && !/\d/.test(t.text) && ws.includes(t.start)) {
      if (t.start === i) out.push(t.canonical);
      continue;
    }
    if (t) {
      out.push(seg.clean[i]!);
      continue;
    }
    // Names follow "to"/"with"/"at" ("to ravi"): never "correct" them into lexicon words.
    out.push(c.role === 'dest' || c.role === 'with' || c.role === 'place' ? seg.clean[i]! : fixSpelling(seg.clean[i]!, seg.inTerm.has(i), seg.lex));
  }
  // "🎂 cake 850" reads "cake cake": a word said twice in a row is one thing.
  let text = out.filter((w, k) => w !== out[k - 1]).join(' ');
  if (ws.length > 5) {
    const t = items.find((x) => c.idx.includes(x.start));
    if (t) text = t.text;
    else text = ws.slice(0, 5).map((i) => seg.clean[i]).join(' ');
  }
  return capItem(text);
}

function rank(role: Chunk['role'] | undefined, forMerchant: boolean): number {
  const order: Chunk['role'][] = forMerchant ? ['place', 'via', 'in', 'main', 'purpose', 'dest', 'with'] : ITEM_ORDER;
  const k = role ? order.indexOf(role) : -1;
  return k < 0 ? 99 : k;
}

// Typos are fixed only for words the lexicon did not already recognize ("jiuce" -> "juice").
function fixSpelling(w: string, known: boolean, lex: CategoryLexicon): string {
  if (known || w.length < 4 || lex.isKnownWord(w)) return w;
  const c = lex.correctSpelling(w);
  return c && c !== w && plausibleTypo(w, c) ? c : w;
}

/**
 * Whether `written` is believably a slip for `meant`: same first letter, one edit (two in long
 * words). "cofee"/"coffee" yes; "aadhaar"/"udhaar" no: an unfamiliar name is kept as written.
 */
export function plausibleTypo(written: string, meant: string): boolean {
  const a = written.toLowerCase();
  const b = meant.toLowerCase();
  if (a === b || a.includes(' ') || b.includes(' ') || a.startsWith(b) || b.startsWith(a)) return true;
  if (a[0] !== b[0]) return false;
  return damerau(a, b, 2) <= (a.length >= 7 ? 2 : 1);
}

function wordsOf(pieces: Piece[]): string[] {
  const out: string[] = [];
  for (const p of pieces) {
    if (p.kind === 'word') out.push(p.text);
    else if (p.kind === 'at') out.push('@');
  }
  return out;
}

const EACH = new Set(['each', 'apiece', 'ea', 'per']);

/** The count an "each" price applies to, or 1. */
function eachCount(seg: Piece[], amount: NumPiece): number {
  const k = seg.indexOf(amount);
  const near = seg.slice(k + 1, k + 3);
  const isEach = near.some((p) => p.kind === 'word' && EACH.has(p.text) && (p.text !== 'per' || near.some((q) => q.kind === 'word' && /^(?:piece|pc|plate|cup|unit|item)s?$/.test(q.text))));
  if (!isEach) return 1;
  const counts = seg.filter((p): p is NumPiece => isNum(p) && p.qty && p !== amount && isCountLike({ ...p, qty: false }) && Number.isInteger(p.value));
  return counts.length === 1 ? counts[0]!.value : 1;
}

// The categorizer's context: the words that could name something, not Hinglish glue that a
// typo-tolerant lookup might misread ("lage" ~ "lager").
function contextOf(pieces: Piece[]): string {
  return wordsOf(pieces).filter((w) => !w.startsWith(UNIT_MARK) && !GLUE_WORDS.has(w) && !EXPENSE_VERBS.has(w) && !PREPOSITIONS[w] && !POSTPOSITIONS[w]).join(' ');
}

type Cat = { primary: Primary; detail: string | null; confidence: number };

/**
 * Second looks at the categorizer's answer: a phrase the lexicon recognized keeps its category
 * after glue is trimmed from the item ("new year party"); a bus or train to a city is travel; an
 * unknown name still has a telling head word ("DEWA bill" -> utilities, "visa fee" -> fees).
 */
function refineCategory(cat: Cat, info: SegmentInfo, context: string): Cat {
  if (info.intercity && cat.primary === 'transport') {
    const words = (info.item ?? '').split(' ');
    const detail = words.map((w) => INTERCITY_DETAIL[w]).find(Boolean) ?? 'trips';
    return { primary: 'travel', detail, confidence: cat.confidence };
  }
  // "prtc bus to patiala": a bus or cab run by an intercity operator is a trip, not a commute.
  if (cat.primary === 'transport' && info.merchantCat?.primary === 'travel') return { ...info.merchantCat, confidence: cat.confidence };
  if (info.gift && cat.primary !== 'gifts' && cat.primary !== 'food') return { primary: 'gifts', detail: 'gifts', confidence: cat.confidence };
  const head = info.item ? DECIDING_HEADS[info.item.slice(info.item.lastIndexOf(' ') + 1)] : undefined;
  if (head && !info.knownMerchant) return { primary: head.primary as Primary, detail: head.detail, confidence: Math.max(cat.confidence, 0.7) };
  if (cat.primary !== 'other') return cat;
  if (info.itemCat) return { ...info.itemCat, confidence: 0.7 };
  const words = `${info.item ?? ''} ${context}`.split(' ');
  for (let i = words.length - 1; i >= 0; i--) {
    const h = HEAD_CATEGORIES[words[i]!];
    if (h) return { primary: h.primary as Primary, detail: h.detail, confidence: 0.55 };
  }
  return cat;
}

/** Splits the pieces into one range per amount. */
function segment(pieces: Piece[], amountIdx: number[]): Array<[number, number]> {
  if (amountIdx.length === 1) return [[0, pieces.length]];
  const firstWord = pieces.findIndex((p) => p.kind === 'word' && !GLUE_WORDS.has(p.text) && !EXPENSE_VERBS.has(p.text) && !isSep(p));
  const itemFirst = firstWord >= 0 && firstWord < amountIdx[0]!;
  const cuts: number[] = [];
  for (let k = 0; k + 1 < amountIdx.length; k++) {
    const a = amountIdx[k]!, b = amountIdx[k + 1]!;
    const seps: number[] = [];
    for (let i = a + 1; i < b; i++) if (isSep(pieces[i])) seps.push(i);
    if (seps.length) cuts.push(itemFirst ? seps[seps.length - 1]! : seps[0]!);
    else cuts.push(itemFirst ? a + 0.5 : b - 0.5);
  }
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (const c of cuts) {
    if (Number.isInteger(c)) {
      ranges.push([start, c]);
      start = c + 1;
    } else {
      ranges.push([start, Math.ceil(c)]);
      start = Math.ceil(c);
    }
  }
  ranges.push([start, pieces.length]);
  return ranges;
}

/**
 * Finds the expenses in a message's pieces (dates already taken out).
 * e.g. for "bhel 60 + buttermilk 25": two expenses, 60 bhel and 25 buttermilk.
 */
export function extractExpenses(pieces: Piece[], dates: DateMatch[], o: ExtractOptions): ExtractResult {
  markQuantities(pieces, o.lex);
  const amountIdx: number[] = [];
  let bad = false;
  pieces.forEach((p, i) => {
    if (!isNum(p) || p.qty) return;
    if (p.bad) bad = true;
    else amountIdx.push(i);
  });
  const msgDate = dates.find((d) => d.date);
  const dateFor = (from: number, to: number): { date: IsoDate; future: boolean } => {
    const own = dates.find((d) => d.date && d.start >= from && d.start < to);
    const d = own ?? msgDate;
    return d && d.date ? { date: d.date, future: d.future } : { date: o.today, future: false };
  };

  if (amountIdx.length === 0) {
    const words = wordsOf(pieces);
    const info = analyzeSegment(words, o.lex);
    const ctx = contextOf(pieces);
    const cat = refineCategory(o.lex.categorize({ item: info.item, merchant: info.merchant, context: ctx }, o.overrides), info, ctx);
    return {
      expenses: [], noAmount: true, bad, missingItem: false,
      partial: { item: info.item, merchant: info.merchant, primary: cat.primary, detail: cat.detail, known: info.knownItem || info.knownMerchant, verb: info.verb },
    };
  }

  let ranges = segment(pieces, amountIdx);
  let infos = ranges.map(([a, b]) => analyzeSegment(wordsOf(pieces.slice(a, b)), o.lex));
  let amounts = amountIdx.map((i) => pieces[i] as NumPiece);
  let ambiguous = false;
  const empty = (s: SegmentInfo): boolean => !s.item && !s.merchant;
  // "uber 412 yesterday and 198 today": a later part with only an amount and its own date is
  // another expense of the same thing.
  if (amounts.length > 1) {
    for (let k = 1; k < infos.length; k++) {
      if (!empty(infos[k]!) || empty(infos[k - 1]!)) continue;
      const [a, b] = ranges[k]!;
      const from = pieces[a - 1]?.end ?? 0;
      const to = b < pieces.length ? pieces[b]!.start : Number.MAX_SAFE_INTEGER;
      const ownDate = dates.some((d) => d.date && d.start >= from && d.start < to);
      const prevDate = dates.some((d) => d.date && d.start < from);
      if (ownDate && prevDate) infos[k] = { ...infos[k - 1]!, trailingPlace: false };
    }
  }
  if (amounts.length > 1 && infos.some(empty)) {
    // "room 302 1450": numbers that cannot each own an expense. Keep the marked one, else the last.
    const marked = amounts.filter((a) => a.currency);
    const keep = marked.length === 1 ? marked[0]! : amounts[amounts.length - 1]!;
    amounts = [keep];
    ranges = [[0, pieces.length]];
    infos = [analyzeSegment(wordsOf(pieces), o.lex)];
    ambiguous = true;
  }
  if (infos.every(empty)) {
    return { expenses: [], noAmount: false, bad, missingItem: true, partial: null };
  }
  // "shirt 1,200 and jeans 1,800 at lifestyle": a shop named at the very end is everyone's shop.
  const lastInfo = infos[infos.length - 1]!;
  if (infos.length > 1 && lastInfo.trailingPlace && infos.slice(0, -1).every((x) => !x.merchant)) {
    infos = infos.map((x, k) => (k === infos.length - 1 ? x : { ...x, merchant: lastInfo.merchant, knownMerchant: lastInfo.knownMerchant }));
  }
  // One currency marked for the whole message ("$5 coffee and 3 muffin") applies to every amount.
  const curs = new Set(amounts.map((a) => a.currency).filter((c): c is string => !!c));
  const shared = curs.size === 1 ? [...curs][0]! : null;
  const multi = amounts.length > 1;
  const expenses: FoundExpense[] = amounts.map((amount, k) => {
    const info = infos[k]!;
    const [a, b] = ranges[k]!;
    // From the end of the previous piece: a date word just after a comma ("…, today metro 40") was
    // masked out of the pieces but still belongs to this expense.
    const from = a === 0 ? 0 : (pieces[a - 1]?.end ?? pieces[a]?.start ?? 0);
    const to = b < pieces.length ? pieces[b]!.start : Number.MAX_SAFE_INTEGER;
    const context = contextOf(multi ? pieces.slice(a, b) : pieces);
    const cat = refineCategory(o.lex.categorize({ item: info.item, merchant: info.merchant, context }, o.overrides), info, context);
    const d = dateFor(multi ? from : 0, multi ? to : Number.MAX_SAFE_INTEGER);
    let conf = info.knownItem || info.knownMerchant ? 0.92 : info.unknownWords === 0 ? 0.7 : 0.5;
    if (cat.primary === 'other') conf = Math.min(conf, 0.45);
    else conf = Math.min(conf, 0.55 + cat.confidence * 0.45);
    if (info.unknownWords > 2) conf -= 0.1;
    if (ambiguous) conf -= 0.2;
    if (multi) conf -= 0.03;
    if (!amount.currency && shared) amount = { ...amount, currency: shared };
    // "3 coffees @ 50 each", "samosa 15 each x 4": a unit price times the count.
    const count = eachCount(pieces.slice(a, b), amount);
    if (count > 1) amount = { ...amount, value: Math.round(amount.value * count * 100) / 100 };
    return {
      amount, item: info.item, merchant: info.merchant, primary: cat.primary, detail: cat.detail,
      date: d.date, future: d.future, confidence: Math.max(0.05, Math.min(1, conf)),
      segment: multi && o.source ? o.source.slice(from, Math.min(to, o.source.length)).replace(/\s+/g, ' ').replace(/^[\s,;+&]+|[\s,;+&]+$/g, '').trim() || null : null,
    };
  });
  // "electricity 2,100 and water 380": among bills, water is the utility, not a bottle of water.
  if (multi && expenses.some((e) => BILL_PRIMARIES.has(e.primary))) {
    for (const e of expenses) {
      const u = e.item && !e.merchant ? BILL_SENSE[e.item] : undefined;
      if (u && !BILL_PRIMARIES.has(e.primary)) Object.assign(e, { primary: 'utilities' as Primary, detail: u });
    }
  }
  return { expenses, noAmount: false, bad, missingItem: false, partial: null };
}

const BILL_PRIMARIES = new Set<Primary>(['utilities', 'housing']);
// Words that are a utility when they sit among bills, and something else alone.
const BILL_SENSE: Readonly<Record<string, string>> = Object.freeze(Object.assign(Object.create(null) as Record<string, string>, {
  water: 'water', pani: 'water', paani: 'water', tanker: 'water', gas: 'gas', cylinder: 'gas', light: 'electricity', bijli: 'electricity',
  power: 'electricity', current: 'electricity', cable: 'dth', net: 'internet', wifi: 'internet', phone: 'mobile', mobile: 'mobile',
}));

export type { WordPiece };
