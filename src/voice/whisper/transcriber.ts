/**
 * @module voice/whisper/transcriber
 * The whisper.cpp adapter of the Transcriber port: audio bytes → temp file → ffmpeg (16 kHz mono
 * WAV) → `whisper-cli -ojf` → Transcript. Child processes only, one transcription at a time
 * through a queue, each step with a timeout. Nothing here blocks the event loop.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MunshiError } from '../../core/errors.js';
import type { Transcriber, Transcript } from '../port.js';
import { convertToWav16kMono, extensionFor, ffmpegVersion, FFMPEG_MISSING } from '../audio.js';
import { runProcess, tail, type ProcessRunner } from '../process.js';
import { createSerialQueue, type SerialQueue } from '../queue.js';
import { parseWhisperJson, parseWhisperStdout } from './cli-output.js';
import { downloadCommand, modelPath, MODELS, type WhisperModelName } from './models.js';

export interface WhisperOptions {
  /** Folder holding ggml-*.bin models and bin/whisper-cli (the repo's models/). */
  modelsDir: string;
  model: WhisperModelName;
  /** A model file outside the table (a fine-tune, a test model); its size is then not checked. */
  modelFile?: string;
  /** "auto" (detect per note) or an ISO code such as "hi" or "en". `.en` models always use "en". */
  language: string;
  /** Path of whisper-cli; default `<modelsDir>/bin/whisper-cli`. */
  whisperBin?: string;
  ffmpeg?: string;
  threads?: number;
  /** Whole-transcription limit; the child is killed when it runs over. Default 120 s. */
  timeoutMs?: number;
  /** Voice notes longer than this are refused before whisper runs. Default 300 s. */
  maxAudioSec?: number;
  /** Notes waiting beyond this are refused ("busy") rather than queued for minutes. Default 20. */
  maxPending?: number;
}

export interface WhisperDeps {
  run?: ProcessRunner;
  queue?: SerialQueue;
  /** Where per-note temp folders go; default os.tmpdir(). */
  tmpRoot?: string;
}

export const BUILD_COMMAND = 'npm run --silent cli -- models build-whisper';

export function defaultWhisperBin(modelsDir: string): string {
  return path.join(modelsDir, 'bin', 'whisper-cli');
}

/**
 * The whisper-cli command line (pure, so tests can read it).
 * `-ojf` writes `<outBase>.json` with per-token probabilities, the source of Transcript.confidence.
 */
export function whisperArgs(o: { model: string; wav: string; outBase: string; language: string; threads: number }): string[] {
  return ['-m', o.model, '-f', o.wav, '-l', o.language, '-t', String(o.threads), '-ojf', '-of', o.outBase];
}

/** `.en` models only know English; asking them for "auto" or "hi" makes whisper.cpp complain. */
export function effectiveLanguage(model: WhisperModelName, language: string): string {
  if (!MODELS[model].multilingual) return 'en';
  const l = language.trim().toLowerCase();
  return l === '' ? 'auto' : l;
}

export function createWhisperTranscriber(opts: WhisperOptions, deps: WhisperDeps = {}): Transcriber & { readonly options: WhisperOptions } {
  const run = deps.run ?? runProcess;
  const queue = deps.queue ?? createSerialQueue({ maxPending: opts.maxPending ?? 20 });
  const bin = opts.whisperBin ?? defaultWhisperBin(opts.modelsDir);
  const model = MODELS[opts.model];
  const modelFile = opts.modelFile ?? modelPath(opts.modelsDir, model);
  const threads = opts.threads ?? Math.min(4, Math.max(1, os.availableParallelism()));
  const timeoutMs = opts.timeoutMs ?? 120_000;
  // ffmpeg does not come and go while the daemon runs; asking once per process is enough.
  let ffmpegOk: Promise<boolean> | null = null;

  async function available(): Promise<{ ok: true } | { ok: false; reason: string; enableCommand: string }> {
    const st = await fs.stat(modelFile).catch(() => null);
    if (!st?.isFile()) {
      return { ok: false, reason: `no whisper model installed (${modelFile} is missing)`, enableCommand: downloadCommand(opts.model) };
    }
    if (opts.modelFile === undefined && st.size !== model.bytes) {
      return { ok: false, reason: `${model.file} is incomplete or corrupted (${st.size} bytes, expected ${model.bytes})`, enableCommand: downloadCommand(opts.model) };
    }
    const exe = await fs.access(bin, fs.constants.X_OK).then(() => true, () => false);
    if (!exe) return { ok: false, reason: `whisper.cpp is not built (${bin} is missing)`, enableCommand: BUILD_COMMAND };
    ffmpegOk ??= ffmpegVersion(run, opts.ffmpeg).then(() => true, () => false);
    if (!(await ffmpegOk)) {
      ffmpegOk = null; // installed later? ask again next time
      return { ok: false, reason: FFMPEG_MISSING, enableCommand: 'sudo apt-get install ffmpeg' };
    }
    return { ok: true };
  }

  async function transcribeNow(audio: Buffer, mimeType: string): Promise<Transcript> {
    const started = Date.now();
    const left = (): number => Math.max(1000, timeoutMs - (Date.now() - started));
    const dir = await fs.mkdtemp(path.join(deps.tmpRoot ?? os.tmpdir(), 'munshi-voice-'));
    try {
      const input = path.join(dir, `note${extensionFor(mimeType)}`);
      const wav = path.join(dir, 'note.wav');
      const outBase = path.join(dir, 'out');
      await fs.writeFile(input, audio);
      const info = await convertToWav16kMono(run, input, wav, { timeoutMs: left(), ffmpeg: opts.ffmpeg });
      const maxSec = opts.maxAudioSec ?? 300;
      if (info.durationSec > maxSec) {
        throw new MunshiError('bad_input', `voice note is ${Math.round(info.durationSec)} s long; the limit is ${maxSec} s`);
      }
      const args = whisperArgs({ model: modelFile, wav, outBase, language: effectiveLanguage(opts.model, opts.language), threads });
      const r = await run(bin, args, { timeoutMs: left() });
      if (r.code !== 0) throw new MunshiError('unavailable', `whisper.cpp failed (exit ${r.code}): ${tail(r.stderr, 3)}`);
      const json = await fs.readFile(`${outBase}.json`, 'utf8').catch(() => null);
      const t = (json !== null ? parseWhisperJson(json) : null) ?? parseWhisperStdout(r.stdout.toString('utf8'));
      return { ...t, durationSec: info.durationSec };
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  return {
    options: opts,
    available,
    async transcribe(audio: Buffer, mimeType: string): Promise<Transcript> {
      const a = await available();
      if (!a.ok) throw new MunshiError('unavailable', `${a.reason}. Enable voice with: ${a.enableCommand}`);
      return queue.run(() => transcribeNow(audio, mimeType));
    },
  };
}
