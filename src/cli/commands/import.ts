/**
 * @module cli/commands/import
 * `import --db FILE [--format jsonl|csv] [--owner me]`: expenses on stdin into the ledger.
 * Each record gets a stable message id (hash of the line + its occurrence), so importing the same
 * file twice records nothing new. Bad lines are reported on stderr and skipped.
 */
import { createHash } from 'node:crypto';
import cliProgress from 'cli-progress';
import { parseArgs, stdinLines, str } from '../args.js';
import { cliConfig, cliServices } from '../services.js';
import { recordToDraft, RECORD_COLUMNS } from '../../ledger/io/records.js';
import { parseCsv } from '../../ledger/io/csv.js';
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
  const lines: string[] = [];
  for await (const l of stdinLines()) lines.push(l);
  const records = format === 'jsonl' ? jsonlRecords(lines) : csvRecords(lines.join('\n'));

  const services = await cliServices(cliConfig(args), { optionalServices: false });
  const { expenses } = services.repos;
  const bar = process.stderr.isTTY && records.length > 500 ? new cliProgress.SingleBar({ stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
  bar?.start(records.length, 0);
  const seen = new Map<string, number>();
  const now = new Date().toISOString();
  let added = 0, duplicates = 0, bad = 0;
  try {
    for (const [i, r] of records.entries()) {
      bar?.update(i + 1);
      if ('error' in r) {
        bad++;
        process.stderr.write(`line ${r.line}: ${r.error}\n`);
        continue;
      }
      const res = recordToDraft(r.value, categorize);
      if (!res.ok) {
        bad++;
        process.stderr.write(`line ${r.line}: ${res.error}\n`);
        continue;
      }
      const h = createHash('sha1').update(r.raw).digest('hex').slice(0, 16);
      const k = (seen.get(h) ?? 0) + 1;
      seen.set(h, k);
      const { duplicate } = await expenses.record([res.draft], { owner, source: 'import', messageId: `import:${h}:${k}`, now });
      if (duplicate) duplicates++;
      else added++;
    }
  } finally {
    bar?.stop();
    await services.close();
  }
  process.stderr.write(`imported ${added}, already present ${duplicates}, rejected ${bad}\n`);
  return bad && !added ? 1 : 0;
}

type Parsed = { line: number; raw: string; value: unknown } | { line: number; error: string };

function jsonlRecords(lines: string[]): Parsed[] {
  const out: Parsed[] = [];
  lines.forEach((l, i) => {
    const t = l.trim();
    if (!t) return;
    try {
      out.push({ line: i + 1, raw: t, value: JSON.parse(t) });
    } catch {
      out.push({ line: i + 1, error: 'not valid JSON' });
    }
  });
  return out;
}

function csvRecords(text: string): Parsed[] {
  const rows = parseCsv(text);
  const header = rows.shift()?.map((h) => h.trim().toLowerCase()) ?? [];
  const missing = ['date', 'amount'].filter((c) => !header.includes(c));
  if (missing.length) return [{ line: 1, error: `CSV header needs columns: ${missing.join(', ')} (have: ${header.join(', ')})` }];
  return rows.map((row, i) => {
    const value: Record<string, string> = {};
    for (const col of RECORD_COLUMNS) {
      const j = header.indexOf(col);
      if (j >= 0 && row[j] !== undefined && row[j] !== '') value[col] = row[j]!;
    }
    value.currency ??= 'INR';
    return { line: i + 2, raw: row.join('\u0001'), value };
  });
}
