/**
 * End-to-end: forwarded alerts through the whole bot on a real SQLite file. The same alert
 * forwarded twice (in two messages) records once; a payment typed by hand first is asked about;
 * a refund records nothing; the answer to "how much on Swiggy" counts the alert once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openChat, type ChatHarness } from './harness.js';

const ALERT = 'Rs.458.00 debited from A/c XX1234 on 13-01-26 to VPA swiggy.order@axis (UPI Ref No 601312345678). Not you? Call 18002586161 - HDFC Bank';

let chat: ChatHarness;
beforeEach(async () => {
  chat = await openChat();
});
afterEach(async () => {
  await chat.close();
});

describe('forwarded alerts', () => {
  it('a double forward records once, survives a restart of the bot, and a refund records nothing', async () => {
    expect(await chat.say(ALERT)).toBe('✅ ₹458 · Food › Food delivery · Swiggy · Tue 13 Jan');
    expect(await chat.say(`Forwarded\n${ALERT}`)).toMatch(/^Already recorded from the same alert/);
    const rows = await chat.ledger();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ amountMinor: 45800, merchant: 'Swiggy', date: '2026-01-13', source: 'alert' });
    // The key lives in the ledger, not in the bot's memory: a new bot over the same file knows it too.
    const { createBot } = await import('../../src/bot/bot.js');
    const fresh = createBot({ expenses: chat.repos.expenses, preferences: chat.repos.preferences, queries: chat.repos.queries, clock: chat.clock, defaults: { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 } });
    const again = await fresh.handle({ id: 'late-1', chatId: 'self', senderId: 'me', text: ALERT, timestamp: chat.clock.now() });
    expect(again[0]!.text).toMatch(/^Already recorded/);
    expect(await chat.say('Rs 458.00 credited to your A/c XX1234 on 14-01-26 as refund from Swiggy. -HDFC Bank')).toBe("That's a refund of ₹458 from Swiggy: nothing recorded.");
    expect(await chat.ledger()).toHaveLength(1);
    expect(await chat.say('how much on swiggy this month?')).toContain('₹458');
  });

  it('a payment typed first and its alert after: asked, and "no" keeps one', async () => {
    await chat.say('swiggy 458 on tuesday');
    expect(await chat.say(ALERT)).toMatch(/^You already noted ₹458/);
    expect(await chat.say('no')).toMatch(/dropped/i);
    expect(await chat.ledger()).toHaveLength(1);
  });
});
