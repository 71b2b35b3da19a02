import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../app/repositories.js';
import type { SqliteStore } from '../ledger/sqlite/open.js';
import { ftsExactQuery } from './execute.js';
import { compileMatcher } from './match.js';
import { askEval, loadRecords, type EvalAnswer, type EvalRecord } from '../../test/support/ledgers.js';

// SQL sums plain-word subjects through the word index alone; it must count exactly the rows the
// word-boundary matcher accepts, no more ("jiohotstar", "hotstarx") and no fewer ("hotstar's").
const R = (item: string, amount: number, merchant: string | null = null, note: string | null = null): EvalRecord =>
  ({ date: '2026-01-05', amount, currency: 'INR', category: 'entertainment', item, merchant, note });
const LEDGER = [
  R('hotstar plan', 100), R('hotstars', 200), R("hotstar's sports pack", 300), R('disney-hotstar', 400), R('HOTSTAR renewal', 500),
  R('jiohotstar', 1000), R('hotstarx', 2000), R('netflix', 4000, 'Hotstar Shop'), R('movie', 8000, null, 'via hotstar'),
];
let dir: string;
let opened: Repositories & { store: SqliteStore };
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-fts-'));
  opened = await openRepositories(path.join(dir, 'ledger.db'));
  await loadRecords(opened.expenses, LEDGER);
  await loadRecords(opened.expenses, [R('hotstar plan', 16000)], 'someone-else');
});
afterAll(async () => {
  await opened.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('plain words summed through the word index', () => {
  it('builds an exact query only for plain words', () => {
    expect(ftsExactQuery({ categories: [], terms: ['hotstar'], merchants: [] })).toBe('"hotstar" OR "hotstars" OR "hotstares"');
    expect(ftsExactQuery({ categories: [], terms: ['coca cola'], merchants: [] })).toBeNull();
    expect(ftsExactQuery({ categories: [], terms: ['7up'], merchants: [] })).toBeNull();
    expect(ftsExactQuery({ categories: [], terms: ['hotstar'], merchants: ['JioHotstar'] })).toBeNull();
    expect(ftsExactQuery({ categories: [{ primary: 'food', detail: null }], terms: ['tea'], merchants: [] })).toBeNull();
  });
  it('counts what the word-boundary matcher counts, for this owner only', async () => {
    const m = { categories: [], terms: ['hotstar'], merchants: [] };
    const period = { from: null, to: null, label: 'so far' };
    const sel = opened.queries.select({ owner: 'me', today: '2026-01-15', defaultCurrency: 'INR' }, period, { groups: [[m]], minAmount: null, maxAmount: null, currency: null });
    const [t] = await sel.totals();
    const rows = await opened.store.db.selectFrom('expenses').select(['category', 'detail', 'merchant', 'search_text', 'amount_minor']).where('owner', '=', 'me').execute();
    const c = compileMatcher(m);
    const want = rows.filter((r) => c.test(r));
    expect(t!.count).toBe(want.length);
    expect(t!.minor).toBe(want.reduce((a, r) => a + r.amount_minor, 0));
    // hotstar plan, hotstars, hotstar's, disney-hotstar, HOTSTAR renewal, the Hotstar Shop merchant, "via hotstar".
    expect(t!.minor).toBe((100 + 200 + 300 + 400 + 500 + 4000 + 8000) * 100);
    expect((await sel.rows({ order: 'largest', limit: 2 })).map((r) => r.amountMinor)).toEqual([800000, 400000]);
  });
});
