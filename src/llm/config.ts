/**
 * @module llm/config
 * The local-AI settings, parsed once from an env record, validated and frozen. Lives here until
 * src/config/config.ts can absorb it: that module should spread `llmConfigFromEnv(env)` into its
 * own frozen config so `process.env` is still read in exactly one place.
 */
import { MunshiError } from '../core/errors.js';

export type VectorBackend = 'auto' | 'lancedb' | 'sqlite' | 'off';

export interface LlmConfig {
  /** False when MUNSHI_LLM=off: munshi runs on rules only and never dials Ollama. */
  enabled: boolean;
  /** Ollama base URL (OLLAMA_HOST, the same variable the ollama CLI reads). */
  host: string;
  /** Small chat model for extraction and planning fallbacks; a Pi runs 1–2B models comfortably. */
  chatModel: string;
  /** Embedding model for semantic memory. */
  embedModel: string;
  /** Per-call timeout for chat completions (prompt processing dominates on a Pi). */
  chatTimeoutMs: number;
  /** Per-call timeout for embeddings. */
  embedTimeoutMs: number;
  /** Timeout of the /api/tags health probe; kept short so a dead host never stalls a reply. */
  healthTimeoutMs: number;
  /** How long a health answer is trusted before probing again. */
  healthTtlMs: number;
  /** Which vector index adapter to use; auto = LanceDB when it loads, else SQLite. */
  vectors: VectorBackend;
  /** Folder of the LanceDB index (relative paths resolve against the working directory). */
  vectorDir: string;
  /** Cosine similarity a text must reach to belong to a concept; null = the embed model's default. */
  conceptMinScore: number | null;
}

const DEFAULTS = {
  host: 'http://127.0.0.1:11434',
  chatModel: 'qwen2.5:1.5b',
  embedModel: 'nomic-embed-text',
};

function int(env: Record<string, string | undefined>, key: string, dflt: number, min: number, max: number): number {
  const raw = env[key]?.trim();
  if (!raw) return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new MunshiError('config', `${key} must be an integer between ${min} and ${max} (got "${raw}")`);
  return n;
}

/**
 * Reads the local-AI keys from an env record (pass process.env at the one place that reads it).
 * e.g. llmConfigFromEnv({ OLLAMA_HOST: 'http://pi:11434' }).chatModel === 'qwen2.5:1.5b'
 */
export function llmConfigFromEnv(env: Record<string, string | undefined>): Readonly<LlmConfig> {
  const onOff = (env.MUNSHI_LLM ?? 'on').trim().toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0', ''].includes(onOff)) throw new MunshiError('config', `MUNSHI_LLM must be on or off (got "${env.MUNSHI_LLM}")`);
  let host = (env.OLLAMA_HOST ?? '').trim() || DEFAULTS.host;
  // The ollama CLI accepts "0.0.0.0:11434" or ":11434"; turn those into a URL a client can dial.
  if (host.startsWith(':')) host = `127.0.0.1${host}`;
  if (!/^https?:\/\//.test(host)) host = `http://${host}`;
  try {
    const u = new URL(host);
    if (u.hostname === '0.0.0.0') u.hostname = '127.0.0.1';
    host = u.toString().replace(/\/$/, '');
  } catch {
    throw new MunshiError('config', `OLLAMA_HOST is not a URL (got "${env.OLLAMA_HOST}")`);
  }
  const vectors = (env.MUNSHI_VECTORS ?? 'auto').trim().toLowerCase() || 'auto';
  if (!['auto', 'lancedb', 'sqlite', 'off'].includes(vectors)) throw new MunshiError('config', `MUNSHI_VECTORS must be auto, lancedb, sqlite or off (got "${env.MUNSHI_VECTORS}")`);
  let conceptMinScore: number | null = null;
  const rawScore = env.MUNSHI_CONCEPT_MIN_SCORE?.trim();
  if (rawScore) {
    conceptMinScore = Number(rawScore);
    if (!Number.isFinite(conceptMinScore) || conceptMinScore <= 0 || conceptMinScore >= 1) throw new MunshiError('config', `MUNSHI_CONCEPT_MIN_SCORE must be a number between 0 and 1 (got "${rawScore}")`);
  }
  const dataDir = (env.MUNSHI_DATA_DIR ?? '').trim() || 'data';
  return Object.freeze({
    enabled: !['off', 'false', '0'].includes(onOff),
    host,
    chatModel: env.MUNSHI_LLM_MODEL?.trim() || DEFAULTS.chatModel,
    embedModel: env.MUNSHI_EMBED_MODEL?.trim() || DEFAULTS.embedModel,
    chatTimeoutMs: int(env, 'MUNSHI_LLM_TIMEOUT_MS', 30_000, 500, 600_000),
    embedTimeoutMs: int(env, 'MUNSHI_EMBED_TIMEOUT_MS', 15_000, 500, 600_000),
    healthTimeoutMs: int(env, 'MUNSHI_LLM_HEALTH_TIMEOUT_MS', 1_500, 100, 60_000),
    healthTtlMs: 10_000,
    vectors: vectors as VectorBackend,
    vectorDir: env.MUNSHI_VECTOR_DIR?.trim() || `${dataDir}/vectors`,
    conceptMinScore,
  });
}
