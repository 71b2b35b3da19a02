/**
 * @module cli/commands/transcribe
 * `transcribe FILE [--model base] [--model-file PATH] [--language hi] [--json]`: prints the transcript of an audio file
 * (anything ffmpeg reads) with the same whisper.cpp path the bot uses. Exits 1 with the command
 * that fixes it when no model is installed, whisper-cli is not built or ffmpeg is missing.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isMunshiError } from '../../core/errors.js';
import { voiceConfig } from '../../voice/config.js';
import { createWhisperTranscriber } from '../../voice/whisper/transcriber.js';
import { out, parseArgs, str } from '../args.js';
import { cliConfig } from '../services.js';

export const summary = 'print the transcript of an audio file (voice note, wav, mp3, …) using whisper.cpp';

const MIME_BY_EXT: Record<string, string> = { '.ogg': 'audio/ogg', '.opus': 'audio/ogg', '.oga': 'audio/ogg', '.mp3': 'audio/mpeg', '.m4a': 'audio/mp4', '.wav': 'audio/wav', '.webm': 'audio/webm', '.amr': 'audio/amr' };

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json']);
  const file = args.positional[0];
  const err = (s: string): void => void process.stderr.write(`${s}\n`);
  if (!file) {
    err('usage: transcribe FILE [--model tiny|base|small[.en]] [--model-file PATH] [--language auto|hi|en|…] [--json]');
    return 2;
  }
  try {
    const configured = cliConfig(args).voice;
    // --model / --language override the configured ones, validated the same way.
    const voice = voiceConfig({
      whisperModel: str(args, 'model') ?? configured.model,
      whisperLanguage: str(args, 'language') ?? configured.language,
      modelsDir: configured.modelsDir,
    });
    const audio = await fs.readFile(file).catch(() => null);
    if (!audio) {
      err(`cannot read ${file}`);
      return 1;
    }
    const t = createWhisperTranscriber({
      modelsDir: voice.modelsDir,
      model: voice.model,
      // A ggml file outside the table (a fine-tune); --model still says whether it is English-only.
      modelFile: str(args, 'model-file'),
      language: voice.language,
      timeoutMs: 15 * 60_000,
      maxAudioSec: 3600,
    });
    const a = await t.available();
    if (!a.ok) {
      err(`cannot transcribe: ${a.reason}.\nEnable voice with:\n  ${a.enableCommand}`);
      return 1;
    }
    const mime = MIME_BY_EXT[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const t0 = Date.now();
    const tr = await t.transcribe(audio, mime);
    const secs = (Date.now() - t0) / 1000;
    if (args.flags.json === true) await out(JSON.stringify({ ...tr, seconds: secs }));
    else await out(tr.text);
    err(`${voice.model}: ${tr.durationSec?.toFixed(1) ?? '?'} s of audio in ${secs.toFixed(1)} s` + (tr.confidence !== null ? `, confidence ${tr.confidence}` : '') + (tr.language ? `, language ${tr.language}` : ''));
    return tr.text ? 0 : 3;
  } catch (e) {
    if (isMunshiError(e)) {
      err(`error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
