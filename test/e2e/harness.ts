/**
 * @module test/e2e/harness
 * Drives the whole bot like a chat: a real SQLite file in a temp dir, a fixed clock, and a
 * `say(text)` that returns munshi's replies as text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRepositories, type Repositories } from '../../src/app/repositories.js';
import { createBot, type Bot, type BotDeps } from '../../src/bot/bot.js';
import { FakeClock } from '../../src/clock/clock.js';
import type { Expense, OwnerSettings } from '../../src/core/types.js';
import type { SqliteStore } from '../../src/ledger/sqlite/open.js';

export const INDIA: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };

export interface ChatHarness {
  say(text: string, opts?: { chatId?: string; senderId?: string; id?: string }): Promise<string>;
  bot: Bot;
  repos: Repositories & { store: SqliteStore };
  clock: FakeClock;
  /** Live expenses of an owner, oldest first. */
  ledger(owner?: string): Promise<Expense[]>;
  close(): Promise<void>;
}

export interface ChatOptions {
  now?: string;
  settings?: OwnerSettings;
  deps?: Partial<BotDeps>;
  /** Builds the bot another way over the harness's ledger (e.g. app/services), with its own close. */
  compose?(repos: Repositories, clock: FakeClock): Promise<{ bot: Bot; close(): Promise<void> }>;
}

export async function openChat(opts: ChatOptions = {}): Promise<ChatHarness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-e2e-'));
  const repos = await openRepositories(path.join(dir, 'munshi.db'));
  const clock = new FakeClock(opts.now ?? '2026-01-15T14:00:00Z'); // 19:30 in Asia/Kolkata, a Thursday
  const composed = await opts.compose?.(repos, clock);
  const bot = composed?.bot ?? createBot({ expenses: repos.expenses, preferences: repos.preferences, queries: repos.queries, clock, defaults: opts.settings ?? INDIA, ...opts.deps });
  let n = 0;
  return {
    bot,
    repos,
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
    ledger: (owner = 'me') => repos.expenses.between({ owner }),
    async close() {
      await composed?.close();
      await repos.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
