/**
 * @module cli/commands/export
 * `export --db FILE --format csv|jsonl [--from DATE] [--to DATE] [--owner me]`: the ledger on stdout.
 * Each row carries its uid, so importing the file again recognises every row. `export | head` is
 * fine: when the reader goes away the export stops quietly (exit 0). JSON lines end with the
 * owner's category corrections, so moving a ledger keeps what "that was X" taught, and (a whole
 * ledger, no --from/--to) its debts and shares. `--what debts` writes the debts alone (CSV columns in
 * debts/io.ts).
 */
import { OutputClosed, parseArgs, out, str } from '../args.js';
import { cliConfig, cliServices } from '../services.js';
import { exportLines } from '../../ledger/io/transfer.js';
import { isIsoDate } from '../../core/dates.js';
import { debtLines } from '../../debts/transfer.js';

export const summary = 'export the ledger: --db FILE --format csv|jsonl [--what expenses|debts] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--owner ID]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const format = str(args, 'format') ?? 'csv';
  const from = str(args, 'from');
  const to = str(args, 'to');
  const what = str(args, 'what') ?? 'expenses';
  if (what !== 'expenses' && what !== 'debts') {
    process.stderr.write('--what must be expenses or debts\n');
    return 2;
  }
  if (format !== 'csv' && format !== 'jsonl') {
    process.stderr.write('--format must be csv or jsonl\n');
    return 2;
  }
  for (const [k, v] of [['from', from], ['to', to]] as const) {
    if (v && !isIsoDate(v)) {
      process.stderr.write(`--${k} must be a date like 2026-01-31\n`);
      return 2;
    }
  }
  const services = await cliServices(cliConfig(args), { optionalServices: false });
  try {
    // Debts (src/debts/io.ts): the CSV of who owes whom; JSON lines carry them after the expenses anyway.
    if (what === 'debts') {
      for (const line of await debtLines(services.repos.debts, str(args, 'owner') ?? 'me', format)) await out(line);
      return 0;
    }
    const rows = await services.repos.expenses.between({ owner: str(args, 'owner'), from, to });
    // JSON lines carry the owner's category corrections too (of --owner, else the default owner "me").
    const overrides = format === 'jsonl' ? (await services.repos.preferences.overrides(str(args, 'owner') ?? 'me')).values() : [];
    for (const line of exportLines(rows, format, overrides)) await out(line);
    // The whole ledger in JSON lines: the debts and shares too, after the expenses they name.
    if (format === 'jsonl' && !from && !to) for (const line of await debtLines(services.repos.debts, str(args, 'owner') ?? 'me', 'jsonl')) await out(line);
  } catch (err) {
    if (!(err instanceof OutputClosed)) throw err;
  } finally {
    await services.close();
  }
  return 0;
}
