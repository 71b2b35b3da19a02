/**
 * @module cli/commands/web-password
 * `web-password [--owner ID] [--db FILE]`: sets the web page's password, read from stdin (typed with
 * echo off on a terminal, or piped: `echo "$PW" | npm run --silent cli -- web-password`). For the
 * operator of the box: a password session may open the pairing page and download backups. Setting
 * one signs that person's browsers out. `web-password --code` prints a one-time sign-in code instead.
 */
import { parseArgs, stdinLines, str } from '../args.js';
import { cliConfig, cliServices } from '../services.js';
import { MIN_PASSWORD } from '../../web/auth.js';

export const summary = 'set the web page password (read from stdin): [--owner me] [--db FILE]; --code prints a one-time sign-in code instead';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    for await (const line of stdinLines()) return line;
    return '';
  }
  process.stderr.write('New web password: ');
  process.stdin.setRawMode(true);
  let pw = '';
  try {
    for await (const chunk of process.stdin) {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return pw;
        if (ch === '\u0003') throw new Error('cancelled');
        if (ch === '\u007f') pw = pw.slice(0, -1);
        else pw += ch;
      }
    }
    return pw;
  } finally {
    process.stdin.setRawMode(false);
    process.stderr.write('\n');
  }
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['code']);
  const config = cliConfig(args);
  const owner = str(args, 'owner') ?? (config.access.mode === 'allowlist' && config.access.ledgerMode === 'household' ? config.access.householdOwner : 'me');
  const services = await cliServices(config, { optionalServices: false });
  try {
    if (args.flags.code === true) {
      const { code } = await services.webAuth.issueCode(owner, { admin: true });
      process.stdout.write(`${code}\n`);
      process.stderr.write(`one-time web sign-in code for ${owner}, valid 10 minutes\n`);
      return 0;
    }
    const password = (await readPassword()).trim();
    if (password.length < MIN_PASSWORD) {
      process.stderr.write(`a password needs at least ${MIN_PASSWORD} characters; nothing was changed\n`);
      return 2;
    }
    await services.webAuth.setPassword(owner, password);
    process.stderr.write(`web password set for ${owner}; sign in at the web page with it\n`);
    return 0;
  } finally {
    await services.close();
  }
}
