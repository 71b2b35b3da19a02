/**
 * @module query/next/plan
 * Question → QueryPlan on the language layer: the same tagged tokens, the same time grammar (for
 * periods and weekday sets) and the same money grammar (for amount bounds and currencies) as the
 * message reader. Slots come from vocabulary roles: the operation (op_* roles), periods (time
 * readings), amount bounds (comparative + an amount), the currency asked in, what to leave out
 * (exclude), how to group (group_by), and what is left over as subjects. Follow-ups ("and last
 * month?", "only Swiggy", "show all") reuse the previous plan. Pure and fast.
 */
import type { IsoDate } from '../../core/dates.js';
import { addDays, addMonths, endOfMonth, startOfMonth } from '../../core/dates.js';
import { currencyFamily, familyCurrency } from '../../core/money.js';
import type { LanguageContext } from '../../language/context.js';
import { analyze } from '../../language/context.js';
import { fold } from '../../language/normalize.js';
import type { Tag, Tagged } from '../../language/tagger.js';
import type { Role } from '../../language/vocab/roles.js';
import { allVocabEntries, wordsOf } from '../../language/vocab/vocabulary.js';
import type { Primary } from '../../categories/taxonomy.js';
import { readNumbers, type MoneyReading } from '../../understanding/next/numbers.js';
import type { TimeReading } from '../../language/time/index.js';
import { bestTimes, readTimes } from '../../language/time/index.js';
import { bestCover } from '../../language/grammar.js';
import { emptyFilters, type Filters, type Operation, type Period, type QueryPlan } from '../types.js';

export interface NextPlanOptions {
  language: LanguageContext;
  /** The plan of the previous question in this chat, for follow-ups. */
  previous?: QueryPlan | null;
  /** The category a phrase names outright ("food", "transport"), or null. */
  categoryNamed: (phrase: string) => { primary: Primary; detail: string | null } | null;
  /** Whether a word is a thing the lexicon knows ("rent", "order", "recharge" are verbs too). */
  isThing?: (word: string) => boolean;
  /** Whether a phrase names an item or merchant of the lexicon (not merely an English word). */
  isTerm?: (phrase: string) => boolean;
  /** The whole phrase is one lexicon name ("ice cream", not "haircuts toiletries"). */
  isName?: (phrase: string) => boolean;
  /** The phrase names one of the curated concepts people ask about ("seafood", "pastries"). */
  isConcept?: (phrase: string) => boolean;
  /** The whole phrase is the name of a shop the lexicon knows ("costco", "amazon"). */
  isShop?: (phrase: string) => boolean;
}

export type PlanOutcome =
  | { kind: 'plan'; plan: QueryPlan; followUp: boolean }
  | { kind: 'show_all'; plan: QueryPlan }
  | { kind: 'none'; reason: 'not_a_question' | 'no_previous' };

/** Roles whose words are never part of a subject. */
const NOT_SUBJECT: ReadonlySet<Role> = new Set<Role>([
  'q_glue', 'glue', 'question_word', 'op_sum', 'op_list', 'op_top', 'op_count', 'op_avg', 'op_compare', 'op_breakdown', 'op_last', 'op_kinds',
  'exclude', 'include', 'follow_up', 'narrow', 'show_all', 'all_time', 'group_by', 'percent', 'comparative', 'spend_verb',
  'obtain_verb', 'spend_noun', 'self', 'filler', 'approx', 'currency', 'magnitude', 'number', 'ack', 'thanks', 'greeting',
  'this', 'last', 'next', 'ago', 'period_unit', 'relative_day', 'weekday', 'month', 'so_far', 'time_from', 'time_to',
  'time_since', 'time_until', 'plan', 'each', 'ref_last', 'edit_cue', 'separator',
]);

/** Roles of a word after a number that make the number something else than a count of things. */
const NOT_COUNTED: ReadonlySet<Role> = new Set<Role>(['period_unit', 'currency', 'magnitude', 'unit', 'subunit', 'ordinal_suffix', 'clock', 'time_at', 'month', 'times', 'each']);

/** Roles of words that may sit inside a name ("chick fil a", "save a lot"). */
const NAME_GLUE: ReadonlySet<Role> = new Set<Role>(['glue', 'q_glue', 'number', 'separator', 'prep', 'each']);

/** Roles that ask for a figure (an operation, spending, a share), besides question words. */
const ASKING: readonly Role[] = ['op_sum', 'op_kinds', 'op_list', 'op_count', 'op_avg', 'op_top', 'op_compare', 'op_breakdown', 'op_last', 'spend_verb', 'spend_noun', 'percent'];

/** Roles that join two subject phrases as "either" (food and transport, food or transport). */
const OR_JOIN: ReadonlySet<string> = new Set(['and', 'or', 'aur', 'ya', 'plus', ',', '&', '+', 'n']);
const ARTICLE = new Set(['a', 'an']);
/** Marks that set a clarification off from what it clarifies. */
const SET_OFF = new Set([',', '-', '–', '—', ':']);
/** Postpositions that make the phrase before them a place ("mandir mein", "dmart pe"). */
const POSTPOSED_PLACE = new Set(['mein', 'pe', 'par']);
/** "kitna" and its forms, between a place and what was bought there ("mandir mein kitna daan"). */
const HOW_MUCH = new Set(['kitna', 'kitni', 'kitne']);
const VERSUS = new Set(['vs', 'v/s', 'versus', 'against', 'compared to', 'compared with', 'or', 'ya']);

interface Read {
  /** Nothing but a question word asks: no operation, spending, currency or budget word. */
  onlyQuestionWord: boolean;
  op: Operation | null;
  periods: Period[];
  weekdays: number[] | null;
  weekdayLabel: string | null;
  allTime: boolean;
  categories: Primary[];
  subjects: string[];
  within: string[];
  exclude: string[];
  sides: string[][];
  minAmount: number | null;
  maxAmount: number | null;
  currency: string | null;
  topN: number | null;
  newest: number | null;
  rank: number | null;
  smallest: boolean;
  plural: boolean;
  share: boolean;
  averagePer: QueryPlan['averagePer'];
  breakdownBy: QueryPlan['breakdownBy'];
  /** Words that ask about spending at all ("how much", "spent", "total", "list"). */
  asks: boolean;
  followUp: boolean;
  narrow: boolean;
  showAll: boolean;
  /** Every word is a show-all, follow-up or glue word. */
  onlyShowAll: boolean;
  /** Number of subject words (content the question is about). */
  names: number;
  /** A run of names was split into a list of examples. */
  listed: boolean;
  /** A place abroad asked about through its currency ("bali trip"). */
  place?: string;
  /** The currency was read from a family word ("dollar"), not a code: a place abroad of that family says which. */
  familyWord?: string;
}

const has = (t: Tagged, role: Role): boolean => t.roles.has(role);
const tagsOf = (t: Tagged, role: Role): Tag[] => t.tags.filter((g) => g.role === role);
const covers = (g: { start: number; end: number }, i: number): boolean => g.start <= i && i < g.end;

function majorOf(m: MoneyReading, digits = 2): number {
  return m.minor / 10 ** digits;
}

/**
 * Plans a question.
 * e.g. planNext('how much on coffee this month?', opts) → { op: 'sum', periods: [this month], filters: { subjects: ['coffee'] } }
 */
export function planNext(text: string, opts: NextPlanOptions): PlanOutcome {
  const lc = opts.language;
  const t = analyze(text, lc);
  if (!t.tokens.some((k) => k.kind === 'word' || k.kind === 'num')) return { kind: 'none', reason: 'not_a_question' };
  const prev = opts.previous ?? null;
  const r = read(t, opts);

  if (prev && r.onlyShowAll && r.showAll) return { kind: 'show_all', plan: { ...prev, op: prev.op === 'top' ? 'top' : 'list' } };

  const names = r.subjects.length + r.categories.length;
  if (prev && r.op === null) {
    if (r.narrow && names > 0 && !r.periods.length) {
      const f = prev.filters;
      return { kind: 'plan', followUp: true, plan: { ...prev, filters: { ...f, within: [...f.within, ...r.subjects, ...r.categories] } } };
    }
    // A subject with no lead word ("parking in december?") is a whole new question; only a bare
    // new period or a lead word ("and", "what about") carries the last operation over.
    // "everything from yesterday" asks about every expense, whatever the last question was about.
    const everything = !r.followUp && names === 0 && tagsOf(t, 'show_all').some((g) => g.value === 'everything');
    const wholeQuestion = (names > 0 && !r.followUp) || everything;
    if (!r.asks && !wholeQuestion && (r.periods.length > 0 || names > 0)) {
      const changedTime = r.periods.length > 0;
      const changedWhat = names > 0;
      const filters: Filters = changedWhat
        ? { ...emptyFilters(), categories: r.categories.map((p) => ({ primary: p, detail: null })), subjects: r.subjects, minAmount: prev.filters.minAmount, maxAmount: prev.filters.maxAmount, currency: prev.filters.currency }
        : { ...prev.filters, ...amountPart(r) };
      let op = prev.op;
      let periods = changedTime ? r.periods : prev.periods;
      if (op === 'compare' && changedTime && r.periods.length === 1 && !(prev.versus.length && !changedWhat)) op = 'sum';
      if (op === 'compare' && changedWhat && prev.versus.length) op = 'sum';
      if (op === 'compare' && changedWhat && !changedTime) periods = prev.periods;
      return { kind: 'plan', followUp: true, plan: { ...prev, op, periods, periodAssumed: changedTime ? false : prev.periodAssumed, filters, versus: changedWhat ? [] : prev.versus } };
    }
  }
  // "and last month?" with nothing before it: a follow-up of no question.
  if (!prev && r.followUp && r.op === null && names === 0) return { kind: 'none', reason: 'no_previous' };
  // "what is the capital of france?": only a question word, about nothing munshi knows, no period.
  if (r.onlyQuestionWord && !r.periods.length && !r.weekdays && r.categories.length === 0 && r.minAmount === null && r.maxAmount === null && !(r.place && !r.subjects.length)
    && !r.subjects.some((p) => (opts.isTerm ?? opts.isThing)?.(p) || opts.isConcept?.(p))) {
    return { kind: 'none', reason: 'not_a_question' };
  }
  if (r.op === null && !r.asks) {
    // "uber rides this week", "food in december?", "doctor visits?": a subject read as "how much".
    const asked = t.tokens.some((k) => k.text === '?');
    if (!(names > 0 || r.periods.length > 0 || r.weekdays) || (names === 0 && !asked && !r.periods.length)) {
      return { kind: 'none', reason: prev || !r.followUp ? 'not_a_question' : 'no_previous' };
    }
  }
  return { kind: 'plan', followUp: false, plan: build(r, lc.today, lc.currency) };
}

function read(t: Tagged, opts: NextPlanOptions): Read {
  const lc = opts.language;
  const r: Read = {
    onlyQuestionWord: false, op: null, periods: [], weekdays: null, weekdayLabel: null, allTime: false, categories: [], subjects: [], within: [], exclude: [], sides: [],
    minAmount: null, maxAmount: null, currency: null, topN: null, newest: null, rank: null, smallest: false, plural: false, share: false,
    averagePer: null, breakdownBy: null, asks: false, followUp: false, narrow: false, showAll: false, onlyShowAll: false, names: 0, listed: false,
  };
  const n = t.tokens.length;
  const used = new Array<boolean>(n).fill(false);
  const use = (a: number, b: number): void => {
    for (let i = a; i < b; i++) used[i] = true;
  };

  // ---- time: periods and weekday sets, from the one time grammar
  const times = bestTimes(readTimes(t, lc, { mode: 'question' })).filter((x) => x.kind === 'day' || x.kind === 'range');
  for (const x of times) {
    use(x.start, x.end);
    if (x.weekdays && !r.weekdays) {
      r.weekdays = x.weekdays;
      r.weekdayLabel = weekdayLabel(x.weekdays);
    }
    if (x.from || x.to) r.periods.push({ from: x.from, to: x.to, label: x.label });
  }
  // "last month vs the month before", "this week or the week before": the same stretch just before
  // the one named (no time reading has it: "before" there has nothing after it).
  if (r.periods.length === 1 && r.periods[0]!.from) {
    for (let i = 0; i < n; i++) {
      const unit = used[i] ? undefined : (t.at[i] ?? []).find((g) => g.role === 'period_unit' && g.end === i + 1 && g.value);
      const after = unit && t.tags.find((g) => g.start === i + 1 && (g.role === 'ago' || (g.role === 'time_until' && g.value === 'before')));
      if (!unit || !after) continue;
      const earlier = stretchBefore(r.periods[0]!.from!, unit.value!, unit.phrase);
      if (!earlier) continue;
      r.periods.push(earlier);
      use(t.tokens[i - 1]?.norm === 'the' ? i - 1 : i, after.end);
      break;
    }
  }
  r.allTime = has(t, 'all_time') && r.periods.length === 0;
  for (const g of tagsOf(t, 'all_time')) use(g.start, g.end);

  // ---- numbers: bounds ("over 500", "between 200 and 500"), counts ("top 3", "last 5")
  const nums = readNumbers(t, lc);
  const money = bestCover(nums.money.filter((m) => !times.some((x) => x.start < m.end && m.start < x.end)), (m) => m.score * (m.end - m.start));
  // "ettavum kooduthal 3": a comparative inside a longer ranking phrase ranks, it bounds nothing.
  const inRanking = (g: Tag): boolean => t.tags.some((h) => h.role === 'op_top' && h.start <= g.start && g.end <= h.end && h.end - h.start > g.end - g.start);
  for (const m of money) {
    const before = t.tags.find((g) => g.role === 'comparative' && g.end <= m.start && m.start - g.end <= 1 && !inRanking(g));
    const after = t.tags.find((g) => g.role === 'comparative' && g.start >= m.end && g.start - m.end <= 1 && /^(or more|and above|plus|\+)/.test(g.phrase));
    const between = t.tokens[m.start - 1]?.norm === 'between' || t.tokens[m.start - 2]?.norm === 'between';
    const digits = m.currency === 'JPY' || m.currency === 'KRW' ? 0 : 2;
    if (before && /under|below|less|lower|cheaper|upto|up to|kam|neeche|</.test(before.phrase)) {
      r.maxAmount = majorOf(m, digits);
      use(before.start, m.end);
    } else if (before || after) {
      r.minAmount = majorOf(m, digits);
      use(before ? before.start : m.start, after ? after.end : m.end);
    } else if (between) {
      if (r.minAmount === null) r.minAmount = majorOf(m, digits);
      else r.maxAmount = majorOf(m, digits);
      use(m.start, m.end);
    }
    if (m.currencyWritten && (before || after || between)) r.currency ??= m.currency === lc.currency ? null : m.currency;
  }
  for (let i = 0; i < n; i++) if (t.tokens[i]!.norm === 'between' && (r.minAmount !== null)) used[i] = true;

  // "top 5", "5 biggest", "last 3 swiggy orders", "second biggest"
  // A count is written in digits or as a number word ("five most expensive", "top three"); "a"
  // and "an" are numbers only before a magnitude.
  const numAt = (i: number): number | null => {
    const k = t.tokens[i];
    if (!k || used[i]) return null;
    if (k.kind === 'num') return /^\d{1,3}$/.test(k.text) ? Number(k.text) : null;
    if (k.kind !== 'word' || ARTICLE.has(k.norm)) return null;
    const w = (t.at[i] ?? []).find((g) => g.role === 'number' && g.end === i + 1 && /^\d{1,3}$/.test(g.value ?? ''));
    return w ? Number(w.value) : null;
  };
  const ops = tagsOf(t, 'op_top');
  for (const g of ops) {
    // "lowest" inside "highest to lowest" is the longer phrase's.
    if (ops.some((h) => h !== g && h.start <= g.start && g.end <= h.end && h.end - h.start > g.end - g.start)) continue;
    const after = numAt(g.end), before = numAt(g.start - 1);
    if (after !== null) {
      r.topN = clamp(after);
      use(g.end, g.end + 1);
    } else if (before !== null) {
      r.topN = clamp(before);
      use(g.start - 1, g.start);
    }
    if (g.value === 'asc' || g.value === 'asc_all') r.smallest = true;
    // "rank them highest to lowest": an order asked for, every match in it.
    if ((g.value === 'desc_all' || g.value === 'asc_all') && r.topN === null) r.topN = ALL_RANKED;
    // "second biggest", "3rd most expensive"
    const ordTok = t.tokens[g.start - 1];
    const ordTag = t.tags.find((h) => h.role === 'ordinal' && h.end === g.start);
    if (ordTag && Number(ordTag.value) >= 2) {
      r.rank = Number(ordTag.value);
      use(ordTag.start, ordTag.end);
    } else if (ordTok && t.tokens[g.start - 2]?.kind === 'num' && ordTok.glued && /^(st|nd|rd|th)$/.test(ordTok.norm)) {
      r.rank = Number(t.tokens[g.start - 2]!.text);
      use(g.start - 2, g.start);
    }
  }
  // "last 5 expenses", "my last swiggy order", "when did I last buy petrol": the newest rows.
  for (const g of t.tags) {
    if (!(g.role === 'ref_last' && g.phrase === 'last') && g.role !== 'op_last') continue;
    if (times.some((x) => x.start <= g.start && g.end <= x.end)) continue;
    const after = numAt(g.end);
    if (after !== null && !periodAfter(t, g.end + 1)) {
      r.newest = clamp(after);
      use(g.start, g.end + 1);
    } else if (g.role === 'op_last') {
      r.newest = 1;
      use(g.start, g.end);
    }
  }

  // ---- the operation
  const opOrder: [Role, Operation][] = [['op_compare', 'compare'], ['percent', 'breakdown'], ['op_breakdown', 'breakdown'], ['op_avg', 'average'], ['op_count', 'count'], ['op_top', 'top'], ['op_kinds', 'kinds'], ['op_sum', 'sum'], ['op_list', 'list']];
  for (const [role, op] of opOrder) {
    // A word already read as an amount bound ("more than 500") is not also the operation.
    if (tagsOf(t, role).some((g) => !shadowedBy(t, g) && !(role === 'op_compare' && used.slice(g.start, g.end).every(Boolean)))) {
      r.op = op;
      break;
    }
  }
  // "which merchant did I spend the most at": grouped, the biggest group first.
  if (has(t, 'group_by') && (r.op === null || r.op === 'sum' || r.op === 'list' || r.op === 'top')) r.op = 'breakdown';
  // "how many dollars / pesos": an amount, not a count.
  // A foreign currency's word inside a longer phrase of another role is part of that phrase ("list kr":
  // "kar", do; never kronor). The owner's own money word keeps its sense there ("koto taka").
  const inPhrase = (g: (typeof t.tags)[number]): boolean => !!g.value && resolveCurrency(g.value, lc.currency) !== lc.currency
    && t.tags.some((o) => o.role !== 'currency' && o.start <= g.start && g.end <= o.end && o.end - o.start > g.end - g.start);
  const curWord = mostSpecific(t.tags.filter((g) => g.role === 'currency' && !money.some((m) => m.start <= g.start && g.end <= m.end) && !inPhrase(g)));
  if (curWord) {
    const code = resolveCurrency(curWord.value, lc.currency);
    if (code) {
      r.currency = code;
      // "kinne dollar ... canada ch": a family word alone names no country; a place abroad may.
      if (curWord.value?.startsWith('LOCAL:') && code !== lc.currency) r.familyWord = curWord.value.slice(6).toLowerCase();
      use(curWord.start, curWord.end);
      if (r.op === 'count' && tagsOf(t, 'op_count').some((g) => g.end === curWord.start || g.end + 1 === curWord.start)) r.op = 'sum';
    }
  }
  if (has(t, 'percent')) r.share = true;
  // Two periods set against each other ("food last week or this week?") compare.
  if ((r.op === null || r.op === 'sum') && r.periods.length === 2 && t.tokens.some((k) => VERSUS.has(k.norm))) r.op = 'compare';
  // "more on swiggy or zomato?", "kispe zyada, ola ya uber": which of two (an unbound "more" and an "or").
  if ((r.op === null || r.op === 'sum' || r.op === 'list' || r.op === 'kinds') && tagsOf(t, 'comparative').some((g) => g.value === 'which' && !money.some((m) => m.start - g.end <= 1 && m.start >= g.end)) && t.tokens.some((k) => VERSUS.has(k.norm))) r.op = 'compare';
  // "which two utility bills were the highest", "mis 5 gastos más grandes": the count stands before
  // the things ranked, away from the ranking word.
  if (r.op === 'top' && r.topN === null && r.rank === null) {
    for (let i = 0; i < n; i++) {
      const c = numAt(i);
      const next = t.tokens[i + 1];
      if (c === null || c < 2 || next?.kind !== 'word' || used[i + 1] || (t.at[i + 1] ?? []).some((g) => g.start === i + 1 && NOT_COUNTED.has(g.role))) continue;
      r.topN = clamp(c);
      used[i] = true;
      break;
    }
  }
  if (r.topN !== null && (r.op === null || r.op === 'list' || r.op === 'sum')) r.op = 'top';
  // "what beer did we buy", "which sweets have we had": a question word with the thing right after
  // it asks which ones (the rows), not how much.
  if (r.op === null && !has(t, 'spend_noun')) {
    const first = t.tokens.findIndex((k) => k.kind === 'word');
    const qw = first >= 0 ? (t.at[first] ?? []).find((g) => g.role === 'question_word' && g.start === first && g.end === first + 1 && (g.value === 'what' || g.value === 'which')) : undefined;
    const next = t.tokens[first + 1];
    const verbAfter = t.tags.some((g) => g.start > first + 1 && isVerb(g));
    if (qw && verbAfter && next?.kind === 'word' && !used[first + 1] && !(t.at[first + 1] ?? []).some((g) => NOT_SUBJECT.has(g.role) || g.role === 'glue')) r.op = 'list';
  }
  if (r.newest !== null && r.op !== 'compare' && r.op !== 'breakdown' && r.op !== 'average') r.op = 'list';
  r.plural = t.tokens.some((k) => /^(expenses|purchases|items|spends|things|payments|transactions|ones|entries|kharche)$/.test(k.norm)) || tagsOf(t, 'op_top').some((g) => g.phrase === 'top');
  if (t.tokens.some((k) => k.norm === 'single')) r.plural = false;
  if (r.op === 'average') {
    const per = tagsOf(t, 'op_avg').map((g) => g.value).find((v) => v);
    // "average swiggy order", "usual grocery bill": an occasion divides by expenses, not days.
    // "per petrol refuel", "per visit": "per" before a thing rather than a period unit divides by expenses.
    const perThing = tagsOf(t, 'each').some((g) => t.tokens[g.end]?.kind === 'word' && !(t.at[g.end] ?? []).some((h) => h.role === 'period_unit' || h.role.startsWith('op_')));
    // "how much is a tank of gas on average", "average cost of a shop": one of them, named with "a", is an occasion.
    const oneThing = t.tokens.some((k, i) => ARTICLE.has(k.norm) && t.tokens[i + 1]?.kind === 'word' && !used[i + 1] && !times.some((x) => covers(x, i + 1))
      && !(t.at[i + 1] ?? []).some((g) => g.start === i + 1 && (g.role.startsWith('op_') || g.role === 'period_unit' || g.role === 'number' || g.role === 'vague' || g.role === 'each' || g.role === 'approx')));
    r.averagePer = per === 'occasion' ? 'expense' : (per as QueryPlan['averagePer']) ?? (has(t, 'occasion') || perThing || oneThing ? 'expense' : null);
    for (const g of tagsOf(t, 'op_avg')) use(g.start, g.end);
  }
  if (r.op === 'breakdown') r.breakdownBy = (tagsOf(t, 'group_by')[0]?.value as QueryPlan['breakdownBy']) ?? 'category';

  // A question word inside a lead phrase ("what about transport?") asks nothing new.
  const lead = tagsOf(t, 'follow_up');
  const inLead = (g: Tag): boolean => lead.some((h) => h.start <= g.start && g.end <= h.end && h.end - h.start > g.end - g.start);
  r.asks = [...ASKING, 'question_word' as const].some((x) => tagsOf(t, x).some((g) => !inLead(g)));
  r.onlyQuestionWord = ![...ASKING, 'currency' as const, 'budget' as const].some((x) => has(t, x));
  const firstWord = t.tokens.find((k) => k.kind === 'word');
  r.followUp = !!firstWord && t.tags.some((g) => g.role === 'follow_up' && g.start === firstWord.i);
  r.narrow = !!firstWord && t.tags.some((g) => g.role === 'narrow' && (g.start === firstWord.i || (g.start === firstWord.i + 1 && t.tags.some((h) => h.role === 'follow_up' && h.start === firstWord.i))));
  r.showAll = has(t, 'show_all');

  // ---- what to leave out: "excluding rent", "without housing", "rent ke alawa"
  const ex = tagsOf(t, 'exclude');
  for (const g of ex) use(g.start, g.end);

  // ---- subjects: what is left
  // A lexicon name written across words that are glue or separators elsewhere ("chick fil a",
  // "Chick-fil-A") is one subject: its words are content, whatever else they are.
  const inName = new Array<boolean>(n).fill(false);
  if (opts.isName) {
    for (let a = 0; a < n; a++) {
      if (used[a] || t.tokens[a]!.kind !== 'word') continue;
      for (let b = Math.min(n, a + 7); b > a + 1; b--) {
        const span = t.tokens.slice(a, b);
        if (span.some((k, x) => used[a + x] || (k.kind !== 'word' && k.text !== '-')) || span[span.length - 1]!.kind !== 'word') continue;
        const words = span.filter((k) => k.kind === 'word').map((k) => k.norm);
        if (words.length < 2 || !opts.isName(words.join(' '))) continue;
        // Only worth it when some word inside would not be read as content otherwise, and only for
        // glue words and hyphens: "travel expenses" and "food item" keep their edge words out.
        const blocked = (x: number): Tag[] => t.tags.filter((g) => covers(g, a + x) && NOT_SUBJECT.has(g.role));
        if (!span.some((k, x) => k.kind !== 'word' || blocked(x).length)) break;
        if (!span.every((k, x) => k.kind !== 'word' || blocked(x).every((g) => NAME_GLUE.has(g.role)))) break;
        for (let x = a; x < b; x++) inName[x] = true;
        a = b - 1;
        break;
      }
    }
  }
  // "fill up the ute", "priciest fill-ups": a verb phrase (with its hyphenated or plural form)
  // that is the everyday name of what is asked about.
  const namedDoing = (i: number): number => {
    const words: string[] = [];
    for (let x = i; x < n && words.length < 3; x++) {
      const k = t.tokens[x]!;
      if (k.text === '-') continue;
      if (k.kind !== 'word' || used[x]) break;
      words.push(k.norm);
      if ((words.length >= 2 || /-/.test(k.norm)) && opts.categoryNamed(words.join(' '))) return x + 1;
    }
    return -1;
  };
  for (let i = 0; i < n; i++) {
    if (used[i] || !t.tags.some((g) => covers(g, i) && isVerb(g))) continue;
    const end = namedDoing(i);
    if (end < 0) continue;
    // "fill up gas": a verb before a thing that names itself is only the verb.
    let obj = end;
    while (obj < n && /^(the|a|an|my|our|some)$/.test(t.tokens[obj]!.norm)) obj++;
    const next = t.tokens[obj];
    if (next?.kind === 'word' && (opts.isThing?.(next.norm) || opts.categoryNamed(next.norm))) {
      // ... unless verb and thing together are a name of what is asked ("fill up the car": fuel).
      const whole = t.tokens.slice(i, obj + 1).filter((k) => k.kind === 'word').map((k) => k.norm).join(' ');
      if (!used.slice(i, obj + 1).some(Boolean) && opts.isName?.(whole)) {
        for (let x = i; x <= obj; x++) inName[x] = true;
        i = obj;
      }
      continue;
    }
    for (let x = i; x < end; x++) inName[x] = true;
    if (end > i) i = end - 1;
  }
  const content = (i: number): boolean => {
    if (inName[i]) return true;
    if (used[i]) return false;
    const k = t.tokens[i]!;
    if (k.kind !== 'word' && !(k.kind === 'num' && (k.glued || t.tokens[i + 1]?.glued || /^(up|eleven)$/.test(t.tokens[i + 1]?.norm ?? '')))) return false;
    return !t.tags.some((g) => covers(g, i) && NOT_SUBJECT.has(g.role) && !(isVerb(g) && opts.isThing?.(k.norm)));
  };
  const timeWord = (x: number): boolean => times.some((tm) => covers(tm, x) || (tm.start === x + 1 && t.tags.some((g) => g.start === x && g.end === x + 1 && (g.role === 'time_prep' || g.role === 'time_since' || g.role === 'time_until'))));
  const phrases: { a: number; b: number; join: 'or' | 'and' | 'vs'; excluded: boolean; joined?: boolean }[] = [];
  let i = 0;
  while (i < n) {
    if (!content(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && (content(j) || (joinsOneThing(t, j) && j + 1 < n && content(j + 1) && j > i))) j++;
    // How it joins the previous phrase, from the words between.
    const prevEnd = phrases.length ? phrases[phrases.length - 1]!.b : 0;
    // Words of a time reading between ("in" of "in November") say when, not how the phrases join.
    const between = t.tokens.slice(prevEnd, i).filter((_, x) => !timeWord(prevEnd + x)).map((k) => k.norm);
    let join: 'or' | 'and' | 'vs' = 'or';
    if (between.some((w) => VERSUS.has(w) || w === 'vs.' ) || t.tags.some((g) => g.role === 'op_compare' && g.start >= prevEnd && g.end <= i && /vs|versus|against|compared/.test(g.phrase))) join = 'vs';
    else if (between.some((w) => OR_JOIN.has(w))) join = 'or';
    // "coffee at starbucks": a place word right before the phrase narrows; one further back
    // ("spent on - doctor, medicines") belongs to the question, not to the phrase.
    else if (/^(at|from|to|in|on|via|through|se|pe|par|mein|me|with)$/.test(between.filter((w) => !/^(the|a|an|my|our|his|her|their)$/.test(w)).pop() ?? '')) join = 'and';
    // "mandir mein kitna daan", "dmart pe kitne groceries": a place the postposition right after the
    // first phrase marks ("in", "at"), then "how much" and the thing, is where the thing was bought.
    else if (phrases.length > 0 && between.length === 2 && POSTPOSED_PLACE.has(between[0]!) && HOW_MUCH.has(between[1]!)) join = 'and';
    // "petrol for the ute": what it was for narrows it (only right before the phrase, not "total for April? Rewe").
    else if (between.filter((w) => !/^(the|a|an|my|our|his|her|their)$/.test(w)).pop() === 'for') join = 'and';
    const excluded = ex.some((g) => g.end <= i && !t.tokens.slice(g.end, i).some((k) => k.kind === 'punct' || OR_JOIN.has(k.norm) && false)) || excludedAfter(t, j);
    // "gifts and donations", "doctor/medicine/test - sob health": named side by side with a
    // joining word, a category and the things beside it are all wanted, not one inside the other.
    const joined = join === 'or' && phrases.length > 0 && t.tokens.slice(prevEnd, i).some((k, x) => OR_JOIN.has(k.norm) || k.text === '/' || t.tags.some((g) => g.role === 'separator' && covers(g, prevEnd + x)));
    phrases.push({ a: i, b: j, join, excluded, joined });
    i = j;
  }
  // "haircuts toiletries", "coned spectrum verizon": a run of names that is no name itself is a list of them.
  const knownName = (w: string): boolean => !!((opts.isTerm ?? opts.isThing)?.(w) || opts.categoryNamed(w));
  for (let q = phrases.length - 1; q >= 0; q--) {
    const p = phrases[q]!;
    const idx: number[] = [];
    for (let x = p.a; x < p.b; x++) if (t.tokens[x]!.kind === 'word') idx.push(x);
    const whole = idx.map((x) => t.tokens[x]!.norm).join(' ');
    // "gifts & donations", "gifts n donations": categories joined by "&" or a spoken "n" that make no
    // name together are either of them ("mac n cheese" joins two things, no categories, and stays one).
    const ends = [p.a, p.b - 1];
    const joiner = t.tokens[p.a + 1];
    if (p.b - p.a === 3 && (joiner?.text === '&' || joiner?.norm === 'n') && ends.every((x) => t.tokens[x]!.kind === 'word') && !(opts.isName ?? knownName)(whole) && !opts.categoryNamed(whole)
      && ends.every((x) => opts.categoryNamed(t.tokens[x]!.norm))) {
      phrases.splice(q, 1, ...ends.map((x, n) => ({ a: x, b: x + 1, join: n === 0 ? p.join : ('or' as const), excluded: p.excluded })));
      r.listed = true;
      continue;
    }
    if (idx.length < 2 || idx.length !== p.b - p.a || (opts.isName ?? knownName)(whole) || opts.categoryNamed(whole)) continue;
    // Closed by "etc" / "all of it", a run with a known name among them and no two-word name inside
    // ("coned spectrum verizon etc") is a list too; the ledger decides what the unknown ones are.
    const ws = idx.map((x) => t.tokens[x]!.norm);
    const pairName = ws.some((w, n) => n > 0 && (opts.isName ?? knownName)(`${ws[n - 1]} ${w}`));
    // "wash the car" is one thing done: words joined by glue stay together.
    if (idx.some((x) => t.tags.some((g) => covers(g, x) && (g.role === 'glue' || g.role === 'q_glue')))) continue;
    const tail = t.tags.some((g) => g.role === 'q_glue' && g.value === 'list' && g.start === p.b);
    // Three or more names the lexicon knows, no two of them one name ("ola uber rapido"), are a list without "etc".
    const list = (tail && (idx.every((x) => knownName(t.tokens[x]!.norm)) || (ws.some(knownName) && !pairName)))
      || (idx.length >= 3 && !pairName && idx.every((x) => (opts.isName ?? knownName)(t.tokens[x]!.norm)));
    if (!list) continue;
    phrases.splice(q, 1, ...idx.map((x, n) => ({ a: x, b: x + 1, join: n === 0 ? p.join : ('or' as const), excluded: p.excluded })));
    r.listed = true;
  }
  // "dmart che bills", "uber er sob ride gulo": an occasion word joined to the name before it by a
  // possessive or question glue is that name's occasions, even when it could name a category.
  const ofPrevious = (k: number): boolean => {
    if (k === 0) return false;
    const gap = t.tokens.slice(phrases[k - 1]!.b, phrases[k]!.a);
    return gap.length > 0 && gap.every((tk, x) => {
      const at = phrases[k - 1]!.b + x;
      if (tk.kind !== 'word' || OR_JOIN.has(tk.norm) || VERSUS.has(tk.norm)) return false;
      return POSSESSIVE.has(tk.norm) || t.tags.some((g) => covers(g, at) && (g.role === 'q_glue' || g.role === 'show_all'));
    });
  };
  // A phrase said to be part of what is asked: "including X", "counting the X", "X included".
  const part = tagsOf(t, 'include').filter((g) => g.value === 'part');
  const glueOnly = (a: number, b: number): boolean => t.tokens.slice(a, b).every((_, x) => t.tags.some((g) => covers(g, a + x) && (g.role === 'glue' || g.role === 'q_glue')));
  const partOf = (p: { a: number; b: number }): boolean => part.some((g) => (g.end <= p.a && glueOnly(g.end, p.a)) || g.start === p.b);
  const parts: string[] = [];
  let occasionOnly = false;
  for (const [k, p] of phrases.entries()) {
    // "swiggy orders", "rapido rides", "petrol fill-up": a word for one occasion after a name is not the thing.
    const trim = (x: number): boolean => t.tags.some((g) => g.role === 'occasion' && g.value === 'trim' && covers(g, x));
    let idx: number[] = [];
    for (let x = p.a; x < p.b; x++) if (t.tokens[x]!.kind === 'word' || t.tokens[x]!.kind === 'num') idx.push(x);
    // ... unless only the whole names something ("fill-ups", not "fill"; but "pharmacy bills" is "pharmacy").
    const namesAll = (xs: number[]): boolean => !!opts.categoryNamed(xs.map((x) => t.tokens[x]!.norm).join(' '));
    // A kind people ask about by that very name keeps its occasion word when the rest alone names
    // nothing ("late fees", "card fees"; "grocery bills" is groceries).
    const said = (xs: number[]): string => xs.map((x) => t.tokens[x]!.norm).join(' ');
    const keepsWhole = (xs: number[]): boolean => xs.length > 1 && !!opts.isConcept?.(said(xs)) && !opts.isConcept(said(xs.slice(0, -1))) && !namesAll(xs.slice(0, -1));
    while (idx.length > 1 && trim(idx[idx.length - 1]!) && !(namesAll(idx) && !namesAll(idx.slice(0, -1))) && !keepsWhole(idx)) idx = idx.slice(0, -1);
    // "uber fare": after a shop's name a word for its price (occasion valued shop) is the shop's
    // (a lexicon name as a whole, "bus fare", stays; "arsenal tickets" are not every row at Arsenal).
    const occasion = (x: number): boolean => t.tags.some((g) => g.role === 'occasion' && g.value === 'shop' && covers(g, x));
    if (idx.length > 1 && occasion(idx[idx.length - 1]!) && opts.isShop?.(said(idx.slice(0, -1))) && !opts.isName?.(said(idx))) idx = idx.slice(0, -1);
    const words = idx.map((x) => t.tokens[x]!.norm);
    if (words.length === 1 && trim(idx[0]!) && (!opts.categoryNamed(words[0]!) || ofPrevious(k))) continue;
    // "Tata Play ke recharge", "metro card kitni baar recharge karwaya": a verb that is also one
    // occasion of a thing says what was done to the other subject, not a second thing.
    if (words.length === 1 && phrases.length > 1 && t.tags.some((g) => covers(g, idx[0]!) && isVerb(g)) && t.tags.some((g) => covers(g, idx[0]!) && g.role === 'occasion')) continue;
    const phrase = words.join(' ');
    if (!phrase) continue;
    // "quick", "bro", "mom" alone are chatter, not something bought.
    // A word that names a thing or a concept ("birthday") or people one pays ("maid", "landlord") stays.
    const named = (opts.isTerm ?? opts.isThing)?.(phrase) || !!opts.categoryNamed(phrase);
    if (idx.length === 1 && t.tags.some((g) => covers(g, idx[0]!) && ((g.role === 'descriptive' && !named) || g.role === 'filler' || g.role === 'ping' || (g.role === 'kin' && g.value !== 'help' && g.value !== 'other')))) continue;
    r.names += words.length;
    const cat = opts.categoryNamed(phrase);
    // The owner's own letters ("döner", "bäckerei") go to the ledger; the folded words read the vocabulary.
    const asWritten = idx.map((x) => spelled(t.tokens[x]!)).join(' ');
    const name = cat && cat.detail === null ? cat.primary : asWritten;
    if (p.excluded) {
      r.exclude.push(name);
      continue;
    }
    if (partOf(p) && !(cat && cat.detail === null)) {
      parts.push(asWritten);
      continue;
    }
    if (r.op === 'compare' && (p.join === 'vs' || (p.join === 'or' && k > 0)) && r.periods.length < 2) {
      if (!r.sides.length) r.sides.push([...(r.categories.length || r.subjects.length ? [...r.categories, ...r.subjects] : [])].filter(Boolean));
      if (r.sides.length === 1 && r.sides[0]!.length === 0) r.sides[0] = [];
      r.sides.push([name]);
      continue;
    }
    if (k > 0 && p.join === 'and' && r.op !== 'compare') {
      r.within.push(name);
      continue;
    }
    // "3 dearest shops for the messages": a lone word for one occasion, with what it was for after it.
    if (idx.length === 1 && !cat && !r.subjects.length && !r.categories.length && t.tags.some((g) => covers(g, idx[0]!) && g.role === 'occasion')
      && phrases.slice(k + 1).some((q) => q.join === 'and' && !q.excluded)) {
      occasionOnly = true;
      continue;
    }
    if (cat && cat.detail === null) {
      if (!r.categories.includes(cat.primary)) r.categories.push(cat.primary);
    } else if (!r.subjects.includes(asWritten)) r.subjects.push(asWritten);
  }
  // ... the thing it was for is what is asked about.
  if (occasionOnly && !r.subjects.length && !r.categories.length && r.within.length) {
    for (const w of r.within.splice(0)) {
      if ((['food', 'transport', 'shopping', 'housing', 'utilities', 'health', 'entertainment', 'travel', 'education', 'personal_care', 'gifts', 'fees', 'other'] as string[]).includes(w)) r.categories.push(w as Primary);
      else r.subjects.push(w);
    }
  }
  // "costco, gas included": what the subject asked about counts already; beside a category alone
  // ("health, counting the Y membership") it is counted with it; alone it is the subject.
  if (parts.length) {
    if (!r.subjects.length && !r.categories.length) r.subjects.push(...parts);
    else if (!r.subjects.length) {
      r.subjects.push(...parts);
      r.listed = true;
    }
  }
  if (phrases.some((p, k) => k > 0 && p.joined && !p.excluded)) r.listed = true;
  // "koto baar cha kheyechi": with nothing else asked about, a word that is glue in one of the
  // owner's languages (Marathi "cha", of) but a thing in another (Bengali "cha", tea) is the thing.
  if (!r.subjects.length && !r.categories.length && !r.within.length && !r.exclude.length && opts.isName) {
    for (let x = 0; x < n; x++) {
      const k = t.tokens[x]!;
      const on = t.tags.filter((g) => covers(g, x));
      // After a period it is that period's ("last week cha total"), glue after all.
      if (times.some((tm) => tm.end === x)) continue;
      if (used[x] || k.kind !== 'word' || !on.length || !on.every((g) => g.role === 'q_glue' && g.entry.lang !== 'en' && g.end - g.start === 1)) continue;
      if (!opts.isName(k.norm)) continue;
      r.subjects.push(k.norm);
      r.names += 1;
      break;
    }
  }
  // "what did I spend in Canada", "Dubai trip mein kitna gaya": a place abroad asks about the money
  // spent there, the rows in its currency (a place in the owner's own currency stays words).
  for (const list of [r.subjects, r.within]) {
    for (let q = list.length - 1; q >= 0; q--) {
      const place = placeAbroad(list[q]!);
      const sameFamily = r.familyWord !== undefined && currencyFamily(place?.currency ?? '') === r.familyWord;
      if (!place || place.currency === lc.currency || (r.currency !== null && r.currency !== place.currency && !sameFamily)) continue;
      r.currency = place.currency;
      r.place ??= place.name;
      list.splice(q, 1);
    }
  }
  // "how many pesos did we spend down in Rocky Point": with money abroad asked for by its currency, a
  // name the lexicon does not know, right after "in", is where (the trip), not what was bought.
  if (r.currency !== null && r.currency !== lc.currency && !r.place && r.subjects.length === 1 && !(opts.isTerm ?? opts.isThing)?.(r.subjects[0]!) && !opts.isConcept?.(r.subjects[0]!)) {
    const words = r.subjects[0]!.toLowerCase().split(/\s+/);
    const at = t.tokens.findIndex((_, x) => words.every((w: string, y: number) => t.tokens[x + y]?.norm === w || t.tokens[x + y]?.norm === fold(w)));
    if (at > 0 && t.tags.some((g) => g.role === 'prep' && g.value === 'in' && g.end === at)) r.place = r.subjects.shift()!;
  }
  // "costco in june, groceries and gas both", "amazon last month - books and toys": a shop, then set
  // off by a comma or dash the things bought there, is those things at that shop, not any of them.
  if (opts.isShop && r.op !== 'compare' && !r.categories.length && !r.within.length && r.subjects.length >= 2 && phrases.length === r.subjects.length
    && opts.isShop(r.subjects[0]!) && r.subjects.slice(1).every((x) => !opts.isShop!(x) && knownName(x))
    && t.tokens.slice(phrases[0]!.b, phrases[1]!.a).some((k) => SET_OFF.has(k.text))) {
    r.within.push(r.subjects.shift()!);
  }
  // "compare food and transport": with at most one period, "and" joins the two sides.
  if (r.op === 'compare' && r.sides.length < 2 && r.periods.length < 2 && r.categories.length + r.subjects.length >= 2) {
    r.sides = [...r.categories, ...r.subjects].map((s) => [s]);
  }
  if (r.sides.length >= 2) {
    r.sides = r.sides.filter((s) => s.length);
  }
  r.onlyShowAll = t.tokens.every((k, x) => k.kind !== 'word' || t.tags.some((g) => covers(g, x) && (g.role === 'show_all' || g.role === 'follow_up' || g.role === 'q_glue' || g.role === 'glue' || g.role === 'op_list' || g.role === 'spend_noun' || g.role === 'ack' || g.role === 'command')));
  return r;
}

const PLACE_CURRENCY = new Map(allVocabEntries().filter((e) => e.role === 'place_currency').map((e) => [e.phrase, e.value!]));
const TRIP = wordsOf('subject_edge', 'trip');
const POSSESSIVE = wordsOf('possessive');
const LEAD = wordsOf('subject_edge', 'lead');

/** The place abroad a subject names ("bali", "the cancun trip", "india visit") and its currency, or null. */
export function placeAbroad(phrase: string): { name: string; currency: string } | null {
  // Folded: the owner's own letters ("cancún") name the same place as the row ("cancun").
  const w = fold(phrase).split(' ');
  while (w.length > 1 && LEAD.has(w[0]!)) w.shift();
  while (w.length > 1 && TRIP.has(w[w.length - 1]!)) w.pop();
  const name = w.join(' ');
  const currency = PLACE_CURRENCY.get(name);
  return currency ? { name, currency } : null;
}

/** A word as the owner wrote it, lower-cased, when only its accents differ from the folded form. */
function spelled(k: Tagged['tokens'][number]): string {
  if (k.kind !== 'word') return k.norm;
  const low = k.text.toLowerCase().normalize('NFC').replace(/['’]/g, '');
  return low !== k.norm && fold(low) === k.norm ? low : k.norm;
}

/** A word inside a subject phrase that joins one thing ("wash the car", "marks & spencer"). */
function joinsOneThing(t: Tagged, i: number): boolean {
  const k = t.tokens[i]!;
  return k.text === '&' || k.norm === 'the' || k.norm === 'got' || k.norm === 'was' || k.norm === 'n';
}

/** A verb that is also a thing people pay for ("rent", "order", "recharge", "tip"). */
function isVerb(g: Tag): boolean {
  return g.role === 'spend_verb' || g.role === 'obtain_verb';
}

/** "rent ke alawa", "rent chhod ke": the phrase BEFORE a postposed exclusion. */
function excludedAfter(t: Tagged, j: number): boolean {
  return t.tags.some((g) => g.role === 'exclude' && g.start >= j && g.start - j <= 1 && /alawa|alava|siwa|siva|bina|chhod|chod/.test(g.phrase));
}

function periodAfter(t: Tagged, i: number): boolean {
  return t.tags.some((g) => g.start === i && (g.role === 'period_unit' || g.role === 'weekday'));
}

function shadowedBy(t: Tagged, g: Tag): boolean {
  return t.tags.some((h) => h !== g && h.role !== g.role && h.start <= g.start && g.end <= h.end && h.end - h.start > g.end - g.start && !h.role.startsWith('op_') && !(h.role === 'show_all' && g.role === 'op_list'));
}

/**
 * The first currency word, read by its most specific row: a row limited to the owner's region beats
 * a general one ("taka" is rupees to a Bengali speaker in India, not Bangladeshi taka), a row of the
 * owner's languages beats an English one, a longer phrase a shorter.
 */
function mostSpecific(tags0: readonly Tag[]): Tag | undefined {
  // A code written out ("CAD ch dasso") says more than a family word before it ("kinne dollar").
  const coded = tags0.filter((g) => g.value !== null && /^[A-Z]{3}$/.test(g.value));
  const tags = coded.length ? coded : tags0;
  const first = Math.min(...tags.map((g) => g.start));
  const rank = (g: Tag): number => (g.entry.regions.length ? 100 : 0) + (g.entry.lang !== 'en' ? 10 : 0) + (g.end - g.start);
  return tags.filter((g) => g.start === first).sort((a, b) => rank(b) - rank(a))[0];
}

/** How many rows an order asked for without a count shows ("rank my bills highest to lowest"). */
const ALL_RANKED = 50;

function clamp(n: number): number {
  return Math.max(1, Math.min(100, n));
}

function resolveCurrency(value: string | null, own: string): string | null {
  if (!value) return null;
  if (/^[A-Z]{3}$/.test(value)) return value;
  // LOCAL:<FAMILY>: the owner's own member of the family, else its default (core/money.ts), so every
  // family a currency row names ("dirham", "riyal", "krone") is asked about, not only four.
  return value.startsWith('LOCAL:') ? familyCurrency(value.slice(6).toLowerCase(), own) : null;
}

const WD_LABEL = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];
function weekdayLabel(days: readonly number[]): string {
  if (days.length === 2 && days.includes(0) && days.includes(6)) return 'on weekends';
  if (days.length === 5 && !days.includes(0) && !days.includes(6)) return 'on weekdays';
  return `on ${days.map((d) => WD_LABEL[d]).join(' and ')}`;
}

function amountPart(r: Read): Partial<Filters> {
  const out: Partial<Filters> = {};
  if (r.minAmount !== null) out.minAmount = r.minAmount;
  if (r.maxAmount !== null) out.maxAmount = r.maxAmount;
  if (r.currency) out.currency = r.currency;
  return out;
}

/** The whole unit (day, week, month, year) just before the one that starts on `from`. */
function stretchBefore(from: IsoDate, unit: string, word: string): Period | null {
  const label = `the ${word} before`;
  if (unit === 'day') return { from: addDays(from, -1), to: addDays(from, -1), label };
  if (unit === 'week') return { from: addDays(from, -7), to: addDays(from, -1), label };
  if (unit === 'month') return { from: startOfMonth(addMonths(from, -1)), to: addDays(startOfMonth(from), -1), label };
  if (unit === 'year') return { from: addMonths(from, -12), to: addDays(from, -1), label };
  return null;
}

const thisMonth = (today: IsoDate): Period => ({ from: startOfMonth(today), to: today, label: 'this month' });
function prevMonth(today: IsoDate): Period {
  const first = startOfMonth(addMonths(startOfMonth(today), -1));
  return { from: first, to: endOfMonth(first), label: 'last month' };
}

function build(r: Read, today: IsoDate, ownCurrency: string): QueryPlan {
  const filters: Filters = {
    ...emptyFilters(),
    categories: r.categories.map((p) => ({ primary: p, detail: null })),
    subjects: r.subjects,
    ...(r.listed && r.categories.length && r.subjects.length ? { examples: true } : {}),
    within: r.within,
    exclude: r.exclude,
    minAmount: r.minAmount,
    maxAmount: r.maxAmount,
    currency: r.currency,
    ...(r.place ? { place: r.place } : {}),
  };
  const op: Operation = r.op ?? 'sum';
  const foreign = !!filters.currency && filters.currency !== ownCurrency;
  const hasWhat = filters.categories.length + filters.subjects.length + filters.within.length > 0 || foreign;
  let periods = r.periods;
  let periodAssumed = false;
  let versus: Filters[] = [];
  if (op === 'compare') {
    if (r.sides.length >= 2 && periods.length < 2) {
      versus = r.sides.map((side) => {
        const f: Filters = { ...emptyFilters(), minAmount: r.minAmount, maxAmount: r.maxAmount, currency: r.currency };
        for (const c of side) {
          if ((['food', 'transport', 'shopping', 'housing', 'utilities', 'health', 'entertainment', 'travel', 'education', 'personal_care', 'gifts', 'fees', 'other'] as string[]).includes(c)) f.categories.push({ primary: c as Primary, detail: null });
          else f.subjects.push(c);
        }
        return f;
      });
      filters.categories = [];
      filters.subjects = [];
    } else if (periods.length === 1) {
      const cur = thisMonth(today);
      periods = periods[0]!.from === cur.from ? [cur, prevMonth(today)] : [periods[0]!, cur];
    } else if (periods.length === 0) {
      periods = [prevMonth(today), thisMonth(today)];
    }
  } else if (!periods.length) {
    const longAverage = op === 'average' && r.averagePer !== null && r.averagePer !== 'day';
    if (r.allTime || hasWhat || r.newest !== null || longAverage) periods = [];
    else {
      periods = [thisMonth(today)];
      periodAssumed = true;
    }
  } else if (periods.length > 1) {
    const froms = periods.map((p) => p.from).filter((x): x is string => !!x).sort();
    const tos = periods.map((p) => p.to).filter((x): x is string => !!x).sort();
    periods = [{ from: froms[0] ?? null, to: tos[tos.length - 1] ?? null, label: periods.map((p) => p.label).join(' and ') }];
  }
  let breakdownBy = op === 'breakdown' ? r.breakdownBy ?? 'category' : null;
  if (op === 'breakdown' && r.share && (filters.categories.length || filters.subjects.length)) {
    breakdownBy = filters.subjects.length ? 'merchant' : 'category';
    filters.categories = [];
    filters.subjects = [];
  }
  if (r.weekdays) {
    const wd = r.weekdays;
    periods = (periods.length ? periods : [{ from: null, to: null, label: 'so far' }]).map((p) => ({ ...p, weekdays: wd, label: `${r.weekdayLabel} ${p.label}`.slice(0, 60) }));
  }
  let limit: number | null = null;
  if (op === 'top') limit = r.rank !== null ? 1 : r.topN ?? (r.plural ? 5 : 1);
  if (op === 'list' && r.topN !== null) limit = r.topN;
  if (op === 'list' && r.newest !== null) limit = r.newest;
  return {
    op,
    periods,
    periodAssumed,
    filters,
    versus,
    averagePer: op === 'average' ? r.averagePer ?? 'day' : null,
    breakdownBy,
    order: r.newest !== null && op === 'list' ? 'newest' : r.smallest ? 'smallest' : 'largest',
    limit,
    ...(op === 'top' && r.rank !== null ? { offset: r.rank - 1 } : {}),
  };
}

export type { TimeReading };
