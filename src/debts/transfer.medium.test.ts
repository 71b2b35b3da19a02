/**
 * Debts and shares in and out of files on real SQLite ledgers: an export imported into another
 * ledger gives the same balances and links each share to its expense again; importing it twice,
 * or a hand-written CSV twice, records nothing twice; a bad row changes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../app/repositories.js';
import { exportLines, importText } from '../ledger/io/transfer.js';
import { debtCsvRecords, debtLines, importDebts } from './transfer.js';

const NOW = '2026-01-15T14:00:00.000Z';
let dir: string;
let a: Repositories;
let b: Repositories;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-debt-io-'));
  a = await openRepositories(path.join(dir, 'a.db'));
  b = await openRepositories(path.join(dir, 'b.db'));
});
afterEach(async () => {
  await a.close();
  await b.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const categorize = () => ({ primary: 'food' as const, detail: null });

describe('debts through files', () => {
  it('a JSON-lines ledger moves with its shares linked and its balances exact; a second import adds nothing', async () => {
    const { expenses: [dinner] } = await a.expenses.record(
      [{ amountMinor: 33334, currency: 'INR', category: 'food', detail: 'meals', item: 'dinner', merchant: null, note: 'dinner 1000 split with Rahul and Priya', date: '2026-01-15' }],
      { owner: 'me', source: 'text', messageId: 'm1', now: NOW },
    );
    await a.debts.record(
      [
        { person: 'Rahul', kind: 'share', amountMinor: 33333, currency: 'INR', date: '2026-01-15', expenseId: dinner!.id, note: null },
        { person: 'Priya', kind: 'share', amountMinor: 33333, currency: 'INR', date: '2026-01-15', expenseId: dinner!.id, note: null },
      ],
      { owner: 'me', messageId: 'm1#shares', now: NOW },
    );
    await a.debts.record([{ person: 'Dad', kind: 'borrowed', amountMinor: -100050, currency: 'INR', date: '2026-01-10', expenseId: null, note: 'borrowed 1000.50 from dad' }], { owner: 'me', messageId: 'm2', now: NOW });

    const file = [...exportLines(await a.expenses.between({ owner: 'me' }), 'jsonl'), ...(await debtLines(a.debts, 'me', 'jsonl'))].join('\n');
    for (let round = 0; round < 2; round++) {
      const debts: { line: number; value: unknown }[] = [];
      await importText(b.expenses, file, { format: 'jsonl', owner: 'me', now: NOW, categorize, onOther: (line, value) => debts.push({ line, value }) });
      const r = await importDebts(b.debts, debts, { owner: 'me', now: NOW });
      expect(r).toEqual(round === 0 ? { added: 3, present: 0, rejected: 0 } : { added: 0, present: 3, rejected: 0 });
    }
    expect(await b.debts.balances('me')).toEqual(await a.debts.balances('me'));
    // The shares follow their expense: undoing it in the new ledger removes them.
    const [moved] = await b.expenses.between({ owner: 'me' });
    await b.expenses.softDelete([moved!.id], NOW);
    expect((await b.debts.balances('me')).map((x) => x.person)).toEqual(['Dad']);
  });

  it('a hand-written debts CSV is imported once, its bad rows reported', async () => {
    const csv = 'Date,Person,Entry,Amount,Currency,Note\n2026-01-02,Ramesh,lent,500,INR,for rent\n2026-01-05,Ramesh,paid_back_to_me,-300,inr,\n2026-01-06,Ramesh,stole,5,INR,\n2026-01-06,,lent,5,INR,\n2026-01-07,Sunita,lent,0,INR,\n';
    const rejected: string[] = [];
    const first = await importDebts(b.debts, debtCsvRecords(csv), { owner: 'me', now: NOW, onRejected: (l, e) => rejected.push(`${l}: ${e}`) });
    expect(first).toEqual({ added: 2, present: 0, rejected: 3 });
    expect(rejected.map((r) => r.split(':')[0])).toEqual(['4', '5', '6']);
    const again = await importDebts(b.debts, debtCsvRecords(csv), { owner: 'me', now: NOW });
    expect(again).toMatchObject({ added: 0, present: 2 });
    expect(await b.debts.balances('me')).toEqual([{ personKey: 'ramesh', person: 'Ramesh', currency: 'INR', amountMinor: 20000 }]);
  });

  it('the debts CSV round-trips and is refused as an expenses file', async () => {
    await a.debts.record([{ person: 'Sunita', kind: 'lent', amountMinor: 200000, currency: 'INR', date: '2026-01-03', expenseId: null, note: 'rent, "urgent"' }], { owner: 'me', messageId: 'm1', now: NOW });
    const csv = (await debtLines(a.debts, 'me', 'csv')).join('\n');
    expect(csv.split('\n')[0]).toBe('date,person,entry,amount,currency,expense_uid,note,uid');
    const asExpenses = await importText(b.expenses, csv, { format: 'csv', owner: 'me', now: NOW, categorize });
    expect(asExpenses).toMatchObject({ added: 0, rejected: 1 });
    expect(await importDebts(b.debts, debtCsvRecords(csv), { owner: 'me', now: NOW })).toEqual({ added: 1, present: 0, rejected: 0 });
    expect((await b.debts.entries('me'))[0]).toMatchObject({ person: 'Sunita', amountMinor: 200000, note: 'rent, "urgent"' });
  });
});
