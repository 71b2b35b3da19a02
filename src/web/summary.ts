/**
 * @module web/summary
 * The chat's summary and chart for any period the page asks about: the same numbers, wording and
 * chart as the weekly summary (summaries/compose), over a custom window compared with the span of
 * the same length just before it.
 */
import type { ChartRenderer } from '../charts/render.js';
import { addDays, daysBetween, type IsoDate } from '../core/dates.js';
import type { OwnerSettings } from '../core/types.js';
import type { ExpenseRepository } from '../ledger/expenses.js';
import { composeSummary } from '../summaries/compose.js';
import type { SummaryWindow } from '../summaries/windows.js';

/** A window over [from, to], compared with the same number of days before it. */
export function customWindow(from: IsoDate, to: IsoDate, label: string): SummaryWindow {
  const days = daysBetween(from, to) + 1;
  return {
    kind: days <= 7 ? 'week' : 'month',
    current: { from, to },
    previous: { from: addDays(from, -days), to: addDays(from, -1) },
    history: [],
    label,
    previousLabel: `the ${days} days before`,
    partial: false,
  };
}

export interface PeriodSummary {
  /** The chat's summary text (WhatsApp *bold* kept), its title naming the period. */
  text: string;
  png: Buffer | null;
}

export async function periodSummary(
  expenses: Pick<ExpenseRepository, 'eachBetween' | 'firstDate'>,
  owner: string,
  range: { from: IsoDate; to: IsoDate; label: string },
  settings: Pick<OwnerSettings, 'currency' | 'locale'>,
  o: { renderChart?: ChartRenderer; chart: boolean },
): Promise<PeriodSummary> {
  const { reply } = await composeSummary(expenses, owner, customWindow(range.from, range.to, range.label), settings, { renderChart: o.chart ? o.renderChart : undefined });
  const [, ...rest] = reply.text.split('\n');
  return { text: [`📊 *Summary* · ${range.label}`, ...rest].join('\n'), png: reply.image?.png ?? null };
}
