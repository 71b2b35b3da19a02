/**
 * @module test/e2e/harness
 * Drives the whole bot like a chat: a real SQLite file in a temp dir, a fixed clock, and a
 * `say(text)` that returns munshi's replies as text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type OpenedDb } from '../../src/ledger/sqlite/open.js';
import { createBot, type Bot, type BotDeps } from '../../src/bot/bot.js';
import { FakeClock } from '../../src/clock/clock.js';
import type { OwnerSettings } from '../../src/core/types.js';
import { expensesBetween } from '../../src/ledger/expenses.js';

export const INDIA: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };

export interface ChatHarness {
  say(text: string, opts?: { chatId?: string; senderId?: string; id?: string }): Promise<string>;
  bot: Bot;
  opened: OpenedDb;
  clock: FakeClock;
  /** Live expenses of an owner, oldest first. */
  ledger(owner?: string): ReturnType<typeof expensesBetween>;
  close(): Promise<void>;
}

export async function openChat(opts: { now?: string; settings?: OwnerSettings; deps?: Partial<BotDeps> } = {}): Promise<ChatHarness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-e2e-'));
  const opened = await openDatabase(path.join(dir, 'munshi.db'));
  const clock = new FakeClock(opts.now ?? '2026-01-15T14:00:00Z'); // 19:30 in Asia/Kolkata, a Thursday
  const bot = createBot({ db: opened.db, clock, defaults: opts.settings ?? INDIA, ...opts.deps });
  let n = 0;
  return {
    bot,
    opened,
    clock,
    async say(text, o = {}) {
      const replies = await bot.handle({
        id: o.id ?? `m${++n}`,
        chatId: o.chatId ?? 'self',
        senderId: o.senderId ?? 'me',
        text,
        timestamp: clock.now(),
      });
      return replies.map((r) => r.text).join('\n');
    },
    ledger: (owner = 'me') => expensesBetween(opened.db, { owner }),
    async close() {
      await opened.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
