/**
 * @module scheduler/service
 * The scheduled side of munshi: the weekly and monthly summaries (with chart) and recurring
 * expenses, with budget alerts for what recurring records. Each job wakes daily at its time, works
 * out which period is due and claims it, so a wake-up missed while the appliance was off is caught
 * up once at start, a failed send is retried on a later wake, and nothing is ever sent twice.
 */
import type { Kysely } from 'kysely';
import { checkBudgets } from '../budgets/alerts.js';
import type { ChartRenderer } from '../charts/render.js';
import type { Clock } from '../clock/clock.js';
import { localDate } from '../core/dates.js';
import type { OwnerSettings } from '../core/types.js';
import { getSettings } from '../ledger/preferences.js';
import type { Database } from '../ledger/schema.js';
import { recordDueRecurring } from '../recurring/record.js';
import { listRecurring } from '../recurring/repo.js';
import { recordedNotice } from '../recurring/text.js';
import { composeSummary } from '../summaries/compose.js';
import { ownersWithExpenses } from '../summaries/data.js';
import { scheduledWindow, type SummaryKind } from '../summaries/windows.js';
import { latestDue, type Cadence, type TimeOfDay } from './due.js';
import type { Notifier } from './notifier.js';
import type { ScheduledJob, Scheduler } from './port.js';
import { runOncePerPeriod, type RunOutcome } from './runner.js';
import { scheduleDb } from './schema.js';

export interface ScheduleConfig {
  /** The zone the schedules follow (the appliance owner's). */
  timeZone: string;
  /** null = off. Default Sunday 20:00. */
  weeklySummary: Cadence | null;
  /** null = off. Default the 1st at 09:00. */
  monthlySummary: Cadence | null;
  /** When recurring expenses are recorded on their day. Default 09:00. */
  recurringAt: TimeOfDay;
  /** Attach the spending chart PNG to summaries. */
  charts: boolean;
  /** Who gets summaries; default every owner with spending in the summary or the one before. */
  owners?: string[];
}

export function defaultScheduleConfig(timeZone: string): ScheduleConfig {
  return {
    timeZone,
    weeklySummary: { every: 'week', weekday: 0, hour: 20, minute: 0 },
    monthlySummary: { every: 'month', day: 1, hour: 9, minute: 0 },
    recurringAt: { hour: 9, minute: 0 },
    charts: true,
  };
}

/** Per-owner setting keys (ledger `settings` table) that switch a summary off: value "off". */
export const SUMMARY_SETTING: Record<SummaryKind, string> = { week: 'summary.weekly', month: 'summary.monthly' };

export interface ScheduleLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface ScheduleServiceDeps {
  db: Kysely<Database>;
  scheduler: Scheduler;
  clock: Clock;
  notifier: Notifier;
  /** Settings of an owner (defaults merged with what they changed). */
  settings(owner: string): Promise<OwnerSettings> | OwnerSettings;
  config: ScheduleConfig;
  /** The chart renderer (charts/render renderSpendingChart); omit for text-only summaries. */
  renderChart?: ChartRenderer;
  logger?: ScheduleLogger;
}

export interface ScheduleService {
  /** Schedules the jobs and catches up whatever fell due while munshi was off. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Wakes one job now (what cron does); returns per-owner outcomes. For tests and `status`. */
  runSummary(kind: SummaryKind): Promise<Record<string, RunOutcome>>;
  runRecurring(): Promise<number>;
}

export function createScheduleService(deps: ScheduleServiceDeps): ScheduleService {
  const { db, clock, notifier, config, logger } = deps;
  const sdb = scheduleDb(db);
  const jobs: ScheduledJob[] = [];
  let running: Promise<unknown> = Promise.resolve();

  // Wake-ups are serialized: catch-up at start and a cron tick must not race on the same period.
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const p = running.then(fn, fn);
    running = p.catch(() => undefined);
    return p;
  }

  async function runSummary(kind: SummaryKind): Promise<Record<string, RunOutcome>> {
    const cadence = kind === 'week' ? config.weeklySummary : config.monthlySummary;
    const out: Record<string, RunOutcome> = {};
    if (!cadence) return out;
    const due = latestDue(cadence, clock.now(), config.timeZone);
    if (!due) return out;
    const window = scheduledWindow(kind, due.date);
    const owners = config.owners ?? (await ownersWithExpenses(db, window.previous.from, window.current.to, due.at));
    for (const owner of owners) {
      const stored = await getSettings(db, owner);
      if (stored[SUMMARY_SETTING[kind]] === 'off') continue;
      out[owner] = await runOncePerPeriod(sdb, clock, `${kind === 'week' ? 'weekly' : 'monthly'}-summary:${owner}`, due, async () => {
        const settings = await deps.settings(owner);
        const { reply } = await composeSummary(db, owner, window, settings, {
          renderChart: config.charts ? deps.renderChart : undefined,
          onChartError: (err) => logger?.warn({ err: String(err), owner }, 'summary chart failed; sending text only'),
        });
        await notifier.send({ owner }, reply);
        logger?.info({ owner, kind, period: due.period }, 'summary sent');
      }, (err) => logger?.warn({ err: String(err), owner, kind, period: due.period }, 'summary failed; will retry on a later wake'));
    }
    return out;
  }

  async function runRecurring(): Promise<number> {
    const items = await listRecurring(sdb);
    if (!items.length) return 0;
    const now = clock.now();
    const recorded = await recordDueRecurring(db, items, now, async (o) => (await deps.settings(o)).timeZone, config.recurringAt);
    // One notice per chat, then any budget alert the new expenses caused.
    const byChat = new Map<string, typeof recorded>();
    for (const x of recorded) {
      const k = `${x.recurring.owner}\u0000${x.recurring.chatId ?? ''}`;
      byChat.set(k, [...(byChat.get(k) ?? []), x]);
    }
    for (const group of byChat.values()) {
      const { owner, chatId } = group[0]!.recurring;
      const settings = await deps.settings(owner);
      const today = localDate(now, settings.timeZone);
      try {
        await notifier.send({ owner, chatId }, { text: recordedNotice(group.map((x) => ({ r: x.recurring, date: x.expense.date })), today, settings.locale) });
        for (const a of await checkBudgets(sdb, owner, group.map((x) => x.expense), settings, now)) await notifier.send({ owner, chatId }, { text: a.text });
      } catch (err) {
        // The ledger already holds the expenses; only the notice is lost. Say so in the log.
        logger?.warn({ err: String(err), owner, n: group.length }, 'recorded recurring expenses but could not notify');
      }
    }
    if (recorded.length) logger?.info({ n: recorded.length }, 'recurring expenses recorded');
    return recorded.length;
  }

  const guarded = (name: string, fn: () => Promise<unknown>) => async () => {
    await serial(fn).catch((err) => logger?.warn({ err: String(err), job: name }, 'scheduled job failed'));
  };

  return {
    async start() {
      const tz = config.timeZone;
      const daily = (t: TimeOfDay): Cadence => ({ every: 'day', hour: t.hour, minute: t.minute });
      // Daily wakes at the job's time: the due period is computed from the real cadence, so
      // non-due days are cheap no-ops that also retry a failed send and cover a missed tick.
      // Recurring first: at a shared minute, expenses are recorded before anything summarizes them.
      jobs.push(deps.scheduler.schedule({ name: 'recurring', cadence: daily(config.recurringAt), timeZone: tz, run: guarded('recurring', runRecurring) }));
      if (config.weeklySummary) jobs.push(deps.scheduler.schedule({ name: 'weekly-summary', cadence: daily(config.weeklySummary), timeZone: tz, run: guarded('weekly-summary', () => runSummary('week')) }));
      if (config.monthlySummary) jobs.push(deps.scheduler.schedule({ name: 'monthly-summary', cadence: daily(config.monthlySummary), timeZone: tz, run: guarded('monthly-summary', () => runSummary('month')) }));
      // Catch up what fell due while munshi was off.
      await guarded('recurring', runRecurring)();
      if (config.weeklySummary) await guarded('weekly-summary', () => runSummary('week'))();
      if (config.monthlySummary) await guarded('monthly-summary', () => runSummary('month'))();
    },
    async stop() {
      for (const j of jobs.splice(0)) j.cancel();
      await running;
    },
    runSummary: (kind) => serial(() => runSummary(kind)),
    runRecurring: () => serial(runRecurring),
  };
}
