/** End-to-end chat scripts through the whole bot: record, correct, undo, missing amount, bad input. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openChat, type ChatHarness } from './harness.js';

let chat: ChatHarness;
beforeEach(async () => {
  chat = await openChat();
});
afterEach(async () => {
  await chat.close();
});

describe('recording', () => {
  it('confirms what it understood and stores it', async () => {
    expect(await chat.say('chai 20')).toBe('✅ ₹20 · Food › Tea · today');
    const [e] = await chat.ledger();
    expect(e).toMatchObject({ amountMinor: 2000, currency: 'INR', category: 'food', detail: 'tea', date: '2026-01-15', source: 'text' });
  });

  it('records several expenses from one message with their own categories', async () => {
    const r = await chat.say('coffee 50 and sandwich 120');
    expect(r.split('\n')).toHaveLength(2);
    expect(r).toContain('₹50');
    expect(r).toContain('₹120');
    expect((await chat.ledger()).map((e) => e.amountMinor)).toEqual([5000, 12000]);
  });

  it('shows merchant and relative date', async () => {
    const r = await chat.say('spent 500 on a latte at Starbucks yesterday');
    expect(r).toMatch(/^✅ ₹500 · Food › Coffee/);
    expect(r).toContain('Starbucks');
    expect(r).toContain('yesterday');
    expect((await chat.ledger())[0]!.date).toBe('2026-01-14');
  });

  it('never records the same message twice', async () => {
    await chat.say('petrol 500', { id: 'dup' });
    await chat.say('petrol 500', { id: 'dup' });
    expect(await chat.ledger()).toHaveLength(1);
  });
});

describe('corrections and undo', () => {
  it('"no, 60" changes the last amount; "undo" removes it', async () => {
    await chat.say('chai 20');
    expect(await chat.say('no, 60')).toContain('₹60');
    expect((await chat.ledger())[0]!.amountMinor).toBe(6000);
    expect(await chat.say('undo')).toMatch(/^🗑️ Removed ₹60/);
    expect(await chat.ledger()).toHaveLength(0);
    expect(await chat.say('undo')).toBe('Nothing to undo yet.');
  });

  it('"that was yesterday" moves the last expense', async () => {
    await chat.say('auto 80');
    expect(await chat.say('that was yesterday')).toContain('yesterday');
    expect((await chat.ledger())[0]!.date).toBe('2026-01-14');
  });

  it('"that was transport" recategorizes and is remembered for the item', async () => {
    // An unknown word is a draft, never a silent "Other"; the owner's answer files and teaches it.
    expect(await chat.say('zorblax 1500')).toMatch(/^Not sure this is an expense/);
    await chat.say('that was transport');
    expect(await chat.ledger()).toHaveLength(0);
    await chat.say('ok');
    expect((await chat.ledger())[0]!.category).toBe('transport');
    await chat.say('zorblax 900');
    expect((await chat.ledger())[1]!.category).toBe('transport');
  });

  it('undo removes every expense of a multi-expense message', async () => {
    await chat.say('bhel 60 + buttermilk 25');
    await chat.say('undo');
    expect(await chat.ledger()).toHaveLength(0);
  });
});

describe('asking back when something is missing', () => {
  it('asks for the amount and completes the record from the answer', async () => {
    expect(await chat.say('bought petrol')).toBe('How much was the petrol?');
    expect(await chat.ledger()).toHaveLength(0);
    expect(await chat.say('500')).toMatch(/^✅ ₹500 · Transport › Fuel/);
    expect((await chat.ledger())[0]!.amountMinor).toBe(50000);
  });

  it('takes "it was 500" as the answer to the amount question', async () => {
    expect(await chat.say('paid the plumber')).toMatch(/^How much was the plumber\?/);
    expect(await chat.say('it was 500')).toMatch(/^✅ ₹500/);
    expect(await chat.ledger()).toHaveLength(1);
  });

  it('asks before recording a future date', async () => {
    const r = await chat.say('rent 15000 on 20 jan');
    expect(r).toContain('future');
    expect(await chat.ledger()).toHaveLength(0);
    expect(await chat.say('ok')).toContain('✅');
    expect(await chat.ledger()).toHaveLength(1);
  });
});

describe('bad input gets a friendly reply and changes nothing', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['only spaces', '    '],
    ['64 KB of text', 'chai 20 '.repeat(8192)],
    ['only emoji', '😀😀🎉'],
    ['control characters', '\u0000\u0001\u0002\u0007'],
    ['negative amount', '-500'],
    ['overflowing amount', '1e309'],
    ['absurd amount', 'coffee 99999999999999999999'],
  ];
  it.each(cases)('%s', async (_name, text) => {
    const r = await chat.say(text);
    expect(r.length).toBeGreaterThan(0);
    expect(r).not.toContain('✅');
    expect(await chat.ledger()).toHaveLength(0);
  });

  it('survives SQL and markup in messages: what it confirms is exactly what it stores, and the ledger still works', async () => {
    const hostile = ["'); DROP TABLE expenses;-- 50", '<script>alert(1)</script> 30', "chai'); DELETE FROM expenses;-- 40", 'chai <b>bold</b> 30', '500', 'for petrol'];
    let confirmed = 0;
    for (const text of hostile) {
      const r = await chat.say(text);
      expect(r.length).toBeGreaterThan(0);
      confirmed += (r.match(/✅/g) ?? []).length;
    }
    const before = await chat.ledger();
    expect(before).toHaveLength(confirmed);
    for (const e of before) expect(e.amountMinor).toBeGreaterThan(0);
    // The table is intact and keeps recording after all that.
    expect(await chat.say('chai 20')).toContain('✅ ₹20');
    const after = await chat.ledger();
    expect(after).toHaveLength(confirmed + 1);
    expect(after.at(-1)).toMatchObject({ amountMinor: 2000, item: 'chai' });
  });
});

describe('questions', () => {
  it('answers from the ledger, and a concept never picks up a neighbour from the same message', async () => {
    await chat.say('coffee 50 and sandwich 120');
    await chat.say('latte 180 at starbucks');
    const r = await chat.say('how much did I spend on coffee this month?');
    expect(r).toMatch(/₹230/);
    expect(r).not.toMatch(/₹350/);
  });

  it('follow-ups reuse the last question', async () => {
    await chat.say('petrol 500');
    chat.clock.set('2026-02-10T10:00:00Z');
    await chat.say('petrol 700');
    expect(await chat.say('how much on petrol this month?')).toMatch(/₹700/);
    expect(await chat.say('and last month?')).toMatch(/₹500/);
  });
});

describe('other messages', () => {
  it('greets, thanks, and does not record income', async () => {
    expect(await chat.say('hi')).toMatch(/Hi/);
    expect(await chat.say('thanks')).toBeTruthy();
    expect(await chat.say('salary 50000 credited')).toMatch(/only track spending/);
    expect(await chat.ledger()).toHaveLength(0);
  });
  it('help lists what it can do', async () => {
    expect(await chat.say('help')).toContain('chai 20');
  });
});
