/**
 * The real ollama client, through our adapter, against the fake server on loopback: wire format,
 * timeouts, faults and the fast failure when nothing listens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMunshiError } from '../../core/errors.js';
import { createOllamaLlm } from './adapter.js';
import { closedPort, fakeEmbedding, startFakeOllama, type FakeOllama } from './fake-server.js';

let fake: FakeOllama;
beforeAll(async () => {
  fake = await startFakeOllama({ concepts: { 'fizzy drinks': ['limca', 'mountain dew', '7up'] } });
});
afterAll(async () => fake.close());

const llmFor = (host: string, extra: Partial<Parameters<typeof createOllamaLlm>[0]> = {}) =>
  createOllamaLlm({ host, chatModel: 'qwen2.5:1.5b', embedModel: 'nomic-embed-text', ...extra });

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('ollama adapter', () => {
  it('reports health and which models are pulled from /api/tags', async () => {
    const llm = llmFor(fake.url);
    expect(await llm.healthy()).toBe(true);
    const s = await llm.status();
    expect(s).toMatchObject({ up: true, chatReady: true, embedReady: true });
    const other = llmFor(fake.url, { chatModel: 'llama3.2:1b' });
    expect((await other.status()).chatReady).toBe(false);
  });

  it('sends structured-output chat requests at temperature 0 and returns the content', async () => {
    const llm = llmFor(fake.url);
    fake.script({ json: { expenses: [{ amount: 20 }] } });
    const schema = { type: 'object', properties: { expenses: { type: 'array' } } };
    const text = await llm.chatJson([{ role: 'user', content: 'chai 20' }], schema);
    expect(JSON.parse(text)).toEqual({ expenses: [{ amount: 20 }] });
    const req = fake.requests.filter((r) => r.path === '/api/chat').at(-1)!;
    expect(req.body).toMatchObject({ model: 'qwen2.5:1.5b', stream: false, format: schema, options: { temperature: 0 } });
  });

  it('reads a streamed NDJSON chat to the end', async () => {
    const llm = llmFor(fake.url);
    fake.script('You spent ₹1,250 on coffee this month, across 9 cups.');
    expect(await llm.chat([{ role: 'user', content: 'rephrase' }])).toBe('You spent ₹1,250 on coffee this month, across 9 cups.');
    expect(fake.requests.at(-1)!.body.stream).toBe(true);
  });

  it('embeds a batch deterministically, similar texts closer than unrelated ones', async () => {
    const llm = llmFor(fake.url);
    const [a, b, c] = await llm.embed(['latte', 'lattes', 'petrol']);
    const cos = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    expect(a).toEqual(fakeEmbedding('latte'));
    expect(cos(a!, b!)).toBeGreaterThan(cos(a!, c!) + 0.3);
    const [limca, fizzy, beer] = await llm.embed(['limca', 'fizzy drinks', 'budweiser']);
    expect(cos(limca!, fizzy!)).toBeGreaterThan(0.6);
    expect(cos(beer!, fizzy!)).toBeLessThan(0.3);
  });

  it('fails fast with unavailable when nothing listens, and keeps failing fast for a while', async () => {
    const llm = llmFor(`http://127.0.0.1:${await closedPort()}`);
    const t0 = performance.now();
    expect(await llm.healthy()).toBe(false);
    const e = await rejection(llm.chatJson([{ role: 'user', content: 'x' }], {}));
    expect(isMunshiError(e, 'unavailable')).toBe(true);
    const e2 = await rejection(llm.embed(['x']));
    expect(isMunshiError(e2, 'unavailable')).toBe(true);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('times out a slow server with a timeout error', async () => {
    const llm = llmFor(fake.url);
    fake.script({ fault: 'slow', delayMs: 2_000 });
    const t0 = performance.now();
    const e = await rejection(llm.chatJson([{ role: 'user', content: 'x' }], {}, { timeoutMs: 200 }));
    expect(isMunshiError(e, 'timeout')).toBe(true);
    expect(performance.now() - t0).toBeLessThan(1_500);
  });

  it('maps a 500 to unavailable and a missing model to a pull hint', async () => {
    const llm = llmFor(fake.url);
    fake.script({ fault: 'error500' });
    expect(isMunshiError(await rejection(llm.chatJson([{ role: 'user', content: 'x' }], {})), 'unavailable')).toBe(true);
    const missing = llmFor(fake.url, { embedModel: 'all-minilm' });
    const e = await rejection(missing.embed(['x']));
    expect(isMunshiError(e, 'unavailable')).toBe(true);
    expect((e as Error).message).toContain('ollama pull all-minilm');
  });

  it('maps a truncated JSON body to invalid_model_output', async () => {
    const llm = llmFor(fake.url);
    fake.script({ fault: 'malformed' });
    expect(isMunshiError(await rejection(llm.chatJson([{ role: 'user', content: 'x' }], {})), 'invalid_model_output')).toBe(true);
  });

  it('gives up after the short health probe when the server hangs, not after the chat timeout', async () => {
    const hung = await startFakeOllama();
    hung.setFault('slow', { delayMs: 3_000 });
    const llm = llmFor(hung.url, { healthTimeoutMs: 150, chatTimeoutMs: 10_000 });
    const t0 = performance.now();
    expect(isMunshiError(await rejection(llm.chatJson([{ role: 'user', content: 'x' }], {})), 'unavailable')).toBe(true);
    expect(isMunshiError(await rejection(llm.embed(['x'])), 'unavailable')).toBe(true);
    expect(performance.now() - t0).toBeLessThan(1_000);
    await hung.close();
  });

  it('recovers once the server answers again', async () => {
    let t = 0;
    const llm = llmFor(fake.url, { nowMs: () => t, healthTtlMs: 1_000 });
    fake.setFault('error500', { paths: ['/api/tags'] });
    expect(await llm.healthy()).toBe(false);
    fake.setFault(null);
    expect(await llm.healthy()).toBe(false); // still cached
    t = 2_000;
    expect(await llm.healthy()).toBe(true);
  });
});
