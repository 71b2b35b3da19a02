/**
 * @module debts/transfer
 * Debts as file lines (CSV with a header, or JSON lines after the expenses) and back into a ledger,
 * each once: an entry with a uid already present is recognised; one without (a hand-written CSV) is
 * recognised by its content and how often the file holds it, like expenses.
 */
import { createHash } from 'node:crypto';
import { csvLine, parseCsv } from '../ledger/io/csv.js';
import { DEBT_COLUMNS, DEBT_KIND, debtToRecord, recordToDebt } from './io.js';
import { personKey, type Debt, type DebtRepository } from './repo.js';

export interface DebtImportResult {
  added: number;
  present: number;
  rejected: number;
}

/** The owner's live entries as file lines: CSV with a header, or JSON lines ({"kind":"debt",…}). */
export async function debtLines(repo: DebtRepository, owner: string, format: 'csv' | 'jsonl'): Promise<string[]> {
  const out: string[] = format === 'csv' ? [DEBT_COLUMNS.join(',')] : [];
  const entries: Debt[] = await repo.entries(owner);
  for (const d of entries) {
    const r = debtToRecord(d, d.expenseId !== null ? await repo.expenseUid(d.expenseId) : null);
    out.push(format === 'csv' ? csvLine(DEBT_COLUMNS.map((c) => r[c])) : JSON.stringify({ kind: DEBT_KIND, ...r }));
  }
  return out;
}

/** Debt records parsed from a debts CSV (header row naming the columns, any order). */
export function debtCsvRecords(text: string): { line: number; value: Record<string, string> }[] {
  const rows = parseCsv(text);
  const header = (rows[0] ?? []).map((h) => h.trim().replace(/^\uFEFF/, '').toLowerCase());
  return rows.slice(1).flatMap((row, k) => {
    if (row.every((c) => c.trim() === '')) return [];
    const value: Record<string, string> = {};
    header.forEach((h, j) => {
      if (row[j] !== undefined && row[j] !== '') value[h] = /^'[=+\-@]/.test(row[j]!) ? row[j]!.slice(1) : row[j]!;
    });
    return [{ line: k + 2, value }];
  });
}

/** Imports debt records; a share names its expense by uid (imported first). Bad records are reported and skipped. */
export async function importDebts(
  repo: DebtRepository,
  records: readonly { line: number; value: unknown }[],
  o: { owner: string; now: string; onRejected?(line: number, error: string): void },
): Promise<DebtImportResult> {
  const res: DebtImportResult = { added: 0, present: 0, rejected: 0 };
  const seen = new Map<string, number>();
  for (const r of records) {
    const v = recordToDebt(r.value);
    if (!v.ok) {
      res.rejected++;
      o.onRejected?.(r.line, v.error);
      continue;
    }
    const expenseId = v.expenseUid ? await repo.expenseByUid(o.owner, v.expenseUid) : null;
    if (v.expenseUid && expenseId === null) {
      res.rejected++;
      o.onRejected?.(r.line, `debt: no expense with uid ${v.expenseUid} (import the expenses first)`);
      continue;
    }
    const d = v.debt;
    // Without a uid, the content and its occurrence in the file are the identity (a re-import records nothing twice).
    let messageId: string | null = null;
    if (!v.uid) {
      const key = JSON.stringify([d.date, personKey(d.person), d.kind, d.amountMinor, d.currency, v.expenseUid]);
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      messageId = `import-debt:${createHash('sha256').update(`${o.owner}\u0000${key}`).digest('hex').slice(0, 32)}#${n}`;
    }
    const { duplicate } = await repo.record([{ ...d, expenseId }], { owner: o.owner, messageId, now: o.now, uids: [v.uid] });
    if (duplicate) res.present++;
    else res.added++;
  }
  return res;
}
