/**
 * The extraction fallback against the fake Ollama server through the real client: what a model
 * proposes is taken only after the amount, date, currency and category checks.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OwnerSettings } from '../core/types.js';
import type { UnderstandContext } from '../understanding/types.js';
import { createOllamaLlm } from './ollama/adapter.js';
import { closedPort, startFakeOllama, type FakeOllama } from './ollama/fake-server.js';
import { EXTRACTION_FORMAT, LlmExtractionSchema, extractWithLlm, extractWithLlmDetailed } from './extract.js';

const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
// 2026-01-15 19:30 in Kolkata, a Thursday.
const ctx: UnderstandContext = { now: new Date('2026-01-15T14:00:00Z'), settings };

let fake: FakeOllama;
let llm: ReturnType<typeof createOllamaLlm>;
beforeAll(async () => {
  fake = await startFakeOllama();
  llm = createOllamaLlm({ host: fake.url, chatModel: 'qwen2.5:1.5b', embedModel: 'nomic-embed-text' });
});
afterAll(async () => fake.close());
beforeEach(() => fake.setFault(null));

const exp = (o: Partial<Record<string, unknown>>) => ({ amount: 500, currency: null, item: null, merchant: null, category: 'other', date: null, ...o });

describe('extractWithLlm', () => {
  it('takes a valid reading and marks it as understood by the model', async () => {
    fake.script({ json: { intent: 'expense', expenses: [exp({ amount: 500, item: 'plumber', category: 'housing/repairs' })] } });
    const u = await extractWithLlm(llm, 'gave the plumber five hundred', ctx);
    expect(u).toEqual({
      intent: 'add_expense',
      confidence: 0.7,
      understoodBy: 'llm',
      expenses: [{ amountMinor: 50000, currency: 'INR', category: 'housing', detail: 'repairs', item: 'plumber', merchant: null, note: null, date: '2026-01-15' }],
    });
    const req = fake.requests.filter((r) => r.path === '/api/chat').at(-1)!.body;
    expect(req.format).toEqual(EXTRACTION_FORMAT);
    expect(req.options.temperature).toBe(0);
    expect(req.messages.at(-1).content).toBe('gave the plumber five hundred');
    expect(req.messages[0].content).toContain('2026-01-15');
  });

  it('generates the format from the same zod schema that validates the reply', () => {
    const f = EXTRACTION_FORMAT as { properties: { expenses: { items: { properties: { category: { enum: string[] } } } } } };
    expect(f.properties.expenses.items.properties.category.enum).toContain('food/coffee');
    expect(LlmExtractionSchema.safeParse({ intent: 'expense', expenses: [exp({ category: 'food/latte' })] }).success).toBe(false);
  });

  it('rejects an invented amount and asks the user instead', async () => {
    fake.script({ json: { intent: 'expense', expenses: [exp({ amount: 350, item: 'coffee', category: 'food/coffee' })] } });
    const out = await extractWithLlmDetailed(llm, 'coffee with the team after standup', ctx);
    expect(out.rejected).toBe('invented_amount');
    expect(out.understanding).toMatchObject({ intent: 'incomplete', missing: 'amount', partial: { amountMinor: null, item: 'coffee', category: 'food' } });
  });

  it('rejects a second expense with an invented amount even when the first is fine', async () => {
    fake.script({ json: { intent: 'expense', expenses: [exp({ amount: 60, item: 'bhel' }), exp({ amount: 40, item: 'buttermilk' })] } });
    const out = await extractWithLlmDetailed(llm, 'bhel 60 and some buttermilk', ctx);
    expect(out.rejected).toBe('invented_amount');
  });

  it('returns null on schema violations and malformed JSON', async () => {
    fake.script({ json: { intent: 'expense', expenses: [exp({ category: 'groceries' })] } });
    expect(await extractWithLlmDetailed(llm, 'veggies 500', ctx)).toMatchObject({ understanding: null, rejected: 'invalid_output' });
    fake.script('{"intent":"expense","expenses":[{"amount":');
    expect(await extractWithLlmDetailed(llm, 'veggies 500', ctx)).toMatchObject({ understanding: null, rejected: 'invalid_output' });
    fake.script({ json: { intent: 'expense', expenses: [exp({ amount: -500 })] } });
    expect((await extractWithLlmDetailed(llm, 'veggies -500', ctx)).understanding).toBeNull();
  });

  it('keeps dates in a sane window', async () => {
    fake.script({ json: { intent: 'expense', expenses: [exp({ amount: 90, item: 'misal', category: 'food', date: '2026-01-14' })] } });
    expect((await extractWithLlm(llm, 'kal misal 90', ctx))).toMatchObject({ intent: 'add_expense', expenses: [{ date: '2026-01-14' }] });
    fake.script({ json: { intent: 'expense', expenses: [exp({ amount: 90, date: '2026-02-01' })] } });
    expect(await extractWithLlm(llm, 'misal 90 on 1 feb', ctx)).toMatchObject({ intent: 'add_expense', futureDate: true, expenses: [{ date: '2026-02-01' }] });
    fake.script({ json: { intent: 'expense', expenses: [exp({ amount: 90, date: '2023-05-01' })] } });
    const old = await extractWithLlmDetailed(llm, 'misal 90', ctx);
    expect(old.rejected).toBe('old_date');
    expect(old.understanding).toMatchObject({ intent: 'add_expense', confidence: 0.5, expenses: [{ date: '2026-01-15' }] });
  });

  it("uses the rules' reading of a date phrase over the model's arithmetic", async () => {
    fake.script({ json: { intent: 'expense', expenses: [exp({ amount: 300, item: 'petrol', category: 'transport/fuel', date: '2026-01-03' })] } });
    expect(await extractWithLlm(llm, 'filled up petrol for 300 last saturday', ctx)).toMatchObject({ expenses: [{ date: '2026-01-10' }] });
    fake.script({ json: { intent: 'expense', expenses: [exp({ amount: 300, item: 'petrol', date: 'yesterday' })] } });
    expect(await extractWithLlm(llm, 'petrol wala 300', ctx)).toMatchObject({ expenses: [{ date: '2026-01-15' }] });
  });

  it('takes a foreign currency only when the message names it', async () => {
    fake.script({ json: { intent: 'expense', expenses: [exp({ amount: 5, currency: 'USD', item: 'coffee', category: 'food/coffee' })] } });
    expect(await extractWithLlm(llm, 'coffee 5 at the airport', ctx)).toMatchObject({ expenses: [{ amountMinor: 500, currency: 'INR' }] });
    fake.script({ json: { intent: 'expense', expenses: [exp({ amount: 12.5, currency: 'usd', item: 'ebook', category: 'shopping/books' })] } });
    expect(await extractWithLlm(llm, 'paid 12.5 dollars for an ebook', ctx)).toMatchObject({ expenses: [{ amountMinor: 1250, currency: 'USD' }] });
    // Currency words come from the vocabulary: "quid" is GBP; "dollars" is not AUD to an INR owner.
    fake.script({ json: { intent: 'expense', expenses: [exp({ amount: 4, currency: 'GBP', item: 'tea', category: 'food' })] } });
    expect(await extractWithLlm(llm, 'tea at the station 4 quid', ctx)).toMatchObject({ expenses: [{ amountMinor: 400, currency: 'GBP' }] });
    fake.script({ json: { intent: 'expense', expenses: [exp({ amount: 12.5, currency: 'AUD', item: 'ebook', category: 'shopping/books' })] } });
    expect(await extractWithLlmDetailed(llm, 'paid 12.5 dollars for an ebook', ctx)).toMatchObject({ rejected: 'bad_currency', understanding: { expenses: [{ currency: 'INR' }] } });
  });

  it("prefers the rules' categorizer over the model's category", async () => {
    fake.script({ json: { intent: 'expense', expenses: [exp({ amount: 25, item: 'limca', category: 'other' })] } });
    const u = await extractWithLlm(llm, 'ek limca 25 wala', ctx, { categorize: (item) => (item === 'limca' ? { category: 'food', detail: 'soft_drinks' } : null) });
    expect(u).toMatchObject({ expenses: [{ category: 'food', detail: 'soft_drinks' }] });
  });

  it('passes questions and chatter through as such', async () => {
    fake.script({ json: { intent: 'question', expenses: [] } });
    expect(await extractWithLlm(llm, 'kitna gaya is hafte chai pe', ctx)).toEqual({ intent: 'query', confidence: 0.6, understoodBy: 'llm' });
    fake.script({ json: { intent: 'other', expenses: [] } });
    expect(await extractWithLlm(llm, 'ok cool', ctx)).toMatchObject({ intent: 'other', kind: 'unknown' });
  });

  it('gives null, fast, on server faults and when Ollama is down', async () => {
    fake.script({ fault: 'error500' });
    expect(await extractWithLlmDetailed(llm, 'veggies 500', ctx)).toMatchObject({ understanding: null, rejected: 'unavailable' });
    fake.script({ fault: 'slow', delayMs: 1_000 });
    expect(await extractWithLlmDetailed(llm, 'veggies 500', ctx, { timeoutMs: 100 })).toMatchObject({ understanding: null, rejected: 'timeout' });
    const down = createOllamaLlm({ host: `http://127.0.0.1:${await closedPort()}`, chatModel: 'qwen2.5:1.5b', embedModel: 'nomic-embed-text' });
    const t0 = performance.now();
    expect(await extractWithLlm(down, 'veggies 500', ctx)).toBeNull();
    expect(performance.now() - t0).toBeLessThan(300);
  });
});
