/**
 * @module test/support/ledgers
 * Test and benchmark helpers: load eval-format records ({date, amount, currency, category, item,
 * merchant, note}) straight into a ledger, without the categorizer (rows keep the category given),
 * and read the project's own evaluation ledgers from test/data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openRepositories, type Repositories } from '../../src/app/repositories.js';
import type { ExpenseRepository } from '../../src/ledger/expenses.js';
import { recordToDraft, type Categorizer } from '../../src/ledger/io/records.js';
import type { SqliteStore } from '../../src/ledger/sqlite/open.js';
import { answerJson, type QueryResultJson } from '../../src/cli/answer-json.js';
import { answerPlan, answerQuestion, type Answer, type AnswerResult, type QueryContext, type QueryConversation } from '../../src/query/answer.js';
import type { ExpenseQueries } from '../../src/query/execute.js';
import type { ConceptSource } from '../../src/query/resolve.js';
import type { QueryPlan } from '../../src/query/types.js';

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
export async function loadRecords(expenses: Pick<ExpenseRepository, 'record'>, records: EvalRecord[], owner = 'me', idPrefix = 'rec', categorize?: Categorizer): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, raw] of records.entries()) {
    const r = recordToDraft(raw, categorize ?? (() => ({ primary: 'other', detail: null })));
    if (!r.ok) throw new Error(`record ${i}: ${r.error}`);
    const { expenses: stored } = await expenses.record([r.draft], { owner, source: 'import', messageId: `${idPrefix}:${owner}:${i}`, now: '2026-01-01T00:00:00Z' });
    ids.push(stored[0]!.id);
  }
  return ids;
}

/** Reads an eval-format ledger from test/data (e.g. "ledger-own2.jsonl"). */
export function readTestLedger(name: string): EvalRecord[] {
  const file = fileURLToPath(new URL(`../data/${name}`, import.meta.url));
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalRecord);
}

/**
 * A real SQLite ledger in a fresh temp dir holding `records` for owner "me" (categorized like
 * `import` when a categorizer is given). `dispose()` closes it and removes the dir.
 */
export async function openTempLedger(records: EvalRecord[], idPrefix: string, categorize?: Categorizer): Promise<{ opened: Repositories & { store: SqliteStore }; dispose(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `munshi-${idPrefix}-`));
  const opened = await openRepositories(path.join(dir, 'ledger.db'));
  await loadRecords(opened.expenses, records, 'me', idPrefix, categorize);
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

/** An answer with its result in the evaluation's JSON shape (major units), as the `ask` CLI prints it. */
export function evalView<A extends { result: AnswerResult }>(a: A): Omit<A, 'result'> & { result: QueryResultJson } {
  return { ...a, result: answerJson(a.result) };
}

/** An answer as the evaluation sees it. */
export type EvalAnswer = ReturnType<typeof evalView<Answer>>;

/** answerQuestion, seen as the evaluation sees it. */
export async function askEval(queries: ExpenseQueries, text: string, ctx: QueryContext, conversation?: QueryConversation) {
  return evalView(await answerQuestion(queries, text, ctx, conversation));
}

/** answerPlan, seen as the evaluation sees it. */
export async function planEval(queries: ExpenseQueries, plan: QueryPlan, ctx: QueryContext, conversation?: QueryConversation) {
  return evalView(await answerPlan(queries, plan, ctx, conversation));
}
