/**
 * The production build as it is run: `npm run build` output under plain node, and `npm start`
 * with a stop signal sent to npm (what a service manager or Ctrl-C does). The daemon must answer,
 * and a SIGTERM to npm must stop munshi itself, not leave it running without a parent.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-compiled-'));
/** Processes this file started, stopped by pid if a failed assertion left them running. */
const started: number[] = [];
afterAll(() => {
  for (const pid of started) if (alive(pid)) process.kill(pid, 'SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeAll(() => {
  // CI's setup built it already; a developer's edit since then is rebuilt here.
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}, 120_000);

const alive = (pid: number) => fs.existsSync(`/proc/${pid}`) && !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));

async function waitFor(pred: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (pred()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return pred();
}

/** Lines of a child's stream, and a way to wait for one that matches. */
function lines(stream: NodeJS.ReadableStream) {
  const seen: string[] = [];
  const waiters: { re: RegExp; resolve(l: string): void }[] = [];
  createInterface({ input: stream }).on('line', (l) => {
    seen.push(l);
    for (const w of [...waiters]) if (w.re.test(l)) waiters.splice(waiters.indexOf(w), 1), w.resolve(l);
  });
  return {
    seen,
    next: (re: RegExp, ms = 20_000) =>
      new Promise<string>((resolve, reject) => {
        const hit = seen.find((l) => re.test(l));
        if (hit) return resolve(hit);
        waiters.push({ re, resolve });
        setTimeout(() => reject(new Error(`no line matching ${re} within ${ms} ms; saw:\n${seen.join('\n')}`)), ms).unref();
      }),
  };
}

const env = (data: string, more: Record<string, string> = { MUNSHI_WEB: 'off' }) => ({ PATH: process.env.PATH, HOME: process.env.HOME, MUNSHI_DATA_DIR: data, MUNSHI_TRANSPORT: 'console', MUNSHI_LLM: 'off', MUNSHI_LOG_LEVEL: 'info', ...more });

describe('the compiled daemon', () => {
  it('answers under plain node, serves the web page, and stops cleanly on SIGTERM', async () => {
    const child: ChildProcess = spawn(process.execPath, ['--optimize-for-size', 'dist/main.js'], { cwd: root, env: env(path.join(dir, 'node'), { MUNSHI_WEB_PORT: '0', MUNSHI_WEB_HOST: '127.0.0.1' }), stdio: ['pipe', 'pipe', 'pipe'] });
    started.push(child.pid!);
    const out = lines(child.stdout!);
    const err = lines(child.stderr!);
    child.stdin!.write('chai 20\n');
    expect(await out.next(/^munshi › ✅/)).toBe('munshi › ✅ ₹20 · Food › Tea · today');
    // The first start sends a sign-in code to the chat (here the console), and the page answers.
    expect(await out.next(/^munshi › 🔐/)).toMatch(/\/login\/link\?t=/);
    expect(await out.next(/enter code/)).toMatch(/code \*\d{6}\*/);
    const url = (JSON.parse(await err.next(/"web page on /)) as { url: string }).url;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/`)).status).toBe(401);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(0);
    expect(err.seen.some((l) => l.includes('"munshi stopped"'))).toBe(true);
  });

  it('`npm start` passes a SIGTERM on to munshi, which stops instead of running on alone', async () => {
    const npm = spawn('npm', ['start'], { cwd: root, env: env(path.join(dir, 'npm')), stdio: ['pipe', 'pipe', 'pipe'] });
    const err = lines(npm.stderr!);
    const startedLine = await err.next(/"munshi starting"/);
    const pid = (JSON.parse(startedLine) as { pid: number }).pid;
    started.push(npm.pid!, pid);
    expect(pid).not.toBe(npm.pid);
    // npm → node directly: nothing (sh, tsx) in between to swallow the signal.
    const ppid = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
    expect(ppid).toBe(npm.pid);
    npm.kill('SIGTERM');
    expect(await waitFor(() => !alive(pid), 10_000)).toBe(true);
    await err.next(/"munshi stopped"/, 2000);
  });
});
