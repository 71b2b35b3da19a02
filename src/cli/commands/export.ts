/**
 * @module cli/commands/export
 * `export --db FILE --format csv|jsonl [--from DATE] [--to DATE] [--owner me]`: the ledger on stdout.
 */
import { parseArgs, out, str } from '../args.js';
import { cliConfig, cliServices } from '../services.js';
import { expenseToRecord, RECORD_COLUMNS } from '../../ledger/io/records.js';
import { csvLine } from '../../ledger/io/csv.js';
import { isIsoDate } from '../../core/dates.js';

export const summary = 'export the ledger: --db FILE --format csv|jsonl [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--owner ID]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const format = str(args, 'format') ?? 'csv';
  const from = str(args, 'from');
  const to = str(args, 'to');
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
    const rows = await services.repos.expenses.between({ owner: str(args, 'owner'), from, to });
    if (format === 'csv') await out(RECORD_COLUMNS.join(','));
    for (const e of rows) {
      const r = expenseToRecord(e);
      await out(format === 'jsonl' ? JSON.stringify(r) : csvLine(RECORD_COLUMNS.map((c) => r[c])));
    }
  } finally {
    await services.close();
  }
  return 0;
}
