/**
 * @module vectors/open
 * Picks the vector index: LanceDB when it is wanted and proves it can run on this CPU, otherwise
 * the SQLite adapter in the ledger file. Semantic memory is optional, so this never fails startup.
 */
import type { Kysely } from 'kysely';
import type { VectorBackend } from '../llm/config.js';
import type { VectorIndex } from './port.js';
import { createSqliteVectorIndex } from './sqlite/index.js';

export interface VectorLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface OpenVectorOptions {
  backend: VectorBackend;
  /** LanceDB folder (data/vectors). */
  dir: string;
  /** The ledger database (the SQLite adapter's home). */
  db: Kysely<any>;
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
  return createSqliteVectorIndex(o.db);
}
