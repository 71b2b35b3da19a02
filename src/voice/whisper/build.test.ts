import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCommands, buildWhisper, defaultBuildPlan, whisperSourceDir } from './build.js';
import type { ProcessRunner } from '../process.js';

describe('whisper.cpp build', () => {
  it('finds the whisper.cpp sources shipped by nodejs-whisper', () => {
    expect(fs.existsSync(path.join(whisperSourceDir(), 'examples', 'cli', 'cli.cpp'))).toBe(true);
  });

  it('configures a static Release build of whisper-cli only, into models/whisper-build', () => {
    const plan = defaultBuildPlan('/srv/models', 1);
    expect(plan.binPath).toBe('/srv/models/bin/whisper-cli');
    const [configure, build] = buildCommands(plan);
    expect(configure!.args).toEqual(expect.arrayContaining(['-B', '/srv/models/whisper-build', '-DBUILD_SHARED_LIBS=OFF', '-DCMAKE_BUILD_TYPE=Release']));
    expect(build!.args).toEqual(['--build', '/srv/models/whisper-build', '--config', 'Release', '--target', 'whisper-cli', '-j', '1']);
  });

  it('says to install cmake when it is missing', async () => {
    const run: ProcessRunner = async () => {
      const { MunshiError } = await import('../../core/errors.js');
      throw new MunshiError('unavailable', 'cmake is not installed (not found on PATH)');
    };
    await expect(buildWhisper(run, defaultBuildPlan('/nonexistent/models', 1))).rejects.toThrow(/sudo apt-get install cmake/);
  });

  it('reports a failed compile with the tail of its output', async () => {
    const run: ProcessRunner = async () => ({ code: 2, stdout: Buffer.alloc(0), stderr: 'lots\nof\nlines\nerror: ggml.c: out of memory' });
    await expect(buildWhisper(run, defaultBuildPlan('/nonexistent/models', 1))).rejects.toThrow(/exit 2\):\n.*out of memory/s);
  });
});
