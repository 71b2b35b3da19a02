/**
 * @module summaries/skill
 * Summaries on demand ("summary", "summary last week", "monthly summary") and switching the
 * scheduled ones per person ("weekly summary off", "monthly summary on").
 */
import type { Skill } from '../bot/skill.js';
import type { ChartRenderer } from '../charts/render.js';
import { localDate } from '../core/dates.js';
import type { ExpenseRepository } from '../ledger/expenses.js';
import type { PreferenceRepository } from '../ledger/preferences.js';
import { composeSummary } from './compose.js';
import { SUMMARY_SETTING } from './config.js';
import { namedPeriodIn } from './period-words.js';
import { namedWindow } from './windows.js';

export interface SummarySkillDeps {
  expenses: Pick<ExpenseRepository, 'eachBetween' | 'firstDate'>;
  preferences: Pick<PreferenceRepository, 'setSetting'>;
  /** Attach the chart to on-demand summaries too. */
  renderChart?: ChartRenderer;
}

const ASKS = /^(?:(?:show|send|give)\s+(?:me\s+)?(?:my\s+|the\s+|a\s+)?)?(weekly\s+|monthly\s+)?summary(?:\s+(?:for\s+)?(?:this|last|previous|the)\s+(?:week|month))?$/i;
const TOGGLE = /^(?:(turn|switch)\s+(on|off)\s+(?:the\s+|my\s+)?(weekly|monthly)\s+summar(?:y|ies)|(weekly|monthly)\s+summar(?:y|ies)\s+(on|off)|(stop|start|pause|resume)\s+(?:the\s+|my\s+)?(weekly|monthly)\s+summar(?:y|ies))$/i;

export function createSummarySkill(deps: SummarySkillDeps): Skill {
  return {
    name: 'summaries',
    helpLine: '📊 "summary" · "summary last month" · "weekly summary off"',
    async handle(text, ctx) {
      const s = text.trim().replace(/[?!.]+$/, '');
      if (!/summar/i.test(s)) return null;
      const t = TOGGLE.exec(s);
      if (t) {
        const which = (t[3] ?? t[4] ?? t[7])!.toLowerCase() as 'weekly' | 'monthly';
        const on = t[2] ? t[2].toLowerCase() === 'on' : t[5] ? t[5].toLowerCase() === 'on' : /^(start|resume)$/i.test(t[6]!);
        await deps.preferences.setSetting(ctx.owner, SUMMARY_SETTING[which === 'weekly' ? 'week' : 'month'], on ? 'on' : 'off');
        return [{ text: on ? `✅ ${which[0]!.toUpperCase()}${which.slice(1)} summary is on.` : `🔕 ${which[0]!.toUpperCase()}${which.slice(1)} summary is off. Say "${which} summary on" to bring it back.` }];
      }
      const a = ASKS.exec(s);
      if (!a) return null;
      const fallback = a[1]?.toLowerCase().startsWith('monthly') ? 'this month' : 'this week';
      const today = localDate(ctx.now, ctx.settings.timeZone);
      const window = namedWindow(namedPeriodIn(s, fallback), today, ctx.settings.weekStartsOn);
      const { reply } = await composeSummary(deps.expenses, ctx.owner, window, ctx.settings, { renderChart: deps.renderChart });
      return [reply];
    },
  };
}
