/**
 * @module config
 * The one place that reads the environment. Every MUNSHI_* (and a few well-known) variables are
 * validated with zod once at start-up into a frozen Config; an invalid value is a startup error
 * that names the variable. Everything has a default, so `chat` and the CLI work with no env at all.
 *
 * Adding a key: add the variable to `envSchema` (one line, with its default) and map it into the
 * Config shape in `toConfig`; document it in .env.example.
 */
import path from 'node:path';
import { z } from 'zod';
import type { OwnerSettings } from '../core/types.js';
import { isValidTimeZone } from '../core/dates.js';
import { KNOWN_CURRENCIES } from '../core/money.js';
import { MunshiError } from '../core/errors.js';
import { llmConfigFromEnv, type LlmConfig } from '../llm/config.js';
import { recordAtConfig } from '../recurring/config.js';
import type { TimeOfDay } from '../scheduler/due.js';
import { summaryConfig, type SummaryConfig } from '../summaries/config.js';
import { vectorConfigFromEnv, type VectorConfig } from '../vectors/config.js';
import { voiceConfig, type VoiceConfig } from '../voice/config.js';
import { WHATSAPP_HOSTS } from '../transport/whatsapp/client.js';
import { DEFAULT_GRAPH_VERSION } from '../transport/cloud/graph.js';

/** A public archive of WhatsApp Web builds, used only with MUNSHI_WWEB_CACHE=remote; `{version}` is replaced. */
export const DEFAULT_WWEB_VERSION_URL = 'https://raw.githubusercontent.com/wppconnect-team/wa-version/main/html/{version}.html';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const bool = (def: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { message: 'expected true or false' })
    .default(def ? 'true' : 'false')
    .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const posNumber = (def: number) =>
  z
    .string()
    .default(String(def))
    .transform((v, ctx) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) {
        ctx.addIssue({ code: 'custom', message: 'expected a non-negative number' });
        return z.NEVER;
      }
      return n;
    });

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

/** Phone numbers as digits only ("+91 98123-45678" → "919812345678"). */
export function phoneDigits(s: string): string {
  return s.replace(/\D/g, '');
}

const envSchema = z.object({
  MUNSHI_DATA_DIR: z.string().min(1).default('./data'),
  MUNSHI_DB_FILE: optional,
  MUNSHI_TZ: z
    .string()
    .default('Asia/Kolkata')
    .refine(isValidTimeZone, { message: 'not a known IANA time zone (e.g. Asia/Kolkata)' }),
  MUNSHI_CURRENCY: z
    .string()
    .default('INR')
    .transform((v) => v.toUpperCase())
    .refine((v) => KNOWN_CURRENCIES.has(v), { message: 'not a supported ISO 4217 currency code' }),
  /**
   * Gone: the old rules (v1) were removed, the language layer is the only reader. Set to 'v1' it is a
   * startup error rather than a silent change of behaviour; 'v2' (the only reader) is still accepted.
   */
  MUNSHI_RULES: optional.refine((v) => v === undefined || v === 'v2', { message: "removed: the old rules (v1) are gone and the language layer is the only reader; unset MUNSHI_RULES" }),
  MUNSHI_LOCALE: z
    .string()
    .default('en-IN')
    .refine(
      (v) => {
        try {
          return Intl.NumberFormat.supportedLocalesOf([v]).length > 0;
        } catch {
          return false;
        }
      },
      { message: 'not a known locale (e.g. en-IN)' },
    ),
  MUNSHI_DAY_FIRST: bool(true),
  MUNSHI_WEEK_START: z
    .string()
    .default('monday')
    .transform((v) => v.toLowerCase())
    .pipe(z.enum(WEEKDAYS)),
  MUNSHI_TRANSPORT: z.enum(['whatsapp', 'console', 'cloud', 'twilio']).default('whatsapp'),
  // The official APIs (cloud, twilio) post to munshi's webhook server.
  MUNSHI_WEBHOOK_HOST: z.string().min(1).default('127.0.0.1'),
  MUNSHI_WEBHOOK_PORT: posNumber(8788).refine((n) => Number.isInteger(n) && n <= 65535, { message: 'expected a TCP port (0-65535)' }),
  MUNSHI_WEBHOOK_MAX_KB: posNumber(256).refine((n) => n >= 1, { message: 'expected at least 1' }),
  MUNSHI_PUBLIC_URL: optional.refine((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), { message: 'expected the public http(s) URL the provider calls, e.g. https://munshi.example.com' }),
  MUNSHI_CLOUD_PHONE_NUMBER_ID: optional.refine((v) => v === undefined || /^\d{5,20}$/.test(v), { message: 'expected the numeric phone number ID from the WhatsApp API setup page' }),
  MUNSHI_CLOUD_ACCESS_TOKEN: optional,
  MUNSHI_CLOUD_APP_SECRET: optional,
  MUNSHI_CLOUD_VERIFY_TOKEN: optional,
  MUNSHI_CLOUD_API_URL: z.string().default('https://graph.facebook.com').refine((v) => /^https?:\/\/[^\s]+$/.test(v), { message: 'expected an http(s) URL' }),
  MUNSHI_CLOUD_API_VERSION: z.string().default(DEFAULT_GRAPH_VERSION).refine((v) => /^v\d+\.\d+$/.test(v), { message: 'expected a Graph API version like v23.0' }),
  MUNSHI_CLOUD_TEMPLATE: optional.refine((v) => v === undefined || /^[a-z0-9_]{1,512}$/.test(v), { message: 'expected a template name (lower case, digits, underscores)' }),
  MUNSHI_CLOUD_TEMPLATE_LANGUAGE: z.string().default('en').refine((v) => /^[a-z]{2,3}(_[A-Z]{2})?$/.test(v), { message: 'expected a template language code like en or en_US' }),
  MUNSHI_TWILIO_ACCOUNT_SID: optional.refine((v) => v === undefined || /^AC[0-9a-fA-F]{32}$/.test(v), { message: 'expected an Account SID (AC followed by 32 hex digits)' }),
  MUNSHI_TWILIO_AUTH_TOKEN: optional,
  MUNSHI_TWILIO_FROM: optional.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const d = phoneDigits(v.replace(/^whatsapp:/i, ''));
    if (d.length < 7 || d.length > 15) {
      ctx.addIssue({ code: 'custom', message: 'expected the WhatsApp sender number with country code, e.g. whatsapp:+14155238886' });
      return z.NEVER;
    }
    return d;
  }),
  MUNSHI_TWILIO_API_URL: z.string().default('https://api.twilio.com').refine((v) => /^https?:\/\/[^\s]+$/.test(v), { message: 'expected an http(s) URL' }),
  MUNSHI_TWILIO_TEMPLATE_SID: optional.refine((v) => v === undefined || /^HX[0-9a-fA-F]{32}$/.test(v), { message: 'expected a Content SID (HX followed by 32 hex digits)' }),
  MUNSHI_ACCESS_MODE: z.enum(['self', 'allowlist']).default('self'),
  MUNSHI_ALLOWLIST: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const items = v.split(',').map((s) => s.trim()).filter(Boolean);
      const out: string[] = [];
      for (const it of items) {
        const d = phoneDigits(it);
        if (d.length < 7 || d.length > 15) {
          ctx.addIssue({ code: 'custom', message: `"${it}" is not a phone number with country code` });
          return z.NEVER;
        }
        out.push(d);
      }
      return out;
    }),
  MUNSHI_LEDGER_MODE: z.enum(['per_person', 'household']).default('per_person'),
  MUNSHI_HOUSEHOLD_OWNER: z.string().min(1).default('me'),
  MUNSHI_GROUP_PREFIX: z.string().min(1).default('munshi'),
  MUNSHI_CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  // Unset: the newest build kept in <data dir>/wweb-cache (what WhatsApp served when munshi linked).
  MUNSHI_WWEB_VERSION: optional.refine((v) => v === undefined || /^\d+\.\d+\.\d+(-[\w.]+)?$/.test(v), {
    message: 'expected a WhatsApp Web version like 2.3000.1017054665',
  }),
  MUNSHI_WWEB_CACHE: z.enum(['remote', 'local', 'none']).default('local'),
  MUNSHI_WWEB_VERSION_URL: z
    .string()
    .default(DEFAULT_WWEB_VERSION_URL)
    .refine((v) => /^https?:\/\//.test(v) && v.includes('{version}'), { message: 'expected an http(s) URL containing {version}' }),
  MUNSHI_CHROMIUM_ALLOWED_HOSTS: z
    .string()
    .default(WHATSAPP_HOSTS.join(','))
    .transform((v, ctx) => {
      const hosts = v.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
      const bad = hosts.find((h) => !/^(\*|(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*)$/.test(h));
      if (bad !== undefined || hosts.length === 0) {
        ctx.addIssue({ code: 'custom', message: `expected host names or *.domain patterns separated by commas (or *)${bad ? `, not "${bad}"` : ''}` });
        return z.NEVER;
      }
      return hosts;
    }),
  MUNSHI_PAIRING_PHONE: optional.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const d = phoneDigits(v);
    if (d.length < 7 || d.length > 15) {
      ctx.addIssue({ code: 'custom', message: 'expected a phone number with country code, e.g. 919812345678' });
      return z.NEVER;
    }
    return d;
  }),
  MUNSHI_WATCHDOG_SECONDS: posNumber(300),
  MUNSHI_RESTART_HOURS: posNumber(0),
  MUNSHI_RETRY_MAX_SECONDS: posNumber(300),
  MUNSHI_MAX_AGE_HOURS: posNumber(24),
  MUNSHI_HEADLESS: bool(true),
  // The web page (src/web): on by default, on every interface of the home network; every page asks for a session.
  MUNSHI_WEB: bool(true),
  MUNSHI_WEB_PORT: z
    .string()
    .default('8080')
    .refine((v) => /^\d+$/.test(v) && Number(v) <= 65535, { message: 'expected a port number (0-65535)' })
    .transform(Number),
  MUNSHI_WEB_HOST: z.string().min(1).default('0.0.0.0'),
  /** The address people open, used in login links (default: http://<this machine's LAN address>:<port>). */
  MUNSHI_WEB_URL: optional.refine((v) => v === undefined || /^https?:\/\/[^/\s]+\/?$/.test(v), { message: 'expected a base URL like http://munshi.local:8080' }),
  /** A bearer token for Prometheus to read /metrics without a browser session (16+ characters). */
  MUNSHI_METRICS_TOKEN: optional.refine((v) => v === undefined || v.length >= 16, { message: 'expected at least 16 characters' }),
  MUNSHI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Optional services: read here, validated by their feature's config parser (which names the variable).
  OLLAMA_HOST: optional,
  MUNSHI_LLM_MODEL: optional,
  MUNSHI_EMBED_MODEL: optional,
  MUNSHI_LLM: optional,
  MUNSHI_LLM_TIMEOUT_MS: optional,
  MUNSHI_EMBED_TIMEOUT_MS: optional,
  MUNSHI_LLM_HEALTH_TIMEOUT_MS: optional,
  MUNSHI_VECTORS: optional,
  MUNSHI_VECTOR_DIR: optional,
  MUNSHI_CONCEPT_MIN_SCORE: optional,
  MUNSHI_WHISPER_MODEL: optional,
  MUNSHI_WHISPER_LANGUAGE: optional,
  MUNSHI_MODELS_DIR: optional,
  MUNSHI_WEEKLY_SUMMARY: optional,
  MUNSHI_MONTHLY_SUMMARY: optional,
  MUNSHI_RECURRING_AT: optional,
  // Upkeep (issue 17): online backups kept this many days (0: none), where, and the daily wake.
  MUNSHI_BACKUP_DAYS: posNumber(7),
  MUNSHI_BACKUP_DIR: optional,
  MUNSHI_MAINTENANCE_AT: z
    .string()
    .default('03:30')
    .refine((v) => /^([01]?\d|2[0-3]):[0-5]\d$/.test(v), { message: 'expected HH:MM' }),
  // Finished inbox messages and sent replies are forgotten after this many days (0: kept forever).
  MUNSHI_KEEP_MESSAGES_DAYS: posNumber(30),
  MUNSHI_SUMMARY_CHARTS: optional,
  MUNSHI_SUMMARY_DEBTS: optional,
});

export type EnvInput = z.input<typeof envSchema>;
type Env = z.output<typeof envSchema>;

export interface Config {
  dataDir: string;
  dbFile: string;
  /** Owner defaults before a person changes their own settings in chat. */
  defaults: OwnerSettings;
  transport: 'whatsapp' | 'console' | 'cloud' | 'twilio';
  /** The webhook server of the official transports (cloud, twilio). */
  webhook: {
    host: string;
    port: number;
    maxBodyBytes: number;
    /** The public base URL the provider calls (Twilio signs the full URL); no trailing slash. */
    publicUrl: string | undefined;
  };
  /** WhatsApp Cloud API (MUNSHI_TRANSPORT=cloud); every credential is checked when it is chosen. */
  cloud: {
    phoneNumberId: string;
    accessToken: string;
    appSecret: string;
    verifyToken: string;
    apiUrl: string;
    apiVersion: string;
    /** The approved template for messages outside the 24-hour window; null: none. */
    template: { name: string; language: string } | null;
    /** Media references of recent messages, for a restart mid-transcription. */
    mediaRefsFile: string;
  };
  /** Twilio's WhatsApp API (MUNSHI_TRANSPORT=twilio). */
  twilio: {
    accountSid: string;
    authToken: string;
    /** The WhatsApp sender number, digits with country code. */
    from: string;
    apiUrl: string;
    /** A Content SID for messages outside the 24-hour window; null: none. */
    templateSid: string | null;
    mediaRefsFile: string;
  };
  access: {
    mode: 'self' | 'allowlist';
    /** Phone numbers, digits only with country code. */
    allowlist: readonly string[];
    ledgerMode: 'per_person' | 'household';
    /** Ledger owner used for everybody when ledgerMode is household. */
    householdOwner: string;
    /** In groups munshi answers only messages starting with this word (or "@"+word) or mentioning it. */
    groupPrefix: string;
  };
  whatsapp: {
    /** LocalAuth keeps the linked-device session here. */
    sessionDir: string;
    /** Where the current pairing QR is written as PNG. */
    qrPngFile: string;
    chromiumPath: string;
    headless: boolean;
    /** A pinned WhatsApp Web build; undefined: the newest one kept in webCacheDir. */
    webVersion: string | undefined;
    webVersionCache: 'remote' | 'local' | 'none';
    webVersionUrl: string;
    /** Where the WhatsApp Web builds WhatsApp served are kept (whatsapp-web.js's 'local' web cache). */
    webCacheDir: string;
    /** Host patterns Chromium may resolve; ['*'] lifts the restriction. */
    allowedHosts: readonly string[];
    pairingPhone: string | undefined;
    /** Restart a client that reported nothing for this long; 0 disables the watchdog. */
    watchdogMs: number;
    /** Restart Chromium periodically to cap memory growth; 0 disables. */
    restartMs: number;
    /** The cap of the reconnect back-off. */
    retryMaxMs: number;
  };
  /** Inbound messages older than this at arrival are history replays and are not recorded. */
  maxMessageAgeMs: number;
  /** The daemon's small status file read by `cli status`. */
  statusFile: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Local AI: Ollama host, models, timeouts (llm/config.ts). */
  llm: LlmConfig;
  /** Semantic memory: vector backend, LanceDB folder, concept threshold (vectors/config.ts). */
  vectors: VectorConfig;
  /** Voice notes: whisper model, language, models folder (voice/config.ts). */
  voice: VoiceConfig;
  /** Weekly and monthly summaries (MUNSHI_WEEKLY_SUMMARY, MUNSHI_MONTHLY_SUMMARY, MUNSHI_SUMMARY_CHARTS). */
  summaries: SummaryConfig;
  /** When recurring expenses are recorded on their day (MUNSHI_RECURRING_AT). */
  recurringAt: TimeOfDay;
  /** The web page (MUNSHI_WEB, MUNSHI_WEB_PORT, MUNSHI_WEB_HOST, MUNSHI_WEB_URL). */
  web: { enabled: boolean; port: number; host: string; baseUrl: string | undefined; metricsToken: string | undefined };
  /** Daily upkeep: backups, the ledger's quick_check, retention (app/maintenance.ts). */
  maintenance: {
    /** Where the daily online backups go. */
    backupDir: string;
    /** How many days of backups are kept; 0 makes none. */
    backupDays: number;
    /** Finished messages and sent replies older than this many days are forgotten; 0 keeps them. */
    keepMessagesDays: number;
    /** Where the console transport writes chart PNGs (removed after a day). */
    chartsDir: string;
    at: { hour: number; minute: number };
  };
}

function toConfig(e: Env): Config {
  const dataDir = path.resolve(e.MUNSHI_DATA_DIR);
  return {
    dataDir,
    dbFile: e.MUNSHI_DB_FILE ? (e.MUNSHI_DB_FILE === ':memory:' ? ':memory:' : path.resolve(e.MUNSHI_DB_FILE)) : path.join(dataDir, 'munshi.db'),
    defaults: {
      timeZone: e.MUNSHI_TZ,
      currency: e.MUNSHI_CURRENCY,
      locale: e.MUNSHI_LOCALE,
      dayFirst: e.MUNSHI_DAY_FIRST,
      weekStartsOn: WEEKDAYS.indexOf(e.MUNSHI_WEEK_START) as OwnerSettings['weekStartsOn'],
    },
    transport: e.MUNSHI_TRANSPORT,
    webhook: {
      host: e.MUNSHI_WEBHOOK_HOST,
      port: e.MUNSHI_WEBHOOK_PORT,
      maxBodyBytes: Math.round(e.MUNSHI_WEBHOOK_MAX_KB * 1024),
      publicUrl: e.MUNSHI_PUBLIC_URL?.replace(/\/+$/, ''),
    },
    cloud: {
      phoneNumberId: e.MUNSHI_CLOUD_PHONE_NUMBER_ID ?? '',
      accessToken: e.MUNSHI_CLOUD_ACCESS_TOKEN ?? '',
      appSecret: e.MUNSHI_CLOUD_APP_SECRET ?? '',
      verifyToken: e.MUNSHI_CLOUD_VERIFY_TOKEN ?? '',
      apiUrl: e.MUNSHI_CLOUD_API_URL.replace(/\/+$/, ''),
      apiVersion: e.MUNSHI_CLOUD_API_VERSION,
      template: e.MUNSHI_CLOUD_TEMPLATE ? { name: e.MUNSHI_CLOUD_TEMPLATE, language: e.MUNSHI_CLOUD_TEMPLATE_LANGUAGE } : null,
      mediaRefsFile: path.join(dataDir, 'cloud-media.json'),
    },
    twilio: {
      accountSid: e.MUNSHI_TWILIO_ACCOUNT_SID ?? '',
      authToken: e.MUNSHI_TWILIO_AUTH_TOKEN ?? '',
      from: e.MUNSHI_TWILIO_FROM ?? '',
      apiUrl: e.MUNSHI_TWILIO_API_URL.replace(/\/+$/, ''),
      templateSid: e.MUNSHI_TWILIO_TEMPLATE_SID ?? null,
      mediaRefsFile: path.join(dataDir, 'twilio-media.json'),
    },
    access: {
      mode: e.MUNSHI_ACCESS_MODE,
      allowlist: e.MUNSHI_ALLOWLIST,
      ledgerMode: e.MUNSHI_LEDGER_MODE,
      householdOwner: e.MUNSHI_HOUSEHOLD_OWNER,
      groupPrefix: e.MUNSHI_GROUP_PREFIX.toLowerCase(),
    },
    whatsapp: {
      sessionDir: path.join(dataDir, 'whatsapp-session'),
      qrPngFile: path.join(dataDir, 'pairing-qr.png'),
      chromiumPath: e.MUNSHI_CHROMIUM_PATH,
      headless: e.MUNSHI_HEADLESS,
      webVersion: e.MUNSHI_WWEB_VERSION,
      webVersionCache: e.MUNSHI_WWEB_CACHE,
      webVersionUrl: e.MUNSHI_WWEB_VERSION_URL,
      webCacheDir: path.join(dataDir, 'wweb-cache'),
      allowedHosts: e.MUNSHI_CHROMIUM_ALLOWED_HOSTS,
      pairingPhone: e.MUNSHI_PAIRING_PHONE,
      watchdogMs: e.MUNSHI_WATCHDOG_SECONDS * 1000,
      restartMs: e.MUNSHI_RESTART_HOURS * 3_600_000,
      retryMaxMs: Math.max(1000, e.MUNSHI_RETRY_MAX_SECONDS * 1000),
    },
    maxMessageAgeMs: e.MUNSHI_MAX_AGE_HOURS * 3_600_000,
    statusFile: path.join(dataDir, 'status.json'),
    logLevel: e.MUNSHI_LOG_LEVEL,
    llm: llmConfigFromEnv({
      OLLAMA_HOST: e.OLLAMA_HOST,
      MUNSHI_LLM: e.MUNSHI_LLM,
      MUNSHI_LLM_MODEL: e.MUNSHI_LLM_MODEL,
      MUNSHI_EMBED_MODEL: e.MUNSHI_EMBED_MODEL,
      MUNSHI_LLM_TIMEOUT_MS: e.MUNSHI_LLM_TIMEOUT_MS,
      MUNSHI_EMBED_TIMEOUT_MS: e.MUNSHI_EMBED_TIMEOUT_MS,
      MUNSHI_LLM_HEALTH_TIMEOUT_MS: e.MUNSHI_LLM_HEALTH_TIMEOUT_MS,
    }),
    vectors: vectorConfigFromEnv(
      { MUNSHI_VECTORS: e.MUNSHI_VECTORS, MUNSHI_VECTOR_DIR: e.MUNSHI_VECTOR_DIR ? path.resolve(e.MUNSHI_VECTOR_DIR) : undefined, MUNSHI_CONCEPT_MIN_SCORE: e.MUNSHI_CONCEPT_MIN_SCORE },
      path.join(dataDir, 'vectors'),
    ),
    // Validated here, not when the daemon wires optional services: there a bad value would only
    // switch voice, budgets and summaries off with a log line instead of stopping start-up.
    voice: voiceConfig({
      whisperModel: e.MUNSHI_WHISPER_MODEL,
      whisperLanguage: e.MUNSHI_WHISPER_LANGUAGE,
      modelsDir: e.MUNSHI_MODELS_DIR ? path.resolve(e.MUNSHI_MODELS_DIR) : undefined,
    }),
    summaries: summaryConfig({ weekly: e.MUNSHI_WEEKLY_SUMMARY, monthly: e.MUNSHI_MONTHLY_SUMMARY, charts: e.MUNSHI_SUMMARY_CHARTS, debts: e.MUNSHI_SUMMARY_DEBTS }),
    recurringAt: recordAtConfig(e.MUNSHI_RECURRING_AT),
    web: { enabled: e.MUNSHI_WEB, port: e.MUNSHI_WEB_PORT, host: e.MUNSHI_WEB_HOST, baseUrl: e.MUNSHI_WEB_URL?.replace(/\/$/, ''), metricsToken: e.MUNSHI_METRICS_TOKEN },
    maintenance: {
      backupDir: e.MUNSHI_BACKUP_DIR ? path.resolve(e.MUNSHI_BACKUP_DIR) : path.join(dataDir, 'backups'),
      backupDays: Math.floor(e.MUNSHI_BACKUP_DAYS),
      keepMessagesDays: e.MUNSHI_KEEP_MESSAGES_DAYS,
      chartsDir: path.join(dataDir, 'charts'),
      at: { hour: Number(e.MUNSHI_MAINTENANCE_AT.split(':')[0]), minute: Number(e.MUNSHI_MAINTENANCE_AT.split(':')[1]) },
    },
  };
}

/**
 * What an official transport needs and cannot default: its credentials, and a policy that names
 * who may write (munshi has its own number there; there is no "Message yourself" chat).
 */
function officialTransportProblems(e: Env): string[] {
  const t = e.MUNSHI_TRANSPORT;
  if (t !== 'cloud' && t !== 'twilio') return [];
  const out: string[] = [];
  const need = (key: keyof Env, what: string) => {
    if (e[key] === undefined) out.push(`${key}: required with MUNSHI_TRANSPORT=${t} (${what})`);
  };
  if (t === 'cloud') {
    need('MUNSHI_CLOUD_PHONE_NUMBER_ID', 'the phone number ID from the WhatsApp API setup page');
    need('MUNSHI_CLOUD_ACCESS_TOKEN', 'a system user access token with whatsapp_business_messaging');
    need('MUNSHI_CLOUD_APP_SECRET', "the Meta app's secret, which signs every webhook");
    need('MUNSHI_CLOUD_VERIFY_TOKEN', 'any secret string, typed again in the webhook settings');
  } else {
    need('MUNSHI_TWILIO_ACCOUNT_SID', 'the Account SID from the Twilio console');
    need('MUNSHI_TWILIO_AUTH_TOKEN', 'the auth token, which signs every webhook');
    need('MUNSHI_TWILIO_FROM', 'the WhatsApp sender, e.g. whatsapp:+14155238886 for the sandbox');
    need('MUNSHI_PUBLIC_URL', 'the https URL Twilio calls; Twilio signs the full URL');
  }
  if (e.MUNSHI_ACCESS_MODE !== 'allowlist' || e.MUNSHI_ALLOWLIST.length === 0) {
    out.push(`MUNSHI_ACCESS_MODE: with MUNSHI_TRANSPORT=${t} munshi has its own number; set MUNSHI_ACCESS_MODE=allowlist and list who may write in MUNSHI_ALLOWLIST`);
  }
  return out;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/** The variable names the config reads, for docs and tests. */
export const CONFIG_KEYS: readonly string[] = Object.keys(envSchema.shape);

/**
 * Parses and validates the environment into a frozen Config. Empty strings count as unset.
 * Throws MunshiError('config') naming the first bad variable, e.g.
 * `MUNSHI_TZ="Mars/Base": not a known IANA time zone (e.g. Asia/Kolkata)`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const input: Record<string, string> = {};
  for (const k of CONFIG_KEYS) {
    const v = env[k];
    if (v !== undefined && v.trim() !== '') input[k] = v.trim();
  }
  const r = envSchema.safeParse(input);
  if (!r.success) {
    const lines = r.error.issues.map((i) => {
      const key = String(i.path[0] ?? '?');
      const shown = input[key] !== undefined ? `="${input[key]}"` : '';
      return `${key}${shown}: ${i.message}`;
    });
    throw new MunshiError('config', `invalid configuration: ${lines.join('; ')}`);
  }
  const missing = officialTransportProblems(r.data);
  if (missing.length) throw new MunshiError('config', `invalid configuration: ${missing.join('; ')}`);
  return deepFreeze(toConfig(r.data));
}

/**
 * The process environment with some variables set differently (a CLI flag such as --no-ai means
 * MUNSHI_LLM=off for that run), parsed like loadConfig.
 */
export function loadConfigWith(overrides: Partial<Record<(typeof CONFIG_KEYS)[number], string>>): Readonly<Config> {
  return loadConfig({ ...process.env, ...overrides });
}
