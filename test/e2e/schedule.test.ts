/**
 * Budgets, recurring expenses, charts and summaries through the whole bot, as skills: a scripted
 * chat on a real SQLite file and a fixed clock, then a week of schedule on the same ledger.
 */
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServices, type Services } from '../../src/app/services.js';
import { loadConfig } from '../../src/config/config.js';
import { FakeScheduler } from '../../src/scheduler/fake.js';
import { RecordingNotifier } from '../../src/scheduler/notifier.js';
import { INDIA, openChat, type ChatHarness } from './harness.js';

let chat: ChatHarness | undefined;
afterEach(async () => {
  await chat?.close();
  chat = undefined;
});

describe('schedule skills in the bot', () => {
  it('sets a budget, warns once, runs rent on schedule, and charts on demand', async () => {
    // Thursday 15 Jan 2026, 19:30 IST.
    chat = await openChat();
    // The daemon's own composition over the harness's ledger file: bot, skills and schedules.
    const services = await buildServices(loadConfig({ MUNSHI_TZ: INDIA.timeZone, MUNSHI_LLM: 'off' }), { repositories: chat.repos, clock: chat.clock, optionalServices: false });
    chat = { ...chat, ...withServices(chat, services) };
    const c = chat;

    expect(await c.say('set food budget 1000 a month')).toBe('✅ Food budget: ₹1,000 a month. Spent this month: ₹0 (0%).');
    expect(await c.say('chai 20')).toMatch(/^✅ ₹20 · Food/);
    const lunch = await c.say('lunch 850');
    expect(lunch).toMatch(/^✅ ₹850 · Food/);
    expect(lunch).toContain('⚠️ 87% of your Food budget used: ₹870 of ₹1,000 this month · ₹130 left.');
    expect(await c.say('dinner 50')).not.toContain('⚠️');
    expect(await c.say('budgets?')).toBe('📒 *Budgets*\n🍽️ *Food* ₹920 of ₹1,000 this month · ₹80 left\n▓▓▓▓▓▓▓▓▓░ 92%');

    expect(await c.say('rent 18000 every month on the 1st')).toContain('🔁 Rent ₹18,000 · Housing › Rent · every month on the 1st.');
    expect(await c.say('recurring?')).toBe('🔁 *Recurring*\n1. Rent ₹18,000 · every month on the 1st · next Sun 1 Feb');

    const replies = await c.bot.handle({ id: 'chart-1', chatId: 'self', senderId: 'me', text: 'chart my spending this month', timestamp: c.clock.now() });
    expect(replies[0]!.image!.caption).toBe('Spending · January 2026 so far · ₹920');
    expect(PNG.sync.read(replies[0]!.image!.png).width).toBeGreaterThanOrEqual(600);

    // The schedule over the same ledger: rent on 1 Feb at 09:00, summaries on Sundays and the 1st.
    const scheduler = new FakeScheduler(c.clock);
    const notifier = new RecordingNotifier(() => c.clock.now());
    const service = services.schedules(notifier, scheduler);
    await service.start();
    await scheduler.advanceTo('2026-02-01T15:00:00Z');
    await service.stop();
    const texts = notifier.sent.map((m) => `${m.at!.toISOString()} ${m.reply.text.split('\n')[0]}`);
    expect(texts).toEqual([
      '2026-01-18T14:30:00.000Z 📊 *Weekly summary* · Mon 12 Jan – Sun 18 Jan',
      '2026-01-25T14:30:00.000Z 📊 *Weekly summary* · Mon 19 Jan – Sun 25 Jan',
      '2026-02-01T03:30:00.000Z 🔁 Recorded Rent ₹18,000 · Housing › Rent · today (every month on the 1st).',
      '2026-02-01T03:30:00.000Z 📊 *Monthly summary* · January 2026',
      '2026-02-01T14:30:00.000Z 📊 *Weekly summary* · Mon 26 Jan – Sun 1 Feb',
    ]);
    expect(notifier.sent[3]!.reply.text).toContain('Total *₹920* · 3 expenses');
    expect(notifier.sent[4]!.reply.text).toContain('₹18,000 · Rent · Sun 1 Feb');
    expect(await c.say('stop rent')).toMatch(/^⏹️ Stopped Rent/);
  });
});

/** The harness builds a bare bot at open; talk to the composed one (with skills) instead. */
function withServices(c: ChatHarness, services: Services): Pick<ChatHarness, 'bot' | 'say'> {
  const { bot } = services;
  let n = 0;
  return {
    bot,
    async say(text: string) {
      const replies = await bot.handle({ id: `s${++n}`, chatId: 'self', senderId: 'me', text, timestamp: c.clock.now() });
      return replies.map((r) => r.text).join('\n');
    },
  };
}
