/**
 * @module receipts/reader
 * From a receipt's text (OCR output or a PDF's text layer) to what a bookkeeper reads off it: the
 * total actually paid (not the subtotal, a tax, the tip alone, the cash handed over or the
 * change), its currency, the merchant from the header, the printed date in the locale's order,
 * and the item lines. Pure: the text and the owner's language context in, a reading out.
 *
 * Amounts and currencies are read by the language layer's money readings and dates by its time
 * readings, line by line; this module only knows receipt layout: which line is which (words.tsv),
 * how OCR garbles column numbers ("1,3OO.OO", "12. 50", ₹ read as a leading 3), and how the
 * figures of a receipt check each other (subtotal + tax = total, cash − change = total).
 */
import { addDays, daysInMonth, ymd, type IsoDate } from '../core/dates.js';
import { analyze, type LanguageContext } from '../language/context.js';
import { fold, normalizeText } from '../language/normalize.js';
import type { Tag } from '../language/tagger.js';
import type { Token } from '../language/tokens.js';
import { readNumbers } from '../language/money/index.js';
import { readTimes } from '../language/time/index.js';
import { matchPhrases, wordsOf, type ReceiptRole } from './words.js';

export interface ReceiptItem {
  name: string;
  amountMinor: number;
}

export interface ReceiptReading {
  /** 'receipt' when a total could be read; 'not_receipt' when the text holds no receipt. */
  kind: 'receipt' | 'not_receipt';
  amountMinor: number | null;
  /** The currency printed on the receipt, else the owner's. */
  currency: string;
  currencyWritten: boolean;
  merchant: string | null;
  /** The date printed on the receipt; null when none could be read. */
  date: IsoDate | null;
  items: ReceiptItem[];
  /** 0..1 per field: how sure the reader is. */
  confidence: { amount: number; merchant: number; date: number };
  /** How the total was found ("total line", "subtotal + tax", ...), for logs and the CLI. */
  totalFrom: string | null;
}

interface Amount {
  minor: number;
  currency: string | null;
  /** Written with two decimals (column amounts are; quantities and codes are not). */
  decimals: boolean;
  /** The amount with its first digit dropped: a ₹ or $ that OCR read as a digit. */
  withoutLead: number | null;
}

interface Line {
  index: number;
  text: string;
  role: ReceiptRole | null;
  roles: Set<ReceiptRole>;
  amounts: Amount[];
  date: IsoDate | null;
  letters: number;
}

const TOTALS: ReadonlySet<ReceiptRole> = new Set(['grand_total', 'due', 'total']);
const MONEY_ROLES: ReadonlySet<ReceiptRole> = new Set(['grand_total', 'due', 'total', 'subtotal', 'tax', 'tip', 'change', 'tendered', 'discount']);
/** Which role a line has when several receipt words sit on it: "Total Savings" is a discount. */
const LINE_ROLE_ORDER: readonly ReceiptRole[] = ['count', 'subtotal', 'tax', 'tip', 'change', 'discount', 'grand_total', 'due', 'total', 'tendered'];
const TOTAL_SCORE: Partial<Record<ReceiptRole, number>> = { grand_total: 0.95, due: 0.9, total: 0.85 };
/** A printed date further back than this is a misread (or not the purchase date). */
const OLDEST_DAYS = 3 * 366;

/**
 * Reads a receipt's text.
 * e.g. readReceipt('BIG BAZAAR\n28/02/2026\nSubtotal 1,200.00\nGST 45.50\nTOTAL 1,245.50', ctx)
 *   → { kind: 'receipt', amountMinor: 124550, merchant: 'Big Bazaar', date: '2026-02-28', ... }
 */
export function readReceipt(text: string, ctx: LanguageContext): ReceiptReading {
  const lines = splitLines(text).map((l, i) => readLine(l, i, ctx));
  const total = chooseTotal(lines);
  const written = total?.currency ?? majorityCurrency(lines);
  const merchant = findMerchant(lines);
  const date = findDate(lines, ctx);
  const items = total ? findItems(lines) : [];
  if (!total) {
    return {
      kind: 'not_receipt', amountMinor: null, currency: written ?? ctx.currency, currencyWritten: written !== null,
      merchant: merchant?.name ?? null, date, items: [], confidence: { amount: 0, merchant: merchant?.confidence ?? 0, date: date ? 0.9 : 0 }, totalFrom: null,
    };
  }
  return {
    kind: 'receipt',
    amountMinor: total.minor,
    currency: written ?? ctx.currency,
    currencyWritten: written !== null,
    merchant: merchant?.name ?? null,
    date,
    items,
    confidence: { amount: total.confidence, merchant: merchant?.confidence ?? 0, date: date ? 0.9 : 0 },
    totalFrom: total.from,
  };
}

// ---- lines ------------------------------------------------------------------------------------

function splitLines(text: string): string[] {
  return String(text ?? '')
    .split(/\r?\n/)
    .map((l) => normalizeText(l))
    .filter((l) => /[\p{L}\p{N}]/u.test(l))
    .slice(0, 200);
}

function readLine(text: string, index: number, ctx: LanguageContext): Line {
  const matches = matchPhrases(text);
  const roles = new Set(matches.map((m) => m.role));
  let role: ReceiptRole | null = null;
  for (const r of LINE_ROLE_ORDER) {
    if (!roles.has(r)) continue;
    // "Total (incl. tax)" stays a total; "Total Tax" is a phrase of its own (words.tsv).
    if (r === 'tax' && roles.has('incl') && [...roles].some((x) => TOTALS.has(x))) continue;
    role = r;
    break;
  }
  return { index, text, role, roles, amounts: lineAmounts(text, ctx), date: null, letters: (text.match(/\p{L}/gu) ?? []).length };
}

// Things on a receipt line that look like numbers but are no amount of money.
const NOT_AMOUNTS: readonly RegExp[] = [
  /\b\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}\b/g, // dates
  /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?/gi, // clock times
  /[-+]?\d+(?:[.,]\d+)?\s*%/g, // rates
  /\b(?=[\p{L}\d]*\p{L})(?=[\p{L}\d]*\d)[\p{L}\d]{6,}\b/gu, // GSTIN, codes
  /[*xX#]{2,}\s*\d{2,4}\b/g, // masked card numbers (**** 1234)
  /\b\d{5,}\b(?![.,]\d)/g, // phone numbers, bill numbers, ids
];

/** OCR's usual confusions inside a column number: O for 0, l or I for 1, S for 5, B for 8. */
function repairDigits(raw: string): string {
  // Specks after the last column ("38,05 .", "12.50 ’") are no part of the number.
  const s = raw.replace(/(\d)[^\p{L}\p{N}%)]+$/u, '$1');
  // "12. 50" and "12 .50" at the end of a line: a decimal point OCR spaced out, or read as ";".
  let out = s.replace(/([\dOo])\s*([.,;])\s+(\d{2})\s*$/, '$1$2$3').replace(/([\dOo])\s+([.,])(\d{2})\s*$/, '$1$2$3');
  out = out.replace(/(\d);(\d{2})\s*$/, '$1.$2');
  out = out.replace(/(?<![\p{L}])[\dOoIlSB|]*\d[\dOoIlSB|]*[.,][\dOoIlSB|]{2}(?![\p{L}\d])/gu, (m) => {
    if ((m.match(/\d/g) ?? []).length < 2) return m;
    return m.replace(/[Oo]/g, '0').replace(/[Il|]/g, '1').replace(/S/g, '5').replace(/B/g, '8');
  });
  return out;
}

/** A column number in canonical form ("1.245,50" → "1245.50"), or null when it is none. */
function canonicalNumber(raw: string): { canon: string; decimals: boolean } | null {
  const s = raw.replace(/'/g, ',');
  let m = /^(\d[\d.,]*?)[.,](\d{2})$/.exec(s);
  if (m && /^\d{1,3}(?:[.,]\d{2,3})*$|^\d+$/.test(m[1]!)) return { canon: `${m[1]!.replace(/[.,]/g, '')}.${m[2]}`, decimals: true };
  m = /^(\d+)[.,](\d)$/.exec(s);
  if (m) return { canon: `${m[1]}.${m[2]}0`, decimals: true };
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(s) || /^\d{1,3}(?:,\d{2})*,\d{3}$/.test(s)) return { canon: s.replace(/[.,]/g, ''), decimals: false };
  if (/^\d+$/.test(s)) return { canon: s, decimals: false };
  return null;
}

/**
 * The amounts of money on one line, in order, read by the language layer's money readings from
 * the line with its numbers written canonically (so "1.245,50" and "1,245.50" read alike).
 */
function lineAmounts(text: string, ctx: LanguageContext): Amount[] {
  let masked = repairDigits(text);
  for (const re of NOT_AMOUNTS) masked = masked.replace(re, (m) => ' '.repeat(m.length));
  // Rebuild the line with each number canonical, remembering where each one sits.
  const spots: { at: number; decimals: boolean; canon: string }[] = [];
  let canonLine = '';
  let last = 0;
  for (const m of masked.matchAll(/\d(?:[\d.,']*\d)?/g)) {
    const c = canonicalNumber(m[0]);
    canonLine += masked.slice(last, m.index);
    last = m.index + m[0].length;
    if (!c) {
      canonLine += ' '.repeat(m[0].length);
      continue;
    }
    spots.push({ at: canonLine.length, decimals: c.decimals, canon: c.canon });
    canonLine += c.canon;
  }
  canonLine += masked.slice(last);
  if (!spots.length) return [];
  const norm = normalizeText(canonLine.replace(/ {2,}/g, (s) => ' '.repeat(s.length)));
  const tagged = analyze(norm, ctx);
  const readings = readNumbers(tagged, ctx).money;
  const out: Amount[] = [];
  for (const r of readings) {
    const numTok = tagged.tokens.slice(r.start, r.end).find((t) => t.kind === 'num');
    if (!numTok) continue;
    const spot = spots.find((s) => s.canon === numTok.text);
    if (!spot || r.minor <= 0) continue;
    const digits = spot.canon.replace('.', '');
    const lead = digits.length > 3 ? Number(spot.canon.slice(1)) : NaN;
    out.push({
      minor: r.minor,
      currency: r.currencyWritten ? r.currency : null,
      decimals: spot.decimals,
      withoutLead: Number.isFinite(lead) && lead > 0 ? Math.round(lead * (r.minor / Number(spot.canon))) : null,
    });
  }
  return out;
}

/** The amount a line states: its last one (columns put the amount on the right). */
function lineAmount(l: Line): Amount | null {
  return l.amounts.at(-1) ?? null;
}

// ---- the total --------------------------------------------------------------------------------

interface Total {
  minor: number;
  currency: string | null;
  confidence: number;
  from: string;
}

function sumOf(lines: Line[], role: ReceiptRole): number | null {
  const xs = lines.filter((l) => l.role === role).map(lineAmount).filter((a): a is Amount => a !== null);
  return xs.length ? xs.reduce((s, a) => s + a.minor, 0) : null;
}

function lastOf(lines: Line[], role: ReceiptRole): number | null {
  const xs = lines.filter((l) => l.role === role).map(lineAmount).filter((a): a is Amount => a !== null);
  return xs.at(-1)?.minor ?? null;
}

/** Figures the total should agree with, each with how it was derived. */
function checks(lines: Line[]): { value: number; from: string }[] {
  const out: { value: number; from: string }[] = [];
  const sub = lastOf(lines, 'subtotal');
  const tax = sumOf(lines, 'tax');
  const tip = sumOf(lines, 'tip');
  const disc = sumOf(lines, 'discount');
  const change = lastOf(lines, 'change');
  const tendered = lines.filter((l) => l.role === 'tendered').map(lineAmount).filter((a): a is Amount => a !== null);
  if (sub !== null) {
    if (tax !== null) out.push({ value: sub + tax, from: 'subtotal + tax' });
    if (tax !== null && tip !== null) out.push({ value: sub + tax + tip, from: 'subtotal + tax + tip' });
    if (disc !== null) out.push({ value: sub - disc, from: 'subtotal − discount' });
    out.push({ value: sub, from: 'subtotal' });
  }
  for (const t of tendered) {
    if (change !== null && change > 0) out.push({ value: t.minor - change, from: 'paid − change' });
    else out.push({ value: t.minor, from: 'amount paid' });
  }
  const items = findItems(lines);
  if (items.length >= 2) {
    const s = items.reduce((a, i) => a + i.amountMinor, 0);
    out.push({ value: s, from: 'items' });
    if (tax !== null) out.push({ value: s + tax, from: 'items + tax' });
  }
  return out;
}

const agrees = (a: number, b: number): boolean => Math.abs(a - b) <= 2;

/** A value two independent figures agree on ("items" and "amount paid"), if any. */
function agreedFigure(figures: readonly { value: number; from: string }[]): { value: number; from: string } | null {
  const source = (f: string): string => (f.startsWith('items') ? 'items' : f.startsWith('subtotal') ? 'subtotal' : 'paid');
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) {
      const a = figures[i]!, b = figures[j]!;
      if (a.value > 0 && source(a.from) !== source(b.from) && agrees(a.value, b.value) && a.from !== 'subtotal' && b.from !== 'subtotal') {
        return { value: a.value, from: `${a.from} = ${b.from}` };
      }
    }
  }
  return null;
}

function chooseTotal(lines: Line[]): Total | null {
  const figures = checks(lines);
  const cands: (Total & { index: number })[] = [];
  for (const l of lines) {
    if (!l.role || !TOTALS.has(l.role)) continue;
    const a = lineAmount(l);
    if (!a) continue;
    let minor = a.minor;
    let conf = TOTAL_SCORE[l.role]!;
    let from = `${l.role.replace('_', ' ')} line`;
    const agreeing = figures.filter((f) => agrees(f.value, minor) && f.from !== 'subtotal');
    if (agreeing.length) conf = Math.min(0.99, conf + 0.04 * agreeing.length);
    else if (a.withoutLead !== null && !a.currency && figures.some((f) => agrees(f.value, a.withoutLead!))) {
      // "TOTAL 31,245.50" next to "Subtotal 1,200.00 / GST 45.50": the 3 was a ₹.
      minor = a.withoutLead;
      conf = 0.8;
      from += ' (currency sign read as a digit)';
    } else if (!a.decimals && !a.currency) conf -= 0.25;
    cands.push({ minor, currency: a.currency, confidence: conf, from, index: l.index });
  }
  const consensus = agreedFigure(figures);
  if (cands.length) {
    // The best-scored total; among equals the later and larger one (the total after the tip).
    cands.sort((x, y) => y.confidence - x.confidence || y.minor - x.minor || y.index - x.index);
    const best = cands[0]!;
    const backed = figures.some((f) => agrees(f.value, best.minor) && f.from !== 'subtotal');
    // A total line no other figure backs, while two others agree on one value: OCR misread the total.
    if (!backed && consensus && !agrees(consensus.value, best.minor)) {
      return { minor: consensus.value, currency: best.currency ?? currencyNear(lines, best.index), confidence: 0.75, from: consensus.from };
    }
    return { ...best, currency: best.currency ?? currencyNear(lines, best.index) };
  }
  if (consensus) return { minor: consensus.value, currency: null, confidence: 0.65, from: consensus.from };
  // No line says "total": a figure derived from the others, else the largest plain amount.
  const derived = figures.find((f) => f.from !== 'items' && f.from !== 'items + tax' && f.value > 0);
  if (derived) return { minor: derived.value, currency: null, confidence: 0.6, from: derived.from };
  // Items with prices but no readable total: their sum, flagged as unsure.
  const items = figures.find((f) => f.from === 'items' && f.value > 0);
  if (items) return { minor: items.value, currency: null, confidence: 0.5, from: 'sum of the items' };
  const plain = lines
    .filter((l) => (l.role === null || l.role === 'tendered') && l.amounts.length)
    .map((l) => ({ l, a: lineAmount(l)! }))
    .filter((x) => x.a.decimals || x.a.currency);
  if (plain.length >= 2 || plain.some((p) => p.a.currency)) {
    const best = plain.reduce((m, x) => (x.a.minor > m.a.minor ? x : m));
    return { minor: best.a.minor, currency: best.a.currency, confidence: 0.4, from: 'largest amount' };
  }
  return null;
}

function currencyNear(lines: Line[], index: number): string | null {
  return lines[index]?.amounts.find((a) => a.currency)?.currency ?? null;
}

/** The currency written most on the receipt's money lines (a "£" inside a serial number is none). */
function majorityCurrency(lines: Line[]): string | null {
  const n = new Map<string, number>();
  const items = new Set(findItemLines(lines));
  for (const l of lines) {
    if (!(l.role && MONEY_ROLES.has(l.role)) && !items.has(l)) continue;
    for (const a of l.amounts) if (a.currency) n.set(a.currency, (n.get(a.currency) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [c, k] of n) if (best === null || k > n.get(best)!) best = c;
  return best;
}

// ---- merchant ---------------------------------------------------------------------------------

const HEADER_LINES = 6;

function findMerchant(lines: Line[]): { name: string; confidence: number } | null {
  const firstFigure = lines.findIndex((l) => (l.amounts.some((a) => a.decimals) && !l.roles.has('skip_header')) || (l.role !== null && TOTALS.has(l.role)));
  const end = Math.min(HEADER_LINES, firstFigure < 0 ? lines.length : firstFigure);
  let fallback: { name: string; confidence: number } | null = null;
  for (let i = 0; i < end; i++) {
    const l = lines[i]!;
    if (l.roles.has('skip_header') || l.roles.has('date_label') || l.roles.has('noise') || (l.role && l.role !== 'tendered')) continue;
    if (l.roles.has('address') && (/[\d,]/.test(l.text) || matchPhrases(l.text).length >= wordsOf(l.text).length)) continue;
    if (/@|https?:|www\.|\.com\b/i.test(l.text)) continue;
    let words = l.text.split(/\s+/);
    if (l.roles.has('welcome')) {
      const w = matchPhrases(l.text).find((m) => m.role === 'welcome')!;
      words = words.slice(w.end);
    }
    // Specks around the name come out as short lower- or mixed-case bits ("oo", "Ce", "iE").
    const debris = (w: string): boolean => w.replace(/[^\p{L}]/gu, '').length <= 2 && !/^\p{Lu}+$/u.test(w.replace(/[^\p{L}]/gu, '')) && !/\d/.test(w);
    while (words.length > 1 && debris(words[0]!)) words.shift();
    while (words.length > 1 && debris(words.at(-1)!)) words.pop();
    let name = words.join(' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.)&']+$/gu, '').trim();
    const legal = matchPhrases(name).filter((m) => m.role === 'legal');
    if (legal.length) {
      const ws = wordsOf(name);
      const cut = legal[legal.length - 1]!;
      if (cut.end === ws.length && cut.start > 0) name = name.split(/\s+/).slice(0, cut.start).join(' ').replace(/[^\p{L}\p{N})&']+$/u, '');
    }
    const letters = (name.match(/\p{L}/gu) ?? []).length;
    const visible = name.replace(/\s/g, '').length;
    if (letters < 3 || letters / Math.max(visible, 1) < 0.6) continue;
    const found = { name: displayName(name), confidence: i <= 1 && letters >= 4 ? 0.9 : 0.6 };
    // A big bold logo line often comes out as debris ("So LDL", "Cee LoL Lo"); the next header
    // line usually names the shop again ("Lidl Dienstleistung").
    if (looksGarbled(name)) {
      fallback ??= { ...found, confidence: 0.4 };
      continue;
    }
    return fallback ? { ...found, confidence: 0.6 } : found;
  }
  return fallback;
}

/** Whether a header line reads like OCR debris: no word of 4+ letters, or capitals inside words. */
function looksGarbled(name: string): boolean {
  const words = name.split(/[^\p{L}]+/u).filter(Boolean);
  if (!words.some((w) => w.length >= 4)) return true;
  return words.some((w) => w.length >= 3 && /\p{Ll}\p{Lu}/u.test(w) && !/^(?:Mc|Mac|O)\p{Lu}/u.test(w) && !/^\p{Lu}+s?$/u.test(w));
}

const SMALL_WORDS = new Set(['the', 'and', 'of', 'de', 'la', 'le', 'der', 'die', 'das', 'und']);

/** "BIG BAZAAR" → "Big Bazaar"; names written in mixed case stay as printed; "KFC" and "H&M" stay. */
function displayName(s: string): string {
  const collapsed = s.replace(/\s+/g, ' ').slice(0, 60);
  if (/\p{Ll}/u.test(collapsed)) return collapsed;
  const words = collapsed.split(' ');
  const acronym = (w: string): boolean => words.length === 1 ? w.length <= 4 : w.length <= 3 && !/[AEIOU]/.test(w) && !SMALL_WORDS.has(w.toLowerCase());
  return words.map((w) => (acronym(w) ? w : w.charAt(0) + w.slice(1).toLowerCase())).join(' ');
}

// ---- date -------------------------------------------------------------------------------------

function findDate(lines: Line[], ctx: LanguageContext): IsoDate | null {
  const latest = addDays(ctx.today, 1);
  const oldest = addDays(ctx.today, -OLDEST_DAYS);
  const ok = (d: IsoDate | null): d is IsoDate => d !== null && d <= latest && d >= oldest;
  // A date written with its year beats a bare "14th" (which may be "142 E 14th St").
  let weak: IsoDate | null = null;
  for (const l of lines) {
    if (!/\d/.test(l.text) || (l.roles.has('address') && !l.roles.has('date_label'))) continue;
    for (const d of printedDates(l.text, ctx)) if (ok(d)) return d;
    for (const r of timeGrammarDates(l.text, ctx)) {
      if (!ok(r.date)) continue;
      if (/\d{4}|\d[/.\-]\d{1,2}[/.\-]\d/.test(r.label)) return r.date;
      // A date without its year ("9/8", "14th") counts only on a line that says it is the date.
      if (l.roles.has('date_label')) weak ??= r.date;
    }
  }
  return weak;
}

/** Day readings of the language layer's time grammar that are written with digits. */
function timeGrammarDates(text: string, ctx: LanguageContext): { date: IsoDate; label: string }[] {
  const t = analyze(text, ctx);
  return readTimes(t, ctx, { mode: 'record' })
    .filter((r) => r.kind === 'day' && r.from !== null && t.tokens.slice(r.start, r.end).some((k) => k.kind === 'num'))
    .map((r) => ({ date: r.from!, label: t.text.slice(t.tokens[r.start]!.start, t.tokens[r.end - 1]!.end) }));
}

/** A two-digit day or month field whose leading 0 OCR read as 6, 8 or 9 ("28/62/2026"). */
function unsmudge(field: string): number {
  const n = Number(field);
  return n > 31 && /^[689]\d$/.test(field) ? Number(field[1]) : n;
}

/**
 * Dates as tills print them that a message would not use: "28-Feb-2026", "2026/02/28", and a
 * numeric date whose locale order is impossible (a US owner's "28/02/2026" is still 28 February).
 */
function printedDates(text: string, ctx: LanguageContext): IsoDate[] {
  const out: IsoDate[] = [];
  const year = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));
  const valid = (y: number, m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) && y >= 1990 && y <= 2100;
  for (const m of text.matchAll(/\b(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})\b/g)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (valid(y, mo, d)) out.push(ymd(y, mo, d));
  }
  for (const m of text.matchAll(/\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\b/g)) {
    const [a, b, y] = [unsmudge(m[1]!), unsmudge(m[2]!), year(m[3]!)];
    const dmy = valid(y, b, a), mdy = valid(y, a, b);
    if (dmy && (!mdy || ctx.pack.dateOrder === 'DMY')) out.push(ymd(y, b, a));
    else if (mdy) out.push(ymd(y, a, b));
  }
  // A day, a month word and a year ("28-Feb-2026", "Feb 19, 2026", "1. März 2026").
  const t = analyze(text, ctx);
  const toks = t.tokens;
  for (let i = 0; i < toks.length; i++) {
    const mo = monthOf(toks[i]!, t.at[i] ?? [], ctx);
    if (!mo) continue;
    const before = toks.slice(Math.max(0, i - 3), i).filter((k) => k.kind === 'num').at(-1);
    // "Feb 23,2026": the tokenizer keeps "23,2026" as one number.
    const after = toks.slice(i + 1, i + 5).filter((k) => k.kind === 'num').flatMap((k) => {
      const glued = /^(\d{1,2}),(\d{4})$/.exec(k.text);
      return glued ? [{ ...k, text: glued[1]! }, { ...k, text: glued[2]! }] : [k];
    });
    const dayFirst = before && /^\d{1,2}$/.test(before.text);
    const dayTok = dayFirst ? before : after[0];
    const yearTok = dayFirst ? after[0] : after[1];
    if (!dayTok || !yearTok || !/^\d{1,2}$/.test(dayTok.text) || !/^(\d{2}|\d{4})$/.test(yearTok.text)) continue;
    const y = year(yearTok.text), d = Number(dayTok.text);
    if (valid(y, mo, d)) out.push(ymd(y, mo, d));
  }
  return out;
}

const monthNames = new Map<string, Map<string, number>>();

/** Month names of a language as ICU spells them (short and long), folded: data, not code. */
function monthsOf(lang: string): Map<string, number> {
  let m = monthNames.get(lang);
  if (m) return m;
  m = new Map();
  for (const month of ['short', 'long'] as const) {
    let f: Intl.DateTimeFormat;
    try {
      f = new Intl.DateTimeFormat(lang, { month, timeZone: 'UTC' });
    } catch {
      continue;
    }
    for (let k = 1; k <= 12; k++) {
      const name = fold(f.format(new Date(Date.UTC(2026, k - 1, 15)))).replace(/[^\p{L}]/gu, '');
      if (name.length >= 3) m.set(name, k);
    }
  }
  monthNames.set(lang, m);
  return m;
}

/** The month a token names: a vocabulary month row, or the month names of the owner's languages. */
function monthOf(tok: Token, tags: readonly Tag[], ctx: LanguageContext): number | null {
  const tagged = tags.find((g) => g.role === 'month' && g.value !== null);
  if (tagged) return Number(tagged.value);
  if (tok.kind !== 'word') return null;
  for (const lang of ctx.pack.langs) {
    const k = monthsOf(lang).get(tok.norm.replace(/[^\p{L}]/gu, ''));
    if (k) return k;
  }
  return null;
}

// ---- items ------------------------------------------------------------------------------------

/** Lines between the header and the first subtotal/total that show a price. */
function findItemLines(lines: Line[]): Line[] {
  const stop = lines.findIndex((l) => l.role !== null && (TOTALS.has(l.role) || l.role === 'subtotal'));
  return lines.slice(0, stop < 0 ? lines.length : stop).filter((l) => {
    if (l.role !== null || l.roles.has('skip_header') || l.roles.has('date_label') || l.roles.has('address') || l.roles.has('noise')) return false;
    const a = lineAmount(l);
    return a !== null && a.decimals;
  });
}

/** The items: lines with a price and a name. */
function findItems(lines: Line[]): ReceiptItem[] {
  const out: ReceiptItem[] = [];
  for (const l of findItemLines(lines)) {
    const a = lineAmount(l)!;
    const name = l.text
      .replace(/[\d.,'₹$€£%@*#:x×]+\s*(?:kg|g|gm|ml|l|ltr|pcs|pc|nos)?\s*$/i, '')
      .replace(/(?:\s+[\d.,'₹$€£@x×*]+(?:\s*(?:kg|g|gm|ml|l|ltr|pcs|pc|nos))?)+\s*$/i, '')
      .replace(/^\s*\d+\s*[x×@]?\s+/i, '')
      .replace(/[^\p{L}\p{N})]+$/u, '')
      .trim();
    if ((name.match(/\p{L}/gu) ?? []).length < 2) continue;
    out.push({ name: name.slice(0, 60), amountMinor: a.minor });
  }
  return out;
}
