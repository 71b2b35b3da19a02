import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OwnerSettings } from '../core/types.js';
import type { QueryContext } from './answer.js';
import { askEval, openTempLedger, type EvalRecord } from '../../test/support/ledgers.js';

// A London owner with two trips in euros (Lisbon in March, Paris in May) and one in dollars.
const settings: OwnerSettings = { timeZone: 'Europe/London', currency: 'GBP', locale: 'en-GB', dayFirst: true, weekStartsOn: 1 };
const ctx: QueryContext = { owner: 'me', now: new Date('2026-06-10T12:00:00Z'), settings };
const R = (date: string, amount: number, currency: string, category: string, item: string, note: string | null = null): EvalRecord =>
  ({ date, amount, currency, category, item, merchant: null, note });
const LEDGER: EvalRecord[] = [
  R('2026-02-20', 140, 'GBP', 'travel/flights', 'flights to lisbon'),
  R('2026-03-02', 30, 'EUR', 'food/restaurant', 'dinner', 'first night in lisbon'),
  R('2026-03-03', 12, 'EUR', 'transport', 'tram 28'),
  R('2026-03-05', 18, 'EUR', 'food', 'pasteis de nata'),
  R('2026-03-04', 9.5, 'GBP', 'food/coffee', 'latte'),
  R('2026-05-10', 45, 'EUR', 'food/restaurant', 'bistro lunch', 'paris'),
  R('2026-05-11', 20, 'EUR', 'entertainment', 'louvre tickets'),
  R('2026-04-01', 60, 'USD', 'shopping', 'sneakers', 'new york'),
];

let ledger: Awaited<ReturnType<typeof openTempLedger>>;
beforeAll(async () => { ledger = await openTempLedger(LEDGER, 'trip'); });
afterAll(async () => { await ledger.dispose(); });
const ask = (q: string) => askEval(ledger.opened.queries, q, ctx);

describe('a place abroad asks about the money spent there', () => {
  it('counts the rows in its currency on the trip that mentions it, not another trip in that currency', async () => {
    const a = await ask('what did the lisbon holiday cost me');
    expect(a.result.currency).toBe('EUR');
    expect(a.result.total).toBe(60);
    expect(a.result.count).toBe(3);
    const b = await ask('list what I bought in Paris');
    expect(b.result.expenses.map((e) => e.item).sort()).toEqual(['bistro lunch', 'louvre tickets']);
  });
  it('keeps the question\'s own period and what it asks about', async () => {
    const a = await ask('food in lisbon in march?');
    expect(a.result.total).toBe(48);
    expect(a.result.count).toBe(2);
  });
  it('counts every row in the currency when none mentions the place; a place in the owner\'s money stays words', async () => {
    const a = await ask('how much did I spend in america');
    expect(a.result.currency).toBe('USD');
    expect(a.result.total).toBe(60);
    const b = await ask('how much in london this year');
    expect(b.reply).not.toMatch(/€/);
    expect(b.plan?.filters.currency).toBeNull();
  });
});
