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
  /** Which rules read messages while the language layer replaces the old ones: v1 (old) or v2 (language layer). */
  MUNSHI_RULES: z.enum(['v1', 'v2']).default('v1'),
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
  MUNSHI_TRANSPORT: z.enum(['whatsapp', 'console']).default('whatsapp'),
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
  MUNSHI_SUMMARY_CHARTS: optional,
});

export type EnvInput = z.input<typeof envSchema>;
type Env = z.output<typeof envSchema>;

export interface Config {
  dataDir: string;
  dbFile: string;
  /** Owner defaults before a person changes their own settings in chat. */
  defaults: OwnerSettings;
  transport: 'whatsapp' | 'console';
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
  /** Which message rules run (MUNSHI_RULES): v1 the old rules, v2 the language layer. */
  rules: 'v1' | 'v2';
  /** The web page (MUNSHI_WEB, MUNSHI_WEB_PORT, MUNSHI_WEB_HOST, MUNSHI_WEB_URL). */
  web: { enabled: boolean; port: number; host: string; baseUrl: string | undefined; metricsToken: string | undefined };
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
    rules: e.MUNSHI_RULES,
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
    summaries: summaryConfig({ weekly: e.MUNSHI_WEEKLY_SUMMARY, monthly: e.MUNSHI_MONTHLY_SUMMARY, charts: e.MUNSHI_SUMMARY_CHARTS }),
    recurringAt: recordAtConfig(e.MUNSHI_RECURRING_AT),
    web: { enabled: e.MUNSHI_WEB, port: e.MUNSHI_WEB_PORT, host: e.MUNSHI_WEB_HOST, baseUrl: e.MUNSHI_WEB_URL?.replace(/\/$/, ''), metricsToken: e.MUNSHI_METRICS_TOKEN },
  };
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
  return deepFreeze(toConfig(r.data));
}

/**
 * The process environment with some variables set differently (a CLI flag such as --no-ai means
 * MUNSHI_LLM=off for that run), parsed like loadConfig.
 */
export function loadConfigWith(overrides: Partial<Record<(typeof CONFIG_KEYS)[number], string>>): Readonly<Config> {
  return loadConfig({ ...process.env, ...overrides });
}
