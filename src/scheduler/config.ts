/**
 * @module scheduler/config
 * Builds the frozen ScheduleConfig from raw config strings (src/config reads the environment and
 * hands them here). Pure; an unreadable value is a `config` error naming its key.
 */
import { isValidTimeZone } from '../core/dates.js';
import { MunshiError } from '../core/errors.js';
import { parseCadence, type TimeOfDay } from './due.js';
import { defaultScheduleConfig, type ScheduleConfig } from './service.js';

export interface RawScheduleConfig {
  timeZone: string;
  /** "sun 20:00" (default) or "off". Key: MUNSHI_WEEKLY_SUMMARY. */
  weeklySummary?: string;
  /** "1 09:00" (default) or "off". Key: MUNSHI_MONTHLY_SUMMARY. */
  monthlySummary?: string;
  /** "09:00" (default). Key: MUNSHI_RECURRING_AT. */
  recurringAt?: string;
  /** "on" (default) / "off". Key: MUNSHI_SUMMARY_CHARTS. */
  charts?: string;
}

function fail(key: string, value: string, why: string): never {
  throw new MunshiError('config', `${key}="${value}": ${why}`);
}

function timeOfDay(key: string, v: string): TimeOfDay {
  const m = /^(\d{1,2}):(\d{2})$/.exec(v.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) fail(key, v, 'expected HH:MM');
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** e.g. buildScheduleConfig({timeZone:'Asia/Kolkata', weeklySummary:'off'}) */
export function buildScheduleConfig(raw: RawScheduleConfig): Readonly<ScheduleConfig> {
  if (!isValidTimeZone(raw.timeZone)) fail('MUNSHI_TZ', raw.timeZone, 'unknown IANA time zone');
  const c = defaultScheduleConfig(raw.timeZone);
  try {
    if (raw.weeklySummary !== undefined) c.weeklySummary = parseCadence(raw.weeklySummary, 'week');
  } catch (e) {
    fail('MUNSHI_WEEKLY_SUMMARY', raw.weeklySummary!, (e as Error).message);
  }
  try {
    if (raw.monthlySummary !== undefined) c.monthlySummary = parseCadence(raw.monthlySummary, 'month');
  } catch (e) {
    fail('MUNSHI_MONTHLY_SUMMARY', raw.monthlySummary!, (e as Error).message);
  }
  if (raw.recurringAt !== undefined) c.recurringAt = timeOfDay('MUNSHI_RECURRING_AT', raw.recurringAt);
  if (raw.charts !== undefined) {
    if (!/^(on|off|true|false|1|0|yes|no)$/i.test(raw.charts)) fail('MUNSHI_SUMMARY_CHARTS', raw.charts, 'expected on or off');
    c.charts = /^(on|true|1|yes)$/i.test(raw.charts);
  }
  return Object.freeze(c);
}
