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
  const locale = str(args, 'locale') ?? (currency === base.currency ? base.locale : defaultLocaleFor(currency));
  return { ...base, timeZone, currency, locale, dayFirst: dayFirst === undefined ? base.dayFirst : dayFirst !== 'false' };
}

/**
 * --now as an instant: "2026-01-15T19:30:00" is wall time in the zone; with Z or an offset it is
 * absolute. Returns null when absent and 'invalid' when unparseable.
 */
export function parseNowFlag(v: string | undefined, timeZone: string): Date | null | 'invalid' {
  if (!v) return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(v.trim());
  if (m) {
    const d = zonedInstant(m[1]!, { hour: Number(m[2] ?? 12), minute: Number(m[3] ?? 0) }, timeZone);
    return new Date(d.getTime() + Number(m[4] ?? 0) * 1000);
  }
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? 'invalid' : d;
}
