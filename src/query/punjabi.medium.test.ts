import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../app/repositories.js';
import { categorize } from '../categories/index.js';
import type { OwnerSettings } from '../core/types.js';
import { newConversation, type QueryContext } from './answer.js';
import { askEval, openTempLedger, type EvalRecord } from '../../test/support/ledgers.js';

// Punjabi-English questions end to end on a real SQLite ledger written here (a Jalandhar household
// with a trip to Melbourne), in wording that is in no question set. Expected figures are computed
// from the rows.
const rec = (date: string, amount: number, currency: string, category: string, item: string, merchant: string | null = null): EvalRecord => ({ date, amount, currency, category, item, merchant, note: null });

describe('Punjabi questions on a real ledger', () => {
  const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
  const ctx: QueryContext = { owner: 'me', now: new Date('2026-11-20T14:00:00Z'), settings };
  const records: EvalRecord[] = [
    rec('2026-10-03', 640, 'INR', 'food/meals', 'chilli chicken', 'Haveli'),
    rec('2026-10-11', 520, 'INR', 'food/meals', 'mutton curry'),
    rec('2026-10-18', 450, 'INR', 'food/meals', 'paneer tikka'),
    rec('2026-11-02', 380, 'INR', 'food/meals', 'chicken tikka'),
    rec('2026-11-05', 150, 'INR', 'food/meals', 'saag'),
    rec('2026-11-07', 2100, 'INR', 'transport/fuel', 'petrol'),
    rec('2026-11-09', 180, 'INR', 'food/groceries', 'gobhi'),
    rec('2026-10-20', 42.5, 'AUD', 'food/restaurant', 'dinner'),
    rec('2026-10-21', 18, 'AUD', 'transport/taxi', 'uber'),
  ];
  let opened: Repositories;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ opened, dispose } = await openTempLedger(records, 'pa', categorize));
  });
  afterAll(() => dispose());
  const ask = (q: string) => askEval(opened.queries, q, ctx, newConversation());

  it('"non veg ki ki khadha" lists dishes named after their meat, not paneer or saag', async () => {
    const a = await ask('non veg ki ki khadha?');
    expect(a.result.expenses.map((e) => e.item).sort()).toEqual(['chicken tikka', 'chilli chicken', 'mutton curry']);
  });
  it('"X te Y ch kinne lagge" is the total of X in Y', async () => {
    const a = await ask('gobhi te november ch kinne lagge');
    expect(a.result.total).toBe(180);
  });
  it('"australia ch kinne dollar lagge" sums the Australian dollars', async () => {
    const a = await ask('australia ch kinne dollar lagge');
    expect(a.result.currency).toBe('AUD');
    expect(a.result.total).toBe(60.5);
    expect(a.result.count).toBe(2);
  });
  it('"kinni vaari" counts', async () => {
    expect((await ask('petrol kinni vaari pwaya')).result.count).toBe(1);
  });
});
