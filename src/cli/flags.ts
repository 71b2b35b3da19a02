/**
 * @module cli/flags
 * Flags shared by CLI commands: --now, --tz, --currency, --locale, --day-first.
 */
import type { OwnerSettings } from '../core/types.js';
import { KNOWN_CURRENCIES, defaultLocaleFor } from '../core/money.js';
import { isValidTimeZone, zonedInstant } from '../core/dates.js';
import { str, type ParsedArgs } from './args.js';

/** Settings from flags (falling back to env, then India defaults); a string is an error message. */
export function settingsFromFlags(args: ParsedArgs, env: NodeJS.ProcessEnv = process.env): OwnerSettings | string {
  const timeZone = str(args, 'tz') ?? env.MUNSHI_TZ ?? 'Asia/Kolkata';
  const currency = (str(args, 'currency') ?? env.MUNSHI_CURRENCY ?? 'INR').toUpperCase();
  if (!isValidTimeZone(timeZone)) return `--tz: unknown time zone "${timeZone}" (use an IANA name like Asia/Kolkata)`;
  if (!KNOWN_CURRENCIES.has(currency)) return `--currency: unknown currency "${currency}" (use an ISO 4217 code like INR)`;
  const dayFirst = (str(args, 'day-first') ?? env.MUNSHI_DAY_FIRST ?? 'true') !== 'false';
  return { timeZone, currency, locale: str(args, 'locale') ?? env.MUNSHI_LOCALE ?? defaultLocaleFor(currency), dayFirst, weekStartsOn: 1 };
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
