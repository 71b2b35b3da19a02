import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OwnerSettings } from '../core/types.js';
import type { QueryContext } from './answer.js';
import { askEval, openTempLedger, type EvalRecord } from '../../test/support/ledgers.js';

const settings: OwnerSettings = { timeZone: 'America/Chicago', currency: 'USD', locale: 'en-US', dayFirst: false, weekStartsOn: 0 };
const ctx: QueryContext = { owner: 'me', now: new Date('2026-05-20T18:00:00Z'), settings };
const R = (date: string, amount: number, item: string, merchant: string | null = null): EvalRecord =>
  ({ date, amount, currency: 'USD', category: 'food', item, merchant, note: null });
const LEDGER: EvalRecord[] = [
  R('2026-05-02', 2.5, 'coca-cola zero'),
  R('2026-05-09', 1.99, 'diet coca cola'),
  R('2026-05-11', 3.1, 'seven up', 'Wawa'),
  R('2026-04-11', 9, 'coca-cola 12 pack'),
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
