/**
 * @module recurring/config
 * When recurring expenses are recorded on their day, from the raw config string (MUNSHI_RECURRING_AT).
 */
import { MunshiError } from '../core/errors.js';
import { parseTimeOfDay, type TimeOfDay } from '../scheduler/due.js';

export const DEFAULT_RECORD_AT: Readonly<TimeOfDay> = Object.freeze({ hour: 9, minute: 0 });

/** e.g. recordAtConfig('07:15') → {hour: 7, minute: 15}; undefined → 09:00. */
export function recordAtConfig(raw: string | undefined): TimeOfDay {
  if (raw === undefined) return { ...DEFAULT_RECORD_AT };
  try {
    return parseTimeOfDay(raw);
  } catch {
    throw new MunshiError('config', `MUNSHI_RECURRING_AT="${raw}": expected HH:MM`);
  }
}
