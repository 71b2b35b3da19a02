/**
 * Two writers on one ledger file (issue 17, item 2): two `chat` processes typing at once, and an
 * `import` while a `chat` runs, lose nothing ("Nothing new was recorded" / "database is locked"
 * before write transactions took the lock up front). And one daemon per data folder: a second
 * `npm start` on the same folder refuses with a clear message, and a kill -9 leaves no stale lock.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRepositories } from '../../src/app/repositories.js';

const root = path.resolve(import.meta.dirname, '../..');
const N = 150;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-writers-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, MUNSHI_DATA_DIR: dir, MUNSHI_LOG_LEVEL: 'error', MUNSHI_LLM: 'off' },
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
    p.stdin.end(input);
  });
}

describe('two writers on one ledger', () => {
  it(`two chat processes × ${N} messages: every one recorded`, async () => {
    const db = path.join(dir, 'munshi.db');
    // Create the file first, so both processes race on writes, not on creating it.
    await (await openRepositories(db)).close();
    const lines = (who: string) => Array.from({ length: N }, (_, i) => `${who} ${i + 1}`).join('\n') + '\n';
    const chat = (who: string) => cli(['chat', '--db', db, '--jsonl', '--no-ai', '--now', '2026-01-15T19:30:00', '--owner', 'me'], lines(who));
    const [a, b] = await Promise.all([chat('chai'), chat('coffee')]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const replies = [...a.stdout.trim().split('\n'), ...b.stdout.trim().split('\n')].map((l) => JSON.parse(l).replies[0] as string);
    expect(replies.filter((r) => !r.startsWith('✅'))).toEqual([]);
    const repos = await openRepositories(db);
    const rows = await repos.expenses.between({ owner: 'me' });
    await repos.close();
    expect(rows.filter((r) => r.item === 'chai')).toHaveLength(N);
    expect(rows.filter((r) => r.item === 'coffee')).toHaveLength(N);
  }, 120_000);

  it('an import while a chat process writes: both complete, nothing lost', async () => {
    const db = path.join(dir, 'munshi.db');
    await (await openRepositories(db)).close();
    const csv = ['date,amount,currency,category,item,merchant,note', ...Array.from({ length: 2000 }, (_, i) => `2026-01-${String(1 + (i % 28)).padStart(2, '0')},${i + 1},INR,food,bread ${i},,`)].join('\n') + '\n';
    const [imp, chat] = await Promise.all([
      cli(['import', '--db', db, '--format', 'csv', '--owner', 'me'], csv),
      cli(['chat', '--db', db, '--jsonl', '--no-ai', '--now', '2026-01-15T19:30:00', '--owner', 'me'], Array.from({ length: N }, (_, i) => `chai ${i + 1}`).join('\n') + '\n'),
    ]);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stderr).toMatch(/imported 2000\b/);
    expect(chat.code, chat.stderr).toBe(0);
    const repos = await openRepositories(db);
    expect(await repos.expenses.count('me')).toBe(2000 + N);
    await repos.close();
  }, 120_000);
});

describe('one daemon per data folder', () => {
  it('a second daemon on the same folder refuses, naming the first; after a kill -9 the folder is free again', async () => {
    const env = { ...process.env, MUNSHI_DATA_DIR: dir, MUNSHI_TRANSPORT: 'console', MUNSHI_LLM: 'off', MUNSHI_LOG_LEVEL: 'error', MUNSHI_WEEKLY_SUMMARY: 'off', MUNSHI_MONTHLY_SUMMARY: 'off' };
    const first = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      // Ready once it answers a message.
      await new Promise<void>((resolve, reject) => {
        let out = '';
        first.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          if (out.includes('✅')) resolve();
        });
        first.on('exit', (code) => reject(new Error(`first daemon exited (${code})`)));
        first.stdin.write('chai 20\n');
      });
      const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env, input: '', encoding: 'utf8', timeout: 30_000 });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`another munshi is already running on ${path.resolve(dir)}`);
      expect(second.stderr).toContain(`pid ${first.pid}`);
    } finally {
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
    }
    // The operating system dropped the lock with the process: a new daemon starts and answers.
    const third = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env, input: 'coffee 50\n', encoding: 'utf8', timeout: 30_000 });
    expect(third.stderr).not.toContain('already running');
    expect(third.stdout).toContain('✅');
    expect(third.status).toBe(0);
  }, 90_000);
});
