/**
 * Corrections, deletes and follow-ups as the owner types them, through the language-layer reader
 * (understanding/next) on the in-memory repositories; scripted readings where the wording should
 * not decide. The same flows on a real SQLite file are in corrections.medium.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryRepositories, type Repositories } from '../app/repositories.js';
import { FakeClock } from '../clock/clock.js';
import type { ExpenseDraft, InboundMessage, OwnerSettings } from '../core/types.js';
import { understandNext } from '../understanding/next/understand.js';
import type { Understanding } from '../understanding/types.js';
import { createBot, type Bot, type BotDeps } from './bot.js';
import * as R from './replies.js';

const INDIA: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const NOW = '2026-12-01T09:00:00Z'; // Tue 1 Dec, 14:30 in Kolkata

let repos: Repositories;
let clock: FakeClock;
let n = 0;
beforeEach(() => {
  repos = memoryRepositories();
  clock = new FakeClock(NOW);
});

function bot(deps: Partial<BotDeps> = {}): Bot {
  return createBot({ expenses: repos.expenses, preferences: repos.preferences, queries: repos.queries, clock, defaults: INDIA, understand: understandNext, ...deps });
}

const message = (text: string, p: Partial<InboundMessage> = {}): InboundMessage => ({ id: `c${++n}`, chatId: 'self', senderId: 'me', text, timestamp: clock.now(), ...p });

async function say(b: Bot, text: string, p: Partial<InboundMessage> = {}): Promise<string> {
  return (await b.handle(message(text, p))).map((r) => r.text).join('\n');
}

const ledger = () => repos.expenses.between({ owner: 'me' });
const rows = async () => (await ledger()).map((e) => [e.item, e.amountMinor / 100, `${e.category}/${e.detail}`, e.date]);
const overrides = async () => Object.fromEntries([...(await repos.preferences.overrides('me')).values()].map((o) => [o.key, `${o.category}/${o.detail}`]));

/** A reader that returns what the test scripts, in order. */
function scripted(...steps: Understanding[]): BotDeps['understand'] {
  return () => {
    const s = steps.shift();
    if (!s) throw new Error('no scripted understanding left');
    return s;
  };
}
const draft = (p: Partial<ExpenseDraft> = {}): ExpenseDraft => ({
  amountMinor: 2000, currency: 'INR', category: 'food', detail: 'tea', item: 'chai', merchant: null, note: null, date: '2026-12-01', ...p,
});
const add = (...expenses: ExpenseDraft[]): Understanding => ({ intent: 'add_expense', expenses, confidence: 0.95 });
const cmd = (command: Extract<Understanding, { intent: 'command' }>['command']): Understanding => ({ intent: 'command', command, confidence: 0.9 });

describe('"that was X" changes the category, at the level the owner named', () => {
  it('"that was groceries" on Food › Groceries keeps the detail and teaches nothing', async () => {
    const b = bot();
    expect(await say(b, 'dmart 500')).toBe('✅ ₹500 · Food › Groceries · DMart · today');
    expect(await say(b, 'that was groceries')).toBe('👍 Already ₹500 · Food › Groceries · DMart · today');
    expect(await say(b, 'that was food')).toBe('👍 Already ₹500 · Food › Groceries · DMart · today');
    expect(await rows()).toEqual([['dmart', 500, 'food/groceries', '2026-12-01']]);
    expect(await overrides()).toEqual({});
  });

  it('"that was snacks" and "that was fuel" change the category, never the item', async () => {
    const b = bot();
    await say(b, 'red bull 120');
    expect(await say(b, 'that was snacks')).toBe('✏️ Updated: ₹120 · Food › Snacks · red bull · today');
    await say(b, 'cylinder 1100');
    expect(await say(b, 'that was fuel')).toMatch(/^✏️ Updated: ₹1,100 · Transport › Fuel · cylinder · today$/);
    expect(await rows()).toEqual([
      ['red bull', 120, 'food/snacks', '2026-12-01'],
      ['cylinder', 1100, 'transport/fuel', '2026-12-01'],
    ]);
    // A detail named is remembered as that detail.
    expect(await overrides()).toEqual({ 'red bull': 'food/snacks', cylinder: 'transport/fuel' });
    expect(await say(b, 'red bull 130')).toBe('✅ ₹130 · Food › Snacks · red bull · today');
  });

  it('"that\'s health" is understood', async () => {
    const b = bot();
    await say(b, 'kurkure 30');
    expect(await say(b, "that's health")).toBe('✏️ Updated: ₹30 · Health · kurkure · today');
  });

  it('a primary named is remembered as a primary, and the words keep their detail within it', async () => {
    const b = bot();
    expect(await say(b, 'maggi 30')).toBe('✅ ₹30 · Food › Groceries · maggi · today');
    expect(await say(b, 'that was shopping')).toBe('✏️ Updated: ₹30 · Shopping · maggi · today');
    expect(await overrides()).toEqual({ maggi: 'shopping/null' });
    expect(await say(b, 'maggi 40')).toBe('✅ ₹40 · Shopping · maggi · today');
    // Back to food: the primary is taught, and "maggi" keeps its own detail under it.
    expect(await say(b, 'that was food')).toBe('✏️ Updated: ₹40 · Food › Groceries · maggi · today');
    expect(await overrides()).toEqual({ maggi: 'food/null' });
    expect(await say(b, 'maggi 50')).toBe('✅ ₹50 · Food › Groceries · maggi · today');
  });

  it('changes every expense of the last message, and teaches each item', async () => {
    const b = bot();
    await say(b, 'chai 20');
    await say(b, 'popcorn 200 and coke 100');
    expect(await say(b, 'that was entertainment')).toBe('✏️ Updated:\n• ₹200 · Entertainment · popcorn · today\n• ₹100 · Entertainment · coke · today');
    expect((await rows()).map((r) => r[2])).toEqual(['food/tea', 'entertainment/null', 'entertainment/null']);
    expect(await overrides()).toEqual({ popcorn: 'entertainment/null', coke: 'entertainment/null' });
  });

  it('teaches the item, not the shop it was bought at; the shop when it is all that was named', async () => {
    const b = bot();
    await say(b, 'latte 180 at starbucks');
    await say(b, 'that was snacks');
    expect(await overrides()).toEqual({ latte: 'food/snacks' });
    expect(await say(b, 'cappuccino 200 at starbucks')).toMatch(/^✅ ₹200 · Food › Coffee/);
    await say(b, 'uber 300');
    expect(await say(b, 'that was travel')).toBe('✏️ Updated: ₹300 · Travel · Uber · today');
    expect((await overrides()).uber).toBe('travel/null');
    expect(await say(b, 'uber 250')).toBe('✅ ₹250 · Travel · Uber · today');
  });

  it('an item that only names a category is not taught; its shop is', async () => {
    const b = bot({ understand: scripted(add(draft({ item: 'groceries', merchant: 'DMart', category: 'food', detail: 'groceries', amountMinor: 50000 })), cmd({ kind: 'edit_category', category: 'shopping', detail: null })) });
    await say(b, 'dmart groceries 500');
    expect(await say(b, 'that was shopping')).toBe('✏️ Updated: ₹500 · Shopping · groceries · DMart · today');
    expect(await overrides()).toEqual({ dmart: 'shopping/null' });
  });
});

describe('"that was yesterday" moves the whole last message', () => {
  it('moves every expense of a two-expense message', async () => {
    const b = bot();
    await say(b, 'chai 20');
    expect(await say(b, 'petrol 500 and samosa 30')).toBe('✅ ₹500 · Transport › Fuel · today\n✅ ₹30 · Food › Snacks · samosa · today');
    expect(await say(b, 'that was yesterday')).toBe('✏️ Updated:\n• ₹500 · Transport › Fuel · yesterday\n• ₹30 · Food › Snacks · samosa · yesterday');
    expect((await rows()).map((r) => [r[0], r[3]])).toEqual([
      ['petrol', '2026-11-30'],
      ['samosa', '2026-11-30'],
      ['chai', '2026-12-01'],
    ]);
  });

  it('one amount for a message of several asks which, and a number answers', async () => {
    const b = bot();
    await say(b, 'petrol 500 and samosa 30');
    expect(await say(b, 'no, 60')).toBe('Which one was ₹60?\n1. ₹500 · Transport › Fuel · today\n2. ₹30 · Food › Snacks · samosa · today\nReply with a number, or "no".');
    expect((await rows()).map((r) => r[1])).toEqual([500, 30]);
    expect(await say(b, '2')).toBe('✏️ Updated: ₹60 · Food › Snacks · samosa · today');
    expect((await rows()).map((r) => r[1])).toEqual([500, 60]);
  });
});

describe('deletes by description', () => {
  it('"delete the chai" finds it and asks; "cancel that" keeps it; "undo" then takes the last message only', async () => {
    const b = bot();
    await say(b, 'chai 20');
    await say(b, 'uber 300');
    const r = await say(b, 'delete the chai');
    expect(r).toBe('Delete ₹20 · Food › Tea · today?\nReply "yes" to delete or "no" to keep.');
    expect(r).not.toMatch(/How much/);
    expect(await ledger()).toHaveLength(2);
    expect(await say(b, 'cancel that')).toBe(R.KEPT);
    expect(await ledger()).toHaveLength(2);
    expect(await say(b, 'undo')).toBe('🗑️ Removed ₹300 · Transport › Taxi & auto · Uber · today');
    expect((await rows()).map((r) => r[0])).toEqual(['chai']);
  });

  it('"yes" deletes exactly the one it showed; "no" keeps it', async () => {
    const b = bot();
    await say(b, 'chai 20');
    await say(b, 'coffee 50');
    await say(b, 'delete the chai');
    expect(await say(b, 'no')).toBe(R.KEPT);
    expect(await say(b, 'yes')).toBe(R.NOTHING_PENDING);
    expect(await ledger()).toHaveLength(2);
    await say(b, 'delete the chai');
    expect(await say(b, 'yes')).toBe('🗑️ Removed ₹20 · Food › Tea · today');
    expect((await rows()).map((r) => r[0])).toEqual(['coffee']);
  });

  it('"remove the uber from yesterday" looks only at yesterday', async () => {
    const b = bot();
    await say(b, 'uber 250 yesterday');
    await say(b, 'uber 300');
    expect(await say(b, 'remove the uber from yesterday')).toBe('Delete ₹250 · Transport › Taxi & auto · Uber · yesterday?\nReply "yes" to delete or "no" to keep.');
    expect(await say(b, 'yes')).toMatch(/^🗑️ Removed ₹250/);
    expect(await rows()).toEqual([['uber', 300, 'transport/taxi', '2026-12-01']]);
  });

  it('several matches: a numbered list; a number deletes that one, "all" every one listed', async () => {
    const b = bot();
    await say(b, 'chai 20 yesterday');
    await say(b, 'chai 25');
    await say(b, 'samosa 30');
    expect(await say(b, 'delete the chai')).toBe('Which "chai" should I delete?\n1. ₹25 · Food › Tea · today\n2. ₹20 · Food › Tea · yesterday\nReply with a number, "all", or "no".');
    expect(await say(b, '2')).toBe('🗑️ Removed ₹20 · Food › Tea · yesterday');
    expect((await rows()).map((r) => r[1])).toEqual([25, 30]);
    await say(b, 'chai 15');
    await say(b, 'delete chais');
    expect(await say(b, 'all')).toBe('🗑️ Removed:\n• ₹25 · Food › Tea · today\n• ₹15 · Food › Tea · today');
    expect((await rows()).map((r) => r[0])).toEqual(['samosa']);
  });

  it('an amount or "last" picks among the matches, and a delete with a number is never a new expense', async () => {
    const b = bot();
    await say(b, 'chai 20');
    await say(b, 'chai 30');
    expect(await say(b, 'delete chai 30')).toBe('Delete ₹30 · Food › Tea · today?\nReply "yes" to delete or "no" to keep.');
    expect(await say(b, 'no')).toBe(R.KEPT);
    expect(await say(b, 'remove the 2 chais')).toBe('Which "chais" should I delete?\n1. ₹30 · Food › Tea · today\n2. ₹20 · Food › Tea · today\nReply with a number, "all", or "no".');
    expect(await say(b, 'no')).toBe(R.KEPT);
    expect(await say(b, 'delete the last chai')).toBe('Delete ₹30 · Food › Tea · today?\nReply "yes" to delete or "no" to keep.');
    expect(await say(b, 'yes')).toBe('🗑️ Removed ₹30 · Food › Tea · today');
    expect(await rows()).toEqual([['chai', 20, 'food/tea', '2026-12-01']]);
    expect(await say(b, 'delete the chai from yesterday')).toBe('I couldn\'t find "chai" yesterday. Nothing was deleted. Say "recent" to see your last ones.');
  });

  it('a category word finds what is filed under it', async () => {
    const b = bot();
    await say(b, 'latte 180');
    await say(b, 'petrol 500');
    expect(await say(b, 'delete the coffee')).toBe('Delete ₹180 · Food › Coffee · latte · today?\nReply "yes" to delete or "no" to keep.');
  });

  it('nothing matching: says so and changes nothing', async () => {
    const b = bot();
    await say(b, 'chai 20');
    expect(await say(b, 'delete the pizza')).toBe('I couldn\'t find "pizza" among your recent expenses. Nothing was deleted. Say "recent" to see your last ones.');
    expect(await say(b, 'yes')).toBe(R.NOTHING_PENDING);
    expect(await ledger()).toHaveLength(1);
  });

  it('"undo" or "cancel" while a question waits drops the question, never a stored expense', async () => {
    const b = bot();
    await say(b, 'chai 20');
    expect(await say(b, 'petrol')).toBe('How much was the petrol?');
    expect(await say(b, 'undo')).toBe(R.CANCELLED);
    expect(await say(b, 'cancel')).toBe(R.NOTHING_TO_CANCEL);
    expect((await rows()).map((r) => r[0])).toEqual(['chai']);
    // The question is gone: a bare amount now asks what it was for.
    expect(await say(b, '500')).toBe('What was the ₹500 for?');
    expect(await ledger()).toHaveLength(1);
  });

  it('a delete confirmed after the expense went elsewhere removes nothing else', async () => {
    const b = bot();
    await say(b, 'chai 20');
    await say(b, 'delete the chai');
    const [chai] = await ledger();
    await repos.expenses.softDelete([chai!.id], NOW);
    await say(b, 'coffee 50');
    expect(await say(b, 'delete the chai')).toMatch(/^I couldn't find "chai"/);
    expect(await ledger()).toHaveLength(1);
  });
});

describe('follow-ups never turn into records', () => {
  it('"only Swiggy" narrows the last question, and a bare "800" after it is not recorded', async () => {
    const b = bot();
    await say(b, 'swiggy 800');
    await say(b, 'dmart 500');
    expect(await say(b, 'how much on food this month?')).toMatch(/^₹1,300 on Food this month/);
    const narrowed = await say(b, 'only Swiggy');
    expect(narrowed).toMatch(/^₹800 on /);
    expect(narrowed).not.toMatch(/How much/);
    expect(await say(b, '800')).toBe('What was the ₹800 for?');
    expect(await ledger()).toHaveLength(2);
  });

  it('a thing without an amount is still asked about when no question is open', async () => {
    const b = bot();
    expect(await say(b, 'only swiggy')).toBe('How much was the Swiggy?');
  });
});

describe('date order follows the owner', () => {
  it('a US currency makes 12/1 December 1', async () => {
    const b = bot();
    await say(b, 'set currency USD');
    expect(await say(b, '12/1 coffee 5')).toBe('✅ $5 · Food › Coffee · today');
    expect(await rows()).toEqual([['coffee', 5, 'food/coffee', '2026-12-01']]);
  });

  it('a chat command changes the order, and it stays', async () => {
    const b = bot();
    expect(await say(b, '12/1 coffee 50')).toMatch(/Mon 12 Jan|12 Jan/);
    expect(await say(b, 'dates are month first')).toBe(R.dateOrderSet(false));
    expect(await say(b, '12/1 chai 20')).toBe('✅ ₹20 · Food › Tea · today');
    expect(await say(b, 'settings')).toBe('Currency INR · time zone Asia/Kolkata · locale en-IN · dates month/day');
    // A fresh bot (a restart) on the same ledger reads the same way.
    const again = bot();
    expect(await say(again, '11/30 samosa 30')).toBe('✅ ₹30 · Food › Snacks · samosa · yesterday');
    expect(await say(again, 'use day/month')).toBe(R.dateOrderSet(true));
    expect(await say(again, '30/11 vada 20')).toMatch(/yesterday$/);
    expect(await say(again, 'set date order mdy')).toBe(R.dateOrderSet(false));
    expect(await repos.preferences.settings('me')).toMatchObject({ dateOrder: 'MDY' });
    expect((await rows()).map((r) => r[3])).toEqual(['2026-01-12', '2026-11-30', '2026-11-30', '2026-12-01']);
  });

  it('an explicit order outlasts a later currency change', async () => {
    const b = bot();
    await say(b, 'dates day first');
    expect(await say(b, 'set currency USD')).toBe('👍 Default currency is now USD.');
    expect(await say(b, '1/12 coffee 5')).toBe('✅ $5 · Food › Coffee · today');
  });
});
