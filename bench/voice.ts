/**
 * @module bench/voice
 * Voice-note figures: ffmpeg ogg/opus → 16 kHz WAV conversion time, the real-time factor (time to
 * transcribe ÷ audio length) of each installed whisper model, and the whisper-cli pipeline cost on
 * this machine with the scripted tiny-shaped test model (same encoder compute as tiny; its zero
 * weights make it a cost figure, not a recognition result). Speech comes from espeak-ng.
 * Run alone: `npm run bench -- voice`.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertToWav16kMono } from '../src/voice/audio.js';
import { runProcess } from '../src/voice/process.js';
import { missingTools, speak, toOggOpus } from '../test/support/voice/tools.js';
import { writeTestModel } from '../test/support/voice/test-model.js';
import { listInstalled } from '../src/voice/whisper/download.js';
import { MODELS } from '../src/voice/whisper/models.js';
import { createWhisperTranscriber, defaultWhisperBin } from '../src/voice/whisper/transcriber.js';
import { ms, summarize, type BenchResult } from './stats.js';

const MODELS_DIR = fileURLToPath(new URL('../models', import.meta.url));
const SHORT = 'petrol five hundred';
const LONG = 'Yesterday I spent five hundred rupees on petrol, two hundred on groceries and fifty on tea with friends at the station.';

export async function benchVoice(): Promise<BenchResult> {
  const lines: string[] = [];
  const missing = missingTools('ffmpeg', 'espeak-ng');
  if (missing) return { name: 'voice', lines: [missing] };

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'munshi-bench-voice-'));
  try {
    const notes: Record<'short' | 'long', string> = { short: path.join(dir, 'short.ogg'), long: path.join(dir, 'long.ogg') };
    for (const [k, text] of [['short', SHORT], ['long', LONG]] as const) {
      await speak(text, path.join(dir, `${k}.wav`));
      await toOggOpus(path.join(dir, `${k}.wav`), notes[k]);
    }

    // ffmpeg: ogg/opus → 16 kHz mono WAV, the step every voice note pays.
    for (const k of ['short', 'long'] as const) {
      const samples: number[] = [];
      let dur = 0;
      for (let i = 0; i < 10; i++) {
        const t0 = performance.now();
        dur = (await convertToWav16kMono(runProcess, notes[k], path.join(dir, `${k}-${i}.wav`))).durationSec;
        samples.push(performance.now() - t0);
      }
      const s = summarize(samples);
      lines.push(`ffmpeg ogg/opus → 16 kHz WAV, ${dur.toFixed(1)} s note: p50 ${ms(s.p50)}, max ${ms(s.max)} (10 runs)`);
    }

    const bin = defaultWhisperBin(MODELS_DIR);
    const built = await fs.access(bin).then(() => true, () => false);
    if (!built) {
      lines.push('whisper-cli not built (npm run --silent cli -- models build-whisper): no transcription figures');
      return { name: 'voice', lines };
    }
    const threads = Math.min(4, os.availableParallelism());

    // Pipeline cost with the scripted tiny-shaped model.
    const testModel = path.join(dir, 'test-model.bin');
    await writeTestModel(testModel);
    const tt = createWhisperTranscriber({ modelsDir: dir, model: 'tiny', modelFile: testModel, language: 'en', whisperBin: bin, threads, timeoutMs: 600_000 });
    for (const k of ['short', 'long'] as const) {
      const audio = await fs.readFile(notes[k]);
      const t0 = performance.now();
      const tr = await tt.transcribe(audio, 'audio/ogg');
      const sec = (performance.now() - t0) / 1000;
      lines.push(`tiny-shaped test model (zero weights, cost only), ${tr.durationSec?.toFixed(1)} s note: ${sec.toFixed(1)} s end to end, RTF ${(sec / (tr.durationSec ?? 1)).toFixed(2)} (${threads} threads)`);
    }

    const installed = (await listInstalled(MODELS_DIR, Object.values(MODELS))).filter((m) => m.sizeOk);
    if (installed.length === 0) {
      lines.push('no model installed: no real-time factor for a real model (npm run --silent cli -- models download whisper base)');
      return { name: 'voice', lines };
    }
    for (const m of installed) {
      const t = createWhisperTranscriber({ modelsDir: MODELS_DIR, model: m.model.name, language: 'en', whisperBin: bin, threads, timeoutMs: 600_000 });
      for (const k of ['short', 'long'] as const) {
        const audio = await fs.readFile(notes[k]);
        const t0 = performance.now();
        const tr = await t.transcribe(audio, 'audio/ogg');
        const sec = (performance.now() - t0) / 1000;
        lines.push(`${m.model.name}, ${tr.durationSec?.toFixed(1)} s note: ${sec.toFixed(1)} s, RTF ${(sec / (tr.durationSec ?? 1)).toFixed(2)}, confidence ${tr.confidence ?? '?'}: “${tr.text}”`);
      }
    }
    return { name: 'voice', lines };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
