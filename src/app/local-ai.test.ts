/** createLocalAi and localAiStatus: off means absent, down means quiet, up means wired. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmConfigFromEnv } from '../llm/config.js';
import { closedPort, startFakeOllama, type FakeOllama } from '../llm/ollama/fake-server.js';
import { vectorConfigFromEnv } from '../vectors/config.js';
import { createLocalAi, localAiStatus, type LocalAiOptions } from './local-ai.js';
import { openRepositories, type Repositories } from './repositories.js';

let fake: FakeOllama;
let ledger: Repositories;
beforeAll(async () => {
  fake = await startFakeOllama();
  ledger = await openRepositories(':memory:');
});
const deps = (backend = 'auto'): LocalAiOptions => ({
  queries: ledger.queries,
  texts: () => ledger.expenses.distinctTexts(),
  vectorMeta: ledger.vectorMeta,
  sqliteVectors: ledger.vectorIndex,
  vectors: vectorConfigFromEnv({ MUNSHI_VECTORS: backend }, 'unused-lancedb-dir'),
});
afterAll(async () => {
  await fake.close();
  await ledger.close();
});

describe('createLocalAi', () => {
  it('is entirely absent when switched off, and never dials Ollama', async () => {
    const before = fake.requests.length;
    const ai = await createLocalAi(llmConfigFromEnv({ MUNSHI_LLM: 'off', OLLAMA_HOST: fake.url }), deps());
    expect(ai).toMatchObject({ llm: null, index: null, memory: null, fallbacks: undefined, onRecorded: undefined });
    expect(fake.requests.length).toBe(before);
    await ai.close();
  });

  it('wires every fallback and the memory hook when on, even with Ollama down', async () => {
    const ai = await createLocalAi(llmConfigFromEnv({ OLLAMA_HOST: `http://127.0.0.1:${await closedPort()}` }), deps('sqlite'));
    expect(Object.keys(ai.fallbacks!).sort()).toEqual(['answer', 'expandConcept', 'extract']);
    // Opened on first use, not at start: with Ollama down nothing has used it yet.
    expect(ai.index?.backend).toBeUndefined();
    expect(await ai.fallbacks!.expandConcept!('treats')).toBeNull();
    ai.onRecorded!([{ item: 'limca', merchant: null } as never]);
    await ai.memory!.idle();
    expect(ai.memory!.pending()).toBe(1); // kept for later, not lost
    await ai.close();
  });
});

describe('the vector index', () => {
  it('opens on first use once Ollama answers, not at start', async () => {
    const ai = await createLocalAi(llmConfigFromEnv({ OLLAMA_HOST: fake.url }), deps('sqlite'));
    expect(ai.index?.backend).toBeUndefined();
    await ledger.expenses.record([{ amountMinor: 2500, currency: 'INR', category: 'food', detail: null, item: 'limca', merchant: null, note: null, date: '2026-01-10' }], {
      owner: 'me', source: 'text', messageId: 'lazy-1', now: '2026-01-10T10:00:00Z',
    });
    ai.onRecorded!([{ item: 'limca', merchant: null } as never]);
    await ai.memory!.idle();
    expect(ai.index?.backend).toBe('sqlite');
    expect(await ai.index!.has('limca', 'item')).toBe(true);
    await ai.close();
  });
});

describe('localAiStatus', () => {
  it('reports models when up, the reason when down, and off when off', async () => {
    expect(await localAiStatus(llmConfigFromEnv({ OLLAMA_HOST: fake.url }))).toMatchObject({ enabled: true, up: true, chatReady: true, embedReady: true });
    const down = await localAiStatus(llmConfigFromEnv({ OLLAMA_HOST: `http://127.0.0.1:${await closedPort()}` }));
    expect(down).toMatchObject({ enabled: true, up: false });
    expect(down.error).toContain('ECONNREFUSED');
    expect(await localAiStatus(llmConfigFromEnv({ MUNSHI_LLM: 'off' }))).toEqual({ enabled: false, host: 'http://127.0.0.1:11434' });
  });
});
