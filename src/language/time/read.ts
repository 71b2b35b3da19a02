/**
 * @module language/time/read
 * The one time-expression grammar, for records and questions alike. The rules are data
 * (vocab/grammar/time.tsv) over the tagged tokens (time words in vocab/words/time.tsv, holiday names
 * in vocab/holidays.tsv); the actions here resolve a match against today in the owner's zone, the
 * locale's day/month order and the message's tense:
 * - a record is never dated in the future unless the message speaks of the future ("kal" is
 *   yesterday, "Dec 12" written on 5 Dec 2026 is 12 Dec 2025, "on saturday" the last one);
 * - a question's bare month, weekday or holiday is its most recent occurrence, and its stretches stop
 *   at today ("december" asked on 5 Dec is 1-5 Dec);
 * - a number is read as time only with a cue (a month word, an ordinal suffix, a date separator, am/pm,
 *   a time word), so "chai 20" and "petrol 1500" stay money; the score says how sure a reading is.
 * e.g. readTimes(analyze('kal petrol 500', ctx), ctx, { mode: 'record' }) → one day reading, yesterday.
 */
import { fileURLToPath } from 'node:url';
import {
  addDays, addMonths, daysBetween, daysInMonth, endOfMonth, formatDay, monthName, startOfMonth, startOfWeek, weekday, ymd, type IsoDate,
} from '../../core/dates.js';
import type { LanguageContext } from '../context.js';
import { bestCover, cap, Grammar, type Action, type Capture, type Predicate, type RuleMatch } from '../grammar.js';
import type { Tag, Tagged } from '../tagger.js';
import type { Token } from '../tokens.js';
import type { Role } from '../vocab/roles.js';
import { readRuleFile } from '../vocab/tsv.js';
import { holidayInfo, holidaySpans } from './holidays.js';
import type { TimeGrain, TimeOptions, TimeReading } from './types.js';

// ------------------------------------------------------------------------------ values

interface Ctx {
  lc: LanguageContext;
  today: IsoDate;
  ty: number;
  tm: number;
  td: number;
  /** Today's weekday, Sunday = 0. */
  td0: number;
  mode: 'record' | 'question';
  /** The message speaks of the future: plans read forward. */
  ahead: boolean;
  /** A past verb says it happened: nothing is ahead. */
  past: boolean;
  dmy: boolean;
}

/** A resolved time value inside the grammar. */
interface TV {
  kind: TimeReading['kind'];
  from: IsoDate | null;
  to: IsoDate | null;
  grain: TimeGrain;
  future: boolean;
  label: string;
  conf: number;
  open?: 'since' | 'until';
  weekdays?: number[];
  /** An explicit year was written. */
  year?: boolean;
  /** A bare weekday or weekend (no this/last/next): recurs beside a longer stretch. */
  recurs?: number[];
}

/** A day number inside a date: 3 for "3rd" or "third". */
interface Dom {
  d: number;
  ord: boolean;
  /** Written after an article that marks a day of the month in the grammar row ("el 30"). */
  det?: boolean;
  /** Said with a word for "date" ("15 tarikh"): a day of the month whatever follows. */
  named?: boolean;
}

const TIME_ROLES: ReadonlySet<Role> = new Set<Role>([
  'weekday', 'month', 'relative_day', 'part_of_day', 'period_unit', 'this', 'last', 'next', 'ago', 'half', 'season', 'holiday',
  'time_from', 'time_to', 'time_since', 'time_until', 'time_at', 'clock', 'weekday_set', 'quarter', 'period_part', 'time_prep', 'ordinal', 'date_word',
]);
/** Roles that mean a time by themselves: every time phrase holds one (or a number written like a date). */
const CONTENT_ROLES: ReadonlySet<Role> = new Set<Role>([
  'weekday', 'month', 'relative_day', 'part_of_day', 'period_unit', 'season', 'holiday', 'weekday_set', 'quarter', 'clock', 'time_at', 'date_word',
]);
/** Words before a time word that make it one ("on sat", "since may", "last mar"). */
const CUE_ROLES: ReadonlySet<Role> = new Set<Role>(['time_prep', 'time_since', 'time_until', 'time_from', 'time_to', 'this', 'last', 'next', 'half', 'period_part']);

// Token shapes, compiled once (a regex literal inside a function is a new object at every call).
const DIGITS = /^\d+$/;
const D1_2 = /^\d{1,2}$/;
const D1_3 = /^\d{1,3}$/;
const D1_4 = /^\d{1,4}$/;
const D2 = /^\d\d$/;
const YEAR4 = /^(19|20)\d\d$/;
const YEARISH = /^(\d\d|\d{4}|\d{1,2})$/;
const DOTTED_DM = /^\d{1,2}\.\d{1,2}$/;
const DOTTED = /^\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})$/;

const num = (t: Token | undefined): number => (t && t.kind === 'num' && DIGITS.test(t.text) ? Number(t.text) : NaN);
const tagOf = (c: Capture | undefined): Tag | undefined => c?.tag;
const valueOf = <V>(c: Capture | undefined): V | undefined => c?.value as V | undefined;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The day's label: "today", "yesterday", "tomorrow" or "on Tue 3 Jun". */
function dayLabel(d: IsoDate, c: Ctx): string {
  const diff = daysBetween(c.today, d);
  if (diff === 0) return 'today';
  if (diff === -1) return 'yesterday';
  if (diff === 1) return 'tomorrow';
  return `on ${formatDay(d, c.today)}`;
}

function day(d: IsoDate, c: Ctx, conf: number, label?: string): TV {
  return { kind: 'day', from: d, to: d, grain: 'day', future: d > c.today, label: label ?? dayLabel(d, c), conf };
}

function range(from: IsoDate, to: IsoDate, grain: TimeGrain, label: string, c: Ctx, conf: number, future = false): TV {
  let t = to;
  // A question's stretch stops at today (nothing later is spent); a plan keeps its end.
  if (c.mode === 'question' && !future && t > c.today && from <= c.today) t = c.today;
  return { kind: 'range', from, to: t, grain, future: future || from > c.today, label, conf };
}

/** A month and day without a year: the most recent one, or the next one when the message looks ahead. */
function monthDay(m: number, d: number, y: number | null, c: Ctx): IsoDate | null {
  if (y !== null) return validDay(y, m, d) ? ymd(y, m, d) : null;
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  let yy = c.ty;
  if (c.ahead) {
    if (!validDay(yy, m, d) || ymd(yy, m, d) < c.today) yy += 1;
  } else if (!validDay(yy, m, d) || ymd(yy, m, d) > c.today) {
    // Ahead of today: a record without a past verb keeps a date a few weeks ahead (a booking: asked as a
    // plan); a past-tense record and a question mean the last one.
    const soon = validDay(yy, m, d) && c.mode === 'record' && !c.past && daysBetween(c.today, ymd(yy, m, d)) <= 62;
    if (!soon) yy -= 1;
  }
  if (!validDay(yy, m, d)) {
    // 29 Feb: the nearest leap year in the same direction.
    for (let k = 0; k < 8 && !validDay(yy, m, d); k++) yy += c.ahead ? 1 : -1;
    if (!validDay(yy, m, d)) return null;
  }
  return ymd(yy, m, d);
}

function plausibleYear(y: number, c: Ctx): boolean {
  return y >= c.ty - 10 && y <= c.ty + 2;
}

/** The year of a written year, or null when there is none; NaN when it is implausible. */
function yearOf(m: RuleMatch): number | null {
  const y = valueOf<number>(cap(m, 'y'));
  return y === undefined ? null : y;
}

/** Whether the token before `i` is a word that opens a time expression ("on", "since", "last"). */
function cueBefore(t: Tagged, i: number): boolean {
  if (i <= 0) return false;
  for (const g of t.tags) if (g.end === i && CUE_ROLES.has(g.role)) return true;
  const prev = t.tokens[i - 1]!;
  return prev.norm === 'of' || prev.norm === 'the' && i >= 2 && t.tags.some((g) => g.end === i - 1 && CUE_ROLES.has(g.role));
}

/** Roles of a word after a holiday that leave the holiday a time ("christmas for the kids", "easter sunday"). */
const NOT_A_THING: ReadonlySet<Role> = new Set<Role>([
  'prep', 'glue', 'separator', 'clause_break', 'postp', 'spend_verb', 'obtain_verb', 'price_link', 'number', 'magnitude', 'currency',
  'relative_day', 'weekday', 'month', 'part_of_day', 'period_unit', 'clock', 'time_at', 'time_to', 'time_from', 'date_word', 'holiday',
  'self', 'third_party', 'kin', 'filler', 'follow_up', 'this', 'last', 'next', 'ago', 'season',
]);

/** Whether the word at `i` (after a holiday's name) is a thing the name describes: a word with no time or function role. */
function namesThingAfter(t: Tagged, i: number): boolean {
  const tk = t.tokens[i];
  return !!tk && tk.kind === 'word' && !(t.at[i] ?? []).some((g) => NOT_A_THING.has(g.role));
}

/** Whether "for (the) month of" stands right before `i` ("salary for the month of march"). */
function forTheMonthOf(t: Tagged, i: number): boolean {
  const w = (k: number): string => t.tokens[k]?.norm ?? '';
  if (w(i - 1) !== 'of' || !['month', 'months'].includes(w(i - 2))) return false;
  return w(i - 3) === 'for' || (w(i - 3) === 'the' && w(i - 4) === 'for');
}

/** Whether the word before `i` is "what" or "which" asking for a kind ("what christmas decorations"). */
function askedKindBefore(t: Tagged, i: number): boolean {
  return i > 0 && (t.at[i - 1] ?? []).some((g) => g.role === 'question_word' && (g.value === 'what' || g.value === 'which'));
}

/** Words that set two months side by side ("May vs July", "april or may", "mayo y julio"). */
const MONTH_JOIN: ReadonlySet<Role> = new Set<Role>(['op_compare', 'time_to', 'time_from']);
const JOIN_WORDS: ReadonlySet<string> = new Set(['and', 'or', '&', ',', 'y', 'o', 'aur', 'ya', '+', 'plus', 'n']);

/**
 * Whether the month word at `i` is set beside another month across a joining word ("May vs July",
 * "April vs May"), or follows the Spanish "de" of a date ("gastos de mayo"): in a question that
 * makes a homograph ("may", "mayo") the month.
 */
function besideMonth(t: Tagged, i: number): boolean {
  const joins = (x: number): boolean => JOIN_WORDS.has(t.tokens[x]?.norm ?? '') || (t.at[x] ?? []).some((g) => MONTH_JOIN.has(g.role));
  const month = (x: number): boolean => x >= 0 && (t.at[x] ?? []).some((g) => g.role === 'month' && g.start === x) && !homograph(t, x);
  if (t.tokens[i - 1]?.norm === 'de' || t.tokens[i - 1]?.norm === 'del') return true;
  // "utilities for may?", "rent for may": "for" and then nothing more, so no verb can follow it.
  // ("total for may so far": words that only say "up to now" are no verb either.)
  if (t.tokens[i - 1]?.norm === 'for' && t.tokens.slice(i + 1).every((k, x) => k.kind === 'punct' || k.kind === 'newline' || k.kind === 'emoji' || t.tags.some((g) => g.role === 'so_far' && g.start <= i + 1 + x && i + 1 + x < g.end))) return true;
  return (joins(i + 1) && month(i + 2)) || (i >= 2 && joins(i - 1) && month(i - 2));
}

/** Marks after a phrase that make it a heading ("black friday: …", "diwali - …"). */
const HEADING_MARKS: ReadonlySet<string> = new Set([':', '-', '–', '—']);

/** Roles of the word before a strong homograph that keep it an everyday word ("the sun", "we wed"). */
const STRONG_NOT_AFTER: ReadonlySet<string> = new Set(['glue', 'self', 'third_party', 'kin', 'prep', 'spend_verb', 'obtain_verb', 'negation', 'plan', 'time_prep']);

/** How much context a day name that is also an everyday word needs: 'weak' little, 'start' (a day when it
 * opens a record) some, 'strong' most. */
function homograph(t: Tagged, i: number): 'strong' | 'start' | 'weak' | null {
  for (const g of t.at[i] ?? []) if (g.role === 'homograph' && g.end === i + 1) return g.value === 'weak' ? 'weak' : g.value === 'start' ? 'start' : 'strong';
  return null;
}

function atMessageStart(t: Tagged, i: number): boolean {
  return i === 0 || t.tokens[i - 1]!.kind === 'newline';
}

// ------------------------------------------------------------------------------ resolvers

function weekdayDate(wd: number, q: 'this' | 'last' | 'next' | null, c: Ctx): { date: IsoDate; future: boolean } {
  const back = (c.td0 - wd + 7) % 7; // days since the most recent such weekday (0 = today)
  const ahead = (wd - c.td0 + 7) % 7;
  if (q === 'next') return { date: addDays(c.today, ahead || 7), future: true };
  if (q === 'last') return { date: addDays(c.today, -(back || 7)), future: false };
  if (c.ahead) return { date: addDays(c.today, q === 'this' ? ahead : ahead || 7), future: true };
  // A record's bare weekday is a past one (never today: that would be "today"); a question's may be today.
  if (c.mode === 'record' && q === null) return { date: addDays(c.today, -(back || 7)), future: false };
  return { date: addDays(c.today, -back), future: false };
}

function periodRange(unit: string, which: -1 | 0 | 1, c: Ctx, conf: number): TV | null {
  const t = c.today;
  const fut = which === 1;
  const lbl = (base: string): string => (which === -1 ? `last ${base}` : which === 1 ? `next ${base}` : `this ${base}`);
  switch (unit) {
    case 'day':
      return day(addDays(t, which), c, conf);
    case 'week': {
      const sw = addDays(startOfWeek(t, c.lc.weekStartsOn), 7 * which);
      return range(sw, addDays(sw, 6), 'week', lbl('week'), c, conf, fut);
    }
    case 'weekend':
      return weekendRange(which, c, conf);
    case 'fortnight': {
      if (which === 1) return range(addDays(t, 1), addDays(t, 14), 'fortnight', 'next fortnight', c, conf, true);
      return range(addDays(t, -13), t, 'fortnight', 'in the last 2 weeks', c, conf);
    }
    case 'month': {
      const from = addMonths(startOfMonth(t), which);
      const label = which === -1 ? `last month (${monthName(Number(from.slice(5, 7)))})` : lbl('month');
      return range(from, endOfMonth(from), 'month', label, c, conf, fut);
    }
    case 'quarter': {
      const q0 = ymd(c.ty, Math.floor((c.tm - 1) / 3) * 3 + 1, 1);
      const from = addMonths(q0, 3 * which);
      return range(from, addDays(addMonths(from, 3), -1), 'quarter', lbl('quarter'), c, conf, fut);
    }
    case 'year': {
      const y = c.ty + which;
      return range(ymd(y, 1, 1), ymd(y, 12, 31), 'year', which === -1 ? `last year (${y})` : lbl('year'), c, conf, fut);
    }
    default:
      return null;
  }
}

function weekendRange(which: -1 | 0 | 1, c: Ctx, conf: number): TV {
  const wd = c.td0;
  // On a Saturday or Sunday "this weekend" is the one under way; otherwise the last one (or the next in a plan).
  let sat = wd === 6 ? c.today : wd === 0 ? addDays(c.today, -1) : addDays(c.today, -((wd - 6 + 7) % 7 || 7));
  if (which === -1 && (wd === 6 || wd === 0)) sat = addDays(sat, -7);
  if (which === 1 || (which === 0 && c.ahead && wd !== 6 && wd !== 0)) sat = addDays(sat, 7);
  const label = which === -1 ? 'last weekend' : which === 1 ? 'next weekend' : 'at the weekend';
  return range(sat, addDays(sat, 1), 'weekend', label, c, conf, sat > c.today);
}

function monthRange(m: number, y: number | null, q: 'this' | 'last' | 'next' | null, c: Ctx, conf: number): TV | null {
  let yy: number;
  if (y !== null) yy = y;
  else if (q === 'last') yy = m < c.tm ? c.ty : c.ty - 1;
  else if (q === 'next' || c.ahead) yy = m > c.tm || (m === c.tm && q !== 'next') ? c.ty : c.ty + 1;
  else yy = m <= c.tm ? c.ty : c.ty - 1;
  const from = ymd(yy, m, 1);
  const label = yy === c.ty || (y === null && yy === c.ty - 1) ? `in ${monthName(m)}` : `in ${monthName(m)} ${yy}`;
  const tv = range(from, endOfMonth(from), 'month', label, c, conf, from > c.today);
  if (y !== null) tv.year = true;
  return tv;
}

/** The occurrence of a yearly span (holiday, season) the words mean: the most recent, last, next or of a year. */
function yearlySpan(key: string, y: number | null, q: 'this' | 'last' | 'next' | null, over: boolean, c: Ctx): { from: IsoDate; to: IsoDate } | null {
  const regions = c.lc.pack.regions;
  const spans = holidaySpans(key, regions, y ?? c.ty - 2, y ?? c.ty + 1, over);
  if (!spans.length) return null;
  if (y !== null) return spans[0]!;
  const started = spans.filter((s) => s.from <= c.today);
  const ahead = spans.filter((s) => s.from > c.today);
  if (q === 'next' || (c.ahead && q !== 'last')) return ahead[0] ?? null;
  if (q === 'last') {
    // "last christmas" is the one before the current one when we are inside it.
    const cur = started[started.length - 1];
    if (cur && cur.to >= c.today) return started[started.length - 2] ?? null;
    return cur ?? null;
  }
  return started[started.length - 1] ?? null;
}

// ------------------------------------------------------------------------------ actions

type A = Action<Ctx>;

const qOf = (m: RuleMatch): 'this' | 'last' | 'next' | null => {
  const g = tagOf(cap(m, 'q'));
  return g ? (g.role as 'this' | 'last' | 'next') : null;
};

const withYear = (tv: TV | null, m: RuleMatch): TV | null => {
  if (tv && cap(m, 'y')) tv.year = true;
  return tv;
};

/** Whether a number that ends at token `end` is followed by something that makes it money or a quantity ("jan 5k"). */
function unitAfter(t: Tagged, end: number, deal = true): boolean {
  const next = t.tokens[end];
  if (!next) return false;
  if (next.kind === 'num' && next.glued) return true;
  // "3/6 $76.12": a symbol written against the next number prices that number.
  const after = t.tokens[end + 1];
  if (next.kind === 'sym' && !next.glued && after?.kind === 'num' && after.glued) return false;
  // "2 for 700" makes a number a count, unless a clock marker said otherwise ("at 9 for 1200").
  return (t.at[end] ?? []).some((g) => (g.role === 'magnitude' || g.role === 'currency' || g.role === 'unit' || (g.role === 'each' && (deal || g.value !== 'deal'))) && (next.glued || g.role !== 'magnitude'));
}

/** "31 dec night", "14/10 raat": a part of the day after a date is when on that day, though "night" and "raat" are also units ("3 nights"). */
const partOfDayAfter = (t: Tagged, end: number): boolean => (t.at[end] ?? []).some((g) => g.role === 'part_of_day' && g.start === end);

const ACTIONS: Record<string, A> = {
  pass: (m) => valueOf<TV>(cap(m, 'x')) ?? null,

  dom: (m, t): Dom | null => {
    const c = cap(m, 'n')!;
    const d = num(t.tokens[c.start]);
    if (!(d >= 1 && d <= 31)) return null;
    const after = t.tokens[c.end];
    return { d, ord: m.end - c.end > 0, named: !!after && !after.glued && m.end > c.end };
  },
  // "el 30": a grammar row whose article before a bare day number says a day, as a suffix would.
  dom_det: (m, t): Dom | null => {
    const c = cap(m, 'n')!;
    const d = num(t.tokens[c.start]);
    return d >= 1 && d <= 31 ? { d, ord: true, det: true } : null;
  },
  dom_word: (m): Dom | null => {
    const g = tagOf(cap(m, 'o'));
    const d = Number(g?.value);
    return d >= 1 && d <= 31 ? { d, ord: true } : null;
  },
  year: (m, t, c): number | null => {
    const k = cap(m, 'y')!;
    let y = num(t.tokens[k.start]);
    if (y < 100) y += 2000;
    return plausibleYear(y, c) ? y : null;
  },
  count: (m, t): number | null => {
    const k = cap(m, 'n')!;
    const n = k.tag ? Number(k.tag.value) : num(t.tokens[k.start]);
    return Number.isInteger(n) && n >= 1 && n <= 400 ? n : null;
  },
  one: () => 1,
  two: () => 2,

  dmy: (m, t, c) => {
    const d = valueOf<Dom>(cap(m, 'd'))!;
    const mo = Number(tagOf(cap(m, 'm'))?.value);
    if (!cap(m, 'y') && unitAfter(t, m.end) && !partOfDayAfter(t, m.end)) return null;
    const date = monthDay(mo, d.d, yearOf(m), c);
    return date ? withYear(day(date, c, m.weight * (d.ord ? 1 : 0.97)), m) : null;
  },
  mdy: (m, t, c) => {
    const d = valueOf<Dom>(cap(m, 'd'))!;
    const mo = Number(tagOf(cap(m, 'm'))?.value);
    // "jan 5k", "dec 25 500" is fine, "june 15rs" is money.
    if (unitAfter(t, m.end)) return null;
    const date = monthDay(mo, d.d, yearOf(m), c);
    return date ? withYear(day(date, c, m.weight * (d.ord ? 1 : 0.95)), m) : null;
  },
  slash: (m, t, c) => {
    const a = num(t.tokens[cap(m, 'a')!.start]), b = num(t.tokens[cap(m, 'b')!.start]);
    const yc = cap(m, 'y');
    // "28/02/2031": a year is written, so the date is not "28/02" without it.
    if (!yc && t.tokens[m.end]?.text === '/' && t.tokens[m.end]!.glued && t.tokens[m.end + 1]?.kind === 'num' && t.tokens[m.end + 1]!.glued) return null;
    // "1/2 kg" is a fraction; "24/7" a word of its own.
    if (unitAfter(t, m.end) && !partOfDayAfter(t, m.end)) return null;
    if (t.tags.some((g) => g.start === m.start && g.end === m.end && !TIME_ROLES.has(g.role))) return null;
    const aT = t.tokens[cap(m, 'a')!.start]!.text, bT = t.tokens[cap(m, 'b')!.start]!.text;
    // "1/2 kg", "3/4 cake": a common fraction before a word measures it.
    if (!yc && a < b && [2, 3, 4, 8].includes(b) && t.tokens[m.end]?.kind === 'word' && !(t.at[m.end] ?? []).some((g) => TIME_ROLES.has(g.role))) return null;
    let y: number | null = null, mo: number, d: number;
    if (aT.length === 4) {
      // 2026/12/01
      if (!yc) return null;
      y = a;
      mo = b;
      d = num(t.tokens[yc.start]);
    } else {
      if (aT.length > 2 || bT.length > 2) return null;
      if (yc) {
        y = num(t.tokens[yc.start]);
        if (y < 100) y += 2000;
        if (!plausibleYear(y, c)) return null;
      }
      [d, mo] = c.dmy ? [a, b] : [b, a];
    }
    const date = monthDay(mo, d, y, c);
    return date ? withYear(day(date, c, m.weight * (yc ? 1.1 : 1)), m) : null;
  },
  dashed: (m, t, c) => {
    const at = t.tokens[cap(m, 'a')!.start]!.text, bt = t.tokens[cap(m, 'b')!.start]!.text, ct = t.tokens[cap(m, 'c')!.start]!.text;
    const a = Number(at), b = Number(bt), cc = Number(ct);
    let y: number, mo: number, d: number;
    if (at.length === 4 && bt.length <= 2 && ct.length <= 2) [y, mo, d] = [a, b, cc];
    else if (at.length <= 2 && bt.length <= 2 && (ct.length === 4 || ct.length === 2)) {
      y = ct.length === 2 ? 2000 + cc : cc;
      [d, mo] = c.dmy ? [a, b] : [b, a];
    } else return null;
    if (!plausibleYear(y, c) || !validDay(y, mo, d)) return null;
    const tv = day(ymd(y, mo, d), c, m.weight);
    tv.year = true;
    return tv;
  },
  dotted: (m, t, c) => {
    const k = t.tokens[cap(m, 'a')!.start]!;
    const x = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(k.text);
    if (!x) return null;
    let y = Number(x[3]);
    if (y < 100) y += 2000;
    const [d, mo] = c.dmy ? [Number(x[1]), Number(x[2])] : [Number(x[2]), Number(x[1])];
    if (!plausibleYear(y, c) || !validDay(y, mo, d)) return null;
    const tv = day(ymd(y, mo, d), c, m.weight);
    tv.year = true;
    return tv;
  },
  // "am 28.05", "1.6.": day and month with a dot where the dot is no decimal mark (German, Dutch …);
  // a month beyond 12 or three digits after the dot ("12.430") is a number, not a date.
  dotted_dm: (m, t, c) => {
    if (c.lc.pack.decimal !== ',') return null;
    const k = t.tokens[cap(m, 'a')!.start]!;
    const x = /^(\d{1,2})\.(\d{1,2})$/.exec(k.text);
    if (!x) return null;
    const [d, mo] = c.dmy ? [Number(x[1]), Number(x[2])] : [Number(x[2]), Number(x[1])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    // Money stays money when a currency is written against it ("2.50 €" never reaches here: decimal comma packs write 2,50).
    if (t.tags.some((g) => g.role === 'currency' && (g.start === m.end || g.end === m.start))) return null;
    const date = monthDay(mo, d, null, c);
    return date ? day(date, c, m.weight) : null;
  },
  ordday: (m, t, c) => {
    const d = valueOf<Dom>(cap(m, 'd'))!;
    if (!d.ord) return null;
    const q = qOf(m);
    // "3rd floor", "2nd installment", "3rd night shift": an ordinal that ranks the word after it is no date.
    const next = t.tokens[m.end];
    // "the 19th jims 8.25": an article opening the message before the ordinal says a day as "on" would.
    const opened = t.tokens[m.start - 1]?.norm === 'the' && atMessageStart(t, m.start - 1);
    const cued = cueBefore(t, m.start) || !!q || !!d.det || !!d.named || opened;
    // "the shop on 18th st": an ordinal naming a street is an address, cue or not.
    if (next && (t.at[m.end] ?? []).some((g) => g.role === 'label' && g.value === 'street:before')) return null;
    if (!cued && next && next.kind === 'word' && !(t.at[m.end] ?? []).some((g) => (TIME_ROLES.has(g.role) && g.role !== 'period_unit' && g.role !== 'part_of_day') || g.role === 'separator' || g.role === 'prep' || g.role === 'spend_verb')) return null;
    // "3rd of 12" counts installments.
    if (!q && next?.norm === 'of' && t.tokens[m.end + 1]?.kind === 'num') return null;
    // "jess's 30th", "mom's 60th": a birthday, not a day of the month.
    const prev = t.tokens[m.start - 1];
    if (!q && prev && /\p{L}['’]s$/u.test(prev.text)) return null;
    if (cued && next && next.kind === 'word' && (t.at[m.end] ?? []).some((g) => g.role === 'period_unit')) return null;
    let y = c.ty, mo = c.tm;
    if (q === 'last') [y, mo] = c.tm === 1 ? [c.ty - 1, 12] : [c.ty, c.tm - 1];
    else if (!q) {
      if (c.ahead ? d.d < c.td : d.d > c.td) {
        const shifted = addMonths(ymd(c.ty, c.tm, 1), c.ahead ? 1 : -1);
        [y, mo] = [Number(shifted.slice(0, 4)), Number(shifted.slice(5, 7))];
      }
    }
    if (!validDay(y, mo, d.d)) return null;
    const cue = cueBefore(t, m.start) || t.tokens[m.start]!.norm === 'the' || !!q || !!d.det;
    return day(ymd(y, mo, d.d), c, m.weight * (cue ? 1.2 : 1));
  },

  nth_day: (m, t, c) => {
    const d = valueOf<Dom>(cap(m, 'd'))!;
    const base = valueOf<TV>(cap(m, 'x'));
    if (!d.ord || !base?.from || !base.to || base.grain === 'day') return null;
    const date = addDays(base.from, d.d - 1);
    if (date > fullEnd(base)) return null;
    return day(date, c, m.weight);
  },

  rel: (m, t, c) => {
    const g = tagOf(cap(m, 'r'))!;
    const vals = (g.value ?? '').split('|').map(Number).filter((n) => Number.isFinite(n));
    if (!vals.length) return null;
    // "kal": yesterday, tomorrow when the message looks ahead (a question asks about the past).
    const off = vals.length > 1 ? (c.ahead ? vals.find((v) => v > 0) ?? vals[0]! : vals.find((v) => v < 0) ?? vals[0]!) : vals[0]!;
    return day(addDays(c.today, off), c, m.weight * (vals.length > 1 ? 0.95 : 1));
  },
  this_pod: (m, t, c) => day(c.today, c, m.weight),
  weekday: (m, t, c) => {
    const w = cap(m, 'w')!;
    // "black friday", "good friday": a day inside a holiday's name is the holiday's, not a weekday.
    if (t.tags.some((g) => g.role === 'holiday' && g.start <= w.start && g.end >= w.end && g.end - g.start > w.end - w.start)) return null;
    const wd = Number(w.tag!.value);
    const q = qOf(m);
    const h = homograph(t, w.start);
    if (h && !q && !cap(m, 'p')) {
      // In a record, a short day name beside the amount or closing the message is its day
      // ("brunch sat 44", "nyquil 13.49 wed"); "sat down", "the sun" are not.
      const prevNum = t.tokens[w.start - 1]?.kind === 'num', nextNum = t.tokens[w.end]?.kind === 'num';
      // ("haircut 200 on wed bro": a filler after it still leaves it closing the message.)
      const last = !t.tokens.slice(w.end).some((k) => (k.kind === 'word' && !(t.at[k.i] ?? []).some((g) => g.role === 'filler')) || k.kind === 'num');
      // A strong one ("wed", "sun") closes a record after an amount or a noun ("curry for dinner
      // wed"), never after a function word or a doer ("in the sun", "we wed").
      const prev = t.at[w.start - 1] ?? [];
      const afterNoun = t.tokens[w.start - 1]?.kind === 'word' && !prev.some((g) => STRONG_NOT_AFTER.has(g.role));
      const onDay = prev.some((g) => g.role === 'time_prep' && g.value === 'pre');
      const beside = c.mode === 'record' && (h === 'weak' ? prevNum || nextNum || last : last && (prevNum || afterNoun || onDay));
      // "cubs game sat: ticket 28", "sox game fri, tix 18": a short day name closing a heading or a
      // phrase before a comma is the day of what follows.
      const closes = c.mode === 'record' && h === 'weak' && (HEADING_MARKS.has(t.tokens[w.end]?.text ?? '') || t.tokens[w.end]?.text === ',');
      // "wed ventra 20": a day opening a record, unless a celebration follows ("wed anniversary gift").
      const opens = h === 'start' && c.mode === 'record' && atMessageStart(t, w.start) && !(t.at[w.end] ?? []).some((g) => g.role === 'celebration');
      // A postposition after it does what "on" does before it ("Mangal ko dentist", "dentist budh ko").
      // ("bhai sun na": a strong one's postposition that also negates, Telugu "na", is Hindi "na".)
      const dayPost = (t.at[w.end] ?? []).some((g) => g.role === 'time_prep' && g.value === 'post') && !(h === 'strong' && (t.at[w.end] ?? []).some((g) => g.role === 'negation'));
      const ok = (h === 'weak' ? atMessageStart(t, w.start) || cueBefore(t, w.start) : false) || dayPost || beside || closes || opens;
      if (!ok) return null;
    }
    // "wed - rapido 48, chai 15": a day heading the day's list, written on that weekday, is today.
    const heading = c.mode === 'record' && !q && wd === c.td0 && atMessageStart(t, w.start) && HEADING_MARKS.has(t.tokens[w.end]?.text ?? '');
    const r = heading ? { date: c.today, future: false } : weekdayDate(wd, q, c);
    const tv = day(r.date, c, m.weight * (h ? 0.9 : 1));
    tv.future = r.future || r.date > c.today;
    if (!q) tv.recurs = [wd];
    return tv;
  },

  weekday_of_week: (m, t, c) => {
    const qg = tagOf(cap(m, 'q'))!;
    if (qg.value === 'post' || qg.value === 'rolling') return null;
    const wd = Number(tagOf(cap(m, 'w'))!.value);
    const which = qg.role === 'last' ? -1 : qg.role === 'next' ? 1 : 0;
    const start = addDays(startOfWeek(c.today, c.lc.weekStartsOn), 7 * which);
    const d = addDays(start, (wd - weekday(start) + 7) % 7);
    return day(d, c, m.weight);
  },
  period: (m, t, c) => {
    const u = tagOf(cap(m, 'u'))!;
    const qg = tagOf(cap(m, 'q'))!;
    const post = cap(m, 'q')!.start > cap(m, 'u')!.start;
    // "la semaine dernière": only words that follow their period may.
    if (post !== (qg.value === 'post')) return null;
    if (qg.role === 'last' && qg.value === 'rolling') {
      // "the past week", "over the last month": the window ending today.
      return rolling(1, u.value!, c, m.weight);
    }
    const which = qg.role === 'last' ? -1 : qg.role === 'next' ? 1 : 0;
    return periodRange(u.value!, which, c, m.weight);
  },
  rolling: (m, t, c) => {
    const n = valueOf<number>(cap(m, 'n'))!;
    const u = tagOf(cap(m, 'u'))!;
    const q = tagOf(cap(m, 'q'))!;
    if (q.value === 'post') return null;
    return rolling(n, u.value!, c, m.weight);
  },
  ago: (m, t, c) => {
    const n = valueOf<number>(cap(m, 'n'))!;
    const a = tagOf(cap(m, 'a'))!;
    // Marathi "2 divsapurvi": one word holds the unit and "ago".
    const u = (cap(m, 'u') ? tagOf(cap(m, 'u')) : t.tags.find((g) => g.role === 'period_unit' && g.start === cap(m, 'a')!.start && g.end === cap(m, 'a')!.end))?.value;
    if (!u) return null;
    const post = cap(m, 'a')!.start > cap(m, 'n')!.start;
    if ((a.value === 'post') !== post) return null;
    // "200 day before yesterday": the unit belongs to a longer time phrase, so the number is no count.
    if (t.tags.some((g) => g.start <= (cap(m, 'u') ?? cap(m, 'a'))!.start && g.end > m.end && g.role === 'relative_day')) return null;
    let d: IsoDate;
    if (u === 'day') d = addDays(c.today, -n);
    else if (u === 'week') d = addDays(c.today, -7 * n);
    else if (u === 'fortnight') d = addDays(c.today, -14 * n);
    else if (u === 'month') d = addMonths(c.today, -n);
    else if (u === 'year') d = addMonths(c.today, -12 * n);
    else return null;
    return day(d, c, m.weight);
  },
  weekend: (m, t, c) => ({ ...weekendRange(0, c, m.weight), recurs: [0, 6] }),
  month: (m, t, c) => {
    const mg = cap(m, 'm')!;
    const mo = Number(mg.tag!.value);
    const q = qOf(m);
    const y = yearOf(m);
    // A record's bare month names what it paid for ("november rent"); a date needs a cue there.
    if ((homograph(t, mg.start) || c.mode === 'record') && !q && y === null && !cueBefore(t, mg.start) && !(c.mode === 'question' && besideMonth(t, mg.start))) return null;
    // "paid the maid for the month of November": in a record the month it is for is what was paid for.
    if (c.mode === 'record' && !q && y === null && forTheMonthOf(t, mg.start)) return null;
    // "may" needs a cue even with "in" when the next word is a verb-ish word; a strong homograph after "in" is fine.
    return monthRange(mo, y, q, c, m.weight * (q || y !== null || cueBefore(t, mg.start) ? 1.1 : 1));
  },
  yearp: (m, t, c) => {
    const y = valueOf<number>(cap(m, 'y'));
    if (y === undefined) return null;
    const p = tagOf(cap(m, 'p'));
    if (p && p.value !== 'pre') return null;
    const tv = range(ymd(y, 1, 1), ymd(y, 12, 31), 'year', `in ${y}`, c, m.weight, ymd(y, 1, 1) > c.today);
    tv.year = true;
    return tv;
  },
  this_unit: (m, t, c) => periodRange(tagOf(cap(m, 'u'))!.value!, 0, c, m.weight),
  quarter: (m, t, c) => {
    const g = tagOf(cap(m, 'q')) ?? tagOf(cap(m, 'o'));
    const q = Number(g?.value);
    if (!(q >= 1 && q <= 4)) return null;
    // "school fees Q3 28,400", "Q4 advance tax": in a record a bare quarter says what was paid for, not when.
    if (c.mode === 'record' && yearOf(m) === null && !cueBefore(t, m.start)) return null;
    const cq = Math.floor((c.tm - 1) / 3) + 1;
    const y = yearOf(m) ?? (c.ahead ? (q >= cq ? c.ty : c.ty + 1) : q <= cq ? c.ty : c.ty - 1);
    const from = ymd(y, (q - 1) * 3 + 1, 1);
    return withYear(range(from, addDays(addMonths(from, 3), -1), 'quarter', `in Q${q}${y !== c.ty ? ' ' + y : ''}`, c, m.weight, from > c.today), m);
  },
  season: (m, t, c) => {
    const s = cap(m, 's')!;
    const q = qOf(m);
    const y = yearOf(m);
    if ((homograph(t, s.start) || c.mode === 'record') && !q && y === null && !cueBefore(t, s.start)) return null;
    const sp = yearlySpan(`season:${s.tag!.value}`, y, q, false, c);
    if (!sp) return null;
    const name = s.tag!.value!;
    return withYear(range(sp.from, sp.to, 'season', `in ${q === 'last' ? 'last ' : ''}${name}${y !== null ? ' ' + y : ''}`, c, m.weight, sp.from > c.today), m);
  },
  holiday: (m, t, c) => {
    const h = cap(m, 'h')!;
    const key = h.tag!.value!;
    const q = qOf(m);
    const y = yearOf(m);
    const over = !!cap(m, 'o') || !!cap(m, 'u');
    // "diwali crackers", "christmas tree": in a record a holiday's name alone says what, not when.
    // A holiday heading the message ("black friday: old navy 64") says when.
    const heading = atMessageStart(t, h.start) && HEADING_MARKS.has(t.tokens[h.end]?.text ?? '');
    if ((homograph(t, h.start) || c.mode === 'record') && !q && y === null && !over && !heading && !cueBefore(t, h.start)) return null;
    // "a bag of Halloween candy", "tickets to the Christmas show": a holiday's name before a thing
    // names the thing, even after a cue ("of", "to the").
    if (c.mode === 'record' && !q && y === null && !over && !heading && namesThingAfter(t, h.end)) return null;
    // "what christmas decorations did we buy?", "which diwali sweets": in a question a holiday's
    // name between "what"/"which" and a thing names the kind of thing asked about;
    // "what did we spend over christmas", "which week of diwali" stay times.
    if (c.mode === 'question' && !q && y === null && !over && askedKindBefore(t, h.start) && namesThingAfter(t, h.end)) return null;
    const info = holidayInfo(key, c.lc.pack.regions);
    if (!info) return null;
    const sp = yearlySpan(key, y, q, over, c);
    if (!sp) return null;
    const label = `${over ? 'over' : 'on'} ${info.label}${y !== null ? ' ' + y : ''}`;
    const tv = sp.from === sp.to ? day(sp.from, c, m.weight, label) : range(sp.from, sp.to, 'custom', label, c, m.weight, sp.from > c.today);
    return withYear(tv, m);
  },
  nth_week: (m, t, c) => {
    const base = valueOf<TV>(cap(m, 'x'));
    const o = cap(m, 'o')!;
    const n = o.tag ? Number(o.tag.value) : (o.value as Dom | undefined)?.d;
    const unit = tagOf(cap(m, 'u'))!.value!;
    if (!base?.from || !base.to || n === undefined || !Number.isInteger(n) || n === 0 || n > 5 || n < -1) return null;
    const len = unit === 'fortnight' ? 14 : 7;
    const start = base.from;
    const end = base.grain === 'month' || base.grain === 'year' || base.grain === 'quarter' ? fullEnd(base) : base.to;
    let from: IsoDate, to: IsoDate;
    if (n === -1) [from, to] = [addDays(end, -(len - 1)), end];
    else [from, to] = [addDays(start, (n - 1) * len), addDays(start, n * len - 1)];
    if (from > end) return null;
    if (to > end) to = end;
    const word = n === -1 ? 'last' : ['first', 'second', 'third', 'fourth', 'fifth'][n - 1]!;
    return range(from, to, 'custom', `in the ${word} ${unit} of ${baseName(base)}`, c, m.weight);
  },
  half: (m, t, c) => {
    const base = valueOf<TV>(cap(m, 'x'));
    const h = tagOf(cap(m, 'h'))!.value;
    if (!base?.from || !base.to) return null;
    const end = fullEnd(base);
    const span = daysBetween(base.from, end) + 1;
    let mid: IsoDate;
    if (base.grain === 'month') mid = addDays(base.from, 14);
    else if (base.grain === 'year') mid = ymd(Number(base.from.slice(0, 4)), 6, 30);
    else mid = addDays(base.from, Math.floor(span / 2) - 1);
    const [from, to] = h === 'first' ? [base.from, mid] : [addDays(mid, 1), end];
    if (from > c.today && c.mode === 'question' && !base.future) return null;
    return range(from, to, 'custom', `in the ${h} half of ${baseName(base)}`, c, m.weight);
  },
  period_part: (m, t, c) => {
    const base = valueOf<TV>(cap(m, 'x'));
    const p = tagOf(cap(m, 'p'))!.value;
    if (!base?.from || !base.to) return null;
    const end = fullEnd(base);
    const span = daysBetween(base.from, end) + 1;
    const third = Math.max(1, Math.round(span / 3));
    let from: IsoDate, to: IsoDate;
    if (p === 'early') [from, to] = [base.from, addDays(base.from, (base.grain === 'month' ? 10 : third) - 1)];
    else if (p === 'mid') [from, to] = base.grain === 'month' ? [addDays(base.from, 10), addDays(base.from, 19)] : [addDays(base.from, third), addDays(base.from, 2 * third - 1)];
    else [from, to] = [base.grain === 'month' ? addDays(base.from, 20) : addDays(base.from, 2 * third), end];
    if (from > c.today && c.mode === 'question' && !base.future) return null;
    const word = p === 'early' ? 'early' : p === 'mid' ? 'mid' : 'late';
    return range(from, to, 'custom', `in ${word} ${baseName(base)}`, c, m.weight);
  },

  span: (m, t, c) => {
    const a = valueOf<TV>(cap(m, 'a')), b = valueOf<TV>(cap(m, 'b'));
    if (!a?.from || !b?.to || a.kind === 'clock' || b.kind === 'clock') return null;
    let from = a.from;
    const to = b.grain === 'day' ? b.from! : rawEnd(b);
    // "Dec 28 to Jan 3" said in January: the start belongs to the year before.
    if (from > to && !a.year) from = ymd(Number(from.slice(0, 4)) - 1, Number(from.slice(5, 7)), Math.min(Number(from.slice(8)), daysInMonth(Number(from.slice(0, 4)) - 1, Number(from.slice(5, 7)))));
    if (from > to) return null;
    return range(from, to, 'custom', `from ${formatDay(from, c.today)} to ${formatDay(to, c.today)}`, c, m.weight * Math.min(a.conf, b.conf) * 1.1, from > c.today);
  },
  dayspan: (m, t, c) => {
    const a = valueOf<Dom>(cap(m, 'a'))!, b = valueOf<Dom>(cap(m, 'b'))!;
    const mo = Number(tagOf(cap(m, 'm'))?.value);
    if (a.d >= b.d) return null;
    if (!cap(m, 'y') && unitAfter(t, m.end)) return null;
    const start = monthDay(mo, a.d, yearOf(m), c);
    if (!start) return null;
    const y = Number(start.slice(0, 4));
    if (!validDay(y, mo, b.d)) return null;
    const to = ymd(y, mo, b.d);
    return withYear(range(start, to, 'custom', `from ${formatDay(start, c.today)} to ${formatDay(to, c.today)}`, c, m.weight, start > c.today), m);
  },
  since: (m, t, c) => {
    const x = valueOf<TV>(cap(m, 'x'));
    const s = tagOf(cap(m, 's'));
    if (!x?.from || x.kind === 'clock') return null;
    if (s) {
      const post = cap(m, 's')!.start > cap(m, 'x')!.start;
      if (post !== (s.value === 'post' || s.value === 'after_post')) return null;
    }
    const from = s?.value === 'after' || s?.value === 'after_post' ? addDays(rawEnd(x), 1) : x.from;
    if (from > c.today) return null;
    const tv = range(from, c.today, 'custom', `since ${formatDay(from, c.today)}`, c, m.weight * x.conf);
    tv.open = 'since';
    return tv;
  },
  until: (m, t, c) => {
    const x = valueOf<TV>(cap(m, 'x'));
    const s = tagOf(cap(m, 's'))!;
    if (!x?.from || x.kind === 'clock') return null;
    const post = cap(m, 's')!.start > cap(m, 'x')!.start;
    if (post !== (s.value === 'post')) return null;
    const to = s.value === 'before' ? addDays(x.from, -1) : rawEnd(x);
    const tv: TV = { kind: 'range', from: null, to: c.mode === 'question' && to > c.today ? c.today : to, grain: 'custom', future: false, label: `until ${formatDay(to, c.today)}`, conf: m.weight * x.conf, open: 'until' };
    return tv;
  },

  clock: (m, t, c) => clockOf(m, t, c, false),
  clock_at: (m, t, c) => clockOf(m, t, c, true),
  pod: (m, t, c) => {
    const p = cap(m, 'p')!;
    if (homograph(t, p.start) && !cueBefore(t, p.start)) return null;
    return { kind: 'part_of_day', from: null, to: null, grain: 'day', future: false, label: p.tag!.value!, conf: m.weight } satisfies TV;
  },
  wset: (m, t, c) => {
    const w = tagOf(cap(m, 'w'))!;
    const days = w.role === 'weekday' ? [Number(w.value)] : w.value!.split(',').map(Number);
    return { kind: 'range', from: null, to: null, grain: 'custom', future: false, label: weekdaySetLabel(days), conf: m.weight, weekdays: days } satisfies TV;
  },
  prep: (m, t, c) => {
    const x = valueOf<TV>(cap(m, 'x'));
    const p = cap(m, 'p')!;
    if (!x) return null;
    const post = p.start > cap(m, 'x')!.start;
    if ((p.tag!.value === 'post') !== post) return null;
    return { ...x, conf: Math.min(1, x.conf * 1.05) };
  },
};

function rolling(n: number, unit: string, c: Ctx, conf: number): TV | null {
  const t = c.today;
  let from: IsoDate, word: string;
  if (unit === 'day') [from, word] = [addDays(t, -(n - 1)), 'day'];
  else if (unit === 'week') [from, word] = [addDays(t, -(7 * n - 1)), 'week'];
  else if (unit === 'fortnight') [from, word] = [addDays(t, -(14 * n - 1)), 'fortnight'];
  else if (unit === 'month') [from, word] = [addDays(addMonths(t, -n), 1), 'month'];
  else if (unit === 'quarter') [from, word] = [addDays(addMonths(t, -3 * n), 1), 'quarter'];
  else if (unit === 'year') [from, word] = [addDays(addMonths(t, -12 * n), 1), 'year'];
  else return null;
  const label = unit === 'week' && n === 1 ? 'in the last 7 days' : `in the last ${n === 1 ? word : `${n} ${word}s`}`;
  return range(from, t, 'custom', label, c, conf);
}

/** The end of a stretch before a question clipped it to today. */
function fullEnd(b: TV): IsoDate {
  if (!b.from) return b.to!;
  if (b.grain === 'month') return endOfMonth(b.from);
  if (b.grain === 'year') return ymd(Number(b.from.slice(0, 4)), 12, 31);
  if (b.grain === 'quarter') return addDays(addMonths(b.from, 3), -1);
  if (b.grain === 'week') return addDays(b.from, 6);
  return b.to ?? b.from;
}

function rawEnd(b: TV): IsoDate {
  return b.to ?? b.from!;
}

function baseName(b: TV): string {
  if (b.grain === 'month' && b.from) return monthName(Number(b.from.slice(5, 7)));
  if (b.grain === 'year' && b.from) return b.from.slice(0, 4);
  return b.label.replace(/^(in|on) /, '');
}

const WD_LABEL = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];

export function weekdaySetLabel(days: readonly number[]): string {
  if (days.length === 2 && days.includes(0) && days.includes(6)) return 'on weekends';
  if (days.length === 5 && !days.includes(0) && !days.includes(6)) return 'on weekdays';
  return `on ${days.map((d) => WD_LABEL[d]).join(' and ')}`;
}

function clockOf(m: RuleMatch, t: Tagged, c: Ctx, bareAt: boolean): TV | null {
  const h = num(t.tokens[cap(m, 'h')!.start]);
  const mc = cap(m, 'mm');
  const mm = mc ? num(t.tokens[mc.start]) : 0;
  const ampm = tagOf(cap(m, 'c'))?.value ?? null;
  if (!(h >= 0 && h <= 23) || !(mm >= 0 && mm <= 59)) return null;
  if (ampm && (h < 1 || h > 12)) return null;
  if (mc && t.tokens[mc.start]!.text.length !== 2) return null;
  if (bareAt && !mc && !ampm && !cap(m, 'p')) {
    // "at 9" is a time only when the amount is elsewhere ("dinner at 9 for 1200"), never "samosa at 10 each".
    if (h < 1 || h > 12 || unitAfter(t, m.end, false)) return null;
    const other = t.tokens.some((k) => k.kind === 'num' && (k.i < m.start || k.i >= m.end) && (Number(k.text.replace(/[,']/g, '')) > 12 || k.text.includes('.')));
    if (!other) return null;
  }
  if (unitAfter(t, m.end, !bareAt) && !ampm) return null;
  const hh = ampm === 'pm' && h < 12 ? h + 12 : ampm === 'am' && h === 12 ? 0 : h;
  return { kind: 'clock', from: null, to: null, grain: 'day', future: false, label: `at ${pad(hh)}:${pad(mm)}`, conf: m.weight };
}

// ------------------------------------------------------------------------------ predicates

const P: Record<string, Predicate<Ctx>> = {
  dom_num: (k) => k.kind === 'num' && D1_2.test(k.text) && Number(k.text) >= 1 && Number(k.text) <= 31,
  num: (k) => k.kind === 'num' && D1_4.test(k.text),
  yearfull: (k) => k.kind === 'num' && YEAR4.test(k.text),
  yy: (k) => k.kind === 'num' && D2.test(k.text),
  yearish: (k) => k.kind === 'num' && YEARISH.test(k.text),
  dotted: (k) => k.kind === 'num' && DOTTED.test(k.text),
  dotted_dm: (k) => k.kind === 'num' && DOTTED_DM.test(k.text),
  count: (k) => k.kind === 'num' && D1_3.test(k.text),
  hour: (k) => k.kind === 'num' && D1_2.test(k.text),
  minute: (k) => k.kind === 'num' && D2.test(k.text),
  ord_suffix: (k, t, c) => k.kind === 'word' && k.glued && c.lc.vocab.lookup(k.norm).some((e) => e.role === 'ordinal_suffix'),
};

// ------------------------------------------------------------------------------ grammar

let grammar: Grammar<Ctx> | null = null;
let literals: Set<string> | null = null;

function timeGrammar(): Grammar<Ctx> {
  if (!grammar) {
    const rules = readRuleFile(fileURLToPath(new URL('../vocab/grammar/time.tsv', import.meta.url)));
    grammar = new Grammar<Ctx>({ rules, actions: ACTIONS, predicates: P });
    literals = grammar.literals();
  }
  return grammar;
}

/** Loads and checks the time grammar (a bad rule row throws naming its file and line). */
export function validateTimeGrammar(): void {
  timeGrammar();
}

/** Today's parts, kept for the day they are of (every message of a day asks for the same). */
let todayParts: { today: IsoDate; ty: number; tm: number; td: number; td0: number } | null = null;

function contextOf(lc: LanguageContext, opts: TimeOptions): Ctx {
  if (todayParts?.today !== lc.today) {
    const [ty, tm, td] = lc.today.split('-').map(Number) as [number, number, number];
    todayParts = { today: lc.today, ty, tm, td, td0: weekday(lc.today) };
  }
  const { ty, tm, td, td0 } = todayParts;
  return {
    lc, today: lc.today, ty, tm, td, td0, mode: opts.mode,
    ahead: opts.mode === 'record' && opts.tense === 'future', past: opts.tense === 'past', dmy: lc.pack.dateOrder !== 'MDY',
  };
}


/**
 * Every time reading of a message (overlapping ones included; `bestTimes` picks), resolved against
 * the context's today, date order and the message's tense.
 * e.g. readTimes(analyze('spent 500 on 3rd', lc), lc, { mode: 'record' })[0].from === '2026-12-03' (on 5 Dec 2026)
 */
export function readTimes(t: Tagged, lc: LanguageContext, opts: TimeOptions): TimeReading[] {
  const g = timeGrammar();
  const n = t.tokens.length;
  // A cheap gate: a time phrase holds a time word that means a time by itself (a day, a month, a
  // period ...) or a number written like a date ("12/1", "2026-12-01", "1.12.2026", "3rd", "9:30");
  // "chai 20 at the tapri" never reaches the grammar. Phrases start a few tokens before such a word.
  const content: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = t.tokens[i]!;
    if (k.kind === 'num' ? DOTTED.test(k.text) || dateLike(t, i) || afterTimePrep(t, i) || (YEAR4.test(k.text) && i > 0 && (cueBefore(t, i) || t.tokens[i - 1]!.norm === 'year')) : hasRoleIn(t.at[i], CONTENT_ROLES, false)) content.push(i);
  }
  if (!content.length) return [];
  // Where a time phrase can start: a time word, a number, or a word a rule opens with ("the", "every")
  // that has a time word or a number within the next three tokens.
  const core = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    const k = t.tokens[i]!;
    core[i] = k.kind === 'num' || hasRoleIn(t.at[i], TIME_ROLES, true);
  }
  const near = new Array<boolean>(n).fill(false);
  for (const c of content) for (let i = Math.max(0, c - 5); i <= c; i++) near[i] = true;
  const starts: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = t.tokens[i]!;
    if (!near[i]) continue;
    if (core[i]) starts.push(i);
    else if ((k.kind === 'punct' && k.text === "'") || (k.kind === 'word' && literals!.has(k.norm) && (core[i + 1] || core[i + 2] || core[i + 3]))) starts.push(i);
  }
  if (!starts.length) return [];
  const c = contextOf(lc, opts);
  const parses = g.parseFrom<TV>('time', t, c, starts);
  // One reading per span: the surest.
  const bySpan = new Map<string, { start: number; end: number; v: TV; rule: string }>();
  for (const p of parses) {
    const key = `${p.start}:${p.end}`;
    const cur = bySpan.get(key);
    if (!cur || p.value.conf > cur.v.conf) bySpan.set(key, { start: p.start, end: p.end, v: p.value, rule: p.rule });
  }
  const out: TimeReading[] = [];
  for (const { start, end, v } of bySpan.values()) out.push(toReading(start, end, v, c));
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Whether a tag of these roles (or, with `number`, a number word) starts here. */
function hasRoleIn(at: readonly Tag[] | undefined, roles: ReadonlySet<Role>, number: boolean): boolean {
  if (!at) return false;
  for (let j = 0; j < at.length; j++) if (roles.has(at[j]!.role) || (number && at[j]!.role === 'number')) return true;
  return false;
}

/** A number right after a word that opens a time phrase ("el 30"): the grammar's rows decide whether it is a day. */
function afterTimePrep(t: Tagged, i: number): boolean {
  if (i === 0) return false;
  for (const g of t.at[i - 1] ?? []) if (g.role === 'time_prep' && g.value === 'pre' && g.end === i) return true;
  return false;
}

function dateLike(t: Tagged, i: number): boolean {
  const n = t.tokens[i + 1];
  if (!n || !n.glued) return false;
  if (n.kind === 'punct') return n.text === '/' || n.text === '-' || n.text === ':';
  return n.kind === 'word';
}

function toReading(start: number, end: number, v: TV, c: Ctx): TimeReading {
  const r: TimeReading = { start, end, kind: v.kind, from: v.from, to: v.to, grain: v.grain, future: v.future, score: Math.min(1, Math.round(v.conf * 1000) / 1000), label: v.label };
  if (v.open) r.open = v.open;
  if (v.weekdays) r.weekdays = v.weekdays;
  if (v.recurs && c.mode === 'question') r.recurs = v.recurs;
  if (c.mode === 'record' && v.kind === 'range' && v.from && v.to && v.from !== v.to) {
    // A record "this month" happened today; "last week" about a week ago; "in november" at its start.
    if (v.from <= c.today && c.today <= v.to) r.day = c.today;
    else if (v.grain === 'week' && v.to < c.today) r.day = addDays(c.today, -7) >= v.from && addDays(c.today, -7) <= v.to ? addDays(c.today, -7) : v.from;
    else r.day = v.from;
  } else if (v.kind === 'day' && v.from) r.day = v.from;
  return r;
}

/**
 * The readings a message means: the best set of non-overlapping ones (a longer reading that holds a
 * shorter one wins when it is about as sure), in message order. A bare weekday beside a longer stretch
 * recurs ("wednesday spends this month" = Wednesdays of this month).
 */
export function bestTimes(rs: readonly TimeReading[]): TimeReading[] {
  const best = bestCover(rs, (r) => r.score * (r.end - r.start));
  const long = best.find((r) => r.kind === 'range' && r.from && r.to && (daysBetween(r.from, r.to) > 6 || ['month', 'quarter', 'season', 'year'].includes(r.grain)));
  if (!long) return best;
  return best.map((r) => (r.recurs && r !== long ? { ...r, from: null, to: null, kind: 'range' as const, weekdays: r.recurs, label: weekdaySetLabel(r.recurs), day: undefined } : r)).map((r) => {
    if (r.day === undefined) delete r.day;
    return r;
  });
}

export type { TimeReading, TimeOptions, TimeGrain };
