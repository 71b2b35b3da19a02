/**
 * @module summaries/compose
 * A summary as one outbound reply: the text, plus the spending chart as a PNG when charts are on
 * and there was spending. A chart that fails to render degrades to text only (never no summary).
 */
import type { ChartRenderer } from '../charts/render.js';
import type { OutboundReply, OwnerSettings } from '../core/types.js';
import type { ExpenseRepository } from '../ledger/expenses.js';
import { chartInputFromStats } from './chart-input.js';
import { loadSummaryStats } from './data.js';
import type { SummaryStats } from './stats.js';
import { captionText, summaryText } from './text.js';
import type { SummaryWindow } from './windows.js';

export interface ComposeOptions {
  /** Omit for text only. */
  renderChart?: ChartRenderer;
  onChartError?(err: unknown): void;
}

export interface ComposedSummary {
  reply: OutboundReply;
  stats: SummaryStats;
}

export async function composeSummary(
  expenses: Pick<ExpenseRepository, 'eachBetween' | 'firstDate'>,
  owner: string,
  window: SummaryWindow,
  settings: Pick<OwnerSettings, 'currency' | 'locale'>,
  opts: ComposeOptions = {},
): Promise<ComposedSummary> {
  const stats = await loadSummaryStats(expenses, owner, window, settings.currency);
  const reply: OutboundReply = { text: summaryText(stats, { locale: settings.locale }) };
  const input = opts.renderChart ? chartInputFromStats(stats, settings.locale) : null;
  if (input && opts.renderChart) {
    try {
      const chart = await opts.renderChart(input);
      reply.image = { png: chart.png, caption: captionText(stats, settings.locale) };
    } catch (err) {
      opts.onChartError?.(err);
    }
  }
  return { reply, stats };
}
