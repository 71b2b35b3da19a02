/**
 * @module understanding/shares/read
 * Reads shared money from a message (issue 14), over the language layer's tokens and money grammar
 * and the phrasings of phrasings.tsv:
 * - a split inside an expense message ("dinner 1200 split with Rahul and Priya", "I paid 1200,
 *   Rahul's part is 500", "Rahul paid for dinner, my share 400"): the owner's share, and who owes
 *   what to whom;
 * - a debt statement, never an expense ("Ramesh owes me 500", "Ramesh ko 500 udhaar diye");
 * - a question about balances ("who owes me?", "history with Ramesh", "settle up").
 * Pure: the clock comes in through the language context. Never throws on odd input.
 */
import { bestCover } from '../../language/grammar.js';
import { analyze, type LanguageContext } from '../../language/context.js';
import { readNumbers, type MoneyReading } from '../../language/money/index.js';
import { bestTimes, readTimes } from '../../language/time/index.js';
import type { Tagged } from '../../language/tagger.js';
import { mayMatch, phrasings, type ShareKind } from './phrasings.js';
import { ownerRemainder, splitEqual, spread } from './split.js';

/** A share of someone else in a split: positive, they owe the owner; negative, the owner owes them. */
export interface OtherShare {
  /** The name as written ("Rahul"), or null when only a count was said ("split 3 ways"). */
  person: string | null;
  minor: number;
}

export interface SplitReading {
  /** The whole bill when written. */
  totalMinor: number | null;
  /** The owner's share: what counts as the expense. */
  ownerMinor: number;
  currency: string;
  /** Who paid the bill: null for the owner. */
  payer: string | null;
  /** The others' shares owed to the owner (or, with another payer, what the owner owes them). */
  others: OtherShare[];
  /** How many people shared it, owner included. */
  heads: number;
  how: 'equal' | 'parts' | 'mine';
  /** Amounts (minor units) the split's own phrases named ("Rahul's part is 500"): never an expense of their own. */
  named: number[];
}

export type DebtVerb = 'owes_me' | 'i_owe' | 'lent' | 'borrowed' | 'paid_back_to_me' | 'paid_back_by_me';

export type DebtStatement =
  | { kind: DebtVerb; person: string; amountMinor: number; currency: string; date: string; note: string | null }
  | { kind: 'settled'; person: string; date: string }
  /** "Ramesh owes me": the amount is missing. */
  | { kind: 'no_amount'; person: string };

export type DebtQuestion =
  | { kind: 'owed_to_me' | 'i_owe' | 'all' | 'settle' }
  | { kind: 'person' | 'history'; person: string }
  | { kind: 'who_spent'; period: string | null };

export interface SharedReading {
  split?: SplitReading;
  /** The split the words describe cannot be (parts beyond the bill, no bill to split). */
  badSplit?: string;
  statement?: DebtStatement;
  question?: DebtQuestion;
}

/** Cheap gate: no word of shared money, no reading (most messages stop here). */
const GATE = /split|share|part|half|halves|dutch|50\s*[\/-]\s*50|fifty|aadha|owe|lent|lend|loan|borrow|back|return|repaid|settle|square|even|quits|udha|karz|qarz|wapas|waapas|vapas|vaapas|lauta|lene|dene|dena|hisaab|hissa|paid by|\bpaid\b|\bne\b|aur|debt|balance|iou|dues|history|khata|advance|anyone|anybody|ledger|transactions|entries|who (spent|paid)|kisne|kis ne|mujhe|maine|kitna|baant|banta|logon|advance/i;

/** Leading and trailing words a question may wear around its phrasing. */
const FILLER = new Set(['please', 'pls', 'plz', 'munshi', 'hey', 'hi', 'ok', 'okay', 'so', 'and', 'tell', 'me', 'show', 'list', 'now', 'the', 'all', 'my', 'bata', 'batao', 'dikhao', 'yaar', 'bhai', 'currently', 'right', 'still', 'total', 'in', 'full', '?', '.', '!']);

interface Piece {
  s: string;
  token: number;
  money?: number;
}

interface Skeleton {
  text: string;
  pieces: Piece[];
  /** Piece index at each character offset of `text` where a piece starts (after its space). */
  startAt: Map<number, number>;
  money: MoneyReading[];
  t: Tagged;
}

export function skeleton(t: Tagged, lc: LanguageContext): Skeleton {
  const nums = readNumbers(t, lc);
  // "lent me 2000": a round number the grammar took for a year is money beside a debt word.
  const years: MoneyReading[] = nums.labels
    .filter((l) => l.kind === 'year' && l.end - l.start === 1 && /^\d+$/.test(t.tokens[l.start]!.text) && !nums.money.some((m) => m.start <= l.start && l.start < m.end))
    .map((l) => ({ start: l.start, end: l.end, minor: Number(t.tokens[l.start]!.text) * 100, currency: lc.currency, currencyWritten: false, form: 'digits', approx: false, score: 0.5 }));
  const all = bestCover([...nums.money, ...years], (m) => m.score * (m.end - m.start)).sort((a, b) => a.start - b.start);
  const ratioAt = (j: number): boolean => {
    const a = t.tokens[j], b = t.tokens[j + 1], c = t.tokens[j + 2];
    return !!a && !!b && !!c && a.kind === 'num' && (b.text === '/' || b.text === '-') && b.glued && c.kind === 'num' && c.glued;
  };
  // "50/50", "50-50": a ratio, never two amounts.
  // "ke saath" is "with", not sixty: a number word right after a postposition is a word.
  const postposition = (i: number): boolean => i > 0 && ['ke', 'ki', 'ka'].includes(t.tokens[i - 1]!.norm);
  const money = all.filter((m) => m.currencyWritten || m.end - m.start !== 1 || !(ratioAt(m.start) || ratioAt(m.start - 2) || (m.form === 'words' && postposition(m.start))));
  const pieces: Piece[] = [];
  for (let i = 0; i < t.tokens.length; i++) {
    const m = money.findIndex((r) => r.start === i);
    if (m >= 0) {
      pieces.push({ s: `#${m}`, token: i, money: m });
      i = money[m]!.end - 1;
      continue;
    }
    const k = t.tokens[i]!;
    if (k.kind === 'emoji' || k.kind === 'newline') continue;
    if (k.kind === 'punct' && !/^[,\/\-:&]$/.test(k.text) && !['=', '&', '+'].includes(k.text)) continue;
    let w = k.text.toLowerCase().replace(/[’`]/g, "'");
    if (k.kind === 'word' && /'s$/.test(w)) {
      pieces.push({ s: w.slice(0, -2), token: i }, { s: "'s", token: i });
      continue;
    }
    if (k.kind === 'word' && w.endsWith("'") && w.length > 1) w = w.slice(0, -1) + "'";
    if (k.kind === 'word' && w.endsWith("'")) {
      pieces.push({ s: w.slice(0, -1), token: i }, { s: "'s", token: i });
      continue;
    }
    // "'" after a name ("James' share") arrives as its own token.
    if (k.text === "'" && pieces.length) {
      pieces.push({ s: "'s", token: i });
      continue;
    }
    pieces.push({ s: w, token: i });
  }
  let text = ' ';
  const startAt = new Map<number, number>();
  pieces.forEach((p, k) => {
    startAt.set(text.length, k);
    text += p.s + ' ';
  });
  return { text, pieces, startAt, money, t };
}

interface Hit {
  kind: ShareKind;
  /** Pieces [from, to) the phrasing covers. */
  from: number;
  to: number;
  groups: Record<string, string | undefined>;
  /** Piece index where each group starts. */
  at: Record<string, number>;
}

export function hits(sk: Skeleton): Hit[] {
  const out: Hit[] = [];
  for (const p of phrasings()) {
    if (!mayMatch(p, sk.text)) continue;
    // The phrasing's one global regex, run as matchAll would (without the copy matchAll makes).
    const re = p.scan;
    re.lastIndex = 0;
    for (let m = re.exec(sk.text); m; m = re.exec(sk.text)) {
      if (m[0] === '') re.lastIndex = advance(sk.text, re.lastIndex);
      const from = pieceAt(sk, m.index! + 1);
      const endChar = m.index! + m[0].length;
      let to = from;
      while (to < sk.pieces.length && startOf(sk, to) < endChar) to++;
      const groups: Record<string, string | undefined> = { ...(m.groups ?? {}) };
      const at: Record<string, number> = {};
      const idx = (m as RegExpMatchArray & { indices?: { groups?: Record<string, [number, number] | undefined> } }).indices?.groups ?? {};
      for (const [g, span] of Object.entries(idx)) if (span) at[g] = pieceAt(sk, span[0]);
      out.push({ kind: p.kind, from, to, groups, at });
    }
  }
  return out;
}

/** The index after the one at `i`, a whole code point on (as a unicode regex steps past an empty match). */
function advance(s: string, i: number): number {
  const c = s.codePointAt(i);
  return i + (c !== undefined && c > 0xffff ? 2 : 1);
}

function startOf(sk: Skeleton, piece: number): number {
  for (const [c, k] of sk.startAt) if (k === piece) return c;
  return Infinity;
}

function pieceAt(sk: Skeleton, char: number): number {
  let c = char;
  while (c > 0 && !sk.startAt.has(c)) c--;
  return sk.startAt.get(c) ?? 0;
}

/** The name as the owner wrote it, capitalized; a second word only when it was written with a capital. */
function nameAt(sk: Skeleton, piece: number, raw: string): string {
  const words = raw.split(' ');
  const tokens = sk.t.tokens;
  const first = tokens[sk.pieces[piece]!.token]!;
  const out = [display(first.text)];
  if (words.length > 1) {
    const second = tokens[sk.pieces[piece + 1]?.token ?? -1];
    if (second && second.cap && first.cap) out.push(display(second.text));
  }
  return out.join(' ');
}

function display(w: string): string {
  const bare = w.replace(/'s$|'$/i, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

function people(sk: Skeleton, piece: number, raw: string): string[] {
  const names: string[] = [];
  let k = piece;
  for (const part of raw.split(/ (?:,|and|&|aur|n) | , | /)) {
    if (!part) continue;
    while (k < sk.pieces.length && sk.pieces[k]!.s !== part.split(' ')[0]) k++;
    names.push(display(sk.t.tokens[sk.pieces[k]?.token ?? 0]?.text ?? part));
    k++;
  }
  return [...new Set(names)];
}

const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, do: 2, teen: 3, char: 4, paanch: 5, chhe: 6, saat: 7, aath: 8 };

function countOf(sk: Skeleton, raw: string): number | null {
  if (raw.startsWith('#')) {
    const m = sk.money[Number(raw.slice(1))];
    if (!m || m.currencyWritten || m.minor % 100 !== 0) return null;
    return m.minor / 100;
  }
  return COUNT_WORDS[raw] ?? (/^\d+$/.test(raw) ? Number(raw) : null);
}

/** Covers every piece but fillers at either end. */
function whole(sk: Skeleton, h: Hit): boolean {
  for (let k = 0; k < sk.pieces.length; k++) {
    if (k >= h.from && k < h.to) continue;
    if (!FILLER.has(sk.pieces[k]!.s)) return false;
  }
  return true;
}

/**
 * What the message says about shared money, or null when nothing.
 * e.g. readShared('dinner 1200 split with Rahul and Priya', lc).split → { totalMinor: 120000, ownerMinor: 40000, others: [Rahul 40000, Priya 40000] }
 */
export function readShared(text: string, lc: LanguageContext): SharedReading | null {
  try {
    if (!GATE.test(text)) return null;
    return read(text, lc);
  } catch {
    return null;
  }
}

function read(text: string, lc: LanguageContext): SharedReading | null {
  const t = analyze(text, lc);
  const sk = skeleton(t, lc);
  const hs = hits(sk);
  if (!hs.length) return null;

  // ---- a question about balances: the phrasing is the whole message
  for (const h of hs) {
    if (!h.kind.startsWith('q_') || !whole(sk, h)) continue;
    if (sk.money.length && h.kind !== 'q_who_spent') continue;
    const person = h.groups.p ? nameAt(sk, h.at.p ?? h.from, h.groups.p) : null;
    switch (h.kind) {
      case 'q_owed_to_me': return { question: { kind: 'owed_to_me' } };
      case 'q_i_owe': return { question: person ? { kind: 'person', person } : { kind: 'i_owe' } };
      case 'q_person': return person ? { question: { kind: 'person', person } } : null;
      case 'q_history': return person ? { question: { kind: 'history', person } } : null;
      case 'q_all': return { question: { kind: 'all' } };
      case 'q_settle': return { question: { kind: 'settle' } };
      case 'q_who_spent': return { question: { kind: 'who_spent', period: (h.groups.x ?? '').trim() || null } };
      default: break;
    }
  }

  // ---- a debt statement: every amount of the message belongs to it
  const date = (): string => {
    const times = bestTimes(readTimes(t, lc, { mode: 'record', tense: 'past' }));
    const r = times.find((x) => (x.day ?? x.from) && !x.future);
    return r ? (r.day ?? r.from)! : lc.today;
  };
  const DEBT: readonly ShareKind[] = ['owes_me', 'i_owe', 'lent', 'borrowed', 'paid_back_to_me', 'paid_back_by_me'];
  const splitKinds = hs.filter((h) => !h.kind.startsWith('q_') && !DEBT.includes(h.kind) && h.kind !== 'settled' && h.kind !== 'owes_me_bare' && h.kind !== 'payer');
  for (const h of hs) {
    if (!DEBT.includes(h.kind)) continue;
    const a = Number(h.groups.a);
    const m = sk.money[a];
    if (!m || !h.groups.p) continue;
    const inside = sk.pieces.every((p, k) => p.money === undefined || (k >= h.from && k < h.to));
    if (!inside || splitKinds.length) continue;
    const note = noteOf(t.text);
    return { statement: { kind: h.kind as DebtVerb, person: nameAt(sk, h.at.p ?? h.from, h.groups.p), amountMinor: m.minor, currency: m.currency, date: date(), note } };
  }
  for (const h of hs) {
    if (h.kind === 'settled' && h.groups.p && !sk.money.length) return { statement: { kind: 'settled', person: nameAt(sk, h.at.p ?? h.from, h.groups.p), date: date() } };
    if (h.kind === 'owes_me_bare' && h.groups.p && !sk.money.length && whole(sk, h)) return { statement: { kind: 'no_amount', person: nameAt(sk, h.at.p ?? h.from, h.groups.p) } };
  }

  // ---- a split inside an expense
  if (!splitKinds.length) return null;
  return readSplit(sk, hs);
}

function readSplit(sk: Skeleton, hs: Hit[]): SharedReading | null {
  const parts: { person: string; m: MoneyReading; idx: number }[] = [];
  let mine: { m: MoneyReading; idx: number } | null = null;
  const named: string[] = [];
  let heads: number | null = null;
  let payer: string | null = null;
  for (const h of hs) {
    const person = (): string => nameAt(sk, h.at.p ?? h.from, h.groups.p!);
    switch (h.kind) {
      case 'split_with':
        if (h.groups.ps) named.push(...people(sk, h.at.ps ?? h.from, h.groups.ps));
        break;
      case 'split_half_with':
        if (h.groups.p) named.push(person());
        heads = 2;
        break;
      case 'split_half':
        heads ??= 2;
        break;
      case 'split_ways': {
        const n = h.groups.n ? countOf(sk, h.groups.n) : null;
        if (n && n >= 2 && n <= 50) heads = n;
        break;
      }
      case 'part_of': {
        const idx = Number(h.groups.a);
        const m = sk.money[idx];
        if (m && h.groups.p && !parts.some((p) => p.idx === idx)) parts.push({ person: person(), m, idx });
        break;
      }
      case 'my_share': {
        const idx = Number(h.groups.a);
        const m = sk.money[idx];
        if (m) mine = { m, idx };
        break;
      }
      case 'payer':
        if (h.groups.p && !['i', 'me', 'maine'].includes(h.groups.p)) payer ??= person();
        break;
      default:
        break;
    }
  }
  const used = new Set<number>([...parts.map((p) => p.idx), ...(mine ? [mine.idx] : [])]);
  // The "n" of "split 3 ways" may have been read as money: it is a count, never the bill.
  const countPieces = new Set(hs.filter((h) => h.kind === 'split_ways' && h.groups.n?.startsWith('#')).map((h) => Number(h.groups.n!.slice(1))));
  const rest = sk.money.map((m, i) => ({ m, i })).filter((x) => !used.has(x.i) && !countPieces.has(x.i));
  const total = rest.length ? rest.reduce((a, b) => (b.m.minor > a.m.minor ? b : a)).m : null;
  const currency = total?.currency ?? mine?.m.currency ?? parts[0]?.m.currency ?? 'XXX';
  const others = [...new Set(named)].filter((n) => n !== payer && !parts.some((p) => p.person === n));
  const namedAmounts = [...parts.map((p) => p.m.minor), ...(mine ? [mine.m.minor] : [])];
  const mk = (s: Omit<SplitReading, 'currency' | 'named'>): SharedReading => ({ split: { ...s, currency, named: namedAmounts } });

  if (mine) {
    const ownerMinor = mine.m.minor;
    if (payer) return mk({ totalMinor: total?.minor ?? null, ownerMinor, payer, others: [{ person: payer, minor: -ownerMinor }], heads: heads ?? 2, how: 'mine' });
    if (!total) return null;
    if (total.minor <= ownerMinor) return { badSplit: 'share_over_bill' };
    const left = total.minor - ownerMinor - parts.reduce((s, p) => s + p.m.minor, 0);
    if (left < 0) return { badSplit: 'parts_over_bill' };
    const unnamed = others.length ? others : [];
    const shares = spread(left, unnamed.length);
    const list: OtherShare[] = [...parts.map((p) => ({ person: p.person, minor: p.m.minor })), ...unnamed.map((n, k) => ({ person: n, minor: shares[k]! }))];
    if (!unnamed.length && left > 0) list.push({ person: null, minor: left });
    return mk({ totalMinor: total.minor, ownerMinor, payer: null, others: list, heads: heads ?? list.length + 1, how: 'mine' });
  }
  if (parts.length) {
    if (!total) return { badSplit: 'no_bill' };
    const ownerMinor = ownerRemainder(total.minor, parts.map((p) => p.m.minor));
    if (ownerMinor === null) return { badSplit: 'parts_over_bill' };
    return mk({ totalMinor: total.minor, ownerMinor, payer: null, others: parts.map((p) => ({ person: p.person, minor: p.m.minor })), heads: parts.length + 1, how: 'parts' });
  }
  const n = heads ?? (others.length ? others.length + 1 : null);
  if (!n) return null;
  if (!total) return { badSplit: 'no_bill' };
  if (payer) {
    // Someone else paid: they carry the remainder; the owner owes them an even share.
    const shares = splitEqual(total.minor, n);
    const ownerMinor = shares[shares.length - 1]!;
    return mk({ totalMinor: total.minor, ownerMinor, payer, others: [{ person: payer, minor: -ownerMinor }], heads: n, how: 'equal' });
  }
  const shares = splitEqual(total.minor, n);
  const list: OtherShare[] = shares.slice(1).map((minor, k) => ({ person: others[k] ?? null, minor }));
  return mk({ totalMinor: total.minor, ownerMinor: shares[0]!, payer: null, others: list, heads: n, how: 'equal' });
}

function noteOf(s: string): string | null {
  const x = s.replace(/\s+/g, ' ').trim();
  return x ? x.slice(0, 200) : null;
}
