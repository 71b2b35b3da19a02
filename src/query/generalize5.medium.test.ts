import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../app/repositories.js';
import { categorize } from '../categories/index.js';
import type { OwnerSettings } from '../core/types.js';
import { newConversation, type QueryContext } from './answer.js';
import { askEval, openTempLedger, type EvalRecord } from '../../test/support/ledgers.js';

// The round-4 causes end to end on a real SQLite ledger written here (a Kolkata household), in
// wording that is in no question set. Expected figures are computed from the rows below.
const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const ctx: QueryContext = { owner: 'me', now: new Date('2026-01-15T14:00:00Z'), settings };
const rec = (date: string, amount: number, category: string, item: string, merchant: string | null = null, currency = 'INR'): EvalRecord => ({ date, amount, currency, category, item, merchant, note: null });
const records: EvalRecord[] = [
  rec('2025-12-03', 640, 'food/groceries', 'katla'),
  rec('2025-12-10', 900, 'food/groceries', 'pabda'),
  rec('2026-01-04', 1100, 'food/groceries', 'hilsa'),
  rec('2026-01-05', 300, 'food/groceries', 'chicken'),
  rec('2026-01-06', 180, 'food/sweets', 'rasgulla', 'KC Das'),
  rec('2026-01-09', 220, 'food/sweets', 'sandesh'),
  rec('2026-01-02', 150, 'food/sweets', 'mishti doi'),
  rec('2026-01-07', 240, 'transport/taxi', 'ride', 'Uber'),
  rec('2026-01-08', 310, 'transport/taxi', 'ride', 'Uber'),
  rec('2026-01-08', 200, 'transport/taxi', 'ride', 'Ola'),
  rec('2026-01-10', 25, 'food/tea', 'cha'),
  rec('2026-01-11', 25, 'food/tea', 'cha'),
  rec('2026-01-12', 1200, 'gifts/gifts', 'wedding gift'),
  rec('2026-01-13', 501, 'gifts/donations', 'temple donation'),
  rec('2025-12-20', 60, 'food/restaurant', 'dinner', null, 'BDT'),
  rec('2025-12-15', 90, 'food/meals', 'misal pav'),
  rec('2025-12-16', 250, 'food/snacks', 'cashews'),
  rec('2025-12-17', 60, 'food/snacks', 'dabeli'),
  rec('2026-01-09', 450, 'food/delivery', 'biryani', 'Uber Eats'),
];
let opened: Repositories;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ opened, dispose } = await openTempLedger(records, 'g5', categorize));
});
afterAll(() => dispose());
const ask = (q: string) => askEval(opened.queries, q, ctx, newConversation());
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('round-4 causes on a real ledger', () => {
  it('"machh" is every kind of fish, by its name', async () => {
    const a = await ask('ei bochor machh e koto gelo?');
    expect(a.result.total).toBe(1100);
    const all = await ask('machh kotota kinechi ekhon obdi');
    expect(all.result.count).toBe(3);
    expect(all.result.total).toBe(sum([640, 900, 1100]));
  });
  it('"mishti" is every sweet, not only rows that say "mishti"', async () => {
    const a = await ask('mishti te koto taka gelo?');
    expect(a.result.currency).toBe('INR');
    expect(a.result.total).toBe(sum([180, 220, 150]));
    expect(a.result.count).toBe(3);
  });
  it('"taka" asks in rupees: a Bangladeshi taka row is not the answer', async () => {
    const a = await ask('ekhon obdi dinner e koto taka?');
    expect(a.result.currency).toBe('INR');
    expect(a.result.total).toBe(0);
  });
  it('a shop\'s rides joined by "er sob … gulo" are that shop\'s only', async () => {
    const a = await ask('Uber er sob ride gulo dekhao');
    expect(a.result.expenses.map((e) => e.amount).sort()).toEqual([240, 310]);
  });
  it('"koto baar cha" counts the tea', async () => {
    const a = await ask('koto baar cha khelam ei mashe');
    expect(a.result.count).toBe(2);
  });
  it('a category and a name joined by "ar" are both counted', async () => {
    const a = await ask('gift ar donation gulo list koro');
    expect(a.result.expenses.map((e) => e.amount).sort((x, y) => x - y)).toEqual([501, 1200]);
  });
  it('the two most expensive, written as a word', async () => {
    const a = await ask('two most expensive things this month');
    expect(a.result.expenses.map((e) => e.amount)).toEqual([1200, 1100]);
  });
});

describe('a shop asked about by name', () => {
  it('is not another shop whose name holds the same word', async () => {
    const a = await ask('uber this month?');
    expect(a.result.expenses.map((e) => e.amount).sort()).toEqual([240, 310]);
    const b = await ask('uber eats this month?');
    expect(b.result.expenses.map((e) => e.amount)).toEqual([450]);
  });
});

describe('street food is the dishes, wherever they were filed', () => {
  it('counts misal and dabeli, not cashews', async () => {
    const a = await ask('street food e ki ki khelam?');
    expect(a.result.expenses.map((e) => e.item).sort()).toEqual(['dabeli', 'misal pav']);
  });
});

describe('part of what is asked, on a real ledger', () => {
  it('"Uber, rides included" is Uber only; "taxi, counting the Ola ride" is every taxi', async () => {
    const a = await ask('how much at uber, rides included?');
    expect(a.result.total).toBe(240 + 310);
    const b = await ask('transport this month, counting the ola ride');
    expect(b.result.total).toBe(240 + 310 + 200);
  });
});
