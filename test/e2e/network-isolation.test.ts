/**
 * Nothing leaves the box (docs/RELIABILITY.md). Runs munshi's real daemon, with the real
 * whatsapp-web.js client driving Debian's Chromium, inside a network namespace that has only
 * loopback and a logging DNS resolver (scripts/netcheck.sh), and fails when any host other than
 * WhatsApp's is looked up or any other address is contacted. Two controls show the check can fail:
 * a process that looks up and dials other hosts, and munshi itself with its guards lifted (the
 * third-party build archive, Chromium's resolver unrestricted).
 *
 * Needs root (namespaces), strace and iproute2 (scripts/setup.sh installs them) and Chromium; the
 * tests skip saying exactly which is missing. MUNSHI_NETCHECK_SECONDS sets how long the daemon
 * runs (default 45; `scripts/netcheck.sh` alone runs `npm start` for 3 minutes).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { realClientFactory, type ClientSettings } from '../../src/transport/whatsapp/client.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.MUNSHI_CHROMIUM_PATH || '/usr/bin/chromium';
const SECONDS = Number(process.env.MUNSHI_NETCHECK_SECONDS) || 45;

const probe = spawnSync('bash', [path.join(root, 'scripts/netcheck.sh'), '--check'], { encoding: 'utf8' });
const netcheckWhy = probe.status === 0 ? '' : (probe.stderr || probe.stdout || `netcheck --check exited ${probe.status}`).trim();
const chromiumWhy = fs.existsSync(CHROMIUM) ? '' : `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
const skipNet = netcheckWhy ? ` (skipped: ${netcheckWhy})` : '';
const skipBoth = netcheckWhy || chromiumWhy ? ` (skipped: ${netcheckWhy || chromiumWhy})` : '';

interface Report {
  ok: boolean;
  violations: string[];
  chromiumLaunches: number;
  timedOut: boolean;
  lookups: { name: string; count: number; allowed: boolean }[];
  contacts: { kind: string; proto: string; address: string; port: number; allowed: boolean; why: string }[];
  probeDatagrams: number;
  commandOutputTail: string;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-net-'));
  dirs.push(d);
  return d;
}

/**
 * Runs scripts/netcheck.sh on a command; resolves with its exit code, output and JSON report.
 * Exit 4 (strace itself failed midway, a rare ptrace race while Chromium's processes exit) is
 * inconclusive, not a result: the run is repeated once.
 */
async function netcheck(seconds: number, command: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string; report: Report }> {
  const first = await netcheckOnce(seconds, command, env);
  return first.code === 4 ? netcheckOnce(seconds, command, env) : first;
}

function netcheckOnce(seconds: number, command: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; report: Report }> {
  const dir = tempDir();
  const reportFile = path.join(dir, 'report.json');
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(root, 'scripts/netcheck.sh'), '-t', String(seconds), '-o', reportFile, '--', ...command], {
      cwd: root,
      // undefined removes a variable (see daemon()).
      env: Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve({ code, out, report: JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report });
      } catch (err) {
        reject(new Error(`netcheck wrote no report (exit ${code}): ${out}`, { cause: err }));
      }
    });
  });
}

/**
 * The README's `npm start` on a fresh data dir, retrying WhatsApp often. A fresh HOME and none of
 * the npm_config_* variables an outer `npm test` exports, as on a new machine: npm's own update
 * check would show up here (the repository's .npmrc turns it off).
 */
function daemon(dataDir: string, env: NodeJS.ProcessEnv = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).map(([k, v]) => [k, /^npm_config_/i.test(k) ? undefined : v]));
  const home = path.join(dataDir, 'home');
  fs.mkdirSync(home, { recursive: true });
  return {
    command: ['npm', 'start'],
    env: { ...clean, HOME: home, MUNSHI_DATA_DIR: dataDir, MUNSHI_CHROMIUM_PATH: CHROMIUM, MUNSHI_RETRY_MAX_SECONDS: '6', MUNSHI_LOG_LEVEL: 'info', ...env },
  };
}

describe('network isolation check', () => {
  it.skipIf(Boolean(netcheckWhy))(`fails on a lookup, a connect or a datagram outside WhatsApp${skipNet}`, async () => {
    const script = `
      const dns = require('dns'), net = require('net'), dgram = require('dgram');
      dns.lookup('web.whatsapp.com', () => {});
      dns.lookup('example.org', () => {});
      net.connect(443, '203.0.113.9').on('error', () => {});
      const u = dgram.createSocket('udp6');
      u.send(Buffer.from('hi'), 443, '2001:4860:4860::8888', () => u.close());
      setTimeout(() => {}, 1500);`;
    const { code, report, out } = await netcheck(3, [process.execPath, '-e', script]);
    expect(code, out).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.lookups.find((l) => l.name === 'web.whatsapp.com')).toMatchObject({ allowed: true });
    expect(report.violations).toEqual(
      expect.arrayContaining([expect.stringMatching(/^looked up example\.org/), expect.stringMatching(/^connect TCP 203\.0\.113\.9:443/), expect.stringMatching(/datagram\(s\) sent to 2001:4860:4860::8888/)]),
    );
    expect(out).toMatch(/FAIL example\.org/);
  }, 60_000);

  it.skipIf(Boolean(netcheckWhy || chromiumWhy))(`npm start (munshi's real WhatsApp launch path) asks for no host but WhatsApp's${skipBoth}`, async () => {
    const d = daemon(tempDir());
    const { code, report, out } = await netcheck(SECONDS, d.command, d.env);
    // It really ran the launch path, several times: Chromium started and tried web.whatsapp.com.
    expect(report.timedOut, report.commandOutputTail).toBe(true);
    expect(report.chromiumLaunches).toBeGreaterThanOrEqual(2);
    expect(report.lookups.find((l) => l.name === 'web.whatsapp.com')?.count ?? 0).toBeGreaterThanOrEqual(2);
    expect(report.commandOutputTail).toMatch(/cannot reach WhatsApp Web/);
    // And nothing else: no build archive, no Google service, no public address.
    expect(report.violations, out).toEqual([]);
    expect(code, out).toBe(0);
    expect(report.lookups.map((l) => l.name).filter((n) => !/(^|\.)whatsapp\.(com|net)$/.test(n))).toEqual([]);
    expect(report.probeDatagrams).toBe(0);
  }, (2 * SECONDS + 90) * 1000);

  it.skipIf(Boolean(netcheckWhy || chromiumWhy))(`catches what munshi's guards prevent when they are lifted${skipBoth}`, async () => {
    // The opt-in archive download and an unrestricted Chromium resolver: the two ways out the
    // default configuration closes. The check must see both.
    const d = daemon(tempDir(), { MUNSHI_WWEB_CACHE: 'remote', MUNSHI_CHROMIUM_ALLOWED_HOSTS: '*' });
    const { code, report } = await netcheck(12, d.command, d.env);
    expect(code).toBe(1);
    const names = report.lookups.filter((l) => !l.allowed).map((l) => l.name);
    expect(names).toContain('raw.githubusercontent.com');
    expect(names.some((n) => n.endsWith('.googleapis.com') || n.endsWith('.google.com'))).toBe(true);
  }, 120_000);
});

describe('the kept WhatsApp Web build', () => {
  it.skipIf(Boolean(chromiumWhy))(`is what Chromium loads for web.whatsapp.com, from the data dir${chromiumWhy ? ` (skipped: ${chromiumWhy})` : ''}`, async () => {
    const dir = tempDir();
    const cache = path.join(dir, 'wweb-cache');
    fs.mkdirSync(cache);
    // A stand-in page: it defines window.Debug.VERSION like WhatsApp Web does, so the library gets
    // past its wait, and then fails when it injects itself (no WhatsApp modules here).
    fs.writeFileSync(path.join(cache, '2.3000.424242.html'), '<html><head><title>munshi kept build</title><script>window.Debug = { VERSION: "2.3000.424242" };</script></head><body></body></html>');
    const settings: ClientSettings = {
      sessionDir: path.join(dir, 'session'),
      chromiumPath: CHROMIUM,
      headless: true,
      webVersion: undefined,
      webVersionCache: 'local',
      webVersionUrl: 'https://example.invalid/{version}.html',
      webCacheDir: cache,
      pairingPhone: undefined,
    };
    const factory = realClientFactory();
    expect(await factory.prepare!(settings)).toMatch(/running WhatsApp Web 2\.3000\.424242, the build WhatsApp served when munshi last linked/);
    const client = factory.create(settings);
    try {
      await expect(client.initialize()).rejects.toBeDefined();
      // The live page is titled "WhatsApp"; this one can only have come from the kept file.
      const page = (client as unknown as { pupPage: { title(): Promise<string>; url(): string } }).pupPage;
      expect(page.url()).toBe('https://web.whatsapp.com/');
      expect(await page.title()).toBe('munshi kept build');
    } finally {
      await client.destroy().catch(() => {});
    }
  }, 60_000);
});
