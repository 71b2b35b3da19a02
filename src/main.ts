/**
 * @module main
 * The composition root and `npm start`: config → logger → ledger → bot → durable pipeline →
 * transport (WhatsApp by default, the console with MUNSHI_TRANSPORT=console, the official Cloud API
 * or Twilio with =cloud / =twilio, whose webhooks get their own small HTTP server), with start()/stop()
 * and a clean shutdown on SIGINT/SIGTERM (pipeline drained, WhatsApp client destroyed, no Chromium
 * left, database closed) well within 10 seconds. Nothing else in munshi wires dependencies.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServices, type Services } from './app/services.js';
import { systemClock, type Clock } from './clock/clock.js';
import { loadConfig, type Config } from './config/config.js';
import { createPipeline, type Pipeline } from './inbox/pipeline.js';
import { categorize } from './categories/index.js';
import { createLogger, errorText, type Logger } from './logging/logger.js';
import { LedgerUnusableError } from './core/errors.js';
import { acquireInstanceLock } from './ledger/sqlite/open.js';
import { createMetrics, type MunshiMetrics } from './metrics/instrument.js';
import type { Notifier } from './scheduler/notifier.js';
import type { ScheduleService } from './scheduler/service.js';
import type { Transcriber } from './voice/port.js';
import { ConsoleTransport } from './transport/console/console.js';
import type { Transport } from './transport/port.js';
import { StatusFile } from './transport/status-file.js';
import type { WebhookHandler, WebhookServer } from './transport/webhook/http.js';
import type { ClientFactory } from './transport/whatsapp/client.js';
import { CONSOLE_CHAT } from './transport/console/console.js';
import { webBaseUrl } from './web/address.js';
import type { PairingView } from './web/deps.js';
import { healthReport, type HealthReport } from './web/health.js';
import type { Mount, WebServer } from './web/http/server.js';
import { loginMessage } from './web/skill.js';
import { periodSummary } from './web/summary.js';

export interface AppOptions {
  config: Config;
  logger?: Logger;
  clock?: Clock;
  random?: () => number;
  /** The whatsapp-web.js client factory; tests and the replay script pass the fake. */
  clientFactory?: ClientFactory;
  /** Console transport streams (default stdin/stdout). */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Called when the console input ends (Ctrl-D). */
  onConsoleEnd?(): void;
  /** false: rules only, no optional services (tests of the pipeline). Default true. */
  optionalServices?: boolean;
  /** Handlers hosted by the web server beside the page (webhooks of other transports). */
  webMounts?: Mount[];
  /** A transcriber instead of whisper.cpp (tests of voice notes through a transport). */
  transcriber?: Transcriber;
}

export interface App {
  readonly services: Services;
  readonly pipeline: Pipeline;
  readonly transport: Transport;
  readonly status: StatusFile;
  readonly metrics: MunshiMetrics;
  /** The web page's server once started (null when MUNSHI_WEB=off or its port was taken). */
  readonly web: WebServer | null;
  /** GET /healthz's report. */
  health(): Promise<HealthReport>;
  /** The webhook receivers of an official transport (empty otherwise), mountable in any web-standard server. */
  readonly webhooks: readonly WebhookHandler[];
  /** Where the webhook server listens once started (http://host:port), or null. */
  webhookUrl(): string | null;
  start(): Promise<void>;
  /** Idempotent; resolves when everything is shut down. */
  stop(reason?: string): Promise<void>;
}

/** Builds munshi from a config; nothing runs until start(). */
export async function createApp(o: AppOptions): Promise<App> {
  const { config } = o;
  const logger = o.logger ?? createLogger({ level: config.logLevel });
  const clock = o.clock ?? systemClock;
  const metrics = createMetrics();
  const services = await buildServices(config, { logger, clock, optionalServices: o.optionalServices, transcriber: o.transcriber, metrics });
  const status = new StatusFile(config.statusFile, clock, config.transport);
  // What the pairing page shows: the transport's latest QR and phone-number code.
  const pairing = { qr: null as string | null, qrAt: null as string | null, code: null as string | null };
  let lastMessageAt: string | null = null;

  let transport: Transport;
  // The pipeline sends through whichever transport is built below.
  const sender = {
    sendText: (chatId: string, text: string) => transport.sendText(chatId, text),
    sendImage: (chatId: string, png: Buffer, caption?: string) => transport.sendImage(chatId, png, caption),
    setTyping: (chatId: string, on: boolean) => transport.setTyping(chatId, on),
    fetchMedia: (chatId: string, id: string) => transport.fetchMedia?.(chatId, id) ?? Promise.resolve(null),
  };
  const pipeline = createPipeline({
    inbox: services.repos.inbox,
    bot: services.bot,
    sender,
    clock,
    logger: logger.child({ component: 'pipeline' }),
    // The official APIs deliver only messages munshi has not acknowledged (there is no history
    // replay as on WhatsApp Web), and Meta keeps retrying for days while munshi is down: an old
    // message there is an expense nobody recorded yet, not history.
    maxAgeMs: config.transport === 'cloud' || config.transport === 'twilio' ? 0 : config.maxMessageAgeMs,
    onError: (e) => {
      metrics.errors.inc({ where: 'pipeline' });
      status.error(e);
    },
  });
  const recover = () =>
    void pipeline.recover().catch((err) => {
      logger.error({ err }, 'recovering unfinished messages failed');
      status.error(errorText(err));
    });

  const webhooks: WebhookHandler[] = [];
  let webhookServer: WebhookServer | null = null;
  const onStatus = (e: { event?: true; error?: string }) => {
    if (e.event) status.event();
    if (e.error) status.error(e.error);
  };

  if (config.transport === 'cloud') {
    const [{ CloudTransport }, { MediaRefs }] = await Promise.all([import('./transport/cloud/adapter.js'), import('./transport/webhook/media-refs.js')]);
    const c = config.cloud;
    const cloud = new CloudTransport({
      graph: { baseUrl: c.apiUrl, version: c.apiVersion, phoneNumberId: c.phoneNumberId, accessToken: c.accessToken },
      appSecret: c.appSecret,
      verifyToken: c.verifyToken,
      path: '/webhooks/cloud',
      access: config.access,
      template: c.template,
      maxBodyBytes: config.webhook.maxBodyBytes,
      clock,
      logger: logger.child({ component: 'cloud' }),
      mediaRefs: new MediaRefs(c.mediaRefsFile),
      onStatus,
    });
    transport = cloud;
    webhooks.push(cloud.handle);
  } else if (config.transport === 'twilio') {
    const [{ TwilioTransport }, { MediaRefs }] = await Promise.all([import('./transport/twilio/adapter.js'), import('./transport/webhook/media-refs.js')]);
    const t = config.twilio;
    const twilio = new TwilioTransport({
      api: { baseUrl: t.apiUrl, accountSid: t.accountSid, authToken: t.authToken },
      from: t.from,
      // Required by config for twilio: Twilio signs the public URL it calls.
      publicUrl: config.webhook.publicUrl!,
      path: '/webhooks/twilio',
      access: config.access,
      templateSid: t.templateSid,
      maxBodyBytes: config.webhook.maxBodyBytes,
      clock,
      logger: logger.child({ component: 'twilio' }),
      mediaRefs: new MediaRefs(t.mediaRefsFile),
      onStatus,
    });
    transport = twilio;
    webhooks.push(twilio.handle);
  } else if (config.transport === 'console') {
    transport = new ConsoleTransport({
      input: o.input ?? process.stdin,
      output: o.output ?? process.stdout,
      clock,
      runId: randomUUID().slice(0, 8),
      imageDir: path.join(config.dataDir, 'charts'),
      prompt: Boolean((o.input ?? process.stdin) === process.stdin && process.stdin.isTTY),
      onEnd: o.onConsoleEnd,
    });
  } else {
    // Loaded only for WhatsApp: the console daemon never pays for the adapter, QR codes or puppeteer.
    const [{ WhatsAppTransport }, { realClientFactory }, { qrPresenter, removeQrPng }] = await Promise.all([
      import('./transport/whatsapp/adapter.js'),
      import('./transport/whatsapp/client.js'),
      import('./transport/whatsapp/pairing.js'),
    ]);
    const w = config.whatsapp;
    const showQr = qrPresenter(w.qrPngFile);
    transport = new WhatsAppTransport({
      settings: w,
      access: config.access,
      factory: o.clientFactory ?? realClientFactory(),
      clock,
      random: o.random ?? Math.random,
      logger: logger.child({ component: 'whatsapp' }),
      watchdogMs: w.watchdogMs,
      restartMs: w.restartMs,
      retryMaxMs: w.retryMaxMs,
      showQr: (qr) => {
        pairing.qr = qr;
        pairing.qrAt = clock.now().toISOString();
        return showQr(qr);
      },
      showCode: (code) => {
        pairing.code = code;
      },
      onStatus: (e) => {
        if (e.state) status.setState(e.state);
        if (e.event) status.event();
        if (e.error) status.error(e.error);
        if (e.account) status.account(e.account);
        if (e.authenticated) {
          status.authenticated();
          removeQrPng(w.qrPngFile);
          pairing.qr = pairing.qrAt = pairing.code = null;
        }
      },
      onReady: () => {
        recover();
        void firstCode();
      },
    });
  }

  // Scheduled messages (summaries, recurring notices, alerts) go through the durable outbox, to the
  // chat the owner last wrote from (their self chat, or their own chat with munshi).
  const notifier: Notifier = {
    async send(to, reply) {
      const chatId = to.chatId ?? (await services.repos.inbox.lastChatOf(to.owner));
      if (!chatId) {
        logger.warn({ owner: to.owner }, 'no chat known for this owner yet; scheduled message not sent');
        return;
      }
      await pipeline.sendUnprompted(chatId, reply);
    },
  };
  let schedule: ScheduleService | null = null;

  const health = () =>
    healthReport({
      transport: () => {
        const s = status.current;
        return { kind: s.transport, state: s.state, since: s.since, lastEventAt: s.lastEventAt, lastError: s.lastError, authenticatedAt: s.authenticatedAt };
      },
      ledger: () => services.repos.expenses.count(),
      ollama: config.llm.enabled && o.optionalServices !== false ? async () => (services.localAi?.llm ? services.localAi.llm.healthy() : false) : null,
      whisper: services.transcriber ? () => services.transcriber!.available() : null,
      lastMessageAt: () => lastMessageAt,
      startedAt: status.current.startedAt,
      version: VERSION,
    });

  let web: WebServer | null = null;
  async function startWeb(): Promise<void> {
    if (!config.web.enabled) return;
    const { startWebServer } = await import('./web/http/server.js');
    const { repos } = services;
    const pairingView = (): PairingView => {
      const s = status.current;
      return { ...pairing, state: s.state, since: s.since, lastError: s.lastError, authenticatedAt: s.authenticatedAt, transport: config.transport, pairingPhone: Boolean(config.whatsapp.pairingPhone) };
    };
    web = await startWebServer({
      host: config.web.host,
      port: config.web.port,
      mounts: o.webMounts,
      logger: logger.child({ component: 'web' }),
      deps: {
        auth: services.webAuth,
        table: repos.expenseTable,
        expenses: repos.expenses,
        preferences: repos.preferences,
        budgets: repos.budgets,
        debts: repos.debts,
        recurring: repos.recurring,
        settings: services.settings,
        categorize,
        health,
        summary: async (owner, range, chart) =>
          periodSummary(repos.expenses, owner, range, await services.settings(owner), { renderChart: services.renderChart, chart }),
        metrics,
        pairing: pairingView,
        clock,
        logger: logger.child({ component: 'web' }),
        access: config.access,
        schedule: { weekly: config.summaries.weekly, monthly: config.summaries.monthly },
        metricsToken: config.web.metricsToken,
        secureCookies: (config.web.baseUrl ?? '').startsWith('https://'),
        tmpDir: path.join(config.dataDir, 'tmp'),
      },
    });
    if (web) logger.info({ url: webBaseUrl(config.web, web.port) }, `web page on ${webBaseUrl(config.web, web.port)} (write "dashboard" in your chat for a sign-in code)`);
  }

  // The very first start sends the owner a sign-in code unasked, so nobody digs one out of a log.
  // Before WhatsApp is paired there is no chat to send it to: the log shows a 6-digit code instead
  // (far easier to read over SSH than a QR), which opens the pairing page.
  let codeSent = false;
  async function firstCode(): Promise<void> {
    if (!web || codeSent || config.access.mode !== 'self') return;
    codeSent = true;
    try {
      if (!(await services.webAuth.firstTime('me'))) return;
      const chatId =
        config.transport === 'console' ? CONSOLE_CHAT : ((await services.repos.inbox.lastChatOf('me')) ?? status.current.account.find((id) => id.endsWith('@c.us')) ?? null);
      if (!chatId) return;
      const { code, linkToken } = await services.webAuth.issueCode('me', { admin: true });
      await pipeline.sendUnprompted(chatId, { text: loginMessage(webBaseUrl(config.web, web.port), code, linkToken) });
    } catch (err) {
      logger.warn({ err }, 'could not send the first web sign-in code');
    }
  }
  async function pairingCode(): Promise<void> {
    if (!web || config.transport !== 'whatsapp' || config.access.mode !== 'self' || status.current.authenticatedAt) return;
    try {
      if (!(await services.webAuth.firstTime('me'))) return;
      const { code } = await services.webAuth.issueCode('me', { admin: true });
      const url = webBaseUrl(config.web, web.port);
      logger.info({ url }, `to pair WhatsApp from the web page, open ${url}/pairing and sign in with code ${code} (valid 10 minutes; npm run cli -- web-password sets a password instead)`);
    } catch (err) {
      logger.warn({ err }, 'could not make a web sign-in code for pairing');
    }
  }

  let stopping: Promise<void> | null = null;
  return {
    services,
    pipeline,
    transport,
    status,
    metrics,
    get web() {
      return web;
    },
    health,
    webhooks,
    webhookUrl: () => webhookServer?.localUrl ?? null,
    async start() {
      logger.info({ transport: config.transport, db: config.dbFile, access: config.access.mode }, 'munshi starting');
      // The page first: pairing happens there while WhatsApp starts.
      await startWeb();
      await pairingCode();
      await transport.start(async (m) => {
        // A webhook must not answer 200 for a message that is not stored (stopping, or held in memory
        // while the disk refuses writes): an error makes the provider deliver it again, and the inbox
        // records the redelivery once.
        const r = await pipeline.accept(m);
        if ((r === 'stopped' || r === 'held') && webhooks.length) throw new Error(r === 'held' ? 'the ledger cannot store messages right now' : 'munshi is stopping');
        metrics.messages.inc({ outcome: r });
        lastMessageAt = clock.now().toISOString();
        status.event();
      });
      if (webhooks.length) {
        const { routeWebhooks, serveWebhooks } = await import('./transport/webhook/http.js');
        webhookServer = await serveWebhooks({ host: config.webhook.host, port: config.webhook.port, handler: routeWebhooks(webhooks), logger: logger.child({ component: 'webhooks' }) });
        logger.info({ listening: webhookServer.localUrl, publicUrl: config.webhook.publicUrl }, `webhooks listening on ${webhookServer.localUrl}`);
      }
      if (config.transport !== 'whatsapp') {
        status.setState('connected');
        recover();
        void firstCode();
      }
      if (o.optionalServices !== false) {
        schedule = services.schedules(notifier);
        await schedule.start().catch((err: unknown) => logger.error({ err }, 'the schedules failed to start'));
      }
    },
    stop(reason = 'stop') {
      stopping ??= (async () => {
        logger.info({ reason }, 'munshi stopping');
        // No new webhooks first; one in flight either stores its message or answers an error the provider retries.
        await webhookServer?.close().catch((err: unknown) => logger.warn({ err }, 'closing the webhook server failed'));
        await web?.close().catch((err: unknown) => logger.warn({ err }, 'stopping the web page failed'));
        await pipeline.stop(2000);
        try {
          await transport.stop();
        } catch (err) {
          logger.error({ err }, 'stopping the transport failed');
        }
        await schedule?.stop().catch((err: unknown) => logger.warn({ err }, 'stopping the schedules failed'));
        await services.close();
        status.setState('stopped');
        logger.info('munshi stopped');
      })();
      return stopping;
    },
  };
}

/** munshi's version, for /healthz (package.json sits one level above both src/ and dist/). */
const VERSION: string = (() => {
  try {
    return (JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
})();

/** `npm start`. */
export async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`munshi: ${errorText(err)}\n`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel });
  // One daemon per data folder: two would both answer every message and fight over one WhatsApp session.
  const held = acquireInstanceLock(config.dataDir);
  if ('heldBy' in held) {
    process.stderr.write(
      `munshi: another munshi is already running on ${config.dataDir}${held.heldBy ? ` (pid ${held.heldBy})` : ''}. ` +
        `Stop it first (systemctl stop munshi, docker compose stop munshi, or kill ${held.heldBy ?? '<pid>'}), or give this one its own MUNSHI_DATA_DIR.\n`,
    );
    process.exit(1);
  }
  const lock = held;
  // whatsapp-web.js fires async work from page events; one stray rejection must not kill the appliance.
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection (kept running)'));
  let app: App;
  try {
    app = await createApp({ config, logger, onConsoleEnd: () => void shutdown('end of input') });
  } catch (err) {
    lock.release();
    if (err instanceof LedgerUnusableError) {
      process.stderr.write(`munshi: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  let exiting = false;
  async function shutdown(reason: string): Promise<void> {
    if (exiting) return;
    exiting = true;
    // The hard deadline: a service manager waits 10 s before SIGKILL; leave on our own terms first.
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 9000).unref();
    await app.stop(reason);
    lock.release();
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.start();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`munshi failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
