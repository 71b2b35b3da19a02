/**
 * The local AI wired into the whole bot exactly as main.ts wires it (buildServices → createLocalAi
 * → fallbacks, onRecorded), against the fake Ollama over loopback and a real ledger file: a message only the
 * model understands is recorded, an invented amount becomes a question, a concept question is
 * answered through vectors and SQL, and with Ollama down every reply still comes within 1 s.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openChat, type ChatHarness } from '../../test/e2e/harness.js';
import { loadConfig } from '../config/config.js';
import { closedPort, startFakeOllama, type FakeOllama } from '../llm/ollama/fake-server.js';
import { memoryText } from '../vectors/memory.js';
import type { LocalAi } from './local-ai.js';
import { buildServices } from './services.js';

let fake: FakeOllama;
beforeAll(async () => {
  fake = await startFakeOllama({ concepts: { 'motor upkeep': ['car wash', 'petrol', 'tyre', 'shine auto'] } });
});
afterAll(async () => fake.close());

let chat: ChatHarness | null = null;
let ai: LocalAi | null = null;
afterEach(async () => {
  await chat?.close();
  ai = null;
  chat = null;
});

async function open(host: string): Promise<{ chat: ChatHarness; ai: LocalAi }> {
  let a: LocalAi | null = null;
  const c = await openChat({
    compose: async (repositories, clock) => {
      const config = loadConfig({ OLLAMA_HOST: host, MUNSHI_VECTORS: 'sqlite', MUNSHI_TZ: 'Asia/Kolkata' });
      const services = await buildServices(config, { repositories, clock });
      a = services.localAi;
      // The harness closes the ledger itself; here only the local AI stops.
      return { bot: services.bot, close: async () => services.localAi?.close() };
    },
  });
  return { chat: c, ai: a! };
}

const understoodBy = async (c: ChatHarness) =>
  (await sql<{ understood_by: string; amount_minor: number; category: string }>`select understood_by, amount_minor, category from expenses order by id`.execute(c.repos.store.db)).rows;

describe('bot with the local AI', () => {
  it('records a message only the model understood, marked as understood by the llm, showing typing meanwhile', async () => {
    ({ chat, ai } = await open(fake.url));
    fake.script({ json: { intent: 'expense', expenses: [{ amount: 50, currency: null, item: 'stuff for the kids', merchant: null, category: 'shopping', date: null }] } });
    const typing: boolean[] = [];
    const replies = await chat.bot.handle(
      { id: 'k1', chatId: 'self', senderId: 'me', text: 'bought some stuff for the kids, fifty', timestamp: chat.clock.now() },
      { typing: async (on) => void typing.push(on) },
    );
    expect(replies[0]!.text).toMatch(/^✅ ₹50 · Shopping/);
    expect(typing).toEqual([true, false]);
    expect(await understoodBy(chat)).toEqual([{ understood_by: 'llm', amount_minor: 5000, category: 'shopping' }]);
  });

  it('asks instead of recording when the model invents an amount', async () => {
    ({ chat, ai } = await open(fake.url));
    fake.script({ json: { intent: 'expense', expenses: [{ amount: 350, currency: null, item: 'coffee', merchant: null, category: 'food/coffee', date: null }] } });
    const r = await chat.say('coffee with the team after standup');
    expect(r).not.toContain('350');
    expect(r).toMatch(/how much/i);
    expect(await chat.ledger()).toHaveLength(0);
    expect(await chat.say('300')).toMatch(/^✅ ₹300/);
    expect((await chat.ledger())[0]).toMatchObject({ amountMinor: 30000, category: 'food' });
  });

  it('answers a concept question the lexicon does not know through vectors, summing every matching row', async () => {
    ({ chat, ai } = await open(fake.url));
    for (const m of ['car wash 300 at shine auto', 'petrol 500', 'new tyre 2200', 'limca 25']) await chat.say(m);
    await ai.memory!.idle();
    // Every recorded item text reached the index in the background.
    for (const e of await chat.ledger()) expect(await ai.index!.has(memoryText(e.item)!, 'item')).toBe(true);
    const r = await chat.say('how much on motor upkeep this month?');
    expect(r).toContain('₹3,000');
    expect(r).not.toContain('limca');
  });

  it('answers a question the rules cannot plan with a model plan the ledger computes', async () => {
    ({ chat, ai } = await open(fake.url));
    for (const m of ['scooter petrol 300 on 4 dec', 'scooter service 950 on 27 dec', 'scooter petrol 320']) await chat.say(m);
    const plan = {
      op: 'sum', periods: [{ from: '2025-12-01', to: '2025-12-31', label: 'in December' }], periodAssumed: false,
      filters: { categories: [], subjects: ['scooter'], within: [], minAmount: null, maxAmount: null, currency: null },
      versus: [], averagePer: null, breakdownBy: null, order: 'largest', limit: null,
    };
    fake.script({ json: plan });
    const r = await chat.say('what did the scooter eat up in december');
    expect(r).toContain('₹1,250');
  });
});

describe('with Ollama down', () => {
  const sample = [path.resolve(import.meta.dirname, '../../../shared/eval/sample'), path.resolve(import.meta.dirname, '../../../../shared/eval/sample')].find((d) => fs.existsSync(d)) ?? '';
  const own = path.resolve(import.meta.dirname, '../../test/data/ingest-own.jsonl');
  const lines = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text?: string; question?: string }) : []);
  const messages = [
    ...lines(path.join(sample, 'ingest.jsonl')).map((x) => x.text!),
    ...lines(own).map((x) => x.text!),
    ...lines(path.join(sample, 'queries.jsonl')).map((x) => x.question!),
    // Always present, whether or not the shared sample is: low-confidence and unknown messages that call the fallback.
    'bought some stuff for the kids, fifty', 'coffee with the team after standup', 'xyzzy quux 250 frobnicate',
    'how much on motor upkeep this month?', 'what did the scooter eat up in december', 'chai 20', 'how much this week?',
  ];

  it(`still answers every message within 1 s (${messages.length} messages)`, async () => {
    ({ chat, ai } = await open(`http://127.0.0.1:${await closedPort()}`));
    // One warm-up message: the rules load their lexicons lazily, which is not what this measures.
    await chat.say('warm up 1');
    let slowest = { ms: 0, text: '' };
    for (const m of messages) {
      const t0 = performance.now();
      const r = await chat.say(m);
      const took = performance.now() - t0;
      if (took > slowest.ms) slowest = { ms: took, text: m };
      expect(r.length).toBeGreaterThan(0);
    }
    expect(slowest.ms, `slowest: ${JSON.stringify(slowest.text)}`).toBeLessThan(1_000);
    expect((await chat.ledger()).some((e) => e.amountMinor === 2000)).toBe(true);
  });
});
