/**
 * @module summaries/chart-input
 * Turns summary stats into chart input for the main currency (one currency per chart: bars of
 * rupees and dollars side by side would mislead). Pure.
 */
import { primaryDef } from '../categories/taxonomy.js';
import type { ChartInput } from '../charts/spec.js';
import type { SummaryStats } from './stats.js';
import { captionText } from './text.js';

/** Chart input for the stats' main currency, or null when there was no spending to draw. */
export function chartInputFromStats(stats: SummaryStats, locale?: string): ChartInput | null {
  const main = stats.currencies[0];
  if (!main || main.total === 0) return null;
  return {
    title: captionText(stats, locale),
    currency: main.currency,
    locale,
    categories: main.categories.map((c) => ({ label: primaryDef(c.category).label, amountMinor: c.total })),
    daily: main.daily.map((d) => ({ date: d.date, amountMinor: d.total })),
  };
}
