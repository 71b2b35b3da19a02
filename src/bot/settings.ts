/**
 * @module bot/settings
 * An owner's effective settings: the appliance defaults overlaid with what they changed in chat
 * ("set currency USD"). Shared by the bot and the scheduled summaries.
 */
import type { OwnerSettings } from '../core/types.js';
import { isValidTimeZone } from '../core/dates.js';
import { KNOWN_CURRENCIES } from '../core/money.js';
import { getSettings } from '../ledger/preferences.js';
import type { Db } from '../ledger/expenses.js';

export async function ownerSettings(db: Db, owner: string, defaults: OwnerSettings): Promise<OwnerSettings> {
  const s = await getSettings(db, owner);
  const out: OwnerSettings = { ...defaults };
  if (s.currency && KNOWN_CURRENCIES.has(s.currency)) out.currency = s.currency;
  if (s.timeZone && isValidTimeZone(s.timeZone)) out.timeZone = s.timeZone;
  if (s.locale) out.locale = s.locale;
  return out;
}
