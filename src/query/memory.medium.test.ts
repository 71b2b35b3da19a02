/**
 * The in-memory query repository (what bot unit tests run on) against the SQLite one (what runs in
 * the appliance): every question of the project's own sets, asked in one conversation as the CLI
 * asks them, must get the same reply and the same result from both, to the paisa.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryRepositories, openRepositories, type Repositories } from '../app/repositories.js';
import { categorize } from '../categories/index.js';
import type { OwnerSettings } from '../core/types.js';
import { loadRecords, readTestLedger } from '../../test/support/ledgers.js';
import { answerQuestion, newConversation, type QueryConversation } from './answer.js';

const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const now = new Date('2026-01-15T14:00:00Z');
const questions = (set: string) =>
  fs.readFileSync(new URL(`../../test/data/queries-${set}.jsonl`, import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { question: string }).question);

for (const set of ['own', 'own2', 'blind2'] as const) {
  describe(`the ${set} questions, SQLite vs in memory`, () => {
    let sqlite: Repositories;
    let memory: Repositories;
    beforeAll(async () => {
      sqlite = await openRepositories(':memory:');
      memory = memoryRepositories();
      const rows = readTestLedger(`ledger-${set}.jsonl`);
      await loadRecords(sqlite.expenses, rows, 'me', set, categorize);
      await loadRecords(memory.expenses, rows, 'me', set, categorize);
      // Someone else's spending and a deleted row must stay out of both.
      await loadRecords(sqlite.expenses, rows.slice(0, 20), 'someone-else', set, categorize);
      await loadRecords(memory.expenses, rows.slice(0, 20), 'someone-else', set, categorize);
      for (const r of [sqlite, memory]) await r.expenses.softDelete([(await r.expenses.recent('me', 1))[0]!.id], 'now');
    });
    afterAll(async () => {
      await sqlite.close();
      await memory.close();
    });

    it('answers every question the same way', async () => {
      let a: QueryConversation = newConversation();
      let b: QueryConversation = newConversation();
      const qs = questions(set);
      expect(qs.length).toBeGreaterThan(30);
      let withNumbers = 0;
      for (const q of qs) {
        const x = await answerQuestion(sqlite.queries, q, { owner: 'me', now, settings }, a);
        const y = await answerQuestion(memory.queries, q, { owner: 'me', now, settings }, b);
        expect(y.reply, q).toBe(x.reply);
        expect(y.result, q).toEqual(x.result);
        if (x.result.count > 0) withNumbers++;
        a = x.conversation;
        b = y.conversation;
      }
      // Not a comparison of two empty answers.
      expect(withNumbers).toBeGreaterThan(qs.length / 2);
    });
  });
}
