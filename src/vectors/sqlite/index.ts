/**
 * @module vectors/sqlite
 * The fallback VectorIndex: vectors as Float32 BLOBs in the ledger's own SQLite file, searched by
 * exact cosine in JS over an in-memory matrix. No native code beyond better-sqlite3, so it works on
 * every CPU where LanceDB's prebuilt binary does not. A household's distinct items and merchants
 * number in the thousands, where an exact scan takes well under a millisecond per thousand.
 */
import type { Kysely } from 'kysely';
import { MunshiError } from '../../core/errors.js';
import type { VectorHit, VectorIndex } from '../port.js';
import type { SqliteStore } from '../../ledger/sqlite/open.js';
import type { Database } from '../../ledger/sqlite/schema.js';
import type { VectorMeta } from '../port.js';
import type { VectorTables } from './schema.js';

type Kind = 'item' | 'merchant';

/** Scales to unit length (cosine becomes a dot product). */
export function normalize(v: ArrayLike<number>): Float32Array {
  const out = new Float32Array(v.length);
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i]! * v[i]!;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < v.length; i++) out[i] = v[i]! / n;
  return out;
}

function toBlob(v: Float32Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

function fromBlob(b: Uint8Array, dim: number): Float32Array {
  // Copy: a Buffer from SQLite may not be 4-byte aligned.
  const copy = new Uint8Array(dim * 4);
  copy.set(b.subarray(0, dim * 4));
  return new Float32Array(copy.buffer);
}

/** In-memory mirror of the table, loaded once; upserts keep it current. */
class Matrix {
  dim = 0;
  size = 0;
  data = new Float32Array(0);
  texts: string[] = [];
  kinds: Kind[] = [];
  slot = new Map<string, number>();

  put(kind: Kind, text: string, v: Float32Array): void {
    if (!this.dim) this.dim = v.length;
    const key = `${kind}\u0000${text}`;
    let i = this.slot.get(key);
    if (i === undefined) {
      i = this.size++;
      if (this.size * this.dim > this.data.length) {
        const grown = new Float32Array(Math.max(1024 * this.dim, this.data.length * 2));
        grown.set(this.data);
        this.data = grown;
      }
      this.slot.set(key, i);
      this.texts[i] = text;
      this.kinds[i] = kind;
    }
    this.data.set(v, i * this.dim);
  }
}

/** A VectorIndex over the ledger database (migration 0004 creates its table). */
export function createSqliteVectorIndex(store: SqliteStore): VectorIndex & { readonly backend: 'sqlite' } {
  const k: Kysely<Database & VectorTables> = store.db.withTables<VectorTables>();
  const write = <T>(fn: (trx: Kysely<Database & VectorTables>) => Promise<T>) => store.write((trx) => fn(trx.withTables<VectorTables>()));
  let matrix: Matrix | null = null;
  let loading: Promise<Matrix> | null = null;

  async function load(): Promise<Matrix> {
    if (matrix) return matrix;
    loading ??= (async () => {
      const m = new Matrix();
      const rows = await k.selectFrom('vector_entries').select(['kind', 'text', 'dim', 'vector']).execute();
      for (const r of rows) {
        if (m.dim && r.dim !== m.dim) continue; // stale width from an older model: reindex replaces it
        m.put(r.kind as Kind, r.text, fromBlob(r.vector, r.dim));
      }
      matrix = m;
      loading = null;
      return m;
    })();
    return loading;
  }

  return {
    backend: 'sqlite',
    async upsert(entries) {
      if (!entries.length) return;
      const m = await load();
      const dim = m.dim || entries[0]!.vector.length;
      const vecs = entries.map((e) => {
        if (e.vector.length !== dim) throw new MunshiError('config', `vector width ${e.vector.length} does not match the index (${dim}); the embedding model changed: run \`cli reindex\``);
        return normalize(e.vector);
      });
      await write(async (trx) => {
        for (const [i, e] of entries.entries()) {
          await trx
            .insertInto('vector_entries')
            .values({ kind: e.kind, text: e.text, dim, vector: toBlob(vecs[i]!) })
            .onConflict((oc) => oc.columns(['kind', 'text']).doUpdateSet({ dim, vector: toBlob(vecs[i]!) }))
            .execute();
        }
      });
      for (const [i, e] of entries.entries()) m.put(e.kind, e.text, vecs[i]!);
    },
    async search(vector, { minScore, limit }) {
      const m = await load();
      if (!m.size) return [];
      if (vector.length !== m.dim) throw new MunshiError('config', `query vector width ${vector.length} does not match the index (${m.dim}): run \`cli reindex\``);
      const q = normalize(vector);
      const { data, dim, size } = m;
      const hits: VectorHit[] = [];
      const tail = dim - (dim % 4);
      for (let i = 0; i < size; i++) {
        // Four running sums: the JIT keeps them in registers, about twice as fast as one.
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        const off = i * dim;
        let j = 0;
        for (; j < tail; j += 4) {
          s0 += data[off + j]! * q[j]!;
          s1 += data[off + j + 1]! * q[j + 1]!;
          s2 += data[off + j + 2]! * q[j + 2]!;
          s3 += data[off + j + 3]! * q[j + 3]!;
        }
        for (; j < dim; j++) s0 += data[off + j]! * q[j]!;
        const s = s0 + s1 + s2 + s3;
        if (s >= minScore) hits.push({ text: m.texts[i]!, kind: m.kinds[i]!, score: s });
      }
      hits.sort((a, b) => b.score - a.score);
      return hits.slice(0, limit);
    },
    async has(text, kind) {
      return (await load()).slot.has(`${kind}\u0000${text}`);
    },
    async count() {
      return (await load()).size;
    },
    async clear() {
      await write((trx) => trx.deleteFrom('vector_entries').execute());
      matrix = new Matrix();
    },
    async close() {
      matrix = null;
    },
  };
}

/** Which embedding model made the stored vectors, kept in the ledger file's `vector_meta`. */
export function sqliteVectorMeta(store: SqliteStore): VectorMeta {
  const k: Kysely<Database & VectorTables> = store.db.withTables<VectorTables>();
  return {
    async get(key) {
      return (await k.selectFrom('vector_meta').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;
    },
    async set(key, value) {
      await store.write((trx) =>
        trx.withTables<VectorTables>().insertInto('vector_meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute(),
      );
    },
  };
}
