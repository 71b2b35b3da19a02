/**
 * @module cli/flags
 * Flags shared by CLI commands: --now, --tz, --currency, --locale, --day-first.
 */
import type { OwnerSettings } from '../core/types.js';
import { KNOWN_CURRENCIES, defaultLocaleFor } from '../core/money.js';
import { isValidTimeZone, zonedInstant } from '../core/dates.js';
import { str, type ParsedArgs } from './args.js';

/** Owner settings from flags over the configured defaults; a string is an error message. */
export function settingsFromFlags(args: ParsedArgs, base: OwnerSettings): OwnerSettings | string {
  const timeZone = str(args, 'tz') ?? base.timeZone;
  const currency = (str(args, 'currency') ?? base.currency).toUpperCase();
  if (!isValidTimeZone(timeZone)) return `--tz: unknown time zone "${timeZone}" (use an IANA name like Asia/Kolkata)`;
  if (!KNOWN_CURRENCIES.has(currency)) return `--currency: unknown currency "${currency}" (use an ISO 4217 code like INR)`;
  const dayFirst = str(args, 'day-first');
  const localeFlag = str(args, 'locale');
  const locale = localeFlag ?? (currency === base.currency ? base.locale : defaultLocaleFor(currency));
  // An explicit --locale en-US implies month/day dates unless --day-first says otherwise.
  const dayFirstDefault = localeFlag === undefined ? base.dayFirst : !/^en-US$/i.test(localeFlag);
  return { ...base, timeZone, currency, locale, dayFirst: dayFirst === undefined ? dayFirstDefault : dayFirst !== 'false' };
}

/**
 * --now as an instant: "2026-01-15T19:30:00" is wall time in the zone (a bare date is noon there);
 * with Z or an offset it is absolute. Returns null when absent and 'invalid' when unparseable.
 * e.g. parseNowFlag('2026-01-15T19:30:00', 'Asia/Kolkata') is 2026-01-15T14:00:00Z.
 */
export function parseNowFlag(v: string | undefined, timeZone: string): Date | null | 'invalid' {
  if (!v) return null;
  const s = v.trim();
  // Only an explicit zone goes to Date(): anything else it accepts is read in the process's zone.
  if (/\d(?:z|[+-]\d{2}:?\d{2})$/i.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? 'invalid' : d;
  }
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(s);
  if (!m) return 'invalid';
  const d = zonedInstant(m[1]!, { hour: Number(m[2] ?? 12), minute: Number(m[3] ?? 0) }, timeZone);
  return new Date(d.getTime() + Number(m[4] ?? 0) * 1000);
}
