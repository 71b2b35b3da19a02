/**
 * @module voice/process
 * The process-runner port: ffmpeg and whisper.cpp run as child processes through this, never with
 * execFileSync, so one slow voice note cannot freeze every chat. A timeout kills the child.
 */
import { spawn } from 'node:child_process';
import { MunshiError } from '../core/errors.js';

export interface ProcessResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export interface RunOptions {
  timeoutMs: number;
  /** Bytes written to the child's stdin (then closed). Without it stdin is closed at once. */
  input?: Buffer;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Streams stderr as it arrives (build logs, progress); it is still collected in the result. */
  onStderr?: (chunk: string) => void;
  onStdout?: (chunk: string) => void;
  /** Caps collected output so a chatty child cannot eat the daemon's memory. Default 32 MiB. */
  maxOutputBytes?: number;
  /** Starts the child in its own process group so a timeout also stops its children (a build's
   * compiler jobs). Off by default: then Ctrl-C in a terminal still reaches the child. */
  group?: boolean;
}

/** The port: everything in voice/ that starts a program takes one of these. */
export type ProcessRunner = (cmd: string, args: readonly string[], opts: RunOptions) => Promise<ProcessResult>;

const KILL_GRACE_MS = 2000;

/**
 * Runs `cmd args` asynchronously and resolves with its exit code and output (a non-zero exit is a
 * result, not an error). Rejects with MunshiError 'unavailable' when the program is not installed
 * and 'timeout' when it overruns (after killing it).
 * Example: `await runProcess('ffmpeg', ['-version'], { timeoutMs: 5000 })`.
 */
export const runProcess: ProcessRunner = (cmd, args, opts) =>
  new Promise<ProcessResult>((resolve, reject) => {
    const max = opts.maxOutputBytes ?? 32 * 1024 * 1024;
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: opts.group === true,
    });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    let settled = false;
    let timedOut = false;
    let hardKill: NodeJS.Timeout | undefined;

    const killTree = (signal: NodeJS.Signals): void => {
      try {
        if (opts.group && child.pid !== undefined) process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        /* already gone */
      }
    };

    const timer = setTimeout(() => {
      timedOut = true;
      killTree('SIGTERM');
      // Some programs ignore SIGTERM while busy; do not wait for them forever.
      hardKill = setTimeout(() => killTree('SIGKILL'), KILL_GRACE_MS);
      hardKill.unref();
    }, opts.timeoutMs);

    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };

    child.stdout.on('data', (b: Buffer) => {
      opts.onStdout?.(b.toString('utf8'));
      if (outBytes + b.length <= max) {
        out.push(b);
        outBytes += b.length;
      }
    });
    child.stderr.on('data', (b: Buffer) => {
      const s = b.toString('utf8');
      opts.onStderr?.(s);
      if (err.length < max) err += s;
    });
    // EPIPE when the child exits without reading all of its input is not our failure.
    child.stdin.on('error', () => undefined);

    child.on('error', (e: NodeJS.ErrnoException) => {
      finish(() => {
        if (e.code === 'ENOENT') reject(new MunshiError('unavailable', `${cmd} is not installed (not found on PATH)`, e));
        else reject(new MunshiError('unavailable', `could not start ${cmd}: ${e.message}`, e));
      });
    });
    child.on('close', (code, signal) => {
      if (hardKill) clearTimeout(hardKill);
      finish(() => {
        if (timedOut) reject(new MunshiError('timeout', `${cmd} took longer than ${opts.timeoutMs} ms and was stopped`));
        else resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(out), stderr: err });
      });
    });

    if (opts.input) child.stdin.end(opts.input);
    else child.stdin.end();
  });

/** Last few lines of a child's stderr, for error messages that point at the cause. */
export function tail(stderr: string, lines = 5): string {
  return stderr.trim().split('\n').slice(-lines).join('\n');
}
