import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OwnerSettings } from '../core/types.js';
import type { QueryContext } from './answer.js';
import { askEval, openTempLedger, type EvalRecord } from '../../test/support/ledgers.js';

const settings: OwnerSettings = { timeZone: 'America/Chicago', currency: 'USD', locale: 'en-US', dayFirst: false, weekStartsOn: 0 };
const ctx: QueryContext = { owner: 'me', now: new Date('2026-05-20T18:00:00Z'), settings };
const R = (date: string, amount: number, item: string, merchant: string | null = null, note: string | null = null): EvalRecord =>
  ({ date, amount, currency: 'USD', category: 'food', item, merchant, note });
const LEDGER: EvalRecord[] = [
  R('2026-05-02', 2.5, 'coca-cola zero'),
  R('2026-05-09', 1.99, 'diet coca cola'),
  R('2026-05-11', 3.1, 'seven up', 'Wawa'),
  R('2026-04-11', 9, 'coca-cola 12 pack'),
  R('2026-05-03', 8.4, 'big mac', "McDonald's"),
  R('2026-05-12', 5.1, 'mcflurry', "McDonald's"),
  R('2026-05-14', 6, 'fries', null, 'mcd drive thru'),
  R('2026-05-15', 2.4, 'Brötchen'),
  R('2026-05-16', 1.8, 'Brötchen und Kaffee'),
  R('2026-05-17', 7, 'creme brulee'),
];

let ledger: Awaited<ReturnType<typeof openTempLedger>>;
beforeAll(async () => { ledger = await openTempLedger(LEDGER, 'spell'); });
afterAll(async () => { await ledger.dispose(); });

describe('a name of several words within a bounded period', () => {
  it('finds the rows that write it with hyphens as well as spaces', async () => {
    const a = await askEval(ledger.opened.queries, 'how much on coca cola this month', ctx);
    expect(a.result.total).toBe(4.49);
    expect(a.result.count).toBe(2);
  });
});

describe('another name of a shop the owner has paid', () => {
  it('is that shop, not only the rows that happen to say the name', async () => {
    const a = await askEval(ledger.opened.queries, 'what did mcdonalds cost me in may', ctx);
    expect(a.result.total).toBe(13.5);
    const b = await askEval(ledger.opened.queries, 'how much at mcd in may', ctx);
    expect(b.result.total).toBe(19.5);
    expect(b.result.count).toBe(3);
  });
});

describe('a word with accents', () => {
  it('finds the rows that write it with the same letters, and else the plain spelling', async () => {
    const a = await askEval(ledger.opened.queries, 'how many Brötchen this month', ctx);
    expect(a.result.count).toBe(2);
    const b = await askEval(ledger.opened.queries, 'what did the crème brûlée cost', ctx);
    expect(b.result.total).toBe(7);
  });
});
