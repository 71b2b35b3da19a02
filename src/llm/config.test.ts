/** Env parsing for the local-AI keys: defaults, normalization and errors that name the variable. */
import { describe, expect, it } from 'vitest';
import { vectorConfigFromEnv } from '../vectors/config.js';
import { llmConfigFromEnv } from './config.js';

describe('llmConfigFromEnv', () => {
  it('defaults to a local Ollama with a Pi-sized chat model', () => {
    const c = llmConfigFromEnv({});
    expect(c).toMatchObject({ enabled: true, host: 'http://127.0.0.1:11434', chatModel: 'qwen2.5:1.5b', embedModel: 'nomic-embed-text' });
    expect(vectorConfigFromEnv({}, 'data/vectors')).toEqual({ backend: 'auto', dir: 'data/vectors', conceptMinScore: null });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('accepts the host forms the ollama CLI accepts', () => {
    expect(llmConfigFromEnv({ OLLAMA_HOST: 'ollama:11434' }).host).toBe('http://ollama:11434');
    expect(llmConfigFromEnv({ OLLAMA_HOST: '0.0.0.0:11434' }).host).toBe('http://127.0.0.1:11434');
    expect(llmConfigFromEnv({ OLLAMA_HOST: ':9999' }).host).toBe('http://127.0.0.1:9999');
  });

  it('names the variable in errors', () => {
    expect(() => vectorConfigFromEnv({ MUNSHI_VECTORS: 'faiss' }, 'v')).toThrow(/MUNSHI_VECTORS/);
    expect(() => llmConfigFromEnv({ MUNSHI_LLM_TIMEOUT_MS: 'soon' })).toThrow(/MUNSHI_LLM_TIMEOUT_MS/);
    expect(() => vectorConfigFromEnv({ MUNSHI_CONCEPT_MIN_SCORE: '2' }, 'v')).toThrow(/MUNSHI_CONCEPT_MIN_SCORE/);
  });

  it('can be switched off', () => {
    expect(llmConfigFromEnv({ MUNSHI_LLM: 'off' }).enabled).toBe(false);
  });
});
