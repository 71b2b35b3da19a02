/**
 * @module summaries/config
 * The summary settings from raw config strings (src/config reads the environment once and hands
 * them here). Pure; an unreadable value is a `config` error naming its key.
 */
import { MunshiError } from '../core/errors.js';
import { parseCadence, type Cadence } from '../scheduler/due.js';

export interface SummaryConfig {
  /** null = off. Default Sunday 20:00. Key: MUNSHI_WEEKLY_SUMMARY. */
  weekly: Cadence | null;
  /** null = off. Default the 1st at 09:00. Key: MUNSHI_MONTHLY_SUMMARY. */
  monthly: Cadence | null;
  /** Attach the spending chart PNG to summaries. Key: MUNSHI_SUMMARY_CHARTS. */
  charts: boolean;
  /** The weekly summary ends with who still owes the owner ("Rahul still owes you ₹500 since Mon 2 Mar"). Key: MUNSHI_SUMMARY_DEBTS. */
  debts: boolean;
  /** Who gets summaries; default every owner with spending in the summary or the one before. */
  owners?: string[];
}

export function defaultSummaryConfig(): SummaryConfig {
  return {
    weekly: { every: 'week', weekday: 0, hour: 20, minute: 0 },
    monthly: { every: 'month', day: 1, hour: 9, minute: 0 },
    charts: true,
    debts: true,
  };
}

/** Per-owner setting keys (ledger `settings`) that switch a scheduled summary off: value "off". */
export const SUMMARY_SETTING = { week: 'summary.weekly', month: 'summary.monthly' } as const;

function fail(key: string, value: string, why: string): never {
  throw new MunshiError('config', `${key}="${value}": ${why}`);
}

/** e.g. summaryConfig({ weekly: 'fri 18:30', monthly: 'off' }) */
export function summaryConfig(raw: { weekly?: string; monthly?: string; charts?: string; debts?: string }): SummaryConfig {
  const c = defaultSummaryConfig();
  const cadence = (key: string, v: string, every: 'week' | 'month') => {
    try {
      return parseCadence(v, every);
    } catch (e) {
      return fail(key, v, (e as Error).message);
    }
  };
  if (raw.weekly !== undefined) c.weekly = cadence('MUNSHI_WEEKLY_SUMMARY', raw.weekly, 'week');
  if (raw.monthly !== undefined) c.monthly = cadence('MUNSHI_MONTHLY_SUMMARY', raw.monthly, 'month');
  if (raw.charts !== undefined) {
    if (!/^(on|off|true|false|1|0|yes|no)$/i.test(raw.charts)) fail('MUNSHI_SUMMARY_CHARTS', raw.charts, 'expected on or off');
    c.charts = /^(on|true|1|yes)$/i.test(raw.charts);
  }
  if (raw.debts !== undefined) {
    if (!/^(on|off|true|false|1|0|yes|no)$/i.test(raw.debts)) fail('MUNSHI_SUMMARY_DEBTS', raw.debts, 'expected on or off');
    c.debts = /^(on|true|1|yes)$/i.test(raw.debts);
  }
  return c;
}
