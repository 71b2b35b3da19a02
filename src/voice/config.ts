/**
 * @module voice/config
 * Turns the voice keys of the app Config (MUNSHI_WHISPER_MODEL, MUNSHI_WHISPER_LANGUAGE,
 * MUNSHI_MODELS_DIR) into validated voice settings, and builds the transcriber main.ts wires in.
 * Reads no environment itself: src/config does that once.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MunshiError } from '../core/errors.js';
import type { Transcriber } from './port.js';
import { DEFAULT_MODEL, MODEL_NAMES, MODELS, parseModelName, type WhisperModelName } from './whisper/models.js';
import { createWhisperTranscriber, type WhisperDeps } from './whisper/transcriber.js';

export interface VoiceConfig {
  modelsDir: string;
  model: WhisperModelName;
  /** "auto" or an ISO 639-1 code ("hi", "en"); `.en` models always use "en". */
  language: string;
}

/** The repo's models/ folder, wherever the process was started from. */
export const REPO_MODELS_DIR = fileURLToPath(new URL('../../models', import.meta.url));

/**
 * Validates the voice keys; an invalid one is a startup error naming the variable.
 * Example: `voiceConfig({ whisperModel: 'small', whisperLanguage: 'hi' })`.
 */
export function voiceConfig(input: { whisperModel?: string; whisperLanguage?: string; modelsDir?: string }): VoiceConfig {
  const model = input.whisperModel ? parseModelName(input.whisperModel) : MODELS[DEFAULT_MODEL];
  if (!model) {
    throw new MunshiError('config', `MUNSHI_WHISPER_MODEL="${input.whisperModel}": unknown whisper model; use one of ${MODEL_NAMES.join(', ')}`);
  }
  const language = (input.whisperLanguage ?? 'auto').trim().toLowerCase();
  if (!/^(auto|[a-z]{2,3})$/.test(language)) {
    throw new MunshiError('config', `MUNSHI_WHISPER_LANGUAGE="${input.whisperLanguage}": expected auto or a language code such as hi or en`);
  }
  if (!model.multilingual && language !== 'auto' && language !== 'en') {
    throw new MunshiError('config', `MUNSHI_WHISPER_LANGUAGE="${language}": ${model.name} understands English only; use ${model.name.replace('.en', '')} for other languages`);
  }
  return { modelsDir: path.resolve(input.modelsDir ?? REPO_MODELS_DIR), model: model.name, language };
}

/**
 * The transcriber for main.ts / the bot. It always exists: with no model installed its
 * available() says why and which command enables voice, so the bot can tell the user.
 */
export function createTranscriber(cfg: VoiceConfig, deps: WhisperDeps = {}): Transcriber {
  return createWhisperTranscriber({ modelsDir: cfg.modelsDir, model: cfg.model, language: cfg.language }, deps);
}
