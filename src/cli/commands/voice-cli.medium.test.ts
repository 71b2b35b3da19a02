import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingTools, speak, toOggOpus } from '../../../test/support/voice/tools.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs `npm run cli -- …` the way a person would, with its own env. */
function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'src/cli/main.ts'), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe('voice CLI with no model installed', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'munshi-cli-voice-'));
    await fs.writeFile(path.join(dir, 'note.ogg'), 'OggS');
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('transcribe exits non-zero and names the download command', async () => {
    const r = await cli(['transcribe', path.join(dir, 'note.ogg')], { MUNSHI_MODELS_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no whisper model installed');
    expect(r.stderr).toContain('npm run --silent cli -- models download whisper base');
  }, 30_000);

  it('transcribe names the configured model in the command', async () => {
    const r = await cli(['transcribe', path.join(dir, 'note.ogg')], { MUNSHI_MODELS_DIR: dir, MUNSHI_WHISPER_MODEL: 'small' });
    expect(r.stderr).toContain('npm run --silent cli -- models download whisper small');
  }, 30_000);

  it('models download fails clearly when the download server is unreachable', async () => {
    const r = await cli(['models', 'download', 'whisper', 'tiny', '--no-build', '--url', 'http://127.0.0.1:9/none'], { MUNSHI_MODELS_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: could not download ggml-tiny\.bin from http:\/\/127\.0\.0\.1:9\/none\/ggml-tiny\.bin/);
    expect(await fs.readdir(dir)).toEqual(['note.ogg']);
  }, 30_000);

  it('models download rejects an unknown model and models list shows nothing installed', async () => {
    expect((await cli(['models', 'download', 'whisper', 'huge'], { MUNSHI_MODELS_DIR: dir })).code).toBe(2);
    const list = await cli(['models', 'list'], { MUNSHI_MODELS_DIR: dir });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('installed: none');
    expect(list.stdout).toContain('whisper-cli: not built');
  }, 30_000);
});

const bin = path.join(root, 'models/bin/whisper-cli');
const noBin = await fs.access(bin).then(() => null, () => 'skipped: whisper-cli not built (npm run --silent cli -- models build-whisper)');
const skip = missingTools('ffmpeg', 'espeak-ng') ?? noBin;

describe.skipIf(skip !== null)(`transcribe with the real whisper-cli and the scripted test model ${skip ?? ''}`, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'munshi-cli-voice-'));
    await fs.mkdir(path.join(dir, 'bin'));
    await fs.symlink(bin, path.join(dir, 'bin', 'whisper-cli'));
    const { writeTestModel } = await import('../../../test/support/voice/test-model.js');
    await writeTestModel(path.join(dir, 'test-model.bin'));
    await speak('petrol five hundred', path.join(dir, 'spoken.wav'));
    await toOggOpus(path.join(dir, 'spoken.wav'), path.join(dir, 'note.ogg'));
  }, 60_000);
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('prints the transcript on stdout', async () => {
    const r = await cli(['transcribe', path.join(dir, 'note.ogg'), '--language', 'en', '--model', 'tiny', '--model-file', path.join(dir, 'test-model.bin')], { MUNSHI_MODELS_DIR: dir });
    expect(r.stdout).toBe('petrol five hundred\n');
    expect(r.stderr).toMatch(/tiny: \d+\.\d s of audio in \d+\.\d s, confidence (0\.9\d+|1), language en/);
    expect(r.code).toBe(0);
  }, 120_000);
});
