/**
 * Corrections that must stick, on a real SQLite ledger file: what "that was X" teaches and the date
 * order the owner chose survive closing and reopening the file (a restart); "that was yesterday"
 * moves every row of the message; a delete by description removes exactly the confirmed row.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRepositories } from '../app/repositories.js';
import { FakeClock } from '../clock/clock.js';
import type { OwnerSettings } from '../core/types.js';
import { understandNext } from '../understanding/next/understand.js';
import { createBot, type Bot } from './bot.js';

const INDIA: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-corrections-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const clock = new FakeClock('2026-12-01T09:00:00Z');
let n = 0;

async function open(file: string) {
  const repos = await openRepositories(file);
  const bot = createBot({ expenses: repos.expenses, preferences: repos.preferences, queries: repos.queries, clock, defaults: INDIA, understand: understandNext });
  return { repos, bot };
}

async function say(b: Bot, text: string): Promise<string> {
  return (await b.handle({ id: `sq${++n}`, chatId: 'self', senderId: 'me', text, timestamp: clock.now() })).map((r) => r.text).join('\n');
}

describe('corrections on a real ledger file', () => {
  it('what was taught and the chosen date order outlast a restart', async () => {
    const file = path.join(dir, 'taught.db');
    const first = await open(file);
    await say(first.bot, 'maggi 30');
    expect(await say(first.bot, 'that was shopping')).toBe('✏️ Updated: ₹30 · Shopping · maggi · today');
    await say(first.bot, 'red bull 120');
    await say(first.bot, 'that was snacks');
    expect(await say(first.bot, 'dates are month first')).toMatch(/month first/);
    await first.repos.close();

    const again = await open(file);
    expect(await say(again.bot, 'maggi 40')).toBe('✅ ₹40 · Shopping · maggi · today');
    expect(await say(again.bot, 'red bull 99')).toBe('✅ ₹99 · Food › Snacks · red bull · today');
    expect(await say(again.bot, '11/30 chai 20')).toBe('✅ ₹20 · Food › Tea · yesterday');
    const stored = (await again.repos.expenses.between({ owner: 'me' })).map((e) => [e.item, `${e.category}/${e.detail}`, e.date]);
    expect(stored).toEqual([
      ['chai', 'food/tea', '2026-11-30'],
      ['maggi', 'shopping/null', '2026-12-01'],
      ['red bull', 'food/snacks', '2026-12-01'],
      ['maggi', 'shopping/null', '2026-12-01'],
      ['red bull', 'food/snacks', '2026-12-01'],
    ]);
    await again.repos.close();
  });

  it('"that was yesterday" moves every row of the message, and a described delete removes only the confirmed row', async () => {
    const { repos, bot } = await open(path.join(dir, 'moves.db'));
    await say(bot, 'chai 20');
    await say(bot, 'petrol 500 and samosa 30');
    await say(bot, 'that was yesterday');
    const dates = async () => Object.fromEntries((await repos.expenses.between({ owner: 'me' })).map((e) => [e.item, e.date]));
    expect(await dates()).toEqual({ petrol: '2026-11-30', samosa: '2026-11-30', chai: '2026-12-01' });

    expect(await say(bot, 'delete the chai')).toMatch(/^Delete ₹20 · Food › Tea · today\?/);
    expect(await repos.expenses.count('me')).toBe(3);
    expect(await say(bot, 'yes')).toBe('🗑️ Removed ₹20 · Food › Tea · today');
    expect(await dates()).toEqual({ petrol: '2026-11-30', samosa: '2026-11-30' });
    // Confirming again deletes nothing more.
    expect(await say(bot, 'yes')).toMatch(/Nothing is waiting/);
    expect(await repos.expenses.count('me')).toBe(2);
    await repos.close();
  });

  it('a described amount edit changes only the expense it names, and asks which when the old amount does not pick one', async () => {
    const { repos, bot } = await open(path.join(dir, 'described.db'));
    await say(bot, 'auto 120');
    await say(bot, 'chai 20');
    await say(bot, 'auto 80 and samosa 30');
    const amounts = async () => (await repos.expenses.between({ owner: 'me' })).map((e) => [e.item, e.amountMinor / 100]).sort();
    expect(await say(bot, 'change that auto 120 to 130')).toBe('✏️ Updated: ₹130 · Transport › Taxi & auto · today');
    expect(await amounts()).toEqual([['auto', 130], ['auto', 80], ['chai', 20], ['samosa', 30]].sort());
    expect(await say(bot, 'the chai was 25 not 20')).toBe('✏️ Updated: ₹25 · Food › Tea · today');
    expect(await say(bot, 'change the auto one to 90')).toMatch(/^Which "auto" was ₹90\?/);
    expect(await amounts()).toEqual([['auto', 130], ['auto', 80], ['chai', 25], ['samosa', 30]].sort());
    expect(await say(bot, 'the rapido one was 95 not 85')).toMatch(/couldn't find "rapido".*Nothing was changed/);
    expect(await repos.expenses.count('me')).toBe(4);
    await repos.close();
  });
});
