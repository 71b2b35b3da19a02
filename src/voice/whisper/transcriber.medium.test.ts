import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMunshiError } from '../../core/errors.js';
import { runProcess, type ProcessRunner } from '../process.js';
import { missingTools, speak, toOggOpus } from '../../../test/support/voice/tools.js';
import { BUILD_COMMAND, createWhisperTranscriber, effectiveLanguage, whisperArgs } from './transcriber.js';
import { MODELS } from './models.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/whisper/', import.meta.url));

/**
 * A stand-in for whisper-cli: checks it was given a 16 kHz mono WAV, logs its argv, then writes
 * the recorded -ojf fixture to `<-of>.json` and the segment line to stdout, as whisper-cli does.
 */
async function fakeWhisperCli(dir: string, opts: { fixture: string; sleepMs?: number; exitCode?: number }): Promise<{ bin: string; argvLog: string }> {
  const bin = path.join(dir, 'whisper-cli');
  const argvLog = path.join(dir, 'argv.jsonl');
  const script = `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(argvLog)}, JSON.stringify({ args, start: Date.now() }) + '\\n');
const get = (f) => args[args.indexOf(f) + 1];
const wav = fs.readFileSync(get('-f'));
if (wav.toString('ascii', 0, 4) !== 'RIFF' || wav.readUInt32LE(24) !== 16000 || wav.readUInt16LE(22) !== 1) { console.error('error: not 16 kHz mono'); process.exit(2); }
setTimeout(() => {
  if (${opts.exitCode ?? 0} !== 0) { console.error('whisper_init_from_file_with_params_no_state: failed to load model'); process.exit(${opts.exitCode ?? 0}); }
  fs.writeFileSync(get('-of') + '.json', fs.readFileSync(${JSON.stringify(path.join(fixtures, opts.fixture))}));
  process.stdout.write('\\n[00:00:00.000 --> 00:00:01.840]   Petrol, five hundred.\\n');
  fs.appendFileSync(${JSON.stringify(argvLog)}, JSON.stringify({ end: Date.now() }) + '\\n');
}, ${opts.sleepMs ?? 0});
`;
  await fs.writeFile(bin, script, { mode: 0o755 });
  return { bin, argvLog };
}

describe('whisper-cli command line', () => {
  it('asks for full JSON output next to a temp base name, in the configured language', () => {
    expect(whisperArgs({ model: '/m/ggml-base.bin', wav: '/t/note.wav', outBase: '/t/out', language: 'auto', threads: 2 })).toEqual([
      '-m', '/m/ggml-base.bin', '-f', '/t/note.wav', '-l', 'auto', '-t', '2', '-ojf', '-of', '/t/out',
    ]);
  });
  it('uses English for .en models whatever is configured', () => {
    expect(effectiveLanguage('base.en', 'auto')).toBe('en');
    expect(effectiveLanguage('small', 'HI')).toBe('hi');
    expect(effectiveLanguage('tiny', '')).toBe('auto');
  });
});

describe('no model installed', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'munshi-nomodel-'));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('says which model is missing and the one command that enables voice', async () => {
    const t = createWhisperTranscriber({ modelsDir: dir, model: 'base', language: 'auto' });
    const a = await t.available();
    expect(a).toEqual({ ok: false, reason: expect.stringContaining('ggml-base.bin'), enableCommand: 'npm run --silent cli -- models download whisper base' });
    await expect(t.transcribe(Buffer.from('OggS'), 'audio/ogg')).rejects.toSatisfy(
      (e: unknown) => isMunshiError(e, 'unavailable') && (e as Error).message.includes('models download whisper base'),
    );
  });

  it('flags a truncated model file', async () => {
    await fs.writeFile(path.join(dir, 'ggml-tiny.bin'), Buffer.alloc(1000));
    const a = await createWhisperTranscriber({ modelsDir: dir, model: 'tiny', language: 'auto' }).available();
    expect(a.ok === false && a.reason).toMatch(/incomplete or corrupted \(1000 bytes, expected 77691713\)/);
  });

  it('points at the build command when the model is there but whisper-cli is not', async () => {
    const model = path.join(dir, 'custom.bin');
    await fs.writeFile(model, 'x');
    const a = await createWhisperTranscriber({ modelsDir: dir, model: 'base', modelFile: model, language: 'auto' }).available();
    expect(a).toMatchObject({ ok: false, enableCommand: BUILD_COMMAND });
  });

  it('reports a missing ffmpeg with the apt command', async () => {
    const model = path.join(dir, 'custom.bin');
    const { bin } = await fakeWhisperCli(dir, { fixture: 'whisper-cli-clear.ojf.json' });
    const t = createWhisperTranscriber({ modelsDir: dir, model: 'base', modelFile: model, language: 'auto', whisperBin: bin, ffmpeg: 'munshi-no-such-ffmpeg' });
    expect(await t.available()).toEqual({ ok: false, reason: 'ffmpeg is not installed: sudo apt-get install ffmpeg', enableCommand: 'sudo apt-get install ffmpeg' });
  });
});

const skip = missingTools('ffmpeg', 'espeak-ng');

describe.skipIf(skip !== null)(`transcribing a real ogg/opus note with a stand-in whisper-cli ${skip ?? ''}`, () => {
  let dir: string;
  let ogg: Buffer;
  let model: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'munshi-whisper-'));
    await speak('petrol five hundred', path.join(dir, 'spoken.wav'));
    await toOggOpus(path.join(dir, 'spoken.wav'), path.join(dir, 'note.ogg'));
    ogg = await fs.readFile(path.join(dir, 'note.ogg'));
    model = path.join(dir, 'ggml-test.bin');
    await fs.writeFile(model, 'stand-in model');
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('converts with ffmpeg, runs whisper-cli with the expected arguments and reads its JSON', async () => {
    const sub = await fs.mkdtemp(path.join(dir, 'a-'));
    const { bin, argvLog } = await fakeWhisperCli(sub, { fixture: 'whisper-cli-clear.ojf.json' });
    const tmpRoot = await fs.mkdtemp(path.join(dir, 'tmp-'));
    const t = createWhisperTranscriber({ modelsDir: dir, model: 'base', modelFile: model, language: 'auto', whisperBin: bin, threads: 2 }, { tmpRoot });
    expect(await t.available()).toEqual({ ok: true });
    const tr = await t.transcribe(ogg, 'audio/ogg; codecs=opus');
    expect(tr.text).toBe('Petrol, five hundred.');
    expect(tr.language).toBe('en');
    expect(tr.confidence).toBeGreaterThan(0.9);
    expect(tr.durationSec).toBeGreaterThan(0.5);
    const [call] = (await fs.readFile(argvLog, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { args: string[] });
    const args = call!.args;
    expect(args.slice(0, 2)).toEqual(['-m', model]);
    expect(args[args.indexOf('-f') + 1]).toMatch(/munshi-voice-[^/]+\/note\.wav$/);
    expect(args.slice(args.indexOf('-l'), args.indexOf('-l') + 4)).toEqual(['-l', 'auto', '-t', '2']);
    expect(args).toContain('-ojf');
    // The per-note temp folder is gone afterwards.
    expect(await fs.readdir(tmpRoot)).toEqual([]);
  });

  it('transcribes one note at a time, in order, even when the bot asks for several at once', async () => {
    const sub = await fs.mkdtemp(path.join(dir, 'b-'));
    const { bin, argvLog } = await fakeWhisperCli(sub, { fixture: 'whisper-cli-clear.ojf.json', sleepMs: 150 });
    const t = createWhisperTranscriber({ modelsDir: dir, model: 'base', modelFile: model, language: 'en', whisperBin: bin });
    const results = await Promise.all([t.transcribe(ogg, 'audio/ogg'), t.transcribe(ogg, 'audio/ogg'), t.transcribe(ogg, 'audio/ogg')]);
    expect(results.map((r) => r.text)).toEqual(Array(3).fill('Petrol, five hundred.'));
    const log = (await fs.readFile(argvLog, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { start?: number; end?: number });
    // start, end, start, end, … : never two whisper-cli processes at once.
    expect(log.map((e) => (e.start ? 'start' : 'end'))).toEqual(['start', 'end', 'start', 'end', 'start', 'end']);
    for (let i = 2; i < log.length; i += 2) expect(log[i]!.start!).toBeGreaterThanOrEqual(log[i - 1]!.end!);
  });

  it('kills whisper-cli when it runs over the timeout', async () => {
    const sub = await fs.mkdtemp(path.join(dir, 'c-'));
    const slow = await fakeWhisperCli(sub, { fixture: 'whisper-cli-clear.ojf.json', sleepMs: 30_000 });
    const t = createWhisperTranscriber({ modelsDir: dir, model: 'base', modelFile: model, language: 'auto', whisperBin: slow.bin, timeoutMs: 1500 });
    const t0 = Date.now();
    await expect(t.transcribe(ogg, 'audio/ogg')).rejects.toSatisfy((e: unknown) => isMunshiError(e, 'timeout'));
    expect(Date.now() - t0).toBeLessThan(8000);
  });

  it('turns a whisper-cli failure into an error carrying its stderr', async () => {
    const sub = await fs.mkdtemp(path.join(dir, 'd-'));
    const { bin } = await fakeWhisperCli(sub, { fixture: 'whisper-cli-clear.ojf.json', exitCode: 3 });
    const t = createWhisperTranscriber({ modelsDir: dir, model: 'base', modelFile: model, language: 'auto', whisperBin: bin });
    await expect(t.transcribe(ogg, 'audio/ogg')).rejects.toThrow(/whisper.cpp failed \(exit 3\): .*failed to load model/);
  });

  it('refuses notes longer than the limit before running whisper', async () => {
    const sub = await fs.mkdtemp(path.join(dir, 'e-'));
    const { bin, argvLog } = await fakeWhisperCli(sub, { fixture: 'whisper-cli-clear.ojf.json' });
    const t = createWhisperTranscriber({ modelsDir: dir, model: 'base', modelFile: model, language: 'auto', whisperBin: bin, maxAudioSec: 0.5 });
    await expect(t.transcribe(ogg, 'audio/ogg')).rejects.toThrow(/the limit is 0.5 s/);
    await expect(fs.access(argvLog)).rejects.toThrow();
  });

  it('passes every child through the injected process runner', async () => {
    const sub = await fs.mkdtemp(path.join(dir, 'f-'));
    const { bin } = await fakeWhisperCli(sub, { fixture: 'whisper-cli-doubtful.ojf.json' });
    const seen: string[] = [];
    const run: ProcessRunner = (cmd, args, opts) => {
      seen.push(path.basename(cmd));
      return runProcess(cmd, args, opts);
    };
    const t = createWhisperTranscriber({ modelsDir: dir, model: 'base', modelFile: model, language: 'auto', whisperBin: bin }, { run });
    const tr = await t.transcribe(ogg, 'audio/ogg');
    expect(tr.confidence!).toBeLessThan(0.5);
    expect(seen).toEqual(['ffmpeg', 'ffmpeg', 'whisper-cli']); // version check, conversion, transcription
  });
});

it('knows the sizes of the models it offers', () => {
  expect(MODELS.base.bytes).toBe(147_951_465);
});
