/**
 * @module cli/commands/import
 * `import --db FILE [--format jsonl|csv] [--owner me]`: expenses on stdin into the ledger, streamed
 * in batches and once per record (ledger/io/transfer.ts): importing an export again, in any order,
 * or a bank's CSV twice, records nothing twice. Bad lines are reported on stderr and skipped.
 * Category corrections in a JSON-lines export ({"kind":"override",…}) are taught to the owner again.
 */
import { parseArgs, stdinChunks, str } from '../args.js';
import { cliConfig, cliServices } from '../services.js';
import { importChunks } from '../../ledger/io/transfer.js';
import { categorize } from '../../categories/index.js';

export const summary = 'import expenses from JSONL or CSV on stdin: --db FILE [--format jsonl|csv] [--owner me]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const format = str(args, 'format') ?? 'jsonl';
  const owner = str(args, 'owner') ?? 'me';
  if (format !== 'jsonl' && format !== 'csv') {
    process.stderr.write('--format must be jsonl or csv\n');
    return 2;
  }
  const services = await cliServices(cliConfig(args), { optionalServices: false });
  const tty = process.stderr.isTTY;
  const now = new Date().toISOString();
  let taught = 0;
  let r;
  try {
    // Rows without a category are filed the way this owner taught munshi; corrections in the file are taught again.
    const overrides = await services.repos.preferences.overrides(owner);
    r = await importChunks(services.repos.expenses, stdinChunks(), {
      format,
      owner,
      now,
      categorize: (input) => categorize(input, overrides),
      onOverride: async (o) => {
        await services.repos.preferences.setOverride(owner, o.key, o.category, o.detail, now);
        overrides.set(o.key, o);
        taught++;
      },
      onRejected: (line, error) => process.stderr.write(`line ${line}: ${error}\n`),
      onProgress: tty ? (p) => process.stderr.write(`\r${p.read} read, ${p.added} imported…`) : undefined,
    });
  } finally {
    if (tty) process.stderr.write('\n');
    await services.close();
  }
  process.stderr.write(`imported ${r.added}, already present ${r.present}, rejected ${r.rejected}${taught ? `, category corrections ${taught}` : ''}\n`);
  return r.rejected && !r.added && !r.present && !taught ? 1 : 0;
}
