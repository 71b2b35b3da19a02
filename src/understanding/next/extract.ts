/**
 * @module understanding/next/extract
 * One expense's words → its item, merchant and category. The words are cut into chunks at
 * prepositions and postpositions ("at X", "for Y", "X se", "Y ke liye"); a known merchant or the
 * words of a place chunk name the merchant; a known item, else the main chunk's words, name the
 * item; kin after "for" are who it was for, never the item; a ride to a city is a trip.
 */
import type { Tagged } from '../../language/tagger.js';
import type { KnownTerm } from '../../categories/index.js';
import type { Primary } from '../../categories/taxonomy.js';
import type { Role } from '../../language/vocab/roles.js';
import { repaired } from './terms.js';
import { POSSESSIVES } from '../../categories/lexicon.js';
import { shouting } from '../../language/tokens.js';
import { isDictionaryWord } from '../../categories/wordnet.js';

export type ChunkRole = 'main' | 'place' | 'source' | 'purpose' | 'dest' | 'with' | 'in' | 'via' | 'time' | 'benefit';

export interface Chunk {
  role: ChunkRole;
  idx: number[];
  /** The preposition that opened the chunk ("for", "on"), when one did. */
  prep?: string;
  /** A verb of buying opened it ("… I picked up a lamp"): its words are what was bought. */
  bought?: boolean;
  /** A postposition closed it ("room ke liye"): its words are what the thing was for. */
  closed?: boolean;
}

export interface ItemMerchant {
  item: string | null;
  /** The lexicon term the item came from, when it did. */
  itemTerm: KnownTerm | null;
  merchant: string | null;
  merchantTerm: KnownTerm | null;
  /** Tokens that carried the item and merchant. */
  itemIdx: number[];
  merchantIdx: number[];
  /** The words told a present ("gifted", "gift for"). */
  gift: boolean;
  /** A celebration and the person it was for ("a candle for her bday", "Lily's birthday"): a
   * present when the thing is one people give (the caller decides by its category). */
  celebrated: boolean;
  /** A ride to another city. */
  intercity: boolean;
  /** Kin the expense was for ("for mom"). */
  beneficiary: boolean;
  /** Words the lexicon does not know that carry the item. */
  unknownItem: boolean;
  /** The merchant is a guess: one word nobody has filed, written before a known thing ("jasuben pizza"). */
  guessedShop: boolean;
}

const has = (t: Tagged, i: number, role: Role): boolean => t.tags.some((g) => g.role === role && g.start <= i && i < g.end);
/** Kin who are paid for their work (the maid, the driver) are what an expense is for, not who it is for. */
const isKin = (t: Tagged, i: number): boolean => t.tags.some((g) => g.role === 'kin' && g.value !== 'help' && g.start <= i && i < g.end);
const valueAt = (t: Tagged, i: number, role: Role): string | null => (t.at[i] ?? []).find((g) => g.role === role)?.value ?? null;

/** Roles that never enter an item or merchant text. */
const DROP: ReadonlySet<Role> = new Set<Role>([
  'glue', 'filler', 'approx', 'each', 'self', 'third_party', 'negation', 'hypothetical', 'plan', 'wish', 'payment_method',
  'spend_verb', 'obtain_verb', 'separator', 'clause_break', 'relative_day', 'weekday', 'month', 'this', 'last', 'next', 'ago',
  'part_of_day', 'clock', 'currency', 'magnitude', 'question_word', 'transfer', 'income', 'refund', 'debt', 'back', 'edit_cue', 'ping', 'share', 'tip', 'tax', 'include', 'exclude',
]);

/** Words that say which way money went; inside a longer phrase of another role they are that phrase's words. */
const MONEY_FLOW: ReadonlySet<Role> = new Set<Role>(['income', 'refund', 'transfer', 'debt', 'back']);

function dropped(t: Tagged, i: number, termAt: readonly (KnownTerm | null)[]): boolean {
  if (termAt[i]) return false;
  const tk = t.tokens[i]!;
  if (tk.kind === 'num' && tk.glued) return false;
  if (tk.kind !== 'word' && tk.kind !== 'emoji') return true;
  // "a birthday present": a word for a present is a thing, whatever else it means ("present": now).
  if (has(t, i, 'gift_word') && !has(t, i, 'spend_verb')) return false;
  for (const g of t.tags) {
    if (!(g.start <= i && i < g.end && DROP.has(g.role))) continue;
    // "collection" (income) inside "sunday collection" (a gift): the longer phrase of another role decides.
    if (MONEY_FLOW.has(g.role) && t.tags.some((h) => !DROP.has(h.role) && h.start <= g.start && g.end <= h.end && h.end - h.start > g.end - g.start)) continue;
    return true;
  }
  return false;
}

/** Chunks of one expense's content tokens. */
export function chunksOf(t: Tagged, content: readonly number[], termAt: readonly (KnownTerm | null)[], transparent: ReadonlySet<number> = new Set()): Chunk[] {
  const chunks: Chunk[] = [];
  let cur: Chunk = { role: 'main', idx: [] };
  const flush = (): void => {
    if (cur.idx.length) chunks.push(cur);
  };
  let last = -2;
  for (const i of content) {
    // A gap (an amount between) ends a chunk; a date inside a phrase does not ("to the dentist today").
    let gap = false;
    for (let j = last + 1; j < i; j++) if (!transparent.has(j)) gap = true;
    if (last >= 0 && gap && cur.idx.length) {
      flush();
      cur = { role: 'main', idx: [] };
    }
    last = i;
    const tk = t.tokens[i]!;
    if (termAt[i]) {
      cur.idx.push(i);
      continue;
    }
    // "popped to Sainsbury's": a word inside a longer preposition that opened the chunk opens nothing.
    if (t.tags.some((g) => g.role === 'prep' && g.start < i && i < g.end && content.includes(g.start))) continue;
    const prep = valueAt(t, i, 'prep') ?? (tk.text === '@' ? 'place' : null);
    if (prep) {
      flush();
      cur = { role: (prep === 'in' ? 'in' : prep) as ChunkRole, idx: [], prep: tk.norm };
      continue;
    }
    // "at the farmers market I got apples", "while I was there I bought lotion": a verb of buying
    // after a place or a time opens what was bought; the place ended before it.
    if (cur.role !== 'main' && cur.idx.length && (has(t, i, 'spend_verb') || has(t, i, 'obtain_verb'))) {
      flush();
      cur = { role: 'main', idx: [], bought: true };
    }
    const post = valueAt(t, i, 'postp');
    if (post) {
      // "kurta Fabindia se", "dress Max il ninnu": a place postposition after a thing and a name
      // closes only the name; the thing before it stays what was bought (unless the thing is named
      // after it: "fruit bandi lo danimma").
      if (post === 'place' && cur.role === 'main' && !content.some((j) => j > i && termAt[j]?.kind === 'item')) {
        let last = -1;
        cur.idx.forEach((j, k) => {
          if (termAt[j]?.kind === 'item' && termAt[j]!.end - 1 === j && !has(t, j, 'generic_place')) last = k;
        });
        // The verb between the thing and the name is neither ("saree li Johari Bazaar se"); a kind of
        // place closing a name is part of it ("Johari Bazaar", "Sadar Market").
        const name = last >= 0 ? cur.idx.slice(last + 1).filter((j) => !dropped(t, j, termAt)) : [];
        const nameWord = (j: number, k: number): boolean => termAt[j]?.kind === 'merchant' || (!termAt[j] || k > 0 && k === name.length - 1 && has(t, j, 'generic_place')) && (!has(t, j, 'generic_place') || k > 0 && k === name.length - 1) && !has(t, j, 'local_spot') && !has(t, j, 'city');
        if (name.length && name.length <= 3 && name.every((j, k) => t.tokens[j]!.kind === 'word' && nameWord(j, k))) {
          cur.idx = cur.idx.filter((j) => !name.includes(j));
          flush();
          cur = { role: 'main', idx: name };
        }
      }
      if (post !== 'drop' && cur.role === 'main') {
        cur.role = (post === 'purpose' ? 'purpose' : post === 'place' ? 'source' : post) as ChunkRole;
        if (post === 'purpose') cur.closed = true;
      }
      // "district pe 2 movie tickets", "dhabe pe parathe": "pe" after words that name no thing, or
      // after a kind of place, when the thing bought is named elsewhere, says where it was bought
      // ("petrol pe 500": the chunk before it is the thing).
      if (post === 'drop' && cur.role === 'main' && cur.idx.length && cur.idx.every((j) => termAt[j]?.kind !== 'item' || has(t, j, 'generic_place') || termAt[j]!.primary === 'food' && termAt[j]!.detail === 'restaurant')
        && content.some((j) => !cur.idx.includes(j) && termAt[j]?.kind === 'item' && !weakTerm(termAt[j]!))) cur.role = 'source';
      flush();
      cur = { role: 'main', idx: [] };
      continue;
    }
    if (tk.kind === 'punct' && tk.text !== '-' && tk.text !== '/') {
      // "warehouse cafe: beer 1.2k, nachos 450", "goa trip: flights 9.8k": a heading before a colon,
      // with the things bought named after it, says where (or on what outing), not what.
      if (tk.text === ':' && cur.role === 'main' && !chunks.length && content.some((j) => j > i && termAt[j]?.kind === 'item')) cur.role = 'place';
      flush();
      cur = { role: 'main', idx: [] };
      continue;
    }
    if (has(t, i, 'separator') && !termAt[i]) {
      // "pizza and coke": a separator inside one expense joins things; keep it as a joint.
      cur.idx.push(i);
      continue;
    }
    cur.idx.push(i);
  }
  flush();
  // A "for" chunk naming kin is who it was for.
  for (const c of chunks) {
    if (c.role === 'purpose' && c.idx.some((i) => isKin(t, i)) && !c.idx.some((i) => termAt[i]?.kind === 'item')) c.role = 'benefit';
  }
  // "a present for Mason", "flowers for Rose": a name after "for", with the thing named before it, is
  // whom it was for, even when the name is also a word ("mason", "rose").
  const loud = shouting(t.tokens);
  const thingBefore = (c: Chunk): boolean => chunks.some((o) => o !== c && o.role === 'main' && o.idx[0]! < c.idx[0]! && words(t, o.idx, termAt).some((i) => termAt[i]?.kind === 'item'));
  for (const c of chunks) {
    if (c.role !== 'purpose' || c.prep !== 'for' || loud) continue;
    const ws = words(t, c.idx, termAt);
    if (ws.length && ws.length <= 2 && ws.every((i) => t.tokens[i]!.cap && termAt[i]?.kind !== 'merchant') && thingBefore(c)) c.role = 'benefit';
  }
  // "uber £38 for Khala's flight", "top up a tenner for mum's phone": after a thing or a shop named
  // before, "for" someone's thing says whose need it served, not what was bought.
  const ownerWord = (i: number): boolean => /\p{L}['’]s$/u.test(t.tokens[i]!.text) && termAt[i]?.kind !== 'merchant' && (isKin(t, i) || t.tokens[i]!.cap || !termAt[i]) || /^(her|his|their)$/.test(t.tokens[i]!.norm);
  // (Not a thing of the same kind as the shop or thing before it: "pharmacy 11.30 for Julien's cough
  // syrup", "apollo 380 for paati's bp tablets" name what was bought there.)
  const namedBefore = (c: Chunk, primaries: ReadonlySet<string>): boolean => chunks.some((o) => o !== c && o.role === 'main' && o.idx[0]! < c.idx[0]!
    && words(t, o.idx, termAt).some((i) => (termAt[i]?.kind === 'item' || termAt[i]?.kind === 'merchant') && !primaries.has(termAt[i]!.primary)));
  for (const c of chunks) {
    if (c.role !== 'purpose' || c.prep !== 'for') continue;
    const ws = words(t, c.idx, termAt);
    const things = ws.slice(1).filter((i) => termAt[i]?.kind === 'item');
    if (ws.length >= 2 && ownerWord(ws[0]!) && things.length && namedBefore(c, new Set(things.map((i) => termAt[i]!.primary)))) c.role = 'benefit';
  }
  return chunks;
}

const ITEM_ORDER: ChunkRole[] = ['main', 'purpose', 'in', 'dest', 'with', 'source', 'place', 'via', 'benefit'];

/** Pronouns that own a day ("her birthday"): whose celebration it was. */
const PERSON_WORDS = /^(her|his|their|hers)$/;

/** "a bag of apples", "a tube of toothpaste": the container before "of" measures the thing, it is not the thing. */
const containerOf = (t: Tagged, i: number): boolean => t.tokens[i + 1]?.norm === 'of' && (t.at[i] ?? []).some((g) => g.role === 'unit' && g.end === i + 1);

function words(t: Tagged, idx: readonly number[], termAt: readonly (KnownTerm | null)[]): number[] {
  const out = idx.filter((i) => !dropped(t, i, termAt) && !(containerOf(t, i) && idx.includes(i + 2) && (!termAt[i] || termAt[i]!.end === i + 1)));
  // Trim separators and generic places at the edges.
  while (out.length && has(t, out[0]!, 'separator') && !termAt[out[0]!]) out.shift();
  while (out.length && has(t, out[out.length - 1]!, 'separator') && !termAt[out[out.length - 1]!]) out.pop();
  return out;
}

function text(t: Tagged, idx: readonly number[], termAt?: readonly (KnownTerm | null)[]): string {
  const parts: string[] = [];
  let prev = -2;
  const done = new Set<KnownTerm>();
  for (const i of idx) {
    const tk = t.tokens[i]!;
    const k = termAt?.[i];
    // A misspelt item reads as the lexicon's word ("cofee" → coffee, "brekfast" → breakfast).
    if (k && k.kind === 'item' && repaired(k)) {
      if (!done.has(k)) {
        done.add(k);
        parts.push(k.canonical);
        prev = i;
      }
      continue;
    }
    const w = tk.kind === 'emoji' ? ((t.at[i] ?? []).find((g) => g.role === 'emoji')?.value ?? tk.text) : tk.norm;
    if (parts.length && tk.glued && prev === i - 1) parts[parts.length - 1] += w;
    else parts.push(w);
    prev = i;
  }
  return parts.join(' ').trim();
}

/** "cake cake" (an emoji and its word) is "cake". */
function dedupe(s: string): string {
  const out: string[] = [];
  for (const w of s.split(' ')) if (out[out.length - 1] !== w) out.push(w);
  return out.join(' ');
}

function titleCase(s: string): string {
  return s.replace(/(^|[\s\-/&])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

/** A shop's name from its words: title case, but a short name typed in capitals stays so ("LMB", "HP", "PHED"). */
function nameText(t: Tagged, idx: readonly number[]): string {
  const acronyms = new Map<string, string>();
  if (!shouting(t.tokens)) for (const i of idx) if (/^[A-Z]{2,5}$/.test(t.tokens[i]!.text)) acronyms.set(titleCase(t.tokens[i]!.norm), t.tokens[i]!.text);
  const s = titleCase(text(t, idx));
  return acronyms.size ? s.split(' ').map((w) => acronyms.get(w) ?? w).join(' ') : s;
}

/**
 * Item and merchant of one expense.
 * e.g. "spent 500 on a latte at Starbucks" → item "latte", merchant "Starbucks"
 */
export function itemAndMerchant(t: Tagged, content: readonly number[], termAt: readonly (KnownTerm | null)[], isKnownWord: (w: string) => boolean, findKnownTerms?: (tokens: string[]) => KnownTerm[], transparent?: ReadonlySet<number>, priced: readonly number[] = []): ItemMerchant {
  const chunks = chunksOf(t, content, termAt, transparent);
  const roleOf = new Map<number, ChunkRole>();
  for (const c of chunks) for (const i of c.idx) roleOf.set(i, c.role);
  const termsIn = [...new Set(content.map((i) => termAt[i]).filter((k): k is KnownTerm => !!k))];
  const merchantTerms = termsIn.filter((k) => k.kind === 'merchant');
  const placeRank = (k: KnownTerm): number => {
    const r = roleOf.get(k.start);
    return r === 'place' || r === 'source' ? 0 : r === 'main' ? 1 : 2;
  };
  merchantTerms.sort((a, b) => placeRank(a) - placeRank(b));
  let merchantTerm: KnownTerm | null = merchantTerms[0] ?? null;
  let merchant: string | null = merchantTerm?.canonical ?? null;
  let merchantIdx: number[] = merchantTerm ? range(merchantTerm.start, merchantTerm.end) : [];

  // In a message written in capitals a capital says nothing of a name ("COSTCO ROTISSERIE CHICKEN").
  const loud = shouting(t.tokens);
  const capital = (i: number): boolean => !loud && t.tokens[i]!.cap;
  // A word nobody has filed: not in the lexicon and with no vocabulary role.
  const unknown = (i: number): boolean => !termAt[i] && t.tokens[i]!.kind === 'word' && !t.tags.some((g) => g.start <= i && i < g.end);
  // "Bapu Bazaar se", "Nehru Place se": a capitalised word before a kind of place names that market,
  // even one that is also kin ("bapu", father).
  const marketName = (i: number): boolean => capital(i) && capital(i + 1) && has(t, i + 1, 'generic_place');
  const nameWords = (c: Chunk): number[] => words(t, c.idx, termAt).filter((i) => (!isKin(t, i) || marketName(i)) && !has(t, i, 'city') && !has(t, i, 'local_spot') && !has(t, i, 'payment_method'));
  if (!merchant) {
    // A name in a place chunk: "sandwich at heathrow", "dmart se", "tea from golden tips". A chunk of
    // known things only ("at the bakery") is a kind of place, not a name.
    for (const c of chunks) {
      // "2 pints in the Horseshoe", "a pie in the Crown": "in the" before a capitalised name nobody filed
      // is a venue ("lunch in Soho" is a part of town).
      const venueIn = c.role === 'in' && !loud && nameWords(c).length > 0 && nameWords(c).every((i) => unknown(i) && capital(i)) && t.tokens[nameWords(c)[0]! - 1]?.norm === 'the';
      if (c.role !== 'place' && c.role !== 'source' && !venueIn) continue;
      const ws = nameWords(c);
      if (!ws.length || ws.length > 4) continue;
      // "latte at cha cha matcha": two or more words after "at" (no article, no kind of place), when
      // the thing bought is already named before, are a shop's name even if its words are foods.
      const article = c.idx.some((i) => i < ws[0]! && has(t, i, 'glue'));
      const itemBefore = chunks.some((o) => o !== c && o.role === 'main' && o.idx.some((i) => termAt[i]?.kind === 'item'));
      const nameOfThings = ws.length >= 2 && !article && itemBefore && !ws.some((i) => has(t, i, 'generic_place') || has(t, i, 'city'));
      // "en La Carreta", "at el farolito": an article that starts a name (glue valued "name") belongs to
      // it and makes the words after it a name, unless they say a kind of place ("en la farmacia").
      const lead = ws[0]! - 1;
      const nameArticle = c.idx.includes(lead) && t.tags.some((g) => g.role === 'glue' && g.value === 'name' && g.start === lead && g.end === ws[0]);
      const placeKind = ws.some((i) => has(t, i, 'generic_place') || has(t, i, 'city') || has(t, i, 'local_spot'));
      const named = ws.some(unknown) || ws.some(marketName) || ws.every((i) => !termAt[i] && !has(t, i, 'generic_place')) || nameOfThings || (nameArticle && !placeKind);
      if (!named) continue;
      const nameIdx = nameArticle && !placeKind ? [lead, ...ws] : ws;
      merchant = nameText(t, nameIdx);
      merchantIdx = nameIdx;
      break;
    }
  }
  if (!merchant) {
    // A payee after the thing: "donation to ramakrishna mission", "a game on steam" (not kin, a city,
    // a spot in town or the ride's destination).
    const last = chunks[chunks.length - 1];
    // "for X" says who it was for, never who was paid.
    if (last && chunks.length > 1 && (last.role === 'dest' || last.role === 'purpose' || last.role === 'via') && last.prep !== 'for' && !(last.role === 'purpose' && !last.prep) && chunks[0]!.idx.some((i) => termAt[i]?.kind === 'item')) {
      const moving = chunks[0]!.idx.some((i) => termAt[i] && (termAt[i]!.primary === 'transport' || termAt[i]!.primary === 'travel'));
      const ws = nameWords(last);
      if (ws.length && ws.length <= 3 && ws.every(unknown) && !(last.role === 'dest' && moving)) {
        merchant = nameText(t, ws);
        merchantIdx = ws;
      }
    }
  }
  let guessedShop = false;
  if (!merchant) {
    // "lunch Surya Mahal 640", "dinner with buyers 2800 Handi", "petrol 2k HP": capitalised words
    // nobody has filed, right after a thing bought or closing the message after its amount, name
    // where it was bought (after a film, a show, a book or a present a capital may be a title or a
    // person: "movie Jawan", "book Atomic Habits", "gift Priya").
    const titled = (k: KnownTerm): boolean => k.primary === 'entertainment' || k.primary === 'gifts' || k.primary === 'education' || k.primary === 'other' || (k.primary === 'shopping' && k.detail === 'books');
    const food = (i: number | undefined): boolean => i !== undefined && termAt[i]?.kind === 'item' && !titled(termAt[i]!);
    const itemChunk = chunks.findIndex((c) => c.role === 'main' && c.idx.some(food));
    for (const [ci, c] of chunks.entries()) {
      if (c.role !== 'main' || itemChunk < 0 || ci < itemChunk) continue;
      const ws = words(t, c.idx, termAt);
      // A sector or street after the name is where the shop stands ("HP sec 14").
      let end = ws.length;
      while (end > 0 && has(t, ws[end - 1]!, 'label')) end--;
      let k = end;
      while (k > 0 && unknown(ws[k - 1]!) && capital(ws[k - 1]!)) k--;
      const run = ws.slice(k, end);
      if (!run.length || run.length > 3 || run.some((i) => i === 0 || t.tokens[i - 1]!.kind === 'newline')) continue;
      const closes = k === 0 ? ci > itemChunk && chunks.slice(ci + 1).every((o) => o.role !== 'main') : food(ws[k - 1]) && !capital(ws[k - 1]!);
      if (!closes) continue;
      merchantIdx = run;
      merchant = nameText(t, run);
      break;
    }
  }
  if (!merchant) {
    // A shop's name before what it sold: "Burma Burma lunch", "Karachi bakery fruit biscuits",
    // "Pulla Reddy sweets". Unknown words open the main chunk and a known item follows.
    const main = chunks.find((c) => c.role === 'main');
    if (main) {
      const ws = words(t, main.idx, termAt);
      let k = 0;
      while (k < ws.length && k < 3 && unknown(ws[k]!) && !has(t, ws[k]!, 'descriptive')) k++;
      let end = k;
      while (end < ws.length - 1 && has(t, ws[end]!, 'generic_place') && termAt[ws[end + 1]!]?.kind === 'item') end++;
      const follows = ws[end] !== undefined && termAt[ws[end]!]?.kind === 'item';
      // A possessive is a name too: "joe's slice", "raju's momos".
      const possessive = ws.length > 0 && /\p{L}['’]s$/u.test(t.tokens[ws[0]!]!.text);
      const nameLike = k >= 2 || end > k || (ws[0] !== undefined && capital(ws[0])) || possessive;
      // "Pihu ke tuition sir", "Kamla ki salary": a Hindi possessive after an unknown name makes it
      // a person the thing was for, not a shop (a known brand, "Haldiram ki soan papdi", is a term).
      const personOf = k > 0 && POSSESSIVES.has(t.tokens[ws[k - 1]! + 1]?.norm ?? '');
      // "a bag of Honeycrisp apples", "an Alphonso mango": after an article or "of" a capital names a kind of the thing.
      const kindOf = k > 0 && /^(of|a|an)$/.test(t.tokens[ws[0]! - 1]?.norm ?? '');
      if (k > 0 && follows && !personOf && !kindOf && t.tokens[ws[0]!]!.norm.length >= 3) {
        // A dictionary word ("giant pumpkin", "purple shirt", "express shipping") describes the thing;
        // before a lesson, a fee, a ticket or a stay an unknown word is a child, a place or a team
        // ("aarav drawing class", "hoboken parking", "sox game tix") more often than a shop.
        const sold = termAt[ws[end]!]?.primary;
        // "bought dev flowers": right after the verb of buying, a name is whom it was bought for.
        const recipient = has(t, ws[0]! - 1, 'spend_verb') || has(t, ws[0]! - 1, 'obtain_verb');
        if (nameLike || (k === 1 && (sold === 'food' || sold === 'shopping') && !recipient && !isDictionaryWord(t.tokens[ws[0]!]!.norm))) {
          merchantIdx = ws.slice(0, end);
          merchant = nameText(t, merchantIdx);
          // One lower-case word before a known thing may be a shop ("tatte lunch") or a kind of it
          // ("achari paneer"): the reading is a guess, and munshi asks.
          guessedShop = !nameLike;
        }
      }
    }
  }
  if (!merchant && findKnownTerms) {
    // "jio recharge", "blinkit order", "swiggy biryani": a known brand at the head of an item phrase.
    for (const k of termsIn) {
      if (k.kind !== 'item' || k.end - k.start < 2) continue;
      const ws = range(k.start, k.end - 1).map((i) => t.tokens[i]!.norm);
      const head = findKnownTerms(ws).find((h) => h.kind === 'merchant' && h.start === 0);
      // "holiday cards", "holiday party": a chain named by an everyday word ("Holiday" gas stations)
      // heading a thing of another kind is that word, not the shop (a shop's own thing, "jio
      // recharge", and a generic word, "blinkit order", keep it).
      if (head && head.primary !== k.primary && !weakTerm(k) && head.end === 1 && isDictionaryWord(ws[0]!)) continue;
      if (head) {
        merchant = head.canonical;
        merchantTerm = head;
        break;
      }
    }
  }

  const items0 = termsIn.filter((k) => k.kind === 'item' && !merchantIdx.includes(k.start) && !(k.end - k.start === 1 && containerOf(t, k.start) && content.includes(k.start + 2)));
  // "dinner 1200 incl tip": a tip or a tax beside the thing bought is part of its price, not the thing.
  const extra = (k: KnownTerm): boolean => has(t, k.start, 'tip') || has(t, k.start, 'tax');
  const items1 = items0.some((k) => !extra(k)) ? items0.filter((k) => !extra(k)) : items0;
  // "gas at the H-E-B was 2.79 a gallon, I filled up for 41.85": a past verb of paying that is also
  // a lexicon word ("filled up", "donated") names the thing only when nothing else does.
  const deed = (k: KnownTerm): boolean => t.tags.some((g) => g.role === 'spend_verb' && g.value === 'past' && g.start <= k.start && k.end <= g.end);
  const items = items1.some((k) => !deed(k) && !weakTerm(k)) ? items1.filter((k) => !deed(k)) : items1;
  const extras = new Set(items0.filter((k) => !items.includes(k)).flatMap((k) => Array.from({ length: k.end - k.start }, (_, j) => k.start + j)));
  let itemTerm: KnownTerm | null = null;
  let itemIdx: number[] = [];
  let unknownItem = false;
  const ordered = [...chunks].sort((a, b) => ITEM_ORDER.indexOf(a.role) - ITEM_ORDER.indexOf(b.role));
  // "pharmacy 14.70 paracetamol", "boulangerie: baguette 1,30", "canteen: coke 1.20", "crisps from the
  // offie": a kind of shop filed as a thing too names what was bought only when nothing else does.
  const placeItem = (k: KnownTerm): boolean => range(k.start, k.end).every((i) => has(t, i, 'generic_place'));
  const thingBeside = (k: KnownTerm): boolean => items.some((o) => o !== k && !placeItem(o) && !weakTerm(o));
  const isWeak = (k: KnownTerm): boolean => weakTerm(k) || (placeItem(k) && thingBeside(k));
  // What was bought is named outside the place chunks first ("lunch at the office canteen"), and a
  // specific item beats a generic one ("bill", "order") in a better-placed chunk.
  const where = (c: Chunk): boolean => c.role === 'place' || c.role === 'source';
  // "at the flea market I picked up a vintage lamp": words after the verb of buying, even unknown
  // ones, name the thing better than a known place word before it.
  const boughtWords = chunks.find((c) => c.bought && !c.idx.some((i) => termAt[i]?.kind === 'item'))?.idx.filter((i) => unknown(i) && !merchantIdx.includes(i)) ?? [];
  for (const [inPlace, pass] of [[false, false], [false, true], [true, false], [true, true]] as const) {
    if (inPlace && boughtWords.length) break;
    for (const c of ordered) {
      if (c.role === 'benefit' || c.role === 'via' || c.role === 'time') continue;
      if (where(c) !== inPlace) continue;
      if ((c.role === 'dest' || where(c)) && merchantTerm) continue;
      // "dmart se snacks 640 room ke liye": what a thing named before was for, closed by a postposition,
      // is not the thing, even beside a generic one (English "for the room" still is; and "thepla nu
      // packet", a thing before its container, still names the thepla).
      if (c.closed && chunks.some((o) => o.role === 'main' && o.idx[0]! < c.idx[0]! && o.idx.some((i) => items.some((k) => k.start === i)))) continue;
      const inChunk = items.filter((k) => c.idx.includes(k.start) && isWeak(k) === pass);
      if (!inChunk.length) continue;
      // English compounds put the head last; the last item of the chunk decides, unless it is the
      // container the thing came in ("the big rice bag", "a milk carton").
      itemTerm = inChunk[inChunk.length - 1]!;
      const held = inChunk.find((k) => k.end === itemTerm!.start);
      let container = -1;
      if (held && itemTerm.end - itemTerm.start === 1 && t.tags.some((g) => g.role === 'unit' && g.value === 'container' && g.start === itemTerm!.start && g.end === itemTerm!.end)) {
        container = itemTerm.start;
        itemTerm = held;
      }
      // "Pihu ke tuition": the unknown name that owns the item is whom it was for, not part of it.
      const owner = (i: number): boolean => !termAt[i] && t.tokens[i]!.cap && POSSESSIVES.has(t.tokens[i + 1]?.norm ?? '') && i < itemTerm!.start;
      itemIdx = words(t, c.idx, termAt).filter((i) => !merchantIdx.includes(i) && !isKin(t, i) && !extras.has(i) && !owner(i) && i !== container);
      // "aaj ka kharcha - breakfast 120": words before a dash set apart, ahead of the thing, are a heading.
      const dash = c.idx.filter((i) => i < itemTerm!.start && t.tokens[i]!.text === '-' && !t.tokens[i]!.glued && !t.tokens[i + 1]?.glued).pop();
      if (dash !== undefined) itemIdx = itemIdx.filter((i) => i > dash);
      // "gave the car for servicing": the work done on the thing is what was paid for.
      const next = chunks[chunks.indexOf(c) + 1];
      if (next && next.role === 'purpose') {
        const work = words(t, next.idx, termAt).filter((i) => has(t, i, 'service_work'));
        if (work.length) itemIdx = [...itemIdx, ...work];
      }
      break;
    }
    if (itemTerm) break;
  }
  // "Amazon order, a reading lamp for $34.99": a generic word ("order", "bill") with the thing
  // itself said beside it in words the lexicon lacks; the thing is the item.
  // The item was chosen from words the lexicon lacks (beside a generic word, or tied to the price).
  let wordsChosen = false;
  if (itemTerm && weakTerm(itemTerm)) {
    const own = chunks.find((c) => c.idx.includes(itemTerm!.start));
    const beside = chunks.find((c) => c !== own && (c.role === 'main' || c.bought) && t.tokens[c.idx[0]! - 1]?.text === ',');
    const ws = beside ? words(t, beside.idx, termAt).filter((i) => !merchantIdx.includes(i) && !isKin(t, i)) : [];
    if (ws.length && ws.length <= 3 && ws.every(unknown) && ws.some((i) => /^(a|an|the|some)$/.test(t.tokens[ws[0]! - 1]?.norm ?? ''))) {
      itemTerm = null;
      itemIdx = ws;
      unknownItem = true;
      wordsChosen = true;
    }
  }
  // "we had supper at Skyline, my three-way was $9.75", "game on Saturday! Parking was $40": the
  // words the amount is tied to ("X was $Y", "X for $Y") name what it paid for, before a meal, a
  // place or an occasion said elsewhere; a generic word there ("the total was") names nothing.
  // ("a present for Mason was $24": a name after "for" is whom it was for, never what it paid for.)
  const forName = priced.length > 0 && t.tokens[priced[0]! - 1]?.norm === 'for' && priced.every((i) => capital(i) || dropped(t, i, termAt));
  if (priced.length && !forName && !itemIdx.some((i) => priced.includes(i))) {
    const np = words(t, priced, termAt).filter((i) => !merchantIdx.includes(i) && !isKin(t, i) && !has(t, i, 'city') && !has(t, i, 'generic_place') && !has(t, i, 'local_spot'));
    const npItems = items.filter((k) => np.includes(k.start) && !isWeak(k));
    if (npItems.length) {
      itemTerm = npItems[npItems.length - 1]!;
      itemIdx = np;
      unknownItem = false;
    } else if (np.length && np.length <= 3 && np.every(unknown) && (!itemTerm || isWeak(itemTerm) || itemIdx.some((i) => has(t, i, 'gift_word')))) {
      itemTerm = null;
      itemIdx = np;
      unknownItem = true;
      wordsChosen = true;
    }
  }
  if (!itemTerm && !wordsChosen) {
    for (const c of ordered) {
      if (c.role === 'benefit' || c.role === 'via' || c.role === 'time' || c.role === 'with') continue;
      if ((c.role === 'dest' || c.role === 'place' || c.role === 'source') && (merchant || c.role !== 'dest')) continue;
      // Beside a named shop or service, "there", "home" or "the club" say where, not what ("uber 11.20 there").
      const ws = words(t, c.idx, termAt).filter((i) => !merchantIdx.includes(i) && !isKin(t, i) && !has(t, i, 'city') && !extras.has(i) && !(merchant && has(t, i, 'generic_place')));
      if (!ws.length) continue;
      // "paid Rosa $90 for cleaning the house": a name right after the verb of paying is who was paid;
      // what for names the thing.
      const payee = c.role === 'main' && ws.length <= 2 && ws.every((i) => unknown(i) && capital(i)) && has(t, ws[0]! - 1, 'spend_verb');
      if (payee && chunks.some((o) => o.role === 'purpose' && o.prep === 'for' && words(t, o.idx, termAt).length > 0)) continue;
      itemIdx = ws;
      unknownItem = ws.every((i) => !termAt[i] && !isKnownWord(t.tokens[i]!.norm));
      break;
    }
  }
  // "at the pharmacy 300": a generic place is the best hint of what was bought.
  if (!itemIdx.length && !merchant) {
    for (const c of chunks) {
      const ws = c.idx.filter((i) => has(t, i, 'generic_place'));
      if (ws.length) {
        itemIdx = ws;
        break;
      }
    }
  }
  // "tsrtc bus": a merchant named with a thing it sells; the thing is the item.
  if (!itemIdx.length && merchantTerm && merchantTerm.end - merchantTerm.start >= 2 && findKnownTerms) {
    const lastTok = t.tokens[merchantTerm.end - 1]!;
    const inner = findKnownTerms([lastTok.norm]).find((k) => k.kind === 'item');
    if (inner) itemIdx = [merchantTerm.end - 1];
  }
  // "Earl filled up the truck", "Doris got the oil changed": a name opening a clause right before its
  // verb is who did it, never what was bought.
  const doer = (i: number): boolean => unknown(i) && capital(i) && (i === 0 || t.tokens[i - 1]!.kind === 'punct') && (has(t, i + 1, 'spend_verb') || has(t, i + 1, 'obtain_verb'));
  // "Earl's new work boots": an unknown name owning the next word is whom the thing was for.
  const ownerName = (i: number): boolean => unknown(i) && capital(i) && /\p{L}['’]s$/u.test(t.tokens[i]!.text) && itemIdx.includes(i + 1);
  const notThing = (i: number): boolean => doer(i) || ownerName(i);
  if (itemIdx.some(notThing) && itemIdx.some((i) => !notThing(i))) itemIdx = itemIdx.filter((i) => !notThing(i));
  // "a new phone cover", "a quick bite": describing words before a known thing are not its name.
  if (itemTerm) while (itemIdx.length > 1 && has(t, itemIdx[0]!, 'descriptive') && !termAt[itemIdx[0]!]) itemIdx = itemIdx.slice(1);
  const item = itemIdx.length ? capItem(dedupe(text(t, itemIdx, termAt))) : null;
  const gift = content.some((i) => has(t, i, 'gift_word'));
  // Whose day it was: kin ("mom's bday"), a pronoun ("her birthday") or a name owning it ("Lily's birthday").
  const forSomeone = (i: number): boolean => (isKin(t, i) && !has(t, i, 'self')) || PERSON_WORDS.test(t.tokens[i]!.norm) || (t.tokens[i]!.cap && /\p{L}['’]s$/u.test(t.tokens[i]!.text) && !termAt[i]);
  const celebrated = content.some((i) => has(t, i, 'celebration')) && t.tokens.some((_, i) => forSomeone(i));
  const beneficiary = chunks.some((c) => c.role === 'benefit');
  const moving = (itemTerm && (itemTerm.primary === 'transport' || itemTerm.primary === 'travel')) || (merchantTerm && merchantTerm.primary === 'transport');
  // The ride and the city belong to one clause: "made it to amsterdam, tram €3.40" is a tram there.
  const rideAt = itemTerm && (itemTerm.primary === 'transport' || itemTerm.primary === 'travel') ? itemTerm.start : merchantTerm ? merchantTerm.start : -1;
  const sameClause = (c: Chunk): boolean => rideAt < 0 || !t.tokens.slice(Math.min(rideAt, c.idx[0]!), Math.max(rideAt, c.idx[c.idx.length - 1]!)).some((k) => k.kind === 'punct' && k.text !== '-' && k.text !== '/');
  const intercity = !!moving && chunks.some((c) => c.role === 'dest' && c.idx.some((i) => has(t, i, 'city')) && !c.idx.some((i) => has(t, i, 'local_spot')) && sameClause(c));
  return { item, itemTerm, merchant, merchantTerm, itemIdx, merchantIdx, gift, celebrated, intercity, beneficiary, unknownItem, guessedShop };
}

/** A generic lexicon word ("bill", "order", "ticket"): filed under other, or marked weak. */
export function weakTerm(k: KnownTerm): boolean {
  return k.weak || (k.primary === 'other' && k.detail === null);
}

const MAX_ITEM_CHARS = 60;
function capItem(s: string): string {
  if (s.length <= MAX_ITEM_CHARS) return s;
  const cut = s.slice(0, MAX_ITEM_CHARS);
  const sp = cut.lastIndexOf(' ');
  return (sp > 20 ? cut.slice(0, sp) : cut).trim();
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i < b; i++) out.push(i);
  return out;
}

export type { Primary };
