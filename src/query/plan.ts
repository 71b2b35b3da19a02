/**
 * @module query/plan
 * Question text → QueryPlan, by rules: find the time phrases, the operation, amount bounds and what
 * is left as the subject ("fizzy drinks", "rapido", "khane"). Pure and fast; follow-ups ("and last
 * month?", "only Swiggy", "what about food?") reuse the previous plan.
 */
import type { IsoDate } from '../core/dates.js';
import { KNOWN_CURRENCIES } from '../core/money.js';
import type { OwnerSettings } from '../core/types.js';
import type { Primary } from '../categories/taxonomy.js';
import { CATEGORY_WORDS, OP_CUES, PLURAL_RANK, SMALLEST, SPEND_SIGNAL, STOPWORDS, TOP_N, TRAILING_NOUNS } from './lexicon.js';
import { findPeriods, findWeekdaySet, type WeekdaySet } from './time.js';
import { emptyFilters, type Filters, type Operation, type Period, type QueryPlan } from './types.js';

export interface PlanOptions {
  /** The owner's local date. */
  today: IsoDate;
  settings: Pick<OwnerSettings, 'weekStartsOn' | 'dayFirst' | 'currency'>;
  /** The plan of the previous question in this chat, for follow-ups. */
  previous?: QueryPlan | null;
}

export type PlanOutcome =
  | { kind: 'plan'; plan: QueryPlan; followUp: boolean }
  /** "show all" / "show them": the previous plan's rows, all of them. */
  | { kind: 'show_all'; plan: QueryPlan }
  | { kind: 'none'; reason: 'not_a_question' | 'no_previous' };

const SHOW_ALL_WORDS = /\b(all|them|more|rest|everything|those|these|list|sab|sabhi|baaki|baki|others|remaining|which ones|what were they|kaun se the)\b/;
const FOLLOW_UP_LEAD = /^(?:and|what about|how about|same for|same but|and for|and in|and on|and what about|now|ok|okay|aur|or|for|in|on|but)\b[\s,]*/;
const NARROW_LEAD = /^(?:and\s+)?(?:only|just|sirf|bas|excluding nothing but)\b\s*/;

/** Text normalized for matching: lower case, plain quotes, no trailing punctuation noise. */
export function normalizeQuestion(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/(\p{L})-(\p{L})/gu, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(REGIONAL_THIS_MONTH, 'this month')
    .replace(REGIONAL_LAST_MONTH, 'last month')
    .replace(REGIONAL_THIS_WEEK, 'this week')
    .replace(REGIONAL_LAST_WEEK, 'last week')
    .replace(REGIONAL_HOW_MANY, 'how many times')
    .replace(REGIONAL_HOW_MUCH, 'how much')
    .replace(REGIONAL_FILLER, ' ')
    // "how many times did I fill petrol", "filled up diesel": the fuel is the subject, not the filling.
    .replace(/\b(?:fill|filled|filling)(?:\s+up)?\s+(?=(?:petrol|diesel|fuel|gas|cng|the tank|tank)\b)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Tamil-English and Bengali-English beside the Hinglish the rest of planning knows: "intha maasam
// petrol evlo aachu?", "ei mashe coffee te koto khoroch holo?". Read as the English they mean.
const R_MONTH = '(?:maasam|masam|maasa|mashe|mase|maase|maash|mash)';
const R_WEEK = '(?:vaaram|varam|saptaho|saptahe|shoptaho|shoptahe|hapta|hoptay)';
const REGIONAL_THIS_MONTH = new RegExp(String.raw`\b(?:intha|indha|inda|inta|ei|eai|ee)\s+${R_MONTH}\b`, 'g');
const REGIONAL_LAST_MONTH = new RegExp(String.raw`\b(?:pona|ponna|pona|kadantha|kadandha|gata|gato|goto|ager|aager)\s+${R_MONTH}\b`, 'g');
const REGIONAL_THIS_WEEK = new RegExp(String.raw`\b(?:intha|indha|inda|ei|eai)\s+${R_WEEK}\b`, 'g');
const REGIONAL_LAST_WEEK = new RegExp(String.raw`\b(?:pona|ponna|kadantha|gata|gato|goto|ager|aager)\s+${R_WEEK}\b`, 'g');
const REGIONAL_HOW_MANY = /\b(?:ethana|evlo|ethanai)\s+(?:thadava|thadavai|vaati|murai)\b|\b(?:koto|koyto|koi)\s*(?:bar|baar)\b/g;
const REGIONAL_HOW_MUCH = /\b(?:evlo|evalo|evvalavu|yevlo|ethana|koto|kato|kotto)\b(?:\s+(?:taka|rupees|rubai|roobai))?/g;
const REGIONAL_FILLER = /\b(?:holo|hoyeche|hoyechhe|holo re|aachu|achu|aachi|aagiduchu|aayiduchu|ayiduchu|selavu|selavaachu|khoroch|khorcha|korechi|korlam|panninen|pannen|ku|kku|niyechi|nilam|kinechi|kinechhi|kinlam|vanginen|vaanginen|vaangunen|te(?=\s+how much\b))\b/g;

/**
 * Plans a question. e.g. planQuestion('food since monday?', {today:'2026-01-15', settings}) →
 * sum over food, 12–15 Jan.
 */
const NUMBER_WORDS: Record<string, string> = {
  two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', twelve: '12', fifteen: '15', twenty: '20',
  do: '2', teen: '3', char: '4', paanch: '5', panch: '5', das: '10',
};
const ORDINALS: Record<string, number> = { second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5 };

/** "three biggest", "top five", "last two weeks": number words as digits where a count or rank is meant. */
function numbersAsDigits(q: string): string {
  const NUM = String.raw`(two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)`;
  const AFTER = String.raw`(?=\s+(?:(?:most|least|biggest|largest|highest|costliest|priciest|smallest|cheapest|lowest|expensive|recent|latest)\b|(?:\w+\s+)?(?:expenses|purchases|items|things|days|weeks|months|years|din|hafte|mahine|transactions|orders|rides|entries|spends|kharche|payments|bills|trips)\b))`;
  return q
    // Only where a count is meant: "top three", "three biggest", "last two weeks" — not "two-wheeler".
    .replace(new RegExp(String.raw`\b(top|last|past|first|next|bottom)\s+${NUM}\b`, 'g'), (_m, a: string, w: string) => `${a} ${NUMBER_WORDS[w]}`)
    .replace(new RegExp(String.raw`\b${NUM}${AFTER}`, 'g'), (w) => NUMBER_WORDS[w]!)
    // Hinglish numbers only next to a rank or period word ("do" is also "give", "teen" a teenager).
    .replace(/\b(do|teen|char|paanch|panch|das)\s+(?=(sabse|bade|badi|kharche|din|hafte|mahine|expenses|top)\b)/g, (_m, w: string) => `${NUMBER_WORDS[w]} `);
}

/** "this month vs last", "last week or this": the bare "last"/"this" borrows the other side's unit. */
function completeSides(q: string): string {
  return q
    // "aaj tak" is "till today", i.e. so far, not "today".
    .replace(/\b(?:aaj|aj) (?:tak|tk)\b/g, 'so far')
    // "has food gone up since last month?": last month against this one, not everything since then.
    .replace(/\b(increased?|decreased?|changed?|(?:gone|went|go) (?:up|down)|grown|dropped)\b(.*)\bsince (last|previous) (week|month|year)\b/g, '$1$2$3 $4')
    .replace(/\b(this|last|previous|pichle|is) (week|month|year)( (?:vs\.?|versus|or|and|compared to|compared with|against) )(last|previous|this)\b(?! (?:week|month|year|\d))/g, '$1 $2$3$4 $2')
    .replace(/\b(last|this|previous)( (?:vs\.?|versus|or|and|compared to|compared with|against) )(this|last|previous) (week|month|year)\b/g, '$1 $4$2$3 $4');
}

export function planQuestion(text: string, opts: PlanOptions): PlanOutcome {
  const q = completeSides(numbersAsDigits(normalizeQuestion(text).replace(/[?!.]+$/g, '').trim()));
  const prev = opts.previous ?? null;
  if (!q) return { kind: 'none', reason: 'not_a_question' };

  if (prev && isShowAll(q)) return { kind: 'show_all', plan: { ...prev, op: prev.op === 'top' ? 'top' : 'list' } };

  const narrow = NARROW_LEAD.test(q);
  const read = readQuestion(q, opts);
  const names = read.subjects.length + read.categories.length;

  if (prev && read.op === null) {
    if (narrow && names > 0 && !read.periods.length) {
      const f = prev.filters;
      const within = [...f.within, ...read.subjects, ...read.categories];
      return { kind: 'plan', followUp: true, plan: { ...prev, filters: { ...f, within } } };
    }
    // A subject AND a period of its own, with no "and"/"what about" lead, is a whole new question
    // ("parking in december?" after "top 2 swiggy orders"): it must not inherit the old operation.
    // So is a new subject alone ("birthday expenses" after "list all donations"): only a bare new
    // period ("in december?") or a lead word carries the last operation over.
    const wholeQuestion = names > 0 && !FOLLOW_UP_LEAD.test(q);
    if (!read.hasOwnSpendWords && !wholeQuestion && (read.periods.length > 0 || names > 0)) {
      const changedTime = read.periods.length > 0;
      const changedWhat = names > 0;
      const filters: Filters = changedWhat
        ? { ...emptyFilters(), categories: read.categories.map((p) => ({ primary: p, detail: null })), subjects: read.subjects, minAmount: prev.filters.minAmount, maxAmount: prev.filters.maxAmount, currency: prev.filters.currency }
        : { ...prev.filters, ...amountPart(read) };
      let op = prev.op;
      let periods = changedTime ? read.periods : prev.periods;
      let periodAssumed = changedTime ? false : prev.periodAssumed;
      // "and last month?" after "December vs January": one period is a plain sum; after "Uber vs Ola"
      // the same two sides are compared over the new period.
      if (op === 'compare' && changedTime && read.periods.length === 1 && !(prev.versus.length && !changedWhat)) op = 'sum';
      // "what about food?" after "food vs transport": a plain sum of the new subject.
      if (op === 'compare' && changedWhat && prev.versus.length) op = 'sum';
      if (op === 'compare' && changedWhat && !changedTime) periods = prev.periods;
      return { kind: 'plan', followUp: true, plan: { ...prev, op, periods, periodAssumed, filters, versus: changedWhat ? [] : prev.versus } };
    }
  }

  if (read.op === null && !read.signal) {
    // "uber rides this week", "food in december?": a subject and a period read as "how much".
    // Without a "?" only when no number is in sight ("uber 250 yesterday" is an expense).
    // "doctor visits?", "travel bookings": a subject asked about as occasions of spending.
    const asked = /\?$/.test(normalizeQuestion(text));
    const plainWords = !/\d/.test(read.leftover) && !/^(?:who|whom|why|when|where|what|how|is|are|was|were|can|could|will|would|should|do|does|tell)\b/.test(q);
    const occasions = /\b(visits|bookings|rides|orders|bills|purchases|trips|payments|spends|expenses|kharche)$/.test(q);
    const bareButClear = names > 0 && (read.exclude.length > 0 || ((read.periods.length > 0 || read.weekdays !== null) && (asked || plainWords)) || (asked && plainWords) || (occasions && plainWords));
    // "purchases last week", "wednesday expenses this month": everything spent over a stretch.
    const everythingOver = (read.periods.length > 0 || read.weekdays !== null) && /\b(expenses|purchases|spends|spendings|kharche|transactions)\b/.test(q);
    if (!bareButClear && !everythingOver) return { kind: 'none', reason: prev || !FOLLOW_UP_LEAD.test(q) ? 'not_a_question' : 'no_previous' };
  }
  return { kind: 'plan', followUp: false, plan: buildPlan(read, opts) };
}

/**
 * Words a bare "show all" may be made of. Anything else ("list our uber rides", "show all parking
 * payments", "show all in december") names a new subject or period: a new question, never a
 * follow-up that would hide it behind the previous answer.
 */
const SHOW_ALL_VOCAB = new Set(`ok okay please pls plz show list see give send display dikhao dikha dikhado batao bata do me us all them more
  the rest everything those these of sab sabhi saare sare baaki baki others other remaining which ones what were they kaun se the full
  complete whole entire expenses entries items transactions rows lines bhi and now then yes yeah haan ha sure`.split(/\s+/).filter(Boolean));

function isShowAll(q: string): boolean {
  if (q.length > 40) return false;
  const words = q.replace(/[^\p{L}\p{N}' ]+/gu, ' ').split(/\s+/).filter(Boolean);
  if (!words.length || !words.every((w) => SHOW_ALL_VOCAB.has(w))) return false;
  return SHOW_ALL_WORDS.test(q);
}

interface Read {
  op: Operation | null;
  periods: Period[];
  /** "on weekends", "Saturdays": days of the week every period is narrowed to. */
  weekdays: WeekdaySet | null;
  allTime: boolean;
  categories: Primary[];
  subjects: string[];
  /** Subjects every row must also match ("CCD" in "coffee at CCD"). */
  within: string[];
  exclude: string[];
  /** Subjects separated by vs / or in a comparison ("food vs transport"). */
  sides: string[][];
  minAmount: number | null;
  maxAmount: number | null;
  currency: string | null;
  topN: number | null;
  /** "last 5 expenses": the newest N rows. */
  newest: number | null;
  /** "what percentage went to food": the subject's share of everything, not a breakdown of it. */
  share: boolean;
  /** "second biggest": the rank asked for (1-based). */
  rank: number | null;
  /** What is left once periods, bounds and op phrases are out (a number here reads as an amount). */
  leftover: string;
  smallest: boolean;
  plural: boolean;
  averagePer: QueryPlan['averagePer'];
  breakdownBy: QueryPlan['breakdownBy'];
  signal: boolean;
  /** Spend words of its own ("how much", "total"): not a bare follow-up fragment. */
  hasOwnSpendWords: boolean;
}

const EXCLUDE_AFTER = /\b(?:excluding|exclude|except(?: for)?|without|other than|apart from|not counting|not including|leaving out|minus|but not)\s+((?:(?!\s{2})[\p{L}\p{N}'& ])+)/gu;
const EXCLUDE_BEFORE = /((?:(?!\s{2})[\p{L}\p{N}'& ])+?)\s+(?:ke alawa|ke alava|ke siwa|ke siva|ke bina|chhod ke|chhodke|chod ke|chodke|ko chhodkar|ko chodkar)\b/gu;

const CURRENCY_WORDS: Record<string, string> = {
  dollars: 'USD', dollar: 'USD', usd: 'USD', $: 'USD', rupees: 'INR', rupee: 'INR', rs: 'INR', inr: 'INR', '₹': 'INR',
  euros: 'EUR', euro: 'EUR', eur: 'EUR', '€': 'EUR', pounds: 'GBP', gbp: 'GBP', '£': 'GBP', dirhams: 'AED', aed: 'AED',
  yen: 'JPY', jpy: 'JPY',
};

const NUM = String.raw`(?:₹|rs\.?|inr|\$|€|£|usd|eur)?\s*(\d[\d,]*(?:\.\d+)?)\s*(?:(k|thousand|hazaar|hazar|l|lakh|lac)(?![\p{L}]))?\s*(?:₹|rs|rupees|inr|dollars|usd|bucks|euros)?`;
const AMOUNT_RULES: { re: RegExp; set: (r: Read, a: number, b?: number) => void }[] = [
  { re: new RegExp(String.raw`\bbetween\s+${NUM}\s+(?:and|to|-)\s+${NUM}`, 'gu'), set: (r, a, b) => { r.minAmount = a; r.maxAmount = b ?? null; } },
  { re: new RegExp(String.raw`(?:\bover|\babove|\bmore than|\bgreater than|\bbigger than|\bexceeding|\bat least|\bmin(?:imum)?|>=?|\bse zyada|\bse upar)\s*${NUM}`, 'gu'), set: (r, a) => { r.minAmount = a; } },
  { re: new RegExp(String.raw`(?:\bunder|\bbelow|\bless than|\bcheaper than|\bat most|\bmax(?:imum)?|\bupto|\bup to|<=?|\bse kam)\s*${NUM}`, 'gu'), set: (r, a) => { r.maxAmount = a; } },
  { re: new RegExp(String.raw`${NUM}\s*(?:\+|or more|and above|and up|se zyada|se upar)`, 'gu'), set: (r, a) => { r.minAmount = a; } },
];

/** Currency names that cannot be anything else in a question ("dollars", "USD", "in euros"). */
const FOREIGN_CURRENCY = /(?<![\p{L}\p{N}])(?:in |of |for |the )?(dollars?|usd|us\$|euros?|eur|pounds?|gbp|quid|dirhams?|aed|yen|jpy|sgd|singapore dollars?|aud|australian dollars?|cad|canadian dollars?)(?![\p{L}\p{N}])/u;
const MORE_CURRENCY: Record<string, string> = {
  pound: 'GBP', quid: 'GBP', dirham: 'AED', 'us$': 'USD', sgd: 'SGD', aud: 'AUD', cad: 'CAD',
  'singapore dollar': 'SGD', 'singapore dollars': 'SGD', 'australian dollar': 'AUD', 'australian dollars': 'AUD',
  'canadian dollar': 'CAD', 'canadian dollars': 'CAD',
};

/**
 * The currency a question restricts itself to, and the text without it. Amount bounds ("over $50")
 * are already blanked out, so a symbol or name left here names the currency: "how many dollars",
 * "USD spend", "in euros", "in $", "rupees mein". Rupee words only count after in/of/for or
 * "mein", since "rs"/"rupees" are also just how people say amounts.
 */
export function findCurrency(text: string): { code: string; rest: string } | null {
  const f = FOREIGN_CURRENCY.exec(text);
  if (f) {
    const w = f[1]!;
    const code = CURRENCY_WORDS[w] ?? MORE_CURRENCY[w] ?? (KNOWN_CURRENCIES.has(w.toUpperCase()) ? w.toUpperCase() : null);
    if (code) return { code, rest: text.replace(f[0], ' ') };
  }
  const sym = /(?:^|\s)(?:in |of |for )?([$€£¥]|₹)(?=\s|$)/u.exec(text);
  if (sym) return { code: sym[1] === '¥' ? 'JPY' : CURRENCY_WORDS[sym[1]!]!, rest: text.replace(sym[0], ' ') };
  const rupee = /(?<![\p{L}\p{N}])(?:(?:in|of|for|only)\s+(rupees?|rs|inr)|\(\s*(?:rupees?|rs|inr)\s*\)|(rupees?|rs|inr)\s+(?:mein|me|main))(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])inr(?![\p{L}\p{N}])/u.exec(text);
  if (rupee) return { code: 'INR', rest: text.replace(rupee[0], ' ') };
  const iso = /\b(?:in|of)\s+([a-z]{3})\b/.exec(text);
  if (iso && KNOWN_CURRENCIES.has(iso[1]!.toUpperCase()) && !/^(the|may|all|any|one)$/.test(iso[1]!)) {
    return { code: iso[1]!.toUpperCase(), rest: text.replace(iso[0], ' ') };
  }
  return null;
}

const NEWEST_N = /\b(?:last|latest|most recent|recent|pichle|pichhle|aakhri|akhri)\s+(\d{1,3})\b(?!\s*(?:days?|weeks?|months?|years?|din|dino|dinon|hafte|hafton|mahine|mahino|saal|weekends?)\b)/;
const NOT_TIME_AFTER = String.raw`(?!(?:\d|week|month|year|day|days|weekend|night|evening|morning|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|hafte|mahine|saal|din|quarter|christmas|diwali|holi)\w*)`;
const NEWEST_1 = new RegExp(String.raw`\bwhen (?:did|was) (?:i|we|my|the) last\b|\bwhen (?:did|was) (?:i|we) (?:\w+ )?last\b|\b(?:the |my )?last time\b|\b(?:my|the) (?:last|latest|most recent)\b(?=\s+${NOT_TIME_AFTER}\p{L})`, 'u');

const PER_DAY = /\b(per day|a day|din ka|roj|(?:typical|usual|normal|average|regular) day|each day|every day|daily|per din|har din|roz|rozana|roz ka|day wise|\/day)\b/;
const PER_WEEK = /\b(per week|a week|hafte ka|hafta|(?:typical|usual|normal|average|regular) week|weekly|each week|every week|har hafte|per hafta)\b/;
const PER_MONTH = /\b(per month|a month|mahine ka|mahina|(?:typical|usual|normal|average|regular) month|monthly|each month|every month|har mahine|per mahina)\b/;
/**
 * One occasion of spending: "average swiggy order", "average grocery bill", "average auto fare".
 * An average of these divides by the number of expenses, not by days.
 */
const PER_OCCASION = /\b(fill ?ups?|top ?ups?|refuel(?:s|ling)?|refills?|fills?|amount|(?:spend|spent|cost|pay|paid) per|each one|one time|per time|har ek|orders?|bills?|rides?|visits?|fares?|tickets?|trips?|purchases?|meals?|runs?|transactions?|payments?|sessions?|bookings?|deliver(?:y|ies)|recharges?|refills?|haircuts?|cups?|plates?|servings?|rounds?|shops?|shopping trips?|checkouts?|baskets?|receipts?|invoices?|expense|entry|item|each time|every time|(?:cost|price) of (?:an?|one|each)|per (?!day\b|week\b|month\b|year\b|din\b|hafta\b|mahina\b)\w+|a pop|each|har baar|har bar|ek baar|typically|typical|usually|normally)\b/;

/** What an average divides by: days unless the question says weeks, months or occasions. */
export function averagePerOf(q: string): NonNullable<QueryPlan['averagePer']> {
  if (PER_DAY.test(q)) return 'day';
  if (PER_WEEK.test(q)) return 'week';
  if (PER_MONTH.test(q)) return 'month';
  if (PER_OCCASION.test(q)) return 'expense';
  return 'day';
}

function amountOf(num: string, mult: string | undefined): number {
  let v = Number(num.replace(/,/g, ''));
  if (mult) v *= /^(k|thousand|hazaar|hazar)$/.test(mult) ? 1000 : 100000;
  return v;
}

function readQuestion(q: string, opts: PlanOptions): Read {
  const r: Read = {
    op: null, periods: [], weekdays: null, allTime: false, categories: [], subjects: [], within: [], exclude: [], sides: [], minAmount: null, maxAmount: null,
    currency: null, topN: null, newest: null, share: false, rank: null, leftover: '', smallest: false, plural: false, averagePer: null, breakdownBy: null,
    signal: SPEND_SIGNAL.test(q), hasOwnSpendWords: /\b(how much|how many|total|kitna|kitni|kitne|spent|spend|spending|spends|expenses|purchases|kharche|list|show|top|biggest|average|compare|breakdown)\b/.test(q),
  };
  let work = q;
  // Amount bounds come out first so "over 1.5k" is not read as a date.
  for (const rule of AMOUNT_RULES) {
    work = work.replace(rule.re, (...m: string[]) => {
      const a = amountOf(m[1]!, m[2]);
      const b = m[4] !== undefined && /^\d/.test(m[4]) ? amountOf(m[4], m[5]) : undefined;
      if (!Number.isFinite(a) || (/^than$/.test(m[1] ?? '') && !a)) return m[0]!;
      rule.set(r, a, b);
      return ' '.repeat(m[0]!.length);
    });
  }
  // "last 5 expenses", "my last swiggy order", "when did I last buy petrol": the newest rows.
  const nn = NEWEST_N.exec(work);
  if (nn) {
    r.newest = Math.max(1, Math.min(100, Number(nn[1])));
    work = work.replace(nn[0], ' '.repeat(nn[0].length));
  } else {
    const n1 = NEWEST_1.exec(work);
    if (n1) {
      r.newest = 1;
      work = work.replace(n1[0], ' '.repeat(n1[0].length));
    }
  }
  const tm = TOP_N.exec(work);
  if (tm) {
    r.topN = Math.max(1, Math.min(100, Number(tm[1] ?? tm[2])));
    // "top 3 december expenses": the 3 is a count, not the 3rd of December.
    work = work.replace(tm[0], (m) => m.replace(/\d+/, (d) => ' '.repeat(d.length)));
  }
  // "second biggest", "3rd most expensive": one row at that rank.
  const ord = /\b(second|2nd|third|3rd|fourth|4th|fifth|5th)\s+(?:most expensive|costliest|priciest|biggest|largest|highest|smallest|cheapest|lowest|least expensive)\b/.exec(work);
  if (ord) {
    r.rank = ORDINALS[ord[1]!]!;
    work = work.replace(ord[1]!, ' '.repeat(ord[1]!.length));
  }

  const timeOpts = { today: opts.today, weekStartsOn: opts.settings.weekStartsOn, dayFirst: opts.settings.dayFirst };
  r.weekdays = findWeekdaySet(work, timeOpts);
  if (r.weekdays) work = r.weekdays.rest;
  const found = findPeriods(work, { today: opts.today, weekStartsOn: opts.settings.weekStartsOn, dayFirst: opts.settings.dayFirst });
  r.periods = found.periods;
  r.allTime = found.allTime;
  work = found.rest;

  for (const cue of OP_CUES) {
    if (cue.re.test(q)) {
      r.op = cue.op;
      break;
    }
  }
  // "how many dollars / singapore dollars / rupees": an amount, not a count.
  if (r.op === 'count' && /\b(?:how many|kitne)\s+(?:[a-z]+\s+)?(?:rupees?|rs|dollars?|bucks|euros?|pounds?|quid|dirhams?|yen|usd|inr|eur|gbp|aed|sgd|aud|cad)\b/.test(q)) r.op = 'sum';
  // "did I spend more in December than this month?" (amount bounds are already blanked out).
  if ((r.op === null || r.op === 'sum' || r.op === 'list') && /\b(more|less|zyada|jyada|kam)\b.*\bthan\b|\bthan\b.*\b(more|less)\b/.test(work)) r.op = 'compare';
  // "did I spend more on food or transport?", "which is more, rent or food?": two sides weighed.
  if ((r.op === null || r.op === 'sum' || r.op === 'list' || r.op === 'top') && /\b(more|less|zyada|jyada|kam|higher|lower|bigger|costlier|cheaper)\b/.test(work) && /\s(?:or|ya|vs\.?|versus)\s/.test(work) && !/\b(or more|or less)\b/.test(work)) r.op = 'compare';
  // "what percentage went to food", "food's share of my spending": the breakdown shows each share.
  if (/\b(percentage|percent|share|proportion|fraction)\b|%/.test(work) && r.op !== 'compare') {
    r.op = 'breakdown';
    r.share = true;
  }
  // "food last week or this week?": two periods set against each other.
  if ((r.op === null || r.op === 'sum') && r.periods.length === 2 && /\s(?:or|ya|vs\.?|versus|against)\s/.test(q)) r.op = 'compare';
  if (r.topN !== null && (r.op === null || r.op === 'list' || r.op === 'sum')) r.op = 'top';
  if (r.newest !== null && r.op !== 'compare' && r.op !== 'breakdown' && r.op !== 'average') r.op = 'list';
  r.smallest = SMALLEST.test(q);
  r.plural = (PLURAL_RANK.test(q) || /\btop\b/.test(q)) && !/\bsingle\b/.test(q);
  if (r.op === 'average') r.averagePer = averagePerOf(q);
  if (r.op === 'breakdown') {
    r.breakdownBy = /\b(merchant|merchants|shop|shops|store|stores|where)\b/.test(q) && !/\bwhere did (all |most |the bulk )?(of )?my money go\b/.test(q) ? 'merchant'
      : /\b(by day|day by day|day-by-day|day wise|daywise|day-wise|per day|each day|daily|which day|what day|which date|biggest day|costliest day|most expensive day|priciest day|kis din|kaun sa din|konsa din)\b/.test(q) ? 'day'
      : /\b(item|items|by item|item wise|itemwise)\b/.test(q) ? 'item'
      : 'category';
  }
  const cur = findCurrency(work);
  if (cur) {
    r.currency = cur.code;
    work = cur.rest;
  }

  // "ate out", "dined out": one thing (eating out), not the verb "eat" plus "out".
  work = work
    .replace(/\b(?:eat|eats|ate|eaten|dine|dines|dined)\s+out\b/g, 'eating out')
    .replace(/\bbahar\s+(?:ka\s+|ke\s+)?(?:khana|khaana|khane|khaya|khaaya|khayi|khaye)\b/g, 'eating out')
    // "in a typical week": the unit of an average, not a thing.
    .replace(/\b(?:in )?(?:an? (?:typical|usual|normal|average|regular)|typical|usual|normal|regular) (day|week|month)\b/g, ' ');
  r.leftover = work;
  // Remove the operation phrases that are made of content-looking words.
  work = work
    .replace(/\b(what kinds? of|which kinds? of|what types? of|which types? of|what sorts? of|kaun kaun|kaun se|konsi|kaunsi)\b/g, ' ')
    .replace(/\b(cost the most|costed the most|spent the most|the most|most expensive|least expensive|on average|day by day|break down|broken down|where did (all |most |the bulk )?(of )?my money go|sabse \w+)\b/g, ' ')
    .replace(/\b(by|per|a|each|every|har) (category|merchant|day|item|week|month|year|din|hafte|mahine)\b/g, ' ')
    .replace(/\b(?:which|what|kaun si|konsi|kaunsi) (?:shops?|stores?|merchants?|places?|brands?|apps?|categories|category)\b/g, ' ')
    .replace(/\b(?:(?:top|biggest|main|largest|highest) (?:spending |expense )?categor(?:y|ies)|spending categor(?:y|ies)|kis (?:cheez|chiz|cheej)|most frequent|most often|most common|(?:which|what|biggest|costliest|most expensive|priciest) (?:day|date)(?: of (?:spending|the month|the week))?|kis din|kaun sa din|konsa din)\b/g, ' ')
    .replace(/\bper (?:day|week|month|year|din|hafta|mahina|expense|transaction|time)\b/g, ' ')
    // Two-word glue: "shell out", "sum up", "set me back" (their parts alone may be content: "dining out").
    .replace(/\b(?:shell(?:ed)? out|fork(?:ed)? out|cough(?:ed)? up|pa(?:y|id) out|la(?:y|id) out|sum(?:med)? up|add(?:ed|s)? up|put together|set (?:me|us) back|spent up|racked up|run up|ran up|(?:go|goes|went|gone) (?:up|down)|up or down|down or up)\b/g, ' ')
    .replace(/\b(did|do|have|has|had) (i|we|you) (drink|eat|have|buy|get|order|take|use|spend|pay)\b/g, ' ')
    .replace(/\b(category|merchant|item|day)[- ]?wise\b/g, ' ')
    .replace(/\b(top|first) \d+\b|\b\d+ (largest|biggest|highest|smallest|cheapest)\b/g, ' ')
    .replace(/\bhow (many|much)\b/g, ' ');

  // Comparison sides: "food vs transport", "food or transport".
  const sideSplit = /\s(?:vs\.?|versus|v\/s|compared to|compared with|against|or)\s/;
  const chunksOf = (s: string) => subjectChunks(s);
  // "compare transport and food in december": with one period or none, "and" joins the two sides.
  const andSides = /\s(?:and|with|aur|to)\s/;
  if (r.op === 'compare' && r.periods.length < 2 && !sideSplit.test(work) && andSides.test(work)) {
    const parts = work.split(andSides).map(chunksOf).filter((c) => c.length);
    if (parts.length >= 2) r.sides = parts;
  }
  if (r.op === 'compare' && sideSplit.test(work)) {
    const parts = work.split(sideSplit).map(chunksOf).filter((c) => c.length);
    if (parts.length >= 2) r.sides = parts;
  }
  // "excluding rent", "without housing", "rent ke alawa": what to leave out.
  work = work.replace(EXCLUDE_AFTER, (_m, what: string) => {
    for (const c of subjectChunks(what)) r.exclude.push(CATEGORY_WORDS[c] ?? c);
    return ' ';
  });
  work = work.replace(EXCLUDE_BEFORE, (_m, what: string) => {
    const last = subjectChunks(what).pop();
    if (last) r.exclude.push(CATEGORY_WORDS[last] ?? last);
    return ' ';
  });
  const parts = subjectParts(work);
  for (const [i, part] of parts.entries()) {
    const c = part.text;
    const cat = CATEGORY_WORDS[c];
    // After the first subject, "X at Y" narrows rather than widens.
    if (i > 0 && part.join === 'and' && r.op !== 'compare') {
      r.within.push(cat ?? c);
      continue;
    }
    if (cat) {
      if (!r.categories.includes(cat)) r.categories.push(cat);
    } else if (!r.subjects.includes(c)) r.subjects.push(c);
  }
  return r;
}

/** Splits what is left of a question into subject phrases, dropping glue words. */
export function subjectChunks(text: string): string[] {
  return subjectParts(text).map((p) => p.text);
}

/** Words that a following "bill" turns into a utility ("phone bill" is not a phone). */
const BILL_HEADS = new Set(['phone', 'mobile', 'electric', 'electricity', 'power', 'light', 'bijli', 'current', 'water', 'paani', 'pani', 'gas',
  'cylinder', 'internet', 'wifi', 'broadband', 'fibre', 'fiber', 'dth', 'cable', 'tv', 'credit', 'card', 'society', 'maintenance', 'postpaid']);

/** Words that make "fee"/"charges" a kind of fee ("late fee", "convenience charges"), not an occasion of paying. */
const FEE_KINDS = new Set(['late', 'convenience', 'delivery', 'service', 'platform', 'processing', 'booking', 'cancellation', 'joining', 'annual',
  'registration', 'membership', 'entry', 'admission', 'tuition', 'exam', 'bank', 'card', 'overdraft', 'penalty', 'handling', 'packing', 'surge',
  'transaction', 'withdrawal', 'atm', 'forex', 'markup', 'gst', 'renewal', 'maintenance', 'legal', 'court', 'visa', 'application']);

/** Glue between two subjects that means "both" ("coffee at CCD", "train to Nagpur"), not "either". */
const AND_JOINERS = new Set(['at', 'to', 'from', 'for', 'with', 'in', 'on', 'via', 'through', 'se', 'pe', 'par', 'mein', 'me']);
const ARTICLES = new Set(['the', 'a', 'an', 'got', 'get', 'gets', 'getting', 'was', 'were', 'is', 'been', 'being']);
const OR_JOINERS = new Set(['and', 'or', 'aur', 'ya', 'plus', ',']);

/**
 * Subject phrases in order, each marked by how it joins the one before: 'or' (either: "food and
 * transport") or 'and' (both: "coffee at CCD").
 */
export function subjectParts(text: string): { text: string; join: 'or' | 'and' }[] {
  const tokens = text
    .replace(/,|\s\+\s/g, ' , ')
    .replace(/[^\p{L}\p{N}'&+, ]+/gu, ' ')
    .split(/\s+/)
    .map((t) => t.replace(/^'+|'+$/g, '').replace(/'s$/, ''))
    // A lone "s" is what is left of "last week's" once the time phrase is taken out.
    .filter((t) => t && t !== 's');
  const out: { text: string; join: 'or' | 'and' }[] = [];
  let cur: string[] = [];
  let glue: string[] = [];
  // "wash the car", "fix a tyre", "car got washed": words joined only by an article or "got/was"
  // are one thing; both must match.
  const joinOf = (): 'or' | 'and' => (glue.length > 0 && glue.every((g) => ARTICLES.has(g)) ? 'and'
    : glue.some((g) => OR_JOINERS.has(g)) || !glue.some((g) => AND_JOINERS.has(g)) ? 'or' : 'and');
  const push = (text: string) => {
    out.push({ text, join: out.length ? joinOf() : 'or' });
    glue = [];
  };
  const flush = () => {
    // "phone bill", "water bills": the bill says which phone or water is meant (utilities).
    while (cur.length > 1 && TRAILING_NOUNS.has(cur[cur.length - 1]!) && !/^\d/.test(cur[cur.length - 2]!) && !(/^(?:fees?|charges?)$/.test(cur[cur.length - 1]!) && FEE_KINDS.has(cur[cur.length - 2]!)) && !(/^bills?$/.test(cur[cur.length - 1]!) && BILL_HEADS.has(cur[cur.length - 2]!))) cur.pop();
    if (cur.length === 1 && TRAILING_NOUNS.has(cur[0]!) && !CATEGORY_WORDS[cur[0]!]) cur = [];
    if (cur.length) push(cur.join(' '));
    cur = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const three = i + 2 < tokens.length ? `${t} ${tokens[i + 1]} ${tokens[i + 2]}` : '';
    if (three && CATEGORY_WORDS[three] && cur.length === 0) {
      push(three);
      i += 2;
      continue;
    }
    const two = i + 1 < tokens.length ? `${t} ${tokens[i + 1]}` : '';
    if (two && CATEGORY_WORDS[two] && cur.length === 0) {
      push(two);
      i++;
      continue;
    }
    // "&" and "'n'" join names ("marks & spencer"); a bare number is noise unless part of a name ("7 up").
    if (t === ',' || STOPWORDS.has(t) || (/^\d+$/.test(t) && cur.length === 0 && !/^(up|eleven)$/.test(tokens[i + 1] ?? ''))) {
      flush();
      glue.push(t);
    } else cur.push(t);
  }
  flush();
  return out;
}

function amountPart(r: Read): Partial<Filters> {
  const out: Partial<Filters> = {};
  if (r.minAmount !== null) out.minAmount = r.minAmount;
  if (r.maxAmount !== null) out.maxAmount = r.maxAmount;
  if (r.currency) out.currency = r.currency;
  return out;
}

const THIS_MONTH = (today: IsoDate): Period => ({ from: today.slice(0, 8) + '01', to: today, label: 'this month' });

function buildPlan(r: Read, opts: PlanOptions): QueryPlan {
  const filters: Filters = {
    ...emptyFilters(),
    categories: r.categories.map((p) => ({ primary: p, detail: null })),
    subjects: r.subjects,
    within: r.within,
    exclude: r.exclude,
    minAmount: r.minAmount,
    maxAmount: r.maxAmount,
    currency: r.currency,
  };
  let op: Operation = r.op ?? 'sum';
  // A foreign currency names what is asked about as much as a subject does ("how many dollars?").
  const foreign = !!filters.currency && filters.currency !== opts.settings.currency;
  const hasWhat = filters.categories.length + filters.subjects.length + filters.within.length > 0 || foreign;
  let periods = r.periods;
  let periodAssumed = false;
  let versus: Filters[] = [];

  if (op === 'compare') {
    if (r.sides.length >= 2 && periods.length < 2) {
      versus = r.sides.map((side) => {
        const f: Filters = { ...emptyFilters(), minAmount: r.minAmount, maxAmount: r.maxAmount, currency: r.currency };
        for (const c of side) {
          const cat = CATEGORY_WORDS[c];
          if (cat) f.categories.push({ primary: cat, detail: null });
          else f.subjects.push(c);
        }
        return f;
      });
      filters.categories = [];
      filters.subjects = [];
      // "Uber vs Namma Yatri?" names its subjects and no period: over all time, like a plain subject.
      if (!periods.length) periods = [];
    } else if (periods.length === 1) {
      // "more than last month" / "compare with December": against the current month.
      const cur = THIS_MONTH(opts.today);
      periods = periods[0]!.from === cur.from ? [cur, prevMonth(opts.today)] : [periods[0]!, cur];
    } else if (periods.length === 0) {
      periods = [prevMonth(opts.today), THIS_MONTH(opts.today)];
    }
  } else if (!periods.length) {
    // A weekly or monthly average of this month alone says little: those average over everything.
    const longAverage = op === 'average' && r.averagePer !== null && r.averagePer !== 'day';
    if (r.allTime || hasWhat || r.newest !== null || longAverage) periods = [];
    else {
      periods = [THIS_MONTH(opts.today)];
      periodAssumed = true;
    }
  } else if (periods.length > 1) {
    // Two separate periods without "compare" ("in December and January"): read as one stretch.
    const froms = periods.map((p) => p.from).filter((x): x is string => !!x).sort();
    const tos = periods.map((p) => p.to).filter((x): x is string => !!x).sort();
    periods = [{ from: froms[0] ?? null, to: tos[tos.length - 1] ?? null, label: periods.map((p) => p.label).join(' and ') }];
  }

  let breakdownBy = op === 'breakdown' ? r.breakdownBy ?? 'category' : null;
  if (op === 'breakdown' && r.share && (filters.categories.length || filters.subjects.length)) {
    // The share of one thing needs the whole: group everything, by category when a category was named.
    breakdownBy = filters.subjects.length ? 'merchant' : 'category';
    filters.categories = [];
    filters.subjects = [];
  }
  if (r.weekdays) {
    const wd = r.weekdays;
    periods = (periods.length ? periods : [{ from: null, to: null, label: 'so far' }]).map((p) => ({ ...p, weekdays: wd.weekdays, label: `${wd.label} ${p.label}`.slice(0, 60) }));
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

function prevMonth(today: IsoDate): Period {
  const y = Number(today.slice(0, 4)), m = Number(today.slice(5, 7));
  const py = m === 1 ? y - 1 : y, pm = m === 1 ? 12 : m - 1;
  const from = `${py}-${String(pm).padStart(2, '0')}-01`;
  const to = `${py}-${String(pm).padStart(2, '0')}-${String(new Date(Date.UTC(py, pm, 0)).getUTCDate()).padStart(2, '0')}`;
  return { from, to, label: 'last month' };
}
