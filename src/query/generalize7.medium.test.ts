import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../app/repositories.js';
import { categorize } from '../categories/index.js';
import type { OwnerSettings } from '../core/types.js';
import { newConversation, type QueryContext } from './answer.js';
import { askEval, openTempLedger, type EvalRecord } from '../../test/support/ledgers.js';

// The round-7 causes end to end on real SQLite ledgers written here (an Ohio household and a Lucknow
// one), in wording that is in no question set. Expected figures are computed from the rows.
const rec = (date: string, amount: number, currency: string, category: string, item: string, merchant: string | null = null, note: string | null = null): EvalRecord => ({ date, amount, currency, category, item, merchant, note });
const sum = (xs: number[]) => xs.reduce((a, b) => Math.round((a + b) * 100) / 100, 0);

describe('an Ohio household', () => {
  const settings: OwnerSettings = { timeZone: 'America/New_York', currency: 'USD', locale: 'en-US', dayFirst: false, weekStartsOn: 0 };
  const ctx: QueryContext = { owner: 'me', now: new Date('2026-08-20T22:00:00Z'), settings };
  const records: EvalRecord[] = [
    rec('2026-06-03', 16.4, 'USD', 'transport/taxi', 'ride to the stadium', 'Uber'),
    rec('2026-07-11', 23.1, 'USD', 'transport/taxi', 'airport ride', 'Uber'),
    rec('2026-07-12', 38.75, 'USD', 'food/delivery', 'pho', 'Uber Eats', 'pho Uber Eats 38.75'),
    rec('2026-07-19', 12.3, 'USD', 'transport/taxi', 'ride home', 'Lyft'),
    rec('2026-06-10', 151.2, 'USD', 'food/groceries', 'groceries', 'Kroger'),
    rec('2026-07-10', 132.45, 'USD', 'food/groceries', 'groceries', 'Kroger'),
    rec('2026-07-10', 44.0, 'USD', 'transport/fuel', 'gas', 'Kroger'),
    rec('2026-07-15', 19.99, 'USD', 'shopping/home', 'flowers', 'Kroger'),
    rec('2026-07-21', 48.5, 'USD', 'transport/fuel', 'gas', 'Speedway'),
    rec('2026-07-05', 96.3, 'USD', 'utilities/gas', 'gas bill', 'Columbia Gas'),
    rec('2026-07-08', 61.0, 'USD', 'utilities/mobile', 'phone bill', 'Verizon'),
    rec('2026-07-09', 22.99, 'USD', 'shopping/electronics', 'phone charger', 'Best Buy'),
    rec('2026-07-14', 130.1, 'USD', 'utilities/electricity', 'electric bill', 'AEP Ohio'),
    rec('2026-05-14', 118.0, 'USD', 'utilities/electricity', 'electric bill', 'AEP Ohio'),
    rec('2026-06-14', 124.6, 'USD', 'utilities/electricity', 'electric bill', 'AEP Ohio'),
  ];
  let opened: Repositories;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ opened, dispose } = await openTempLedger(records, 'g7us', categorize));
  });
  afterAll(() => dispose());
  const ask = (q: string) => askEval(opened.queries, q, ctx, newConversation());

  it('a shop asked about by name is not another shop whose name starts with it', async () => {
    const a = await ask('uber rides plus lyft in july?');
    expect([a.result.total, a.result.count]).toEqual([sum([23.1, 12.3]), 2]);
    const b = await ask('how many times did i take an uber this summer');
    expect(b.result.count).toBe(2);
  });
  it('months joined by "+" are both months', async () => {
    const a = await ask('AEP june + july total?');
    expect([a.result.total, a.result.count]).toEqual([sum([124.6, 130.1]), 2]);
  });
  it('a shop with what was bought there counts only those things there', async () => {
    const a = await ask('kroger gas in july');
    expect([a.result.total, a.result.count]).toEqual([44.0, 1]);
    const b = await ask('kroger in july - groceries and gas');
    expect([b.result.total, b.result.count]).toEqual([sum([132.45, 44.0]), 2]);
  });
  it('"gas" is fuel to an American owner, and a bill beside utilities', async () => {
    const a = await ask('how much gas in july');
    expect([a.result.total, a.result.count]).toEqual([sum([44.0, 48.5]), 2]);
    const b = await ask('utilities in july: electric, gas, phone, all of it');
    expect([b.result.total, b.result.count]).toEqual([sum([96.3, 61.0, 130.1]), 3]);
  });
});

describe('a Lucknow household', () => {
  const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
  const ctx: QueryContext = { owner: 'me', now: new Date('2026-08-20T12:00:00Z'), settings };
  const records: EvalRecord[] = [
    rec('2026-07-02', 250, 'INR', 'food/groceries', 'lauki', null, 'mandi'),
    rec('2026-07-09', 310, 'INR', 'food/groceries', 'sabzi', null, 'sabzi'),
    rec('2026-07-04', 38000, 'INR', 'education/fees', 'college fee', null, 'riya sem fee'),
    rec('2026-07-06', 501, 'INR', 'gifts/donations', 'gurudwara seva', 'Gurudwara Naka Hindola'),
    rec('2026-07-20', 1100, 'INR', 'gifts/donations', 'langar seva', 'Gurudwara Naka Hindola'),
    rec('2026-07-13', 240, 'INR', 'food/restaurant', 'lunch', 'Gurudwara Road Dhaba'),
    rec('2026-07-03', 1650, 'INR', 'utilities/electricity', 'bijli bill', 'LESA'),
    rec('2026-07-12', 900, 'INR', 'utilities/gas', 'cylinder', 'HP Gas'),
    rec('2026-07-25', 239, 'INR', 'utilities/mobile', 'airtel recharge', 'Airtel'),
  ];
  let opened: Repositories;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ opened, dispose } = await openTempLedger(records, 'g7in', categorize));
  });
  afterAll(() => dispose());
  const ask = (q: string) => askEval(opened.queries, q, ctx, newConversation());

  it('a vegetable word in the note of a fee is not a vegetable', async () => {
    const a = await ask('pichle mahine sabzi pe kitna laga');
    expect([a.result.total, a.result.count]).toEqual([560, 2]);
  });
  it('"X mein Y" is Y at X', async () => {
    const a = await ask('gurudwara mein kitni seva di');
    expect([a.result.total, a.result.count]).toEqual([1601, 2]);
  });
  it('a list of bills after a dash, closed by "sab", is the bills', async () => {
    const a = await ask('july ke bills batao - bijli gas mobile sab');
    expect([a.result.count, a.result.total]).toEqual([3, null]);
  });
});

describe('kinds asked about on a Boston ledger', () => {
  const settings: OwnerSettings = { timeZone: 'America/New_York', currency: 'USD', locale: 'en-US', dayFirst: false, weekStartsOn: 0 };
  const ctx: QueryContext = { owner: 'me', now: new Date('2026-08-20T22:00:00Z'), settings };
  const records: EvalRecord[] = [
    rec('2026-07-02', 4.75, 'USD', 'food/snacks', 'cinnamon roll', 'Flour Bakery'),
    rec('2026-07-09', 6.5, 'USD', 'food/sweets', 'eclair', 'Modern Pastry'),
    rec('2026-07-11', 13.0, 'USD', 'food/snacks', 'banh mi', 'Pho Basil'),
    rec('2026-07-12', 11.25, 'USD', 'food/snacks', 'italian sub', 'Galleria Umberto'),
    rec('2026-07-13', 18.0, 'USD', 'food/restaurant', 'pizza', 'Regina'),
    rec('2026-07-14', 24.99, 'USD', 'food/alcohol', 'sam adams 12 pack'),
    rec('2026-07-15', 21.0, 'USD', 'food/alcohol', 'pinot grigio'),
    rec('2026-07-16', 39.0, 'USD', 'fees/bank', 'wire transfer fee', 'Chase'),
    rec('2026-07-17', 25.0, 'USD', 'fees/fines', 'late payment fee', 'Comcast'),
    rec('2026-07-18', 9.99, 'USD', 'entertainment/streaming', 'sling'),
  ];
  let opened: Repositories;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ opened, dispose } = await openTempLedger(records, 'g7bos', categorize));
  });
  afterAll(() => dispose());
  const ask = (q: string) => askEval(opened.queries, q, ctx, newConversation());
  const items = (a: { result: { expenses: { item: string | null }[] } }) => a.result.expenses.map((e) => e.item).sort();

  it('pastries and sandwiches are their kinds, not the bakery\'s other things or pizza', async () => {
    expect(items(await ask('any pastries this summer?'))).toEqual(['cinnamon roll', 'eclair']);
    expect(items(await ask('what subs and sandwiches did i buy'))).toEqual(['banh mi', 'italian sub']);
  });
  it('a beer brand is beer', async () => {
    const a = await ask('how much on beer in july');
    expect([a.result.total, a.result.count]).toEqual([24.99, 1]);
  });
  it('late fees are late fees whatever they were filed as', async () => {
    const a = await ask('late fees so far?');
    expect([a.result.total, a.result.count]).toEqual([25, 1]);
  });
});
