import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../app/repositories.js';
import { categorize } from '../categories/index.js';
import type { OwnerSettings } from '../core/types.js';
import { newConversation, type QueryContext } from './answer.js';
import { askEval, openTempLedger, type EvalRecord } from '../../test/support/ledgers.js';

// The round-6 causes end to end on real SQLite ledgers written here (a Thrissur household and a
// Texas one), in wording that is in no question set. Expected figures are computed from the rows.
const rec = (date: string, amount: number, currency: string, category: string, item: string, merchant: string | null = null): EvalRecord => ({ date, amount, currency, category, item, merchant, note: null });
const sum = (xs: number[]) => xs.reduce((a, b) => Math.round((a + b) * 100) / 100, 0);

describe('Malayalam questions on a real ledger', () => {
  const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
  const ctx: QueryContext = { owner: 'me', now: new Date('2026-11-20T14:00:00Z'), settings };
  const records: EvalRecord[] = [
    rec('2026-10-03', 240, 'INR', 'food/restaurant', 'biryani'),
    rec('2026-10-19', 260, 'INR', 'food/restaurant', 'biryani'),
    rec('2026-11-02', 250, 'INR', 'food/restaurant', 'biryani'),
    rec('2026-10-08', 5400, 'INR', 'shopping/clothes', 'saree'),
    rec('2026-10-21', 2100, 'INR', 'transport/fuel', 'petrol'),
    rec('2026-10-25', 380, 'INR', 'food/groceries', 'mathi'),
    rec('2026-11-06', 420, 'INR', 'food/groceries', 'ayala'),
    rec('2026-11-07', 300, 'INR', 'food/groceries', 'chicken'),
    rec('2026-11-13', 150, 'INR', 'transport/taxi', 'auto'),
  ];
  let opened: Repositories;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ opened, dispose } = await openTempLedger(records, 'g6in', categorize));
  });
  afterAll(() => dispose());
  const ask = (q: string) => askEval(opened.queries, q, ctx, newConversation());

  it('"kazhinja maasam X kku ethra aayi" is last month\'s total of X', async () => {
    const a = await ask('kazhinja maasam biryani kku ethra aayi?');
    expect(a.result.total).toBe(500);
    expect(a.result.count).toBe(2);
  });
  it('"ettavum valiya 2 chilavukal" ranks the two biggest of the month', async () => {
    const a = await ask('October il ettavum valiya 2 chilavukal');
    expect(a.result.expenses.map((e) => e.amount)).toEqual([5400, 2100]);
  });
  it('"ethra thavana" counts, "muthal" opens a period', async () => {
    expect((await ask('biryani ethra thavana kazhichu?')).result.count).toBe(3);
    const since = await ask('November muthal ethra chilavaayi');
    expect(since.result.total).toBe(sum([250, 420, 300, 150]));
  });
  it('Kerala fish are fish', async () => {
    const a = await ask('which fish did I buy');
    expect(a.result.expenses.map((e) => e.item).sort()).toEqual(['ayala', 'mathi']);
  });
});

describe('Texan questions on a real ledger', () => {
  const settings: OwnerSettings = { timeZone: 'America/Chicago', currency: 'USD', locale: 'en-US', dayFirst: false, weekStartsOn: 0 };
  const ctx: QueryContext = { owner: 'me', now: new Date('2026-10-28T20:00:00Z'), settings };
  const records: EvalRecord[] = [
    rec('2026-10-02', 58.2, 'USD', 'food/restaurant', 'dinner', 'Chuy\'s'),
    rec('2026-10-02', 4.5, 'USD', 'food/coffee', 'coffee'),
    rec('2026-10-09', 96.4, 'USD', 'food/restaurant', 'anniversary dinner'),
    rec('2026-10-16', 31.75, 'USD', 'food/restaurant', 'lunch'),
    rec('2026-10-05', 44.1, 'USD', 'transport/fuel', 'gas', 'Buc-ee\'s'),
    rec('2026-10-19', 47.9, 'USD', 'transport/fuel', 'gas', 'Valero'),
    rec('2026-10-22', 79.99, 'USD', 'transport/vehicle', 'oil change'),
    rec('2026-05-11', 40.0, 'USD', 'transport/fuel', 'gas'),
    rec('2026-07-14', 52.5, 'USD', 'transport/fuel', 'gas'),
    rec('2026-07-30', 48.0, 'USD', 'transport/fuel', 'gas'),
    rec('2026-09-12', 17.49, 'USD', 'food/alcohol', 'shiner 12 pack'),
    rec('2026-08-01', 220, 'MXN', 'food/alcohol', 'modelo'),
    rec('2026-09-20', 6.98, 'USD', 'food/soft_drinks', 'big red'),
    rec('2026-10-10', 23.4, 'USD', 'food/restaurant', 'brisket plate', 'Rudy\'s'),
  ];
  let opened: Repositories;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ opened, dispose } = await openTempLedger(records, 'g6us', categorize));
  });
  afterAll(() => dispose());
  const ask = (q: string) => askEval(opened.queries, q, ctx, newConversation());

  it('a count before the things ranked returns that many', async () => {
    const a = await ask('Which two restaurant bills were the highest this month?');
    expect(a.result.expenses.map((e) => e.amount)).toEqual([96.4, 58.2]);
  });
  it('"May vs July" compares the two months', async () => {
    const a = await ask('gas May vs July');
    expect(a.reply).toContain('40');
    expect(a.reply).toContain(String(sum([52.5, 48])));
  });
  it('a weekday before its date is that one day', async () => {
    const a = await ask('what did we spend on Friday October 2nd');
    expect(a.result.count).toBe(2);
  });
  it('"a tank of gas" on average is per fill-up', async () => {
    const a = await ask('on average what does a tank of gas run us this year?');
    expect(a.reply).toContain(String(sum([44.1, 47.9, 40, 52.5, 48]) / 5));
  });
  it('"fill up the truck" counts fill-ups, not the oil change', async () => {
    expect((await ask('how many times did I fill up the truck this month')).result.count).toBe(2);
  });
  it('"what beer did we buy" lists the beers in every currency, not the soda', async () => {
    const a = await ask('what beer did we buy?');
    expect(a.result.expenses.map((e) => e.item).sort()).toEqual(['modelo', 'shiner 12 pack']);
  });
  it('barbecue is a concept', async () => {
    const a = await ask('what barbecue did we get');
    expect(a.result.expenses.map((e) => e.item)).toEqual(['brisket plate']);
  });
});
