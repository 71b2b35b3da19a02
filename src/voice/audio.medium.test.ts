import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertToWav16kMono, extensionFor, ffmpegToWavArgs, ffmpegVersion, FFMPEG_MISSING, readWavHeader } from './audio.js';
import { runProcess, type ProcessRunner } from './process.js';
import { missingTools, speak, toOggOpus } from '../../test/support/voice/tools.js';
import { isMunshiError } from '../core/errors.js';

const skip = missingTools('ffmpeg', 'espeak-ng');

describe.skipIf(skip !== null)(`ffmpeg conversion of real speech ${skip ?? ''}`, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'munshi-audio-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('turns espeak-ng speech into a WhatsApp-like ogg/opus note and back into 16 kHz mono WAV', async () => {
    const spoken = path.join(dir, 'spoken.wav');
    const ogg = path.join(dir, 'note.ogg');
    const wav = path.join(dir, 'note16k.wav');
    await speak('I spent fifty rupees on tea', spoken);
    const original = readWavHeader(await fs.readFile(spoken))!;
    expect(original.sampleRate).toBe(22050); // espeak-ng's native rate: the conversion has real work to do
    await toOggOpus(spoken, ogg);
    const oggBytes = await fs.readFile(ogg);
    expect(oggBytes.toString('ascii', 0, 4)).toBe('OggS');
    expect(oggBytes.includes(Buffer.from('OpusHead'))).toBe(true);

    const info = await convertToWav16kMono(runProcess, ogg, wav);
    expect(info.sampleRate).toBe(16000);
    expect(info.channels).toBe(1);
    expect(info.bitsPerSample).toBe(16);
    expect(info.durationSec).toBeGreaterThan(1);
    expect(Math.abs(info.durationSec - original.durationSec)).toBeLessThan(0.2);

    // The header on disk says the same thing when read from the raw bytes.
    const raw = await fs.readFile(wav);
    expect(raw.toString('ascii', 0, 4)).toBe('RIFF');
    expect(readWavHeader(raw)).toMatchObject({ sampleRate: 16000, channels: 1, bitsPerSample: 16 });
    // Not silence: some samples are loud.
    let peak = 0;
    for (let i = 44; i + 1 < raw.length; i += 2) peak = Math.max(peak, Math.abs(raw.readInt16LE(i)));
    expect(peak).toBeGreaterThan(1000);
  });

  it('rejects something that is not audio as bad input', async () => {
    const junk = path.join(dir, 'junk.ogg');
    await fs.writeFile(junk, 'this is not audio');
    await expect(convertToWav16kMono(runProcess, junk, path.join(dir, 'junk.wav'))).rejects.toSatisfy((e: unknown) => isMunshiError(e, 'bad_input'));
  });

  it('knows the installed ffmpeg', async () => {
    expect(await ffmpegVersion(runProcess)).toMatch(/^ffmpeg version/);
  });
});

describe('ffmpeg missing', () => {
  it('says how to install it', async () => {
    const run: ProcessRunner = (cmd, args, opts) => runProcess('munshi-no-such-ffmpeg', args, opts);
    await expect(convertToWav16kMono(run, 'a.ogg', 'a.wav')).rejects.toSatisfy(
      (e: unknown) => isMunshiError(e, 'unavailable') && (e as Error).message === FFMPEG_MISSING,
    );
    await expect(ffmpegVersion(runProcess, 'munshi-no-such-ffmpeg')).rejects.toThrow(FFMPEG_MISSING);
  });
});

describe('pure helpers', () => {
  it('builds the 16 kHz mono PCM command line', () => {
    expect(ffmpegToWavArgs('in.ogg', 'out.wav')).toEqual(
      ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-i', 'in.ogg', '-vn', '-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le', '-f', 'wav', 'out.wav'],
    );
  });
  it('maps WhatsApp mime types to extensions', () => {
    expect(extensionFor('audio/ogg; codecs=opus')).toBe('.ogg');
    expect(extensionFor('audio/mp4')).toBe('.m4a');
    expect(extensionFor('application/x-whatever')).toBe('.bin');
  });
  it('reads a hand-made WAV header with a LIST chunk before data, and rejects non-WAV bytes', () => {
    const data = Buffer.alloc(32000); // 1 s of 16 kHz mono s16
    const list = Buffer.concat([Buffer.from('LIST'), u32(4), Buffer.from('INFO')]);
    const fmt = Buffer.alloc(24);
    fmt.write('fmt ', 0, 'ascii');
    fmt.writeUInt32LE(16, 4);
    fmt.writeUInt16LE(1, 8);
    fmt.writeUInt16LE(1, 10);
    fmt.writeUInt32LE(16000, 12);
    fmt.writeUInt32LE(32000, 16);
    fmt.writeUInt16LE(2, 20);
    fmt.writeUInt16LE(16, 22);
    const body = Buffer.concat([Buffer.from('WAVE'), fmt, list, Buffer.from('data'), u32(data.length), data]);
    const wav = Buffer.concat([Buffer.from('RIFF'), u32(body.length), body]);
    expect(readWavHeader(wav)).toEqual({ sampleRate: 16000, channels: 1, bitsPerSample: 16, durationSec: 1 });
    expect(readWavHeader(Buffer.from('OggS not a wav file'))).toBeNull();
  });
});

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
}
