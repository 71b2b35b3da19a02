/**
 * @module summaries/chart-skill
 * "chart my spending this month", "graph last week": the spending chart as an image on demand.
 */
import type { Skill } from '../bot/skill.js';
import type { ChartRenderer } from '../charts/render.js';
import { localDate } from '../core/dates.js';
import type { ExpenseRepository } from '../ledger/expenses.js';
import { chartInputFromStats } from './chart-input.js';
import { loadSummaryStats } from './data.js';
import { namedPeriodIn } from './period-words.js';
import { captionText } from './text.js';
import { namedWindow } from './windows.js';

export interface ChartSkillDeps {
  expenses: Pick<ExpenseRepository, 'eachBetween' | 'firstDate'>;
  renderChart: ChartRenderer;
}

const ASKS_FOR_CHART = /^(?:(?:please\s+)?(?:show|send|give|make|draw)\s+(?:me\s+)?(?:an?\s+|the\s+|my\s+)?)?(?:spending\s+|expense\s+)?(?:chart|graph|plot)\b/i;

export function createChartSkill(deps: ChartSkillDeps): Skill {
  const render = deps.renderChart;
  return {
    name: 'charts',
    helpLine: '📈 "chart my spending this month" · "chart last week"',
    async handle(text, ctx) {
      if (!ASKS_FOR_CHART.test(text.trim())) return null;
      const today = localDate(ctx.now, ctx.settings.timeZone);
      const window = namedWindow(namedPeriodIn(text, 'this month'), today, ctx.settings.weekStartsOn);
      const stats = await loadSummaryStats(deps.expenses, ctx.owner, window, ctx.settings.currency);
      const input = chartInputFromStats(stats, ctx.settings.locale);
      if (!input) return [{ text: `Nothing to chart: no expenses for ${window.label}.` }];
      try {
        const chart = await render(input);
        const caption = captionText(stats, ctx.settings.locale);
        return [{ text: caption, image: { png: chart.png, caption } }];
      } catch {
        return [{ text: `Sorry, I couldn't draw the chart just now. ${captionText(stats, ctx.settings.locale)}.` }];
      }
    },
  };
}
