/**
 * @module query/testing
 * Test and benchmark helpers: load eval-format records ({date, amount, currency, category, item,
 * merchant, note}) straight into a ledger, without the categorizer (rows keep the category given).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { openDatabase, type OpenedDb } from '../ledger/sqlite/open.js';
import type { Database } from '../ledger/schema.js';
import { recordExpenses } from '../ledger/expenses.js';
import { recordToDraft, type Categorizer } from '../ledger/io/records.js';
import type { ConceptSource } from './resolve.js';

export interface EvalRecord {
  date: string;
  amount: number;
  currency: string;
  category: string;
  item?: string | null;
  merchant?: string | null;
  note?: string | null;
}

/**
 * Records eval-format rows for an owner, one message id per row. Returns the new row ids. Without a
 * categorizer rows keep exactly the category given; with one, details are learned as `import` does.
 */
export async function loadRecords(db: Kysely<Database>, records: EvalRecord[], owner = 'me', idPrefix = 'rec', categorize?: Categorizer): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, raw] of records.entries()) {
    const r = recordToDraft(raw, categorize ?? (() => ({ primary: 'other', detail: null })));
    if (!r.ok) throw new Error(`record ${i}: ${r.error}`);
    const { expenses } = await recordExpenses(db, [r.draft], { owner, source: 'import', messageId: `${idPrefix}:${owner}:${i}`, now: '2026-01-01T00:00:00Z' });
    ids.push(expenses[0]!.id);
  }
  return ids;
}

/** Reads an eval-format ledger from test/data (e.g. "ledger-own2.jsonl"). */
export function readTestLedger(name: string): EvalRecord[] {
  const file = fileURLToPath(new URL(`../../test/data/${name}`, import.meta.url));
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalRecord);
}

/**
 * A real SQLite ledger in a fresh temp dir holding `records` for owner "me" (categorized like
 * `import` when a categorizer is given). `dispose()` closes it and removes the dir.
 */
export async function openTempLedger(records: EvalRecord[], idPrefix: string, categorize?: Categorizer): Promise<{ opened: OpenedDb; dispose(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `munshi-${idPrefix}-`));
  const opened = await openDatabase(path.join(dir, 'ledger.db'));
  await loadRecords(opened.db, records, 'me', idPrefix, categorize);
  return {
    opened,
    async dispose() {
      await opened.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fixed concept source for tests, shaped like the categories module's concepts. */
export function fixedConcepts(list: { names: string[]; label: string; categories?: { primary: any; detail: string | null }[]; terms: string[]; merchants?: string[] }[]): ConceptSource {
  return {
    resolve(phrase) {
      const p = phrase.toLowerCase();
      const c = list.find((x) => x.names.includes(p) || x.terms.includes(p) || (x.merchants ?? []).map((m) => m.toLowerCase()).includes(p));
      return c ? { label: c.label, categories: c.categories ?? [], terms: c.terms, merchants: c.merchants ?? [], via: 'test' } : null;
    },
    suggest(phrase, limit) {
      return list.map((x) => x.names[0]!).filter((n) => n[0] === phrase[0]).slice(0, limit);
    },
  };
}
