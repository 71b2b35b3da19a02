import { describe, expect, it } from 'vitest';
import { contextFromSettings } from '../../language/context.js';
import type { OwnerSettings } from '../../core/types.js';
import { understandNext } from '../next/understand.js';
import { readShared } from './read.js';

const INDIA: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const US: OwnerSettings = { timeZone: 'America/New_York', currency: 'USD', locale: 'en-US', dayFirst: false, weekStartsOn: 0 };
const NOW = new Date('2026-01-15T14:00:00Z');
const read = (text: string, s: OwnerSettings = INDIA) => readShared(text, contextFromSettings(NOW, s));
const understood = (text: string, s: OwnerSettings = INDIA) => understandNext(text, { now: NOW, settings: s });

describe('splits in an expense message', () => {
  it('splits equally with the people named, the owner first', () => {
    const r = read('dinner 1200 split with Rahul and Priya')!.split!;
    expect(r).toMatchObject({ totalMinor: 120000, ownerMinor: 40000, payer: null, heads: 3, how: 'equal' });
    expect(r.others).toEqual([{ person: 'Rahul', minor: 40000 }, { person: 'Priya', minor: 40000 }]);
  });

  it('gives the owner (the payer) the extra paisa of an uneven split', () => {
    const r = read('cake 1000 split with Amit, Neha and Ravi')!.split!;
    expect(r.ownerMinor).toBe(25000);
    const r3 = read('groceries 1000 split 3 ways')!.split!;
    expect([r3.ownerMinor, ...r3.others.map((o) => o.minor)]).toEqual([33334, 33333, 33333]);
    expect(r3.others.every((o) => o.person === null)).toBe(true);
  });

  it('reads halves, counts and the Hinglish forms', () => {
    expect(read('cab 600 split it 50/50')!.split).toMatchObject({ ownerMinor: 30000, heads: 2 });
    expect(read('cab 600 split 50-50 with Amit')!.split!.others).toEqual([{ person: 'Amit', minor: 30000 }]);
    expect(read('went dutch with Neha on dinner 1800')!.split).toMatchObject({ ownerMinor: 90000 });
    expect(read('movie 750 split between 3 of us')!.split).toMatchObject({ ownerMinor: 25000, heads: 3 });
    expect(read('pizza 900 Rahul ke saath split kiya')!.split!.others).toEqual([{ person: 'Rahul', minor: 45000 }]);
  });

  it('takes named parts off the bill: the rest is the owner\'s', () => {
    const r = read("I paid 1200 for dinner, Rahul's part is 500")!.split!;
    expect(r).toMatchObject({ totalMinor: 120000, ownerMinor: 70000, how: 'parts' });
    expect(r.others).toEqual([{ person: 'Rahul', minor: 50000 }]);
  });

  it('keeps the owner\'s own share as said; another payer is owed it', () => {
    expect(read('dinner 1500 my share was 400')!.split).toMatchObject({ totalMinor: 150000, ownerMinor: 40000 });
    const r = read('Rahul paid for dinner, my share 400')!.split!;
    expect(r).toMatchObject({ ownerMinor: 40000, payer: 'Rahul' });
    expect(r.others).toEqual([{ person: 'Rahul', minor: -40000 }]);
  });

  it('"for me and mom" is no split: paying for someone else is the owner\'s whole expense', () => {
    expect(read('lunch 800 for me and mom')?.split).toBeUndefined();
    expect(read('mere aur papa ke liye chai 40')?.split).toBeUndefined();
  });

  it('says when the parts cannot be', () => {
    expect(read("dinner 1200, Rahul's part is 1500")!.badSplit).toBe('parts_over_bill');
  });

  it('reads the phrasings of other places', () => {
    expect(read('split the check with Mike, $60', US)!.split).toMatchObject({ ownerMinor: 3000, currency: 'USD', others: [{ person: 'Mike', minor: 3000 }] });
    expect(read('paid 3000 for hotel, split between me, Amit and Ravi')!.split!.others.map((o) => o.person)).toEqual(['Amit', 'Ravi']);
    expect(read("paid the electricity bill 3000, half is Amit's")!.split).toMatchObject({ ownerMinor: 150000, others: [{ person: 'Amit', minor: 150000 }] });
    expect(read('Mike owes me $20', US)!.statement).toMatchObject({ kind: 'owes_me', amountMinor: 2000, currency: 'USD' });
    expect(read('I owe Tom £12')!.statement).toMatchObject({ kind: 'i_owe', person: 'Tom', amountMinor: 1200, currency: 'GBP' });
  });

  it('eating with someone is not a split', () => {
    for (const t of ['coffee 50 with Rahul', 'lunch with Priya 400', 'Rahul ke saath dinner 800', 'Amit owes me half of 3000']) {
      expect(read(t)?.split, t).toBeUndefined();
      expect(read(t)?.statement, t).toBeUndefined();
    }
  });

  it('works in dollars with cents', () => {
    const r = read('pizza $25 split with Mike and Sarah', US)!.split!;
    expect(r.currency).toBe('USD');
    expect([r.ownerMinor, ...r.others.map((o) => o.minor)]).toEqual([834, 833, 833]);
  });
});

describe('debts and udhaar', () => {
  it.each([
    ['Ramesh owes me 500', 'owes_me', 'Ramesh', 50000],
    ['lent 2000 to Sunita', 'lent', 'Sunita', 200000],
    ['Rahul lent me 2000', 'borrowed', 'Rahul', 200000],
    ['borrowed 1000 from dad', 'borrowed', 'Dad', 100000],
    ['Ramesh paid back 300', 'paid_back_to_me', 'Ramesh', 30000],
    ['got 200 back from rahul', 'paid_back_to_me', 'Rahul', 20000],
    ['paid Rahul back 400', 'paid_back_by_me', 'Rahul', 40000],
    ['i owe Priya 250 for the tickets', 'i_owe', 'Priya', 25000],
    ['Ramesh ko 500 udhaar diye', 'lent', 'Ramesh', 50000],
    ['Ramesh se 300 wapas mile', 'paid_back_to_me', 'Ramesh', 30000],
    ['Sunil se 1000 udhaar liye', 'borrowed', 'Sunil', 100000],
    ['Rahul Sharma owes me 500', 'owes_me', 'Rahul Sharma', 50000],
    ["paid Ramesh's share of the cab 200", 'owes_me', 'Ramesh', 20000],
    ['gave 2000 to the maid in advance', 'lent', 'Maid', 200000],
    ['Rahul ko 200 wapas kar diye', 'paid_back_by_me', 'Rahul', 20000],
  ])('%s', (text, kind, person, minor) => {
    expect(read(text)!.statement).toMatchObject({ kind, person, amountMinor: minor, currency: 'INR' });
  });

  it('dates a debt by the words of the message', () => {
    expect(read('lent 500 to Sunita yesterday')!.statement).toMatchObject({ date: '2026-01-14' });
  });

  it('settling needs no amount; a debt without one is asked', () => {
    expect(read('settled up with Rahul')!.statement).toEqual({ kind: 'settled', person: 'Rahul', date: '2026-01-15' });
    expect(read('Ramesh owes me')!.statement).toEqual({ kind: 'no_amount', person: 'Ramesh' });
  });

  it('is never read into an ordinary expense', () => {
    for (const t of ['chai 20', 'uber 14.50', 'paid credit card dues 5000', 'spent 500 on a latte at Starbucks yesterday', 'kal petrol 1.2k', 'half litre milk 30']) {
      const r = read(t);
      expect(r?.statement, t).toBeUndefined();
      expect(r?.split, t).toBeUndefined();
    }
  });
});

describe('questions about balances', () => {
  it.each([
    ['who owes me?', { kind: 'owed_to_me' }],
    ['what do I owe?', { kind: 'i_owe' }],
    ['how much does Rahul owe me?', { kind: 'person', person: 'Rahul' }],
    ['udhaar list', { kind: 'all' }],
    ['history with Ramesh', { kind: 'history', person: 'Ramesh' }],
    ['settle up', { kind: 'settle' }],
    ['who spent what this month', { kind: 'who_spent', period: 'this month' }],
    ['does anyone owe me money?', { kind: 'owed_to_me' }],
    ['kisne kitna dena hai', { kind: 'owed_to_me' }],
    ['mujhe kisko kitna dena hai', { kind: 'i_owe' }],
    ['how much do I owe Rahul?', { kind: 'person', person: 'Rahul' }],
  ])('%s', (text, q) => {
    expect(read(text)!.question).toEqual(q);
  });

  it('a question phrasing inside a longer message is not the question', () => {
    expect(read('paid my balances 500')?.question).toBeUndefined();
  });
});

describe('the reader of expenses keeps the owner\'s share', () => {
  it.each([
    ['dinner 1200 split with Rahul and Priya', 40000],
    ['pizza 900 split 3 ways', 30000],
    ["I paid 1200 for dinner, Rahul's part is 500", 70000],
    ['dinner 1500 my share was 400', 40000],
    ['Rahul paid for dinner, my share 400', 40000],
  ])('%s', (text, minor) => {
    const u = understood(text);
    expect(u.intent).toBe('add_expense');
    if (u.intent !== 'add_expense') return;
    expect(u.expenses.map((e) => e.amountMinor)).toEqual([minor]);
    expect(u.ask).toBeUndefined();
  });

  it('debts without a purchase are not expenses', () => {
    for (const t of ['Ramesh owes me 500', 'lent 2000 to Sunita', 'Ramesh ko 500 udhaar diye', 'Ramesh se 300 wapas mile', 'Rahul lent me 2000']) expect(understood(t).intent, t).toBe('other');
  });

  it('an impossible split is a draft, never a silent record', () => {
    const u = understood("dinner 1200, Rahul's part is 1500");
    expect(u.intent === 'add_expense' && u.ask).toBeTruthy();
  });
});
