/**
 * @module vectors/lancedb
 * The embedded LanceDB VectorIndex (a folder under data/). @lancedb/lancedb is only ever loaded by
 * a dynamic import from here, after `probeLanceDb` proved in a child process that its prebuilt
 * native binary runs on this CPU: on some older ARM and x86 chips it dies with SIGILL, which no
 * try/catch could survive in-process.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MunshiError } from '../../core/errors.js';
import type { VectorHit, VectorIndex } from '../port.js';

const TABLE = 'memory';
/** Above this many rows an IVF_FLAT index pays off (exact search over 100k rows takes ~200 ms). */
export const INDEX_THRESHOLD = 10_000;

type Kind = 'item' | 'merchant';
type LanceModule = typeof import('@lancedb/lancedb');
type LanceTable = Awaited<ReturnType<Awaited<ReturnType<LanceModule['connect']>>['openTable']>>;

const idOf = (kind: string, text: string) => `${kind}:${text}`;
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Loads LanceDB in a throwaway child process and runs a tiny create/search there. Resolves
 * `{ ok: false }` (never rejects) when the module is missing, throws, or the child crashes.
 */
export function probeLanceDb(timeoutMs = 30_000): Promise<{ ok: boolean; reason?: string }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-lance-probe-'));
  const script = `
    const l = await import('@lancedb/lancedb');
    const db = await l.connect(${JSON.stringify(tmp)});
    const t = await db.createTable('p', [{ id: 'a', vector: [0.1, 0.2, 0.3] }]);
    const r = await t.vectorSearch([0.1, 0.2, 0.3]).distanceType('cosine').limit(1).toArray();
    if (r.length !== 1) process.exit(3);
    process.exit(0);`;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), timeout: timeoutMs }, (err, _stdout, stderr) => {
      fs.rmSync(tmp, { recursive: true, force: true });
      if (!err) return resolve({ ok: true });
      const signal = (err as { signal?: string }).signal;
      const reason = signal ? `LanceDB crashed the probe process (${signal})` : `LanceDB failed to load: ${String(stderr).trim().split('\n').slice(-1)[0] || err.message}`;
      resolve({ ok: false, reason });
    });
  });
}

/** Opens (or creates) the LanceDB index in `dir`. Rejects with MunshiError('unavailable') when LanceDB cannot load. */
export async function openLanceVectorIndex(dir: string): Promise<VectorIndex & { readonly backend: 'lancedb'; optimize(): Promise<void> }> {
  let lance: LanceModule;
  try {
    lance = await import('@lancedb/lancedb');
  } catch (e) {
    throw new MunshiError('unavailable', `LanceDB cannot load here: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  fs.mkdirSync(dir, { recursive: true });
  const conn = await lance.connect(dir);
  let table: LanceTable | null = (await conn.tableNames()).includes(TABLE) ? await conn.openTable(TABLE) : null;
  let indexed = table ? (await table.listIndices()).some((i) => i.columns.includes('vector')) : false;
  let dim: number | null = null;
  if (table) {
    const field = (await table.schema()).fields.find((f) => f.name === 'vector');
    dim = (field?.type as { listSize?: number } | undefined)?.listSize ?? null;
  }
  // Serializes writes: LanceDB commits are versioned and concurrent merges would conflict.
  let writes: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = writes.then(fn, fn);
    writes = p.catch(() => undefined);
    return p;
  };

  return {
    backend: 'lancedb',
    upsert: (entries) =>
      serial(async () => {
        if (!entries.length) return;
        const width = dim ?? entries[0]!.vector.length;
        for (const e of entries) {
          if (e.vector.length !== width) throw new MunshiError('config', `vector width ${e.vector.length} does not match the index (${width}); the embedding model changed: run \`cli reindex\``);
        }
        const rows = entries.map((e) => ({ id: idOf(e.kind, e.text), text: e.text, kind: e.kind, vector: Array.from(e.vector) }));
        if (!table) {
          table = await conn.createTable(TABLE, rows);
          dim = width;
          return;
        }
        await table.mergeInsert('id').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(rows);
      }),
    async search(vector, { minScore, limit }) {
      if (!table) return [];
      if (dim !== null && vector.length !== dim) throw new MunshiError('config', `query vector width ${vector.length} does not match the index (${dim}): run \`cli reindex\``);
      let q = table.vectorSearch(Array.from(vector)).distanceType('cosine').limit(limit).select(['text', 'kind', '_distance']);
      // With an IVF index, look in enough partitions that a threshold query still sees every close text.
      if (indexed) q = q.nprobes(20);
      const rows = (await q.toArray()) as { text: string; kind: Kind; _distance: number }[];
      const hits: VectorHit[] = [];
      for (const r of rows) {
        const score = 1 - r._distance;
        if (score >= minScore) hits.push({ text: r.text, kind: r.kind, score });
      }
      return hits;
    },
    async has(text, kind) {
      if (!table) return false;
      const rows = await table.query().where(`id = ${quote(idOf(kind, text))}`).select(['id']).limit(1).toArray();
      return rows.length > 0;
    },
    async count() {
      return table ? table.countRows() : 0;
    },
    clear: () =>
      serial(async () => {
        if (table) await conn.dropTable(TABLE);
        table = null;
        dim = null;
        indexed = false;
      }),
    /** Compacts the many small versions background upserts leave, and builds the IVF index once large. */
    optimize: () =>
      serial(async () => {
        if (!table) return;
        await table.optimize();
        const n = await table.countRows();
        if (!indexed && n >= INDEX_THRESHOLD) {
          const numPartitions = Math.max(8, Math.min(256, Math.round(Math.sqrt(n) / 5)));
          await table.createIndex('vector', { config: lance.Index.ivfFlat({ numPartitions, distanceType: 'cosine' }) });
          indexed = true;
        }
      }),
    async close() {
      await writes.catch(() => undefined);
      table?.close();
      conn.close();
      table = null;
    },
  };
}
