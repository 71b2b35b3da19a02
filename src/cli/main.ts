/**
 * @module cli/main
 * `npm run --silent cli -- <command> [options]`. Each command is a module in ./commands exporting
 * `run(argv)`; stdout carries only the command's output, logs and progress go to stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CommandModule {
  /** One line for `cli help`. */
  summary: string;
  run(argv: string[]): Promise<number>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const commandsDir = path.join(here, 'commands');

function listCommands(): string[] {
  return fs
    .readdirSync(commandsDir)
    .filter((f) => /\.(ts|js)$/.test(f) && !/\.test\.|\.d\.ts$/.test(f))
    .map((f) => f.replace(/\.(ts|js)$/, ''))
    .sort();
}

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  const names = listCommands();
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const lines = ['usage: npm run --silent cli -- <command> [options]', '', 'commands:'];
    for (const n of names) {
      const mod = (await import(path.join(commandsDir, `${n}.ts`)).catch(() => import(path.join(commandsDir, `${n}.js`)))) as CommandModule;
      lines.push(`  ${n.padEnd(12)} ${mod.summary}`);
    }
    process.stderr.write(lines.join('\n') + '\n');
    return name ? 0 : 2;
  }
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !names.includes(name)) {
    process.stderr.write(`unknown command "${name}". Try: ${names.join(', ')}\n`);
    return 2;
  }
  const file = fs.existsSync(path.join(commandsDir, `${name}.ts`)) ? `${name}.ts` : `${name}.js`;
  const mod = (await import(path.join(commandsDir, file))) as CommandModule;
  return mod.run(rest);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // `export | head`: the reader had enough; that is not a failure.
    if ((err as { code?: unknown })?.code === 'EPIPE') return;
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
