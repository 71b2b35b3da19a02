/**
 * @module vectors/port
 * Semantic memory: vectors for distinct item and merchant texts. Used only to widen a concept into
 * a set of texts; the ledger then filters every matching row with SQL.
 */
export interface VectorHit {
  text: string;
  kind: 'item' | 'merchant';
  /** Cosine similarity in [-1, 1]. */
  score: number;
}

export interface VectorIndex {
  upsert(entries: { text: string; kind: 'item' | 'merchant'; vector: number[] }[]): Promise<void>;
  /** Every entry with similarity ≥ minScore, best first (at most `limit`). */
  search(vector: number[], opts: { minScore: number; limit: number }): Promise<VectorHit[]>;
  has(text: string, kind: 'item' | 'merchant'): Promise<boolean>;
  count(): Promise<number>;
  clear(): Promise<void>;
  close(): Promise<void>;
  /** Which adapter this is, for logs and `status`. */
  readonly backend?: 'lancedb' | 'sqlite';
  /** Housekeeping after bulk writes (compaction, building an ANN index); a no-op where not needed. */
  optimize?(): Promise<void>;
}

/** A small key/value memory beside the index (which embedding model made its vectors). */
export interface VectorMeta {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

/** In-memory VectorMeta for tests. */
export function memoryVectorMeta(): VectorMeta {
  const m = new Map<string, string>();
  return { get: async (k) => m.get(k) ?? null, set: async (k, v) => void m.set(k, v) };
}

export type VectorBackend = 'auto' | 'lancedb' | 'sqlite' | 'off';
