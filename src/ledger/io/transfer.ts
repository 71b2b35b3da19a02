/**
 * @module ledger/io/transfer
 * Moving expenses in and out of a ledger as files (CSV with a header, or JSON lines), shared by
 * the CLI's import/export and anything else that moves files (a web upload).
 *
 * Import streams: text arrives in chunks and is written in batches of `batch` records, one write
 * transaction each, so a 100k-row file neither sits in memory nor holds the ledger's write lock
 * for long (the daemon's messages get it between batches). Memory is bounded by one batch, the
 * per-content occurrence counts and a bounded memo of categories.
 *
 * Import is once per record: a record whose uid (an export of munshi's) is in the ledger, or whose
 * content the ledger already holds as often as the file does up to it (a bank's CSV imported twice,
 * an export without uids), is "already present", whatever the order of the file.
 */
import type { CategoryOverride } from '../../categories/overrides.js';
import type { Expense } from '../../core/types.js';
import { cleanUid, type ExpenseRepository, type ImportItem } from '../expenses.js';
import { CsvReader, csvLine } from './csv.js';
import { isOverrideRecord, overrideLines, overrideRecords, recordToOverride } from './overrides.js';
import { CSV_COLUMNS, expenseToRecord, recordToDraft, type Categorizer } from './records.js';

export type TransferFormat = 'csv' | 'jsonl';

/**
 * Records per write transaction. Each commit rewrites every index page the batch touched, so small
 * batches multiply the work (100k rows: 13.4 CPU-seconds in batches of 1,000, 8.9 in batches of
 * 5,000); a batch holds the write lock for about half a second on a quiet machine, which a daemon
 * writing meanwhile waits out (store.write retries for up to a minute).
 */
export const IMPORT_BATCH = 5000;

/** Distinct names whose category an import remembers (bounded: a file of unique notes must not grow it without end). */
const CATEGORY_MEMO = 20_000;

type Parsed = { line: number; value: unknown } | { line: number; error: string };

export interface ImportOptions {
  format: TransferFormat;
  owner: string;
  /** ISO timestamp stamped on the new rows. */
  now: string;
  categorize: Categorizer;
  /** Records per write transaction (default IMPORT_BATCH). */
  batch?: number;
  /** A rejected line, with why. */
  onRejected?(line: number, error: string): void;
  /** After each batch. */
  onProgress?(p: ImportResult & { read: number }): void;
  /** A category correction the file carries (JSON lines); without it they are skipped. */
  onOverride?(o: CategoryOverride): Promise<void>;
  /** A line of another kind the file carries ({"kind":"debt",…}: src/debts/io.ts), handed over as parsed; without it it is rejected. */
  onOther?(line: number, value: unknown): void;
}

export interface ImportResult {
  added: number;
  present: number;
  rejected: number;
}

/** Imports a file arriving as text chunks. importText(...) for a whole string. */
export async function importChunks(expenses: Pick<ExpenseRepository, 'importBatch'>, chunks: AsyncIterable<string>, o: ImportOptions): Promise<ImportResult> {
  const size = o.batch ?? IMPORT_BATCH;
  /** Occurrences of each content so far: the second identical row of a file is a second expense. */
  const seen = new Map<string, number>();
  const res: ImportResult = { added: 0, present: 0, rejected: 0 };
  let read = 0;
  let batch: ImportItem[] = [];
  // A file names the same things over and over ("chai", "Swiggy"): categorise each distinct one once.
  // Forgotten when the file teaches a correction, which may change what a name is filed under.
  const filed = new Map<string, ReturnType<Categorizer>>();
  const categorize: Categorizer = (input) => {
    const key = `${input.item ?? ''}\u0000${input.merchant ?? ''}\u0000${input.context ?? ''}\u0000${input.currency ?? ''}`;
    let c = filed.get(key);
    if (!c) {
      if (filed.size >= CATEGORY_MEMO) filed.clear();
      c = o.categorize(input);
      filed.set(key, c);
    }
    return c;
  };
  const flush = async () => {
    if (!batch.length) return;
    const r = await expenses.importBatch(batch, { owner: o.owner, now: o.now });
    res.added += r.added;
    res.present += r.present;
    batch = [];
    o.onProgress?.({ ...res, read });
  };
  for await (const r of o.format === 'jsonl' ? jsonlRecords(chunks) : csvRecords(chunks)) {
    read++;
    if ('error' in r) {
      res.rejected++;
      o.onRejected?.(r.line, r.error);
      continue;
    }
    const kind = (r.value as { kind?: unknown } | null)?.kind;
    if (typeof kind === 'string' && kind !== 'override') {
      if (o.onOther) o.onOther(r.line, r.value);
      else {
        res.rejected++;
        o.onRejected?.(r.line, `a "${kind}" line, not an expense`);
      }
      continue;
    }
    if (isOverrideRecord(r.value)) {
      const ov = recordToOverride(r.value);
      if (!ov.ok) {
        res.rejected++;
        o.onRejected?.(r.line, ov.error);
      } else {
        await o.onOverride?.(ov.override);
        filed.clear();
      }
      continue;
    }
    const v = recordToDraft(r.value, categorize);
    if (!v.ok) {
      res.rejected++;
      o.onRejected?.(r.line, v.error);
      continue;
    }
    const d = v.draft;
    const key = JSON.stringify([d.date, d.amountMinor, d.currency, d.item, d.merchant, d.note]);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    batch.push({ draft: d, uid: cleanUid((r.value as { uid?: unknown } | null)?.uid), occurrence });
    if (batch.length >= size) await flush();
  }
  await flush();
  return res;
}

export function importText(expenses: Pick<ExpenseRepository, 'importBatch'>, text: string, o: ImportOptions): Promise<ImportResult> {
  return importChunks(expenses, (async function* () { yield text; })(), o);
}

/**
 * The file's lines for these expenses: one JSON object per row, or a header then one line per row
 * (CSV); either way followed by the owner's category corrections, so moving a ledger keeps what the
 * owner taught (CSV: rows with kind "override" after the expenses, see CSV_COLUMNS).
 */
export function* exportLines(rows: Iterable<Expense>, format: TransferFormat, overrides: Iterable<CategoryOverride> = []): Generator<string> {
  if (format === 'csv') yield CSV_COLUMNS.join(',');
  for (const e of rows) {
    const r: Record<string, string | number | null> = expenseToRecord(e);
    yield format === 'jsonl' ? JSON.stringify(r) : csvLine(CSV_COLUMNS.map((c) => r[c] ?? null));
  }
  if (format === 'jsonl') yield* overrideLines(overrides);
  else for (const o of overrideRecords(overrides)) yield csvLine(CSV_COLUMNS.map((c) => (c === 'kind' || c === 'key' || c === 'category' ? o[c] : null)));
}

/** One record per non-empty line. */
async function* jsonlRecords(chunks: AsyncIterable<string>): AsyncGenerator<Parsed> {
  let rest = '';
  let line = 0;
  const one = (l: string): Parsed | null => {
    line++;
    const t = l.trim();
    if (!t) return null;
    try {
      return { line, value: JSON.parse(t) };
    } catch {
      return { line, error: 'not valid JSON' };
    }
  };
  for await (const chunk of chunks) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const l of parts) {
      const r = one(l);
      if (r) yield r;
    }
  }
  const r = one(rest);
  if (r) yield r;
}

/** The header names the columns (any order, any case); currency defaults to INR. */
async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<Parsed> {
  const reader = new CsvReader();
  let header: string[] | null = null;
  let n = 0;
  let bad = false;
  function* rows(rs: string[][]): Generator<Parsed> {
    for (const row of rs) {
      if (bad) return;
      n++;
      if (!header) {
        header = row.map((h) => h.trim().replace(/^\uFEFF/, '').toLowerCase());
        const missing = ['date', 'amount'].filter((c) => !header!.includes(c));
        // A debts export (src/debts/io.ts) holds signed amounts owed, never expenses.
        if (header.includes('person') && header.includes('entry')) {
          bad = true;
          yield { line: 1, error: 'this is a debts file (person, entry columns): import it with --what debts' };
        } else if (missing.length) {
          bad = true;
          yield { line: 1, error: `CSV header needs columns: ${missing.join(', ')} (have: ${header.join(', ')})` };
        }
        continue;
      }
      const value: Record<string, string> = {};
      for (const col of CSV_COLUMNS) {
        const j = header.indexOf(col);
        if (j >= 0 && row[j] !== undefined && row[j] !== '') value[col] = unescapeFormula(row[j]!);
      }
      if (!value.kind) value.currency ??= 'INR';
      yield { line: n, value };
    }
  }
  for await (const chunk of chunks) {
    yield* rows(reader.push(chunk));
    if (bad) return;
  }
  yield* rows(reader.end());
}

/** The inverse of csvField's guard: export writes "=cmd" as "'=cmd" so spreadsheets do not run it. */
function unescapeFormula(v: string): string {
  return /^'[=+\-@]/.test(v) ? v.slice(1) : v;
}
