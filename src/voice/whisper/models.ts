/**
 * @module voice/whisper/models
 * The whisper.cpp ggml models munshi knows how to fetch and verify, as data. SHA-1 values are the
 * ones whisper.cpp publishes in models/README.md (checked against the copy shipped in
 * node_modules/nodejs-whisper/cpp/whisper.cpp/models/README.md); byte sizes and SHA-256 values are
 * Hugging Face's LFS metadata for ggerganov/whisper.cpp, as pinned by several independent projects.
 */
import path from 'node:path';

export const MODEL_NAMES = ['tiny', 'tiny.en', 'base', 'base.en', 'small', 'small.en'] as const;
export type WhisperModelName = (typeof MODEL_NAMES)[number];

export interface ModelInfo {
  name: WhisperModelName;
  file: string;
  bytes: number;
  sha1: string;
  sha256: string;
  /** Multilingual models handle Hindi, Hinglish and language auto-detection; `.en` ones do English only. */
  multilingual: boolean;
}

export const DEFAULT_MODEL: WhisperModelName = 'base';
export const HF_BASE_URL = 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main';

export const MODELS: Readonly<Record<WhisperModelName, ModelInfo>> = {
  tiny: {
    name: 'tiny', file: 'ggml-tiny.bin', bytes: 77_691_713, multilingual: true,
    sha1: 'bd577a113a864445d4c299885e0cb97d4ba92b5f',
    sha256: 'be07e048e1e599ad46341c8d2a135645097a538221678b7acdd1b1919c6e1b21',
  },
  'tiny.en': {
    name: 'tiny.en', file: 'ggml-tiny.en.bin', bytes: 77_704_715, multilingual: false,
    sha1: 'c78c86eb1a8faa21b369bcd33207cc90d64ae9df',
    sha256: '921e4cf8686fdd993dcd081a5da5b6c365bfde1162e72b08d75ac75289920b1f',
  },
  base: {
    name: 'base', file: 'ggml-base.bin', bytes: 147_951_465, multilingual: true,
    sha1: '465707469ff3a37a2b9b8d8f89f2f99de7299dac',
    sha256: '60ed5bc3dd14eea856493d334349b405782ddcaf0028d4b5df4088345fba2efe',
  },
  'base.en': {
    name: 'base.en', file: 'ggml-base.en.bin', bytes: 147_964_211, multilingual: false,
    sha1: '137c40403d78fd54d454da0f9bd998f78703390c',
    sha256: 'a03779c86df3323075f5e796cb2ce5029f00ec8869eee3fdfb897afe36c6d002',
  },
  small: {
    name: 'small', file: 'ggml-small.bin', bytes: 487_601_967, multilingual: true,
    sha1: '55356645c2b361a969dfd0ef2c5a50d530afd8d5',
    sha256: '1be3a9b2063867b937e64e2ec7483364a79917e157fa98c5d94b5c1fffea987b',
  },
  'small.en': {
    name: 'small.en', file: 'ggml-small.en.bin', bytes: 487_614_201, multilingual: false,
    sha1: 'db8a495a91d927739e50b3fc1cc4c6b8f6c2d022',
    sha256: 'c6138d6d58ecc8322097e0f987c32f1be8bb0a18532a3f88f734d1bbf9c41e5d',
  },
};

/** "base.en" → the table entry; null for names munshi does not know. */
export function parseModelName(s: string): ModelInfo | null {
  const n = s.trim().toLowerCase().replace(/^ggml-/, '').replace(/\.bin$/, '');
  return (MODEL_NAMES as readonly string[]).includes(n) ? MODELS[n as WhisperModelName] : null;
}

export function modelPath(modelsDir: string, model: ModelInfo): string {
  return path.join(modelsDir, model.file);
}

export function modelUrl(model: ModelInfo, baseUrl = HF_BASE_URL): string {
  return `${baseUrl.replace(/\/$/, '')}/${model.file}`;
}

/** The one command that enables voice for a model, quoted in replies and errors. */
export function downloadCommand(model: WhisperModelName = DEFAULT_MODEL): string {
  return `npm run --silent cli -- models download whisper ${model}`;
}
