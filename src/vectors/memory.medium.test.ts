/**
 * Semantic memory on a real migrated ledger, the fake Ollama over loopback, and both index
 * adapters: background indexing, catching up after an outage, reindex, and concept expansion.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExpenseDraft } from '../core/types.js';
import { openRepositories, type Repositories } from '../app/repositories.js';
import { createOllamaLlm } from '../llm/ollama/adapter.js';
import { startFakeOllama, type FakeOllama } from '../llm/ollama/fake-server.js';
import type { VectorIndex } from './port.js';
import { openLanceVectorIndex, probeLanceDb } from './lancedb/index.js';
import { createSemanticMemory, memoryText, type SemanticMemory } from './memory.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-memory-'));
const probe = await probeLanceDb();

const concepts = {
  'fizzy drinks': ['limca', 'mountain dew', '7up', 'thums up'],
  'stuff for the car': ['petrol', 'car wash', 'tyre', 'indian oil'],
};

let fake: FakeOllama;
beforeAll(async () => {
  fake = await startFakeOllama({ concepts, models: ['qwen2.5:1.5b', 'all-minilm:latest'] });
});
afterAll(async () => {
  await fake.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => fake.setFault(null));

const draft = (item: string | null, merchant: string | null, amount: number, category: ExpenseDraft['category'] = 'food'): ExpenseDraft => ({
  amountMinor: amount * 100, currency: 'INR', category, detail: null, item, merchant, note: null, date: '2026-01-10',
});
let seq = 0;
const record = (db: Repositories, drafts: ExpenseDraft[]) =>
  db.expenses.record(drafts, { owner: 'me', source: 'text', messageId: `m${++seq}`, now: '2026-01-10T10:00:00.000Z' });

const llm = () => createOllamaLlm({ host: fake.url, chatModel: 'qwen2.5:1.5b', embedModel: 'all-minilm' });

for (const backend of ['sqlite', 'lancedb'] as const) {
  const skip = backend === 'lancedb' && !probe.ok ? (probe.reason ?? 'LanceDB cannot run here') : false;
  describe.skipIf(skip)(`semantic memory on ${backend}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    let ledger: Repositories;
    let index: VectorIndex;
    let memory: SemanticMemory;
    beforeAll(async () => {
      ledger = await openRepositories(path.join(tmp, `${backend}.db`));
      index = backend === 'sqlite' ? ledger.vectorIndex() : await openLanceVectorIndex(path.join(tmp, `${backend}-vectors`));
      memory = createSemanticMemory({ llm: llm(), index, texts: () => ledger.expenses.distinctTexts(), meta: ledger.vectorMeta, retryMs: 50, catchUpOnStart: false });
    });
    afterAll(async () => {
      await memory.close();
      await index.close();
      await ledger.close();
    });

    it('embeds recorded texts in the background, never on the caller', async () => {
      const { expenses } = await record(ledger, [draft('Limca', null, 25), draft('Budweiser', 'Toit', 700), draft('espresso', 'Cafe Coffee Day', 140)]);
      const before = fake.requests.length;
      memory.enqueue(expenses);
      expect(fake.requests.length).toBe(before); // enqueue returned before any HTTP call
      await memory.idle();
      expect(await index.count()).toBe(5);
      expect(await index.has('cafe coffee day', 'merchant')).toBe(true);
    });

    it('keeps texts queued while Ollama fails and indexes them once it is back', async () => {
      fake.setFault('error500', { paths: ['/api/embed'] });
      const { expenses } = await record(ledger, [draft('mountain dew', null, 40), draft('7up', null, 30), draft('petrol', 'Indian Oil', 300, 'transport')]);
      memory.enqueue(expenses);
      await memory.idle();
      expect(memory.pending()).toBe(4);
      fake.setFault(null);
      await new Promise((r) => setTimeout(r, 120));
      await memory.idle();
      expect(memory.pending()).toBe(0);
      expect(await index.has('indian oil', 'merchant')).toBe(true);
    });

    it('widens a concept into the ledger texts above the threshold', async () => {
      const fizzy = await memory.expandConcept('Fizzy drinks');
      expect(fizzy?.terms.sort()).toEqual(['7up', 'limca', 'mountain dew']);
      expect(fizzy?.merchants).toEqual([]);
      const car = await memory.expandConcept('stuff for the car');
      expect(car).toEqual({ terms: ['petrol'], merchants: ['indian oil'] });
      expect(await memory.expandConcept('knitting supplies')).toBeNull();
    });

    it('rebuilds from SQLite on reindex, leaving out deleted rows', async () => {
      const { expenses } = await record(ledger, [draft('thums up', null, 20)]);
      await ledger.expenses.softDelete(expenses.map((e) => e.id), '2026-01-10T11:00:00.000Z');
      const progress: [number, number][] = [];
      const r = await memory.reindex((d, t) => progress.push([d, t]));
      expect(r.texts).toBe(9);
      expect(progress.at(-1)).toEqual([9, 9]);
      expect(await index.count()).toBe(9);
      expect(await index.has('thums up', 'item')).toBe(false);
    });

    it('leaves the old index intact when reindex cannot embed', async () => {
      fake.setFault('error500', { paths: ['/api/embed'] });
      await expect(memory.reindex()).rejects.toThrow();
      expect(await index.count()).toBe(9);
    });
  });
}

describe('semantic memory extras', () => {
  it('lets the chat model confirm candidates, falling back to the vectors when it cannot', async () => {
    const ledger = await openRepositories(':memory:');
    const index = ledger.vectorIndex();
    const memory = createSemanticMemory({ llm: llm(), index, texts: () => ledger.expenses.distinctTexts(), meta: ledger.vectorMeta, confirmWithModel: true, catchUpOnStart: false });
    const { expenses } = await record(ledger, [draft('limca', null, 25), draft('mountain dew', null, 40), draft('7up', null, 30)]);
    memory.enqueue(expenses);
    await memory.idle();
    fake.script({ json: { matches: ['limca', '7up'] } });
    expect((await memory.expandConcept('fizzy drinks'))?.terms.sort()).toEqual(['7up', 'limca']);
    const req = fake.requests.filter((r) => r.path === '/api/chat').at(-1)!.body;
    expect(req.format.properties.matches.items.enum.sort()).toEqual(['7up', 'limca', 'mountain dew']);
    fake.script({ json: { matches: ['budweiser'] } }); // outside the enum: ignored, vectors stand
    expect((await memory.expandConcept('fizzy drinks'))?.terms.length).toBe(3);
    await memory.close();
    await ledger.close();
  });

  it('catches up on texts recorded while it was not running, and starts over when the model changes', async () => {
    const ledger = await openRepositories(':memory:');
    await record(ledger, [draft('limca', 'Dmart', 25)]);
    const index = ledger.vectorIndex();
    const m1 = createSemanticMemory({ llm: llm(), index, texts: () => ledger.expenses.distinctTexts(), meta: ledger.vectorMeta });
    await new Promise((r) => setTimeout(r, 20));
    await m1.idle();
    expect(await index.count()).toBe(2);
    await m1.close();
    const other = createOllamaLlm({ host: fake.url, chatModel: 'qwen2.5:1.5b', embedModel: 'qwen2.5:1.5b' });
    const m2 = createSemanticMemory({ llm: other, index, texts: () => ledger.expenses.distinctTexts(), meta: ledger.vectorMeta, catchUpOnStart: false });
    await m2.reindex();
    const meta = await ledger.vectorMeta.get('embed_model');
    expect(meta).toBe('qwen2.5:1.5b');
    await m2.close();
    await ledger.close();
  });

  it('normalizes texts the way search_text stores them', () => {
    expect(memoryText('  Cafe   Coffee Day ')).toBe('cafe coffee day');
    expect(memoryText('x')).toBeNull();
  });
});
