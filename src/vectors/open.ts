/**
 * @module vectors/open
 * Picks the vector index: LanceDB when it is wanted and proves it can run on this CPU, otherwise
 * the SQLite adapter in the ledger file. Semantic memory is optional, so this never fails startup.
 */
import type { VectorBackend, VectorIndex } from './port.js';

export interface VectorLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface OpenVectorOptions {
  backend: VectorBackend;
  /** LanceDB folder (data/vectors). */
  dir: string;
  /** The SQLite adapter over the ledger file, used when LanceDB cannot run (or is not wanted). */
  sqlite: () => VectorIndex;
  logger?: VectorLogger;
  /** Skips the child-process probe (tests that already know LanceDB runs). */
  skipProbe?: boolean;
}

/**
 * Opens the configured index, falling back to SQLite when LanceDB is missing or crashes.
 * Returns null only for backend 'off'.
 */
export async function openVectorIndex(o: OpenVectorOptions): Promise<VectorIndex | null> {
  if (o.backend === 'off') return null;
  if (o.backend === 'auto' || o.backend === 'lancedb') {
    try {
      const lance = await import('./lancedb/index.js');
      const probe = o.skipProbe ? { ok: true } : await lance.probeLanceDb();
      if (probe.ok) {
        const index = await lance.openLanceVectorIndex(o.dir);
        o.logger?.info({ backend: 'lancedb', dir: o.dir }, 'semantic memory: LanceDB');
        return index;
      }
      o.logger?.warn({ reason: (probe as { reason?: string }).reason }, 'LanceDB cannot run here; semantic memory uses SQLite instead');
    } catch (e) {
      o.logger?.warn({ err: e instanceof Error ? e.message : String(e) }, 'LanceDB failed to open; semantic memory uses SQLite instead');
    }
  }
  o.logger?.info({ backend: 'sqlite' }, 'semantic memory: SQLite');
  return o.sqlite();
}

/**
 * A VectorIndex that opens the real one on first use. LanceDB is a large native module: the daemon
 * should not pay for it until semantic memory is actually used (Ollama up and something to embed,
 * or a concept question the lexicon does not know).
 */
export function lazyVectorIndex(open: () => Promise<VectorIndex | null>): VectorIndex {
  let opening: Promise<VectorIndex> | null = null;
  let opened: VectorIndex | null = null;
  const get = (): Promise<VectorIndex> =>
    (opening ??= open().then((i) => {
      if (!i) throw new Error('semantic memory is off');
      opened = i;
      return i;
    }));
  return {
    get backend() {
      return opened?.backend;
    },
    upsert: async (entries) => (await get()).upsert(entries),
    search: async (vector, opts) => (await get()).search(vector, opts),
    has: async (text, kind) => (await get()).has(text, kind),
    count: async () => (await get()).count(),
    clear: async () => (await get()).clear(),
    optimize: async () => (await get()).optimize?.(),
    close: async () => {
      // Never opened: nothing to close, and no reason to load it now.
      if (!opening) return;
      await (await opening.catch(() => null))?.close();
    },
  };
}
