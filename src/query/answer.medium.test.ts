import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openRepositories, type Repositories } from '../app/repositories.js';
import type { OwnerSettings } from '../core/types.js';
import type { SqliteStore } from '../ledger/sqlite/open.js';
import { newConversation, type QueryContext, type QueryConversation } from './answer.js';
import { askEval, fixedConcepts, loadRecords, planEval, type EvalRecord } from '../../test/support/ledgers.js';

const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
// Thu 15 Jan 2026, 19:30 in Kolkata.
const now = new Date('2026-01-15T14:00:00Z');
const concepts = fixedConcepts([
  { names: ['soft drinks', 'fizzy drinks', 'cold drinks'], label: 'Soft drinks', categories: [{ primary: 'food', detail: 'soft_drinks' }], terms: ['coke', 'sprite', 'limca', '7up', 'mountain dew', 'pepsi'] },
  // Narrow: no whole category, or every doctor visit would count.
  { names: ['painkillers', 'painkiller'], label: 'Painkillers', terms: ['ibuprofen', 'paracetamol', 'crocin', 'dolo'] },
  { names: ['streaming'], label: 'Streaming', categories: [{ primary: 'entertainment', detail: 'streaming' }], terms: ['netflix', 'hotstar', 'prime video'] },
  { names: ['treats'], label: 'Treats', terms: ['coke', 'sprite', 'limca', '7up', 'candy', 'cake', 'pastry', 'ice cream', 'chocolate', 'donut'] },
  { names: ['alcohol', 'drinks'], label: 'Alcohol', categories: [{ primary: 'food', detail: 'alcohol' }], terms: ['beer', 'budweiser', 'whisky', 'wine'] },
]);
const ctx = (extra: Partial<QueryContext> = {}): QueryContext => ({ owner: 'me', now, settings, concepts, ...extra });

const R = (date: string, amount: number, category: string, item: string | null, merchant: string | null = null, currency = 'INR', note: string | null = null): EvalRecord =>
  ({ date, amount, currency, category, item, merchant, note });

const LEDGER: EvalRecord[] = [
  R('2025-12-01', 14000, 'housing/rent', 'flat rent'),
  R('2025-12-05', 40, 'food/soft_drinks', 'coke'),
  R('2025-12-08', 385, 'health/pharmacy', 'ibuprofen and bandages', 'Wellness Forever'),
  R('2025-12-12', 1499, 'entertainment', 'hotstar annual plan', 'JioHotstar'),
  R('2025-12-13', 700, 'food', 'budweiser pints', 'High Spirits'),
  R('2025-12-16', 900, 'health/doctor', 'doctor visit'),
  R('2025-12-31', 2200, 'entertainment', 'new year gig tickets'),
  R('2026-01-02', 130, 'transport/taxi', 'bike taxi', 'Rapido'),
  R('2026-01-03', 1890, 'food/groceries', 'monthly ration', 'Reliance Smart'),
  R('2026-01-05', 150.5, 'food/coffee', 'espresso', 'Cafe Coffee Day'),
  R('2026-01-07', 30, 'food', '7up'),
  R('2026-01-07', 95, 'transport/taxi', 'bike taxi', 'Rapido'),
  R('2026-01-09', 210, 'health', 'paracetamol', 'Wellness Forever'),
  R('2026-01-10', 12.99, 'shopping/online', 'ebook', 'Amazon', 'USD'),
  R('2026-01-11', 540, 'entertainment/movies', 'film tickets', 'PVR'),
  R('2026-01-12', 25, 'food', 'limca'),
  R('2026-01-12', 20, 'food', 'sprite'),
  R('2026-01-13', 60, 'food', 'price of rice', null, 'INR', 'iceberg lettuce'),
  R('2026-01-14', 5, 'transport', 'parking', null, 'USD'),
  R('2026-01-15', 125, 'transport/taxi', 'bike taxi', 'Rapido'),
  R('2026-01-15', 0.1, 'food', 'candy'),
  R('2026-01-15', 0.2, 'food', 'candy'),
];

let dir: string;
let opened: Repositories & { store: SqliteStore };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-query-'));
  opened = await openRepositories(path.join(dir, 'ledger.db'));
  await loadRecords(opened.expenses, LEDGER);
  // Someone else in the household, and a row the owner deleted: neither may ever count.
  await loadRecords(opened.expenses, [R('2026-01-12', 99999, 'food', 'limca'), R('2026-01-07', 5000, 'transport', 'bike taxi', 'Rapido')], 'someone-else');
  const [deletedId] = await loadRecords(opened.expenses, [R('2026-01-13', 7777, 'food', 'coke')], 'me', 'deleted');
  expect(await opened.expenses.softDelete([deletedId!], '2026-01-14T00:00:00Z')).toBe(1);
});
afterAll(async () => {
  await opened.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ask = (q: string, c = ctx(), conv?: QueryConversation) => askEval(opened.queries, q, c, conv);

describe('sums', () => {
  it('are exact in minor units and kept apart per currency', async () => {
    const a = await ask('how much did I spend?');
    // INR: 130+1890+150.5+30+95+210+540+25+20+60+125+0.1+0.2 = 3275.8; USD 12.99+5 = 17.99
    expect(a.result.total).toBe(3275.8);
    expect(a.result.currency).toBe('INR');
    expect(a.result.count).toBe(13);
    expect(a.result.expenses.every((e) => e.currency === 'INR')).toBe(true);
    expect(a.result.otherCurrencies).toEqual([{ currency: 'USD', total: 17.99, count: 2 }]);
    expect(a.reply).toContain('₹3,275.80');
    expect(a.reply).toContain('$17.99');
    expect(a.reply).toContain('this month so far');
  });
  it('never count deleted rows or other owners', async () => {
    const a = await ask('total on limca this month');
    expect(a.result.total).toBe(25);
    const b = await ask('how much on rapido this month');
    expect(b.result.total).toBe(350);
    expect(b.result.count).toBe(3);
    const c = await ask('how much on coke');
    expect(c.result.total).toBe(40);
  });
  it('sum a category', async () => {
    const a = await ask('how much on health in december?');
    expect([a.result.total, a.result.count]).toEqual([1285, 2]);
  });
  it('say nothing plainly when nothing matches', async () => {
    const a = await ask('how much on rapido in december?');
    expect(a.result.total).toBe(0);
    expect(a.reply).toMatch(/^Nothing on Rapido in December/);
  });
});

describe('concepts', () => {
  it('match categories OR terms, every record', async () => {
    const a = await ask('spend on fizzy drinks this month?');
    expect(a.result.expenses.map((e) => e.item).sort()).toEqual(['7up', 'limca', 'sprite']);
    expect(a.result.total).toBe(75);
    const all = await ask('which soft drinks have I had?');
    expect(all.result.expenses.map((e) => e.item).sort()).toEqual(['7up', 'coke', 'limca', 'sprite']);
  });
  it('long word lists give the same answer in a bounded period (decided in JS) and over all time (FTS)', async () => {
    const month = await ask('how much on treats this month?');
    expect(month.result.total).toBe(75.3);
    expect(month.result.count).toBe(5);
    const all = await ask('how much on treats?');
    expect(all.result.total).toBe(115.3);
  });
  it('narrow concepts do not pull in their whole category', async () => {
    const a = await ask('have I bought any painkillers?');
    const items = a.result.expenses.map((e) => e.item);
    expect(items.sort()).toEqual(['ibuprofen and bandages', 'paracetamol']);
    expect(items).not.toContain('doctor visit');
  });
  it('a member word is looked for literally first', async () => {
    const a = await ask('Hotstar pe total kitna gaya?');
    expect([a.result.total, a.result.count]).toEqual([1499, 1]);
  });
  it('a member word with no literal hit counts its family, and says so', async () => {
    const a = await ask('how much on beer in december');
    expect(a.result.total).toBe(700);
    expect(a.reply).toContain('nothing called "beer"');
  });
  it('terms match on word boundaries only ("ice" is not in "price")', async () => {
    const a = await ask('how much on ice this month');
    expect(a.result.total).toBe(null);
    expect(a.reply).toContain(`don't know what "ice"`);
    const b = await ask('how much on rice this month');
    expect(b.result.total).toBe(60);
  });
  it('answers "what kind of" with kinds and counts', async () => {
    const a = await ask('what kind of soft drinks did I drink?');
    expect(a.reply).toMatch(/7up ×1 \(₹30\)/);
    expect(a.reply).toMatch(/Coke ×1 \(₹40\)/);
    expect(a.result.count).toBe(4);
  });
  it('an unknown concept is said to be unknown, with suggestions, never everything', async () => {
    const a = await ask('how much on quinoa bowls this month');
    expect(a.result).toEqual({ total: null, currency: null, count: 0, expenses: [] });
    expect(a.reply).toMatch(/don't know what "quinoa bowls"/);
    const b = await ask('how much on strmng');
    expect(b.reply).toContain('"streaming"');
  });
  it('asks the expandConcept hook only for unknown phrases', async () => {
    const asked: string[] = [];
    const expandConcept = async (p: string) => {
      asked.push(p);
      return p === 'fizzy pop' ? { terms: ['coke', 'sprite'], merchants: [] } : null;
    };
    const a = await ask('how much on fizzy pop?', ctx({ expandConcept }));
    expect(a.result.total).toBe(60);
    await ask('how much on soft drinks?', ctx({ expandConcept }));
    expect(asked).toEqual(['fizzy pop']);
  });
});

describe('rankings, lists, counts', () => {
  it('top N in order, in the owner currency', async () => {
    const a = await ask('top 3 expenses this month');
    expect(a.result.total).toBe(null);
    expect(a.result.expenses.map((e) => [e.date, e.amount])).toEqual([['2026-01-03', 1890], ['2026-01-11', 540], ['2026-01-09', 210]]);
    expect(a.reply).toContain('also spent in USD');
  });
  it('equal amounts rank oldest first, as a list sorted by amount keeps them', async () => {
    await loadRecords(opened.expenses, [R('2026-01-09', 500, 'fees', 'premium'), R('2026-01-02', 500, 'fees', 'premium'), R('2026-01-05', 300, 'fees', 'late fee')], 'ties');
    const top = await ask('top 2 expenses this month', ctx({ owner: 'ties' }));
    expect(top.result.expenses.map((e) => e.date)).toEqual(['2026-01-02', '2026-01-09']);
    const low = await ask('3 smallest expenses this month', ctx({ owner: 'ties' }));
    expect(low.result.expenses.map((e) => e.date)).toEqual(['2026-01-05', '2026-01-02', '2026-01-09']);
  });
  it('smallest', async () => {
    const a = await ask('cheapest expense this month');
    expect(a.result.expenses.map((e) => e.amount)).toEqual([0.1]);
  });
  it('lists every match with total null', async () => {
    const a = await ask('list my rapido rides this month');
    expect(a.result.total).toBe(null);
    expect(a.result.count).toBe(3);
    expect(a.result.expenses).toHaveLength(3);
  });
  it('counts', async () => {
    const a = await ask('how many times did I take rapido in january?');
    expect(a.result.count).toBe(3);
    expect(a.reply).toMatch(/^3 times/);
  });
  it('amount bounds', async () => {
    const a = await ask('show expenses over 500 this month');
    expect(a.result.expenses.map((e) => e.amount).sort()).toEqual([1890, 540]);
  });
});

describe('narrowing and leaving out', () => {
  it('"excluding rent" leaves a category detail out (rows without a detail stay)', async () => {
    const a = await ask('how much did I spend in december excluding rent?');
    // 19724 - 14000
    expect(a.result.total).toBe(5724);
    const b = await ask('total in december without housing');
    expect(b.result.total).toBe(5724);
  });
  it('leaves out a word-matched subject, decided per row', async () => {
    const a = await ask('how much on food this month except limca');
    expect(a.result.total).toBe(2150.8);
  });
  it('"X at Y" means both', async () => {
    const a = await ask('how much on espresso at cafe coffee day this month');
    expect(a.result.total).toBe(150.5);
    const b = await ask('how much on taxi rides at rapido this month');
    expect(b.result.count).toBe(3);
  });
});

describe('averages, comparisons, breakdowns', () => {
  it('average per day puts the exact number in the text', async () => {
    const a = await ask('per-day average spending in december?');
    // 14000+40+385+1499+700+900+2200 = 19724 over 31 days = 636.26
    expect(a.reply).toContain('₹636.26 a day over 31 days');
    expect(a.result.total).toBe(636.26);
  });
  it('compare two periods', async () => {
    const a = await ask('compare entertainment: december vs this month');
    expect(a.reply).toContain('₹3,699 in December');
    expect(a.reply).toContain('₹540 this month');
  });
  it('compare two categories in one period', async () => {
    const a = await ask('food vs transport this month');
    expect(a.reply).toContain('₹2,175.80 on Food');
    expect(a.reply).toContain('₹350 + $5 on Transport');
  });
  it('breakdown by category, biggest first', async () => {
    const a = await ask('breakdown by category in december');
    const lines = a.reply.split('\n');
    expect(lines[0]).toContain('₹19,724');
    expect(lines[1]).toContain('Housing ₹14,000 (71%)');
  });
});

describe('conversation', () => {
  it('follow-ups reuse the last plan; show all lists everything', async () => {
    let conv = newConversation();
    const a = await ask('how much on food this month?', ctx(), conv);
    conv = a.conversation;
    expect(a.result.total).toBe(2175.8);
    const b = await ask('and last month?', ctx(), conv);
    expect(b.result.total).toBe(740);
    const c = await ask('what about transport?', ctx(), b.conversation);
    expect(c.result.count).toBe(0);
    const d = await ask('in january?', ctx(), c.conversation);
    expect(d.result.total).toBe(350);
    const e = await ask('only rapido', ctx(), d.conversation);
    expect(e.result.count).toBe(3);
    const f = await ask('show all', ctx(), e.conversation);
    expect(f.result.count).toBe(3);
  });
  it('"show all" goes past ten lines', async () => {
    const a = await ask('list everything since december');
    expect(a.reply).toMatch(/and \d+ more — say 'show all'/);
    const b = await ask('show all', ctx(), a.conversation);
    expect(b.reply).not.toMatch(/more — say/);
    expect(b.reply.split('\n').filter((l) => l.startsWith('•')).length).toBe(b.result.count);
  });
  it('old conversations expire', async () => {
    const a = await ask('how much on food this month?');
    const later = ctx({ now: new Date(now.getTime() + 3 * 3600_000) });
    const b = await ask('and last month?', later, a.conversation);
    expect(b.plan).toBe(null);
  });
});

describe('cannot answer', () => {
  it('is honest and never invents a number', async () => {
    const a = await ask('what is the capital of france?');
    expect(a.plan).toBe(null);
    expect(a.result).toEqual({ total: null, currency: null, count: 0, expenses: [] });
    expect(a.reply).toMatch(/can't answer that yet/);
    expect(a.reply).toMatch(/how much on food this month/);
  });
  it('answerPlan rejects an invalid plan from an LLM', async () => {
    const a = await planEval(opened.queries, { op: 'sum', periods: [{ from: '2026-13-01', to: null, label: 'x' }] } as never, ctx());
    expect(a.plan).toBe(null);
    expect(a.result.total).toBe(null);
  });
  it('answerPlan runs a valid plan', async () => {
    const a = await planEval(opened.queries, {
      op: 'sum', periods: [{ from: '2026-01-01', to: '2026-01-15', label: 'this month' }], periodAssumed: false,
      filters: { categories: [{ primary: 'transport', detail: null }], subjects: [], within: [], exclude: [], minAmount: null, maxAmount: null, currency: 'INR' },
      versus: [], averagePer: null, breakdownBy: null, order: 'largest', limit: null,
    }, ctx());
    expect(a.result.total).toBe(350);
  });
});

describe('maxResultRows', () => {
  it('caps the rows but never the totals', async () => {
    const a = await ask('how much did I spend this month?', ctx({ maxResultRows: 2 }));
    expect(a.result.total).toBe(3275.8);
    expect(a.result.count).toBe(13);
    expect(a.result.expenses).toHaveLength(2);
  });
});

describe('a ledger without the word index', () => {
  it('gives the same answers through instr() alone', async () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-query-nofts-'));
    const o = await openRepositories(path.join(d, 'ledger.db'));
    try {
      for (const t of ['expenses_fts_insert', 'expenses_fts_delete', 'expenses_fts_update']) await sql.raw(`DROP TRIGGER ${t}`).execute(o.store.db);
      await sql.raw('DROP TABLE expenses_fts').execute(o.store.db);
      await loadRecords(o.expenses, LEDGER);
      const a = await askEval(o.queries, 'how much on treats?', ctx());
      expect(a.result.total).toBe(115.3);
      const b = await askEval(o.queries, 'Hotstar pe total kitna gaya?', ctx());
      expect(b.result.total).toBe(1499);
    } finally {
      await o.close();
      fs.rmSync(d, { recursive: true, force: true });
    }
  });
});
