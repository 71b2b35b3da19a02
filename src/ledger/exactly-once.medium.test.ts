/**
 * Exactly once under faults (issue 17, item 1), on real SQLite files in temp dirs: migrations that
 * are interrupted leave the file as it was and run again; the inbox replays in arrival order (not
 * text-id order); a command replayed after a crash between its change and its reply does not act
 * twice (an undo never removes a second, unrelated expense).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryRepositories, openRepositories, type Repositories } from '../app/repositories.js';
import { migrations } from '../app/migrations.js';
import { createBot } from '../bot/bot.js';
import { FakeClock } from '../clock/clock.js';
import type { ExpenseDraft, InboundMessage, OwnerSettings } from '../core/types.js';
import { createPipeline, type Sender } from '../inbox/pipeline.js';
import type { InboxRepository } from '../inbox/port.js';
import { memoryLogger } from '../logging/logger.js';
import { openSqliteStore, type SqliteMigration } from './sqlite/open.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const draft = (over: Partial<ExpenseDraft> = {}): ExpenseDraft => ({
  amountMinor: 2000, currency: 'INR', category: 'food', detail: 'tea', item: 'chai', merchant: null, note: null, date: '2026-01-15', ...over,
});
const meta = (messageId: string | null) => ({ owner: 'me', source: 'text' as const, messageId, now: '2026-01-15T14:00:00.000Z' });
const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-once-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  it('an interrupted migration leaves the file as it was, and the next start applies it', async () => {
    const file = path.join(dir, 'munshi.db');
    const broken: Record<string, SqliteMigration> = {
      ...migrations,
      // Creates its table, then fails half-way (as a full disk or a bug would).
      '0099_half': {
        async up(db) {
          await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
          throw new Error('interrupted');
        },
      },
    };
    await expect(openSqliteStore(file, broken)).rejects.toThrow(/0099_half: interrupted/);
    const fixed: Record<string, SqliteMigration> = {
      ...migrations,
      '0099_half': { up: async (db) => void (await db.schema.createTable('half_done').addColumn('id', 'integer').execute()) },
    };
    // Before: "table half_done already exists" and a ledger that never started again.
    const store = await openSqliteStore(file, fixed);
    const names = await sql<{ name: string }>`select name from kysely_migration where name = '0099_half'`.execute(store.db);
    expect(names.rows).toHaveLength(1);
    await store.close();
  });

  it('a kill -9 in the middle of a migration leaves nothing half-made', async () => {
    const file = path.join(dir, 'munshi.db');
    // A child process starts a slow migration (table created, then it waits) and is killed -9.
    const script = `
      const { openSqliteStore } = await import(${JSON.stringify(path.join(root, 'src/ledger/sqlite/open.ts'))});
      await openSqliteStore(${JSON.stringify(file)}, { '0001_slow': { async up(db) {
        await db.schema.createTable('inbox').addColumn('id', 'text').execute();
        process.stdout.write('created\\n');
        await new Promise(() => {});
      } } });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => b.toString().includes('created') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const repos = await openRepositories(file);
    expect(await repos.inbox.insert({ id: 'm1', chatId: 'c', senderId: 'me', text: 'chai 20', timestamp: new Date() }, new Date().toISOString())).toBe(true);
    await repos.close();
  }, 30_000);
});

describe.each([
  ['sqlite', () => openRepositories(path.join(dir, 'munshi.db'))],
  ['memory', async () => memoryRepositories()],
] as const)('exactly once (%s)', (_name, open) => {
  let repos: Repositories;
  beforeEach(async () => {
    repos = await open();
  });
  afterEach(() => repos.close());

  it('replays unfinished messages in arrival order, whatever their ids', async () => {
    const at = '2026-01-15T14:00:00.000Z';
    // Same received_at for all (one burst) and ids whose text order is not arrival order.
    for (let i = 995; i <= 1005; i++) await repos.inbox.insert({ id: `console:run:${i}`, chatId: 'c', senderId: 'me', text: `m${i}`, timestamp: new Date(at) }, at);
    await repos.inbox.insert({ id: 'a-first-in-text-order', chatId: 'c', senderId: 'me', text: 'last', timestamp: new Date(at) }, at);
    const order = (await repos.inbox.unfinished()).map((e) => e.text);
    expect(order).toEqual([...Array.from({ length: 11 }, (_, k) => `m${995 + k}`), 'last']);
    const seqs = (await repos.inbox.unfinished()).map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('a delete keyed to its message runs once; the replay changes nothing and reports what was done', async () => {
    const a = (await repos.expenses.record([draft({ item: 'chai' })], meta('m1'))).expenses[0]!;
    const b = (await repos.expenses.record([draft({ item: 'coffee', amountMinor: 5000 })], meta('m2'))).expenses[0]!;
    expect(await repos.expenses.softDelete([b.id], 'now', 'undo-1')).toBe(1);
    // The replay picks "the newest live expense" again, which is now the chai.
    expect(await repos.expenses.softDelete([a.id], 'later', 'undo-1')).toBe(0);
    expect((await repos.expenses.get(a.id))!.deletedAt).toBeNull();
    expect(await repos.expenses.commandEffect('undo-1')).toEqual({ kind: 'delete', expenseIds: [b.id] });
    expect(await repos.expenses.commandEffect('never')).toBeNull();
  });

  it('an edit keyed to its message changes each row once, and still changes rows a crash left unchanged', async () => {
    const a = (await repos.expenses.record([draft({ amountMinor: 2000 })], meta('m1'))).expenses[0]!;
    const b = (await repos.expenses.record([draft({ amountMinor: 3000 })], meta('m2'))).expenses[0]!;
    await repos.expenses.update(a.id, { amountMinor: a.amountMinor + 500 }, 'now', 'edit-1');
    // A replay computes the relative edit again from the changed row: it must not apply.
    const again = await repos.expenses.update(a.id, { amountMinor: 2500 + 500 }, 'now', 'edit-1');
    expect(again!.amountMinor).toBe(2500);
    // The same message's second row (a crash came between the two) is still changed on replay.
    expect((await repos.expenses.update(b.id, { category: 'transport', detail: null }, 'now', 'edit-1'))!.category).toBe('transport');
    expect(await repos.expenses.commandEffect('edit-1')).toEqual({ kind: 'edit', expenseIds: [a.id, b.id] });
  });

  it('every stored expense has a stable uid', async () => {
    const { expenses } = await repos.expenses.record([draft(), draft({ item: 'samosa' })], meta('m1'));
    const uids = expenses.map((e) => e.uid);
    expect(uids.every((u) => typeof u === 'string' && u.length >= 8)).toBe(true);
    expect(new Set(uids).size).toBe(2);
    expect((await repos.expenses.get(expenses[0]!.id))!.uid).toBe(uids[0]);
  });
});

describe('an undo replayed after a crash between the delete and its reply', () => {
  it('removes one expense, not a second unrelated one, and the reply names the one removed', async () => {
    const file = path.join(dir, 'munshi.db');
    const clock = new FakeClock(new Date('2026-01-15T14:00:00Z'));
    const sent: string[] = [];
    const sender: Sender = {
      async sendText(_chat, text) {
        sent.push(text);
        return { id: `sent-${sent.length}` };
      },
      async sendImage() {
        return { id: 'img' };
      },
    };
    const msg = (id: string, text: string): InboundMessage => ({ id, chatId: 'self', senderId: 'me', owner: 'me', text, timestamp: clock.now() });

    // Run 1: two expenses, then an undo whose reply is never stored: the process "dies" right after
    // the bot removed the expense (saveReplies is where the crash happens).
    const repos1 = await openRepositories(file);
    const bot1 = createBot({ expenses: repos1.expenses, preferences: repos1.preferences, queries: repos1.queries, clock, defaults: settings });
    let crash = false;
    const crashingInbox: InboxRepository = Object.create(repos1.inbox, {
      saveReplies: {
        value: async (...args: Parameters<InboxRepository['saveReplies']>) => {
          if (crash) throw new Error('killed between the delete and its reply');
          return repos1.inbox.saveReplies(...args);
        },
      },
    });
    const p1 = createPipeline({ inbox: crashingInbox, bot: bot1, sender, clock, logger: memoryLogger(), maxAgeMs: 0 });
    await p1.accept(msg('m1', 'chai 20'));
    await p1.accept(msg('m2', 'coffee 50'));
    await p1.drain();
    crash = true;
    await p1.accept(msg('m3', 'undo'));
    await p1.drain();
    await p1.stop();
    expect((await repos1.expenses.recent('me', 10)).map((e) => e.item)).toEqual(['chai']);
    await repos1.close();

    // Run 2: a restart replays the undo (its reply was never stored).
    const repos2 = await openRepositories(file);
    const bot2 = createBot({ expenses: repos2.expenses, preferences: repos2.preferences, queries: repos2.queries, clock, defaults: settings });
    const p2 = createPipeline({ inbox: repos2.inbox, bot: bot2, sender, clock, logger: memoryLogger(), maxAgeMs: 0 });
    const r = await p2.recover();
    expect(r.messages).toBe(1);
    expect((await repos2.expenses.recent('me', 10)).map((e) => e.item)).toEqual(['chai']);
    expect(sent.at(-1)).toMatch(/Removed ₹50/);
    expect((await repos2.inbox.get('m3'))!.status).toBe('done');
    await p2.stop();
    await repos2.close();
  });
});
