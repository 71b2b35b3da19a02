/**
 * @module vectors/config
 * Semantic-memory settings from the raw values src/config read (MUNSHI_VECTORS, MUNSHI_VECTOR_DIR,
 * MUNSHI_CONCEPT_MIN_SCORE). An invalid value is a `config` error naming its key.
 */
import { MunshiError } from '../core/errors.js';
import type { VectorBackend } from './port.js';

export interface VectorConfig {
  /** Which vector index adapter to use; auto = LanceDB when it loads, else SQLite; off = none. */
  backend: VectorBackend;
  /** Folder of the LanceDB index. */
  dir: string;
  /** Cosine similarity a text must reach to belong to a concept; null = the embed model's default. */
  conceptMinScore: number | null;
}

/** e.g. vectorConfigFromEnv({ MUNSHI_VECTORS: 'sqlite' }, 'data/vectors').backend === 'sqlite' */
export function vectorConfigFromEnv(env: Record<string, string | undefined>, defaultDir: string): Readonly<VectorConfig> {
  const backend = (env.MUNSHI_VECTORS ?? 'auto').trim().toLowerCase() || 'auto';
  if (!['auto', 'lancedb', 'sqlite', 'off'].includes(backend)) throw new MunshiError('config', `MUNSHI_VECTORS="${env.MUNSHI_VECTORS}": expected auto, lancedb, sqlite or off`);
  let conceptMinScore: number | null = null;
  const rawScore = env.MUNSHI_CONCEPT_MIN_SCORE?.trim();
  if (rawScore) {
    conceptMinScore = Number(rawScore);
    if (!Number.isFinite(conceptMinScore) || conceptMinScore <= 0 || conceptMinScore >= 1) throw new MunshiError('config', `MUNSHI_CONCEPT_MIN_SCORE="${rawScore}": expected a number between 0 and 1`);
  }
  return Object.freeze({ backend: backend as VectorBackend, dir: env.MUNSHI_VECTOR_DIR?.trim() || defaultDir, conceptMinScore });
}
