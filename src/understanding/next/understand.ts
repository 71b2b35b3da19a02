/**
 * @module understanding/next/understand
 * The rules path from one chat message to an Understanding, on the language layer: tag the tokens
 * once; read numbers and times with the one money and one time grammar; find lexicon terms; read
 * commands and small talk; score every expense reading; read the cues that make a message not the
 * owner's purchase; and say when munshi should ask instead of recording. Pure: the clock comes in
 * as ctx.now. Never throws.
 */
import type { ExpenseDraft } from '../../core/types.js';
import * as categories from '../../categories/index.js';
import type { CategoryOverride } from '../../ledger/preferences.js';
import { analyze, contextFromSettings, type LanguageContext } from '../../language/context.js';
import { bestCover } from '../../language/grammar.js';
import type { Tagged } from '../../language/tagger.js';
import type { Primary } from '../../categories/taxonomy.js';
import type { AskReason, UnderstandContext, Understanding } from '../types.js';
import { readCommand } from './commands.js';
import { isPing, readCues, smallTalk } from './cues.js';
import { itemAndMerchant } from './extract.js';
import { prepare, readExpenses, type FrameTokens } from './frames.js';
import { readNumbers, type MoneyReading } from './numbers.js';
import { functionTokens, findTerms } from './terms.js';
import { sells } from './lines.js';
import { implausible } from './plausible.js';
import { withShares } from '../shares/apply.js';
import { bestTimes, readTimes, type TimeReading } from '../../language/time/index.js';

/** Categories of things people give as presents (see the celebration role). */
const GIVEN_THINGS: ReadonlySet<Primary> = new Set<Primary>(['shopping', 'personal_care', 'other', 'entertainment']);

/** What understanding needs from src/categories; injected so tests can swap it. */
export interface Lexicon {
  findKnownTerms(tokens: string[]): categories.KnownTerm[];
  categorize(input: { item: string | null; merchant: string | null; context?: string }, overrides?: ReadonlyMap<string, CategoryOverride>): { primary: Primary; detail: string | null; confidence: number; via?: string };
  isKnownWord(word: string): boolean;
  categoryNamed(phrase: string): { primary: Primary; detail: string | null } | null;
}

export const defaultLexicon: Lexicon = {
  findKnownTerms: (tokens) => categories.findKnownTerms(tokens),
  categorize: (input, overrides) => categories.categorize(input, overrides),
  isKnownWord: (w) => categories.isKnownWord(w),
  categoryNamed: (p) => categories.categoryNamed(p),
};

const MAX_NOTE_CHARS = 200;
/** Below this margin over the next reading, munshi asks which was meant. */
const CLOSE_MARGIN = 0.25;
/** Roles that make a message ask or command something: its numbers are then no note to self. */
const ASKING_ROLES = ['question_word', 'op_sum', 'op_list', 'op_top', 'op_count', 'op_avg', 'op_compare', 'op_breakdown', 'op_kinds', 'op_last', 'spend_noun', 'command'] as const;

/**
 * Understands one message.
 * e.g. understandNext('chai 20', ctx) → { intent: 'add_expense', expenses: [{ amountMinor: 2000, category: 'food', detail: 'tea', item: 'chai' … }] }
 */
export function understandNext(text: string, ctx: UnderstandContext, lex: Lexicon = defaultLexicon): Understanding {
  try {
    // Shared money (src/understanding/shares): a split's owner share is the expense; a debt is none.
    const lc = languageOf(ctx);
    return withShares(run(text, ctx, lex, lc), text, lc);
  } catch {
    // The rules must never take the bot down; an odd message is simply not understood.
    return { intent: 'other', kind: 'unknown', confidence: 0 };
  }
}

function languageOf(ctx: UnderstandContext): LanguageContext {
  return ctx.language ?? contextFromSettings(ctx.now, ctx.settings, ctx.localeChosen ?? false);
}

function run(text: string, ctx: UnderstandContext, given: Lexicon, lc: LanguageContext): Understanding {
  // The owner's pack decides which regional lexicon rows apply ("gas" is fuel in the US).
  const lex = given === defaultLexicon ? categories.categoriesFor(lc.pack.regions) : given;
  const t = analyze(text, lc);
  if (!t.tokens.some((k) => k.kind === 'word' || k.kind === 'num' || k.kind === 'emoji') || garbled(t.text)) return { intent: 'other', kind: 'noise', confidence: 0.9 };

  const read = readNumbers(t, lc);
  const pastVerb = t.tags.some((g) => (g.role === 'spend_verb' || g.role === 'obtain_verb') && g.value === 'past');
  const tense = pastVerb ? 'past' : t.roles.has('plan') ? 'future' : null;
  const fn = functionTokens(t);
  // "table for 4", "clubcard points 450": the word that says what a count measures is not a thing bought.
  const terms = findTerms(t, lex, fn).filter((k) => !read.labels.some((l) => l.kind === 'measure' && l.cue && l.cue.start <= k.start && k.end <= l.cue.end));
  // A number inside a known name ("Apollo 24/7", "7-Eleven") is part of the name, never a date.
  const namedNum = (r: TimeReading): boolean => terms.some((k) => k.start < r.end && r.start < k.end && t.tokens.slice(Math.max(k.start, r.start), Math.min(k.end, r.end)).some((x) => x.kind === 'num'));
  // Likewise no amount: "7-Eleven" is a shop, not 11.
  const inName = (m: (typeof read.money)[number]): boolean => !m.currencyWritten && terms.some((k) => k.start <= m.start && m.end <= k.end && (k.start < m.start || m.end < k.end));
  // "dinner for 4 at big chill 2860", "tickets for 2, 30": a small count after "for" and a meal or a
  // ticket is the party's size when a larger amount is written too.
  const partySize = (m: (typeof read.money)[number]): boolean => {
    const f = m.start - 1;
    const forWhom = (t.at[f] ?? []).some((g) => g.role === 'prep' && g.value === 'purpose' && g.end === m.start);
    if (m.currencyWritten || m.minor % 100 !== 0 || m.minor > 1200 || m.start < 2 || !forWhom) return false;
    const k = terms.find((x) => x.end === f);
    return !!k && (k.detail === 'meals' || k.detail === 'restaurant' || k.primary === 'entertainment') && read.money.some((o) => o !== m && o.minor > m.minor * 3);
  };
  const nums = read.money.some((m) => inName(m) || partySize(m)) ? { ...read, money: read.money.filter((m) => !inName(m) && !partySize(m)) } : read;
  const times = bestTimes(readTimes(t, lc, { mode: 'record', tense }).filter((r) => !namedNum(r)));
  const moneyBest = bestCover(nums.money.filter((m) => m.currencyWritten || !times.some((r) => r.start < m.end && m.start < r.end)), (m) => m.score * (m.end - m.start));

  const cmd = readCommand({ t, money: moneyBest, times, categoryNamed: lex.categoryNamed, isItemPhrase: (p) => lex.findKnownTerms(p.split(' ')).length > 0 });
  if (cmd) return { intent: 'command', command: cmd, confidence: 0.85 };
  // "summary", "weekly report", "chart": asked of the ledger, answered by the summary and chart skills.
  if (!nums.money.length && t.tags.some((g) => g.role === 'command' && (g.value === 'summary' || g.value === 'chart' || g.value === 'budgets'))) return { intent: 'query', confidence: 0.8 };
  const talk = smallTalk(t);
  if (talk) return { intent: 'other', kind: talk, confidence: 0.95 };
  if (asksAboutMunshi(t)) return { intent: 'other', kind: 'capabilities', confidence: 0.8 };
  if (isPing(t)) return { intent: 'other', kind: 'noise', confidence: 0.85 };

  const prep = prepare(t, nums, times, terms);
  const rr = readExpenses(prep);
  const futureDate = times.some((r) => r.future);
  const cue = readCues({ t, hasMoney: !!rr.best, futureDate, hasTime: times.some((r) => !r.future), hasPeriod: times.some((r) => r.kind === 'range' && !r.future), hasThing: terms.length > 0, termSpans: terms });

  // Numbers that only label or measure ("11,842 steps today", "82.4 kg this morning", "PNR 2456781930
  // status check") in a message that names nothing bought and asks nothing: a note to self.
  // A known word that is the label itself ("BP 128/82", "PNR 2456…") names nothing bought.
  const named = terms.filter((k) => !nums.labels.some((l) => l.cue && l.cue.start <= k.start && k.end <= l.cue.end));
  const asks = ASKING_ROLES.some((r) => t.roles.has(r));
  const measured = nums.quantities.filter((q) => !times.some((r) => r.start < q.end && q.start < r.end));
  // "walked 4,200 steps today, Earl did nineteen hundred": beside a measure, a bare number with no
  // currency and nothing named measures the same thing.
  const measures = measured.some((q) => q.unitKind === 'measure' || q.unitKind === 'distance');
  const bareBeside = measures && nums.money.every((m) => !m.currencyWritten);
  const measuredOnly = (!nums.money.length || bareBeside) && named.length === 0 && (nums.labels.length > 0 || measured.length > 0) && !asks && !t.text.includes('?');
  if (measuredOnly && !t.roles.has('spend_verb')) return { intent: 'other', kind: 'note', confidence: 0.75 };
  if (cue?.kind === 'question') {
    // A question about money: spending words, amounts, known things; a date alone counts only when
    // nothing else unknown is asked about ("what's the weather today?" is not about money).
    const MONEYISH = ['op_sum', 'op_count', 'op_avg', 'op_top', 'op_breakdown', 'op_compare', 'op_list', 'op_last', 'spend_verb', 'spend_noun', 'currency', 'budget', 'obtain_verb'] as const;
    // A category's name counts too ("entertainment evlo this month?").
    const namesCategory = t.tokens.some((k) => k.kind === 'word' && k.norm.length > 2 && !!lex.categoryNamed(k.norm));
    const moneyish = !!rr.best || terms.length > 0 || namesCategory || MONEYISH.some((r) => t.roles.has(r));
    const unknownWords = t.tokens.some((k) => k.kind === 'word' && !t.tags.some((g) => g.start <= k.i && k.i < g.end) && !times.some((r) => r.start <= k.i && k.i < r.end));
    if (moneyish || (times.length > 0 && !unknownWords)) return { intent: 'query', confidence: 0.85 };
    return { intent: 'other', kind: 'unknown', confidence: 0.6 };
  }
  if (cue && cue.strong) return { intent: 'other', kind: cue.kind, confidence: 0.8 };
  const seen = rr.best && !t.roles.has('spend_verb') && !t.roles.has('obtain_verb') ? priceSeen(t, nums, rr.best.frames) : null;
  if (seen === 'strong') return { intent: 'other', kind: 'price', confidence: 0.75 };

  const note = noteOf(t.text);
  const today = lc.today;
  if (!rr.best) {
    if (nums.bad.length && !nums.money.length) return { intent: 'other', kind: 'noise', confidence: 0.8 };
    // Numbers that label or measure things ("order #4417", "12,400 steps") and no amount: a note.
    if ((nums.labels.length || nums.quantities.some((q) => q.unitKind === 'measure')) && !nums.money.length) return { intent: 'other', kind: 'note', confidence: 0.75 };
    // No amount: an expense only when it says so ("bought petrol") or names a known thing briefly ("petrol").
    const all = t.tokens.map((k) => k.i).filter((i) => !times.some((r) => r.start <= i && i < r.end));
    const im = itemAndMerchant(t, all, prep.termAt, lex.isKnownWord, lex.findKnownTerms);
    const words = t.tokens.filter((k) => k.kind === 'word').length;
    const known = !!im.itemTerm || !!im.merchantTerm;
    const spendVerb = t.roles.has('spend_verb');
    const gotKnown = known && t.tags.some((g) => g.role === 'obtain_verb' && g.value === 'past');
    if ((im.item || im.merchant) && (spendVerb || gotKnown || (known && words <= 4))) {
      const cat = lex.categorize({ item: im.item, merchant: im.merchant, context: t.text }, ctx.overrides);
      return {
        intent: 'incomplete', missing: 'amount', confidence: known ? 0.8 : 0.6,
        partial: { amountMinor: null, currency: lc.currency, category: cat.primary, detail: cat.detail, item: im.item, merchant: im.merchant, note, date: dateFor(times, null, today) },
      };
    }
    return { intent: 'other', kind: 'unknown', confidence: 0.5 };
  }

  const frames = rr.best.frames;
  const expenses: ExpenseDraft[] = [];
  let ask: AskReason | undefined;
  let confidence = Math.min(1, 0.55 + 0.15 * Math.min(rr.margin, 2));
  // One shared date, merchant: a date or "at X" said once covers every expense of the message.
  const sharedTime = times.filter((r) => r.from).length === 1 ? times.find((r) => r.from)! : null;
  const transparent = new Set<number>();
  for (const r of times) for (let i = r.start; i < r.end; i++) transparent.add(i);
  const priced = frames.map((f) => pricedPhrase(t, f, prep.cls));
  const ims = frames.map((f, k) => itemAndMerchant(t, f.content, prep.termAt, lex.isKnownWord, lex.findKnownTerms, transparent, priced[k]));
  // "got presents for the twins, a doll for $24.99 and a truck for $34.99": presents said in a heading
  // before the first priced thing make every thing of the list a present.
  if (frames.length > 1 && ims[0]!.gift && priced[0]!.length) {
    const heading = frames[0]!.content.filter((i) => i < priced[0]![0]!);
    if (heading.some((i) => t.tags.some((g) => g.role === 'gift_word' && g.start <= i && i < g.end))) for (const im of ims) im.gift = true;
  }
  // A merchant said once for several expenses: a trailing "at X" after the last amount, or a header
  // before the first ("dmart: milk 60, bread 40").
  let sharedMerchant: (typeof ims)[number] | null = null;
  if (frames.length > 1 && ims.filter((m) => m.merchant).length === 1) {
    const k = ims.findIndex((m) => m.merchant);
    const f = frames[k]!, im = ims[k]!;
    const trailing = k === frames.length - 1 && im.merchantIdx.length > 0 && im.merchantIdx.every((i) => i >= f.money.end) && im.itemIdx.every((i) => i < im.merchantIdx[0]!);
    const mEnd = im.merchantIdx[im.merchantIdx.length - 1]! + 1;
    // "Walmart trip today, boots 59.96, …": a shop named with an errand word, then a comma, heads the list.
    const errand = (t.at[mEnd] ?? []).some((g) => g.role === 'occasion') && t.tokens.slice(mEnd, f.money.start).some((x) => x.text === ',');
    const header = k === 0 && im.merchantIdx.length > 0 && (errand || t.tokens.slice(mEnd, f.money.start).some((x) => x.text === ':' || x.text === '-' || x.text === '–' || x.kind === 'newline'));
    // A known shop named before the first amount ("mcdonalds sweet tea 1.29 + hash brown 1.89", "kal
    // Mother Dairy se doodh 68 aur bread 45", "went to CVS … lotion 8.49 and toothpaste 4.79") covers
    // the other things when they are things that kind of shop sells (vocab/merchant-lines.tsv).
    // A shop alone before its amount ("dmart 1200, chai 20", "aldi 19.84, jewel 12.40") was one errand; the next things are others.
    const before = k === 0 && !!im.merchantTerm && !!im.item && im.merchantIdx.length > 0 && im.merchantIdx.every((i) => i < f.money.start);
    if (trailing || header) sharedMerchant = im;
    else if (before) {
      const shop = im.merchantTerm!;
      const sold = (m: (typeof ims)[number]): boolean => {
        if (!m.item) return false;
        const c = lex.categorize({ item: m.item, merchant: null, context: m.item }, ctx.overrides);
        return sells(shop.primary, shop.detail, c.primary, c.detail);
      };
      if (ims.every((m, j) => j === 0 || sold(m))) sharedMerchant = im;
    }
  }
  // "sathyam 2 tickets 380": with nothing else named, a counted thing ("tickets") is the item.
  frames.forEach((f, k) => {
    const im = ims[k]!;
    const measure = ['mass', 'volume', 'serving', 'container', 'time', 'distance', 'person'];
    // "2 pints in the local": a kind of place said beside the count is where, not what.
    const placeOnly = !im.itemTerm && im.itemIdx.length > 0 && im.itemIdx.every((i) => t.tags.some((g) => g.role === 'generic_place' && g.start <= i && i < g.end));
    if ((im.item && !placeOnly) || !f.qty?.unit) return;
    const known = lex.findKnownTerms([f.qty.unit]).find((x) => x.kind === 'item');
    // "2 pints 13.80": a serving that is itself a drink or a dish names what was bought.
    const serving = f.qty.unitKind === 'serving' && known?.primary === 'food';
    if (known && (serving || !measure.includes(f.qty.unitKind ?? ''))) im.item = f.qty.unit;
  });
  // "hotstar 299", "uber 14.50": with only a merchant named, its name as written is also the item.
  frames.forEach((f, k) => {
    const im = ims[k]!;
    if (!im.item && im.merchantIdx.length) im.item = im.merchantIdx.map((i) => t.tokens[i]!.norm).join(' ');
    void f;
  });
  // "ola 320 yesterday and 260 today", "uber 11.20 there and 13.80 back": an expense that names
  // nothing (only words of time, place or direction) repeats the one before it.
  // ("primark £16 and next £28": a word of another role, "next" here, may be a shop's name; it blocks.)
  const WHERE: ReadonlySet<string> = new Set(['generic_place', 'local_spot', 'back', 'prep', 'glue', 'filler']);
  const untaggedWord = (i: number): boolean => t.tokens[i]!.kind === 'word' && prep.cls[i] !== 'glue' && prep.cls[i] !== 'sep' && !transparent.has(i) && !(t.at[i] ?? []).some((g) => WHERE.has(g.role));
  frames.forEach((f, k) => {
    const im = ims[k]!;
    if (k > 0 && !im.item && !im.merchant && !f.content.some(untaggedWord)) {
      const prevIm = ims[k - 1]!;
      ims[k] = { ...im, item: prevIm.item, itemTerm: prevIm.itemTerm, merchant: prevIm.merchant, merchantTerm: prevIm.merchantTerm };
    }
  });
  if (frames.length === 1 && !ims[0]!.item && !ims[0]!.merchant) {
    const m = frames[0]!.money;
    return {
      intent: 'incomplete', missing: 'item', confidence: 0.7,
      partial: { amountMinor: m.minor, currency: m.currency, category: 'other', detail: null, item: null, merchant: null, note, date: dateFor(times, frames[0]!, today) },
    };
  }
  frames.forEach((f, k) => {
    const im = ims[k]!;
    const merchant = im.merchant ?? (sharedMerchant && !im.merchant ? sharedMerchant.merchant : null);
    const context = frames.length > 1 ? frameText(t, f) : t.text;
    const cat0 = lex.categorize({ item: im.item, merchant, context }, ctx.overrides);
    let cat: { primary: Primary; detail: string | null } = { primary: cat0.primary, detail: cat0.detail };
    if (im.gift && cat.primary !== 'gifts') cat = { primary: 'gifts', detail: 'gifts' };
    // "a candle for her bday", "Lily's birthday lego": a thing people give, bought for someone's day.
    // A meal, a trip or a ticket for the day stays what it is ("bday dinner for mom").
    if (im.celebrated && GIVEN_THINGS.has(cat.primary)) cat = { primary: 'gifts', detail: 'gifts' };
    if (im.intercity && cat.primary === 'transport') cat = { primary: 'travel', detail: 'trips' };
    // Each expense owns the tokens from its first word or amount up to where the next one starts.
    const lo = k === 0 ? 0 : Math.min(f.money.start, ...f.content);
    const nextF = frames[k + 1];
    const hi = nextF ? Math.min(nextF.money.start, ...nextF.content) : t.tokens.length;
    const date = frames.length > 1 ? dateFor(times, f, today, sharedTime, { lo, hi }) : dateFor(times, f, today, sharedTime);
    expenses.push({
      amountMinor: f.money.minor, currency: f.money.currency, category: cat.primary, detail: cat.detail,
      item: im.item, merchant, note: frames.length > 1 ? noteOf(context) : note, date,
    });
    if ((im.unknownItem || cat0.primary === 'other') && !im.merchantTerm && cat0.confidence <= 0.5) ask ??= 'unknown_item';
    if (f.money.alternatives?.some((a) => a.score >= f.money.score - 0.15)) ask ??= 'ambiguous_amount';
    if (im.guessedShop && merchant === im.merchant) ask ??= 'maybe_shop';
    // The only amount is a number a label word names ("gate 34", "room 204") and no currency says it is money.
    // ("oyo room 1,450": a known thing named by the label word, or a grouped number, is a price.)
    const labelled = nums.labels.some((l) => l.start <= f.money.start && f.money.end <= l.end && !(l.cue && terms.some((k) => k.start < l.cue!.end && l.cue!.start < k.end)));
    if (!f.money.currencyWritten && labelled && /^\d{1,3}$/.test(t.tokens[f.money.start]?.text ?? '')) ask ??= 'ambiguous_amount';
    if (implausible(f.money.minor, f.money.currency, cat.primary, cat.detail)) ask = 'implausible';
    confidence = Math.min(confidence, cat0.confidence >= 0.9 ? 1 : 0.5 + cat0.confidence / 2);
  });
  // "electricity 2,100 and water 380", "power 210, water 88": beside a bill, a thing that also names
  // a bill ("water bill") is that bill.
  if (expenses.some((e) => e.category === 'utilities')) {
    for (const e of expenses) {
      if (e.category === 'utilities' || !e.item || e.merchant) continue;
      const bill = lex.categorize({ item: `${e.item} bill`, merchant: null, context: `${e.item} bill` }, ctx.overrides);
      if (bill.primary === 'utilities' && bill.confidence >= 0.9) { e.category = bill.primary; e.detail = bill.detail; }
    }
  }
  if (rr.margin < CLOSE_MARGIN) ask ??= 'two_amounts';
  if ((cue && !cue.strong) || seen === 'weak') ask = 'maybe_not_spent';
  const future = expenses.some((e) => e.date > today);
  if (future) ask ??= 'future';
  const u: Understanding = { intent: 'add_expense', expenses, confidence };
  if (future) u.futureDate = true;
  if (ask) u.ask = ask;
  return u;
}

function dateFor(times: readonly TimeReading[], f: FrameTokens | null, today: string, shared?: TimeReading | null, span?: { lo: number; hi: number }): string {
  if (f) {
    const lo = span?.lo ?? Math.min(f.money.start, ...f.content), hi = span?.hi ?? Math.max(f.money.end, ...f.content.map((i) => i + 1));
    const own = times.find((r) => (r.day ?? r.from) && r.start >= lo && r.end <= hi + 1);
    if (own) return (own.day ?? own.from)!;
  }
  if (shared?.day ?? shared?.from) return (shared.day ?? shared.from)!;
  const any = times.find((r) => r.day ?? r.from);
  return any ? (any.day ?? any.from)! : today;
}

/**
 * The words an amount is tied to by a word right before it ("parking was $40", "a doll for $24.99",
 * "tix were 18"): back from the link to the phrase's edge (punctuation, a preposition, a verb, a
 * date, another number). Empty when no link stands right before the amount.
 */
function pricedPhrase(t: Tagged, f: FrameTokens, cls: readonly string[]): number[] {
  const link = t.tags.find((g) => g.role === 'price_link' && g.end === f.money.start);
  const own = new Set(f.content);
  if (!link) return paidFor(t, f, cls, own);
  const out: number[] = [];
  for (let j = link.start - 1; j >= 0 && own.has(j); j--) {
    const c = cls[j];
    // "my three-way was": a hyphen inside a word keeps the phrase going.
    const inner = t.tokens[j]!.text === '-' && t.tokens[j]!.glued && t.tokens[j + 1]?.glued === true;
    if (!inner && (c === 'punct' || c === 'nl' || c === 'prep' || c === 'postp' || c === 'verb' || c === 'time' || c === 'num' || c === 'label')) break;
    if (c === 'sep' && t.tokens[j]!.kind !== 'word') break;
    out.unshift(j);
  }
  return out;
}

/**
 * A price seen, not paid, in a message with no verb of paying or getting: every amount is the price of
 * one measure ("tomatoes 1.99/lb at patel this week", "gas is $3.19 a gallon at costco") → strong;
 * a thing said to be ("is", "are") its amount ("gas is 3.39 at the wawa") → weak, munshi asks.
 */
function priceSeen(t: Tagged, nums: { rates: readonly { start: number; end: number; count: number | null; unit?: string | null }[] }, frames: readonly FrameTokens[]): 'strong' | 'weak' | null {
  const measure = (i: number): boolean => (t.at[i] ?? []).some((g) => g.role === 'unit' && (g.value === 'mass' || g.value === 'volume'));
  const perMeasure = (f: FrameTokens): boolean => {
    if (nums.rates.some((r) => r.count === null && !!r.unit && r.start <= f.money.start && f.money.end <= r.end)) return true;
    const k = f.money.end;
    const per = t.tokens[k]?.text === '/' || (t.at[k] ?? []).some((g) => g.phrase === 'a' || g.phrase === 'per' || g.phrase === 'an');
    return per && measure(k + 1);
  };
  if (frames.length > 0 && frames.every(perMeasure)) return 'strong';
  const isLink = (f: FrameTokens): boolean => t.tags.some((g) => g.role === 'price_link' && g.end === f.money.start && /^(is|are|s)$/.test(t.tokens[g.start]!.norm));
  return frames.some(isLink) ? 'weak' : null;
}

/**
 * "paid 12 for a lineup, barber was peak tho", "spent 40 on a fade": the words after a verb of paying,
 * its amount and "for"/"on" name what was paid for, before anything said in another clause.
 */
function paidFor(t: Tagged, f: FrameTokens, cls: readonly string[], own: ReadonlySet<number>): number[] {
  const verb = t.tags.find((g) => g.role === 'spend_verb' && g.end === f.money.start);
  const prep = t.tags.find((g) => g.role === 'prep' && g.value === 'purpose' && g.start === f.money.end);
  if (!verb || !prep || !own.has(prep.start)) return [];
  const out: number[] = [];
  for (let j = prep.end; j < t.tokens.length && own.has(j); j++) {
    const c = cls[j];
    if (c === 'punct' || c === 'nl' || c === 'prep' || c === 'postp' || c === 'verb' || c === 'time' || c === 'num' || c === 'label') break;
    if (c === 'sep' && t.tokens[j]!.kind !== 'word') break;
    out.push(j);
  }
  return out;
}

function frameText(t: Tagged, f: FrameTokens): string {
  let idx = [...f.content, f.money.start, f.money.end - 1].sort((a, b) => a - b);
  // Separators at the edges belong between expenses, not to either ("chai 20 at tapri and").
  const sep = (i: number): boolean => t.tokens[i]!.kind === 'punct' || t.tags.some((g) => g.role === 'separator' && g.start <= i && i < g.end);
  while (idx.length > 1 && sep(idx[0]!)) idx = idx.slice(1);
  while (idx.length > 1 && sep(idx[idx.length - 1]!)) idx = idx.slice(0, -1);
  return t.text.slice(t.tokens[idx[0]!]!.start, t.tokens[idx[idx.length - 1]!]!.end);
}

const ADDRESS = new Set(['you', 'u', 'munshi', 'bot']);
function asksAboutMunshi(t: Tagged): boolean {
  // Most messages address nobody: no word set to build for them.
  if (!t.tokens.some((k) => k.kind === 'word' && ADDRESS.has(k.norm))) return false;
  const w = new Set(t.tokens.filter((k) => k.kind === 'word').map((k) => k.norm));
  const asking = t.roles.has('question_word') || w.has('can') || w.has('could');
  return asking && (w.has('do') || w.has('track') || w.has('help') || w.has('work') || w.has('understand') || w.has('record') || w.has('handle') || w.has('are'));
}

/**
 * Bytes rather than words: more than a quarter of the visible characters are symbols that are neither
 * money signs nor the punctuation people type ("+4_c", "[e&8o?e:kb=[<,.[cxk"). Pasted junk, a cat on the
 * keyboard: never an expense.
 */
function garbled(text: string): boolean {
  let visible = 0, odd = 0;
  for (const c of text) {
    const k = charClass(c);
    if (k === SPACE) continue;
    visible++;
    if (k === ODD) odd++;
  }
  if (visible < 3) return false;
  return odd * 4 > visible;
}

const SPACE = 0, PLAIN = 1, ODD = 2;
const PLAIN_CHAR = /[\p{L}\p{M}\p{N}\p{Sc}\p{Extended_Pictographic}.,'’\-\/:!?]/u;
/** Each character's class, remembered: the two Unicode tests per character were most of garbled's cost. */
const charClasses = new Map<string, number>();
function charClass(c: string): number {
  let k = charClasses.get(c);
  if (k === undefined) {
    k = /\s/.test(c) ? SPACE : PLAIN_CHAR.test(c) ? PLAIN : ODD;
    if (charClasses.size < 20_000) charClasses.set(c, k);
  }
  return k;
}

function noteOf(text: string): string | null {
  const s = text.replace(/\s+/g, ' ').trim();
  if (!s) return null;
  return s.length > MAX_NOTE_CHARS ? s.slice(0, MAX_NOTE_CHARS) : s;
}

export type { MoneyReading };
