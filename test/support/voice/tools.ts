/**
 * @module voice/testing/tools
 * Test helpers: whether an optional system tool (ffmpeg, espeak-ng) is installed, so tests that
 * need it skip themselves with a reason instead of failing; and real speech made with espeak-ng.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runProcess } from '../../../src/voice/process.js';

/** Finds `cmd` on PATH (tests only; called once at collection time). */
export function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* keep looking */
    }
  }
  return null;
}

/** A reason to skip, or null when every tool is present. */
export function missingTools(...cmds: string[]): string | null {
  const missing = cmds.filter((c) => which(c) === null);
  return missing.length === 0 ? null : `skipped: ${missing.join(', ')} not installed (sudo apt-get install ${missing.join(' ')})`;
}

/** Speaks `text` into a WAV file with espeak-ng (22.05 kHz mono, as espeak writes it). */
export async function speak(text: string, wavFile: string): Promise<void> {
  const r = await runProcess('espeak-ng', ['-v', 'en', '-s', '150', '-w', wavFile, text], { timeoutMs: 30_000 });
  if (r.code !== 0) throw new Error(`espeak-ng failed: ${r.stderr}`);
}

/** Encodes a WAV as ogg/opus the way WhatsApp sends voice notes (mono, 16 kHz, voip). */
export async function toOggOpus(wavFile: string, oggFile: string): Promise<void> {
  const r = await runProcess(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-y', '-i', wavFile, '-ac', '1', '-ar', '16000', '-c:a', 'libopus', '-b:a', '24k', '-application', 'voip', oggFile],
    { timeoutMs: 30_000 },
  );
  if (r.code !== 0) throw new Error(`ffmpeg opus encode failed: ${r.stderr}`);
}
