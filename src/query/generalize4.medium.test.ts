import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDb } from '../ledger/sqlite/open.js';
import { categorize } from '../categories/index.js';
import type { OwnerSettings } from '../core/types.js';
import { answerQuestion, newConversation, type QueryContext } from './answer.js';
import { openTempLedger, readTestLedger } from './testing.js';

// Days of the week and "since new year" end to end over the family ledger (own2), in wording
// that is not in any question set. Expected figures computed from the ledger file by hand script.
const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const ctx: QueryContext = { owner: 'me', now: new Date('2026-01-15T14:00:00Z'), settings };
let opened: OpenedDb;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ opened, dispose } = await openTempLedger(readTestLedger('ledger-own2.jsonl'), 'g4', categorize));
});
afterAll(() => dispose());
const ask = (q: string) => answerQuestion(opened.db, q, ctx, newConversation());
const dow = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

describe('days of the week over a stretch', () => {
  it('sums only weekend days of December, exactly', async () => {
    const a = await ask('what did the weekends of december cost us?');
    expect(a.result.total).toBe(40023);
    expect(a.result.count).toBe(15);
    expect(a.result.expenses.every((e) => [0, 6].includes(dow(e.date)))).toBe(true);
    expect(a.reply).toMatch(/weekends/);
  });
  it('lists Sundays of January only', async () => {
    const a = await ask('show sunday spends since 1st jan');
    expect(a.result.expenses.map((e) => `${e.date}|${e.amount}`).sort()).toEqual(['2026-01-04|2720', '2026-01-11|150', '2026-01-11|2300', '2026-01-11|468', '2026-01-11|480']);
  });
  it('weekdays exclude Saturdays and Sundays', async () => {
    const a = await ask('weekday total in january');
    expect(a.result.total).toBe(41404);
    expect(a.result.count).toBe(33);
  });
});

describe('since new year', () => {
  it('is every rupee from 1 Jan', async () => {
    const a = await ask('how much gone since new year?');
    expect(a.result.total).toBe(53085);
    expect(a.result.count).toBe(43);
  });
});
