import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, loadConfig } from './config.js';
import fs from 'node:fs';

describe('loadConfig', () => {
  it('works with no environment at all', () => {
    const c = loadConfig({});
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.dbFile).toBe(path.join(path.resolve('./data'), 'munshi.db'));
    expect(c.defaults).toEqual({ timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 });
    expect(c.transport).toBe('whatsapp');
    expect(c.access.mode).toBe('self');
    expect(c.access.allowlist).toEqual([]);
    expect(c.whatsapp.chromiumPath).toBe('/usr/bin/chromium');
    expect(c.whatsapp.webVersion).toBeUndefined();
    expect(c.whatsapp.webVersionCache).toBe('local');
    expect(c.whatsapp.allowedHosts).toEqual(['whatsapp.com', '*.whatsapp.com', 'whatsapp.net', '*.whatsapp.net']);
    expect(c.maxMessageAgeMs).toBe(24 * 3_600_000);
    expect(c.whatsapp.watchdogMs).toBe(300_000);
    expect(c.whatsapp.restartMs).toBe(0);
  });

  it('reads and normalizes values', () => {
    const c = loadConfig({
      MUNSHI_DATA_DIR: '/tmp/munshi-x',
      MUNSHI_TZ: 'Europe/London',
      MUNSHI_CURRENCY: 'gbp',
      MUNSHI_LOCALE: 'en-GB',
      MUNSHI_DAY_FIRST: 'no',
      MUNSHI_WEEK_START: 'Sunday',
      MUNSHI_TRANSPORT: 'console',
      MUNSHI_ACCESS_MODE: 'allowlist',
      MUNSHI_ALLOWLIST: '+91 98123-45678, 447700900123',
      MUNSHI_LEDGER_MODE: 'household',
      MUNSHI_GROUP_PREFIX: 'Munshi',
      MUNSHI_PAIRING_PHONE: '+91 98123 45678',
      MUNSHI_WATCHDOG_SECONDS: '60',
      MUNSHI_RESTART_HOURS: '12',
    });
    expect(c.dbFile).toBe('/tmp/munshi-x/munshi.db');
    expect(c.whatsapp.sessionDir).toBe('/tmp/munshi-x/whatsapp-session');
    expect(c.whatsapp.qrPngFile).toBe('/tmp/munshi-x/pairing-qr.png');
    expect(c.defaults).toEqual({ timeZone: 'Europe/London', currency: 'GBP', locale: 'en-GB', dayFirst: false, weekStartsOn: 0 });
    expect(c.transport).toBe('console');
    expect(c.access).toEqual({
      mode: 'allowlist',
      allowlist: ['919812345678', '447700900123'],
      ledgerMode: 'household',
      householdOwner: 'me',
      groupPrefix: 'munshi',
    });
    expect(c.whatsapp.pairingPhone).toBe('919812345678');
    expect(c.whatsapp.watchdogMs).toBe(60_000);
    expect(c.whatsapp.restartMs).toBe(12 * 3_600_000);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ MUNSHI_TZ: '', MUNSHI_PAIRING_PHONE: ' ' }).defaults.timeZone).toBe('Asia/Kolkata');
  });

  it.each([
    ['MUNSHI_TZ', 'Mars/Olympus'],
    ['MUNSHI_CURRENCY', 'RUPEES'],
    ['MUNSHI_TRANSPORT', 'telegram'],
    ['MUNSHI_ACCESS_MODE', 'everyone'],
    ['MUNSHI_ALLOWLIST', '12'],
    ['MUNSHI_DAY_FIRST', 'maybe'],
    ['MUNSHI_WEEK_START', 'someday'],
    ['MUNSHI_WATCHDOG_SECONDS', '-5'],
    ['MUNSHI_WATCHDOG_SECONDS', 'soon'],
    ['MUNSHI_WWEB_VERSION', 'latest'],
    ['MUNSHI_WWEB_VERSION_URL', 'https://example.org/no-placeholder.html'],
    ['MUNSHI_CHROMIUM_ALLOWED_HOSTS', 'web.whatsapp.com, http://evil'],
    ['MUNSHI_LOG_LEVEL', 'loud'],
    ['OLLAMA_HOST', 'http://'],
    ['MUNSHI_LLM', 'sometimes'],
    ['MUNSHI_LLM_TIMEOUT_MS', 'soon'],
    ['MUNSHI_VECTORS', 'faiss'],
    ['MUNSHI_CONCEPT_MIN_SCORE', '2'],
    ['MUNSHI_WEEKLY_SUMMARY', 'someday 25:00'],
    ['MUNSHI_MONTHLY_SUMMARY', 'sun'],
    ['MUNSHI_RECURRING_AT', '9am'],
    ['MUNSHI_SUMMARY_CHARTS', 'maybe'],
    ['MUNSHI_WHISPER_MODEL', 'huge'],
    ['MUNSHI_WHISPER_LANGUAGE', 'hindi'],
    ['MUNSHI_RULES', 'v1'],
  ])('an invalid %s=%s names the variable', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(new RegExp(`${key}="${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
  });

  it('accepts the Ollama host forms the ollama CLI accepts, in one field', () => {
    expect(loadConfig({ OLLAMA_HOST: 'localhost:11434' }).llm.host).toBe('http://localhost:11434');
    expect(loadConfig({}).llm).toMatchObject({ enabled: true, host: 'http://127.0.0.1:11434' });
    expect(Object.keys(loadConfig({}))).not.toContain('ollama');
  });

  it('reads the schedules and voice settings the daemon wires', () => {
    const c = loadConfig({ MUNSHI_TZ: 'Europe/London', MUNSHI_WEEKLY_SUMMARY: 'off', MUNSHI_MONTHLY_SUMMARY: '2 08:30', MUNSHI_RECURRING_AT: '07:15', MUNSHI_SUMMARY_CHARTS: 'off', MUNSHI_SUMMARY_DEBTS: 'off', MUNSHI_WHISPER_MODEL: 'small', MUNSHI_WHISPER_LANGUAGE: 'hi' });
    expect(c.summaries).toEqual({ weekly: null, monthly: { every: 'month', day: 2, hour: 8, minute: 30 }, charts: false, debts: false });
    expect(c.recurringAt).toEqual({ hour: 7, minute: 15 });
    expect(c.voice).toMatchObject({ model: 'small', language: 'hi' });
    expect(loadConfig({}).summaries).toMatchObject({ weekly: { every: 'week', weekday: 0, hour: 20, minute: 0 }, charts: true, debts: true });
    expect(loadConfig({}).recurringAt).toEqual({ hour: 9, minute: 0 });
  });

  it('is frozen', () => {
    const c = loadConfig({});
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.access.allowlist)).toBe(true);
    expect(() => {
      (c as { transport: string }).transport = 'console';
    }).toThrow();
  });

  it('.env.example documents every key', () => {
    const example = fs.readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const missing = CONFIG_KEYS.filter((k) => !new RegExp(`^#?\\s*${k}=`, 'm').test(example));
    expect(missing).toEqual([]);
  });
});
