/**
 * @module language/money/read
 * The one money grammar: from a tagged message to its number readings (money, quantities, labels,
 * rates, vague amounts, bad amounts). A small scanner over tagged tokens in passes:
 *   1. labels: numbers that name things (vocabulary `label` rows with their side and digit counts,
 *      and notations: clock times, written dates, long digit runs, phone numbers, codes glued to letters);
 *   2. amounts: digits read by the locale's decimal mark, number words (English, Hindi ...) with
 *      magnitudes, fractions and adjusters, spoken pairs ("ten fifty") by the locale, money words;
 *      each with its currency before or after, approximation markers and "/-";
 *   3. rates ("2x190", "@ 50 each", "190/kg", "2 for 700"), quantities with units, vague and bad amounts.
 * Every word comes from the vocabulary (vocab/words/money.tsv); only notation (digits, ":", "/", "-")
 * is read here. Scores are real: a currency raises one, a label cue or a word with another role lowers it.
 */
import { fileURLToPath } from 'node:url';
import { familyCurrency, KNOWN_CURRENCIES, MAX_MAJOR_AMOUNT, toMinor } from '../../core/money.js';
import type { LanguageContext } from '../context.js';
import type { Tag, Tagged } from '../tagger.js';
import { shouting, type Token } from '../tokens.js';
import type { Role } from '../vocab/roles.js';
import { readTsvFile } from '../vocab/tsv.js';
import { readDigits } from './digits.js';
import type { BadWhy, LabelReading, MoneyReading, NumberAnalysis, QuantityReading, RateReading } from './types.js';

// ------------------------------------------------------------------------------------ data

type Pairs = 'hundreds' | 'decimal' | 'ambiguous';
let pairsByRegion: Map<string, Pairs> | null = null;

function spokenPairs(ctx: LanguageContext): Pairs {
  if (!pairsByRegion) {
    const path = fileURLToPath(new URL('../vocab/money-locales.tsv', import.meta.url));
    pairsByRegion = new Map(readTsvFile(path, ['region', 'spoken_pairs']).map((r) => [r.cells.region!, r.cells.spoken_pairs as Pairs]));
  }
  for (const g of ctx.pack.regions) {
    const p = pairsByRegion.get(g);
    if (p) return p;
  }
  return 'decimal';
}

/** Roles a word glued after digits may have for the digits to stay a number ("1.2k", "20rs", "2kg", "3rd", "9pm"). */
/** Units of whole things: a count of them has no fraction. */
const WHOLE_UNITS: ReadonlySet<string> = new Set(['person', 'count', 'serving', 'ticket', 'container']);

const MONEYISH: ReadonlySet<Role> = new Set<Role>(['magnitude', 'currency', 'subunit', 'unit', 'period_unit', 'approx', 'times', 'label', 'clock', 'each', 'money_word']);

/** Roles read right before a number: currencies, markers, and time words that make a number a date or time. */
const BEFORE_ROLES: ReadonlySet<Role> = new Set<Role>(['currency', 'approx', 'each', 'times', 'time_at', 'month']);

/** Label kinds that make a number surely not money; the others only make money less likely. */
const SURE_LABELS = new Set(['ref', 'code', 'card', 'phone', 'flight', 'percent', 'date', 'time', 'id', 'store', 'measure']);
const SURE = 0.95;
const WEAK = 0.6;

// Base scores by how the amount is written.
const S = {
  digits: 0.8, grouped: 0.85, decimal: 0.85, words: 0.7, loneWord: 0.5, spoken: 0.75, slang: 0.9,
  currency: 0.15, weakCurrency: 0.08, magnitude: 0.05, slashDash: 0.1, leadingZero: 0.3,
  labelCue: 0.4, rateNoCount: 0.65, rateTime: 0.75, altDrop: 0.3, altAmbiguous: 0.1,
} as const;

// ------------------------------------------------------------------------------------ helpers

interface Cx {
  t: Tagged;
  toks: readonly Token[];
  ctx: LanguageContext;
  /** endAt[p]: the tags of the roles this grammar reads that end right before token p. */
  endAt: (Tag[] | undefined)[];
  /** inner[j]: token j lies inside (not at the start of) a multi-token tag. */
  inner: Uint8Array;
}

const NONE: Tag[] = [];

function tagsAt(cx: Cx, i: number, role: Role): Tag[] {
  const at = cx.t.at[i];
  if (!at || at.length === 0) return NONE;
  let out: Tag[] | null = null;
  for (const g of at) if (g.role === role) (out ??= []).push(g);
  return out ?? NONE;
}

function hasRole(cx: Cx, i: number, role: Role): boolean {
  return (cx.t.at[i] ?? []).some((g) => g.role === role);
}

/** A tag of a one- or two-letter word must be written glued to the number beside it ("1.2k", "50p"). */
function shortWord(g: Tag): boolean {
  return g.phrase.replace(/[^\p{L}]/gu, '').length <= 1 && !/[^\p{L}\s.]/u.test(g.phrase);
}

/** A currency written as two bare letters ("kr", "rm", "dh") says less than a symbol or a name. */
function weakMarker(g: Tag): boolean {
  return /^\p{L}{1,2}\.?$/u.test(g.phrase);
}

/** The tag with the most specific row: a region-limited row beats a general one, a longer phrase a shorter. */
function mostSpecific(tags: readonly Tag[]): Tag | undefined {
  let best: Tag | undefined;
  let bestKey = -1;
  for (const g of tags) {
    const key = (g.entry.regions.length ? 100 : 0) + (g.entry.lang !== 'en' ? 10 : 0) + (g.end - g.start);
    if (key > bestKey) {
      best = g;
      bestKey = key;
    }
  }
  return best;
}

/** A currency tag's ISO code for this owner. e.g. resolveCurrency('LOCAL:DOLLAR', ctx) === 'USD' for an INR owner */
export function resolveCurrency(value: string, ctx: LanguageContext): string {
  if (!value.startsWith('LOCAL:')) return value;
  const fam = value.slice(6).toLowerCase();
  if (fam === 'own') return ctx.currency;
  return familyCurrency(fam, ctx.currency) ?? ctx.currency;
}

function isInt(v: number): boolean {
  return Number.isInteger(v);
}

/**
 * The unit written at token j, if any: a unit row, or a period word ("3 months", "2 din") read as a
 * unit of time; not the first word of a longer phrase of another role ("day before yesterday").
 */
function unitAt(cx: Cx, j: number): Tag | undefined {
  const tk = cx.toks[j];
  if (!tk || tk.kind !== 'word') return undefined;
  const all = cx.t.at[j] ?? [];
  for (const g of all) {
    if (g.role !== 'unit' && g.role !== 'period_unit') continue;
    if (shortWord(g) && !tk.glued) continue;
    if (all.some((o) => o.role !== 'unit' && o.role !== 'period_unit' && o.end > g.end)) continue;
    return g.role === 'unit' ? g : { ...g, value: 'time' };
  }
  return undefined;
}

/** A unit of measure (not a count, a serving or a time) at token j: "steps", "miles", "pounds". */
function measureAt(cx: Cx, j: number): Tag | undefined {
  const u = unitAt(cx, j);
  return u && (u.value === 'measure' || u.value === 'distance' || u.value === 'mass' || u.value === 'volume') ? u : undefined;
}

/** The plain value of one number token, by the locale's decimal mark (NaN when malformed). */
function readNumberText(text: string, decimal: '.' | ','): number {
  const r = readDigits(text, decimal);
  return 'malformed' in r ? NaN : Number(r.value);
}

// ------------------------------------------------------------------------------------ cores

/** A number as written, before its currency is known. */
interface Core {
  start: number;
  end: number;
  value: number;
  form: MoneyReading['form'];
  score: number;
  alt?: { value: number; drop: number };
  /** Written with digits only, no magnitude, no decimals: may be a count. */
  plainInt: boolean;
  /** A number word that is also another word ("do", "a", "saath"): money only with a magnitude or currency. */
  weak: boolean;
  magnitude: boolean;
  /** A currency came with the word itself (a money word). */
  currency?: string;
}

function numberTag(cx: Cx, j: number): Tag | undefined {
  return tagsAt(cx, j, 'number').find((g) => g.end === j + 1);
}

function isWeakWord(cx: Cx, j: number): boolean {
  return (cx.t.at[j] ?? []).some((g) => g.role !== 'number' && g.role !== 'magnitude' && g.role !== 'fraction' && g.role !== 'num_adjust') || cx.inner[j] === 1;
}

function magnitudeAt(cx: Cx, j: number, glued: boolean): Tag | undefined {
  const tk = cx.toks[j];
  if (!tk || tk.kind !== 'word') return undefined;
  return tagsAt(cx, j, 'magnitude').find((g) => (!shortWord(g) || (glued && tk.glued)));
}

/** Number words from j: "a hundred and twenty", "do hazaar", "dedh sau", "saadhe teen sau", "twenty-five". */
function wordNumber(cx: Cx, i: number): { end: number; value: number; mag: boolean; weak: boolean; words: number; tensLast: boolean; bare: boolean } | null {
  let j = i;
  let total = 0, group = 0, have = false, mag = false, words = 0, weakAll = true, bare = false;
  let pendingFrac: number | null = null, adj = 0;
  let last: 'none' | 'tens' | 'unit' | 'hundred' | 'big' = 'none';
  const toks = cx.toks;
  while (j < toks.length) {
    const tk = toks[j]!;
    if (tk.kind !== 'word') {
      // "twenty-five": a hyphen between number words.
      if (tk.kind === 'punct' && tk.text === '-' && last === 'tens' && toks[j + 1]?.glued && numberTag(cx, j + 1)) { j++; continue; }
      break;
    }
    const adjTag = tagsAt(cx, j, 'num_adjust')[0];
    if (adjTag && !have && adj === 0 && pendingFrac === null) { adj = Number(adjTag.value); j = adjTag.end; words++; continue; }
    const fr = tagsAt(cx, j, 'fraction')[0];
    if (fr && !have && pendingFrac === null) {
      pendingFrac = Number(fr.value);
      j = fr.end;
      words++;
      // "half a lakh"
      const art = numberTag(cx, j);
      if (art && Number(art.value) === 1 && isWeakWord(cx, j)) j++;
      continue;
    }
    const m = magnitudeAt(cx, j, false);
    if (m) {
      const mv = Number(m.value);
      let base: number | null = have ? group : pendingFrac;
      if (base === null && adj !== 0) base = 1;
      // "hundred and fifty", "thousand rupees": a word magnitude opening the number means one of it.
      if (base === null && words === 0 && !shortWord(m)) { base = 1; bare = true; }
      if (base === null) break;
      if (have && last === 'hundred' && mv < 1000) break; // "two hundred hundred"
      base += adj;
      adj = 0;
      pendingFrac = null;
      if (mv < 1000) { group = base * mv; have = true; last = 'hundred'; }
      else {
        if (total && total < base * mv) break; // magnitudes go down: "2 lakh 50 hazaar"
        total += base * mv; group = 0; have = false; last = 'big';
      }
      mag = true;
      weakAll = false;
      words++;
      j = m.end;
      // "a hundred and twenty": a connector between a magnitude and the number after it.
      const sep = tagsAt(cx, j, 'separator').find((g) => g.end === j + 1);
      if (sep && numberTag(cx, j + 1)) j++;
      continue;
    }
    const nt = numberTag(cx, j);
    if (!nt) break;
    const v = Number(nt.value);
    if (have) {
      if (last === 'tens' && v < 10) { group += v; last = 'unit'; j++; words++; if (!isWeakWord(cx, j - 1)) weakAll = false; continue; }
      if (last === 'hundred' && v < 100) { group += v; last = v >= 20 && v % 10 === 0 ? 'tens' : 'unit'; j++; words++; if (!isWeakWord(cx, j - 1)) weakAll = false; continue; }
      break;
    }
    if (last === 'big' && v >= 1000) break;
    if (pendingFrac !== null || adj !== 0) {
      // "saadhe teen sau": the adjuster applies to the number before the magnitude.
      if (pendingFrac !== null) break;
    }
    group = v; have = true; words++;
    last = v >= 20 && v < 100 && v % 10 === 0 ? 'tens' : 'unit';
    if (!isWeakWord(cx, j)) weakAll = false;
    j++;
  }
  if (words === 0 || (!have && total === 0)) return null;
  if (pendingFrac !== null || adj !== 0) return null;
  const value = total + (have ? group : 0);
  return { end: j, value, mag, weak: weakAll, words, tensLast: last === 'tens', bare };
}

/** Digits with a magnitude after them ("1.2k", "2 lakh", "15 hundred", "2 hazaar 500"). */
function digitCore(cx: Cx, i: number, bad: NumberAnalysis['bad']): Core | null {
  const tk = cx.toks[i]!;
  const r = readDigits(tk.text, cx.ctx.pack.decimal);
  if ('malformed' in r) {
    bad.push({ start: i, end: i + 1, why: 'malformed' });
    return null;
  }
  // "12..5": a number, two marks, a number.
  if (cx.toks[i + 1]?.text === '.' && cx.toks[i + 2]?.text === '.' && cx.toks[i + 3]?.kind === 'num' && cx.toks[i + 1]!.glued && cx.toks[i + 3]!.glued) {
    bad.push({ start: i, end: i + 4, why: 'malformed' });
    return null;
  }
  let value = Number(r.value);
  let end = i + 1;
  let score = (r.grouped ? S.grouped : r.decimals ? S.decimal : S.digits) - r.penalty;
  // "1 299 €", "3 200 €", "11 402 pas": where the comma is the decimal mark, thousands are also set
  // apart with a space; three digits after one to three digits continue the number when a currency
  // or a unit closes it (or a currency opens it), so "2 100" alone stays two numbers.
  const nx = cx.toks[i + 1];
  if (cx.ctx.pack.decimal === ',' && /^\d{1,3}$/.test(tk.text) && cx.toks[i - 1]?.kind !== 'num' && nx?.kind === 'num' && !nx.glued && /^\d{3}(,\d{1,2})?$/.test(nx.text)) {
    const closed = hasRole(cx, i + 2, 'currency') || hasRole(cx, i + 2, 'unit') || hasRole(cx, i - 1, 'currency');
    const rest = readDigits(nx.text, ',');
    if (closed && cx.toks[i + 2]?.kind !== 'num' && !('malformed' in rest)) {
      value = value * 1000 + Number(rest.value);
      end = i + 2;
      score = S.grouped;
      return { start: i, end, value, form: 'digits', score, plainInt: false, weak: false, magnitude: false };
    }
  }
  if (!r.grouped && !r.decimals && /^0\d/.test(tk.text)) score -= S.leadingZero;
  let mag = false;
  const m = magnitudeAt(cx, end, true);
  if (m && (cx.toks[end]!.glued || !shortWord(m))) {
    const mv = Number(m.value);
    value *= mv;
    end = m.end;
    mag = true;
    score += S.magnitude;
    // "2 hazaar 500", "1 lakh 20 thousand": a smaller part after a word magnitude.
    if (!shortWord(m) && mv >= 1000) {
      const nx = cx.toks[end];
      if (nx?.kind === 'num' && /^\d+$/.test(nx.text)) {
        const m2 = magnitudeAt(cx, end + 1, true);
        const part = Number(nx.text) * (m2 ? Number(m2.value) : 1);
        if (part < mv && (!m2 || !shortWord(m2))) {
          value += part;
          end = m2 ? m2.end : end + 1;
        }
      }
    }
  }
  let alt: Core['alt'];
  if (r.alt && !mag) alt = { value: Number(r.alt.value), drop: r.alt.drop };
  return { start: i, end, value, form: 'digits', score, plainInt: !mag && !r.decimals && !r.grouped, weak: false, magnitude: mag, ...(alt ? { alt } : {}) };
}

/** Number words, with spoken pairs read by the locale ("ten fifty"). */
function wordCore(cx: Cx, i: number): Core | null {
  const a = wordNumber(cx, i);
  if (!a) return null;
  // A magnitude alone ("grand total", "thousand") is a number only with a currency after it ("thousand rupees").
  if (a.bare && a.words === 1 && !tagsAt(cx, a.end, 'currency').length) return null;
  // A spoken pair: a number under 100 and then a tens or teens word ("two fifty", "twelve ninety nine").
  // An article is one only before a magnitude ("a hundred"): "a twenty" is a bill, never 1.20.
  const article = a.words === 1 && (cx.t.at[i] ?? []).some((g) => g.role === 'glue');
  if (!a.mag && !article && a.value >= 1 && a.value < 100 && isInt(a.value)) {
    const bTag = numberTag(cx, a.end);
    if (bTag && Number(bTag.value) >= 10 && !isWeakWord(cx, a.end)) {
      const b = wordNumber(cx, a.end);
      if (b && !b.mag && b.value >= 10 && b.value < 100) {
        const hundreds = a.value * 100 + b.value, decimal = a.value + b.value / 100;
        const style = spokenPairs(cx.ctx);
        const [main, other] = style === 'hundreds' ? [hundreds, decimal] : [decimal, hundreds];
        // "one sixty-five" is $1.65 at a counter and $165 for a handyman: said with "one", ask.
        const drop = style === 'ambiguous' || (style === 'decimal' && a.value === 1) ? S.altAmbiguous : S.altDrop;
        return { start: i, end: b.end, value: main, form: 'spoken', score: S.spoken, alt: { value: other, drop }, plainInt: false, weak: false, magnitude: false };
      }
    }
  }
  // A lone number word ("das", "twenty") is money less surely than one with a magnitude ("do hazaar").
  return { start: i, end: a.end, value: a.value, form: 'words', score: a.mag && !a.bare ? S.words + S.magnitude : S.loneWord, plainInt: false, weak: a.weak, magnitude: a.mag };
}

// ------------------------------------------------------------------------------------ labels

interface LabelValue {
  kind: string;
  side: 'after' | 'before' | 'both';
  min: number;
  max: number;
}

const labelCache = new Map<string, LabelValue>();
function labelValue(v: string): LabelValue {
  let x = labelCache.get(v);
  if (!x) {
    const [kind, side, digits] = v.split(':') as [string, LabelValue['side'], string | undefined];
    // "4": at least four digits; "1-2": one or two.
    const [lo, hi] = (digits ?? '').split('-') as [string, string | undefined];
    x = { kind, side, min: lo ? Number(lo) : 0, max: hi ? Number(hi) : 99 };
    labelCache.set(v, x);
  }
  return x;
}

function digitCount(tk: Token): number {
  return tk.text.replace(/\D/g, '').length;
}

/** A token of letters written in capitals ("AI", "UA"). */
function upper(tk: Token | undefined): boolean {
  return !!tk && tk.text === tk.text.toUpperCase() && /\p{Lu}/u.test(tk.text);
}

function addLabel(labels: LabelReading[], l: LabelReading): void {
  for (const x of labels) {
    if (x.start === l.start && x.end === l.end) {
      if (l.score > x.score) { x.score = l.score; x.kind = l.kind; }
      return;
    }
  }
  labels.push(l);
}

/**
 * The number after a label word, skipping ":", "#", "-", ".", glue words ("OTP is 482913", "code for
 * the app: 4411") and letters glued to the digits ("password is abc12345").
 */
function numberAfter(cx: Cx, j: number, readings = false): number {
  let k = j;
  for (let n = 0; n < 4 && cx.toks[k]; n++) {
    const tk = cx.toks[k]!;
    const mark = (tk.kind === 'punct' || tk.kind === 'sym') && /^[:#\-.=@_]$/.test(tk.text);
    // "blood pressure this morning 132 over 84": a reading may name when it was taken first.
    // ("BP after lunch 128 over 79", "weighed in at 181"): a preposition and the meal or time after it too.
    const when = readings && tk.kind === 'word' && (hasRole(cx, k, 'part_of_day') || hasRole(cx, k, 'relative_day') || hasRole(cx, k, 'this') || hasRole(cx, k, 'clock') || hasRole(cx, k, 'prep') || (hasRole(cx, k - 1, 'prep') && !hasRole(cx, k, 'currency')));
    const glue = when || (tk.kind === 'word' && hasRole(cx, k, 'glue') && !hasRole(cx, k, 'currency'));
    // Letters written against the digits, directly or through a mark: "abc12345", "Sharma@2026".
    const prefix = tk.kind === 'word' && !hasRole(cx, k, 'currency') && !!cx.toks[k + 1]?.glued && (cx.toks[k + 1]!.kind === 'num' || /^[@_#\-.]$/.test(cx.toks[k + 1]!.text));
    if (!mark && !glue && !prefix) break;
    k++;
  }
  return cx.toks[k]?.kind === 'num' ? k : -1;
}

function labelsFromVocabulary(cx: Cx, labels: LabelReading[]): void {
  for (const g of cx.t.tags) {
    if (g.role !== 'label' || !g.value) continue;
    const lv = labelValue(g.value);
    const score = SURE_LABELS.has(lv.kind) ? SURE : WEAK;
    if (lv.side === 'after' || lv.side === 'both') {
      const k = numberAfter(cx, g.end, lv.kind === 'measure');
      if (k >= 0) {
        const tk = cx.toks[k]!;
        const d = digitCount(tk);
        const short = g.phrase.replace(/[^\p{L}\p{N}]/gu, '').length <= 2 && /\p{L}/u.test(g.phrase);
        // Airline codes and other two-letter labels count only in capitals ("AI 302", not "ai 302").
        const capsOk = !(short && lv.kind === 'flight') || upper(cx.toks[g.start]) || /\d/.test(g.phrase);
        // "access code 89.99": a number with cents is a price; no code or PIN is written so.
        const priced = lv.kind === 'code' && /^\d+[.,]\d{2}$/.test(tk.text);
        if (d >= lv.min && d <= lv.max && capsOk && !priced) {
          let end = k + 1;
          for (;;) {
            const nx = cx.toks[end];
            if (nx?.glued && (nx.kind === 'word' || nx.kind === 'num') && !hasRole(cx, end, 'currency')) end++;
            // "BP 128/82", "flat 12/3": a reading or a number written as two parts.
            else if (nx?.glued && nx.text === '/' && cx.toks[end + 1]?.glued && cx.toks[end + 1]!.kind === 'num') end += 2;
            // "reg 191-D-45872", "ref AB-1234-X": a code written in parts joined by hyphens.
            else if (nx?.glued && nx.text === '-' && cx.toks[end + 1]?.glued && (cx.toks[end + 1]!.kind === 'word' || cx.toks[end + 1]!.kind === 'num') && lv.kind !== 'measure') end += 2;
            // "132 over 84": a blood pressure said aloud.
            else if (lv.kind === 'measure' && nx?.norm === 'over' && cx.toks[end + 1]?.kind === 'num') end += 2;
            // "locker code 482 117": a code written in groups.
            else if (lv.kind === 'code' && nx?.kind === 'num' && !nx.glued && /^\d{2,4}$/.test(nx.text) && /^\d{2,4}$/.test(cx.toks[end - 1]!.text)) end++;
            else break;
          }
          addLabel(labels, { start: k, end, kind: lv.kind, score, cue: { start: g.start, end: g.end } });
          // "tyre pressure: 35 front, 33 rear": a reading's label covers the numbers of its clause.
          if (lv.kind === 'measure') {
            for (let j = end; j < cx.toks.length; j++) {
              if (cx.t.tags.some((x) => x.start === j && (x.role === 'currency' || x.role === 'separator' || x.role === 'spend_verb'))) break;
              if (cx.toks[j]!.kind === 'num' && !cx.toks[j]!.glued) addLabel(labels, { start: j, end: j + 1, kind: lv.kind, score, cue: { start: g.start, end: g.end } });
            }
          }
        }
      }
    }
    if (lv.side === 'before' || lv.side === 'both') {
      // The number right before the word ("10%", "3rd", "12 Main Rd"), or with one capitalised word between ("221B Baker St").
      let k = g.start - 1;
      const short = g.phrase.replace(/[^\p{L}]/gu, '').length <= 2 && /\p{L}/u.test(g.phrase);
      if (short && !cx.toks[g.start]!.glued) {
        if (lv.kind !== 'street' || !cx.toks[k]?.cap) continue;
      }
      while (k >= 0 && cx.toks[k]!.kind === 'word' && cx.toks[k]!.glued && cx.toks[k - 1]?.kind === 'num') k--; // "221B"
      // Up to three capitalised words between: "221B Baker St", "1450 Magnolia Ridge Dr".
      for (let n = 0; n < 3 && k >= 0 && cx.toks[k]!.kind === 'word' && cx.toks[k]!.cap && lv.kind === 'street'; n++) {
        k--;
        while (k >= 0 && cx.toks[k]!.kind === 'word' && cx.toks[k]!.glued && cx.toks[k - 1]?.kind === 'num') k--;
      }
      if (k >= 0 && cx.toks[k]!.kind === 'num') {
        const d = digitCount(cx.toks[k]!);
        if (d >= lv.min && d <= lv.max) addLabel(labels, { start: k, end: g.start, kind: lv.kind, score, cue: { start: g.start, end: g.end } });
      }
    }
  }
}

/**
 * Cents said after a currency word or a bill's name: "a buck fifty", "12 bucks 50", "2 quid 50".
 * Two digits or a number word from 10 to 99, and then the amount ends: the message or clause ends,
 * or a preposition or glue word follows ("a buck fifty for a coke"); "2 bucks 30 coffees" is a count.
 */
function centsAfter(cx: Cx, at: number): { cents: number; end: number } | null {
  if (cx.toks[at]?.glued) return null;
  const c = centsAt(cx, at);
  if (!c || c.cents < 10) return null;
  const { cents, end: stop } = c;
  const nx = cx.toks[stop];
  const ends = !nx || nx.kind === 'punct' || nx.kind === 'newline'
    || (nx.kind === 'word' && (hasRole(cx, stop, 'prep') || hasRole(cx, stop, 'glue')) && !(hasRole(cx, stop, 'each') && cx.toks[stop + 1]?.kind === 'num'));
  return ends ? { cents, end: stop } : null;
}

/**
 * "four and a half", "2 and a half": "and", an article and a fraction after a whole number add
 * the fraction ("and a half" is the English way to say what "saadhe" says before the number).
 */
function andAFraction(cx: Cx, at: number): { add: number; end: number } | null {
  if (cx.toks[at]?.text.toLowerCase() !== 'and') return null;
  const art = numberTag(cx, at + 1);
  if (!art || Number(art.value) !== 1 || !isWeakWord(cx, at + 1)) return null;
  const fr = tagsAt(cx, at + 2, 'fraction')[0];
  if (!fr || !(Number(fr.value) < 1)) return null;
  return { add: Number(fr.value), end: fr.end };
}

/**
 * Cents named after the currency word: "thirty-four dollars and sixty cents", "12 dollars and 5
 * cents". The subunit word closes it, so nothing else needs to end the amount.
 */
function andCents(cx: Cx, at: number): { cents: number; end: number } | null {
  if (cx.toks[at]?.text.toLowerCase() !== 'and') return null;
  const c = centsAt(cx, at + 1);
  const sub = c ? tagsAt(cx, c.end, 'subunit').find((g) => !shortWord(g)) : undefined;
  return c && sub ? { cents: c.cents, end: sub.end } : null;
}

/** A number of cents at a token: two digits or a whole number word, 1 to 99, and where it ends. */
function centsAt(cx: Cx, at: number): { cents: number; end: number } | null {
  const tk = cx.toks[at];
  let cents: number | null = null, end = at + 1;
  if (tk?.kind === 'num' && /^\d{1,2}$/.test(tk.text)) cents = Number(tk.text);
  else if (tk?.kind === 'word') {
    const w = wordNumber(cx, at);
    if (w && !w.mag && isInt(w.value)) { cents = w.value; end = w.end; }
  }
  return cents !== null && cents >= 1 && cents <= 99 ? { cents, end } : null;
}

/**
 * An address: a street or a flat number together with a postal code ("412 Nostrand Ave apt 3R
 * brooklyn ny 11216", "Flat 3B, 14 Kamarajar Salai, Chennai 600004"). The five- or six-digit number
 * is the code, and the street and flat numbers are surely labels, not money.
 */
function addressContext(cx: Cx, labels: LabelReading[]): void {
  // "B-42": a block letter and a house number written together.
  for (let i = 2; i < cx.toks.length; i++) {
    const [a, d, n] = [cx.toks[i - 2]!, cx.toks[i - 1]!, cx.toks[i]!];
    if (a.kind === 'word' && a.text.length === 1 && a.cap && d.text === '-' && d.glued && n.kind === 'num' && n.glued && !(cx.toks[i + 1]?.glued && cx.toks[i + 1]!.kind === 'num')) addLabel(labels, { start: i, end: i + 1, kind: 'place', score: WEAK });
  }
  // ("pg address 42 scheme no 54": the number right after the address word is the house's.)
  const places = labels.filter((l) => l.kind === 'street' || l.kind === 'place' || l.kind === 'address');
  if (!places.length) return;
  // Two place numbers ("B-42, Sector 46") or an address word ("address: 1450 Magnolia Ridge Dr") make an address.
  const addressWord = cx.t.tags.some((g) => g.role === 'label' && g.value?.startsWith('address'));
  // (A number after an address word alone stays weak: "venue 5000" is the hall's price.)
  if (places.length >= 2 || addressWord) for (const l of places) if (l.kind !== 'address' || places.length >= 2) l.score = SURE;
  // The code follows a town, a state or a comma ("Suwanee GA 30024", "gurgaon 122001"), not a word
  // it prices ("flat C-404 rent 25000").
  const afterTown = (i: number): boolean => {
    const p = cx.toks[i - 1];
    return !p || p.kind === 'punct' || (p.kind === 'word' && (p.cap || p.text.length <= 2 || hasRole(cx, i - 1, 'city')));
  };
  // After a street, a four-digit code closing the line after a town is one too ("Enmore Rd Newtown
  // 2042"; "Dublin 7" stays open: "taxi to 14 Main St Galway 18" is a fare).
  const streetEnd = Math.max(-1, ...places.filter((l) => l.kind === 'street').map((l) => l.end));
  const lineEnd = (i: number): boolean => { const nx = cx.toks[i + 1]; return !nx || nx.kind === 'newline' || (nx.kind === 'punct' && !cx.toks[i + 2]); };
  const shortCode = (tk: { text: string }, i: number): boolean => streetEnd >= 0 && i > streetEnd && lineEnd(i) && cx.toks[i - 1]?.kind === 'word' && !!cx.toks[i - 1]!.cap
    && /^\d{4}$/.test(tk.text);
  const code = cx.toks.findIndex((tk, i) => tk.kind === 'num' && (/^\d{5,6}$/.test(tk.text) || shortCode(tk, i)) && afterTown(i) && !labels.some((l) => l.start <= i && i < l.end)
    && !hasRole(cx, i + 1, 'currency') && !(i > 0 && hasRole(cx, i - 1, 'currency')));
  if (code < 0) return;
  addLabel(labels, { start: code, end: code + 1, kind: 'code', score: SURE });
  for (const l of places) l.score = SURE;
}

/** Notation that labels: clock times, written dates, phone numbers, long digit runs, codes glued to letters, years. */
function labelsFromNotation(cx: Cx, labels: LabelReading[]): void {
  const toks = cx.toks;
  const year = Number(cx.ctx.today.slice(0, 4));
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i]!;
    if (tk.kind !== 'num') continue;
    const nx = toks[i + 1], nn = toks[i + 2];
    // Clock: "9:30", "21:05".
    if (nx?.text === ':' && nx.glued && nn?.kind === 'num' && nn.glued && /^\d{1,2}$/.test(tk.text) && /^\d{2}$/.test(nn.text) && Number(tk.text) <= 24 && Number(nn.text) < 60) {
      addLabel(labels, { start: i, end: i + 3, kind: 'time', score: SURE });
      i += 2;
      continue;
    }
    // Written dates: "12/1", "12-01-2026", "2026-01-12" (not "500/-" and not "2-3k").
    if (nx && (nx.text === '/' || nx.text === '-') && nx.glued && nn?.kind === 'num' && nn.glued && /^\d+$/.test(tk.text) && /^\d+$/.test(nn.text)) {
      let end = i + 3;
      const parts = [tk.text, nn.text];
      if (toks[end]?.text === nx.text && toks[end]!.glued && toks[end + 1]?.kind === 'num' && toks[end + 1]!.glued) {
        parts.push(toks[end + 1]!.text);
        end += 2;
      }
      const n = parts.map(Number);
      const after = toks[end];
      // ("3/6 $76.12": a symbol written against the next number prices that one, not this.)
      const symOfNext = !!after && after.kind === 'sym' && !after.glued && toks[end + 1]?.kind === 'num' && !!toks[end + 1]!.glued;
      const moneyAfter = !!after && !symOfNext && (hasRole(cx, end, 'magnitude') || hasRole(cx, end, 'currency'));
      const dm = n[0]! >= 1 && n[1]! >= 1 && n[0]! <= 31 && n[1]! <= 31 && (n[0]! <= 12 || n[1]! <= 12) && parts[0]!.length <= 2 && parts[1]!.length <= 2;
      const iso = parts.length === 3 && parts[0]!.length === 4 && n[1]! <= 12 && n[2]! <= 31;
      const yearOk = parts.length < 3 || parts[2]!.length === 2 || parts[2]!.length === 4;
      if (!moneyAfter && ((dm && yearOk) || iso)) {
        addLabel(labels, { start: i, end, kind: 'date', score: parts.length === 3 ? 0.98 : nx.text === '/' ? 0.9 : 0.75 });
        i = end - 1;
        continue;
      }
    }
    // "12.05.2026": a date written with dots.
    if (/^\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})$/.test(tk.text)) {
      const [d, m] = tk.text.split('.').map(Number) as [number, number];
      if (d >= 1 && d <= 31 && m >= 1 && m <= 12) addLabel(labels, { start: i, end: i + 1, kind: 'date', score: 0.95 });
      continue;
    }
    // A number written in pairs, as France and Belgium write phones ("06 12 34 56 78"): five groups
    // of two digits, the first with its leading zero, are never an amount.
    if (/^0\d$/.test(tk.text) && [1, 2, 3, 4].every((j) => toks[i + j]?.kind === 'num' && /^\d\d$/.test(toks[i + j]!.text))) {
      addLabel(labels, { start: i, end: i + 5, kind: 'phone', score: SURE });
      i += 4;
      continue;
    }
    // A phone number: ten to thirteen digits in groups ("98765 43210", "+1 312-555-0199").
    {
      let k = i, total = 0, groups = 0, joined = false;
      const plus = toks[i - 1]?.text === '+' && tk.glued;
      while (k < toks.length && toks[k]!.kind === 'num' && /^\d+$/.test(toks[k]!.text)) {
        total += toks[k]!.text.length;
        groups++;
        const sep = toks[k + 1];
        if (sep && (sep.text === '-' || sep.text === '.') && sep.glued && toks[k + 2]?.kind === 'num' && toks[k + 2]!.glued) { joined = true; k += 2; continue; }
        if (toks[k + 1]?.kind === 'num' && toks[k + 1]!.text.length >= 3 && toks[k]!.text.length >= 3) { k++; continue; }
        break;
      }
      if (groups >= 2 && total >= 10 && total <= 13 && (plus || joined || groups <= 3)) {
        addLabel(labels, { start: plus ? i - 1 : i, end: k + 1, kind: 'phone', score: SURE });
        i = k;
        continue;
      }
    }
    const before = toks[i - 1];
    // A long digit run: an account, a phone, an order id.
    if (/^\d{7,}$/.test(tk.text)) {
      const cur = (before && hasRole(cx, i - 1, 'currency')) || (nx && hasRole(cx, i + 1, 'currency'));
      if (!cur) addLabel(labels, { start: i, end: i + 1, kind: 'id', score: 0.9 });
      continue;
    }
    // Letters glued before digits that are no currency or count: a code or a model ("ps5", "SAVE50", "A4", "s23").
    if (tk.glued && before?.kind === 'word' && !hasRole(cx, i - 1, 'currency') && !hasRole(cx, i - 1, 'times') && !hasRole(cx, i - 1, 'approx') && !hasRole(cx, i - 1, 'each')) {
      let end = i + 1;
      while (toks[end]?.glued && (toks[end]!.kind === 'word' || toks[end]!.kind === 'num') && !hasRole(cx, end, 'currency') && !hasRole(cx, end, 'magnitude')) end++;
      // Short or capitalised letters make a code ("A4", "ps5", "SAVE50"); a lower-case word run into
      // its price ("chai20") is more likely an item and its amount.
      const letters = before.text.replace(/[^\p{L}]/gu, '');
      const code = letters.length <= 2 || letters === letters.toUpperCase();
      addLabel(labels, { start: i, end, kind: 'code', score: code ? SURE : 0.3 });
      continue;
    }
    // A year: sure after a month or a time preposition, likely when it is this year or next to it.
    if (/^\d{4}$/.test(tk.text)) {
      const y = Number(tk.text);
      if (y >= 1900 && y <= 2100) {
        const cue = before && (hasRole(cx, i - 1, 'month') || hasRole(cx, i - 1, 'time_since') || hasRole(cx, i - 1, 'time_from') || hasRole(cx, i - 1, 'time_prep' as Role) || (cx.t.at[i - 1] ?? []).some((g) => g.role === 'prep' && g.value === 'in'));
        const curAround = (before && hasRole(cx, i - 1, 'currency')) || (nx && hasRole(cx, i + 1, 'currency'));
        if (!curAround && (cue || Math.abs(y - year) <= 1)) addLabel(labels, { start: i, end: i + 1, kind: 'year', score: cue ? 0.9 : 0.5 });
      }
    }
    // Clock words and month names beside a number (time words are the time grammar's; read here only to keep them out of money).
    // "3.40pm" is a time; "3,40 am 28.05" is money and then a German "am" (on the).
    if (nx && hasRole(cx, i + 1, 'clock') && /^\d{1,2}([.:]\d{2})?$/.test(tk.text)) { addLabel(labels, { start: i, end: i + 2, kind: 'time', score: SURE }); continue; }
    const post = tagsAt(cx, i + 1, 'time_at').find((g) => g.value === 'post');
    if (post && /^\d{1,2}$/.test(tk.text)) { addLabel(labels, { start: i, end: post.end, kind: 'time', score: SURE }); continue; }
    const pre = cx.endAt[i]?.find((g) => g.role === 'time_at' && g.value !== 'post');
    if (pre && /^\d{1,2}$/.test(tk.text) && Number(tk.text) <= 24 && !(nx && hasRole(cx, i + 1, 'currency'))) addLabel(labels, { start: i, end: i + 1, kind: 'time', score: 0.5 });
    if (/^\d{1,2}$/.test(tk.text) && Number(tk.text) >= 1 && Number(tk.text) <= 31) {
      const monthBefore = cx.endAt[i]?.find((g) => g.role === 'month');
      const monthAfter = tagsAt(cx, i + 1, 'month')[0] ?? (toks[i + 1]?.kind === 'word' && toks[i + 1]!.glued ? undefined : tagsAt(cx, i + 2, 'month').find(() => toks[i + 1]?.norm === 'of'));
      const m = monthBefore ?? monthAfter;
      if (m) {
        const homograph = (cx.t.at[m.start] ?? []).some((g) => (g.role as string) === 'homograph');
        addLabel(labels, { start: i, end: i + 1, kind: 'date', score: homograph ? 0.6 : 0.9 });
      }
    }
  }
}

// ------------------------------------------------------------------------------------ the grammar

/**
 * Every number reading of a message.
 * e.g. readNumbers(analyze('kal petrol 1.2k', ctx), ctx).money[0].minor === 120000
 */
export function readNumbers(t: Tagged, ctx: LanguageContext): NumberAnalysis {
  const out: NumberAnalysis = { money: [], quantities: [], labels: [], rates: [], vague: [], bad: [] };
  const toks = t.tokens;
  // "APS 126.14 COX 94.99 ALL PAID TODAY": in a message written in capitals an ISO code that is also an
  // everyday word (ALL, TOP, CUP, PEN) is the word; a code with no other reading (EUR, CAD) is money.
  const loud = shouting(toks);
  const isoCode = (i: number): boolean => toks[i]?.kind === 'word' && /^[A-Z]{3}$/.test(toks[i]!.text) && KNOWN_CURRENCIES.has(toks[i]!.text) && !(loud && (t.at[i] ?? []).length > 0);
  if (!toks.some((k) => k.kind === 'num') && !t.roles.has('money_word') && !t.roles.has('vague') && !t.roles.has('fraction') && !t.roles.has('num_adjust')) {
    // Words alone: only number words or magnitudes that are no other word ("twenty", "do hazaar") can be amounts.
    const wordsMayCount = t.tags.some((g) => (g.role === 'number' || (g.role === 'magnitude' && !shortWord(g))) && (t.at[g.start] ?? []).every((o) => o.role === 'number' || o.role === 'magnitude'));
    if (!wordsMayCount) return out;
  }
  // endBefore[p]: the tags (of the roles read here) that end right before token p; inner tokens of multi-word tags.
  const endBefore: (Tag[] | undefined)[] = new Array(toks.length + 1);
  const inner = new Uint8Array(toks.length);
  for (const g of t.tags) {
    if (BEFORE_ROLES.has(g.role)) (endBefore[g.end] ??= []).push(g);
    for (let k = g.start + 1; k < g.end; k++) inner[k] = 1;
  }
  const cx: Cx = { t, toks, ctx, endAt: endBefore, inner };

  labelsFromVocabulary(cx, out.labels);
  labelsFromNotation(cx, out.labels);
  addressContext(cx, out.labels);
  const sureLabel = new Set<number>();
  for (const l of out.labels) if (l.score >= 0.9) for (let k = l.start; k < l.end; k++) sureLabel.add(k);
  const labelAt = (a: number, b: number): number => {
    let s = 0;
    for (const l of out.labels) if (l.start < b && a < l.end) s = Math.max(s, l.score);
    return s;
  };

  // Vague amounts.
  const vagueTok = new Set<number>();
  for (const g of t.tags) {
    if (g.role !== 'vague') continue;
    let end = -1;
    if (g.value === 'alone') end = g.end;
    else {
      let k = g.end;
      if (toks[k]?.norm === 'of') k++;
      const m = (t.at[k] ?? []).find((x) => x.role === 'magnitude' || x.role === 'currency' || x.role === 'subunit');
      if (m && toks[k]?.kind !== 'num') {
        end = m.end;
        const cur = tagsAt(cx, end, 'currency')[0];
        if (cur) end = cur.end;
      }
    }
    // "a couple hundred" but not "a couple 100 rupee coffees": digits after a vague word make it a count.
    if (end > 0 && toks[g.start - 1]?.kind !== 'num' && !out.vague.some((v) => v.start <= g.start && end <= v.end)) {
      out.vague.push({ start: g.start, end });
      for (let k = g.start; k < end; k++) vagueTok.add(k);
    }
  }

  // Cores.
  const cores: Core[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (sureLabel.has(i) || vagueTok.has(i)) continue;
    const tk = toks[i]!;
    let c: Core | null = null;
    if (tk.kind === 'num') {
      // Letters run into the digits that say nothing of money ("7up", "221B", "3bhk", "1e309"): part of a name or a code.
      const nx = toks[i + 1];
      if (nx?.kind === 'word' && nx.glued && !(t.at[i + 1] ?? []).some((g) => MONEYISH.has(g.role))) continue;
      const nBad = out.bad.length;
      c = digitCore(cx, i, out.bad);
      if (!c && out.bad.length > nBad) { i = out.bad[out.bad.length - 1]!.end - 1; continue; }
      // A range: "500-600", "2-3k" is no amount.
      if (c && toks[c.end]?.text === '-' && toks[c.end]!.glued && toks[c.end + 1]?.kind === 'num' && toks[c.end + 1]!.glued && !sureLabel.has(c.end + 1)) {
        const c2 = digitCore(cx, c.end + 1, out.bad);
        if (c2) {
          // "2-3k": a magnitude written once covers both ends.
          const lo = c2.magnitude && !c.magnitude ? c.value * (c2.value / Number(readNumberText(toks[c2.start]!.text, ctx.pack.decimal))) : c.value;
          const cur = ctx.currency;
          const range = lo > 0 && c2.value > lo && c2.value <= MAX_MAJOR_AMOUNT ? { lo: toMinor(lo, cur), hi: toMinor(c2.value, cur), currency: cur } : undefined;
          out.vague.push(range ? { start: i, end: c2.end, range } : { start: i, end: c2.end });
          i = c2.end - 1;
          continue;
        }
      }
    } else if (tk.kind === 'word') {
      const mw = tagsAt(cx, i, 'money_word')[0];
      if (mw?.value) {
        const [amt, cur] = mw.value.split(' ') as [string, string];
        c = { start: i, end: mw.end, value: Number(amt), form: 'slang', score: S.slang, plainInt: false, weak: false, magnitude: false, currency: resolveCurrency(cur, ctx) };
        const ct = isInt(c.value) ? centsAfter(cx, mw.end) : null;
        if (ct) c = { ...c, end: ct.end, value: c.value + ct.cents / 100 };
      } else if (t.at[i]?.some((g) => g.role === 'number' || g.role === 'fraction' || g.role === 'num_adjust' || (g.role === 'magnitude' && !shortWord(g)))) {
        c = wordCore(cx, i);
      }
    }
    if (!c) continue;
    if (!c.magnitude && isInt(c.value) && c.form !== 'spoken') {
      const f = andAFraction(cx, c.end);
      if (f) c = { ...c, end: f.end, value: c.value + f.add, plainInt: false };
    }
    cores.push(c);
    i = c.end - 1;
  }

  // A weak label ("room 204", "flat 402", "table 4") is surely a label when another amount is written
  // beside it ("room 204 hotel 2500"); alone ("hotel room 2500") its number stays a likely price.
  for (const l of out.labels) {
    if (l.score >= 0.9) continue;
    const own = cores.find((c) => c.start < l.end && l.start < c.end);
    if (!own || !own.plainInt) continue;
    const other = cores.some((c) => c !== own && !c.weak && (c.end <= l.start || c.start >= l.end) && !out.labels.some((x) => x.start < c.end && c.start < x.end));
    if (other) {
      l.score = 0.9;
      cores.splice(cores.indexOf(own), 1);
    }
  }

  // Currency, approximation and notation around each core; then money and quantity readings.
  type Read = { core: Core; money: MoneyReading | null; qty: QuantityReading | null; countable: boolean };
  const reads: Read[] = [];
  // Tokens read as cents of the amount before them are no amount of their own.
  const eaten = new Set<number>();
  // Only a currency written as a word takes spoken cents ("12 bucks 50"), never a symbol or code.
  const alphaCurrency = (g: { phrase: string }): boolean => /^\p{L}{4,}$/u.test(g.phrase);
  for (const c of cores) {
    if (eaten.has(c.start)) continue;
    let start = c.start, end = c.end;
    let currency: string | null = c.currency ?? null;
    let score = c.score;
    let value = c.value;
    let subunit = false;
    // Before: "₹20", "Rs. 500", "USD 20", "US$ 5".
    if (!currency) {
      const before = mostSpecific((endBefore[start] ?? []).filter((g) => g.role === 'currency' && (!shortWord(g) || toks[start]!.glued)));
      if (before?.value) {
        currency = resolveCurrency(before.value, ctx);
        score += weakMarker(before) ? S.weakCurrency : S.currency;
        start = before.start;
      } else if (start > 0 && isoCode(start - 1)) {
        currency = toks[start - 1]!.text;
        score += (t.at[start - 1] ?? []).length ? S.weakCurrency : S.currency;
        start--;
      }
    }
    // After: "20rs", "500 rupees", "12,50 €", "50p", "99 cents", "20 EUR".
    let unitTag: Tag | undefined;
    let weightTag: Tag | undefined;
    if (!currency) {
      // "3/6 $76.12": a symbol written against the next number is that number's, not this one's.
      const ownsNext = (g: Tag): boolean => !toks[g.start]!.glued && toks[g.end]?.kind === 'num' && !!toks[g.end]!.glued && toks[g.start]!.kind === 'sym';
      const after = mostSpecific(tagsAt(cx, end, 'currency').filter((g) => (!shortWord(g) || toks[end]!.glued) && !ownsNext(g)));
      const sub = tagsAt(cx, end, 'subunit').find((g) => !shortWord(g) || toks[end]!.glued);
      // "weighed 158 pounds", "two pounds of coffee": where the pack reads the word as a weight (the
      // US), the bare word names no foreign money; "£", "GBP" and "British pounds" still do.
      weightTag = after?.value && resolveCurrency(after.value, ctx) !== ctx.currency ? tagsAt(cx, after.start, 'unit').find((u) => u.end === after.end) : undefined;
      if (after?.value && !weightTag) {
        currency = resolveCurrency(after.value, ctx);
        score += weakMarker(after) ? S.weakCurrency : S.currency;
        end = after.end;
        // "12€50": the cents written after the symbol, as in France.
        const cents = toks[end];
        if (cents?.kind === 'num' && cents.glued && /^\d{2}$/.test(cents.text) && c.plainInt && toks[after.start]!.glued && toks[after.start]!.kind === 'sym') {
          value += Number(cents.text) / 100;
          end++;
        }
        // "1.5 pounds of apples": a currency name that is also a unit stays a quantity as well.
        unitTag = tagsAt(cx, after.start, 'unit')[0];
        // "two hundred sixty-one dollars and fifty cents": named cents follow any whole amount; bare
        // spoken cents ("a buck fifty") only a plain one.
        const ct = isInt(value) && alphaCurrency(after) ? (c.magnitude ? null : centsAfter(cx, end)) ?? andCents(cx, end) : null;
        if (ct) {
          for (let k = end; k < ct.end; k++) eaten.add(k);
          value += ct.cents / 100;
          end = ct.end;
          unitTag = undefined;
        }
      } else if (sub?.value && !c.magnitude && isInt(value)) {
        currency = resolveCurrency(sub.value, ctx);
        value = value / 100;
        subunit = true;
        score += shortWord(sub) ? S.weakCurrency : S.currency;
        end = sub.end;
      } else if (isoCode(end)) {
        currency = toks[end]!.text;
        score += (t.at[end] ?? []).length ? S.weakCurrency : S.currency;
        end++;
      }
    }
    // "500/-"
    if (toks[end]?.text === '/' && toks[end + 1]?.text === '-' && toks[end]!.glued) {
      end += 2;
      score += S.slashDash;
    }
    // Approximation: "around 500", "~₹500", "500ish", "500 odd".
    const approx = (endBefore[start] ?? []).some((g) => g.role === 'approx' && g.value !== 'after') || tagsAt(cx, end, 'approx').some((g) => g.value === 'after');
    // Negative: "-50" (a minus written against the number, not between two numbers).
    const minus = toks[start - 1];
    if (minus?.text === '-' && toks[start]!.glued && !(minus.glued && (toks[start - 2]?.kind === 'num' || toks[start - 2]?.kind === 'word'))) {
      out.bad.push({ start: start - 1, end, why: 'negative' });
      continue;
    }
    // A unit after the number makes it a quantity ("5 kg", "2 plates", "3 months").
    // Not a grouped number ("1,860 mahine ka"), not the first word of a longer phrase ("200 day before yesterday").
    // A spelled-out magnitude keeps a measure after it ("four thousand two hundred steps", "a hundred miles");
    // a written one keeps a count that is never money ("12k steps", "1.5k followers").
    const measured = c.magnitude ? measureAt(cx, end) : undefined;
    const unitNext = !currency ? (!c.magnitude ? unitAt(cx, end) : c.form === 'words' ? measured : measured?.value === 'measure' ? measured : undefined) : undefined;
    // Whole things ("kids", "tickets", "plates") are never counted in fractions: "64.20 kids socks" is money.
    const whole = (u: { value?: string | null } | undefined): boolean => !!u && WHOLE_UNITS.has(u.value ?? '') && !isInt(c.value);
    const unitNext0 = unitNext && whole(unitNext) ? undefined : unitNext;
    const unit = unitTag ?? weightTag ?? (unitNext0 && (unitNext0.value === 'measure' || unitNext0.value === 'distance' || !/[,.]\d{3}/.test(toks[c.start]!.text)) ? unitNext0 : undefined);
    let qty: QuantityReading | null = null;
    // "for a pint", "a kg of onions": an article before a unit counts nothing the reader needs, and
    // must not hide the thing named.
    const article = c.end - c.start === 1 && c.form === 'words' && hasRole(cx, c.start, 'glue');
    if (unit && (c.form !== 'spoken' || weightTag) && !article) qty = { start: c.start, end: unit.end, count: c.value, unit: unit.phrase, unitKind: unit.value, score: 0.9 };
    // A magnitude that is also a unit ("1.5l": lakh or litres) keeps both readings.
    const magUnit = c.magnitude && toks[c.end - 1]?.kind === 'word' && tagsAt(cx, c.end - 1, 'unit')[0];
    if (magUnit && !currency) {
      const n = Number(toks[c.start]!.text.replace(',', '.'));
      if (Number.isFinite(n)) qty = { start: c.start, end: c.end, count: n, unit: magUnit.phrase, unitKind: magUnit.value, score: toks[c.end - 1]!.cap ? 0.5 : 0.9 };
      score -= toks[c.end - 1]!.cap ? 0.05 : 0.3;
    }
    let money: MoneyReading | null = null;
    const bareSmallWord = c.form === 'words' && !c.magnitude && value < 10 && !currency;
    // A time unit after a large number is rather a price and its period ("rent 15000 month").
    const unitOnly = !!unit && !unitTag && !currency && !(unit.value === 'time' && value >= 100);
    if (!unitOnly && !(c.weak && !currency) && !bareSmallWord) {
      const cur = currency ?? ctx.currency;
      const why: BadWhy | null = value <= 0 ? 'zero' : value > MAX_MAJOR_AMOUNT ? 'too_large' : null;
      if (why) {
        out.bad.push({ start, end, why });
        continue;
      }
      const label = labelAt(c.start, c.end);
      score -= S.labelCue * label;
      if (c.weak) score -= 0.1;
      money = {
        start, end, minor: toMinor(value, cur), currency: cur, currencyWritten: currency !== null,
        form: subunit ? 'digits' : c.form, approx, score: Math.max(0.05, Math.min(0.99, score)),
      };
      if (c.alt && c.alt.value > 0 && c.alt.value <= MAX_MAJOR_AMOUNT) money.alternatives = [{ minor: toMinor(c.alt.value, cur), currency: cur, score: Math.max(0.01, money.score - c.alt.drop) }];
    } else if (value <= 0 && !qty) {
      out.bad.push({ start, end, why: 'zero' });
      continue;
    }
    // A bare small count may be a quantity ("2 beer 450", "two coffees 300").
    const countable = (c.plainInt && !currency && value >= 1 && value <= 20) || (c.form === 'words' && !c.magnitude && !currency && value >= 1 && value <= 20 && isInt(value));
    if (!qty && countable && !c.weak) qty = { start: c.start, end: c.end, count: value, unit: null, unitKind: null, score: c.form === 'words' && value < 10 ? 0.6 : 0.4 };
    reads.push({ core: c, money, qty, countable: (c.plainInt || c.form === 'words') && !currency && isInt(value) && value >= 1 && value <= 99 });
  }

  // Rates.
  const dropped = new Set<Read>();
  const clauseBreak = (k: number): boolean => {
    const tk = toks[k]!;
    return tk.kind === 'newline' || (tk.kind === 'punct' && (tk.text === ',' || tk.text === ';' || tk.text === '.')) || (t.at[k] ?? []).some((g) => g.role === 'separator');
  };
  const countNear = (r: Read, unitKind: string | null): Read | null => {
    // The nearest count in the same clause, before the rate (or after it, for a unit rate: "for 3 days").
    for (let j = reads.indexOf(r) - 1; j >= 0; j--) {
      const q = reads[j]!;
      let broken = false;
      for (let k = q.core.end; k < r.core.start; k++) if (clauseBreak(k)) broken = true;
      if (broken) break;
      if (q.money?.currencyWritten) break;
      // An article read as a number only before a magnitude ("a" in "3 pastelitos a 1.25 cada uno") is neither.
      if (!q.money && !q.qty) continue;
      if (q.qty && (unitKind ? q.qty.unitKind === unitKind : (q.countable || (q.qty.unit && q.qty.unitKind !== 'time')))) return q;
      if (!q.qty) break;
    }
    if (unitKind) {
      for (let j = reads.indexOf(r) + 1; j < reads.length; j++) {
        const q = reads[j]!;
        let broken = false;
        for (let k = r.core.end; k < q.core.start; k++) if (clauseBreak(k)) broken = true;
        if (broken) break;
        if (q.qty?.unitKind === unitKind) return q;
        if (q.money) break;
      }
    }
    return null;
  };
  const makeRate = (each: Read, count: number | null, start: number, end: number, unit: string | null, unitKind: string | null, countRead: Read | null): void => {
    const m = each.money;
    if (!m) return;
    const rate: RateReading = { start, end, each: { ...m }, count, unit };
    out.rates.push(rate);
    if (count !== null) {
      const total = m.minor * count;
      each.money = { ...m, start: Math.min(start, m.start), end: Math.max(end, m.end), minor: total, score: Math.min(0.99, m.score + 0.05), rate: { eachMinor: m.minor, count } };
      delete each.money.alternatives;
      if (countRead && countRead.core.start >= start && countRead.core.end <= end) dropped.add(countRead);
    } else {
      each.money = { ...m, start: Math.min(start, m.start), end: Math.max(end, m.end), score: Math.min(m.score, unitKind === 'time' ? S.rateTime : S.rateNoCount) };
      if (m.alternatives) each.money.alternatives = m.alternatives.map((a) => ({ ...a, score: Math.min(a.score, each.money!.score - 0.05) }));
    }
  };
  for (let n = 0; n < reads.length; n++) {
    const r = reads[n]!;
    if (dropped.has(r) || !r.money) continue;
    const s = r.money.start, e = r.money.end;
    // "2x190", "2 x 190", "190 × 2", "2*190".
    const op = tagsAt(cx, e, 'times')[0];
    const nxt = reads[n + 1];
    // ("2 x $30": the currency may stand between the mark and the number.)
    if (op && nxt && nxt.money && (nxt.core.start === op.end || nxt.money.start === op.end)) {
      const aCount = r.countable, bCount = nxt.countable;
      if (aCount || bCount) {
        const countIsA = aCount && (!bCount || r.core.value <= nxt.core.value);
        const [cnt, each] = countIsA ? [r, nxt] : [nxt, r];
        makeRate(each, cnt.core.value, s, nxt.money.end, null, null, null);
        dropped.add(cnt);
        each.qty = null;
        n++;
        continue;
      }
    }
    // "@ 50", "@50 each", "3 @ 40".
    const at = (endBefore[s] ?? []).find((g) => g.role === 'each' && g.value === 'before');
    let eachEnd = e;
    const eachAfter = tagsAt(cx, e, 'each').find((g) => g.value === null);
    const per = eachAfter && unitAt(cx, eachAfter.end);
    const slashUnit = toks[e]?.text === '/' && toks[e]!.glued && unitAt(cx, e + 1);
    if (per || slashUnit) {
      // "50 per kg", "190/kg", "400 per day".
      const u = (per || slashUnit) as Tag;
      const q = countNear(r, u.value);
      makeRate(r, q ? q.core.value : null, at ? at.start : s, u.end, u.phrase, u.value, q);
      r.qty = null;
      continue;
    }
    if (at || eachAfter) {
      if (eachAfter) eachEnd = eachAfter.end;
      // "15 each x 4", "50 each for 3"
      const xop = tagsAt(cx, eachEnd, 'times')[0];
      const xr = xop && reads.find((q) => q.core.start === xop.end && q.countable);
      let start = at ? at.start : s;
      let count: number | null = null, countRead: Read | null = null;
      if (xr) { count = xr.core.value; eachEnd = xr.core.end; countRead = xr; dropped.add(xr); }
      else {
        const prev = reads[n - 1];
        if (at && prev && prev.countable && prev.core.end === at.start) { count = prev.core.value; start = prev.core.start; countRead = prev; dropped.add(prev); }
        else {
          const q = countNear(r, null);
          if (q) { count = q.core.value; countRead = q; }
          else {
            // "lunch for 2, 18 each": a count just before the clause may be meant; ask rather than guess.
            const prevRead = reads[n - 1];
            if (prevRead?.countable && prevRead.core.end >= s - 3 && r.money.minor > 0) {
              r.money = { ...r.money, alternatives: [{ minor: r.money.minor * prevRead.core.value, currency: r.money.currency, score: r.money.score - 0.05 }] };
            }
          }
        }
      }
      makeRate(r, count, start, eachEnd, null, null, countRead);
      r.qty = null;
      continue;
    }
    // "2 for 700": a total for a count.
    const deal = (endBefore[s] ?? []).find((g) => g.role === 'each' && g.value === 'deal');
    const prev = reads[n - 1];
    if (deal && prev && prev.countable && prev.core.end === deal.start && r.money.minor > 0) {
      out.rates.push({ start: prev.core.start, end: e, each: { ...r.money, minor: Math.round(r.money.minor / prev.core.value) }, count: prev.core.value });
      // "samosas 2 for 5": the count is no amount of its own.
      if (prev.money && !prev.money.currencyWritten) {
        prev.money = null;
        prev.qty = { start: prev.core.start, end: prev.core.end, count: prev.core.value, unit: null, unitKind: 'count', score: 0.9 };
      }
    }
  }
  // "x4", "4x": a count written with a times mark.
  for (const r of reads) {
    if (dropped.has(r)) continue;
    const c = r.core;
    const opBefore = (endBefore[c.start] ?? []).find((g) => g.role === 'times');
    const opAfter = tagsAt(cx, c.end, 'times')[0];
    if (r.countable && ((opBefore && toks[c.start]!.glued && !(toks[opBefore.start - 1]?.kind === 'num')) || (opAfter && toks[c.end]!.glued && !reads.some((q) => q.core.start === opAfter.end)))) {
      r.qty = { start: opBefore && toks[c.start]!.glued ? opBefore.start : c.start, end: opAfter && toks[c.end]!.glued ? opAfter.end : c.end, count: c.value, unit: null, unitKind: 'count', score: 0.9 };
      if (r.money && !r.money.currencyWritten) r.money = null;
    }
  }
  for (const r of reads) {
    if (dropped.has(r)) continue;
    if (r.money) out.money.push(r.money);
    if (r.qty) out.quantities.push(r.qty);
  }
  return out;
}
