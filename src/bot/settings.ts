/**
 * @module bot/settings
 * An owner's effective settings: the appliance defaults overlaid with what they changed in chat
 * ("set currency USD", "dates are month first"). Shared by the bot and the scheduled summaries.
 * What the owner chose themselves (a locale, directly or through their currency, and a date order)
 * is kept apart too: it decides the locale pack every reader uses, over the time zone's.
 */
import type { OwnerSettings } from '../core/types.js';
import { isValidTimeZone } from '../core/dates.js';
import { KNOWN_CURRENCIES } from '../core/money.js';
import { languageContext, type LanguageContext } from '../language/context.js';
import { resolveLocale } from '../language/locale.js';
import type { PreferenceRepository } from '../ledger/preferences.js';

/** The stored setting that holds an explicit date order ("DMY" or "MDY"). */
export const DATE_ORDER_KEY = 'dateOrder';

export interface OwnerProfile {
  settings: OwnerSettings;
  /** What the owner chose in chat; null where they chose nothing (the zone and currency decide). */
  chosen: { locale: string | null; dayFirst: boolean | null };
}

export async function ownerProfile(preferences: Pick<PreferenceRepository, 'settings'>, owner: string, defaults: OwnerSettings): Promise<OwnerProfile> {
  const s = await preferences.settings(owner);
  const out: OwnerSettings = { ...defaults };
  if (s.currency && KNOWN_CURRENCIES.has(s.currency)) out.currency = s.currency;
  if (s.timeZone && isValidTimeZone(s.timeZone)) out.timeZone = s.timeZone;
  if (s.locale) out.locale = s.locale;
  const order = s[DATE_ORDER_KEY];
  const chosen = { locale: s.locale ?? null, dayFirst: order === 'DMY' ? true : order === 'MDY' ? false : null };
  // A chosen locale or order decides how "12/1" reads; say the same in settings and to every reader.
  if (chosen.locale !== null || chosen.dayFirst !== null) {
    out.dayFirst = resolveLocale({ locale: chosen.locale, timeZone: out.timeZone, currency: out.currency, dayFirst: chosen.dayFirst }).dateOrder === 'DMY';
  }
  return { settings: out, chosen };
}

export async function ownerSettings(preferences: Pick<PreferenceRepository, 'settings'>, owner: string, defaults: OwnerSettings): Promise<OwnerSettings> {
  return (await ownerProfile(preferences, owner, defaults)).settings;
}

/** The language context for one message of this owner: their own choices first, else zone and currency. */
export function languageOf(p: OwnerProfile, now: Date): LanguageContext {
  const s = p.settings;
  return languageContext({ now, timeZone: s.timeZone, currency: s.currency, locale: p.chosen.locale, dayFirst: p.chosen.dayFirst, weekStartsOn: s.weekStartsOn });
}
