/**
 * @module query/time
 * Finds time phrases in a question ("since Monday", "last mahine", "between Jan 2 and Jan 5",
 * "on new year's eve") and turns them into inclusive local date ranges. Pure: `today` is passed in.
 * A month or day without a year is the most recent one that is not in the future; ranges that
 * would run past today stop at today.
 */
import {
  addDays, addMonths, daysInMonth, endOfMonth, formatDay, monthName, parseIsoDate, startOfMonth,
  startOfWeek, weekday, ymd, type IsoDate,
} from '../core/dates.js';
import type { Period } from './types.js';

export interface TimeOptions {
  today: IsoDate;
  weekStartsOn: number;
  /** 2/1 is 2 January when true. */
  dayFirst: boolean;
}

export interface FoundPeriods {
  periods: Period[];
  /** The text with the time phrases blanked out (same length), for finding the rest of the question. */
  rest: string;
  /** True when the text said "all time", "ever", "so far" and no range. */
  allTime: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4,
  thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, somvar: 1, mangalvar: 2, budhvar: 3, guruvar: 4,
  shukravar: 5, shanivar: 6, ravivar: 0,
};

// "may", "mar" and "sun"/"sat" are also ordinary words; "may" counts only next to a day or a preposition.
const MON = '(?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)';
const MON_ANY = '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)';
const WD = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|somvar|mangalvar|budhvar|guruvar|shukravar|shanivar|ravivar)';
const ORD = '(?:st|nd|rd|th)?';
const THIS = "(?:this|current|iss|is|ye|yeh|present)";
const LAST = "(?:last|previous|prev|pichle|pichhle|pichla|pichhla|picchle|past)";

/** A single day. */
const DAY_SRC = [
  String.raw`\d{4}-\d{1,2}-\d{1,2}`,
  String.raw`${MON_ANY}\.?\s+\d{1,2}${ORD}(?!\d)(?:,?\s+\d{4})?`,
  String.raw`\d{1,2}${ORD}\s+(?:of\s+)?${MON_ANY}\b\.?(?:,?\s+\d{4})?`,
  String.raw`\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?(?![\d/.])`,
  String.raw`(?:the\s+)?\d{1,2}(?:st|nd|rd|th)(?!\s*(?:largest|biggest|most))`,
  String.raw`(?:${LAST}\s+|${THIS}\s+)?${WD}`,
  String.raw`day before yesterday`, String.raw`parso`, String.raw`today'?s?`, String.raw`aaj`, String.raw`tonight`,
  String.raw`this morning`, String.raw`this evening`, String.raw`yesterday'?s?`, String.raw`yday`, String.raw`kal`,
  String.raw`last night`,
  String.raw`new\s*year'?s?\s*eve`, String.raw`nye`, String.raw`new\s*year'?s?\s*day`, String.raw`christmas\s*eve`,
  String.raw`christmas(?:\s+day)?`, String.raw`xmas(?:\s+day)?`, String.raw`diwali|deepavali|divali`, String.raw`holi`,
].join('|');

/** Festivals whose date moves: the days they fell on (Diwali = Lakshmi Puja day). */
const MOVABLE: Record<string, { label: string; days: IsoDate[] }> = {
  diwali: { label: 'on Diwali', days: ['2022-10-24', '2023-11-12', '2024-11-01', '2025-10-20', '2026-11-08', '2027-10-29', '2028-10-17', '2029-11-05', '2030-10-26'] },
  holi: { label: 'on Holi', days: ['2022-03-18', '2023-03-08', '2024-03-25', '2025-03-14', '2026-03-04', '2027-03-22', '2028-03-11', '2029-03-01', '2030-03-20'] },
};
const MOVABLE_ALIAS: Record<string, string> = { diwali: 'diwali', deepavali: 'diwali', divali: 'diwali', holi: 'holi' };

/** A stretch: week, month, year, rolling window. */
const SPAN_SRC = [
  String.raw`(?:the\s+)?(?:${LAST})\s+\d{1,3}\s+(?:days?|din|weeks?|hafte|months?|mahine|years?|saal)`,
  String.raw`(?:the\s+)?(?:${LAST})\s+(?:week|wk|hafta|hafte|haftey|month|mahina|mahine|mahiney|year|yr|saal|weekend|quarter)`,
  String.raw`${THIS}\s+(?:week|wk|hafta|hafte|haftey|month|mahina|mahine|mahiney|year|yr|saal|weekend|quarter)`,
  String.raw`(?:the\s+)?weekend`,
  String.raw`(?:${MON_ANY}\.?\s+\d{4})`,
  String.raw`${MON}\b`,
  String.raw`(?:20[12]\d)`,
].join('|');

const ANCHOR = `(?:${DAY_SRC}|${SPAN_SRC})`;
const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;

interface Rule {
  re: RegExp;
  make(m: RegExpExecArray, o: TimeOptions): Period | null;
}

const rx = (s: string) => new RegExp(s, 'giu');

const RULES: Rule[] = [
  {
    // "first week of January", "last week of december", "second half of jan"
    re: rx(`${B}(?:the\\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|last|final)\\s+(week|half|fortnight)\\s+of\\s+(?:the\\s+)?(${MON_ANY}|this month|last month)${E}`),
    make: (m, o) => partOfMonth(m[1]!.toLowerCase(), m[2]!.toLowerCase(), m[3]!.toLowerCase(), o),
  },
  {
    // between A and B / from A to B
    re: rx(`${B}(?:between|from|bw|btw)\\s+(${ANCHOR})\\s+(?:and|to|till|until|through|upto|up to|-|–)\\s+(${ANCHOR})${E}`),
    make: (m, o) => span(anchor(m[1]!, o), anchor(m[2]!, o, true), o),
  },
  {
    // "jan 2-5", "2-5 jan"
    re: rx(`${B}(${MON_ANY})\\.?\\s+(\\d{1,2})${ORD}\\s*(?:-|–|to)\\s*(\\d{1,2})${ORD}${E}`),
    make: (m, o) => dayRange(MONTHS[m[1]!]!, Number(m[2]), Number(m[3]), o),
  },
  {
    re: rx(`${B}(\\d{1,2})${ORD}\\s*(?:-|–|to)\\s*(\\d{1,2})${ORD}\\s+(?:of\\s+)?(${MON_ANY})${E}`),
    make: (m, o) => dayRange(MONTHS[m[3]!]!, Number(m[1]), Number(m[2]), o),
  },
  {
    // A to B (no leading "from")
    re: rx(`${B}(${DAY_SRC}|${MON}\\b)\\s+(?:to|till|until|through|-|–)\\s+(${ANCHOR})${E}`),
    make: (m, o) => span(anchor(m[1]!, o), anchor(m[2]!, o, true), o),
  },
  {
    // "since new year", "from new year's": the first of January (the eve has a rule of its own).
    re: rx(`${B}(?:since|from|after)\\s+(?:the\\s+)?new\\s*year(?!'?s?\\s*eve)'?s?(?:\\s+day)?${E}`),
    make: (m, o) => {
      const jan1 = pastDay(1, 1, null, o);
      const from = jan1 && /^after/i.test(m[0]!) ? addDays(jan1, 1) : jan1;
      return from ? { from, to: o.today, label: `since ${formatDay(from, o.today)}` } : null;
    },
  },
  {
    // since A / from A / after A / A se
    re: rx(`${B}(since|after|starting|beginning|starting from)\\s+(${ANCHOR})${E}`),
    make: (m, o) => {
      const a = anchor(m[2]!, o);
      if (!a?.from) return null;
      const from = m[1]!.toLowerCase() === 'after' ? addDays(a.to ?? a.from, 1) : a.from;
      return { from, to: o.today, label: `since ${formatDay(from, o.today)}` };
    },
  },
  {
    re: rx(`${B}(?:from\\s+)?(${ANCHOR})\\s+(?:se|onwards|onward|till now|till today|until now|to now|to date|till date)${E}`),
    make: (m, o) => {
      const a = anchor(m[1]!, o);
      return a?.from ? { from: a.from, to: o.today, label: `since ${formatDay(a.from, o.today)}` } : null;
    },
  },
  {
    re: rx(`${B}(?<!day\\s)(till|until|before|up to|upto)\\s+(${ANCHOR})${E}`),
    make: (m, o) => {
      const a = anchor(m[2]!, o, true);
      if (!a?.to) return null;
      const to = m[1]!.toLowerCase() === 'before' ? addDays(a.from ?? a.to, -1) : a.to;
      return { from: null, to, label: `until ${formatDay(to, o.today)}` };
    },
  },
  {
    // "may" needs a preposition or a year to count as the month
    re: rx(`${B}(?:in|during|for|of|since)\\s+(may)(?:\\s+(20\\d\\d))?${E}`),
    make: (m, o) => monthRange(5, m[2] ? Number(m[2]) : null, o),
  },
  {
    re: rx(`${B}(${ANCHOR})${E}`),
    make: (m, o) => anchor(m[1]!, o),
  },
];

const ALL_TIME = rx(`${B}(?:all[\\s-]?time|ever|overall|so far|till now|till date|to date|until now|in total|total ever|altogether|all together|all in all|till today|uptil now|up till now|kabhi|ab tak|abhi tak|lifetime|since the (?:start|beginning))${E}`);

/** Finds every time phrase, in order of appearance. */
export function findPeriods(text: string, o: TimeOptions): FoundPeriods {
  let work = text.toLowerCase().replace(/[’‘`]/g, "'");
  const found: { at: number; period: Period }[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    const hits: { index: number; len: number; period: Period }[] = [];
    while ((m = rule.re.exec(work))) {
      const p = rule.make(m, o);
      if (p) hits.push({ index: m.index, len: m[0].length, period: p });
      if (m[0].length === 0) rule.re.lastIndex++;
    }
    for (const h of hits) {
      found.push({ at: h.index, period: h.period });
      work = work.slice(0, h.index) + ' '.repeat(h.len) + work.slice(h.index + h.len);
    }
  }
  let allTime = false;
  work = work.replace(ALL_TIME, (s) => {
    allTime = true;
    return ' '.repeat(s.length);
  });
  found.sort((a, b) => a.at - b.at);
  return { periods: found.map((f) => f.period), rest: work, allTime: allTime && found.length === 0 };
}

function span(a: Period | null, b: Period | null, o: TimeOptions): Period | null {
  if (!a?.from || !b?.to) return null;
  let from = a.from, to = b.to;
  // "Dec 28 to Jan 3" said in January: the first end belongs to the year before.
  if (from > to && a.from.slice(5) > b.to.slice(5)) from = ymd(Number(to.slice(0, 4)) - 1, Number(from.slice(5, 7)), Number(from.slice(8)));
  if (from > to) [from, to] = [to, from];
  if (to > o.today) to = o.today;
  return { from, to, label: `from ${formatDay(from, o.today)} to ${formatDay(to, o.today)}` };
}

function dayRange(month: number, d1: number, d2: number, o: TimeOptions): Period | null {
  const a = pastDay(month, d1, null, o), b = pastDay(month, d2, null, o);
  if (!a || !b) return null;
  return span({ from: a, to: a, label: '' }, { from: b, to: b, label: '' }, o);
}

/** The most recent (month, day) that is not after today, or the given year. */
function pastDay(month: number, day: number, year: number | null, o: TimeOptions): IsoDate | null {
  const ty = Number(o.today.slice(0, 4));
  let y = year ?? ty;
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(y, month)) {
    if (year === null && day <= 31 && day <= daysInMonth(y - 1, month)) y -= 1;
    else return null;
  }
  const d = ymd(y, month, day);
  if (year === null && d > o.today) return ymd(y - 1, month, Math.min(day, daysInMonth(y - 1, month)));
  return d;
}

function monthRange(month: number, year: number | null, o: TimeOptions): Period {
  const ty = Number(o.today.slice(0, 4)), tm = Number(o.today.slice(5, 7));
  const y = year ?? (month > tm ? ty - 1 : ty);
  const from = ymd(y, month, 1);
  let to = endOfMonth(from);
  if (to > o.today) to = o.today;
  const label = y === ty || (year === null && y === ty - 1) ? `in ${monthName(month)}` : `in ${monthName(month)} ${y}`;
  return { from, to, label };
}

function clip(p: Period, o: TimeOptions): Period {
  return p.to && p.to > o.today ? { ...p, to: o.today } : p;
}

function single(d: IsoDate, o: TimeOptions, label?: string): Period {
  return { from: d, to: d, label: label ?? `on ${formatDay(d, o.today)}` };
}

/** The most recent given weekday on or before today (strictly before when `strict`). */
function recentWeekday(wd: number, o: TimeOptions, strict: boolean): IsoDate {
  let back = (weekday(o.today) - wd + 7) % 7;
  if (back === 0 && strict) back = 7;
  return addDays(o.today, -back);
}

/** Resolves one anchor phrase (a day or a stretch) to a period. `asEnd` is unused by days. */
function anchor(raw: string, o: TimeOptions, _asEnd = false): Period | null {
  const s = raw.toLowerCase().trim().replace(/\s+/g, ' ');
  const t = o.today;
  let m: RegExpExecArray | null;

  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) {
    const d = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    return parseIsoDate(d) ? single(d, o) : null;
  }
  if ((m = new RegExp(`^(${MON_ANY})\\.? (\\d{1,2})${ORD}(?:,? (\\d{4}))?$`).exec(s))) {
    const d = pastDay(MONTHS[m[1]!]!, Number(m[2]), m[3] ? Number(m[3]) : null, o);
    return d ? single(d, o) : null;
  }
  if ((m = new RegExp(`^(\\d{1,2})${ORD} (?:of )?(${MON_ANY})\\.?(?:,? (\\d{4}))?$`).exec(s))) {
    const d = pastDay(MONTHS[m[2]!]!, Number(m[1]), m[3] ? Number(m[3]) : null, o);
    return d ? single(d, o) : null;
  }
  if ((m = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?$/.exec(s))) {
    const a = Number(m[1]), b = Number(m[2]);
    const [day, month] = o.dayFirst ? [a, b] : [b, a];
    let year: number | null = m[3] ? Number(m[3]) : null;
    if (year !== null && year < 100) year += 2000;
    const d = pastDay(month, day, year, o);
    return d ? single(d, o) : null;
  }
  if ((m = /^(?:the )?(\d{1,2})(?:st|nd|rd|th)$/.exec(s))) {
    const day = Number(m[1]);
    const ty = Number(t.slice(0, 4)), tm = Number(t.slice(5, 7));
    let d = day <= daysInMonth(ty, tm) ? ymd(ty, tm, day) : null;
    if (!d || d > t) {
      const prev = addMonths(startOfMonth(t), -1);
      d = day <= daysInMonth(Number(prev.slice(0, 4)), Number(prev.slice(5, 7))) ? prev.slice(0, 8) + String(day).padStart(2, '0') : null;
    }
    return d ? single(d, o) : null;
  }
  if ((m = new RegExp(`^(?:(${LAST}|${THIS}) )?(${WD})$`).exec(s))) {
    const wd = WEEKDAYS[m[2]!]!;
    const q = m[1];
    const strict = !!q && new RegExp(`^${LAST}$`).test(q);
    return single(recentWeekday(wd, o, strict), o);
  }
  switch (s) {
    case 'today': case "today's": case 'todays': case 'aaj': case 'tonight': case 'this morning': case 'this evening':
      return single(t, o, 'today');
    case 'yesterday': case "yesterday's": case 'yesterdays': case 'yday': case 'kal': case 'last night':
      return single(addDays(t, -1), o, 'yesterday');
    case 'day before yesterday': case 'parso':
      return single(addDays(t, -2), o);
    case 'nye':
      return single(pastDay(12, 31, null, o)!, o, "on New Year's Eve");
    case 'christmas': case 'xmas': case 'christmas day': case 'xmas day':
      return single(pastDay(12, 25, null, o)!, o, 'on Christmas');
  }
  const fest = MOVABLE[MOVABLE_ALIAS[s] ?? ''];
  if (fest) {
    // The most recent one not in the future.
    const day = [...fest.days].reverse().find((d) => d <= t);
    return day ? single(day, o, fest.label) : null;
  }
  if (/^new ?year'?s? ?eve$/.test(s)) return single(pastDay(12, 31, null, o)!, o, "on New Year's Eve");
  if (/^new ?year'?s? ?day$/.test(s)) return single(pastDay(1, 1, null, o)!, o, "on New Year's Day");
  if (/^christmas ?eve$/.test(s)) return single(pastDay(12, 24, null, o)!, o, 'on Christmas Eve');

  if ((m = new RegExp(`^(?:the )?${LAST} (\\d{1,3}) (days?|din|weeks?|hafte|months?|mahine|years?|saal)$`).exec(s))) {
    const n = Number(m[1]);
    const unit = m[2]!;
    if (n < 1) return null;
    let from: IsoDate;
    if (/^(day|din)/.test(unit)) from = addDays(t, -(n - 1));
    else if (/^(week|hafte)/.test(unit)) from = addDays(t, -(7 * n - 1));
    else if (/^(month|mahine)/.test(unit)) from = addDays(addMonths(t, -n), 1);
    else from = addDays(addMonths(t, -12 * n), 1);
    const word = /^(day|din)/.test(unit) ? 'days' : /^(week|hafte)/.test(unit) ? 'weeks' : /^(month|mahine)/.test(unit) ? 'months' : 'years';
    return { from, to: t, label: `in the last ${n} ${n === 1 ? word.slice(0, -1) : word}` };
  }
  if ((m = new RegExp(`^(?:the )?(${LAST}|${THIS}) (week|wk|hafta|hafte|haftey|month|mahina|mahine|mahiney|year|yr|saal|weekend|quarter)$`).exec(s))) {
    const last = new RegExp(`^${LAST}$`).test(m[1]!);
    const past = m[1] === 'past';
    const unit = m[2]!;
    if (unit === 'weekend') return weekend(o, last);
    if (/^(week|wk|haft)/.test(unit)) {
      if (past) return { from: addDays(t, -6), to: t, label: 'in the last 7 days' };
      const sw = startOfWeek(t, o.weekStartsOn);
      return last ? { from: addDays(sw, -7), to: addDays(sw, -1), label: 'last week' } : { from: sw, to: t, label: 'this week' };
    }
    if (/^(month|mahin)/.test(unit)) {
      if (past) return { from: addDays(addMonths(t, -1), 1), to: t, label: 'in the last month' };
      if (last) {
        const from = addMonths(startOfMonth(t), -1);
        return { from, to: endOfMonth(from), label: `last month (${monthName(Number(from.slice(5, 7)))})` };
      }
      return { from: startOfMonth(t), to: t, label: 'this month' };
    }
    if (/^(year|yr|saal)/.test(unit)) {
      const y = Number(t.slice(0, 4));
      if (past) return { from: addDays(addMonths(t, -12), 1), to: t, label: 'in the last year' };
      return last ? { from: ymd(y - 1, 1, 1), to: ymd(y - 1, 12, 31), label: `last year (${y - 1})` } : { from: ymd(y, 1, 1), to: t, label: 'this year' };
    }
    if (unit === 'quarter') {
      const q0 = ymd(Number(t.slice(0, 4)), Math.floor((Number(t.slice(5, 7)) - 1) / 3) * 3 + 1, 1);
      if (last) {
        const from = addMonths(q0, -3);
        return { from, to: addDays(q0, -1), label: 'last quarter' };
      }
      return { from: q0, to: t, label: 'this quarter' };
    }
  }
  if (/^(?:the )?weekend$/.test(s)) return weekend(o, false);
  if ((m = new RegExp(`^(${MON_ANY})\\.? (\\d{4})$`).exec(s))) return monthRange(MONTHS[m[1]!]!, Number(m[2]), o);
  if ((m = new RegExp(`^(${MON_ANY})$`).exec(s))) return monthRange(MONTHS[m[1]!]!, null, o);
  if ((m = /^(20[12]\d)$/.exec(s))) {
    const y = Number(m[1]);
    if (ymd(y, 1, 1) > t) return null;
    return clip({ from: ymd(y, 1, 1), to: ymd(y, 12, 31), label: `in ${y}` }, o);
  }
  return null;
}

const ORDINAL: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

/** Weeks of a month are days 1–7, 8–14, …; halves are 1–15 and 16–end. */
function partOfMonth(which: string, unit: string, month: string, o: TimeOptions): Period | null {
  const m = month === 'this month' ? anchor('this month', o) : month === 'last month' ? anchor('last month', o) : monthRange(MONTHS[month]!, null, o);
  if (!m?.from) return null;
  const end = endOfMonth(m.from);
  const last = which === 'last' || which === 'final';
  const n = ORDINAL[which] ?? 1;
  let from: IsoDate, to: IsoDate;
  if (unit === 'half') {
    [from, to] = (last ? 2 : n) === 1 ? [m.from, addDays(m.from, 14)] : [addDays(m.from, 15), end];
  } else {
    const len = unit === 'fortnight' ? 14 : 7;
    if (last) [from, to] = [addDays(end, -(len - 1)), end];
    else [from, to] = [addDays(m.from, (n - 1) * len), addDays(m.from, n * len - 1)];
    if (to > end) to = end;
  }
  if (from > o.today) return null;
  if (to > o.today) to = o.today;
  return { from, to, label: `in the ${which} ${unit} of ${monthName(Number(m.from.slice(5, 7)))}` };
}

function weekend(o: TimeOptions, last: boolean): Period {
  const wd = weekday(o.today);
  // On a Saturday or Sunday "this weekend" is the one under way; "last weekend" the one before.
  let sat = wd === 6 ? o.today : wd === 0 ? addDays(o.today, -1) : recentWeekday(6, o, true);
  if (last && (wd === 6 || wd === 0)) sat = addDays(sat, -7);
  const sun = addDays(sat, 1);
  return { from: sat, to: sun > o.today ? o.today : sun, label: last ? 'last weekend' : 'at the weekend' };
}

export interface WeekdaySet {
  weekdays: number[];
  /** "on weekends", "on Saturdays". */
  label: string;
  /** The text with the phrase blanked out (same length). */
  rest: string;
}

const WD_PLURAL: Record<string, number[]> = {
  weekends: [0, 6], weekdays: [1, 2, 3, 4, 5], sundays: [0], mondays: [1], tuesdays: [2], wednesdays: [3],
  thursdays: [4], fridays: [5], saturdays: [6],
};
const WD_SINGLE: Record<string, number[]> = {
  weekend: [0, 6], weekday: [1, 2, 3, 4, 5], sunday: [0], monday: [1], tuesday: [2], wednesday: [3],
  thursday: [4], friday: [5], saturday: [6], ravivar: [0], somvar: [1], mangalvar: [2], budhvar: [3],
  guruvar: [4], shukravar: [5], shanivar: [6],
};
const WD_LABEL = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];

function weekdayLabel(days: number[]): string {
  if (days.length === 2 && days.includes(0) && days.includes(6)) return 'on weekends';
  if (days.length === 5 && !days.includes(0) && !days.includes(6)) return 'on weekdays';
  return `on ${days.map((d) => WD_LABEL[d]).join(' and ')}`;
}

/**
 * Days of the week that recur over a stretch: "on weekends", "Saturdays in January", "weekend
 * food spends in january", "wednesday expenses this month". A plural always recurs; a singular
 * ("weekend", "wednesday") only beside a longer stretch and without this/last before it, so
 * "last Sunday" and "on Tuesday" stay one day.
 */
export function findWeekdaySet(text: string, o: TimeOptions): WeekdaySet | null {
  const lower = text.toLowerCase();
  const blank = (m: RegExpExecArray) => lower.slice(0, m.index) + ' '.repeat(m[0].length) + lower.slice(m.index + m[0].length);
  const plural = new RegExp(`${B}(?:(?:on|during|over|at)\\s+)?(?:the\\s+|all\\s+)?(${Object.keys(WD_PLURAL).join('|')})${E}`, 'iu').exec(lower);
  if (plural) {
    const days = WD_PLURAL[plural[1]!]!;
    return { weekdays: days, label: weekdayLabel(days), rest: blank(plural) };
  }
  const single = new RegExp(`${B}(?<!(?:${LAST}|${THIS}|next|coming)\\s+)(?:(?:on|during|over|at|every)\\s+)?(?:the\\s+|a\\s+)?(${Object.keys(WD_SINGLE).join('|')})${E}`, 'iu').exec(lower);
  if (!single) return null;
  const rest = blank(single);
  const others = findPeriods(rest, o).periods;
  const long = others.some((p) => !p.from || !p.to || daysBetweenIso(p.from, p.to) > 6);
  const every = new RegExp(`${B}every\\s+(?:${Object.keys(WD_SINGLE).join('|')})${E}`, 'iu').test(lower);
  if (!long && !every) return null;
  const days = WD_SINGLE[single[1]!]!;
  return { weekdays: days, label: weekdayLabel(days), rest };
}

function daysBetweenIso(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86_400_000);
}
