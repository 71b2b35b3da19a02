import { describe, expect, it } from 'vitest';
import { zonedInstant } from '../core/dates.js';
import type { OwnerSettings } from '../core/types.js';
import type { UnderstandContext, Understanding } from './types.js';
import { understand } from './understand.js';

const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
// Thursday 15 January 2026, 19:30 in Pune.
const ctx: UnderstandContext = { now: zonedInstant('2026-01-15', { hour: 19, minute: 30 }, 'Asia/Kolkata'), settings };
const u = (s: string, c: UnderstandContext = ctx): Understanding => understand(s, c);
function expenses(s: string) {
  const r = u(s);
  if (r.intent !== 'add_expense') throw new Error(`${s}: expected add_expense, got ${JSON.stringify(r)}`);
  return r.expenses;
}

describe('understand: expenses', () => {
  it('records "chai 20" as ₹20 of tea today with high confidence', () => {
    const r = u('chai 20');
    expect(r).toMatchObject({ intent: 'add_expense' });
    if (r.intent !== 'add_expense') return;
    expect(r.expenses).toHaveLength(1);
    expect(r.expenses[0]).toMatchObject({ amountMinor: 2000, currency: 'INR', category: 'food', item: 'chai', merchant: null, date: '2026-01-15' });
    expect(r.confidence).toBeGreaterThanOrEqual(0.8);
    expect(r.futureDate).toBeUndefined();
  });

  it('finds item, merchant and date in a sentence', () => {
    const [e] = expenses('spent 500 on a latte at Starbucks yesterday');
    expect(e).toMatchObject({ amountMinor: 50000, item: 'latte', category: 'food', date: '2026-01-14' });
    expect(e!.merchant?.toLowerCase()).toBe('starbucks');
  });

  it('uses the local date of the owner, not UTC', () => {
    // 00:30 on the 16th in India is still the 15th in UTC.
    const late = { ...ctx, now: zonedInstant('2026-01-16', { hour: 0, minute: 30 }, 'Asia/Kolkata') };
    const r = u('chai 20', late);
    expect(r.intent === 'add_expense' && r.expenses[0]!.date).toBe('2026-01-16');
    const ny = { now: new Date('2026-01-15T03:00:00Z'), settings: { ...settings, timeZone: 'America/New_York' } };
    const r2 = u('chai 20 yesterday', ny);
    expect(r2.intent === 'add_expense' && r2.expenses[0]!.date).toBe('2026-01-13');
  });

  it('keeps money in integer minor units, per currency', () => {
    expect(expenses('milk 56.50')[0]!.amountMinor).toBe(5650);
    expect(expenses('12.5 USD for an ebook')[0]).toMatchObject({ amountMinor: 1250, currency: 'USD' });
    expect(expenses('£8 sandwich at heathrow')[0]).toMatchObject({ amountMinor: 800, currency: 'GBP', item: 'sandwich' });
    expect(expenses('sushi 1500 yen')[0]).toMatchObject({ amountMinor: 1500, currency: 'JPY' });
    expect(expenses('0.1 usd gum')[0]!.amountMinor).toBe(10);
    expect(expenses('laptop 1,05,000')[0]!.amountMinor).toBe(10_500_000);
  });

  it('uses the owner currency when none is written', () => {
    const usd = { ...ctx, settings: { ...settings, currency: 'USD' } };
    const r = u('coffee 4.5', usd);
    expect(r.intent === 'add_expense' && r.expenses[0]).toMatchObject({ amountMinor: 450, currency: 'USD' });
  });

  it('splits several expenses and shares a marked currency and a date', () => {
    const es = expenses('kal raat 2 beer 450 aur cab 320');
    expect(es.map((e) => [e.amountMinor, e.item, e.date])).toEqual([[45000, 'beer', '2026-01-14'], [32000, 'cab', '2026-01-14']]);
    const d = expenses('$5 coffee and 3 muffin');
    expect(d.map((e) => e.currency)).toEqual(['USD', 'USD']);
    const multi = expenses('petrol 500\nparking 40');
    expect(multi.map((e) => e.item)).toEqual(['petrol', 'parking']);
    const each = expenses('coffee 50 today and lunch 200 yesterday');
    expect(each.map((e) => e.date)).toEqual(['2026-01-15', '2026-01-14']);
  });

  it('reads list layouts: dashes bind, commas, semicolons, pipes, numbering and lines separate', () => {
    const items = (t: string) => expenses(t).map((e) => [e.item, e.amountMinor / 100]);
    expect(items('groceries - 450 | milk - 60')).toEqual([['groceries', 450], ['milk', 60]]);
    expect(items('milk-60, curd-40')).toEqual([['milk', 60], ['curd', 40]]);
    expect(items('chai 10; vada pav 15; cutting 12')).toEqual([['chai', 10], ['vada pav', 15], ['cutting', 12]]);
    expect(items('1. milk 60 2. bread 40')).toEqual([['milk', 60], ['bread', 40]]);
    expect(items('breakfast 80 lunch 150 dinner 300')).toEqual([['breakfast', 80], ['lunch', 150], ['dinner', 300]]);
    expect(items('petrol 500, 200 snacks').map((x) => x[1])).toEqual([500, 200]);
  });

  it('serves a US owner: dollars, month-first dates', () => {
    const us = { now: new Date('2026-01-16T00:30:00Z'), settings: { ...settings, timeZone: 'America/New_York', currency: 'USD', locale: 'en-US', dayFirst: false } };
    const r = u('gas 45 on 1/12', us);
    expect(r.intent === 'add_expense' && r.expenses[0]).toMatchObject({ amountMinor: 4500, currency: 'USD', date: '2026-01-12' });
    const s = u('Sat dinner 40', us);
    expect(s.intent === 'add_expense' && s.expenses[0]!.date).toBe('2026-01-10');
  });

  it('takes counts and units as quantities, not amounts', () => {
    expect(expenses('3 samosa 60').map((e) => e.amountMinor)).toEqual([6000]);
    expect(expenses('2 kg tomatoes 80').map((e) => e.amountMinor)).toEqual([8000]);
    expect(expenses('budweiser 2 pints 700').map((e) => e.amountMinor)).toEqual([70000]);
    expect(expenses('dinner for 2 1200').map((e) => e.amountMinor)).toEqual([120000]);
    expect(expenses('room 302 1450').map((e) => e.amountMinor)).toEqual([145000]);
  });

  it('flags a future date instead of recording it silently', () => {
    const r = u('movie tickets 800 on 20 feb');
    expect(r).toMatchObject({ intent: 'add_expense', futureDate: true });
  });

  it('gives unknown words a low confidence', () => {
    const r = u('zxqv blorf 300');
    expect(r.intent).toBe('add_expense');
    expect(r.confidence).toBeLessThan(0.6);
  });
});

describe('understand: incomplete', () => {
  it('asks for the amount when it is missing', () => {
    for (const s of ['bought petrol', 'paid the maid', 'coffee']) {
      const r = u(s);
      expect(r.intent, s).toBe('incomplete');
      if (r.intent === 'incomplete') {
        expect(r.missing).toBe('amount');
        expect(r.partial.amountMinor).toBeNull();
        expect(r.partial.item).toBeTruthy();
      }
    }
    const p = u('bought petrol');
    expect(p.intent === 'incomplete' && p.partial.category).toBe('transport');
  });
  it('asks what it was for when only an amount is given', () => {
    for (const s of ['500', 'paid 500', '₹250 today']) {
      const r = u(s);
      expect(r, s).toMatchObject({ intent: 'incomplete', missing: 'item' });
      if (r.intent === 'incomplete') expect(r.partial.amountMinor).toBeGreaterThan(0);
    }
  });
});

describe('understand: commands', () => {
  it('edits the last expense', () => {
    expect(u('no, 60')).toMatchObject({ intent: 'command', command: { kind: 'edit_amount', amountMinor: 6000, currency: null } });
    expect(u('make it 250')).toMatchObject({ intent: 'command', command: { kind: 'edit_amount', amountMinor: 25000 } });
    expect(u('actually $12')).toMatchObject({ intent: 'command', command: { kind: 'edit_amount', amountMinor: 1200, currency: 'USD' } });
    expect(u('that was yesterday')).toMatchObject({ intent: 'command', command: { kind: 'edit_date', date: '2026-01-14' } });
    expect(u('it was on monday')).toMatchObject({ intent: 'command', command: { kind: 'edit_date', date: '2026-01-12' } });
    expect(u('that was transport')).toMatchObject({ intent: 'command', command: { kind: 'edit_category', category: 'transport' } });
    expect(u('it was a latte')).toMatchObject({ intent: 'command', command: { kind: 'edit_item', item: 'latte' } });
  });
  it('undoes, lists, helps and sets', () => {
    expect(u('remove that last one')).toMatchObject({ intent: 'command', command: { kind: 'undo' } });
    expect(u('last 5')).toMatchObject({ intent: 'command', command: { kind: 'list_recent', limit: 5 } });
    expect(u('help')).toMatchObject({ intent: 'command', command: { kind: 'help' } });
    expect(u('set currency USD')).toMatchObject({ intent: 'command', command: { kind: 'set_currency', currency: 'USD' } });
    expect(u('set timezone Europe/London')).toMatchObject({ intent: 'command', command: { kind: 'set_timezone', timeZone: 'Europe/London' } });
  });
});

describe('understand: other and queries', () => {
  it.each([
    ['hey there', 'greeting'], ['gm', 'greeting'], ['thnx', 'thanks'], ['what all can you track?', 'capabilities'],
    ['bonus credited 20k', 'income'], ['salary 50000 received', 'income'], ['got 500 from mom', 'income'],
    ['refund of 300 from amazon', 'refund'], ['will pay rent 15000 tomorrow', 'plan'], ['need to buy milk', 'plan'],
  ])('%s -> other/%s', (s, kind) => {
    expect(u(s)).toMatchObject({ intent: 'other', kind });
  });
  it.each(['spending this week?', 'jan ka total?', 'what did I spend on rapido?', 'which day did I spend the most?', 'how much on coffee', 'kitna kharcha hua'])('%s is a query', (s) => {
    expect(u(s).intent).toBe('query');
  });
});

describe('understand: bad input never throws', () => {
  it('treats empty, emoji-only and punctuation as noise', () => {
    for (const s of ['', '   ', '😀😀😀', '🙏', '...', '\u0000\u0001\u0002', '\u200b\u200b']) expect(u(s), JSON.stringify(s)).toMatchObject({ intent: 'other', kind: 'noise' });
  });
  it('never records a negative, zero, overflowing or scientific amount', () => {
    for (const s of ['-500', 'chai -20', '1e309', 'chai 0', 'coffee 1e5', 'car 999999999999', 'chai 0.001']) {
      const r = u(s);
      expect(r.intent, s).not.toBe('add_expense');
    }
  });
  it('cuts 64 KB of text and answers fast', () => {
    const big = 'chai 20 '.repeat(8192);
    const t0 = performance.now();
    const r = u(big);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(['add_expense', 'other', 'incomplete']).toContain(r.intent);
  });
  it('strips control characters and markup from items and caps their length', () => {
    const r = u('cof\u0000fee 40');
    expect(r.intent === 'add_expense' && r.expenses[0]!.item).not.toMatch(/\u0000/);
    const x = u('<b>pizza</b> 300');
    expect(x.intent === 'add_expense' && x.expenses[0]!.item).toMatch(/^[\p{L} ]+$/u);
    const sql = u("chai'; DROP TABLE expenses;-- 20");
    if (sql.intent === 'add_expense') for (const e of sql.expenses) expect(e.item ?? '').not.toMatch(/[;'-]/);
    const long = u(`${'verylongword '.repeat(40)}500`);
    if (long.intent === 'add_expense') expect(long.expenses[0]!.item!.length).toBeLessThanOrEqual(60);
  });
  it('does not find Object.prototype members in its word tables', () => {
    for (const s of ['constructor 50', 'toString 20', '__proto__ 30', 'set timezone constructor', 'set currency constructor', 'hasOwnProperty']) {
      const r = u(s);
      if (r.intent === 'add_expense') for (const e of r.expenses) expect(Number.isSafeInteger(e.amountMinor) && typeof e.currency === 'string').toBe(true);
      if (r.intent === 'command') expect(r.command.kind).not.toMatch(/^set_/);
    }
    const r = u('constructor 50');
    expect(r.intent === 'add_expense' && r.expenses[0]!.amountMinor).toBe(5000);
  });

  it('survives random word salad built from its own vocabulary', () => {
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const vocab = ['chai', '20', '1.2k', 'lakh', 'do', 'hazaar', 'sau', 'dedh', 'fifty', 'and', 'aur', 'then', ',', '+', '-', 'x', '2', '3kg', 'on',
      '3rd', 'kal', 'raat', 'yesterday', 'last', 'saturday', 'at', 'from', 'starbucks', 'rapido', 'for', 'the', 'each', '$', '₹', 'rs', '/-',
      'how', 'much', '?', 'undo', 'no', 'make', 'it', 'that', 'was', 'salary', 'will', 'tomorrow', '12/01', '2026-01-05', 'jan', '5', '0', '-500',
      '1e309', 'constructor', '__proto__', '999999999999', 'a', 'hundred', 'twenty', 'paanch', 'saade', 'teen', '%', '@', '\n', 'w/', 'bday'];
    for (let i = 0; i < 5000; i++) {
      const n = 1 + Math.floor(rnd() * 10);
      const words: string[] = [];
      for (let j = 0; j < n; j++) words.push(vocab[Math.floor(rnd() * vocab.length)]!);
      const s = words.join(rnd() < 0.8 ? ' ' : '');
      const r = u(s);
      expect(r.confidence, JSON.stringify(s)).toBeGreaterThan(0);
      if (r.intent === 'add_expense') {
        for (const e of r.expenses) {
          expect(Number.isSafeInteger(e.amountMinor) && e.amountMinor > 0, s).toBe(true);
          expect(e.amountMinor / 100).toBeLessThanOrEqual(100_000_000);
          expect(e.date, s).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }
    }
  });

  it('survives random input', () => {
    let seed = 42;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = 'ab c1 2,.₹$k-/\n?😀lakhsau\u0000x@<>;:\'"*%=~()[]0fifty do hazaar on 3rd kal jan mon';
    for (let i = 0; i < 5000; i++) {
      let s = '';
      const n = Math.floor(rnd() * 40);
      for (let j = 0; j < n; j++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const r = u(s);
      expect(['add_expense', 'incomplete', 'query', 'command', 'other']).toContain(r.intent);
      // Confidence 0 only comes from the catch-all: no rule may throw.
      expect(r.confidence, JSON.stringify(s)).toBeGreaterThan(0);
      if (r.intent === 'add_expense') for (const e of r.expenses) expect(Number.isSafeInteger(e.amountMinor) && e.amountMinor > 0).toBe(true);
    }
  });
});
