import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMunshiError } from '../core/errors.js';
import { REPO_MODELS_DIR, voiceConfig } from './config.js';

describe('voiceConfig', () => {
  it('defaults to the multilingual base model, language auto, the repo models/ folder', () => {
    expect(voiceConfig({})).toEqual({ model: 'base', language: 'auto', modelsDir: REPO_MODELS_DIR });
    expect(path.basename(REPO_MODELS_DIR)).toBe('models');
  });
  it('accepts the names people type', () => {
    expect(voiceConfig({ whisperModel: 'ggml-small.en.bin' }).model).toBe('small.en');
    expect(voiceConfig({ whisperModel: 'Tiny', whisperLanguage: 'HI', modelsDir: '/srv/m' })).toEqual({ model: 'tiny', language: 'hi', modelsDir: '/srv/m' });
  });
  it('names the variable when a value is wrong', () => {
    const bad = (input: Parameters<typeof voiceConfig>[0], re: RegExp) => {
      try {
        voiceConfig(input);
        expect.unreachable();
      } catch (e) {
        expect(isMunshiError(e, 'config')).toBe(true);
        expect((e as Error).message).toMatch(re);
      }
    };
    bad({ whisperModel: 'large-v9' }, /^MUNSHI_WHISPER_MODEL="large-v9": unknown whisper model; use one of tiny, tiny.en, base/);
    bad({ whisperLanguage: 'hindi please' }, /^MUNSHI_WHISPER_LANGUAGE=/);
    bad({ whisperModel: 'base.en', whisperLanguage: 'hi' }, /English only; use base for other languages/);
  });
});
