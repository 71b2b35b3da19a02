import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../app/repositories.js';
import { categorize } from '../categories/index.js';
import type { OwnerSettings } from '../core/types.js';
import { newConversation, type QueryContext } from './answer.js';
import { askEval, openTempLedger, readTestLedger, type EvalRecord } from '../../test/support/ledgers.js';

// Days of the week and "since new year" end to end over the family ledger (own2), in wording
// that is not in any question set. Every expected figure is computed here, from the ledger file
// itself, by plain date arithmetic in integer paise: an oracle independent of the query engine.
const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const ctx: QueryContext = { owner: 'me', now: new Date('2026-01-15T14:00:00Z'), settings };
const records = readTestLedger('ledger-own2.jsonl');
let opened: Repositories;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ opened, dispose } = await openTempLedger(records, 'g4', categorize));
});
afterAll(() => dispose());
const ask = (q: string) => askEval(opened.queries, q, ctx, newConversation());
const dow = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
const TODAY = '2026-01-15';

/** The rupee rows of the ledger file a question means, and what they come to (summed in paise). */
function expected(pred: (r: EvalRecord) => boolean): { total: number; count: number; rows: string[] } {
  const rows = records.filter((r) => r.currency === 'INR' && pred(r));
  const paise = rows.reduce((a, r) => a + Math.round(r.amount * 100), 0);
  return { total: paise / 100, count: rows.length, rows: rows.map((r) => `${r.date}|${r.amount}`).sort() };
}
const inRange = (r: EvalRecord, from: string, to: string) => r.date >= from && r.date <= to;

describe('days of the week over a stretch', () => {
  it('sums only weekend days of December, exactly', async () => {
    const a = await ask('what did the weekends of december cost us?');
    const want = expected((r) => inRange(r, '2025-12-01', '2025-12-31') && [0, 6].includes(dow(r.date)));
    expect(want.count).toBeGreaterThan(5);
    expect(a.result.total).toBe(want.total);
    expect(a.result.count).toBe(want.count);
    expect(a.result.expenses.every((e) => [0, 6].includes(dow(e.date)))).toBe(true);
    expect(a.reply).toMatch(/weekends/);
  });
  it('lists Sundays of January only', async () => {
    const a = await ask('show sunday spends since 1st jan');
    const want = expected((r) => inRange(r, '2026-01-01', TODAY) && dow(r.date) === 0);
    expect(want.count).toBeGreaterThan(2);
    expect(a.result.expenses.map((e) => `${e.date}|${e.amount}`).sort()).toEqual(want.rows);
  });
  it('weekdays exclude Saturdays and Sundays', async () => {
    const a = await ask('weekday total in january');
    const want = expected((r) => inRange(r, '2026-01-01', '2026-01-31') && ![0, 6].includes(dow(r.date)));
    expect(want.count).toBeGreaterThan(10);
    expect(a.result.total).toBe(want.total);
    expect(a.result.count).toBe(want.count);
  });
});

describe('since new year', () => {
  it('is every rupee from 1 Jan', async () => {
    const a = await ask('how much gone since new year?');
    const want = expected((r) => inRange(r, '2026-01-01', TODAY));
    expect(want.count).toBeGreaterThan(10);
    expect(a.result.total).toBe(want.total);
    expect(a.result.count).toBe(want.count);
  });
});
