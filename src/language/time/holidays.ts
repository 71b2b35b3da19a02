/**
 * @module language/time/holidays
 * Dates of holidays, festivals and seasons for any year, computed from the annual rules in
 * vocab/holidays.tsv (never a table of years): fixed days, nth weekdays, Easter-relative days,
 * Hindu lunisolar tithis and solar sankrantis, nakshatras, Islamic months and lunar new years, from
 * the astronomy in ./astronomy.ts. Results are cached per key, region and year.
 *
 * Accuracy, checked against the real dates of 2024-2027 in holidays.test.ts:
 * - fixed, nth-weekday and Easter-relative days: exact (they are arithmetic).
 * - lunar new year: exact (new moon in China time; the rule that the new year is the second new moon
 *   after the winter solstice only differs in years no test here covers).
 * - Hindu festivals (tithi rules, New Delhi sunrise/sunset, Lahiri ayanamsa, amanta months with
 *   leap months): the day published calendars give in most years; ±1 day where calendars themselves
 *   differ or apply rules this model leaves out (bhadra, eclipses: Holi 2026 moved to 4 March for the
 *   eclipse of 3 March; regional traditions such as Smarta vs Vaishnava Janmashtami).
 * - sankrantis: the transit within ~20 minutes, so the day is right except when the Sun changes sign
 *   within minutes of sunset.
 * - Onam: approximate (Thiruvonam at sunrise in Chingam); ±1 day.
 * - Eid: astronomical, ±1 day: "conjunction" (conjunction before sunset at Mecca, what Saudi Arabia and
 *   most Western mosques follow) or "sighting" (Moon ≥ 20 hours old at sunset in New Delhi, what India
 *   usually sees); an actual sighting can differ by a day either way.
 */
import { addDays, daysBetween, daysInMonth, weekday, ymd, type IsoDate } from '../../core/dates.js';
import { holidayRows, type HolidayRow } from '../vocab/holidays.js';
import { VocabError } from '../vocab/tsv.js';
import {
  dateOfJd, elongation, elongationReaches, jd, moonPhases, NEW_DELHI, siderealMoon, siderealSun, sunEnters, sunTimes, type Place,
} from './astronomy.js';

// ------------------------------------------------------------------------------ rules

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MASA = ['chaitra', 'vaishakha', 'jyeshtha', 'ashadha', 'shravana', 'bhadrapada', 'ashvin', 'kartika', 'margashirsha', 'pausha', 'magha', 'phalguna'];
type Window = 'sunrise' | 'pradosh' | 'midday' | 'afternoon' | 'midnight';
const WINDOWS: readonly Window[] = ['sunrise', 'pradosh', 'midday', 'afternoon', 'midnight'];

type Rule =
  | { t: 'fixed'; m: number; d: number }
  | { t: 'nth'; n: number; wd: number; m: number }
  | { t: 'easter'; off: number }
  | { t: 'rel'; key: string; region: string | null; off: number }
  | { t: 'tithi'; masa: number; tithi: number; at: Window; off: number }
  | { t: 'sankranti'; deg: number; off: number; civil: boolean }
  | { t: 'nakshatra'; n: number; sign: number; minDay: number }
  | { t: 'hijri'; month: number; day: number; criterion: 'conjunction' | 'sighting' }
  | { t: 'newmoon'; from: [number, number]; to: [number, number]; offsetH: number }
  | { t: 'span'; from: [number, number]; to: [number, number] };

const md = (s: string | undefined): [number, number] | null => {
  const m = /^(\d{2})-(\d{2})$/.exec(s ?? '');
  if (!m) return null;
  const mo = Number(m[1]), d = Number(m[2]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(2024, mo) ? [mo, d] : null;
};
const int = (s: string | undefined): number | null => (s !== undefined && /^[+-]?\d+$/.test(s) ? Number(s) : null);

/** Parses a rule cell; null when it does not follow the syntax in holidays.tsv's header. */
export function parseRule(src: string): Rule | null {
  const w = src.trim().split(/\s+/);
  const off = (k: number): number | null => (w[k] === undefined ? 0 : int(w[k]));
  switch (w[0]) {
    case 'fixed': {
      const x = md(w[1]);
      return x && w.length === 2 ? { t: 'fixed', m: x[0], d: x[1] } : null;
    }
    case 'nth': {
      const n = int(w[1]), wd = WEEKDAYS.indexOf(w[2] ?? ''), m = int(w[3]);
      return n !== null && (n === -1 || (n >= 1 && n <= 5)) && wd >= 0 && m !== null && m >= 1 && m <= 12 && w.length === 4 ? { t: 'nth', n, wd, m } : null;
    }
    case 'easter': {
      const o = int(w[1]);
      return o !== null && w.length === 2 ? { t: 'easter', off: o } : null;
    }
    case 'rel': {
      const [key, region] = (w[1] ?? '').split('@');
      const o = int(w[2]);
      return key && o !== null && w.length === 3 ? { t: 'rel', key, region: region ?? null, off: o } : null;
    }
    case 'tithi': {
      const masa = MASA.indexOf(w[1] ?? ''), n = int(w[3]), o = off(5);
      const paksha = w[2];
      if (masa < 0 || n === null || n < 1 || n > 15 || (paksha !== 'shukla' && paksha !== 'krishna') || o === null || w.length > 6) return null;
      if (!WINDOWS.includes(w[4] as Window)) return null;
      return { t: 'tithi', masa, tithi: paksha === 'shukla' ? n : 15 + n, at: w[4] as Window, off: o };
    }
    case 'sankranti': {
      const deg = int(w[1]);
      const civil = w[w.length - 1] === 'civil';
      const rest = civil ? w.slice(0, -1) : w;
      const o = rest[2] === undefined ? 0 : int(rest[2]);
      return deg !== null && deg >= 0 && deg < 360 && deg % 30 === 0 && o !== null && rest.length <= 3 ? { t: 'sankranti', deg, off: o, civil } : null;
    }
    case 'nakshatra': {
      const n = int(w[1]), sign = int(w[2]), minDay = w[3] === undefined ? 0 : int(w[3]);
      return n !== null && n >= 1 && n <= 27 && sign !== null && sign >= 0 && sign <= 11 && minDay !== null && minDay >= 0 && minDay < 30 && w.length <= 4
        ? { t: 'nakshatra', n, sign, minDay } : null;
    }
    case 'hijri': {
      const month = int(w[1]), day = int(w[2]);
      const c = w[3];
      return month !== null && month >= 1 && month <= 12 && day !== null && day >= 1 && day <= 30 && (c === 'conjunction' || c === 'sighting') && w.length === 4
        ? { t: 'hijri', month, day, criterion: c } : null;
    }
    case 'newmoon': {
      const a = md(w[1]), b = md(w[2]);
      const z = /^([+-])(\d{2}):(\d{2})$/.exec(w[3] ?? '');
      return a && b && z && w.length === 4 ? { t: 'newmoon', from: a, to: b, offsetH: (z[1] === '-' ? -1 : 1) * (Number(z[2]) + Number(z[3]) / 60) } : null;
    }
    case 'span': {
      const a = md(w[1]), b = md(w[2]);
      return a && b && w.length === 3 ? { t: 'span', from: a, to: b } : null;
    }
    default:
      return null;
  }
}

interface Compiled { row: HolidayRow; rule: Rule }

let compiled: Map<string, Compiled[]> | null = null;

function table(): Map<string, Compiled[]> {
  if (compiled) return compiled;
  const out = new Map<string, Compiled[]>();
  for (const row of holidayRows()) {
    const rule = parseRule(row.rule);
    if (!rule) throw new VocabError(`${row.source}: rule "${row.rule}" does not follow the syntax in the file's header`);
    let list = out.get(row.key);
    if (!list) out.set(row.key, (list = []));
    list.push({ row, rule });
  }
  for (const list of out.values()) {
    for (const { row, rule } of list) {
      if (rule.t === 'rel' && !out.has(rule.key)) throw new VocabError(`${row.source}: rule names an unknown holiday "${rule.key}"`);
    }
  }
  compiled = out;
  return out;
}

/** The row that dates a key for an owner's regions: the first region with a row of its own, else the row for everywhere. */
function pick(key: string, regions: readonly string[]): Compiled | null {
  const list = table().get(key);
  if (!list) return null;
  for (const g of regions) {
    const hit = list.find((c) => c.row.regions.includes(g as never));
    if (hit) return hit;
  }
  return list.find((c) => c.row.regions.length === 0) ?? null;
}

// ------------------------------------------------------------------------------ calendar pieces

/** Western (Gregorian) Easter Sunday (Meeus' form of the anonymous Gregorian algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100;
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

function nthWeekday(year: number, month: number, n: number, wd: number): IsoDate | null {
  if (n === -1) {
    const last = ymd(year, month, daysInMonth(year, month));
    return addDays(last, -((weekday(last) - wd + 7) % 7));
  }
  const first = ymd(year, month, 1);
  const d = 1 + ((wd - weekday(first) + 7) % 7) + 7 * (n - 1);
  return d <= daysInMonth(year, month) ? ymd(year, month, d) : null;
}

/** The local civil date (at a UTC offset in hours) of a UT Julian Day. */
function localDateOf(j: number, offsetH: number): IsoDate {
  return dateOfJd(j + offsetH / 24).toISOString().slice(0, 10);
}

const parts = (d: IsoDate): [number, number, number] => d.split('-').map(Number) as [number, number, number];

function sunAt(d: IsoDate, p: Place): { rise: number; set: number } {
  const [y, m, dd] = parts(d);
  return sunTimes(y, m, dd, p);
}

const signOf = (deg: number): number => Math.floor(deg / 30) % 12;

/** New moons (UT JD) from a little before `fromJd` to after `toJd`, with the sidereal sign of the Sun at each. */
function newMoonsWithSigns(fromJd: number, toJd: number): { jd: number; sign: number }[] {
  return moonPhases('new', fromJd - 35, toJd + 35).map((j) => ({ jd: j, sign: signOf(siderealSun(j)) }));
}

/** Start and end (UT JD) of tithi `tithi` (1..30) of the amanta month that begins at new moon `nm`. */
function tithiSpan(nm: number, tithi: number): [number, number] {
  const start = tithi === 1 ? nm : elongationReaches(12 * (tithi - 1), nm + (12 * (tithi - 1)) / 12.19);
  const end = elongationReaches((12 * tithi) % 360, nm + (12 * tithi) / 12.19);
  return [start, end];
}

function window(d: IsoDate, at: Window, p: Place): [number, number] {
  const s = sunAt(d, p);
  const len = s.set - s.rise;
  switch (at) {
    case 'sunrise': return [s.rise, s.rise + 1 / 1440];
    case 'pradosh': return [s.set, s.set + 0.1];
    case 'midday': return [s.rise + (2 * len) / 5, s.rise + (3 * len) / 5];
    case 'afternoon': return [s.rise + (3 * len) / 5, s.rise + (4 * len) / 5];
    case 'midnight': {
      const next = sunAt(addDays(d, 1), p).rise;
      const mid = (s.set + next) / 2;
      return [mid - 24 / 1440, mid + 24 / 1440];
    }
  }
}

const overlap = (a: [number, number], b: [number, number]): number => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

/** The civil day whose `at` window the tithi [s, e] covers most (ties: the earlier); the day it mostly fills when none. */
function dayOfTithi(s: number, e: number, at: Window, p: Place): IsoDate {
  const first = addDays(localDateOf(s, p.utcOffset), -1), last = addDays(localDateOf(e, p.utcOffset), 1);
  let best: IsoDate | null = null, bestO = 0;
  for (let d = first; d <= last; d = addDays(d, 1)) {
    const o = overlap([s, e], window(d, at, p));
    if (o > bestO + 1e-9) { best = d; bestO = o; }
  }
  if (best) return best;
  for (let d = first; d <= last; d = addDays(d, 1)) {
    const sr = sunAt(d, p).rise, next = sunAt(addDays(d, 1), p).rise;
    const o = overlap([s, e], [sr, next]);
    if (o > bestO + 1e-9) { best = d; bestO = o; }
  }
  return best ?? localDateOf(s, p.utcOffset);
}

/** Start days (in `year`) of an amanta tithi festival. */
function tithiDays(r: Extract<Rule, { t: 'tithi' }>, year: number): IsoDate[] {
  const moons = newMoonsWithSigns(jd(year, 1, 1), jd(year, 12, 31));
  const sign = (r.masa + 11) % 12; // Chaitra begins with the Sun in Meena (Pisces), and so on.
  const out: IsoDate[] = [];
  for (let k = 0; k + 1 < moons.length; k++) {
    // A leap (adhika) month repeats the sign: the festival falls in the second, the nija month.
    if (moons[k]!.sign !== sign || moons[k + 1]!.sign === sign) continue;
    const [s, e] = tithiSpan(moons[k]!.jd, r.tithi);
    const d = addDays(dayOfTithi(s, e, r.at, NEW_DELHI), r.off);
    if (d.startsWith(String(year))) out.push(d);
  }
  return out;
}

function sankrantiDay(deg: number, year: number, off: number, civil: boolean): IsoDate {
  const t = sunEnters(deg, jd(year, 1, 1) - 1 - (deg === 270 ? 20 : 0));
  // Makara sankranti can fall on 14 or 15 January: start the search in late December for it.
  const fixed = deg === 270 && dateOfJd(t).getUTCFullYear() !== year ? sunEnters(deg, t + 300) : t;
  let d = localDateOf(fixed, NEW_DELHI.utcOffset);
  if (!civil && fixed > sunAt(d, NEW_DELHI).set) d = addDays(d, 1);
  return addDays(d, off);
}

function nakshatraDays(n: number, sign: number, minDay: number, year: number): IsoDate[] {
  const enter = sunEnters(sign * 30, jd(year, 1, 1) - 1);
  const leave = sunEnters(((sign + 1) % 12) * 30, enter + 1);
  const lo = ((n - 1) * 360) / 27, hi = (n * 360) / 27;
  const out: IsoDate[] = [];
  const first = localDateOf(enter, NEW_DELHI.utcOffset);
  for (let d = addDays(first, minDay); ; d = addDays(d, 1)) {
    const rise = sunAt(d, NEW_DELHI).rise;
    if (rise > leave) break;
    if (rise < enter) continue;
    const m = siderealMoon(rise);
    if (m >= lo && m < hi) {
      out.push(d);
      break; // the first Thiruvonam of the solar month
    }
  }
  return out.filter((d) => d.startsWith(String(year)));
}

const MECCA: Place = { lat: 21.4225, lon: 39.8262, utcOffset: 3 };

/** Day 1 of the Islamic month that a conjunction begins, by criterion. */
function hijriMonthStart(conj: number, criterion: 'conjunction' | 'sighting'): IsoDate {
  const p = criterion === 'conjunction' ? MECCA : NEW_DELHI;
  for (let d = localDateOf(conj, p.utcOffset); ; d = addDays(d, 1)) {
    const set = sunAt(d, p).set;
    const ok = criterion === 'conjunction' ? set > conj : (set - conj) * 24 >= 20;
    if (ok) return addDays(d, 1);
  }
}

/** The tabular (arithmetic) Islamic calendar's JD of 1 Month of year H: only to find which conjunction begins a month. */
const tabularJd = (h: number, month: number): number => 1948439.5 + Math.ceil(29.5 * (month - 1)) + (h - 1) * 354 + Math.floor((3 + 11 * h) / 30);

function hijriDays(r: Extract<Rule, { t: 'hijri' }>, year: number): IsoDate[] {
  const h0 = Math.round((year - 622) * (365.2425 / 354.367));
  const out: IsoDate[] = [];
  for (let h = h0 - 2; h <= h0 + 2; h++) {
    const tab = tabularJd(h, r.month);
    const moons = moonPhases('new', tab - 4, tab + 1);
    if (!moons.length) continue;
    const conj = moons.reduce((a, b) => (Math.abs(b - (tab - 1)) < Math.abs(a - (tab - 1)) ? b : a));
    const d = addDays(hijriMonthStart(conj, r.criterion), r.day - 1);
    if (d.startsWith(String(year))) out.push(d);
  }
  return out.sort();
}

function newMoonDays(r: Extract<Rule, { t: 'newmoon' }>, year: number): IsoDate[] {
  const a = ymd(year, r.from[0], r.from[1]), b = ymd(year, r.to[0], r.to[1]);
  return moonPhases('new', jd(year, r.from[0], r.from[1]) - 2, jd(year, r.to[0], r.to[1]) + 2)
    .map((j) => localDateOf(j, r.offsetH))
    .filter((d) => d >= a && d <= b)
    .slice(0, 1);
}

// ------------------------------------------------------------------------------ dates

const cache = new Map<string, IsoDate[]>();

function startsOf(c: Compiled, year: number, regions: readonly string[]): IsoDate[] {
  const r = c.rule;
  switch (r.t) {
    case 'fixed': return [ymd(year, r.m, Math.min(r.d, daysInMonth(year, r.m)))];
    case 'nth': {
      const d = nthWeekday(year, r.m, r.n, r.wd);
      return d ? [d] : [];
    }
    case 'easter': return [addDays(easterSunday(year), r.off)];
    case 'rel': return holidayDates(r.key, year, r.region ? [r.region] : regions).map((d) => addDays(d, r.off));
    case 'tithi': return tithiDays(r, year);
    case 'sankranti': return [sankrantiDay(r.deg, year, r.off, r.civil)];
    case 'nakshatra': return nakshatraDays(r.n, r.sign, r.minDay, year);
    case 'hijri': return hijriDays(r, year);
    case 'newmoon': return newMoonDays(r, year);
    case 'span': return [ymd(year, r.from[0], r.from[1])];
  }
}

/**
 * The first days of a holiday in a year for an owner's regions (usually one; an Islamic holiday can
 * fall twice in one Gregorian year, a rule can miss a year).
 * e.g. holidayDates('thanksgiving', 2025, ['US']) → ['2025-11-27']; holidayDates('diwali', 2025) → ['2025-10-20']
 */
export function holidayDates(key: string, year: number, regions: readonly string[] = []): IsoDate[] {
  const c = pick(key, regions);
  if (!c || year < 1900 || year > 2200) return [];
  // A rule relative to another holiday depends on the regions too ("chand raat" is the eve of India's Eid).
  const ck = `${key}|${c.row.source}|${year}|${c.rule.t === 'rel' ? regions.join(',') : ''}`;
  let hit = cache.get(ck);
  if (!hit) {
    hit = startsOf(c, year, regions);
    cache.set(ck, hit);
  }
  return hit;
}

/**
 * The (first) day of a holiday in a year, or null when no rule dates it for those regions.
 * e.g. holidayDate('christmas', 2026) === '2026-12-25'; holidayDate('independence_day', 2026, ['US']) === '2026-07-04'
 */
export function holidayDate(key: string, year: number, regions: readonly string[] = []): IsoDate | null {
  return holidayDates(key, year, regions)[0] ?? null;
}

export interface HolidaySpan {
  from: IsoDate;
  to: IsoDate;
}

/** What a holiday's name means for a region: its label, and its span in a year (several days for Navratri or a season). */
export function holidayInfo(key: string, regions: readonly string[] = []): { label: string; days: number; over: readonly [number, number] | null } | null {
  const c = pick(key, regions);
  return c ? { label: c.row.label, days: c.row.days, over: c.row.over } : null;
}

/**
 * Every occurrence of a holiday or season as a span, for the years around a date (so callers can pick
 * the most recent or the next one). `over` widens each to what "over X" means.
 * e.g. holidaySpans('season:summer', ['GB'], 2026, 2026) → [{ from: '2026-06-01', to: '2026-08-31' }]
 */
export function holidaySpans(key: string, regions: readonly string[], fromYear: number, toYear: number, over = false): HolidaySpan[] {
  const c = pick(key, regions);
  if (!c) return [];
  const out: HolidaySpan[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    for (const start of holidayDates(key, y, regions)) {
      let to: IsoDate;
      if (c.rule.t === 'span') {
        const [m, d] = c.rule.to;
        const ey = m < c.rule.from[0] || (m === c.rule.from[0] && d < c.rule.from[1]) ? y + 1 : y;
        to = ymd(ey, m, Math.min(d, daysInMonth(ey, m)));
      } else to = addDays(start, c.row.days - 1);
      if (over && c.row.over) out.push({ from: addDays(start, c.row.over[0]), to: addDays(start, Math.max(c.row.over[1], c.row.days - 1)) });
      else out.push({ from: start, to });
    }
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : 1));
}

/** Every key holidays.tsv defines (for tests and docs). */
export function holidayKeys(): string[] {
  return [...table().keys()];
}

/** Checks every rule in holidays.tsv, throwing a VocabError that names the file and line of the first bad one. */
export function validateHolidays(): void {
  table();
}

/** Whole days between two dates, exported for tests that allow a tolerance. */
export const dayDiff = daysBetween;
/** Mean elongation check for tests. */
export const elongationAt = elongation;
