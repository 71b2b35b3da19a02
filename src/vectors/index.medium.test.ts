/**
 * Both VectorIndex adapters against the same contract, on real files in temp dirs: the SQLite one
 * in a migrated ledger, the LanceDB one in a real table (skipped, with the reason, where it cannot run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../app/repositories.js';
import { fakeEmbedding } from '../llm/ollama/fake-server.js';
import type { VectorIndex } from './port.js';
import { openLanceVectorIndex, probeLanceDb } from './lancedb/index.js';
import { openVectorIndex } from './open.js';
import { memoryVectorIndex } from './memory-index.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-vectors-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const concepts = { 'fizzy drinks': ['limca', 'mountain dew', '7up', 'coke'] };
const emb = (t: string) => fakeEmbedding(t, 64, concepts);
const items = ['limca', 'mountain dew', '7up', 'budweiser', 'espresso', 'petrol', "haldiram's bhujia"];

const probe = await probeLanceDb();

function contract(name: string, open: () => Promise<{ index: VectorIndex; reopen: () => Promise<VectorIndex> }>, skip: string | false = false) {
  describe.skipIf(skip)(`${name} vector index${skip ? ` (skipped: ${skip})` : ''}`, () => {
    let index: VectorIndex;
    let reopen: () => Promise<VectorIndex>;
    beforeAll(async () => {
      ({ index, reopen } = await open());
    });
    afterAll(async () => index.close());

    it('starts empty and searches to nothing', async () => {
      expect(await index.count()).toBe(0);
      expect(await index.search(emb('x'), { minScore: 0, limit: 5 })).toEqual([]);
    });

    it('upserts, dedupes by (kind, text) and answers has()', async () => {
      await index.upsert(items.map((t) => ({ text: t, kind: 'item' as const, vector: emb(t) })));
      await index.upsert([{ text: 'limca', kind: 'item', vector: emb('limca') }, { text: 'limca', kind: 'merchant', vector: emb('limca') }]);
      expect(await index.count()).toBe(items.length + 1);
      expect(await index.has("haldiram's bhujia", 'item')).toBe(true);
      expect(await index.has('limca', 'merchant')).toBe(true);
      expect(await index.has('petrol', 'merchant')).toBe(false);
    });

    it('returns every text above the threshold, best first, and nothing else', async () => {
      const hits = await index.search(emb('fizzy drinks'), { minScore: 0.5, limit: 50 });
      const texts = hits.filter((h) => h.kind === 'item').map((h) => h.text).sort();
      expect(texts).toEqual(['7up', 'limca', 'mountain dew']);
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
      expect(hits[0]!.score).toBeLessThanOrEqual(1.0001);
      expect((await index.search(emb('fizzy drinks'), { minScore: 0.5, limit: 2 })).length).toBe(2);
    });

    it('finds an exact text with score ~1', async () => {
      const [top] = await index.search(emb('petrol'), { minScore: 0.9, limit: 3 });
      expect(top).toMatchObject({ text: 'petrol', kind: 'item' });
      expect(top!.score).toBeCloseTo(1, 3);
    });

    it('persists across reopen and clears', async () => {
      await index.close();
      index = await reopen();
      expect(await index.count()).toBe(items.length + 1);
      expect(await index.has('budweiser', 'item')).toBe(true);
      await index.clear();
      expect(await index.count()).toBe(0);
      await index.upsert([{ text: 'tea', kind: 'item', vector: fakeEmbedding('tea', 32) }]);
      expect(await index.count()).toBe(1);
    });

    it('refuses a vector of another width', async () => {
      await expect(index.upsert([{ text: 'x', kind: 'item', vector: [1, 2, 3] }])).rejects.toThrow(/reindex/);
    });
  });
}

let ledger: Repositories;
contract('sqlite', async () => {
  ledger = await openRepositories(path.join(tmp, 'ledger.db'));
  return { index: ledger.vectorIndex(), reopen: async () => ledger.vectorIndex() };
});

// The fake the in-memory repositories hand out: it lives as long as the process, so "reopen" is itself.
contract('memory', async () => {
  const index = memoryVectorIndex();
  return { index, reopen: async () => index };
});
afterAll(async () => ledger?.close());

contract('lancedb', async () => {
  const dir = path.join(tmp, 'lance');
  return { index: await openLanceVectorIndex(dir), reopen: () => openLanceVectorIndex(dir) };
}, probe.ok ? false : (probe.reason ?? 'LanceDB cannot run here'));

describe('openVectorIndex', () => {
  it('falls back to SQLite when LanceDB is not wanted or cannot load, and is null when off', async () => {
    const db = await openRepositories(':memory:');
    const warnings: string[] = [];
    const logger = { info: () => {}, warn: (_o: object, m?: string) => void warnings.push(m ?? '') };
    expect((await openVectorIndex({ backend: 'sqlite', dir: tmp, sqlite: db.vectorIndex, logger }))?.backend).toBe('sqlite');
    expect(await openVectorIndex({ backend: 'off', dir: tmp, sqlite: db.vectorIndex })).toBeNull();
    const auto = await openVectorIndex({ backend: 'auto', dir: path.join(tmp, 'auto'), sqlite: db.vectorIndex, logger });
    expect(auto?.backend).toBe(probe.ok ? 'lancedb' : 'sqlite');
    await auto?.close();
    // A folder LanceDB cannot write into (a file stands where the folder should be).
    fs.writeFileSync(path.join(tmp, 'blocked'), 'x');
    const blocked = await openVectorIndex({ backend: 'lancedb', dir: path.join(tmp, 'blocked'), sqlite: db.vectorIndex, logger, skipProbe: true });
    expect(blocked?.backend).toBe('sqlite');
    expect(warnings.some((w) => w.includes('SQLite'))).toBe(true);
    await db.close();
  });
});
