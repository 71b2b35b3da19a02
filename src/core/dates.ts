/**
 * @module core/dates
 * Calendar dates are plain "YYYY-MM-DD" strings in the owner's time zone. These helpers convert
 * an instant to a local date and do day arithmetic without ever touching the process time zone.
 */

export type IsoDate = string; // YYYY-MM-DD

const fmtCache = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = fmtCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    fmtCache.set(timeZone, f);
  }
  return f;
}

/** True when the IANA zone name is known to this runtime. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts { year: number; month: number; day: number; hour: number; minute: number; second: number }

/** The wall-clock fields of an instant in a zone, asked of Intl (≈ 15 µs: the cost hourOffset saves). */
function intlParts(instant: Date, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! };
}

const HOUR_MS = 3_600_000;
/** Zone and UTC hour → the zone's offset (ms) through that whole hour; null when it changes inside it. */
const hourOffsets = new Map<string, number | null>();
const HOUR_OFFSETS_LIMIT = 4_096;

/**
 * The offset of a zone through the UTC hour holding `ms`, read from Intl at the hour's first and last
 * second: when both agree the offset held all hour (zones change offset a few times a year at most,
 * never twice within an hour). Null when they differ, or for years Date.UTC cannot take as written.
 */
function hourOffset(ms: number, timeZone: string): number | null {
  const hour = Math.floor(ms / HOUR_MS);
  const key = `${timeZone}|${hour}`;
  const hit = hourOffsets.get(key);
  if (hit !== undefined) return hit;
  const offsetAt = (at: number): number | null => {
    const p = intlParts(new Date(at), timeZone);
    if (p.year < 1000 || p.year > 9999) return null;
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - at;
  };
  const a = offsetAt(hour * HOUR_MS), b = offsetAt(hour * HOUR_MS + HOUR_MS - 1000);
  const off = a !== null && a === b ? a : null;
  if (hourOffsets.size >= HOUR_OFFSETS_LIMIT) hourOffsets.clear();
  hourOffsets.set(key, off);
  return off;
}

/**
 * The wall-clock fields of an instant in a zone. The zone's offset is asked of Intl once per hour
 * (every message reads today's date in its owner's zone), then the fields are plain UTC arithmetic.
 */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const ms = instant.getTime();
  const off = Number.isFinite(ms) ? hourOffset(ms, timeZone) : null;
  if (off === null) return intlParts(instant, timeZone);
  const d = new Date(Math.floor(ms / 1000) * 1000 + off);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/** The calendar date of an instant in a zone. e.g. localDate(new Date('2026-01-15T20:00:00Z'), 'Asia/Kolkata') === '2026-01-16' */
export function localDate(instant: Date, timeZone: string): IsoDate {
  const p = localParts(instant, timeZone);
  return ymd(p.year, p.month, p.day);
}

/** The zone's offset from UTC in minutes at an instant (330 for Asia/Kolkata). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The instant at which a local wall-clock time happens in a zone (DST-aware). */
export function zonedInstant(date: IsoDate, time: { hour: number; minute: number }, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, time.hour, time.minute);
  let t = guess - offsetMinutes(new Date(guess), timeZone) * 60000;
  t = guess - offsetMinutes(new Date(t), timeZone) * 60000;
  return new Date(t);
}

export function ymd(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseIsoDate(s: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return { y, m: mo, d };
}

export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Adds whole days to a calendar date. e.g. addDays('2026-01-01', -1) === '2025-12-31' */
export function addDays(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Adds months, clamping the day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const idx = y * 12 + (m - 1) + n;
  const ny = Math.floor(idx / 12), nm = (idx % 12) + 1;
  return ymd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const pa = a.split('-').map(Number) as [number, number, number];
  const pb = b.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(pb[0], pb[1] - 1, pb[2]) - Date.UTC(pa[0], pa[1] - 1, pa[2])) / 86400000);
}

/** The first day of the week containing date. */
export function startOfWeek(date: IsoDate, weekStartsOn: number): IsoDate {
  const back = (weekday(date) - weekStartsOn + 7) % 7;
  return addDays(date, -back);
}

export function startOfMonth(date: IsoDate): IsoDate {
  return date.slice(0, 8) + '01';
}

export function endOfMonth(date: IsoDate): IsoDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return ymd(y, m, daysInMonth(y, m));
}

/** An inclusive range of calendar dates. */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Tue 13 Jan" (the year is added when it differs from the reference date's). */
export function formatDay(date: IsoDate, reference?: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const base = `${DAYS_SHORT[weekday(date)]} ${d} ${MONTHS_SHORT[m - 1]}`;
  return reference && reference.slice(0, 4) !== String(y) ? `${base} ${y}` : base;
}

/** "today", "yesterday", or "Tue 13 Jan" relative to today. */
export function relativeDay(date: IsoDate, today: IsoDate): string {
  const diff = daysBetween(date, today);
  if (diff === 0) return 'today';
  if (diff === 1) return 'yesterday';
  if (diff === -1) return 'tomorrow';
  return formatDay(date, today);
}

export function monthName(m: number, short = false): string {
  const long = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return short ? MONTHS_SHORT[m - 1]! : long[m - 1]!;
}

let tzIndex: Map<string, string> | null = null;
const TZ_ALIASES: Readonly<Record<string, string>> = { ist: 'Asia/Kolkata', utc: 'UTC', gmt: 'Etc/GMT' };

/** Case-insensitive IANA zone lookup. e.g. canonicalTimeZone('asia/dubai') === 'Asia/Dubai' */
export function canonicalTimeZone(s: string): string | null {
  const k = s.trim().toLowerCase();
  if (TZ_ALIASES[k]) return TZ_ALIASES[k]!;
  if (!tzIndex) {
    tzIndex = new Map();
    const names = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    for (const z of [...names, 'UTC', 'Asia/Calcutta']) tzIndex.set(z.toLowerCase(), z);
  }
  return tzIndex.get(k) ?? null;
}
