/**
 * Scores munshi's own question sets (test/data/queries-own*.jsonl over test/data/ledger-own*.jsonl,
 * eval format, other wording and merchants than the sample) with the evaluation's rules: totals and
 * counts for sums, (date, amount) sets or orders for lists and rankings, numbers in the text for
 * averages and comparisons, item groups for concept questions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../app/repositories.js';
import { categorize } from '../categories/index.js';
import type { OwnerSettings } from '../core/types.js';
import { newConversation } from './answer.js';
import { askEval, loadRecords, type EvalAnswer, type EvalRecord } from '../../test/support/ledgers.js';

const here = path.dirname(new URL(import.meta.url).pathname);
const readJsonl = <T>(f: string): T[] => fs.readFileSync(path.join(here, '../../test/data', f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

interface Q { id: string; question: string; kind: string; expect: Record<string, any> }
const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const now = new Date('2026-01-15T14:00:00Z');
const norm = (s: unknown) => String(s ?? '').toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, '');

/** The evaluation's pass rule, as score.mjs applies it; returns why an answer fails. */
function check(q: Q, a: EvalAnswer): string[] {
  const why: string[] = [];
  const ex = q.expect, res = a.result;
  if ('total' in ex && !(Math.abs(Number(res.total) - ex.total) <= 0.01)) why.push(`total ${ex.total} ≠ ${res.total}`);
  if ('count' in ex && res.count !== ex.count) why.push(`count ${ex.count} ≠ ${res.count}`);
  if ('match' in ex) {
    const got = res.expenses.map((e) => `${e.date}|${e.amount}`);
    const want = (ex.match as { date: string; amount: number }[]).map((m) => `${m.date}|${m.amount}`);
    if (ex.ordered ? got.join(',') !== want.join(',') : [...got].sort().join(',') !== [...want].sort().join(',')) why.push(`rows ${want.join(',')} ≠ ${got.join(',')}`);
  }
  if ('numbers' in ex) {
    const nums = [...a.reply.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));
    if (res.total !== null) nums.push(res.total);
    for (const n of ex.numbers as number[]) if (!nums.some((c) => Math.abs(c - n) <= (ex.tol ?? 0.01))) why.push(`number ${n} not in "${a.reply}"`);
  }
  if ('items_any_of' in ex) {
    const items = res.expenses.map((e) => norm(e.item));
    for (const g of ex.items_any_of as string[][]) if (!items.some((it) => g.some((t) => it.includes(norm(t))))) why.push(`no item of ${g.join('/')}`);
    for (const t of (ex.exclude_items ?? []) as string[]) if (items.some((it) => it.includes(norm(t)))) why.push(`excluded item ${t} returned`);
  }
  return why;
}

// Each set runs as the CLI runs it: one conversation across its lines, so a question that is
// wrongly taken for a follow-up of the one before fails here too.
for (const set of ['own', 'own2'] as const) {
  describe(`${set} question set`, () => {
    let dir: string;
    let opened: Repositories;
    let conversation = newConversation();
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), `munshi-${set}-set-`));
      opened = await openRepositories(path.join(dir, 'ledger.db'));
      await loadRecords(opened.expenses, readJsonl<EvalRecord>(`ledger-${set}.jsonl`), 'me', set, categorize);
    });
    afterAll(async () => {
      await opened.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const qs = readJsonl<Q>(`queries-${set}.jsonl`);
    it('has questions', () => expect(qs.length).toBeGreaterThanOrEqual(40));
    for (const q of qs) {
      it(`[${q.id}] ${q.question}`, async () => {
        const a = await askEval(opened.queries, q.question, { owner: 'me', now, settings }, conversation);
        conversation = a.conversation;
        expect(check(q, a), a.reply).toEqual([]);
      });
    }
  });
}
