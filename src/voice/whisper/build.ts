/**
 * @module voice/whisper/build
 * Compiles whisper.cpp's `whisper-cli` ahead of time (`cli models build-whisper`), from the sources
 * the nodejs-whisper package ships, into models/bin/. Never done on the first voice note: on a
 * small machine it takes minutes.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { MunshiError } from '../../core/errors.js';
import { tail, type ProcessRunner } from '../process.js';

/** whisper.cpp sources inside node_modules (nodejs-whisper 0.3.1 ships whisper.cpp 1.9.x). */
export function whisperSourceDir(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('nodejs-whisper'); // …/nodejs-whisper/dist/index.js
  return path.join(path.dirname(entry), '..', 'cpp', 'whisper.cpp');
}

export interface BuildPlan {
  sourceDir: string;
  buildDir: string;
  /** Where the finished binary is copied: models/bin/whisper-cli. */
  binPath: string;
  jobs: number;
}

export function defaultBuildPlan(modelsDir: string, jobs = Math.max(1, os.availableParallelism())): BuildPlan {
  return {
    sourceDir: whisperSourceDir(),
    buildDir: path.join(modelsDir, 'whisper-build'),
    binPath: path.join(modelsDir, 'bin', 'whisper-cli'),
    jobs,
  };
}

/** The two cmake command lines of a build (pure, so tests can read them). */
export function buildCommands(plan: BuildPlan): Array<{ cmd: string; args: string[] }> {
  return [
    {
      cmd: 'cmake',
      args: [
        '-S', plan.sourceDir,
        '-B', plan.buildDir,
        '-DCMAKE_BUILD_TYPE=Release',
        // A static binary can be copied to models/bin/ and run without its build tree.
        '-DBUILD_SHARED_LIBS=OFF',
        '-DWHISPER_BUILD_TESTS=OFF',
        '-DWHISPER_BUILD_SERVER=OFF',
        '-DWHISPER_BUILD_EXAMPLES=ON',
        '-DWHISPER_SDL2=OFF',
        '-DWHISPER_CURL=OFF',
      ],
    },
    {
      cmd: 'cmake',
      args: ['--build', plan.buildDir, '--config', 'Release', '--target', 'whisper-cli', '-j', String(plan.jobs)],
    },
  ];
}

/**
 * Configures and builds whisper-cli, then copies it to plan.binPath. Output streams to `log`.
 * Rejects with MunshiError 'unavailable' when cmake or a compiler is missing.
 */
export async function buildWhisper(
  run: ProcessRunner,
  plan: BuildPlan,
  log: (chunk: string) => void = () => undefined,
): Promise<string> {
  try {
    await fs.access(path.join(plan.sourceDir, 'CMakeLists.txt'));
  } catch {
    throw new MunshiError('unavailable', `whisper.cpp sources not found at ${plan.sourceDir} (is nodejs-whisper installed?)`);
  }
  for (const { cmd, args } of buildCommands(plan)) {
    log(`$ ${cmd} ${args.join(' ')}\n`);
    const r = await run(cmd, args, { timeoutMs: 60 * 60_000, onStdout: log, onStderr: log, group: true }).catch((e: unknown) => {
      if (e instanceof MunshiError && e.code === 'unavailable') {
        throw new MunshiError('unavailable', 'cmake is not installed: sudo apt-get install cmake build-essential', e);
      }
      throw e;
    });
    if (r.code !== 0) throw new MunshiError('unavailable', `building whisper.cpp failed (${cmd} exit ${r.code}):\n${tail(r.stderr)}`);
  }
  const built = path.join(plan.buildDir, 'bin', 'whisper-cli');
  await fs.mkdir(path.dirname(plan.binPath), { recursive: true });
  // Copy then rename, so a half-copied binary is never picked up by a running daemon.
  const part = `${plan.binPath}.part`;
  await fs.copyFile(built, part);
  await fs.chmod(part, 0o755);
  await fs.rename(part, plan.binPath);
  return plan.binPath;
}
