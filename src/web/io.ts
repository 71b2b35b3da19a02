/**
 * @module web/io
 * Getting data out of and into the ledger from the page, in the interchange format the CLI uses
 * (ledger/io/records.ts: date, amount, currency, category, item, merchant, note).
 *
 * Export streams the filtered rows in batches, so 100k expenses never become one string. Import
 * parses and validates the whole file first (the preview: what will be recorded, which lines have
 * problems and why), then records in small batches the page drives with a progress bar, through the
 * ledger's importBatch, the same rule as `cli import`: a row whose uid (a munshi export) or content
 * (as often as the file has it) is already in the ledger is "already present", so importing the
 * same file twice, or a batch retried after a dropped connection, records nothing twice.
 */
import { categoryLabel } from '../categories/taxonomy.js';
import { formatMoney } from '../core/money.js';
import { cleanUid, type ImportItem } from '../ledger/expenses.js';
import { csvLine, parseCsv } from '../ledger/io/csv.js';
import { expenseToRecord, recordToDraft, RECORD_COLUMNS, type Categorizer } from '../ledger/io/records.js';
import type { ExpenseTable, TableFilter } from './port.js';

/** The filtered rows as CSV (with a header) or JSON lines, as a byte stream. */
export function exportLines(table: ExpenseTable, f: TableFilter, format: 'csv' | 'jsonl'): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const it = table.batches(f)[Symbol.asyncIterator]();
  let header = format === 'csv';
  // Pulled: the next 2000 rows are read only when the client has taken the previous ones.
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (header) {
        header = false;
        controller.enqueue(enc.encode(RECORD_COLUMNS.join(',') + '\n'));
        return;
      }
      const { done, value } = await it.next();
      if (done) return controller.close();
      const lines = value.map((e) => {
        const r = expenseToRecord(e);
        return format === 'jsonl' ? JSON.stringify(r) : csvLine(RECORD_COLUMNS.map((c) => r[c]));
      });
      controller.enqueue(enc.encode(lines.join('\n') + '\n'));
    },
    async cancel() {
      await it.return?.();
    },
  });
}

export interface ImportJob {
  id: string;
  owner: string;
  /** When the preview was made (ms), to expire forgotten jobs. */
  at: number;
  total: number;
  valid: (ImportItem & { line: number })[];
  problems: { line: number; error: string }[];
  /** What the preview table shows: the first rows, problems first. */
  sample: { line: number; date: string; item: string; category: string; amount: string; error: string }[];
}

/** Reads a CSV file into an import job; nothing is recorded here. */
export function importPreview(text: string, o: { owner: string; categorize: Categorizer; id: string; at: number; defaultCurrency?: string }): ImportJob {
  const rows = parseCsv(text.replace(/^\uFEFF/, '')).filter((r) => r.some((c) => c.trim() !== ''));
  const header = rows.shift()?.map((h) => h.trim().toLowerCase()) ?? [];
  const job: ImportJob = { id: o.id, owner: o.owner, at: o.at, total: rows.length, valid: [], problems: [], sample: [] };
  const missing = ['date', 'amount'].filter((c) => !header.includes(c));
  if (missing.length) {
    job.total = Math.max(1, rows.length);
    job.problems.push({ line: 1, error: `the first line must name the columns (missing: ${missing.join(', ')})` });
    job.sample.push({ line: 1, date: '', item: '', category: '', amount: '', error: job.problems[0]!.error });
    return job;
  }
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const line = i + 2;
    const value: Record<string, string> = {};
    for (const col of RECORD_COLUMNS) {
      const j = header.indexOf(col);
      if (j >= 0 && row[j] !== undefined && row[j] !== '') value[col] = row[j]!;
    }
    value.currency ??= o.defaultCurrency ?? 'INR';
    const r = recordToDraft(value, o.categorize);
    if (!r.ok) {
      job.problems.push({ line, error: r.error });
      if (job.sample.length < 20) job.sample.push({ line, date: value.date ?? '', item: value.item ?? '', category: value.category ?? '', amount: value.amount ?? '', error: r.error });
      return;
    }
    const d = r.draft;
    const key = JSON.stringify([d.date, d.amountMinor, d.currency, d.item, d.merchant, d.note]);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    job.valid.push({ line, draft: d, uid: cleanUid(value.uid), occurrence });
  });
  for (const v of job.valid) {
    if (job.sample.length >= 20) break;
    job.sample.push({
      line: v.line, date: v.draft.date, item: v.draft.item ?? v.draft.merchant ?? '',
      category: categoryLabel(v.draft.category, v.draft.detail), amount: formatMoney(v.draft.amountMinor, v.draft.currency), error: '',
    });
  }
  return job;
}
