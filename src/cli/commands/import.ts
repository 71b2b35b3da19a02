/**
 * @module cli/commands/import
 * `import --db FILE [--format jsonl|csv] [--owner me]`: expenses on stdin into the ledger, streamed
 * in batches and once per record (ledger/io/transfer.ts): importing an export again, in any order,
 * or a bank's CSV twice, records nothing twice. Bad lines are reported on stderr and skipped.
 * Category corrections in a JSON-lines export ({"kind":"override",…}) are taught to the owner again;
 * its debts ({"kind":"debt",…}) are imported after the expenses their shares belong to. `--what
 * debts` imports a debts file alone (the CSV of `export --what debts`, columns in debts/io.ts).
 */
import { parseArgs, stdinChunks, str } from '../args.js';
import { cliConfig, cliServices } from '../services.js';
import { importChunks } from '../../ledger/io/transfer.js';
import { categorize } from '../../categories/index.js';
import type { CategoryOverride } from '../../categories/overrides.js';
import { resolveLocale } from '../../language/locale.js';
import type { Categorizer } from '../../ledger/io/records.js';
import { debtCsvRecords, importDebts } from '../../debts/transfer.js';

export const summary = 'import expenses (or --what debts) from JSONL or CSV on stdin: --db FILE [--format jsonl|csv] [--what expenses|debts] [--owner me]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const format = str(args, 'format') ?? 'jsonl';
  const owner = str(args, 'owner') ?? 'me';
  if (format !== 'jsonl' && format !== 'csv') {
    process.stderr.write('--format must be jsonl or csv\n');
    return 2;
  }
  const what = str(args, 'what') ?? 'expenses';
  if (what !== 'expenses' && what !== 'debts') {
    process.stderr.write('--what must be expenses or debts\n');
    return 2;
  }
  const services = await cliServices(cliConfig(args), { optionalServices: false });
  const tty = process.stderr.isTTY;
  const now = new Date().toISOString();
  const onRejected = (line: number, error: string) => process.stderr.write(`line ${line}: ${error}\n`);
  if (what === 'debts') {
    try {
      let text = '';
      for await (const chunk of stdinChunks()) text += chunk;
      const records = format === 'csv' ? debtCsvRecords(text) : jsonLines(text);
      const d = await importDebts(services.repos.debts, records, { owner, now, onRejected });
      process.stderr.write(`debts imported ${d.added}, already present ${d.present}, rejected ${d.rejected}\n`);
      return d.rejected && !d.added && !d.present ? 1 : 0;
    } finally {
      await services.close();
    }
  }
  const debts: { line: number; value: unknown }[] = [];
  let debtResult: { added: number; present: number; rejected: number } | null = null;
  let taught = 0;
  let r;
  try {
    // Rows without a category are filed the way this owner taught munshi; corrections in the file are taught again.
    const overrides = await services.repos.preferences.overrides(owner);
    const stored = await services.repos.preferences.settings(owner);
    r = await importChunks(services.repos.expenses, stdinChunks(), {
      format,
      owner,
      now,
      categorize: importCategorizer(overrides, stored),
      onOverride: async (o) => {
        await services.repos.preferences.setOverride(owner, o.key, o.category, o.detail, now);
        overrides.set(o.key, o);
        taught++;
      },
      onRejected,
      onOther: (line, value) => {
        if ((value as { kind?: unknown }).kind === 'debt') debts.push({ line, value });
        else onRejected(line, 'not an expense, a category correction or a debt');
      },
      onProgress: tty ? (p) => process.stderr.write(`\r${p.read} read, ${p.added} imported…`) : undefined,
    });
    // Shares name their expense by uid: the expenses are in by now.
    if (debts.length) debtResult = await importDebts(services.repos.debts, debts, { owner, now, onRejected });
  } finally {
    if (tty) process.stderr.write('\n');
    await services.close();
  }
  const debtNote = debtResult ? `, debts ${debtResult.added} (already present ${debtResult.present}, rejected ${debtResult.rejected})` : '';
  process.stderr.write(`imported ${r.added}, already present ${r.present}, rejected ${r.rejected}${taught ? `, category corrections ${taught}` : ''}${debtNote}\n`);
  return r.rejected && !r.added && !r.present && !taught ? 1 : 0;
}

/**
 * Files rows that carry no category with the words of the owner's region: their saved locale, zone and
 * currency, else the row's own currency ("gas" in a dollar ledger is fuel, in a rupee one cooking gas).
 */
export function importCategorizer(overrides: ReadonlyMap<string, CategoryOverride>, stored: Readonly<Record<string, string | undefined>>): Categorizer {
  return (input) => {
    const currency = stored['currency'] ?? input.currency ?? '';
    const regions = resolveLocale({ locale: stored['locale'] ?? null, timeZone: stored['timeZone'] ?? '', currency }).regions;
    return categorize(input, overrides, regions);
  };
}

function jsonLines(text: string): { line: number; value: unknown }[] {
  return text.split('\n').flatMap((l, k) => {
    if (!l.trim()) return [];
    try {
      return [{ line: k + 1, value: JSON.parse(l) as unknown }];
    } catch {
      return [{ line: k + 1, value: null }];
    }
  });
}
