/**
 * @module bot/settings
 * An owner's effective settings: the appliance defaults overlaid with what they changed in chat
 * ("set currency USD"). Shared by the bot and the scheduled summaries.
 */
import type { OwnerSettings } from '../core/types.js';
import { isValidTimeZone } from '../core/dates.js';
import { KNOWN_CURRENCIES } from '../core/money.js';
import type { PreferenceRepository } from '../ledger/preferences.js';

export async function ownerSettings(preferences: Pick<PreferenceRepository, 'settings'>, owner: string, defaults: OwnerSettings): Promise<OwnerSettings> {
  const s = await preferences.settings(owner);
  const out: OwnerSettings = { ...defaults };
  if (s.currency && KNOWN_CURRENCIES.has(s.currency)) out.currency = s.currency;
  if (s.timeZone && isValidTimeZone(s.timeZone)) out.timeZone = s.timeZone;
  if (s.locale) out.locale = s.locale;
  return out;
}
