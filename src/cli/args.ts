/**
 * @module cli/args
 * Tiny flag parser shared by the CLI commands: `--name value`, `--name=value`, boolean `--flag`.
 */
export interface ParsedArgs {
  flags: Record<string, string | true>;
  positional: string[];
}

export function parseArgs(argv: string[], booleans: string[] = []): ParsedArgs {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (eq > 0) flags[key] = a.slice(eq + 1);
    else if (booleans.includes(key) || i + 1 >= argv.length || argv[i + 1]!.startsWith('--')) flags[key] = true;
    else flags[key] = argv[++i]!;
  }
  return { flags, positional };
}

export function str(args: ParsedArgs, key: string): string | undefined {
  const v = args.flags[key];
  return typeof v === 'string' ? v : undefined;
}

/** Reads stdin line by line (without trailing newline), for streaming JSONL commands. */
export async function* stdinLines(): AsyncGenerator<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

/** Raised by out() when the reader of stdout went away (`export | head`): stop writing, exit 0. */
export class OutputClosed extends Error {
  readonly code = 'EPIPE';
  constructor() {
    super('stdout was closed by its reader');
  }
}

let stdoutClosed = false;
let watching = false;
function watchStdout(): void {
  if (watching) return;
  watching = true;
  // Without a listener an EPIPE is an uncaught 'error' event: a stack trace for `export | head`.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') stdoutClosed = true;
    else throw err;
  });
}

/** Writes one line to stdout, waiting when the pipe is full; rejects with OutputClosed once the reader is gone. */
export function out(line: string): Promise<void> {
  watchStdout();
  if (stdoutClosed) return Promise.reject(new OutputClosed());
  if (process.stdout.write(line + '\n')) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onGone = () => {
      cleanup();
      reject(new OutputClosed());
    };
    const cleanup = () => {
      process.stdout.off('drain', onDrain);
      process.stdout.off('error', onGone);
      process.stdout.off('close', onGone);
    };
    process.stdout.once('drain', onDrain);
    process.stdout.once('error', onGone);
    process.stdout.once('close', onGone);
  });
}

/** stdin as text chunks (utf-8), for commands that stream a file. */
export async function* stdinChunks(): AsyncGenerator<string> {
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) yield chunk as string;
}
