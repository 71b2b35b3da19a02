/**
 * @module app/services
 * The one composition of munshi's services, used by the daemon (main.ts) and every CLI command:
 * repositories over the ledger file, owner settings, the skills (budgets, recurring, charts,
 * summaries), the optional local AI and voice, the bot, and the scheduled jobs. Only transports
 * and the durable pipeline are added by main.ts. Building is cheap: heavy modules load on first
 * use, not here (LanceDB, WordNet), or outside this process altogether (charts in a child process
 * that exits when idle, whisper.cpp per voice note).
 */
import { createBot, type Bot, type BotDeps } from '../bot/bot.js';
import { ownerSettings } from '../bot/settings.js';
import type { Skill } from '../bot/skill.js';
import { createBudgetSkill } from '../budgets/skill.js';
import { createDebtSkill } from '../debts/skill.js';
import { childProcessChartRenderer } from '../charts/child-renderer.js';
import type { ChartRenderer } from '../charts/render.js';
import { systemClock, type Clock } from '../clock/clock.js';
import type { Config } from '../config/config.js';
import type { OwnerSettings } from '../core/types.js';
import { silentLogger, type Logger } from '../logging/logger.js';
import { createRecurringSkill } from '../recurring/skill.js';
import { createCronScheduler } from '../scheduler/cron/node-cron-scheduler.js';
import type { Notifier } from '../scheduler/notifier.js';
import type { Scheduler } from '../scheduler/port.js';
import type { ScheduleService } from '../scheduler/service.js';
import { createChartSkill } from '../summaries/chart-skill.js';
import { createSummarySkill } from '../summaries/skill.js';
import { instrumentBot, instrumentExpenses, instrumentFallbacks, instrumentQueries, instrumentTranscriber, type MunshiMetrics } from '../metrics/instrument.js';
import { createTranscriber } from '../voice/config.js';
import { webBaseUrl } from '../web/address.js';
import { createWebAuth, type WebAuth } from '../web/auth.js';
import { createDashboardSkill } from '../web/skill.js';
import type { Transcriber } from '../voice/port.js';
import { openReceiptService } from '../receipts/open.js';
import type { ReceiptService } from '../receipts/flow.js';
import { createLocalAi, type LocalAi, type LocalAiOptions } from './local-ai.js';
import { openRepositories, type Repositories } from './repositories.js';
import { createSchedules } from './schedules.js';

export interface ServiceOptions {
  logger?: Logger;
  clock?: Clock;
  /** false: rules only, no local AI and no voice (CLI commands that need no model, pipeline tests). Default true. */
  optionalServices?: boolean;
  /** Repositories to use instead of opening config.dbFile (unit tests pass the in-memory ones). */
  repositories?: Repositories;
  /** Settings for owners who changed none (default config.defaults; the CLI's --tz/--currency). */
  defaults?: OwnerSettings;
  /** Draws charts (default: vega-lite → resvg in a child process that exits when idle). */
  renderChart?: ChartRenderer;
  /** Reads receipt photos (default: tesseract.js, loaded on the first photo; none without optional services). */
  receipts?: ReceiptService;
  /** Semantic-memory knobs for one-off commands (reindex). */
  memory?: LocalAiOptions['memory'];
  /** Counts messages, records, questions, LLM calls and transcriptions for /metrics (the daemon). */
  metrics?: MunshiMetrics;
  /** A transcriber to use instead of the one config.voice describes (tests of voice through a transport). */
  transcriber?: Transcriber;
}

export interface Services {
  readonly config: Config;
  readonly repos: Repositories;
  readonly clock: Clock;
  readonly logger: Logger;
  /** An owner's effective settings: the defaults overlaid with what they changed in chat. */
  settings(owner: string): Promise<OwnerSettings>;
  readonly skills: Skill[];
  readonly bot: Bot;
  /** The local AI when switched on (MUNSHI_LLM) and asked for; null otherwise. */
  readonly localAi: LocalAi | null;
  readonly transcriber: Transcriber | null;
  /** Sign-in codes, passwords and sessions of the web page (and the "dashboard" chat command). */
  readonly webAuth: WebAuth;
  /** Draws the chat's charts (a child process that exits when idle); the web page's insights use it too. */
  readonly renderChart: ChartRenderer;
  /** The scheduled jobs, speaking through `notifier`; nothing runs until its start(). */
  schedules(notifier: Notifier, scheduler?: Scheduler): ScheduleService;
  /** Stops the local AI and closes the ledger. Idempotent. */
  close(): Promise<void>;
}

/** Builds every service from a config; the ledger file is opened (and migrated) here. */
export async function buildServices(config: Config, o: ServiceOptions = {}): Promise<Services> {
  const logger = o.logger ?? silentLogger;
  const clock = o.clock ?? systemClock;
  const opened = o.repositories ?? (await openRepositories(config.dbFile, { backupDir: config.maintenance.backupDir }));
  const m = o.metrics;
  const repos: Repositories = m ? { ...opened, expenses: instrumentExpenses(opened.expenses, m), queries: instrumentQueries(opened.queries, m) } : opened;
  const defaults = o.defaults ?? config.defaults;
  const charts = o.renderChart ? null : childProcessChartRenderer();
  const renderChart = o.renderChart ?? charts!.render;
  const settings = (owner: string) => ownerSettings(repos.preferences, owner, defaults);

  let localAi: LocalAi | null = null;
  let transcriber: Transcriber | null = null;
  let receipts: ReceiptService | null = o.receipts ?? null;
  if (o.optionalServices !== false) {
    receipts ??= openReceiptService();
    if (config.llm.enabled) {
      try {
        localAi = await createLocalAi(config.llm, {
          queries: repos.queries,
          texts: () => repos.expenses.distinctTexts(),
          vectorMeta: repos.vectorMeta,
          sqliteVectors: repos.vectorIndex,
          vectors: config.vectors,
          logger: logger.child({ component: 'local-ai' }),
          memory: o.memory,
        });
      } catch (err) {
        logger.warn({ err }, 'local AI unavailable; rules only');
      }
    } else logger.info({}, 'local AI is off (MUNSHI_LLM=off): rules only');
    transcriber = o.transcriber ?? createTranscriber(config.voice);
    if (m) transcriber = instrumentTranscriber(transcriber, m);
  }
  const webAuth = createWebAuth({ repo: repos.webAuth, clock });

  const budgets = createBudgetSkill({ budgets: repos.budgets, expenses: repos.expenses });
  const household = config.access.mode === 'allowlist' && config.access.ledgerMode === 'household';
  const debts = createDebtSkill({
    debts: repos.debts,
    expenses: repos.expenses,
    household,
    members: household ? config.access.allowlist : undefined,
    memberName: (id) => (/^\d{6,}$/.test(id) ? `+${id}` : id),
  });
  const skills: Skill[] = [
    ...(config.web.enabled ? [createDashboardSkill({ auth: webAuth, baseUrl: () => webBaseUrl(config.web), admin: () => config.access.mode === 'self' })] : []),
    budgets,
    createRecurringSkill({ recurring: repos.recurring }),
    createChartSkill({ expenses: repos.expenses, renderChart }),
    createSummarySkill({ expenses: repos.expenses, preferences: repos.preferences, renderChart }),
    debts,
  ];

  const botDeps: BotDeps = {
    expenses: repos.expenses,
    preferences: repos.preferences,
    queries: repos.queries,
    clock,
    defaults,
    skills,
    fallbacks: m ? instrumentFallbacks(localAi?.fallbacks, m) : localAi?.fallbacks,
    onRecorded: localAi?.onRecorded,
    transcriber: transcriber ?? undefined,
    receipts: receipts ?? undefined,
    logger: logger.child({ component: 'bot' }),
  };
  const bot = m ? instrumentBot(createBot(botDeps), m) : createBot(botDeps);

  let closing: Promise<void> | null = null;
  return {
    config,
    repos,
    clock,
    logger,
    settings,
    skills,
    bot,
    localAi,
    transcriber,
    webAuth,
    renderChart,
    schedules: (notifier, scheduler) =>
      createSchedules({
        repos,
        scheduler: scheduler ?? createCronScheduler(logger.child({ component: 'scheduler' })),
        clock,
        notifier,
        settings,
        timeZone: defaults.timeZone,
        summaries: config.summaries,
        recurringAt: config.recurringAt,
        renderChart,
        afterRecord: (expenses, ctx) => budgets.afterRecord!(expenses, ctx),
        reminders: (owner, settings, now) => debts.reminders(owner, settings, now),
        logger: logger.child({ component: 'schedule' }),
        maintenance: { ledgerFile: repos.ledgerFile, inbox: repos.inbox, config: config.maintenance, logger: logger.child({ component: 'maintenance' }) },
      }),
    close() {
      closing ??= (async () => {
        await localAi?.close().catch((err: unknown) => logger.warn({ err }, 'stopping the local AI failed'));
        await receipts?.close().catch((err: unknown) => logger.warn({ err }, 'stopping OCR failed'));
        await charts?.close();
        await repos.close();
      })();
      return closing;
    },
  };
}
