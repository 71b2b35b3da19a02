/**
 * @module app/schedules
 * The scheduled side of munshi, assembled: the generic schedule service with the features' jobs
 * registered in the order they must run at a shared minute (recurring expenses are recorded before
 * anything summarizes them), budget alerts for what recurring records, and the daily upkeep.
 */
import type { SkillContext } from '../bot/skill.js';
import type { ChartRenderer } from '../charts/render.js';
import type { Clock } from '../clock/clock.js';
import type { Expense, OutboundReply, OwnerSettings } from '../core/types.js';
import { recurringJob } from '../recurring/job.js';
import type { TimeOfDay } from '../scheduler/due.js';
import type { Notifier } from '../scheduler/notifier.js';
import type { Scheduler } from '../scheduler/port.js';
import { createScheduleService, type ScheduleLogger, type ScheduleService } from '../scheduler/service.js';
import type { SummaryConfig } from '../summaries/config.js';
import { summaryJobs } from '../summaries/jobs.js';
import type { Repositories } from './repositories.js';
import { maintenanceJob, type MaintenanceDeps } from './maintenance.js';

export interface ScheduleDeps {
  repos: Pick<Repositories, 'expenses' | 'preferences' | 'recurring' | 'runs'>;
  scheduler: Scheduler;
  clock: Clock;
  notifier: Notifier;
  /** Settings of an owner (defaults merged with what they changed). */
  settings(owner: string): Promise<OwnerSettings> | OwnerSettings;
  /** The zone the schedules follow (the appliance owner's). */
  timeZone: string;
  summaries: SummaryConfig;
  recurringAt: TimeOfDay;
  renderChart?: ChartRenderer;
  /** The weekly summary's closing lines: who still owes the owner (the debts skill). */
  reminders?(owner: string, settings: OwnerSettings, now: Date): Promise<string[]>;
  /** Extra replies for expenses a schedule recorded (the budget skill's alerts). */
  afterRecord?(expenses: Expense[], ctx: SkillContext): Promise<OutboundReply[]>;
  logger?: ScheduleLogger;
  /** The daily upkeep (backups, quick_check, retention); absent in tests of the other jobs. */
  maintenance?: Pick<MaintenanceDeps, 'ledgerFile' | 'inbox' | 'config' | 'onProblem' | 'logger'>;
}

/** The schedule service with every job registered; nothing runs until start(). */
export function createSchedules(d: ScheduleDeps): ScheduleService {
  const service = createScheduleService({ scheduler: d.scheduler, clock: d.clock, runs: d.repos.runs, timeZone: d.timeZone, logger: d.logger });
  service.register(
    recurringJob({ recurring: d.repos.recurring, expenses: d.repos.expenses, notifier: d.notifier, settings: d.settings, at: d.recurringAt, afterRecord: d.afterRecord, logger: d.logger }),
  );
  for (const job of summaryJobs({ expenses: d.repos.expenses, preferences: d.repos.preferences, notifier: d.notifier, settings: d.settings, config: d.summaries, renderChart: d.renderChart, reminders: d.reminders, logger: d.logger })) {
    service.register(job);
  }
  // Last: at start the owner's catch-up messages go first; the backup copy can take a while.
  if (d.maintenance) service.register(maintenanceJob({ ...d.maintenance, expenses: d.repos.expenses, clock: d.clock, notifier: d.notifier }));
  return service;
}
