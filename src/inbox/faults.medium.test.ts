/**
 * Storage faults (issue 17, item 3): a full disk stored 3 of 300 messages, answered none and stayed
 * wedged after space was freed. Now, through the real pipeline, bot and SQLite ledger:
 * - a full ledger (SQLite's max_page_count caps the file: SQLITE_FULL, every run) and a really full
 *   disk (a 16 MiB tmpfs filled up: ENOSPC; needs root to mount, else skipped saying so): every
 *   message is kept, the owner gets one honest reply, and once space returns every message is
 *   recorded exactly once and answered, by itself;
 * - read-only and I/O errors are recognised the same way (SQLite's codes, from the inbox port);
 * - a message whose processing a fault interrupted is not given up after three tries.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryRepositories, openRepositories, type Repositories } from '../app/repositories.js';
import { createBot } from '../bot/bot.js';
import { FakeClock } from '../clock/clock.js';
import { storageFaultOf } from '../core/errors.js';
import type { InboundMessage, OwnerSettings } from '../core/types.js';
import type { SqliteStore } from '../ledger/sqlite/open.js';
import { memoryLogger } from '../logging/logger.js';
import { createPipeline, STORAGE_FAULT_REPLIES, type Pipeline, type Sender } from './pipeline.js';
import type { InboxRepository } from './port.js';

const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const N = 300;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-faults-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function recordingSender(): Sender & { sent: { chatId: string; text: string }[] } {
  const sent: { chatId: string; text: string }[] = [];
  return {
    sent,
    async sendText(chatId, text) {
      sent.push({ chatId, text });
      return { id: `out-${sent.length}` };
    },
    async sendImage(chatId, _png, caption) {
      sent.push({ chatId, text: caption ?? '' });
      return { id: `out-${sent.length}` };
    },
  };
}

function appliance(repos: Repositories, inbox: InboxRepository = repos.inbox) {
  const clock = new FakeClock(new Date('2026-01-15T14:00:00Z'));
  const bot = createBot({ expenses: repos.expenses, preferences: repos.preferences, queries: repos.queries, clock, defaults: settings });
  const sender = recordingSender();
  const logger = memoryLogger();
  const pipeline = createPipeline({ inbox, bot, sender, clock, logger, maxAgeMs: 0, faultRetryMs: { min: 20, max: 200 } });
  const msg = (i: number): InboundMessage => ({ id: `wa:${i}`, chatId: 'self', senderId: 'me', owner: 'me', text: `chai ${i}`, timestamp: clock.now() });
  return { pipeline, sender, logger, msg };
}

async function until(cond: () => Promise<boolean> | boolean, ms = 30_000, state?: () => Promise<unknown>): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting${state ? `: ${JSON.stringify(await state())}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Every message recorded exactly once with its own amount, each answered with one ✅, one fault reply. */
async function expectAllRecorded(repos: Repositories, sender: ReturnType<typeof recordingSender>, pipeline: Pipeline, logs?: { records: unknown[] }) {
  await until(
    async () => (await repos.expenses.count('me')) === N && (await repos.inbox.stats()).done === N,
    30_000,
    async () => ({ count: await repos.expenses.count('me'), stats: await repos.inbox.stats(), logs: logs?.records.slice(-3) }),
  );
  await pipeline.drain();
  const rows = await repos.expenses.between({ owner: 'me' });
  expect(rows.map((r) => r.amountMinor).sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => (i + 1) * 100));
  const ok = sender.sent.filter((s) => s.text.startsWith('✅'));
  expect(ok).toHaveLength(N);
  expect(sender.sent.filter((s) => s.text === STORAGE_FAULT_REPLIES.full)).toHaveLength(1);
  expect((await repos.inbox.stats()).failed).toBe(0);
}

describe('a full ledger (SQLITE_FULL via max_page_count)', () => {
  it(`${N} messages: all kept, one honest reply, all recorded once space returns`, async () => {
    const repos = await openRepositories(path.join(dir, 'munshi.db'));
    const store = (repos as Repositories & { store: SqliteStore }).store;
    const { pipeline, sender, logger, msg } = appliance(repos);
    // SQLite raises the cap to the file's current size: the free space inside its pages, then none.
    store.limitPages(1);
    for (let i = 1; i <= N; i++) await pipeline.accept(msg(i));
    await new Promise((r) => setTimeout(r, 300));
    expect(sender.sent.filter((s) => s.text === STORAGE_FAULT_REPLIES.full)).toHaveLength(1);
    expect(await repos.expenses.count('me')).toBeLessThan(N);
    expect(logger.records.some((r) => /disk refused a write/.test(String(r.msg)))).toBe(true);
    // Space returns: nothing else to do.
    store.limitPages(null);
    await expectAllRecorded(repos, sender, pipeline);
    await pipeline.stop();
    await repos.close();
  }, 60_000);
});

// A real full disk: a 16 MiB tmpfs, filled to the last byte.
let canMount = false;
try {
  if (process.getuid?.() === 0) {
    const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-mount-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    fs.rmdirSync(probe);
    canMount = true;
  }
} catch {
  canMount = false;
}

describe.skipIf(!canMount)('a really full disk (ENOSPC on a small tmpfs; needs root to mount one)', () => {
  let mnt: string;
  beforeEach(() => {
    mnt = path.join(dir, 'mnt');
    fs.mkdirSync(mnt);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mnt]);
  });
  afterEach(() => {
    execFileSync('umount', ['-l', mnt]);
  });

  it(`${N} messages: all kept, one honest reply, all recorded once space is freed`, async () => {
    const repos = await openRepositories(path.join(mnt, 'munshi.db'));
    const { pipeline, sender, msg, logger } = appliance(repos);
    for (let i = 1; i <= 3; i++) await pipeline.accept(msg(i));
    await pipeline.drain();
    // Fill the disk.
    const filler = path.join(mnt, 'filler');
    const fd = fs.openSync(filler, 'w');
    const block = Buffer.alloc(4096, 1);
    try {
      for (;;) fs.writeSync(fd, block);
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      fs.closeSync(fd);
    }
    for (let i = 4; i <= N; i++) await pipeline.accept(msg(i));
    await new Promise((r) => setTimeout(r, 300));
    expect(sender.sent.filter((s) => s.text === STORAGE_FAULT_REPLIES.full)).toHaveLength(1);
    expect(await repos.expenses.count('me')).toBeLessThan(N);
    fs.rmSync(filler);
    await expectAllRecorded(repos, sender, pipeline, logger);
    await pipeline.stop();
    await repos.close();
  }, 60_000);
});

describe('read-only and I/O errors', () => {
  it.each([
    ['SQLITE_READONLY', 'readonly'],
    ['SQLITE_IOERR_WRITE', 'io'],
    ['SQLITE_BUSY', 'busy'],
  ] as const)('%s: kept, one reply saying what happened, recorded when writes work again', async (code, kind) => {
    const repos = memoryRepositories();
    let failing = true;
    const err = () => Object.assign(new Error(`${code}: simulated`), { code });
    // The inbox port as the disk would make it fail: its writes throw SQLite's error code.
    const inbox: InboxRepository = Object.create(repos.inbox, {
      insert: { value: (...a: Parameters<InboxRepository['insert']>) => (failing ? Promise.reject(err()) : repos.inbox.insert(...a)) },
      claim: { value: (...a: Parameters<InboxRepository['claim']>) => (failing ? Promise.reject(err()) : repos.inbox.claim(...a)) },
    });
    expect(storageFaultOf(err())).toBe(kind);
    const { pipeline, sender, msg } = appliance(repos, inbox);
    for (let i = 1; i <= 5; i++) expect(await pipeline.accept(msg(i))).toBe('held');
    await new Promise((r) => setTimeout(r, 100));
    expect(sender.sent.map((s) => s.text)).toEqual([STORAGE_FAULT_REPLIES[kind]]);
    failing = false;
    await until(async () => (await repos.expenses.count('me')) === 5);
    await pipeline.drain();
    // In arrival order.
    expect(sender.sent.slice(1).map((s) => s.text.match(/₹\d+/)?.[0])).toEqual(['₹1', '₹2', '₹3', '₹4', '₹5']);
    await pipeline.stop();
  });

  it('a fault while processing does not use up the message’s attempts', async () => {
    const repos = memoryRepositories();
    let fails = 6;
    const inbox: InboxRepository = Object.create(repos.inbox, {
      saveReplies: {
        value: (...a: Parameters<InboxRepository['saveReplies']>) =>
          fails-- > 0 ? Promise.reject(Object.assign(new Error('SQLITE_FULL: database or disk is full'), { code: 'SQLITE_FULL' })) : repos.inbox.saveReplies(...a),
      },
    });
    const { pipeline, sender, msg } = appliance(repos, inbox);
    await pipeline.accept(msg(7));
    await until(async () => (await repos.inbox.get('wa:7'))?.status === 'done');
    expect(await repos.expenses.count('me')).toBe(1);
    expect(sender.sent.at(-1)!.text).toMatch(/^✅ ₹7/);
    await pipeline.stop();
  });
});
