/**
 * The question fallback on a real ledger: the fake model proposes plans, the checks here accept,
 * repair or refuse them, and every number in the answer comes from SQL over the stored rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpenseDraft, OwnerSettings } from '../core/types.js';
import { openRepositories, type Repositories } from '../app/repositories.js';
import { evalView } from '../../test/support/ledgers.js';
import type { QueryContext } from '../query/answer.js';
import { emptyFilters, type QueryPlan } from '../query/types.js';
import { createOllamaLlm } from './ollama/adapter.js';
import { closedPort, startFakeOllama, type FakeOllama } from './ollama/fake-server.js';
import { contextFromSettings } from '../language/context.js';
import { answerWithLlm, planFormat, planWithLlm, subjectInQuestion } from './plan.js';

const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const ctx: QueryContext = { owner: 'me', now: new Date('2026-01-15T14:00:00Z'), settings };
const language = contextFromSettings(ctx.now, settings);

const row = (date: string, amount: number, category: ExpenseDraft['category'], item: string, merchant: string | null): ExpenseDraft => ({
  amountMinor: amount * 100, currency: 'INR', category, detail: null, item, merchant, note: null, date,
});
const ROWS = [
  row('2025-12-02', 120, 'transport', 'rapido bike taxi', 'Rapido'),
  row('2025-12-04', 300, 'transport', 'scooter petrol', 'Bharat Petroleum'),
  row('2025-12-15', 110, 'transport', 'rapido bike taxi', 'Rapido'),
  row('2025-12-27', 950, 'transport', 'scooter service', 'Honda Service'),
  row('2026-01-02', 130, 'transport', 'rapido bike taxi', 'Rapido'),
  row('2026-01-07', 95, 'transport', 'rapido bike taxi', 'Rapido'),
  row('2026-01-10', 1890, 'food', 'monthly ration', 'DMart'),
  row('2026-01-14', 320, 'transport', 'scooter petrol', 'Bharat Petroleum'),
];

const plan = (o: Partial<QueryPlan> & { subjects?: string[]; minAmount?: number | null }): QueryPlan => {
  const { subjects, minAmount, ...rest } = o;
  return {
    op: 'sum', periods: [], periodAssumed: false, versus: [], averagePer: null, breakdownBy: null, order: 'largest', limit: null,
    filters: { ...emptyFilters(), subjects: subjects ?? [], minAmount: minAmount ?? null },
    ...rest,
  };
};

let fake: FakeOllama;
let ledger: Repositories;
let llm: ReturnType<typeof createOllamaLlm>;
beforeAll(async () => {
  fake = await startFakeOllama();
  llm = createOllamaLlm({ host: fake.url, chatModel: 'qwen2.5:1.5b', embedModel: 'nomic-embed-text' });
  ledger = await openRepositories(':memory:');
  await ledger.expenses.record(ROWS, { owner: 'me', source: 'import', messageId: 'seed', now: '2026-01-01T00:00:00.000Z' });
});
afterAll(async () => {
  await fake.close();
  await ledger.close();
});

describe('answerWithLlm', () => {
  it('runs a valid model plan through the ledger, with the query schema as the format', async () => {
    fake.script({ json: plan({ subjects: ['scooter'], periods: [{ from: '2025-12-01', to: '2025-12-31', label: 'in December' }] }) });
    const a = await answerWithLlm(llm, ledger.queries, 'what did the scooter eat up in december', ctx);
    expect(evalView(a!).result).toMatchObject({ total: 1250, currency: 'INR', count: 2 });
    expect(a?.reply).toContain('1,250');
    const req = fake.requests.filter((r) => r.path === '/api/chat').at(-1)!.body;
    expect(req.format).toEqual(planFormat());
    expect(req.options.temperature).toBe(0);
  });

  it("replaces the model's date arithmetic with the rules' reading of the time phrase", async () => {
    // The model got December wrong; the rules read "in december" themselves.
    fake.script({ json: plan({ subjects: ['rapido'], periods: [{ from: '2025-11-01', to: '2025-11-30', label: 'in December' }] }) });
    const a = await answerWithLlm(llm, ledger.queries, 'rapido wala kharcha in december?', ctx);
    expect(evalView(a!).result).toMatchObject({ total: 230, count: 2 });
  });

  it('keeps an amount bound the question wrote in words, as the money grammar reads it', async () => {
    fake.script({ json: plan({ subjects: ['rapido'], minAmount: 1200, periods: [] }) });
    const r = await planWithLlm(llm, 'rapido rides over 1.2k all time', { language });
    expect(r.plan?.filters.minAmount).toBe(1200);
  });

  it('drops an amount bound the question never mentioned', async () => {
    fake.script({ json: plan({ subjects: ['rapido'], minAmount: 125, periods: [] }) });
    const a = await answerWithLlm(llm, ledger.queries, 'rapido ka pura hisaab all time', ctx);
    expect(evalView(a!).result).toMatchObject({ total: 455, count: 4 });
  });

  it('refuses a plan about something the question never named', async () => {
    fake.script({ json: plan({ subjects: ['uber'] }) });
    const r = await planWithLlm(llm, 'what did the scooter cost', { language });
    expect(r).toMatchObject({ plan: null, rejected: 'invented_subject' });
  });

  it('refuses schema violations and future periods, and gives null when the model is down', async () => {
    fake.script({ json: { ...plan({}), op: 'median' } });
    expect(await answerWithLlm(llm, ledger.queries, 'median spend?', ctx)).toBeNull();
    fake.script({ json: plan({ periods: [{ from: '2026-03-01', to: '2026-03-31', label: 'next quarter' }] }) });
    expect((await planWithLlm(llm, 'spend next quarter?', { language })).rejected).toBe('bad_period');
    // No time phrase to read: the model's own future period is refused as well.
    fake.script({ json: plan({ periods: [{ from: '2026-03-01', to: '2026-03-31', label: 'march' }] }) });
    expect((await planWithLlm(llm, 'what will the scooter cost', { language })).rejected).toBe('bad_period');
    const down = createOllamaLlm({ host: `http://127.0.0.1:${await closedPort()}`, chatModel: 'qwen2.5:1.5b', embedModel: 'nomic-embed-text' });
    const t0 = performance.now();
    expect(await answerWithLlm(down, ledger.queries, 'anything', ctx)).toBeNull();
    expect(performance.now() - t0).toBeLessThan(300);
  });

  it('defaults a period-less plan to this month, as the rules do', async () => {
    fake.script({ json: plan({ op: 'top', limit: 1, periodAssumed: true }) });
    const a = await answerWithLlm(llm, ledger.queries, 'my most painful purchase', ctx);
    expect(a?.plan?.periods[0]).toMatchObject({ from: '2026-01-01', to: '2026-01-15' });
    expect(a?.plan?.limit).toBeNull(); // "1" was not in the question
    expect(evalView(a!).result.expenses[0]).toMatchObject({ date: '2026-01-10', amount: 1890 });
  });
});

describe('subjectInQuestion', () => {
  it('accepts the question’s own words and close forms only', () => {
    expect(subjectInQuestion('scooter', 'what did my scooter cost')).toBe(true);
    expect(subjectInQuestion('fizzy drinks', 'any fizzy stuff this week')).toBe(true);
    expect(subjectInQuestion('uber', 'what did my scooter cost')).toBe(false);
  });
});
