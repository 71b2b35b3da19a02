/**
 * @module bench/record
 * Time to record one expense end to end through the bot (understand + SQLite write + reply) with
 * 100k expenses already stored in a real SQLite file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Insertable, type Kysely } from 'kysely';
import { openRepositories } from '../src/app/repositories.js';
import type { Database, ExpensesTable } from '../src/ledger/sqlite/schema.js';
import { createBot } from '../src/bot/bot.js';
import { FakeClock } from '../src/clock/clock.js';
import { addDays } from '../src/core/dates.js';
import { ms, summarize, type BenchResult } from './stats.js';

const ITEMS = [
  ['chai', 'food', 'tea'], ['petrol', 'transport', 'fuel'], ['swiggy biryani', 'food', 'delivery'], ['uber', 'transport', 'taxi'],
  ['latte', 'food', 'coffee'], ['dmart groceries', 'food', 'groceries'], ['netflix', 'entertainment', 'streaming'], ['medicine', 'health', 'pharmacy'],
] as const;

export async function seedExpenses(db: Kysely<Database>, n: number, owner = 'me'): Promise<void> {
  const start = '2023-01-01';
  const now = new Date().toISOString();
  const batch = 5000;
  for (let i = 0; i < n; i += batch) {
    const rows: Insertable<ExpensesTable>[] = [];
    for (let j = i; j < Math.min(n, i + batch); j++) {
      const [item, category, detail] = ITEMS[j % ITEMS.length]!;
      rows.push({
        owner, amount_minor: 1000 + ((j * 7919) % 500000), currency: 'INR', category, detail, item, merchant: null, note: null,
        search_text: item, date: addDays(start, j % 1100), created_at: now, updated_at: now, source: 'import',
        message_id: `seed:${j}`, message_part: 0, understood_by: 'rules', deleted_at: null,
      });
    }
    await db.transaction().execute(async (trx) => {
      for (let k = 0; k < rows.length; k += 500) await trx.insertInto('expenses').values(rows.slice(k, k + 500)).execute();
    });
  }
}

export async function benchRecord(rows = 100_000, samples = 2000): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-bench-record-'));
  const repos = await openRepositories(path.join(dir, 'bench.db'));
  const db = repos.store.db;
  const close = () => repos.close();
  try {
    const t0 = performance.now();
    await seedExpenses(db, rows);
    const seedMs = performance.now() - t0;
    await sql`analyze`.execute(db);
    const clock = new FakeClock('2026-01-15T14:00:00Z');
    const bot = createBot({ expenses: repos.expenses, preferences: repos.preferences, queries: repos.queries, clock, defaults: { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 } });
    const texts = ['chai 20', 'petrol 500 yesterday', 'swiggy biryani 350', 'spent 500 on a latte at starbucks', 'kal auto 80', 'coffee 50 and sandwich 120'];
    for (let i = 0; i < 200; i++) await bot.handle({ id: `warm:${i}`, chatId: 'c', senderId: 'me', text: texts[i % texts.length]!, timestamp: clock.now() });
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      const replies = await bot.handle({ id: `bench:${i}`, chatId: 'c', senderId: 'me', text: texts[i % texts.length]!, timestamp: clock.now() });
      times.push(performance.now() - t);
      if (!replies[0]?.text.startsWith('✅')) throw new Error(`not recorded: ${texts[i % texts.length]} -> ${replies[0]?.text}`);
    }
    const s = summarize(times);
    return {
      name: `record one expense through the bot (understand + SQLite write + reply), ${rows.toLocaleString('en')} rows stored`,
      lines: [`seeded ${rows.toLocaleString('en')} rows in ${(seedMs / 1000).toFixed(1)} s`, `${samples} messages: p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)}`],
    };
  } finally {
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
