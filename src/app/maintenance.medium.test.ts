/**
 * Backups, damaged ledgers and retention (issue 17, items 3 and 4), on real SQLite files:
 * - the daily job takes an online backup (checked with quick_check), once a day, keeping N days;
 * - `cli restore` puts a backup back (refusing while munshi runs, keeping the replaced file);
 * - a ledger with damaged pages or a damaged header, or an empty file while backups exist, is
 *   refused at start with a message naming the newest backup and the restore command;
 * - a damage found by the daily check is reported to the owner once per run;
 * - inbox and outbox are pruned after the window (unfinished messages and each owner's newest kept),
 *   a sent chart's bytes are dropped, and old chart files are removed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/clock.js';
import { LedgerUnusableError } from '../core/errors.js';
import type { ExpenseDraft } from '../core/types.js';
import { listBackupFiles } from '../ledger/backups.js';
import { acquireInstanceLock } from '../ledger/sqlite/open.js';
import { RecordingNotifier } from '../scheduler/notifier.js';
import { maintenanceJob, type MaintenanceDeps, type MaintenanceReport } from './maintenance.js';
import { openRepositories, type Repositories } from './repositories.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const draft = (i: number): ExpenseDraft => ({ amountMinor: 100 * i, currency: 'INR', category: 'food', detail: null, item: `chai ${i}`, merchant: null, note: null, date: '2026-01-15' });

let dir: string;
let backupDir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-upkeep-'));
  backupDir = path.join(dir, 'backups');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function ledgerWith(n: number, file = path.join(dir, 'munshi.db')): Promise<Repositories> {
  const repos = await openRepositories(file, { backupDir });
  for (let i = 1; i <= n; i++) await repos.expenses.record([draft(i)], { owner: 'me', source: 'text', messageId: `m${i}`, now: '2026-01-15T10:00:00Z' });
  return repos;
}

function job(repos: Repositories, clock: FakeClock, over: Partial<MaintenanceDeps> = {}) {
  const j = maintenanceJob({
    ledgerFile: repos.ledgerFile,
    inbox: repos.inbox,
    expenses: repos.expenses,
    clock,
    config: { backupDir, backupDays: 3, keepMessagesDays: 30, chartsDir: path.join(dir, 'charts'), at: { hour: 3, minute: 30 } },
    ...over,
  });
  return () => j.run({ now: clock.now(), timeZone: 'Asia/Kolkata', once: async () => 'ran' as never }) as Promise<MaintenanceReport>;
}

function cli(args: string[]): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, MUNSHI_DATA_DIR: dir, MUNSHI_LOG_LEVEL: 'error' },
    timeout: 60_000,
  });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('backups', () => {
  it('one checked online backup a day, N days kept; restore puts one back', async () => {
    const repos = await ledgerWith(5);
    const clock = new FakeClock(new Date('2026-01-15T22:00:00Z')); // 16 Jan in India
    const run = job(repos, clock);
    const first = await run();
    expect(first.backup).toBe(path.join(backupDir, 'munshi-2026-01-16.db'));
    expect((await run()).backup).toBeNull(); // once a day
    for (let d = 0; d < 4; d++) {
      clock.advance(86_400_000);
      await repos.expenses.record([draft(100 + d)], { owner: 'me', source: 'text', messageId: `later${d}`, now: clock.now().toISOString() });
      await run();
    }
    expect(listBackupFiles(backupDir).map((b) => b.day)).toEqual(['2026-01-20', '2026-01-19', '2026-01-18']);
    await repos.close();

    // Restore the oldest kept backup (7 expenses then) over the current ledger (9).
    const from = path.join(backupDir, 'munshi-2026-01-18.db');
    const r = cli(['restore', '--from', from]);
    expect(r.stderr).toContain('7 expenses');
    expect(r.stderr).toMatch(/kept as .*munshi\.db\.before-restore-/);
    expect(r.status).toBe(0);
    const back = await openRepositories(path.join(dir, 'munshi.db'));
    expect(await back.expenses.count()).toBe(7);
    await back.close();
    const aside = fs.readdirSync(dir).find((f) => f.startsWith('munshi.db.before-restore-') && !f.endsWith('-wal') && !f.endsWith('-shm'));
    const old = await openRepositories(path.join(dir, aside!));
    expect(await old.expenses.count()).toBe(9);
    await old.close();
  }, 90_000);

  it('restore refuses while munshi runs, and refuses a damaged backup', async () => {
    const repos = await ledgerWith(2);
    await job(repos, new FakeClock(new Date('2026-01-15T10:00:00Z')))();
    await repos.close();
    const [b] = listBackupFiles(backupDir);
    const lock = acquireInstanceLock(dir);
    try {
      const r = cli(['restore', '--from', b!.file]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('stop it first');
    } finally {
      if ('release' in lock) lock.release();
    }
    const bad = path.join(dir, 'bad.db');
    fs.writeFileSync(bad, 'this is not a ledger at all, just some text'.repeat(200));
    const r = cli(['restore', '--from', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('not a sound ledger');
  }, 90_000);
});

describe('a damaged or empty ledger at start', () => {
  async function withBackup(): Promise<string> {
    const repos = await ledgerWith(300);
    await job(repos, new FakeClock(new Date('2026-01-15T10:00:00Z')))();
    await repos.close();
    return repos.location;
  }

  it('damaged pages: refused, naming the newest backup and the restore command', async () => {
    const file = await withBackup();
    const buf = fs.readFileSync(file);
    // Scribble over a page in the middle of the file (not the header).
    buf.fill(0x5a, 4096 * 3, 4096 * 3 + 2048);
    fs.writeFileSync(file, buf);
    const err = await openRepositories(file, { backupDir }).then(
      (r) => r.close().then(() => null),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LedgerUnusableError);
    expect(String((err as Error).message)).toMatch(/is damaged/);
    expect(String((err as Error).message)).toContain(`npm run cli -- restore --from ${path.join(backupDir, 'munshi-2026-01-15.db')}`);
  });

  it('a damaged header: refused with the same advice, no stack trace', async () => {
    const file = await withBackup();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0);
    fs.closeSync(fd);
    await expect(openRepositories(file, { backupDir })).rejects.toThrow(/damaged[\s\S]*restore --from/);
    // The daemon prints just that message.
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      encoding: 'utf8',
      input: '',
      env: { ...process.env, MUNSHI_DATA_DIR: dir, MUNSHI_TRANSPORT: 'console', MUNSHI_LLM: 'off', MUNSHI_LOG_LEVEL: 'error' },
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^munshi: The ledger .* is damaged/);
    expect(r.stderr).toContain('restore --from');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('a zero-length file is not silently a new ledger when backups exist', async () => {
    const file = await withBackup();
    fs.writeFileSync(file, '');
    fs.rmSync(`${file}-wal`, { force: true });
    await expect(openRepositories(file, { backupDir })).rejects.toThrow(/empty \(0 bytes\), but backups exist[\s\S]*restore --from/);
    expect(fs.statSync(file).size).toBe(0);
    // Without backups, an empty file is how a new ledger starts.
    fs.rmSync(backupDir, { recursive: true });
    const fresh = await openRepositories(file, { backupDir });
    expect(await fresh.expenses.count()).toBe(0);
    await fresh.close();
  });

  it('a damage found by the daily check is reported to the owners, and no backup is taken of it', async () => {
    const repos = await ledgerWith(3);
    const notifier = new RecordingNotifier();
    const clock = new FakeClock(new Date('2026-01-15T10:00:00Z'));
    await job(repos, clock)(); // a good backup first
    const problems: string[] = [];
    const run = job(repos, clock, {
      notifier,
      onProblem: (t) => problems.push(t),
      // The file as SQLite's check would find it after a disk error: the real file, a failing check.
      ledgerFile: { ...repos.ledgerFile!, quickCheck: async () => ['*** in database main ***\nPage 7: btreeInitPage() returns error code 11'] },
    });
    clock.advance(86_400_000);
    const r = await run();
    expect(r.damaged).toHaveLength(1);
    expect(r.backup).toBeNull();
    expect(notifier.sent).toHaveLength(1);
    expect(notifier.sent[0]!.to.owner).toBe('me');
    expect(notifier.sent[0]!.reply.text).toContain(`npm run cli -- restore --from ${path.join(backupDir, 'munshi-2026-01-15.db')}`);
    expect(problems).toHaveLength(1);
    await repos.close();
  });
});

describe('retention', () => {
  it('prunes finished messages and sent replies after the window; keeps unfinished ones, unsent replies and each owner’s newest', async () => {
    const repos = await ledgerWith(0);
    const clock = new FakeClock(new Date('2026-01-01T10:00:00Z'));
    const at = () => clock.now().toISOString();
    const png = Buffer.alloc(50_000, 1);
    for (let i = 1; i <= 10; i++) {
      const id = `old${i}`;
      await repos.inbox.insert({ id, chatId: 'self', senderId: 'me', owner: 'me', text: `chai ${i}`, timestamp: clock.now() }, at());
      await repos.inbox.claim(id, at());
      await repos.inbox.saveReplies(id, 'self', [{ text: `✅ ${i}`, image: { png } }], at());
      const [o] = await repos.inbox.unsent(id);
      await repos.inbox.markSent(o!.id, `t${i}`, at());
      await repos.inbox.finish(id, 'done', at());
    }
    await repos.inbox.insert({ id: 'stuck', chatId: 'self', senderId: 'me', owner: 'me', text: 'never finished', timestamp: clock.now() }, at());
    const unsent = await repos.inbox.addOutbound(null, 'self', { text: 'a summary not sent yet' }, at());
    // Sent charts keep no bytes.
    const store = (repos as Repositories & { store: { db: import('kysely').Kysely<any> } }).store;
    const withImage = await store.db.selectFrom('outbox').select('id').where('image', 'is not', null).execute();
    expect(withImage).toHaveLength(0);

    fs.mkdirSync(path.join(dir, 'charts'));
    fs.writeFileSync(path.join(dir, 'charts', 'old.png'), png);
    fs.utimesSync(path.join(dir, 'charts', 'old.png'), new Date('2025-12-01'), new Date('2025-12-01'));
    fs.writeFileSync(path.join(dir, 'charts', 'new.png'), png);

    clock.advance(31 * 86_400_000);
    await repos.inbox.insert({ id: 'recent', chatId: 'self', senderId: 'me', owner: 'me', text: 'coffee 50', timestamp: clock.now() }, at());
    const r = await job(repos, clock, { ledgerFile: null })();
    expect(r.messagesPruned).toBe(10);
    expect(r.repliesPruned).toBe(10);
    expect(r.chartsRemoved).toBe(1);
    expect(fs.readdirSync(path.join(dir, 'charts'))).toEqual(['new.png']);
    expect((await repos.inbox.unfinished()).map((e) => e.id)).toEqual(['stuck', 'recent']);
    expect((await repos.inbox.unsent(null)).map((o) => o.id)).toEqual([unsent.id]);
    expect(await repos.inbox.lastChatOf('me')).toBe('self');
    await repos.close();
  });
});
