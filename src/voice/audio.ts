/**
 * @module voice/audio
 * WhatsApp voice notes arrive as ogg/opus; whisper.cpp wants 16 kHz mono 16-bit WAV. ffmpeg does
 * the conversion (any format it reads works), through the process-runner port.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { MunshiError } from '../core/errors.js';
import { tail, type ProcessRunner } from './process.js';

export const FFMPEG_MISSING = 'ffmpeg is not installed: sudo apt-get install ffmpeg';

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Seconds of audio in the data chunk. */
  durationSec: number;
}

/**
 * Reads a RIFF/WAVE header: walks the chunks to `fmt ` and `data` (ffmpeg writes a LIST chunk in
 * between). Returns null for anything that is not a PCM WAV.
 * Example: `readWavHeader(buf)?.sampleRate === 16000`.
 */
export function readWavHeader(buf: Buffer, fileBytes = buf.length): WavInfo | null {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') return null;
  let off = 12;
  let fmt: { channels: number; sampleRate: number; bits: number } | null = null;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    let size = buf.readUInt32LE(off + 4);
    const body = off + 8;
    if (id === 'fmt ' && body + 16 <= buf.length) {
      fmt = { channels: buf.readUInt16LE(body + 2), sampleRate: buf.readUInt32LE(body + 4), bits: buf.readUInt16LE(body + 14) };
    } else if (id === 'data' && fmt) {
      // A streamed WAV has a placeholder size; the bytes actually present are the truth then.
      if (size === 0xffffffff || size === 0 || body + size > fileBytes) size = fileBytes - body;
      const bytesPerSec = fmt.sampleRate * fmt.channels * (fmt.bits / 8);
      return { sampleRate: fmt.sampleRate, channels: fmt.channels, bitsPerSample: fmt.bits, durationSec: bytesPerSec > 0 ? size / bytesPerSec : 0 };
    }
    off = body + size + (size % 2);
  }
  return null;
}

/** The ffmpeg arguments for "anything → 16 kHz mono s16le WAV" (pure, so tests can read them). */
export function ffmpegToWavArgs(input: string, output: string): string[] {
  return ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-i', input, '-vn', '-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le', '-f', 'wav', output];
}

/** Resolves with ffmpeg's version line, or rejects with the install hint when it is missing. */
export async function ffmpegVersion(run: ProcessRunner, ffmpeg = 'ffmpeg'): Promise<string> {
  const r = await run(ffmpeg, ['-hide_banner', '-version'], { timeoutMs: 10_000 }).catch((e: unknown) => {
    throw asFfmpegMissing(e);
  });
  if (r.code !== 0) throw new MunshiError('unavailable', FFMPEG_MISSING);
  return r.stdout.toString('utf8').split('\n')[0] ?? 'ffmpeg';
}

/**
 * Converts the file at `input` to 16 kHz mono WAV at `output` and returns its header.
 * Rejects with 'unavailable' (ffmpeg missing), 'bad_input' (not audio ffmpeg can read) or 'timeout'.
 */
export async function convertToWav16kMono(
  run: ProcessRunner,
  input: string,
  output: string,
  opts: { timeoutMs?: number; ffmpeg?: string } = {},
): Promise<WavInfo> {
  const r = await run(opts.ffmpeg ?? 'ffmpeg', ffmpegToWavArgs(input, output), { timeoutMs: opts.timeoutMs ?? 60_000 }).catch(
    (e: unknown) => {
      throw asFfmpegMissing(e);
    },
  );
  if (r.code !== 0) throw new MunshiError('bad_input', `ffmpeg could not read ${path.basename(input)}: ${tail(r.stderr, 2) || `exit ${r.code}`}`);
  const st = await fs.stat(output);
  const info = readWavHeader(await readHead(output, 4096), st.size);
  if (!info) throw new MunshiError('bad_input', 'ffmpeg did not produce a WAV file');
  return info;
}

async function readHead(file: string, n: number): Promise<Buffer> {
  const fh = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function asFfmpegMissing(e: unknown): unknown {
  return e instanceof MunshiError && e.code === 'unavailable' ? new MunshiError('unavailable', FFMPEG_MISSING, e) : e;
}

/** File extension ffmpeg can use as a hint for a MIME type ("audio/ogg; codecs=opus" → ".ogg"). */
export function extensionFor(mimeType: string): string {
  const m = mimeType.toLowerCase().split(';')[0]!.trim();
  const table: Record<string, string> = {
    'audio/ogg': '.ogg',
    'audio/opus': '.opus',
    'audio/mpeg': '.mp3',
    'audio/mp4': '.m4a',
    'audio/aac': '.aac',
    'audio/wav': '.wav',
    'audio/x-wav': '.wav',
    'audio/webm': '.webm',
    'audio/amr': '.amr',
    'video/mp4': '.mp4',
  };
  return table[m] ?? '.bin';
}
