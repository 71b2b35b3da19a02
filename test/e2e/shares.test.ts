/**
 * End-to-end chat scripts of shared money (issue 14) through the whole bot on a real SQLite file:
 * splits, debts, partial paybacks, settling up, undo of a split, "Which Rahul?", household payers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/bot.js';
import { createDebtSkill } from '../../src/debts/skill.js';
import { INDIA, openChat, type ChatHarness } from './harness.js';

let chat: ChatHarness;
afterEach(async () => {
  await chat.close();
});

async function open(household = false): Promise<ChatHarness> {
  return openChat({
    compose: async (repos, clock) => ({
      bot: createBot({
        expenses: repos.expenses, preferences: repos.preferences, queries: repos.queries, clock, defaults: INDIA,
        skills: [
          createDebtSkill({
            debts: repos.debts, expenses: repos.expenses, household,
            members: household ? ['919800000001', '919800000002', '919800000003'] : undefined,
            memberName: (id) => ({ '919800000001': 'Asha', '919800000002': 'Vikram', '919800000003': 'Kabir' })[id] ?? id,
          }),
        ],
      }),
      close: async () => {},
    }),
  });
}

const balances = async (owner = 'me') => (await chat.repos.debts.balances(owner)).map((b) => [b.person, b.amountMinor]);

describe('splits', () => {
  it('records the owner\'s share and what the others owe; totals reconcile to the bill', async () => {
    chat = await open();
    const r = await chat.say('dinner 1200 split with Rahul and Priya');
    expect(r).toBe('✅ ₹400 · Food › Meals · today\n👥 Your share of ₹1,200: ₹400 · Rahul owes you ₹400 · Priya owes you ₹400.');
    const [e] = await chat.ledger();
    expect(e!.amountMinor).toBe(40000);
    const owed = (await chat.repos.debts.entries('me')).reduce((s, d) => s + d.amountMinor, 0);
    expect(e!.amountMinor + owed).toBe(120000);
    expect(await chat.say('how much on food this month?')).toMatch(/^₹400 /);
  });

  it('an uneven split gives the payer the extra paisa and loses none', async () => {
    chat = await open();
    await chat.say('groceries 1000 split with Amit and Neha');
    const [e] = await chat.ledger();
    expect(e!.amountMinor).toBe(33334);
    expect(await balances()).toEqual([['Amit', 33333], ['Neha', 33333]]);
  });

  it('undo of a split removes its debts with it', async () => {
    chat = await open();
    await chat.say('dinner 1200 split with Rahul and Priya');
    expect(await chat.say('undo')).toMatch(/^🗑️ Removed ₹400/);
    expect(await balances()).toEqual([]);
    expect(await chat.say('who owes me?')).toBe('Nobody owes you anything right now.');
  });

  it('"no, 1500" right after an equal split is the whole bill: the shares follow', async () => {
    chat = await open();
    await chat.say('dinner 1200 split with Rahul and Priya');
    expect(await chat.say('no, 1500')).toBe('✏️ Updated: ₹500 · Food › Meals · today\n👥 Your share of ₹1,500: ₹500 · Rahul owes you ₹500 · Priya owes you ₹500.');
    expect((await chat.ledger()).map((e) => e.amountMinor)).toEqual([50000]);
    expect(await balances()).toEqual([['Priya', 50000], ['Rahul', 50000]]);
    // An uneven split cannot be re-split from one number: asked to write it again, nothing changes.
    await chat.say("cab 600, Rahul's part is 200");
    expect(await chat.say('no, 900')).toBe('That was a split: say "undo" and write it again with the new amount.');
    expect((await chat.ledger()).map((e) => e.amountMinor)).toEqual([50000, 40000]);
    expect(await chat.say('undo')).toMatch(/^🗑️ Removed ₹400/);
    expect(await balances()).toEqual([['Priya', 50000], ['Rahul', 50000]]);
  });

  it('unequal parts, "my share" and another payer', async () => {
    chat = await open();
    expect(await chat.say("I paid 1200 for dinner, Rahul's part is 500")).toMatch(/^✅ ₹700 · Food › Meals/);
    expect(await chat.say('Priya paid for the movie, my share 400')).toMatch(/^✅ ₹400 · Entertainment/);
    expect(await chat.say('what do I owe?')).toBe('You owe: ₹400\n• Priya ₹400 (since Thu 15 Jan)');
    expect(await balances()).toEqual([['Rahul', 50000], ['Priya', -40000]]);
  });
});

describe('debts and udhaar', () => {
  it('partial payback, settle up and the questions, exact from the ledger', async () => {
    chat = await open();
    expect(await chat.say('Ramesh owes me 500')).toMatch(/^📒 Ramesh owes you ₹500 · today\n/);
    expect(await chat.say('Ramesh se 300 wapas mile')).toMatch(/^📒 Ramesh paid back ₹300 · today\nRamesh owes you ₹200\./);
    expect(await chat.say('lent 2000 to Sunita')).toMatch(/Sunita owes you ₹2,000/);
    expect(await chat.say('borrowed 1000 from dad')).toMatch(/You owe Dad ₹1,000/);
    expect(await chat.say('how much does Ramesh owe me?')).toBe('Ramesh owes you ₹200.');
    expect(await chat.say('udhaar list')).toBe(
      'Owed to you: ₹2,200\n• Sunita ₹2,000 (since Thu 15 Jan)\n• Ramesh ₹200 (since Thu 15 Jan)\n\nYou owe: ₹1,000\n• Dad ₹1,000 (since Thu 15 Jan)',
    );
    expect(await chat.say('history with Ramesh')).toBe('With Ramesh (+ they owe you, − you owe them):\n• Thu 15 Jan: owes you +₹500\n• Thu 15 Jan: paid back to you −₹300\nRamesh owes you ₹200.');
    expect(await chat.say('settled up with Ramesh')).toBe("🤝 Settled up with Ramesh (Ramesh owed you ₹200). You're even now.");
    expect(await chat.say('settle up')).toBe('To settle up: 2 payments\n• Sunita → you ₹2,000\n• you → Dad ₹1,000');
    // Debts are never spending.
    expect(await chat.ledger()).toEqual([]);
  });

  it('"undo" right after a debt removes that debt, not an expense', async () => {
    chat = await open();
    await chat.say('chai 20');
    expect(await chat.say('Ramesh ko 500 udhaar diye')).toMatch(/^📒 Lent ₹500 to Ramesh/);
    expect(await chat.say('undo')).toBe('🗑️ Removed: Ramesh +₹500');
    expect(await balances()).toEqual([]);
    expect(await chat.ledger()).toHaveLength(1);
  });

  it('a correction right after a debt corrects the debt, never an older expense', async () => {
    chat = await open();
    await chat.say('chai 20');
    await chat.say('Ramesh owes me 500');
    expect(await chat.say('no, 600')).toMatch(/^✏️ Updated: Ramesh owes you ₹600 · today\nRamesh owes you ₹600\./);
    expect(await chat.say('that was yesterday')).toMatch(/^✏️ Updated: Ramesh owes you ₹600 · yesterday/);
    expect(await chat.say('that was transport')).toBe('That was a debt, not an expense: say "undo" and write it again.');
    expect((await chat.ledger()).map((e) => [e.amountMinor, e.category])).toEqual([[2000, 'food']]);
    expect(await balances()).toEqual([['Ramesh', 60000]]);
    expect((await chat.repos.debts.entries('me'))[0]!.date).toBe('2026-01-14');
  });

  it('asks "Which Rahul?" only when two people share the name', async () => {
    chat = await open();
    await chat.say('Rahul Sharma owes me 500');
    expect(await chat.say('Rahul paid back 100')).toMatch(/^📒 Rahul Sharma paid back ₹100/);
    await chat.say('lent 300 to Rahul Verma');
    expect(await chat.say('Rahul paid back 100')).toBe('Which Rahul?\n1. Rahul Sharma\n2. Rahul Verma');
    expect(await chat.say('2')).toMatch(/^📒 Rahul Verma paid back ₹100 · today\nRahul Verma owes you ₹200/);
    expect(await balances()).toEqual([['Rahul Sharma', 40000], ['Rahul Verma', 20000]]);
  });

  it('a split with one of two Rahuls asks which one owes the share', async () => {
    chat = await open();
    await chat.say('Rahul Sharma owes me 100');
    await chat.say('Rahul Verma owes me 100');
    expect(await chat.say('dinner 1200 split with Rahul and Priya')).toBe(
      '✅ ₹400 · Food › Meals · today\n👥 Your share of ₹1,200: ₹400 · Rahul owes you ₹400 · Priya owes you ₹400.\nWhich Rahul owes you ₹400?\n1. Rahul Sharma\n2. Rahul Verma',
    );
    expect(await chat.say('Rahul Verma')).toBe('👥 Rahul Verma owes you ₹500.');
    expect(await balances()).toEqual([['Rahul Verma', 50000], ['Priya', 40000], ['Rahul Sharma', 10000]]);
    // The shares still go with the expense.
    expect(await chat.say('undo')).toMatch(/^🗑️ Removed ₹400/);
    expect(await balances()).toEqual([['Rahul Sharma', 10000], ['Rahul Verma', 10000]]);
    // Left unanswered, the share is kept under the name as written: never lost.
    await chat.say('cab 300 split with Rahul');
    await chat.say('chai 20');
    expect(await balances()).toEqual([['Rahul', 15000], ['Rahul Sharma', 10000], ['Rahul Verma', 10000]]);
  });

  it('a replayed message records its debt once', async () => {
    chat = await open();
    await chat.say('Ramesh owes me 500', { id: 'dup' });
    await chat.say('Ramesh owes me 500', { id: 'dup' });
    expect(await balances()).toEqual([['Ramesh', 50000]]);
  });

  it('a debt or split without a usable amount is asked or refused, and nothing changes', async () => {
    chat = await open();
    expect(await chat.say('Ramesh owes me')).toBe('How much does Ramesh owe you? e.g. "Ramesh owes me 500"');
    expect(await chat.say('split with Rahul')).toBe('How much was the whole bill? e.g. "dinner 1200 split with Rahul and Priya"');
    for (const bad of ['Ramesh owes me -500', 'Ramesh owes me 0', 'lent 99999999999999 to Sunita', 'dinner 0 split with Rahul', "dinner 1200, Rahul's part is 1500"]) {
      expect(await chat.say(bad), bad).not.toMatch(/^✅|^📒/);
    }
    expect(await balances()).toEqual([]);
    expect(await chat.ledger()).toEqual([]);
  });
});

describe('household mode', () => {
  it('records who paid, answers who spent what, and settles with the fewest payments', async () => {
    chat = await open(true);
    const as = (senderId: string) => ({ senderId, chatId: senderId });
    // The access policy puts every member's message in the household ledger ("home").
    const say = (text: string, senderId: string) => chat.bot.handle({ id: `${senderId}:${text}`, chatId: senderId, senderId, owner: 'home', text, timestamp: chat.clock.now() }).then((r) => r.map((x) => x.text).join('\n'));
    void as;
    await say('groceries 900', '919800000001');
    await say('electricity bill 300', '919800000002');
    expect(await say('who spent what this month', '919800000001')).toBe('Who spent what this month:\n• you ₹900 (1 expense)\n• Vikram ₹300 (1 expense)');
    // ₹1,200 among three is ₹400 each: Asha paid ₹500 too much, Vikram ₹100 too little, Kabir ₹400.
    expect(await say('settle up', '919800000002')).toBe("To share this month's spending equally: 2 payments\n• Kabir → Asha ₹400\n• you → Asha ₹100");
    // An expense nobody is recorded as paying (imported, recurring) is left out and said so.
    await chat.repos.expenses.record([{ amountMinor: 5000, currency: 'INR', category: 'food', detail: null, item: 'milk', merchant: null, note: null, date: '2026-01-15' }], { owner: 'home', source: 'import', messageId: 'imp1', now: chat.clock.now().toISOString() });
    expect(await say('settle up', '919800000003')).toBe("To share this month's spending equally: 2 payments\n• you → Asha ₹400\n• Vikram → Asha ₹100\n(₹50 recorded without a payer is left out.)");
  });
});
