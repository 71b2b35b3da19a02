/**
 * @module understanding/alerts/read
 * Reads a forwarded or pasted transaction alert (bank and card SMS, UPI app notifications, card
 * issuers' push texts, payment-app e-mails) into an Alert, or says it is none. Pure: no I/O, no
 * clock (today comes in the language context).
 *
 * How: the message is tagged once with the chat vocabulary (money and time readings come from the
 * one money and one time grammar) and with the alert vocabulary (cues such as "debited", fields
 * such as "Avl Bal", "a/c", "UPI Ref", "at"); the alert grammar (vocab/grammar/alerts.tsv) proposes
 * fields: an event beside its amount, a labelled balance/limit/due, an account mask, a reference, a
 * payee, a date as alerts print it. The code below only weighs them: is this an alert at all, what
 * kind, which amount was paid (never one a balance, limit or due labels, never a mask or a
 * reference), who was paid, on which day.
 */
import { addDays, daysInMonth, ymd, type IsoDate } from '../../core/dates.js';
import { toMinor } from '../../core/money.js';
import { analyze, contextFromSettings, type LanguageContext } from '../../language/context.js';
import type { UnderstandContext, Understanding } from '../types.js';
import { alertUnderstanding } from './draft.js';
import { cap, Grammar, type Action, type Parse, type Predicate, type RuleMatch } from '../../language/grammar.js';
import { tag, type Tag, type Tagged } from '../../language/tagger.js';
import type { Token } from '../../language/tokens.js';
import type { VocabEntry } from '../../language/vocab/vocabulary.js';
import { readNumbers, type MoneyReading } from '../next/numbers.js';
import { bestTimes, readTimes } from '../../language/time/index.js';
import { cleanCounterparty } from './counterparty.js';
import type { Alert, AlertKind } from './types.js';
import { alertRules, alertVocabulary } from './vocab.js';

// ------------------------------------------------------------------------------ grammar context

interface Ctx {
  lc: LanguageContext;
  money: Map<Tag, MoneyReading>;
  /** Day before month for numeric dates ("05-12-26"); set from the alert's currency. */
  dayFirst: boolean;
}

interface Amount { minor: number; currency: string; marked: boolean; start: number; end: number; moneyStart: number }
interface Txn { cue: string; cueAt: number; cueText: string; amount: Amount; start: number; end: number; person: Payee | null }
interface Labelled { field: 'balance' | 'limit' | 'due'; amount: Amount }
interface Payee { side: 'at' | 'to' | 'from' | 'info' | 'before'; text: string; vpa: boolean; start: number; end: number; person?: boolean }
interface ADate { date: IsoDate; swapped: boolean }

const SYNTHETIC: VocabEntry = { phrase: '', words: [], role: 'alert_field', value: 'money', lang: 'en', regions: [], source: 'money grammar' };

/** Cues that name an event an amount can belong to (not "OTP", "Not you?" or "registered"). */
const EVENT_CUES: ReadonlySet<string> = new Set(['debit', 'fee', 'credit', 'refund', 'reversal', 'cashback', 'atm', 'future', 'failed', 'request', 'self', 'card_payment', 'mandate', 'due', 'promo']);

const GLUE_WORDS = new Set(['no', 'number', 'num', 'ending', 'in', 'with', 'is', 'of', 'linked', 'your', 'a', 'xx']);
/** Field values and cue values that end a payee's name. */
const NAME_STOPS = new Set(['stop', 'ref', 'balance', 'limit', 'due', 'account', 'card', 'payee:at', 'payee:to', 'payee:from', 'payee:info', 'money']);

function alertTagsAt(input: Tagged, i: number): Tag[] {
  return (input.at[i] ?? []).filter((g) => g.role === 'alert_cue' || g.role === 'alert_field');
}

/** A token that can be part of a payee's name as printed ("SQ *BLUE BOTTLE", "AMAZON.IN", "M&S"). */
const nameTok: Predicate<Ctx> = (tk, input) => {
  if (tk.kind === 'newline') return false;
  if (tk.kind === 'punct') {
    const next = input.tokens[tk.i + 1];
    // "amazon.in", "7-eleven", "mcdonald's": inner marks only; a full stop with a space ends a sentence.
    return (tk.text === '.' || tk.text === '-' || tk.text === "'") && tk.glued && !!next?.glued && next.kind !== 'newline';
  }
  if (tk.kind === 'sym' && !['&', '*', '$', '#', '_'].includes(tk.text)) return false;
  // A Cash App $cashtag ("$bobsburgers") is a name, not a currency.
  if (tk.kind === 'sym' && tk.text === '$' && input.tokens[tk.i + 1]?.glued && input.tokens[tk.i + 1]?.kind === 'word') return true;
  if (tk.kind === 'emoji') return false;
  for (const g of alertTagsAt(input, tk.i)) {
    if (g.role === 'alert_cue' && g.value !== 'sign_off') return false;
    if (g.role === 'alert_field' && (NAME_STOPS.has(g.value ?? '') || (g.value ?? '').startsWith('cur:'))) return false;
  }
  if ((input.at[tk.i] ?? []).some((g) => g.role === 'month') && input.tokens[tk.i + 1]?.kind === 'num') return false;
  return true;
};

const PREDICATES: Record<string, Predicate<Ctx>> = {
  xmask: (tk) => tk.kind === 'word' && /^[x]+$/i.test(tk.text),
  glue_word: (tk) => tk.kind === 'word' && GLUE_WORDS.has(tk.norm),
  vpa_piece: (tk) => tk.kind === 'word' || tk.kind === 'num' || (tk.kind === 'punct' && (tk.text === '.' || tk.text === '-')) || (tk.kind === 'sym' && tk.text === '_'),
  name_tok: nameTok,
  // Inside a labelled field, before its amount: no event word, no other amount, no sentence end.
  plain: (tk, input, ctx) =>
    tk.kind !== 'newline' && !(tk.kind === 'punct' && (tk.text === ';' || (tk.text === '.' && !input.tokens[tk.i + 1]?.glued))) &&
    !input.tags.some((g) => g.start <= tk.i && tk.i < g.end && ((g.role === 'alert_cue' && g.value !== 'sign_off') || ctx.money.has(g))),
  name_head: (tk, input, ctx) => (tk.kind === 'word' || (tk.kind === 'sym' && (tk.text === '$' || tk.text === '*'))) && nameTok(tk, input, ctx),
  cap_word: (tk, input) => tk.kind === 'word' && tk.cap && tk.text.length > 1 && alertTagsAt(input, tk.i).every((g) => g.value === 'bank' || g.value === 'app'),
};

function text(input: Tagged, start: number, end: number): string {
  return input.text.slice(input.tokens[start]!.start, input.tokens[end - 1]!.end);
}

function lastDigits(input: Tagged, start: number, end: number): string | null {
  for (let k = end - 1; k >= start; k--) {
    const t = input.tokens[k]!;
    if (t.kind === 'num' && /^\d{2,6}$/.test(t.text)) return t.text.slice(-4);
  }
  return null;
}

const ACTIONS: Record<string, Action<Ctx>> = {
  currency: (m) => {
    const v = cap(m, 'c')?.tag?.value ?? '';
    return v.startsWith('cur:') ? v.slice(4) : null;
  },
  amount: (m, _input, ctx): Amount | null => {
    const mt = cap(m, 'm')?.tag;
    const r = mt ? ctx.money.get(mt) : undefined;
    if (!r) return null;
    const c = cap(m, 'c')?.value as string | undefined;
    let minor = r.minor;
    // The money grammar read the number in the owner's currency; the alert's own marker decides.
    if (c && c !== r.currency) minor = toMinor(String(minorToMajor(r.minor, r.currency)), c);
    return { minor, currency: c ?? r.currency, marked: !!c || r.currencyWritten, start: m.start, end: m.end, moneyStart: r.start };
  },
  event_amount: (m, input): Txn | null => {
    const e = cap(m, 'e')?.tag;
    const a = cap(m, 'a')?.value as Amount | undefined;
    if (!e || !a || !EVENT_CUES.has(e.value ?? '')) return null;
    const n = cap(m, 'n');
    const person: Payee | null = n ? { side: e.value === 'credit' ? 'from' : 'to', text: text(input, n.start, n.end), vpa: false, start: n.start, end: n.end, person: true } : null;
    return { cue: e.value ?? '', cueAt: e.start, cueText: text(input, e.start, e.end).toLowerCase(), amount: a, start: m.start, end: m.end, person };
  },
  labelled_amount: (m): Labelled | null => {
    const f = cap(m, 'f')?.tag?.value;
    const a = cap(m, 'a')?.value as Amount | undefined;
    if (!a || (f !== 'balance' && f !== 'limit' && f !== 'due')) return null;
    return { field: f, amount: a };
  },
  mask: (m, input) => lastDigits(input, m.start, m.end),
  account: (m, input) => {
    const k = cap(m, 'k')?.value as string | undefined;
    if (k) return k;
    const n = cap(m, 'n');
    if (!n) return null;
    const t = input.tokens[n.start]!;
    // "card ending 1234": 3 to 6 digits, never an amount ("card for 500.00").
    if (!/^\d{3,6}$/.test(t.text) || input.tokens[n.start + 1]?.glued && input.tokens[n.start + 1]?.text === '.') return null;
    return t.text.slice(-4);
  },
  ref: (m, input) => {
    const r = cap(m, 'r');
    if (!r) return null;
    let end = r.end;
    while (end < input.tokens.length && input.tokens[end]!.glued && (input.tokens[end]!.kind === 'num' || input.tokens[end]!.kind === 'word')) end++;
    const s = text(input, r.start, end);
    return /\d/.test(s) && s.length >= 4 ? s : null;
  },
  vpa: (m, input) => text(input, m.start, m.end),
  payee: (m, input): Payee | null => {
    const o = cap(m, 'o')?.tag?.value ?? 'payee:info';
    const v = cap(m, 'v');
    const n = cap(m, 'n');
    const c = v ?? n;
    if (!c) return null;
    const side = o.slice(6) as Payee['side'];
    return { side: v && !cap(m, 'o') ? 'to' : side, text: text(input, c.start, c.end), vpa: !!v, start: c.start, end: c.end };
  },
  payee_narration: (m, input): Payee | null => {
    const n = cap(m, 'n');
    return n ? { side: 'info', text: text(input, n.start, n.end), vpa: false, start: n.start, end: n.end } : null;
  },
  payee_person: (m, input): Payee | null => {
    const n = cap(m, 'n');
    return n ? { side: 'before', text: text(input, n.start, n.end), vpa: false, start: n.start, end: n.end, person: true } : null;
  },
  payee_before: (m, input): Payee | null => {
    const n = cap(m, 'n');
    return n ? { side: 'before', text: text(input, n.start, n.end), vpa: false, start: n.start, end: n.end } : null;
  },
  date_dmy_named: (m, input, ctx) => namedDate(input, m, 'd', ctx),
  date_mdy_named: (m, input, ctx) => namedDate(input, m, 'd', ctx),
  date_numeric: (m, input, ctx): ADate | null => {
    const a = num(input, cap(m, 'a')?.start), b = num(input, cap(m, 'b')?.start);
    const cTok = cap(m, 'c');
    const c = cTok ? input.tokens[cTok.start]!.text : null;
    if (a === null || b === null) return null;
    const aText = input.tokens[cap(m, 'a')!.start]!.text;
    if (aText.length === 4 && c) return checked(a, b, Number(c), ctx.lc.today, false); // 2026-01-12
    const year = c === null ? null : c.length === 2 ? 2000 + Number(c) : c.length === 4 ? Number(c) : NaN;
    if (Number.isNaN(year)) return null;
    const first = ctx.dayFirst ? { d: a, m: b } : { d: b, m: a };
    const second = ctx.dayFirst ? { d: b, m: a } : { d: a, m: b };
    const one = checked(year, first.m, first.d, ctx.lc.today, false);
    const two = checked(year, second.m, second.d, ctx.lc.today, true);
    // The usual order unless it is impossible or lies ahead while the other does not.
    if (one && (one.date <= ctx.lc.today || !two || two.date > ctx.lc.today)) return one;
    return two;
  },
};

function minorToMajor(minor: number, currency: string): number {
  // Readings come in minor units of their currency; re-marking keeps the written number.
  const digits = ['JPY', 'KRW', 'VND', 'IDR', 'CLP', 'ISK', 'HUF'].includes(currency) ? 0 : 2;
  return minor / 10 ** digits;
}

function num(input: Tagged, i: number | undefined): number | null {
  if (i === undefined) return null;
  const t = input.tokens[i];
  return t && /^\d{1,4}$/.test(t.text) ? Number(t.text) : null;
}

/** A calendar date, or null when impossible; a missing year is the latest not after today. */
function checked(year: number | null, m: number, d: number, today: IsoDate, swapped: boolean): ADate | null {
  if (m < 1 || m > 12 || d < 1) return null;
  let y = year ?? Number(today.slice(0, 4));
  if (y < 100) y += 2000;
  if (y < 2000 || y > 2100 || d > daysInMonth(y, m)) return null;
  let date = ymd(y, m, d);
  if (year === null && date > today) {
    if (d > daysInMonth(y - 1, m)) return null;
    date = ymd(y - 1, m, d);
  }
  return { date, swapped };
}

function namedDate(input: Tagged, m: RuleMatch, dCap: string, ctx: Ctx): ADate | null {
  const mTag = cap(m, 'm')?.tag;
  const month = mTag ? Number(mTag.value) : NaN;
  const d = num(input, cap(m, dCap)?.start);
  const yc = cap(m, 'y');
  const yText = yc ? input.tokens[yc.start]!.text : null;
  if (d === null || Number.isNaN(month) || d > 31) return null;
  if (yText !== null && !/^(\d{2}|\d{4})$/.test(yText)) return null;
  return checked(yText === null ? null : Number(yText), month, d, ctx.lc.today, false);
}

let grammar: Grammar<Ctx> | null = null;
function alertGrammar(): Grammar<Ctx> {
  grammar ??= new Grammar<Ctx>({ rules: alertRules(), actions: ACTIONS, predicates: PREDICATES });
  return grammar;
}

// ------------------------------------------------------------------------------ tagging

/** The chat tags, the alert vocabulary's tags (longest phrase wins) and one tag per money reading. */
function alertInput(t: Tagged, lc: LanguageContext, money: readonly MoneyReading[]): { input: Tagged; moneyOf: Map<Tag, MoneyReading> } {
  const own = tag(t.text, t.tokens, alertVocabulary(lc.pack)).tags;
  // "due to" is no bill due, "Avl Cr Lmt" no credit: a phrase inside a longer alert phrase is dropped.
  // A field inside a cue stays ("to" in "payment to" still opens the payee).
  const kept = own.filter((g) => !own.some((h) => h !== g && h.start <= g.start && g.end <= h.end && h.end - h.start > g.end - g.start && (g.role === h.role || g.role === 'alert_cue')));
  const moneyOf = new Map<Tag, MoneyReading>();
  const synthetic: Tag[] = money.map((r) => {
    const g: Tag = { role: 'alert_field', value: 'money', start: r.start, end: r.end, phrase: '', entry: SYNTHETIC };
    moneyOf.set(g, r);
    return g;
  });
  const tags = [...t.tags, ...kept, ...synthetic];
  const at: Tag[][] = t.tokens.map(() => []);
  for (const g of tags) at[g.start]?.push(g);
  return { input: { text: t.text, tokens: t.tokens, tags, at, roles: new Set(tags.map((g) => g.role)) }, moneyOf };
}

// ------------------------------------------------------------------------------ reading

/** How much each sign that a text is a bank's alert counts; 3 or more makes it one. */
const SIGNS = {
  account: 2, ref: 2, labelled: 2, vpa: 1.5, signOff: 1.5, bank: 1, app: 1, cue: 1, markedTxn: 1, secondPerson: 1, link: 1.5, p2p: 1,
} as const;
const ALERT_AT = 3;

/** Currencies whose countries write the month first. */
const MONTH_FIRST: ReadonlySet<string> = new Set(['USD']);

const RECORDS_NOTHING_CUES = ['refund', 'reversal', 'cashback'] as const;

/**
 * Reads one message as a transaction alert; null when it is not one (then the chat reader reads it).
 * e.g. readAlert('Rs.458.00 debited from A/c XX1234 on 02-03-26 to VPA swiggy.order@axis (UPI Ref No 612345678901)', lc)
 *   → { kind: 'debit', amountMinor: 45800, currency: 'INR', counterparty: 'Swiggy', date: '2026-03-02', account: '1234', ref: '612345678901' }
 */
export function readAlert(raw: string, lc: LanguageContext): Alert | null {
  if (!/\d/.test(raw)) return null;
  const t = analyze(raw, lc);
  if (t.tokens.length < 3) return null;
  // Cheap gate first: a text with no alert cue at all ("chai 20") costs one tagging pass, no grammar.
  const bare = alertInput(t, lc, []);
  if (!bare.input.tags.some((x) => (x.role === 'alert_cue' && x.value !== 'sign_off') || (x.role === 'alert_field' && (x.value === 'balance' || x.value === 'limit')))) return null;
  const nums = readNumbers(t, lc);
  const g = alertGrammar();
  // Pass 1, without money: masks, references and dates claim their digits first, so "X5334",
  // "Refno 530375090208" and "06Jan26" are never amounts.
  const ctx: Ctx = { lc, money: new Map(), dayFirst: lc.pack.dateOrder === 'DMY' };
  const accounts = longest(g.parseAll<string>('account', bare.input, ctx));
  const refs = longest(g.parseAll<string>('ref', bare.input, ctx));
  const dateSpans = longest(g.parseAll<ADate>('adate', bare.input, ctx));
  const claimed = [...accounts, ...refs, ...dateSpans];
  const unclaimed = nums.money.filter((r) => !claimed.some((p) => p.start < r.end && r.start < p.end && !(r.currencyWritten && dateSpans.includes(p as Parse<ADate>))));
  // An alert that marks its amounts with a currency prints bare numbers for other things: store
  // numbers ("STARBUCKS 08812"), times, counts. Only SBI-style texts with no marker at all keep them.
  const isMarked = (r: MoneyReading): boolean => r.currencyWritten || precededByCurrency(bare.input, r.start);
  const payable = (r: MoneyReading): boolean => !bare.input.tags.some((g) => g.role === 'alert_field' && ['balance', 'limit', 'due'].includes(g.value ?? '') && g.end <= r.start && r.start - g.end <= 4);
  const money = unclaimed.some((r) => isMarked(r) && payable(r)) ? unclaimed.filter((r) => r.currencyWritten || precededByCurrency(bare.input, r.start)) : unclaimed;
  // Pass 2: the money readings join the tags.
  const { input, moneyOf } = alertInput(t, lc, money);
  ctx.money = moneyOf;
  const all = <V>(rule: string): Parse<V>[] => g.parseAll<V>(rule, input, ctx);

  const txns = longest(all<Txn>('txn'));
  const labelled = longest(all<Labelled>('labelled'));
  const payees = all<Payee>('payee');
  const cues = input.tags.filter((x) => x.role === 'alert_cue');
  const fields = input.tags.filter((x) => x.role === 'alert_field');
  const cueKinds = new Set(cues.map((c) => c.value ?? ''));

  // -------- is it an alert at all?
  const labelledSpans = labelled.map((l) => l.value.amount);
  const isLabelled = (a: Amount): boolean => labelledSpans.some((l) => l.moneyStart === a.moneyStart);
  const liveTxns = txns.filter((x) => !isLabelled(x.value.amount));
  const distinctCues = [...cueKinds].filter((k) => k !== 'sign_off').length;
  let score = 0;
  if (accounts.length) score += SIGNS.account;
  if (refs.length) score += SIGNS.ref;
  if (labelled.length) score += SIGNS.labelled;
  if (payees.some((p) => p.value.vpa)) score += SIGNS.vpa;
  score += Math.min(2, cues.filter((c) => c.value === 'sign_off').length) * SIGNS.signOff;
  if (fields.some((f) => f.value === 'bank')) score += SIGNS.bank;
  if (fields.some((f) => f.value === 'app')) score += SIGNS.app;
  score += Math.min(2, distinctCues) * SIGNS.cue;
  if (liveTxns.some((x) => x.value.amount.marked)) score += SIGNS.markedTxn;
  if (liveTxns.some((x) => x.value.person) || payees.some((p) => p.value.person)) score += SIGNS.p2p;
  if (t.tokens.some((k) => k.kind === 'word' && (k.norm === 'you' || k.norm === 'your' || k.norm === 'youve'))) score += SIGNS.secondPerson;
  const linked = /\b(?:https?:\/\/|www\.|bit\.ly\/)|\b[a-z0-9-]+\.(?:com|in|co)\/\S/i.test(t.text);
  if (linked) score += SIGNS.link;
  if (score < ALERT_AT || (distinctCues === 0 && !labelled.length)) return null;
  // "Paid Verizon $68.40 and AEP $104.12": several payments and nothing only a bank prints (an
  // account, a reference, a labelled balance, a VPA, a sign-off, a bank or app name, a link) is a
  // person listing what they paid, for the chat reader.
  const printed = accounts.length || refs.length || labelled.length || payees.some((p) => p.value.vpa) || cues.some((c) => c.value === 'sign_off') || fields.some((f) => f.value === 'bank' || f.value === 'app') || linked;
  if (!printed && money.filter(isMarked).length >= 2) return null;
  // With nothing printed, only an alert's own voice makes one: "You paid $12.50 to Starbucks". A
  // person's "paid $189 for her glasses, can you believe it?" is chat.
  // (A request records nothing either way: "Jane Doe requests $25.00" may stay an alert.)
  const addressed = t.tokens.some((k) => k.kind === 'word' && /^(you|youve|you've|u)$/.test(k.norm) && cues.some((c) => c.start >= k.i && c.start - k.i <= 2));
  if (!printed && !addressed && !cueKinds.has('request')) return null;

  // -------- which event: the first amount an event names, read in its own sentence
  const clause = clauses(t.tokens);
  const main = liveTxns.slice().sort((a, b) => a.start - b.start)[0]?.value ?? null;
  const mainClause = main ? clause[main.amount.moneyStart]! : -1;
  const inMain = (k: string): boolean => cues.some((c) => c.value === k && clause[c.start] === mainClause);
  const has = (k: string): boolean => cueKinds.has(k);
  const eventKind = (cue: string): AlertKind | null => {
    switch (cue) {
      case 'debit': case 'fee': return 'debit';
      case 'credit': return 'credit';
      case 'refund': case 'reversal': case 'cashback': case 'atm': case 'request': case 'due': case 'promo': case 'balance': return cue;
      case 'future': return 'upcoming';
      case 'failed': return 'failed';
      case 'self': return 'self_transfer';
      case 'card_payment': return 'card_payment';
      case 'mandate': return 'mandate';
      default: return null;
    }
  };

  let kind: AlertKind | null = null;
  if (has('otp') && otpCode(input, cues)) kind = 'otp';
  else if (has('failed')) kind = 'failed';
  else if (has('card_payment')) kind = 'card_payment';
  else if (main) {
    const k = eventKind(main.cue);
    if (has('request') && (k !== 'debit' || inMain('future'))) kind = 'request';
    else if (inMain('future') || (k === 'debit' && has('future'))) kind = 'upcoming';
    else if (has('mandate') && has('setup')) kind = 'mandate';
    else if (inMain('request') && k !== 'debit') kind = 'request';
    else if (inMain('self')) kind = 'self_transfer';
    else if ((k === 'debit' || k === 'credit') && inMain('atm')) kind = 'atm';
    else if (k === 'credit' || k === 'debit') {
      const back = RECORDS_NOTHING_CUES.find((c) => inMain(c) || (k === 'credit' && has(c)));
      kind = back ?? k;
    } else kind = k;
  }
  if (!kind) {
    // No event beside an amount: name the alert by its strongest cue.
    const order: [string, AlertKind][] = [['request', 'request'], ['future', 'upcoming'], ['mandate', 'mandate'], ['due', 'due'], ['promo', 'promo'], ['balance', 'balance'], ['refund', 'refund'], ['reversal', 'reversal'], ['cashback', 'cashback'], ['atm', 'atm'], ['self', 'self_transfer'], ['credit', 'credit'], ['debit', 'debit']];
    kind = order.find(([c]) => has(c))?.[1] ?? (labelled.length ? 'balance' : null);
  }
  if (!kind) return null;

  // -------- the amount
  const excluded = (r: MoneyReading): boolean => labelledSpans.some((l) => l.moneyStart === r.start);
  let amount: Amount | null = main ? main.amount : null;
  if (kind === 'due') amount = labelled.find((l) => l.value.field === 'due')?.value.amount ?? amount;
  if (kind === 'balance') amount = labelled[0]?.value.amount ?? amount;
  if (!amount) {
    // The peers' rule, kept as the last resort: the first amount with a currency marker that no field claims.
    const marked = money.filter((r) => r.currencyWritten && !excluded(r)).sort((a, b) => a.start - b.start)[0];
    if (marked) amount = { minor: marked.minor, currency: marked.currency, marked: true, start: marked.start, end: marked.end, moneyStart: marked.start };
  }

  // -------- the date: as the alert prints it, else a date word the time grammar reads
  // Numeric dates follow the alert's country: "12/05/2026" is 12 May from an Indian bank, Dec 5 from a US one.
  if (amount) ctx.dayFirst = amount.currency === lc.currency ? lc.pack.dateOrder === 'DMY' : !MONTH_FIRST.has(amount.currency);
  const dates = longest(g.parseAll<ADate>('adate', bare.input, ctx)).filter((d) => !overlapsAmount(d, amount));
  let date: IsoDate | null = dates[0]?.value.date ?? null;
  if (!date) {
    const times = bestTimes(readTimes(t, lc, { mode: 'record', tense: 'past' })).filter((r) => r.from && r.from <= lc.today);
    date = times[0]?.from ?? null;
  }
  if (date && date > lc.today) date = null; // an alert reports what happened: a future day is a misreading
  if (date && date < addDays(lc.today, -400)) date = null;

  // -------- who
  const named = main?.person ? [main.person] : [];
  const cp = counterparty(kind, [...named, ...payees.map((p) => p.value)], amount, dates, (p) => (amount && clause[p.start] === clause[amount.moneyStart] ? 0 : 1));
  return {
    kind,
    amountMinor: amount?.minor ?? null,
    currency: amount?.currency ?? null,
    counterparty: cp ? cleanCounterparty(cp.text, cp.vpa, lc.pack.regions) : null,
    counterpartyRaw: cp?.text ?? null,
    // "A $3.00 ATM fee was charged": a fee the bank took names what was paid for.
    item: kind === 'debit' && main?.cue === 'fee' ? main.cueText : null,
    date,
    account: accounts[0]?.value ?? null,
    ref: refs.map((r) => r.value).find((r) => r.replace(/\D/g, '').length >= 6) ?? refs[0]?.value ?? null,
    confidence: Math.min(1, 0.5 + score / 12 + (main ? 0.15 : 0)),
  };
}

/** readAlert in the context the chat readers get (the owner's settings, the message's instant). */
export function readAlertFor(text: string, ctx: UnderstandContext): Alert | null {
  try {
    return readAlert(text, ctx.language ?? contextFromSettings(ctx.now, ctx.settings, ctx.localeChosen ?? false));
  } catch {
    return null; // an odd message is the chat reader's to read, never a crash
  }
}

/**
 * The alert in a message as an Understanding, or null when the message is no alert.
 * e.g. understandAlert('Rs.458 debited from A/c XX1234 on 02-03-26 to VPA swiggy@axis', ctx)?.intent === 'add_expense'
 */
export function understandAlert(text: string, ctx: UnderstandContext): Understanding | null {
  const lc = ctx.language ?? contextFromSettings(ctx.now, ctx.settings, ctx.localeChosen ?? false);
  const a = readAlertFor(text, { ...ctx, language: lc });
  // The payee is read with the owner's regional lexicon ("CUB FOODS" is a Minnesota grocer), as the bot does.
  return a ? alertUnderstanding(a, { today: lc.today, overrides: ctx.overrides, regions: lc.pack.regions }) : null;
}

/** A currency marker of the alert vocabulary just before token i ("Rs." before "500", "USD" before "34.99"). */
function precededByCurrency(input: Tagged, i: number): boolean {
  const cur = (k: number): boolean => (input.at[k] ?? []).some((g) => g.role === 'alert_field' && (g.value ?? '').startsWith('cur:') && g.end >= i - 1);
  const after = (input.at[i + 1] ?? []).some((g) => g.role === 'alert_field' && (g.value ?? '').startsWith('cur:'));
  return cur(i - 1) || cur(i - 2) || cur(i - 3) || after;
}

/** Of parses that overlap, the longest (then the best scored); in order of start. */
function longest<V>(ps: Parse<V>[]): Parse<V>[] {
  const sorted = [...ps].sort((a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score || a.start - b.start);
  const out: Parse<V>[] = [];
  for (const p of sorted) if (!out.some((q) => q.start < p.end && p.start < q.end)) out.push(p);
  return out.sort((a, b) => a.start - b.start);
}

function insideAny(r: { start: number; end: number }, ps: readonly Parse<unknown>[]): boolean {
  return ps.some((p) => p.start <= r.start && r.end <= p.end);
}

function overlapsAmount(p: Parse<unknown>, a: Amount | null): boolean {
  return !!a && p.start < a.end && a.start < p.end;
}

/** Sentence index of each token: a full stop followed by a space, ";", "!", "?" or a line break ends one. */
function clauses(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  let c = 0;
  for (const tk of tokens) {
    out.push(c);
    const next = tokens[tk.i + 1];
    if (tk.kind === 'newline' || (tk.kind === 'punct' && (tk.text === ';' || tk.text === '!' || tk.text === '?' || (tk.text === '.' && (!next || !next.glued))))) c++;
  }
  return out;
}

/** An OTP text carries its code: 4 to 8 digits near the cue. */
function otpCode(input: Tagged, cues: readonly Tag[]): boolean {
  const otp = cues.filter((c) => c.value === 'otp');
  return input.tokens.some((k) => k.kind === 'num' && /^\d{4,8}$/.test(k.text) && !k.glued && otp.some((c) => Math.abs(c.start - k.i) <= 12));
}

const SIDE_RANK: Record<'pay' | 'get', Payee['side'][]> = {
  pay: ['at', 'to', 'before', 'info'],
  get: ['from', 'before', 'info', 'at', 'to'],
};

function counterparty(kind: AlertKind, payees: Payee[], amount: Amount | null, dates: Parse<ADate>[], away: (p: Payee) => number): Payee | null {
  const ok = payees.filter((p) => !(amount && p.start < amount.end && amount.start < p.end) && !dates.some((d) => p.start < d.end && d.start < p.end));
  const gets = kind === 'credit' || kind === 'refund' || kind === 'reversal' || kind === 'cashback';
  const rank = SIDE_RANK[gets ? 'get' : 'pay'];
  const usable = ok.filter((p) => rank.includes(p.side) && cleanCounterparty(p.text, p.vpa) !== null);
  // The payee in the amount's own sentence first ("…report at once" is no merchant), then by side.
  usable.sort((a, b) => away(a) - away(b) || rank.indexOf(a.side) - rank.indexOf(b.side) || Number(b.vpa) - Number(a.vpa) || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  // A named payee beats a VPA on the same side only when the VPA names nobody ("9876543210@ybl").
  return usable[0] ?? null;
}

