/**
 * @module summaries/jobs
 * The weekly and monthly summaries as jobs for the generic schedule service. Each wakes daily at
 * its cadence's time, works out the latest due occurrence and claims it once per owner, so a
 * missed Sunday is caught up once and a failed send is retried on a later wake.
 */
import type { ChartRenderer } from '../charts/render.js';
import type { OwnerSettings } from '../core/types.js';
import type { ExpenseRepository } from '../ledger/expenses.js';
import type { PreferenceRepository } from '../ledger/preferences.js';
import { latestDue } from '../scheduler/due.js';
import type { Notifier } from '../scheduler/notifier.js';
import type { RunOutcome } from '../scheduler/runner.js';
import type { Job, ScheduleLogger } from '../scheduler/service.js';
import { composeSummary } from './compose.js';
import { SUMMARY_SETTING, type SummaryConfig } from './config.js';
import { scheduledWindow, type SummaryKind } from './windows.js';

export interface SummaryJobDeps {
  expenses: Pick<ExpenseRepository, 'eachBetween' | 'firstDate' | 'owners'>;
  preferences: Pick<PreferenceRepository, 'settings'>;
  notifier: Notifier;
  /** Settings of an owner (defaults merged with what they changed). */
  settings(owner: string): Promise<OwnerSettings> | OwnerSettings;
  config: SummaryConfig;
  /** The chart renderer; omit for text-only summaries. */
  renderChart?: ChartRenderer;
  /** Lines the weekly summary ends with (who still owes the owner), when config.debts is on. */
  reminders?(owner: string, settings: OwnerSettings, now: Date): Promise<string[]>;
  logger?: ScheduleLogger;
}

export const SUMMARY_JOB: Record<SummaryKind, string> = { week: 'weekly-summary', month: 'monthly-summary' };

/** One job per summary switched on; each run resolves to the outcome per owner. */
export function summaryJobs(deps: SummaryJobDeps): Job<Record<string, RunOutcome>>[] {
  const jobs: Job<Record<string, RunOutcome>>[] = [];
  for (const kind of ['week', 'month'] as const) {
    const cadence = kind === 'week' ? deps.config.weekly : deps.config.monthly;
    if (!cadence) continue;
    jobs.push({
      name: SUMMARY_JOB[kind],
      wakeAt: { hour: cadence.hour, minute: cadence.minute },
      async run(ctx) {
        const out: Record<string, RunOutcome> = {};
        const due = latestDue(cadence, ctx.now, ctx.timeZone);
        if (!due) return out;
        const window = scheduledWindow(kind, due.date);
        const owners = deps.config.owners ?? (await deps.expenses.owners({ from: window.previous.from, to: window.current.to, recordedBy: due.at }));
        for (const owner of owners) {
          const stored = await deps.preferences.settings(owner);
          if (stored[SUMMARY_SETTING[kind]] === 'off') continue;
          out[owner] = await ctx.once(
            `${SUMMARY_JOB[kind]}:${owner}`,
            due,
            async () => {
              const settings = await deps.settings(owner);
              const { reply } = await composeSummary(deps.expenses, owner, window, settings, {
                renderChart: deps.config.charts ? deps.renderChart : undefined,
                onChartError: (err) => deps.logger?.warn({ err: String(err), owner }, 'summary chart failed; sending text only'),
              });
              if (kind === 'week' && deps.config.debts && deps.reminders) {
                const lines = await deps.reminders(owner, settings, ctx.now).catch((err: unknown) => {
                  deps.logger?.warn({ err: String(err), owner }, 'debt reminders failed; summary without them');
                  return [] as string[];
                });
                if (lines.length) reply.text += `\n\n${lines.map((l) => `👥 ${l}`).join('\n')}`;
              }
              await deps.notifier.send({ owner }, reply);
              deps.logger?.info({ owner, kind, period: due.period }, 'summary sent');
            },
            (err) => deps.logger?.warn({ err: String(err), owner, kind, period: due.period }, 'summary failed; will retry on a later wake'),
          );
        }
        return out;
      },
    });
  }
  return jobs;
}
