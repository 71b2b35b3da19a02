/**
 * Smoke test of the REAL whatsapp-web.js client on Debian's Chromium, on a machine that cannot
 * reach WhatsApp: start-up fails cleanly with "cannot reach WhatsApp Web, retrying in …", the
 * daemon keeps running, and SIGTERM stops it within 10 s leaving no Chromium behind.
 * Skipped when Chromium is not installed (CI installs it with apt-get install chromium).
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock/clock.js';
import { memoryLogger } from '../../src/logging/logger.js';
import { WhatsAppTransport } from '../../src/transport/whatsapp/adapter.js';
import { realClientFactory } from '../../src/transport/whatsapp/client.js';

const CHROMIUM = process.env.MUNSHI_CHROMIUM_PATH || '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const why = hasChromium ? '' : ` (skipped: no Chromium at ${CHROMIUM}; apt-get install chromium)`;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Chromium processes started for this data dir (its profile path is on their command line). */
function chromiumsFor(dir: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', `user-data-dir=${dir}`], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

async function until(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return cond();
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('real whatsapp-web.js client without network', () => {
  it.skipIf(!hasChromium)(`fails cleanly, retries, and stop() leaves no Chromium${why}`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-chromium-'));
    dirs.push(dir);
    const logger = memoryLogger();
    const t = new WhatsAppTransport({
      settings: {
        sessionDir: path.join(dir, 'whatsapp-session'),
        chromiumPath: CHROMIUM,
        headless: true,
        webVersion: '2.3000.1017054665',
        webVersionCache: 'none',
        webVersionUrl: 'https://example.invalid/{version}',
        webCacheDir: path.join(dir, 'wweb-cache'),
        pairingPhone: undefined,
      },
      access: { mode: 'self', allowlist: [], ledgerMode: 'per_person', householdOwner: 'me', groupPrefix: 'munshi' },
      factory: realClientFactory(),
      clock: systemClock,
      random: () => 0,
      logger,
      watchdogMs: 0,
      restartMs: 0,
      retryMaxMs: 1000,
      retryBaseMs: 500,
    });
    await t.start(async () => {});
    const failed = await until(() => logger.records.some((r) => /^cannot reach WhatsApp Web .*retrying in/.test(r.msg)), 45_000);
    expect(failed).toBe(true);
    // It keeps trying: a second attempt launches Chromium again.
    await until(() => logger.records.filter((r) => /^cannot reach WhatsApp Web/.test(r.msg)).length >= 2, 45_000);
    await until(() => chromiumsFor(dir).length > 0, 20_000);
    const started = Date.now();
    await t.stop();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await until(() => chromiumsFor(dir).length === 0, 2000)).toBe(true);
  }, 120_000);

  it.skipIf(!hasChromium)(`npm start keeps running offline and exits on SIGTERM within 10 s, leaving no Chromium${why}`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-daemon-'));
    dirs.push(dir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, MUNSHI_DATA_DIR: dir, MUNSHI_CHROMIUM_PATH: CHROMIUM, MUNSHI_RETRY_MAX_SECONDS: '2', MUNSHI_WWEB_CACHE: 'none', MUNSHI_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    let exited: number | null | undefined;
    const exit = new Promise<number | null>((r) => child.on('exit', (code) => r((exited = code))));
    try {
      expect(await until(() => /cannot reach WhatsApp Web .*retrying in \d+ s/.test(err), 60_000)).toBe(true);
      expect(exited).toBeUndefined();
      // Stop it while a Chromium is up (mid-attempt), the hardest moment.
      expect(await until(() => chromiumsFor(dir).length > 0, 30_000)).toBe(true);
      const started = Date.now();
      child.kill('SIGTERM');
      const code = await exit;
      const took = Date.now() - started;
      expect(code).toBe(0);
      expect(took).toBeLessThan(10_000);
      expect(await until(() => chromiumsFor(dir).length === 0, 1000)).toBe(true);
      const status = JSON.parse(fs.readFileSync(path.join(dir, 'status.json'), 'utf8'));
      expect(status).toMatchObject({ state: 'stopped', lastError: { message: expect.stringMatching(/cannot reach WhatsApp Web/) } });
      expect(err).toMatch(/munshi stopped/);
    } finally {
      if (exited === undefined) child.kill('SIGKILL');
      for (const pid of chromiumsFor(dir)) process.kill(Number(pid), 'SIGKILL');
    }
  }, 120_000);
});
