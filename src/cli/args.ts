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

/** Writes one line to stdout, waiting when the pipe is full. */
export function out(line: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(line + '\n')) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}
