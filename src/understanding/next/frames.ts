/**
 * @module understanding/next/frames
 * Expense readings: from a tagged message, its number readings (money, quantities, labels), its
 * time readings and its lexicon terms to the expenses it records. Every way of reading the numbers
 * (each one money, a count, or not an amount) and every way of cutting the words between amounts
 * into expenses is a candidate reading; each is scored by the features below; the best wins and
 * its margin over the runner-up is a real confidence. A new phrasing moves a weight or adds a
 * vocabulary row; it never adds a branch for one sentence.
 */
import type { Tagged } from '../../language/tagger.js';
import type { KnownTerm } from '../../categories/index.js';
import type { Role } from '../../language/vocab/roles.js';
import type { MoneyReading, NumberAnalysis, QuantityReading } from './numbers.js';
import type { TimeReading } from '../../language/time/index.js';
import { chunksOf } from './extract.js';

/** Feature weights of a reading. One table, so tuning is visible and reviewable. */
export const W = {
  money: 1.0, // × the money grammar's score
  moneyCurrency: 0.3, // a currency was written with it
  qty: 0.8, // × the quantity reading's score
  qtyBeforeThing: 0.5, // a count right before an item word ("2 beer")
  qtyPricePosition: -0.9, // a bare count right after an item, closing its phrase ("chai 10 biscuit 20")
  unused: -1.2, // a number read as nothing
  unusedLabel: 0.4, // × label score: a labelled number (order #, flat 402) is rightly nothing
  inTerm: 0.6, // a number inside a lexicon name ("7 up", "24 mantra")
  inTime: 0.6, // a number inside a date or time
  frameItem: 1.0, // the expense names a known item
  frameWeakItem: 0.5, // ... only a generic item ("bill", "order")
  frameMerchant: 0.8, // the expense names a known merchant
  frameWords: 0.45, // the expense has unknown content words
  frameEmpty: -2.2, // the expense says nothing of what it was
  extraUnknown: -0.08, // each unknown word beyond three in one expense
  sepBoundary: 0.35, // a cut between expenses falls at a separator
  cutWithoutSep: -0.35, // a cut falls elsewhere while the region has a separator
  orientation: 0.3, // every expense puts its words on the same side of its amount
  twoItemsOneAmount: -0.25, // one amount carries two known items with no "and" between them
  moneyCountPosition: -1.5, // a bare small whole number opening a phrase, right before a thing, read as money
  frameOnlyPlace: -1.2, // an expense whose words only say where it was
  shareBonus: 2.0, // "my share 400": that amount is the expense and the bill's total is not
  totalBonus: 1.6, // "forty-five plus the tip, so fifty-five total": the whole is the expense
  partAsMoney: 3.2, // ... and its parts (or a price per gallon beside what was paid) are no expense of their own
} as const;

export interface FrameTokens {
  money: MoneyReading;
  /** Content token indices of this expense (sorted). */
  content: number[];
  qty: QuantityReading | null;
}

export interface Reading {
  frames: FrameTokens[];
  score: number;
  /** Number sites read as nothing (labels, parts of names, or unexplained). */
  unused: number[];
}

export interface ReadingResult {
  best: Reading | null;
  /** Score of the best reading minus the best one with a different set of amounts. */
  margin: number;
  alternatives: number;
}

type Cls = 'sep' | 'nl' | 'prep' | 'postp' | 'verb' | 'glue' | 'term' | 'word' | 'time' | 'label' | 'num' | 'punct' | 'other';

interface Site {
  start: number;
  end: number;
  money: MoneyReading | null;
  qty: QuantityReading | null;
  labelScore: number;
  inTerm: boolean;
  inTime: boolean;
  /** Right after "my share", "my half": the owner's part of a shared bill. */
  share: boolean;
  /** Marked as the whole of what came before ("so 55 total") in a message that priced a tip or a rate. */
  total: boolean;
  /** A price per measure ("$2.79 a gallon", "1.99 per lb"): what things cost, not what was paid. */
  rate: boolean;
}

interface Prepared {
  t: Tagged;
  cls: Cls[];
  /** Known lexicon term covering each token (item or merchant), if any. */
  termAt: (KnownTerm | null)[];
  sites: Site[];
  hasSep: (a: number, b: number) => boolean;
}

const SEP_ROLES: ReadonlySet<Role> = new Set(['separator']);
const GLUE_ROLES: ReadonlySet<Role> = new Set<Role>(['glue', 'filler', 'approx', 'each', 'self', 'negation', 'hypothetical', 'plan', 'wish', 'payment_method', 'tip', 'tax', 'share', 'clause_break']);

function classify(t: Tagged, terms: readonly KnownTerm[], times: readonly TimeReading[], nums: NumberAnalysis): { cls: Cls[]; termAt: (KnownTerm | null)[] } {
  const n = t.tokens.length;
  const cls: Cls[] = new Array(n).fill('other');
  const termAt: (KnownTerm | null)[] = new Array(n).fill(null);
  for (const k of terms) for (let i = k.start; i < k.end; i++) termAt[i] = k;
  const roleAt = (i: number, roles: ReadonlySet<Role>): boolean => (t.at[i] ?? []).some((g) => roles.has(g.role) && g.end === i + 1) || t.tags.some((g) => roles.has(g.role) && g.start <= i && i < g.end && g.end - g.start > 1);
  for (let i = 0; i < n; i++) {
    const tk = t.tokens[i]!;
    if (tk.kind === 'newline') cls[i] = 'nl';
    else if (tk.kind === 'num') cls[i] = 'num';
    else if (tk.kind === 'punct') cls[i] = tk.text === ',' || tk.text === ';' || tk.text === '+' ? 'sep' : 'punct';
    else if (tk.kind === 'sym') cls[i] = tk.text === '+' || tk.text === '&' ? 'sep' : tk.text === '@' ? 'prep' : 'other';
    else if (termAt[i]) cls[i] = 'term';
    else if (tk.kind === 'emoji') cls[i] = 'other';
    else if (roleAt(i, SEP_ROLES)) cls[i] = 'sep';
    else if ((t.at[i] ?? []).some((g) => g.role === 'prep')) cls[i] = 'prep';
    else if ((t.at[i] ?? []).some((g) => g.role === 'postp')) cls[i] = 'postp';
    else if (t.tags.some((g) => (g.role === 'spend_verb' || g.role === 'obtain_verb') && g.start <= i && i < g.end)) cls[i] = 'verb';
    else if (t.tags.some((g) => GLUE_ROLES.has(g.role) && g.start <= i && i < g.end)) cls[i] = 'glue';
    // Who it was for ("for mom", "for the team") says nothing of what was bought; paid help does.
    else if (t.tags.some((g) => g.role === 'kin' && g.value !== 'help' && g.start <= i && i < g.end)) cls[i] = 'glue';
    else cls[i] = 'word';
  }
  for (const r of times) for (let i = r.start; i < r.end; i++) if (cls[i] !== 'term' || r.end - r.start > 1) cls[i] = 'time';
  for (const l of nums.labels) for (let i = l.start; i < l.end; i++) if (cls[i] === 'num') cls[i] = 'label';
  return { cls, termAt };
}

/** Number sites: one per cluster of overlapping money/quantity readings, in message order. */
function sitesOf(nums: NumberAnalysis, times: readonly TimeReading[], termAt: readonly (KnownTerm | null)[], t: Tagged): Site[] {
  type Cand = { start: number; end: number; money: MoneyReading | null; qty: QuantityReading | null };
  const cands: Cand[] = [];
  for (const m of nums.money) cands.push({ start: m.start, end: m.end, money: m, qty: null });
  for (const q of nums.quantities) cands.push({ start: q.start, end: q.end, money: null, qty: q });
  cands.sort((a, b) => a.start - b.start || b.end - a.end);
  const sites: Site[] = [];
  for (const c of cands) {
    const last = sites[sites.length - 1];
    if (last && c.start < last.end) {
      last.end = Math.max(last.end, c.end);
      if (c.money && (!last.money || c.money.score > last.money.score || (c.money.score === last.money.score && c.money.end - c.money.start > last.money.end - last.money.start))) last.money = c.money;
      if (c.qty && (!last.qty || c.qty.score > last.qty.score)) last.qty = c.qty;
      continue;
    }
    sites.push({ start: c.start, end: c.end, money: c.money, qty: c.qty, labelScore: 0, inTerm: false, inTime: false, share: false, total: false, rate: false });
  }
  for (const s of sites) {
    for (const l of nums.labels) if (l.start < s.end && s.start < l.end) s.labelScore = Math.max(s.labelScore, l.score);
    for (let i = s.start; i < s.end; i++) {
      const k = termAt[i];
      if (k && t.tokens[i]!.kind === 'num' && k.end - k.start > 1) s.inTerm = true;
    }
    for (const r of times) if (r.start < s.end && s.start < r.end && !(s.money?.currencyWritten)) s.inTime = true;
    s.share = t.tags.some((g) => g.role === 'share' && g.end <= s.start && s.start - g.end <= 2 && /^(my|mera|meri)\b|half|share|part|cut|portion/.test(g.phrase) && /^(my|mera)/.test(g.phrase));
  }
  // "$2.79 a gallon", "1.99 per lb": a price per measure.
  for (const s of sites) {
    const perWord = /^(a|an|per|\/)$/.test(t.tokens[s.end]?.norm ?? '');
    s.rate = !!s.money && perWord && (t.at[s.end + 1] ?? []).some((g) => g.role === 'unit' && (g.value === 'mass' || g.value === 'volume' || g.value === 'distance'));
  }
  // "a pedicure, forty-five plus the tip, so fifty-five total", "ten dollars apiece, twenty total": the
  // last amount, marked as the whole, covers a tip or a rate said before it (not a list of things:
  // "burger 12 fries 4 total 16" keeps its things).
  const partial = t.tags.some((g) => g.role === 'tip' || g.role === 'each');
  const last = sites[sites.length - 1];
  if (partial && last?.money && sites.length > 1) {
    const marked = t.tags.some((g) => g.role === 'total_word' && ((g.value === 'pre' && g.end === last.start) || (g.value === 'post' && g.start === last.end)));
    const whole = sites.slice(0, -1).every((x) => !x.money || x.money.minor <= last.money!.minor);
    last.total = marked && whole;
  }
  return sites;
}

export function prepare(t: Tagged, nums: NumberAnalysis, times: readonly TimeReading[], terms: readonly KnownTerm[]): Prepared {
  const { cls, termAt } = classify(t, terms, times, nums);
  const sites = sitesOf(nums, times, termAt, t);
  const sepPrefix: number[] = [0];
  for (let i = 0; i < cls.length; i++) sepPrefix.push(sepPrefix[i]! + (cls[i] === 'sep' || cls[i] === 'nl' ? 1 : 0));
  return { t, cls, termAt, sites, hasSep: (a, b) => b > a && sepPrefix[b]! - sepPrefix[a]! > 0 };
}

type Choice = 'M' | 'Q' | 'X';

/** A bare small whole number (no currency, no decimals) right before a thing and not right after one. */
function countPosition(p: Prepared, s: Site): boolean {
  const m = s.money;
  if (!m || m.currencyWritten || s.end - s.start !== 1) return false;
  const tk = p.t.tokens[s.start]!;
  if (!/^\d{1,2}$/.test(tk.text) || Number(tk.text) > 12) return false;
  const next = p.cls[s.end], prev = p.cls[s.start - 1];
  // After a brand ("swiggy 3 biryani 780") a count still opens the phrase; after an item it prices it.
  const prevItem = prev === 'word' || (prev === 'term' && p.termAt[s.start - 1]?.kind === 'item');
  return (next === 'term' || next === 'word') && !prevItem;
}

function siteScore(p: Prepared, s: Site, c: Choice): number {
  const shared = p.sites.some((x) => x.share);
  // "1.99 a pound": the measure of a price per measure is no amount of its own (not £1).
  if (c === 'M' && p.sites.some((x) => x.rate && s.start >= x.end && s.start <= x.end + 1)) return -Infinity;
  // A whole said after its parts is the expense ("so fifty-five total"). Its parts, and a price per
  // measure beside an amount paid ("$2.79 a gallon, filled up for $41.85"), are read as nothing.
  const whole = p.sites.some((x) => x.total);
  if (s.total) return c === 'M' ? W.money * s.money!.score + W.totalBonus : c === 'X' ? -W.totalBonus : -Infinity;
  const part = !!s.money && (whole || (s.rate && p.sites.some((x) => x !== s && x.money && !x.rate)));
  if (part && c === 'X') return 0;
  if (part && c === 'M') return -W.partAsMoney;
  if (c === 'M') {
    if (!s.money || s.inTime || s.inTerm) return -Infinity;
    // "dinner 1200, my share 400": the owner's share is the expense; the bill is not.
    if (shared) return s.share ? W.money + W.shareBonus : -W.shareBonus;
    let v = W.money * s.money.score + (s.money.currencyWritten ? W.moneyCurrency : 0) - s.labelScore * 1.5;
    // "kal 2 samosa aur chai 50": a bare small count opening a phrase counts, it does not pay.
    if (countPosition(p, s)) v += W.moneyCountPosition;
    return v;
  }
  if (c === 'X' && shared && !s.share && s.money) return 0;
  if (c === 'Q') {
    if (!s.qty || s.inTime || s.inTerm) return -Infinity;
    let v = W.qty * s.qty.score;
    const next = p.cls[s.end];
    const prev = p.cls[s.start - 1];
    if (next === 'term' || next === 'word') v += W.qtyBeforeThing;
    if (!s.qty.unit && (prev === 'term' || prev === 'word') && (next === undefined || next === 'sep' || next === 'nl' || next === 'num')) v += W.qtyPricePosition;
    return v;
  }
  if (s.inTerm) return W.inTerm;
  if (s.inTime) return W.inTime;
  if (s.labelScore > 0) return W.unusedLabel * s.labelScore;
  return W.unused;
}

/** Scores one expense's content. */
function frameScore(p: Prepared, content: readonly number[]): { score: number; items: number; words: number } {
  let items = 0, weak = 0, merchants = 0, words = 0;
  const seen = new Set<KnownTerm>();
  for (const i of content) {
    const k = p.termAt[i];
    if (k) {
      if (seen.has(k)) continue;
      seen.add(k);
      if (k.kind === 'merchant') merchants++;
      else if (k.primary === 'other' && k.detail === null) weak++;
      else items++;
    } else if (p.cls[i] === 'word' && p.t.tokens[i]!.norm.length >= 2) words++;
  }
  let s = 0;
  if (items > 0) s += W.frameItem;
  else if (weak > 0) s += W.frameWeakItem;
  if (merchants > 0) s += W.frameMerchant;
  if (items === 0 && weak === 0 && merchants === 0) s += words > 0 ? W.frameWords : W.frameEmpty;
  if (words > 3) s += W.extraUnknown * (words - 3);
  if (items >= 2 && !content.some((i) => p.cls[i] === 'sep')) s += W.twoItemsOneAmount;
  // "samosa 4 gupta ji pe 60": words that only say where ("gupta ji pe", "at the stall") are no expense of their own.
  if (items === 0 && (words > 0 || merchants > 0)) {
    const chunks = chunksOf(p.t, content, p.termAt);
    const named = chunks.filter((c) => c.idx.some((i) => p.cls[i] === 'word' || p.cls[i] === 'term'));
    if (named.length && named.every((c) => c.role === 'place' || c.role === 'source' || c.role === 'in' || (c.role === 'main' && endsInPlacePostp(p, c.idx)))) s += W.frameOnlyPlace;
  }
  return { score: s, items, words };
}

/** A chunk closed by a place postposition ("gupta ji pe", "dmart se"). */
function endsInPlacePostp(p: Prepared, idx: readonly number[]): boolean {
  const after = idx[idx.length - 1]! + 1;
  return (p.t.at[after] ?? []).some((g) => g.role === 'postp' && (g.value === 'drop' || g.value === 'place'));
}

/** Tokens a frame may take: words, terms, preps, postps, separators inside, verbs, glue (not numbers or dates). */
function contentIn(p: Prepared, a: number, b: number, used: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let i = a; i < b; i++) if (!used.has(i) && p.cls[i] !== 'nl') out.push(i);
  return out;
}

/**
 * Where a region between two amounts may be cut: any token boundary, as long as the cut does not
 * split a lexicon term. Returns positions c in [a, b] meaning [a, c) goes left and [c, b) right.
 */
function cutPoints(p: Prepared, a: number, b: number): number[] {
  const out: number[] = [];
  for (let c = a; c <= b; c++) {
    const k = c > a && c < b ? p.termAt[c] : null;
    if (k && k.start < c) continue;
    out.push(c);
  }
  return out;
}

/**
 * All readings of the message; returns the best and how far ahead it is.
 * e.g. "2 beer 450" → one expense (450, qty 2, "beer"); "chai 10 biscuit 20" → two.
 */
export function readExpenses(p: Prepared, maxSites = 6): ReadingResult {
  const sites = p.sites;
  const k = Math.min(sites.length, maxSites);
  const options: Choice[][] = sites.slice(0, k).map((s) => {
    const o: Choice[] = [];
    if (s.money && !s.inTime && !s.inTerm) o.push('M');
    if (s.qty && !s.inTime && !s.inTerm) o.push('Q');
    o.push('X');
    return o;
  });
  const readings: Reading[] = [];
  const choice: Choice[] = new Array(k);
  const walk = (j: number): void => {
    if (j === k) {
      const r = evaluate(p, sites.slice(0, k), choice);
      if (r) readings.push(r);
      return;
    }
    for (const c of options[j]!) {
      choice[j] = c;
      walk(j + 1);
    }
  };
  walk(0);
  readings.sort((a, b) => b.score - a.score);
  const best = readings[0] ?? null;
  if (!best) return { best: null, margin: 0, alternatives: 0 };
  const key = (r: Reading): string => r.frames.map((f) => `${f.money.start}:${f.money.minor}`).join(',');
  const bk = key(best);
  const rival = readings.find((r) => key(r) !== bk);
  return { best, margin: rival ? best.score - rival.score : 9, alternatives: readings.length };
}

function evaluate(p: Prepared, sites: readonly Site[], choice: readonly Choice[]): Reading | null {
  let score = 0;
  const anchors: { site: Site; money: MoneyReading }[] = [];
  const qtys: { site: Site; qty: QuantityReading }[] = [];
  const unused: number[] = [];
  const used = new Set<number>();
  for (let j = 0; j < sites.length; j++) {
    const s = sites[j]!, c = choice[j]!;
    const v = siteScore(p, s, c);
    if (v === -Infinity) return null;
    score += v;
    if (c === 'M') anchors.push({ site: s, money: s.money! });
    else if (c === 'Q') qtys.push({ site: s, qty: s.qty! });
    else unused.push(j);
    // A number that is part of a name ("7up") stays in the words; any other site is spent.
    if (!(c === 'X' && s.inTerm)) for (let i = s.start; i < s.end; i++) used.add(i);
  }
  if (anchors.length === 0) return null;
  for (let i = 0; i < p.cls.length; i++) if (p.cls[i] === 'time' || p.cls[i] === 'label' || (p.cls[i] === 'num' && !p.termAt[i])) used.add(i);

  // Dynamic programme over the cuts between consecutive amounts.
  const n = p.cls.length;
  const A = anchors.length;
  const regions: { a: number; b: number }[] = [];
  for (let j = 0; j + 1 < A; j++) regions.push({ a: anchors[j]!.site.end, b: anchors[j + 1]!.site.start });
  const leading = { a: 0, b: anchors[0]!.site.start };
  const trailing = { a: anchors[A - 1]!.site.end, b: n };
  // best[c] for the current region: best score of frames so far with the last cut at c.
  type Cell = { score: number; frames: FrameTokens[] };
  let prev = new Map<number, Cell>();
  prev.set(-1, { score: 0, frames: [] });
  let leftStart = leading.a;
  for (let j = 0; j < A; j++) {
    const next = new Map<number, Cell>();
    const region = j < A - 1 ? regions[j]! : null;
    const cuts = region ? cutPoints(p, region.a, region.b) : [trailing.b];
    const sepInRegion = region ? p.hasSep(region.a, region.b) : false;
    for (const [cutPrev, cell] of prev) {
      const from = cutPrev < 0 ? leftStart : cutPrev;
      for (const c of cuts) {
        const content = [
          ...contentIn(p, from, anchors[j]!.site.start, used),
          ...contentIn(p, anchors[j]!.site.end, c, used),
        ];
        const fs = frameScore(p, content);
        let s = cell.score + fs.score;
        if (region) {
          const atSep = c > region.a && (p.cls[c - 1] === 'sep' || p.cls[c - 1] === 'nl') || p.cls[c] === 'sep' || p.cls[c] === 'nl';
          if (atSep) s += W.sepBoundary;
          else if (sepInRegion) s += W.cutWithoutSep;
        }
        const q = qtys.find((x) => x.site.start >= Math.min(from, anchors[j]!.site.start) && x.site.end <= Math.max(c, anchors[j]!.site.end));
        const frame: FrameTokens = { money: anchors[j]!.money, content, qty: q?.qty ?? null };
        const key = region ? c : n;
        const old = next.get(key);
        if (!old || s > old.score) next.set(key, { score: s, frames: [...cell.frames, frame] });
      }
    }
    prev = next;
    leftStart = 0;
  }
  let bestCell: Cell | null = null;
  for (const cell of prev.values()) if (!bestCell || cell.score > bestCell.score) bestCell = cell;
  if (!bestCell) return null;
  score += bestCell.score;
  // Orientation: every expense's words on the same side of its amount.
  if (bestCell.frames.length > 1) {
    const sides = bestCell.frames.map((f) => {
      const before = f.content.filter((i) => i < f.money.start && (p.cls[i] === 'term' || p.cls[i] === 'word')).length;
      const after = f.content.filter((i) => i >= f.money.end && (p.cls[i] === 'term' || p.cls[i] === 'word')).length;
      return before > 0 && after === 0 ? 'L' : after > 0 && before === 0 ? 'R' : 'M';
    });
    if (sides.every((x) => x === sides[0] && x !== 'M')) score += W.orientation * (sides.length - 1);
  }
  return { frames: bestCell.frames, score, unused };
}
