import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../app/repositories.js';
import { categorize } from '../categories/index.js';
import type { OwnerSettings } from '../core/types.js';
import { newConversation, type QueryContext } from './answer.js';
import { askEval, openTempLedger, type EvalRecord } from '../../test/support/ledgers.js';

// Round-8 question causes end to end on a real SQLite ledger written here (a Tucson couple), in
// wording that is in no question set. Expected figures are computed from the rows.
const rec = (date: string, amount: number, category: string, item: string, merchant: string | null = null): EvalRecord => ({ date, amount, currency: 'USD', category, item, merchant, note: null });
const sum = (xs: number[]) => xs.reduce((a, b) => Math.round((a + b) * 100) / 100, 0);

describe('a Tucson couple', () => {
  const settings: OwnerSettings = { timeZone: 'America/Phoenix', currency: 'USD', locale: 'en-US', dayFirst: false, weekStartsOn: 0 };
  // Tue 10 Mar 2026, evening.
  const ctx: QueryContext = { owner: 'me', now: new Date('2026-03-11T02:00:00Z'), settings };
  const records: EvalRecord[] = [
    rec('2025-12-20', 64.1, 'food/restaurant', 'dinner', 'Texas Roadhouse'),
    rec('2026-01-09', 38.5, 'food/restaurant', 'lunch', 'Eegee\'s'),
    rec('2026-01-24', 71.25, 'food/restaurant', 'anniversary dinner', 'El Charro'),
    rec('2026-01-12', 6.4, 'food/coffee', 'latte', 'Starbucks'),
    rec('2026-02-02', 88.0, 'utilities/electricity', 'electric bill', 'TEP'),
    rec('2026-02-05', 59.99, 'utilities/internet', 'internet', 'Cox'),
    rec('2026-02-11', 41.2, 'utilities/water', 'water bill', 'Tucson Water'),
    rec('2026-02-20', 45.0, 'utilities/mobile', 'phone bill', 'Visible'),
    rec('2026-01-03', 112.4, 'food/groceries', 'groceries', 'Fry\'s'),
    rec('2026-02-14', 97.3, 'food/groceries', 'groceries', 'Fry\'s'),
    rec('2025-12-30', 130.0, 'food/groceries', 'groceries', 'Fry\'s'),
    { date: '2026-02-27', amount: 900, currency: 'MXN', category: 'food/restaurant', item: 'seafood platter', merchant: null, note: 'first night in san carlos' },
    { date: '2026-02-28', amount: 350, currency: 'MXN', category: 'food/alcohol', item: 'cerveza', merchant: null, note: null },
    { date: '2026-03-01', amount: 1200, currency: 'MXN', category: 'entertainment', item: 'boat tour', merchant: null, note: null },
    { date: '2026-01-17', amount: 400, currency: 'MXN', category: 'personal_care', item: 'dentist cleaning', merchant: null, note: 'nogales' },
  ];
  let opened: Repositories;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ opened, dispose } = await openTempLedger(records, 'r8us', categorize));
  });
  afterAll(() => dispose());
  const ask = (q: string) => askEval(opened.queries, q, ctx, newConversation());

  it('a concept alias that ends in an occasion word is the concept, and "leave X out" leaves it out', async () => {
    const a = await ask('restaurant meals december vs january - leave the coffee out');
    expect(a.reply).toContain('64.10');
    expect(a.reply).toContain(String(sum([38.5, 71.25])));
  });
  it('"highest to lowest" ranks every bill of the period', async () => {
    const a = await ask('put february\'s utility bills in order, highest to lowest');
    expect(a.result.expenses.map((e) => e.amount)).toEqual([88.0, 59.99, 45.0, 41.2]);
  });
  it('a currency asked for with a place nobody filed is that trip\'s money, not the word', async () => {
    const a = await ask('how many pesos did we blow in San Carlos');
    expect([a.result.total, a.result.count]).toEqual([2450, 3]);
  });
  it('"since the first of the year" starts on 1 January', async () => {
    const a = await ask("what have we spent at fry's since the first of the year");
    expect([a.result.total, a.result.count]).toEqual([sum([112.4, 97.3]), 2]);
  });
});

describe('a Nagpur household with a petrol scooter and a diesel car', () => {
  const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
  // Sat 14 Nov 2026, evening.
  const ctx: QueryContext = { owner: 'me', now: new Date('2026-11-14T14:00:00Z'), settings };
  const inr = (date: string, amount: number, category: string, item: string, merchant: string | null = null): EvalRecord => ({ date, amount, currency: 'INR', category, item, merchant, note: null });
  const records: EvalRecord[] = [
    inr('2026-10-03', 250, 'transport/fuel', 'petrol', 'Indian Oil'),
    inr('2026-10-11', 3200, 'transport/fuel', 'diesel for the xuv'),
    inr('2026-10-19', 300, 'transport/fuel', 'scooty petrol'),
    inr('2026-10-27', 2800, 'transport/fuel', 'diesel', 'HP'),
    inr('2026-11-02', 280, 'transport/fuel', 'petrol'),
    inr('2026-11-09', 3000, 'transport/fuel', 'car diesel'),
  ];
  let opened: Repositories;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ opened, dispose } = await openTempLedger(records, 'r8in', categorize));
  });
  afterAll(() => dispose());
  const ask = (q: string) => askEval(opened.queries, q, ctx, newConversation());

  it('"petrol" and "diesel" are each their own kind of fuel; "fuel" is both', async () => {
    const p = await ask('october me petrol kitna gaya');
    expect([p.result.total, p.result.count]).toEqual([550, 2]);
    const d = await ask('how many times diesel since october');
    expect(d.result.count).toBe(3);
    const f = await ask('total fuel in october');
    expect([f.result.total, f.result.count]).toEqual([6550, 4]);
  });
});
