/**
 * @module understanding/dates
 * Finds the date phrases of an expense message ("yesterday", "kal raat", "last saturday", "on 9th",
 * "12/01", "5 jan", "2 days ago") and resolves them against today in the owner's time zone. Own
 * rules instead of chrono-node: chrono ignores IANA zones, misreads "on 3rd" and "in January" and
 * costs ~100x more per message. Times of day ("9pm") are found too, so they are not read as amounts.
 */
import { addDays, daysInMonth, parseIsoDate, weekday, ymd, type IsoDate } from '../core/dates.js';

export interface DateMatch {
  start: number;
  end: number;
  /** Null for a time of day or a bare part of day ("morning"): masked, but no date. */
  date: IsoDate | null;
  future: boolean;
}

export interface DateOptions {
  today: IsoDate;
  dayFirst: boolean;
  /** True when the message speaks of the future ("will", "karna hai"): "kal" is then tomorrow. */
  futureTense: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, janu: 1, feb: 2, february: 2, febuary: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};
const WEEKDAYS: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, weds: 3, wednesday: 3, thu: 4, thur: 4,
  thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
  itwaar: 0, itwar: 0, ravivar: 0, somvar: 1, somwar: 1, mangalvar: 2, mangalwar: 2, budhvar: 3, budhwar: 3,
  guruvar: 4, guruwar: 4, shukravar: 5, shukrawar: 5, shanivar: 6, shaniwar: 6,
};
const SMALL_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ek: 1, do: 2, teen: 3, char: 4, paanch: 5 };

const MONTH_RE = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const WEEKDAY_RE = Object.keys(WEEKDAYS).sort((a, b) => b.length - a.length).join('|');
// Bare abbreviations ("sat", "sun", "mon") are too often other words; alone only full names count.
const WEEKDAY_FULL_RE = Object.keys(WEEKDAYS).filter((k) => k.length > 4 || k === 'tues').sort((a, b) => b.length - a.length).join('|');
const ORD = '(?:st|nd|rd|th)';
const B = '(?<![\\p{L}\\p{N}])'; // word start
const E = '(?![\\p{L}\\p{N}])'; // word end

const NOT_DAY_AFTER = [
  'installments?', 'instalments?', 'instal?ments?', 'kist', 'kisht', 'emis?', 'floor', 'flr', 'class', 'std', 'standard', 'grade', 'sem',
  'semester', 'year', 'yr', 'time', 'times', 'round', 'attempt', 'try', 'rank', 'prize', 'place', 'position', 'gear', 'edition',
  'birthday', 'bday', 'anniversary', 'innings', 'inning', 'term', 'quarter', 'qtr', 'payment', 'part', 'phase', 'stage', 'level',
  'dose', 'session', 'visit', 'sitting', 'consultation', 'lesson', 'month', 'week', 'day', 'ac', 'sleeper', 'tier', 'row', 'seat',
  'cross', 'main', 'block', 'sector', 'stop', 'hand', 'copy', 'child', 'kid', 'baby', 'installment', 'order', 'refill', 'ticket',
].join('|');

type Rule = { re: RegExp; resolve: (m: RegExpExecArray, o: DateOptions) => { date: IsoDate | null; future?: boolean } | null };

const rule = (src: string, resolve: Rule['resolve']): Rule => ({ re: new RegExp(`${B}(?:${src})${E}`, 'gu'), resolve });

function fromDayMonth(d: number, mo: number, year: number | null, o: DateOptions): { date: IsoDate; future?: boolean } | null {
  const t = parseIsoDate(o.today)!;
  let y = year ?? t.y;
  if (y < 100) y += 2000;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  let date = ymd(y, mo, d);
  // "28 dec" written in January means last December; a date a few weeks ahead is a plan.
  if (year === null && date > o.today && daysDiff(o.today, date) > 62) date = ymd(y - 1, mo, Math.min(d, daysInMonth(y - 1, mo)));
  return { date, future: date > o.today };
}

function daysDiff(a: IsoDate, b: IsoDate): number {
  const pa = parseIsoDate(a)!, pb = parseIsoDate(b)!;
  return Math.round((Date.UTC(pb.y, pb.m - 1, pb.d) - Date.UTC(pa.y, pa.m - 1, pa.d)) / 86400000);
}

/** "on 9th": this month unless that is still ahead, then last month. */
function fromOrdinal(d: number, o: DateOptions): { date: IsoDate } | null {
  const t = parseIsoDate(o.today)!;
  if (d < 1 || d > 31) return null;
  if (d <= t.d) return { date: ymd(t.y, t.m, d) };
  const pm = t.m === 1 ? 12 : t.m - 1, py = t.m === 1 ? t.y - 1 : t.y;
  if (d > daysInMonth(py, pm)) return null;
  return { date: ymd(py, pm, d) };
}

/** The most recent past weekday, never today ("on monday" said on Thursday = 3 days back). */
function lastWeekday(wd: number, o: DateOptions, weeksBack = 0): IsoDate {
  const back = ((weekday(o.today) - wd + 7) % 7) || 7;
  return addDays(o.today, -back - 7 * weeksBack);
}
function nextWeekday(wd: number, o: DateOptions): IsoDate {
  const ahead = ((wd - weekday(o.today) + 7) % 7) || 7;
  return addDays(o.today, ahead);
}

const n = (s: string | undefined): number => (s === undefined ? NaN : /^\d+$/.test(s) ? Number(s) : (SMALL_WORDS[s] ?? NaN));

// Order matters: longer phrases first, so "day before yesterday" is not read as "yesterday".
const RULES: Rule[] = [
  rule(`(\\d{4})-(\\d{1,2})-(\\d{1,2})`, (m, o) => fromDayMonth(Number(m[3]), Number(m[2]), Number(m[1]), o)),
  rule(`(?:on\\s+)?(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})`, (m, o) => {
    const a = Number(m[1]), b = Number(m[2]);
    return o.dayFirst ? fromDayMonth(a, b, Number(m[3]), o) : fromDayMonth(b, a, Number(m[3]), o);
  }),
  // "1/2 kg", "3/4 litre": a fraction of a quantity, not a date.
  rule(`(?:on\\s+)?(\\d{1,2})/(\\d{1,2})(?!\\s*(?:kg|kgs|kilo|kilos|g|gm|gms|grams?|ltr|ltrs|l|litres?|liters?|ml|dozen|doz|plates?|pcs?|pieces?|packets?|cups?|glass)\\b)`, (m, o) => {
    const a = Number(m[1]), b = Number(m[2]);
    return o.dayFirst ? fromDayMonth(a, b, null, o) : fromDayMonth(b, a, null, o);
  }),
  rule(`(?:on\\s+)?(?:the\\s+)?(\\d{1,2})${ORD}?\\s*(?:of\\s+)?(${MONTH_RE})\\.?(?:,?\\s*'?(\\d{4}|\\d{2}(?!\\d)))?`, (m, o) => {
    if (m[2] === 'may' && !/\d/.test(m[1]!)) return null;
    return fromDayMonth(Number(m[1]), MONTHS[m[2]!]!, m[3] ? Number(m[3]) : null, o);
  }),
  rule(`(?:on\\s+)?(${MONTH_RE})\\.?\\s*(\\d{1,2})${ORD}?(?:,?\\s*(\\d{4}))?(?![\\d.,]|\\s*(?:k|rs|inr|/-|lakh|\\d))`, (m, o) =>
    fromDayMonth(Number(m[2]), MONTHS[m[1]!]!, m[3] ? Number(m[3]) : null, o)),
  // "2nd installment", "3rd floor", "1st class", "4th round": an ordinal that ranks something is no date.
  rule(`(?:on\\s+)?(?:the\\s+)?(\\d{1,2})${ORD}(?:\\s+of\\s+(?:this|the)\\s+month)?(?!\\s*(?:${NOT_DAY_AFTER})${E}|\\s+of\\s+\\d)`, (m, o) => fromOrdinal(Number(m[1]), o)),
  // The ranked word goes too: "school van 2nd quarter" is the van, not a quarter of rum.
  rule(`(\\d{1,2})${ORD}\\s*(?:${NOT_DAY_AFTER})|(\\d{1,2})${ORD}\\s+of\\s+\\d{1,3}(?![\\d,.])`, () => ({ date: null })),
  rule(`day\\s+before\\s+(?:yesterday|yday|yest)|parso|parson|parsoon|parsu`, (_m, o) => ({ date: addDays(o.today, -2) })),
  rule(`day\\s+after\\s+tomorrow`, (_m, o) => ({ date: addDays(o.today, 2), future: true })),
  rule(`(?:yesterday|yday|yest|ystrdy|yesterdy|yesturday|yesteday|ysterday|yestarday)(?:'s)?(?:\\s+(?:morning|afternoon|evening|night))?|last\\s+night|late\\s+last\\s+night`, (_m, o) => ({ date: addDays(o.today, -1) })),
  rule(`(?:tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr|tmrow)(?:\\s+(?:morning|afternoon|evening|night))?`, (_m, o) => ({ date: addDays(o.today, 1), future: true })),
  rule(`kal(?:\\s+(?:raat|rat|shaam|sham|subah|subha|dopahar|din|night|morning|evening))?`, (_m, o) =>
    o.futureTense ? { date: addDays(o.today, 1), future: true } : { date: addDays(o.today, -1) }),
  rule(`(\\d{1,2}|an?|one|two|three|four|five|six|seven|ek|do|teen|char|paanch)\\s+(days?|din|weeks?|hafte|hafta)\\s+(?:ago|back|pehle|pahle|before|earlier)`, (m, o) => {
    const k = n(m[1]);
    if (!Number.isFinite(k) || k > 400) return null;
    const mult = /^w|^h/.test(m[2]!) ? 7 : 1;
    return { date: addDays(o.today, -k * mult) };
  }),
  rule(`(?:on\\s+)?(?:last|prev|previous|pichle|pichhle)\\s+(${WEEKDAY_RE})`, (m, o) => ({ date: lastWeekday(WEEKDAYS[m[1]!]!, o) })),
  rule(`(?:on\\s+)?(?:this\\s+)?(?:coming\\s+|next\\s+|agle\\s+)(${WEEKDAY_RE})`, (m, o) => ({ date: nextWeekday(WEEKDAYS[m[1]!]!, o), future: true })),
  rule(`(?:on|this(?:\\s+past)?)\\s+(${WEEKDAY_RE})(?:\\s+(?:ko|morning|evening|night|afternoon))?`, (m, o) => ({ date: lastWeekday(WEEKDAYS[m[1]!]!, o) })),
  rule(`(${WEEKDAY_FULL_RE})(?:\\s+(?:ko|morning|evening|night|afternoon))?`, (m, o) => ({ date: lastWeekday(WEEKDAYS[m[1]!]!, o) })),
  // "Sat dinner 40": an abbreviation opening the message is a day; elsewhere "sat"/"sun" may be words.
  { re: /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat)(?=\s+\p{L})/gu, resolve: (m, o) => ({ date: lastWeekday(WEEKDAYS[m[1]!]!, o) }) },
  rule(`last\\s+week|pichle\\s+hafte`, (_m, o) => ({ date: addDays(o.today, -7) })),
  rule(`today(?:'s)?|aaj|aj|tonight|earlier\\s+today|this\\s+(?:morning|afternoon|evening)|aaj\\s+(?:subah|shaam|raat)`, (_m, o) => ({ date: o.today })),
  // Times of day: masked so "9pm" or "10:30" is never an amount.
  rule(`(?:at\\s+)?\\d{1,2}(?::\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|baje)|(?:at\\s+)?\\d{1,2}:\\d{2}`, () => ({ date: null })),
  rule(`(?:in\\s+the\\s+)?(?:morning|evening|afternoon|night|subah|shaam|raat|dopahar)`, () => ({ date: null })),
];

export interface DateScan {
  matches: DateMatch[];
  /** The input with every date phrase blanked out (same length, so offsets still hold). */
  masked: string;
}

/**
 * Finds and resolves date phrases. e.g. scanDates('misal 90 yesterday', {today:'2026-01-15',...})
 * -> one match with date '2026-01-14'.
 */
export function scanDates(s: string, o: DateOptions): DateScan {
  const matches: DateMatch[] = [];
  let masked = s;
  // A cheap gate: most messages have no date words at all.
  if (!QUICK.test(s)) return { matches, masked };
  for (const r of RULES) {
    r.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = r.re.exec(masked))) {
      const res = r.resolve(m, o);
      if (!res) continue;
      const start = m.index, end = m.index + m[0].length;
      matches.push({ start, end, date: res.date, future: !!res.future });
      masked = masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end);
      r.re.lastIndex = end;
    }
  }
  matches.sort((a, b) => a.start - b.start);
  return { matches, masked };
}

const QUICK = new RegExp(
  `\\d[/.-]\\d|\\d{4}-|\\d(?:st|nd|rd|th)\\b|${MONTH_RE}|${WEEKDAY_RE}|yest|yday|ystrdy|tom|tmr|kal|parso|ago|back|pehle|pahle|before|earlier|last|today|aaj|\\baj\\b|tonight|night|morning|evening|afternoon|subah|shaam|raat|dopahar|\\d\\s*(?:am|pm|baje)|\\d:\\d|hafte|week`,
  'u',
);
