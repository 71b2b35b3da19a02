/**
 * @module vectors/memory-index
 * An in-memory VectorIndex for unit tests and the in-memory repositories: exact cosine over a Map.
 */
import { MunshiError } from '../core/errors.js';
import type { VectorHit, VectorIndex } from './port.js';

export function memoryVectorIndex(): VectorIndex {
  const entries = new Map<string, { text: string; kind: 'item' | 'merchant'; unit: number[] }>();
  const unit = (v: number[]) => {
    const n = Math.sqrt(v.reduce((a, x) => a + x * x, 0)) || 1;
    return v.map((x) => x / n);
  };
  const width = () => entries.values().next().value?.unit.length ?? 0;
  const check = (n: number) => {
    const w = width();
    if (w && n !== w) throw new MunshiError('config', `vector width ${n} does not match the index (${w}); the embedding model changed: run \`cli reindex\``);
  };
  return {
    async upsert(list) {
      for (const e of list) check(e.vector.length);
      for (const e of list) entries.set(`${e.kind}\u0000${e.text}`, { text: e.text, kind: e.kind, unit: unit(e.vector) });
    },
    async search(vector, { minScore, limit }) {
      if (!entries.size) return [];
      check(vector.length);
      const q = unit(vector);
      const hits: VectorHit[] = [];
      for (const e of entries.values()) {
        const score = e.unit.reduce((a, x, i) => a + x * (q[i] ?? 0), 0);
        if (score >= minScore) hits.push({ text: e.text, kind: e.kind, score });
      }
      return hits.sort((a, b) => b.score - a.score).slice(0, limit);
    },
    has: async (text, kind) => entries.has(`${kind}\u0000${text}`),
    count: async () => entries.size,
    clear: async () => entries.clear(),
    close: async () => {},
  };
}
