/**
 * @module query/answer
 * The entry point the bot and the CLI call: plan a question (rules; follow-ups reuse the last plan
 * of the chat), resolve its subjects, run it over every matching ledger row and write the reply.
 * Numbers always come from SQL over all matches; a question that cannot be planned gets an honest
 * "I can't answer that yet", never an invented number.
 */
import { daysBetween, formatDay, localDate, type IsoDate } from '../core/dates.js';
import type { OwnerSettings } from '../core/types.js';
import { categoryLabel, isPrimary } from '../categories/taxonomy.js';
import {
  averageMinor, averageUnits, totalsOf, type ExecContext, type ExpenseQueries, type GroupKey, type MoneyTotal, type ResolvedFilters, type Row, type Selection,
} from './execute.js';
import { planNext } from './next/plan.js';
import { contextFromSettings, type LanguageContext } from '../language/context.js';
import { categoriesFor, categoryNamed } from '../categories/index.js';
import { compileMatcher, normTerm } from './match.js';
import { parsePlan } from './plan-schema.js';
import { isStrayWord, resolveFilters, type ConceptSource, type ExpandConcept, type ResolvedPlanFilters } from './resolve.js';
import {
  averageReply, breakdownReply, cannotAnswerReply, compareReply, DETAIL_LINES, kindsReply, newestReply, sumReply, topReply, unknownReply,
} from './reply.js';
import type { Period, QueryPlan } from './types.js';
import { defaultConcepts, isConceptName } from './concepts.js';

export interface QueryContext {
  owner: string;
  now: Date;
  settings: OwnerSettings;
  /** Called only for a subject the concept lexicon does not know (the AI engineer plugs vectors in). */
  expandConcept?: ExpandConcept;
  /** Overrides the categories module's concepts (tests). */
  concepts?: ConceptSource | null;
  /**
   * Caps result.expenses (the bot needs ten lines, not 30,000 rows). Totals and counts stay exact
   * over every match. Default: no cap (the CLI/eval contract lists every match).
   */
  maxResultRows?: number;
  /** The owner's language context (their chosen locale and date order); built from settings when absent. */
  language?: LanguageContext;
}

/** What the bot keeps per chat between questions. */
export interface QueryConversation {
  lastPlan: QueryPlan | null;
  /** ISO instant of the last answer; follow-ups older than FOLLOW_UP_MINUTES start afresh. */
  at: string | null;
}

/**
 * What an answer is about, in the ledger's own terms (the CLI turns it into the evaluation's JSON).
 * `total` is the one number asked for (a sum or an average, in one currency), null for lists and
 * rankings; `rows` are the expenses the answer is about (all matches, or the top N in order), capped
 * by maxResultRows; `otherCurrencies` are the currencies a sum did not add in (never converted).
 */
export interface AnswerResult {
  total: { minor: number; currency: string } | null;
  count: number;
  rows: Row[];
  otherCurrencies?: MoneyTotal[];
}

export interface Answer {
  reply: string;
  result: AnswerResult;
  plan: QueryPlan | null;
  conversation: QueryConversation;
}

export const FOLLOW_UP_MINUTES = 30;

export function newConversation(): QueryConversation {
  return { lastPlan: null, at: null };
}

function activePlan(conv: QueryConversation | undefined, now: Date): QueryPlan | null {
  if (!conv?.lastPlan || !conv.at) return null;
  return now.getTime() - new Date(conv.at).getTime() <= FOLLOW_UP_MINUTES * 60_000 ? conv.lastPlan : null;
}

const EMPTY: AnswerResult = { total: null, count: 0, rows: [] };

/** Answers one question. e.g. answerQuestion(queries, 'food since monday?', ctx) → "₹800 on Food since Mon 12 Jan · 6 expenses …" */
export async function answerQuestion(queries: ExpenseQueries, text: string, ctx: QueryContext, conversation?: QueryConversation): Promise<Answer> {
  const today = localDate(ctx.now, ctx.settings.timeZone);
  const previous = activePlan(conversation, ctx.now);
  const outcome = planWith(text, ctx, previous);
  if (outcome.kind === 'none') {
    return { reply: cannotAnswerReply(), result: { ...EMPTY }, plan: null, conversation: conversation ?? newConversation() };
  }
  return run(queries, outcome.plan, ctx, today, outcome.kind === 'show_all');
}

/** The rules planner, reading known things with the lexicon of the owner's regions (also scripts/trace-plan.ts and the planner's tests). */
export function planWith(text: string, ctx: QueryContext, previous: QueryPlan | null): ReturnType<typeof planNext> {
  const language = ctx.language ?? contextFromSettings(ctx.now, ctx.settings);
  const cats = categoriesFor(language.pack.regions);
  return planNext(text, {
    language, previous, categoryNamed, isThing: cats.isKnownWord,
    isTerm: (p) => cats.findKnownTerms(p.split(' ')).length > 0,
    isName: (p) => { const w = p.split(' '); return cats.findKnownTerms(w).some((k) => k.start === 0 && k.end === w.length) || isConceptName(p); },
    isConcept: (p) => defaultConcepts(language.pack.regions).resolve(p)?.via === 'category',
    isShop: (p) => { const w = p.split(' '); return cats.findKnownTerms(w).some((k) => k.kind === 'merchant' && k.start === 0 && k.end === w.length); },
  });
}

/** Runs a plan proposed elsewhere (the LLM fallback); it is validated first. */
export async function answerPlan(queries: ExpenseQueries, plan: QueryPlan, ctx: QueryContext, conversation?: QueryConversation): Promise<Answer> {
  const checked = parsePlan(plan);
  if (!checked.ok) return { reply: cannotAnswerReply(), result: { ...EMPTY }, plan: null, conversation: conversation ?? newConversation() };
  return run(queries, checked.plan, ctx, localDate(ctx.now, ctx.settings.timeZone), false);
}

const ALL_TIME: Period = { from: null, to: null, label: 'so far' };

function capped(rows: Row[], max: number | undefined): Row[] {
  return max !== undefined ? rows.slice(0, max) : rows;
}

/** The currency a single-number total reports: the owner's, when present, else the most used. */
function mainTotal(totals: MoneyTotal[], currency: string): MoneyTotal | null {
  return totals.find((t) => t.currency === currency) ?? totals[0] ?? null;
}

async function run(queries: ExpenseQueries, plan: QueryPlan, ctx: QueryContext, today: IsoDate, showAll: boolean): Promise<Answer> {
  const currency = ctx.settings.currency;
  const conversation: QueryConversation = { lastPlan: plan, at: ctx.now.toISOString() };
  const exec: ExecContext = { owner: ctx.owner, today, defaultCurrency: currency };
  const deps = { queries, owner: ctx.owner, concepts: ctx.concepts === undefined ? defaultConcepts((ctx.language ?? contextFromSettings(ctx.now, ctx.settings)).pack.regions) : ctx.concepts, expandConcept: ctx.expandConcept };

  plan = await narrowToTrips(queries, exec, plan);
  let main = await resolveFilters(deps, plan.filters);
  const relaxed = await relaxPlaceWords(queries, exec, plan, main, (f) => resolveFilters(deps, f));
  if (relaxed) main = relaxed.filters;
  const sides: ResolvedPlanFilters[] = [];
  for (const v of plan.versus) sides.push(await resolveFilters(deps, v));
  const unknown = [...main.unknown, ...sides.flatMap((s) => s.unknown)];
  if (unknown.length) {
    return { reply: unknownReply(unknown), result: { ...EMPTY }, plan, conversation };
  }
  const period = plan.periods[0] ?? ALL_TIME;
  const sel = (p: Period, f: ResolvedFilters = main.filters) => queries.select(exec, p, f);
  const max = ctx.maxResultRows;
  const note = [familyNote(main), relaxed ? `(no expense of ${main.what ?? 'it'} mentions ${relaxed.dropped.map((w) => `"${w}"`).join(', ')}, so these are all of them)` : null].filter(Boolean).join(' ') || null;

  switch (plan.op) {
    case 'sum':
    case 'list':
    case 'count': {
      if (plan.op === 'list' && plan.order === 'newest' && plan.limit !== null) return newestList(sel(period), plan, main, today, currency, conversation, max);
      const s = sel(period);
      const totals = await s.totals();
      const count = totals.reduce((a, t) => a + t.count, 0);
      // With a cap, read the newest rows (the reply shows the newest); without one, every match in date order.
      const shownRows = max !== undefined
        ? (await s.rows({ order: 'newest', limit: Math.max(max, showAll ? 200 : DETAIL_LINES) })).reverse()
        : await s.rows();
      const main1 = mainTotal(totals, currency);
      const reply = sumReply({ op: plan.op, what: main.what, period: plan.periods[0] ?? null, periodAssumed: plan.periodAssumed, totals, rows: shownRows, today, currency, showAll, note });
      // A sum's result speaks of one currency: its total, the rows in it and their count. Other
      // currencies are in the reply and in otherCurrencies, never added in.
      const sumCur = plan.op === 'sum' && main1 ? main1.currency : null;
      const jsonRows = sumCur ? shownRows.filter((r) => r.currency === sumCur) : shownRows;
      const others = totals.filter((t) => t.currency !== sumCur);
      return {
        reply,
        result: {
          total: plan.op === 'sum' ? (main1 ? { minor: main1.minor, currency: main1.currency } : { minor: 0, currency }) : null,
          count: sumCur ? main1!.count : count,
          rows: capped(jsonRows, max),
          ...(sumCur && others.length ? { otherCurrencies: others } : {}),
        },
        plan,
        conversation,
      };
    }
    case 'top': {
      const s = sel(period);
      const totals = await s.totals();
      const rankCur = plan.filters.currency ?? (totals.some((t) => t.currency === currency) ? currency : totals[0]?.currency ?? currency);
      const n = showAll ? Math.max(plan.limit ?? 1, 20) : plan.limit ?? 1;
      const order = plan.order === 'smallest' ? 'smallest' : 'largest';
      const offset = showAll ? 0 : plan.offset ?? 0;
      const rows = await s.rows({ order, limit: n, offset, currency: rankCur });
      const reply = topReply({ what: main.what, period: plan.periods[0] ?? null, rows, order, rank: offset + 1, n, today, note, otherCurrencies: totals.map((t) => t.currency).filter((c) => c !== rankCur) });
      return { reply, result: { total: null, count: rows.length, rows: capped(rows, max) }, plan, conversation };
    }
    case 'average': {
      const s = sel(period);
      const totals = await s.totals();
      const per = plan.averagePer ?? 'day';
      let from = period.from;
      const to = period.to && period.to < today ? period.to : today;
      if (!from) from = await s.firstDate();
      const averages = totals.map((t) => {
        const units = per === 'expense' ? t.count : averageUnits(per, from ?? today, to < (from ?? today) ? (from ?? today) : to);
        return { currency: t.currency, minor: averageMinor(t.minor, units), total: t.minor, units, count: t.count };
      });
      const reply = averageReply({ what: main.what, period: plan.periods[0] ?? null, per, averages, today, currency, periodAssumed: plan.periodAssumed });
      const m = averages.find((a) => a.currency === currency) ?? averages[0];
      const rows = await s.rows(max !== undefined ? { limit: max } : {});
      return { reply, result: { total: m ? { minor: m.minor, currency: m.currency } : null, count: totals.reduce((a, t) => a + t.count, 0), rows: capped(rows, max) }, plan, conversation };
    }
    case 'compare': {
      const parts = plan.versus.length >= 2 && sides.length >= 2
        ? sides.map((sd) => ({ label: sd.what ?? 'everything', s: sel(period, sd.filters), sideLabel: `on ${sd.what ?? 'everything'}` }))
        : plan.periods.map((p) => ({ label: p.label, s: sel(p), sideLabel: p.label }));
      const out: { label: string; totals: MoneyTotal[] }[] = [];
      let rows: Row[] = [];
      for (const part of parts) {
        out.push({ label: part.sideLabel, totals: await part.s.totals() });
        rows = rows.concat(await part.s.rows(max !== undefined ? { limit: max } : {}));
      }
      const what = plan.versus.length >= 2 ? `${period.label}` : main.what;
      const reply = compareReply({ what: what ? cap(what) : null, sides: out, currency });
      return { reply, result: { total: null, count: out.reduce((a, o) => a + o.totals.reduce((b, t) => b + t.count, 0), 0), rows: capped(rows, max) }, plan, conversation };
    }
    case 'breakdown': {
      const s = sel(period);
      const by = plan.breakdownBy ?? 'category';
      // Within one category, "by category" means its details (or items when details are missing).
      const key: GroupKey = by === 'category' ? (plan.filters.categories.length === 1 && !plan.filters.subjects.length ? 'detail' : 'category') : by === 'day' ? 'date' : by;
      const groups = await s.groups(key);
      const totals = totalsOf(groups);
      const labelled = groups.map((g) => ({ ...g, label: groupLabel(key, g.key, today) }));
      const reply = breakdownReply({ what: main.what, period: plan.periods[0] ?? null, by: key === 'detail' ? 'kind' : by, groups: labelled, totals, currency, showAll, periodAssumed: plan.periodAssumed });
      const rows = await s.rows(max !== undefined ? { limit: max } : {});
      return { reply, result: { total: null, count: totals.reduce((a, t) => a + t.count, 0), rows: capped(rows, max) }, plan, conversation };
    }
    case 'kinds': {
      const s = sel(period);
      const groups = await s.groups('item');
      const totals = totalsOf(groups);
      const kinds = new Map<string, { label: string; count: number; totals: { currency: string; minor: number }[] }>();
      for (const g of groups) {
        const k = kinds.get(g.key) ?? { label: cap(g.key || 'unnamed'), count: 0, totals: [] };
        k.count += g.count;
        k.totals.push({ currency: g.currency, minor: g.minor });
        kinds.set(g.key, k);
      }
      const list = [...kinds.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
      const reply = kindsReply({ what: main.what ? cap(main.what) : null, period: plan.periods[0] ?? null, kinds: list, totals, currency });
      const rows = await s.rows(max !== undefined ? { limit: max } : {});
      return { reply, result: { total: null, count: totals.reduce((a, t) => a + t.count, 0), rows: capped(rows, max) }, plan, conversation };
    }
  }
}

/** "last 5 expenses", "my last swiggy order": the newest N matches, newest first, and what they came to. */
async function newestList(s: Selection, plan: QueryPlan, main: ResolvedPlanFilters, today: IsoDate, currency: string, conversation: QueryConversation, max: number | undefined): Promise<Answer> {
  const rows = await s.rows({ order: 'newest', limit: plan.limit ?? 1 });
  const byCur = new Map<string, MoneyTotal>();
  for (const r of rows) {
    const t = byCur.get(r.currency) ?? { currency: r.currency, minor: 0, count: 0 };
    t.minor += r.amountMinor;
    t.count += 1;
    byCur.set(r.currency, t);
  }
  const reply = newestReply({ what: main.what, period: plan.periods[0] ?? null, rows, totals: [...byCur.values()], today, currency, note: familyNote(main) });
  return { reply, result: { total: null, count: rows.length, rows: capped(rows, max) }, plan, conversation };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function groupLabel(key: string, k: string, today: IsoDate): string {
  if (key === 'category') return isPrimary(k) ? categoryLabel(k, null) : k || 'Uncategorised';
  if (key === 'detail') {
    const [p, d] = k.split('/');
    if (p && isPrimary(p)) return d ? categoryLabel(p, d) : `${categoryLabel(p, null)} (unsorted)`;
    return k;
  }
  if (key === 'merchant') return k || '(no shop named)';
  if (key === 'date') return formatDay(k, today);
  return k ? cap(k) : '(unnamed)';
}

/** Says so when a member word had no literal hit and its family was counted ("beer" → Alcohol). */
/**
 * "seafood I had in goa": a word that must ALSO match ("goa") but that no row of the subject
 * mentions is where it happened, not what was bought; the subject alone answers, and says so.
 * Only a literal word is let go this way, never a shop, category or concept the owner named.
 */
async function relaxPlaceWords(
  queries: ExpenseQueries, exec: ExecContext, plan: QueryPlan, main: ResolvedPlanFilters,
  resolve: (f: QueryPlan['filters']) => Promise<ResolvedPlanFilters>,
): Promise<{ filters: ResolvedPlanFilters; dropped: string[] } | null> {
  const f = plan.filters;
  if (!f.within.length || plan.versus.length || main.unknown.length) return null;
  const loose = main.resolutions.filter((r) => r.how === 'literal' && f.within.some((w) => normTerm(w) === r.phrase)).map((r) => r.phrase);
  if (!loose.length || loose.length === f.within.length + f.subjects.length + f.categories.length) return null;
  const period = plan.periods[0] ?? ALL_TIME;
  const count = async (r: ResolvedPlanFilters) => (await queries.select(exec, period, r.filters).totals()).reduce((a, t) => a + t.count, 0);
  if ((await count(main)) > 0) return null;
  const without = await resolve({ ...f, within: f.within.filter((w) => !loose.includes(normTerm(w))) });
  if (without.unknown.length || !without.what || (await count(without)) === 0) return null;
  return { filters: without, dropped: loose };
}

/** Days between two rows in a place's currency that still make one trip. */
const TRIP_GAP_DAYS = 4;

/**
 * "What did I spend in Barcelona": the rows in the place's currency, on the trips (runs of days
 * with such rows, at most TRIP_GAP_DAYS apart) where some row mentions the place; a Dublin weekend
 * in euros is another trip. When no row in that currency mentions the place, every row in it counts.
 * The plan's period is narrowed to the span of those trips.
 */
async function narrowToTrips(queries: ExpenseQueries, exec: ExecContext, plan: QueryPlan): Promise<QueryPlan> {
  const f = plan.filters;
  if (!f.place || !f.currency) return plan;
  const rows = await queries.select(exec, ALL_TIME, { groups: [], exclude: [], minAmount: null, maxAmount: null, currency: f.currency }).rows();
  if (!rows.length) return plan;
  const place = compileMatcher({ categories: [], terms: [f.place], merchants: [] });
  const mentions = (r: Row) => place.test({ category: r.category, detail: r.detail, merchant: r.merchant, search_text: normTerm([r.item, r.merchant, r.note].filter(Boolean).join(' ')) });
  const days = [...new Set(rows.map((r) => r.date))].sort();
  const named = new Set(rows.filter(mentions).map((r) => r.date));
  if (!named.size) return plan;
  const trips: { from: string; to: string; named: boolean }[] = [];
  for (const d of days) {
    const last = trips[trips.length - 1];
    if (last && daysBetween(last.to as IsoDate, d as IsoDate) <= TRIP_GAP_DAYS) {
      last.to = d;
      last.named ||= named.has(d);
    } else trips.push({ from: d, to: d, named: named.has(d) });
  }
  const kept = trips.filter((t) => t.named);
  const from = kept[0]!.from, to = kept[kept.length - 1]!.to;
  const clip = (p: Period): Period => ({ ...p, from: p.from && p.from > from ? p.from : from, to: p.to && p.to < to ? p.to : to });
  return { ...plan, periods: plan.periods.length ? plan.periods.map(clip) : [{ from, to, label: `in ${cap(f.place)}` } as Period] };
}

function familyNote(r: ResolvedPlanFilters): string | null {
  const fam = r.resolutions.filter((x) => x.how === 'family');
  const notes = fam.map((f) => `(nothing called "${f.phrase}", so I counted ${f.label})`);
  // A lone unknown name beside the real subject is left out, and said so; glue words are not worth a line.
  const names = r.ignored.filter((w) => !isStrayWord(w, false));
  if (names.length) notes.push(`(I don't know ${names.map((w) => `"${w}"`).join(', ')}, so I left it out)`);
  return notes.length ? notes.join(' ') : null;
}
