/**
 * @module llm/config
 * The local-AI settings, parsed from the raw values src/config read from the environment (the one
 * place that reads it), validated and frozen. An invalid value is a `config` error naming its key.
 */
import { MunshiError } from '../core/errors.js';

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
  if (!Number.isInteger(n) || n < min || n > max) throw new MunshiError('config', `${key}="${raw}": expected an integer between ${min} and ${max}`);
  return n;
}

/**
 * Reads the local-AI keys from an env-shaped record (src/config hands in what it read).
 * e.g. llmConfigFromEnv({ OLLAMA_HOST: 'http://pi:11434' }).chatModel === 'qwen2.5:1.5b'
 */
export function llmConfigFromEnv(env: Record<string, string | undefined>): Readonly<LlmConfig> {
  const onOff = (env.MUNSHI_LLM ?? 'on').trim().toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0', ''].includes(onOff)) throw new MunshiError('config', `MUNSHI_LLM="${env.MUNSHI_LLM}": expected on or off`);
  let host = (env.OLLAMA_HOST ?? '').trim() || DEFAULTS.host;
  // The ollama CLI accepts "0.0.0.0:11434" or ":11434"; turn those into a URL a client can dial.
  if (host.startsWith(':')) host = `127.0.0.1${host}`;
  if (!/^https?:\/\//.test(host)) host = `http://${host}`;
  try {
    const u = new URL(host);
    if (u.hostname === '0.0.0.0') u.hostname = '127.0.0.1';
    host = u.toString().replace(/\/$/, '');
  } catch {
    throw new MunshiError('config', `OLLAMA_HOST="${env.OLLAMA_HOST}": not a URL (e.g. http://127.0.0.1:11434)`);
  }
  return Object.freeze({
    enabled: !['off', 'false', '0'].includes(onOff),
    host,
    chatModel: env.MUNSHI_LLM_MODEL?.trim() || DEFAULTS.chatModel,
    embedModel: env.MUNSHI_EMBED_MODEL?.trim() || DEFAULTS.embedModel,
    chatTimeoutMs: int(env, 'MUNSHI_LLM_TIMEOUT_MS', 30_000, 500, 600_000),
    embedTimeoutMs: int(env, 'MUNSHI_EMBED_TIMEOUT_MS', 15_000, 500, 600_000),
    healthTimeoutMs: int(env, 'MUNSHI_LLM_HEALTH_TIMEOUT_MS', 1_500, 100, 60_000),
    healthTtlMs: 10_000,
  });
}
