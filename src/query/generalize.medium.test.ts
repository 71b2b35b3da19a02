import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../app/repositories.js';
import type { OwnerSettings } from '../core/types.js';
import { newConversation, type QueryContext } from './answer.js';
import { askEval, loadRecords, type EvalAnswer, type EvalRecord } from '../../test/support/ledgers.js';

// The general causes behind a blind set's failures, end to end over a real ledger and the real
// concept lexicon (no fixed concepts): glue words, currencies, per-expense averages, concept
// families kept to their categories, all-time subjects, narrower autos and seafood.
const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const now = new Date('2026-01-15T14:00:00Z');
const ctx: QueryContext = { owner: 'me', now, settings };

const R = (date: string, amount: number, category: string, item: string | null, merchant: string | null = null, note: string | null = null, currency = 'INR'): EvalRecord =>
  ({ date, amount, currency, category, item, merchant, note });

const LEDGER: EvalRecord[] = [
  R('2025-11-10', 900, 'food/groceries', 'groceries', 'DMart', 'oil, rice, milk'),
  R('2025-12-02', 1100, 'food/groceries', 'groceries', 'DMart', 'atta, eggs'),
  R('2025-12-05', 2400, 'transport/vehicle', 'scooty service', 'Honda Service', 'engine oil, brake pads'),
  R('2025-12-06', 650, 'personal_care/cosmetics', 'hair oil', 'Nykaa'),
  R('2025-12-09', 180, 'transport/taxi', 'auto', null, 'to station'),
  R('2025-12-11', 420, 'transport/taxi', 'ola cab', 'Ola'),
  R('2025-12-14', 150, 'transport/taxi', 'rickshaw', null),
  R('2025-12-18', 560, 'food/restaurant', 'fish fry', 'Mahesh Lunch Home'),
  R('2025-12-18', 380, 'food/restaurant', 'chicken tikka', 'Mahesh Lunch Home'),
  R('2025-12-20', 45, 'food/restaurant', 'noodles', 'Lau Pa Sat', null, 'SGD'),
  R('2025-12-21', 30, 'food/restaurant', 'chilli crab', 'Lau Pa Sat', null, 'SGD'),
  R('2026-01-03', 300, 'food/restaurant', 'dinner', 'Zomato'),
  R('2026-01-08', 500, 'food/restaurant', 'dinner', 'Zomato'),
  R('2026-01-10', 700, 'food/groceries', 'groceries', 'DMart', 'vegetables'),
  R('2026-01-12', 1300, 'transport/taxi', 'ola cab', 'Ola'),
];

let dir: string;
let opened: Repositories;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-query-gen-'));
  opened = await openRepositories(path.join(dir, 'ledger.db'));
  await loadRecords(opened.expenses, LEDGER);
});
afterAll(async () => {
  await opened.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
const ask = (q: string) => askEval(opened.queries, q, ctx, newConversation());

describe('glue words', () => {
  it('answers instead of asking what a glue word covers', async () => {
    const a = await ask('how much have my DMart groceries added up to altogether?');
    expect([a.result.total, a.result.count]).toEqual([2700, 3]);
    const b = await ask('how many expenses have I recorded this month?');
    expect(b.result.count).toBe(4);
    const c = await ask('what have zomato dinners tallied to?');
    expect(c.result.total).toBe(800);
  });
});

describe('unknown things stay unknown', () => {
  it('never answers an unknown word with every expense', async () => {
    for (const q of ['how much on zorbing?', 'total spent on paragliding', 'kitna gaya snorkelling pe']) {
      const a = await ask(q);
      expect(a.result.total).toBeNull();
      expect(a.result.count).toBe(0);
      expect(a.reply).toMatch(/I don't know what/);
    }
  });
});

describe('clipped words', () => {
  it('finds the ledger word a clipped one begins ("scoot" → scooty)', async () => {
    const a = await ask('how much on scoot?');
    expect(a.result.total).toBe(2400);
    const b = await ask('how much on zzzq?');
    expect(b.result.count).toBe(0);
  });
});

describe('exclusions', () => {
  it('leaving out something nothing mentions changes nothing, and does not stop the answer', async () => {
    const a = await ask('ola spending excluding zorbing');
    expect(a.result.total).toBe(1720);
    const b = await ask('ola and zomato other than zomato');
    expect(b.result.total).toBe(1720);
  });
});

describe('currencies', () => {
  it('filters the named currency over all time', async () => {
    const a = await ask('how many singapore dollars did I spend?');
    expect([a.result.total, a.result.currency, a.result.count]).toEqual([75, 'SGD', 2]);
    const b = await ask('total SGD spend');
    expect(b.result.total).toBe(75);
  });
});

describe('averages per occasion', () => {
  it('divides by the number of expenses', async () => {
    const a = await ask("what's my average zomato order?");
    expect(a.result.total).toBe(400);
    expect(a.reply).toContain('₹400 per expense');
    const b = await ask('average ola ride cost');
    expect(b.result.total).toBe(860);
  });
});

describe('concept families', () => {
  it('groceries keep to groceries', async () => {
    const a = await ask('most expensive grocery run?');
    expect(a.result.expenses.map((e) => e.amount)).toEqual([1100]);
    const b = await ask('grocery bills so far');
    expect(b.result.expenses.map((e) => e.item)).toEqual(['groceries', 'groceries', 'groceries']);
  });
  it('autos are not cabs, seafood is not chicken', async () => {
    const a = await ask('how many auto rides in december?');
    expect(a.result.count).toBe(2);
    const b = await ask('which seafood did I have?');
    expect(b.result.expenses.map((e) => e.item).sort()).toEqual(['chilli crab', 'fish fry']);
  });
});

describe('periods', () => {
  it('a comparison of two subjects with no period is over all time', async () => {
    const a = await ask('ola vs zomato, where did more go?');
    expect(a.reply).toContain('₹1,720');
    expect(a.reply).toContain('₹800');
  });
});

describe('newest rows, shares and either-or comparisons', () => {
  it('"the last N" are the newest matches, newest first', async () => {
    const a = await ask('my last 2 ola rides');
    expect(a.result.expenses.map((e) => [e.date, e.amount])).toEqual([['2026-01-12', 1300], ['2025-12-11', 420]]);
    expect(a.result.total).toBeNull();
    expect(a.reply).toContain('Last 2 expenses on Ola');
    const b = await ask('when did I last buy groceries?');
    expect(b.result.expenses.map((e) => e.date)).toEqual(['2026-01-10']);
  });
  it('a share is read off a breakdown of everything', async () => {
    const a = await ask('what percentage of my spending went to transport in december?');
    expect(a.plan?.op).toBe('breakdown');
    expect(a.reply).toMatch(/Transport ₹3,150 \(\d+%\)/);
  });
  it('"more on X or Y" compares the two', async () => {
    const a = await ask('did I spend more on ola or zomato?');
    expect(a.reply).toContain('₹1,720 on Ola');
    expect(a.reply).toContain('₹800 on Zomato');
  });
});
