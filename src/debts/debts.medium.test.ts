/**
 * The debts repository as one contract, run against the real SQLite file in a temp dir (real
 * migrations, the real join to expenses) and against the in-memory fake the unit tests use.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryRepositories, openRepositories, type Repositories } from '../app/repositories.js';
import type { ExpenseDraft } from '../core/types.js';
import type { NewDebt } from './repo.js';

const NOW = '2026-01-15T14:00:00.000Z';
const debt = (over: Partial<NewDebt> = {}): NewDebt => ({ person: 'Ramesh', kind: 'owes_me', amountMinor: 50000, currency: 'INR', date: '2026-01-15', expenseId: null, note: null, ...over });
const dinner: ExpenseDraft = { amountMinor: 40000, currency: 'INR', category: 'food', detail: 'meals', item: 'dinner', merchant: null, note: 'dinner 1200 split with Rahul and Priya', date: '2026-01-15' };

let dir: string;
const adapters: [string, () => Promise<Repositories>][] = [
  ['sqlite', () => openRepositories(path.join(dir, 'munshi.db'))],
  ['memory', async () => memoryRepositories()],
];

describe.each(adapters)('debts repository (%s)', (_name, open) => {
  let repos: Repositories;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-debts-'));
    repos = await open();
  });
  afterEach(async () => {
    await repos.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sums balances per person and currency, exactly', async () => {
    await repos.debts.record([debt()], { owner: 'me', messageId: 'm1', now: NOW });
    await repos.debts.record([debt({ kind: 'paid_back_to_me', amountMinor: -30000 })], { owner: 'me', messageId: 'm2', now: NOW });
    await repos.debts.record([debt({ person: 'dad', kind: 'borrowed', amountMinor: -100000 })], { owner: 'me', messageId: 'm3', now: NOW });
    await repos.debts.record([debt({ currency: 'USD', amountMinor: 1250 })], { owner: 'me', messageId: 'm4', now: NOW });
    await repos.debts.record([debt({ amountMinor: 99999 })], { owner: 'someone-else', messageId: 'm5', now: NOW });
    expect(await repos.debts.balances('me')).toEqual([
      { personKey: 'ramesh', person: 'Ramesh', currency: 'INR', amountMinor: 20000 },
      { personKey: 'ramesh', person: 'Ramesh', currency: 'USD', amountMinor: 1250 },
      { personKey: 'dad', person: 'dad', currency: 'INR', amountMinor: -100000 },
    ]);
  });

  it('records a message once, however often it is delivered', async () => {
    const a = await repos.debts.record([debt()], { owner: 'me', messageId: 'm1', now: NOW });
    const b = await repos.debts.record([debt()], { owner: 'me', messageId: 'm1', now: NOW });
    expect(a.duplicate).toBe(false);
    expect(b.duplicate).toBe(true);
    expect(b.debts.map((d) => d.id)).toEqual(a.debts.map((d) => d.id));
    expect(await repos.debts.entries('me')).toHaveLength(1);
  });

  it('a share counts only while its expense is live: undoing the split removes its debts', async () => {
    const { expenses: [e] } = await repos.expenses.record([dinner], { owner: 'me', source: 'text', messageId: 'm1', now: NOW });
    await repos.debts.record(
      [debt({ person: 'Rahul', kind: 'share', amountMinor: 40000, expenseId: e!.id }), debt({ person: 'Priya', kind: 'share', amountMinor: 40000, expenseId: e!.id })],
      { owner: 'me', messageId: 'm1#shares', now: NOW },
    );
    expect((await repos.debts.balances('me')).map((b) => [b.person, b.amountMinor])).toEqual([['Priya', 40000], ['Rahul', 40000]]);
    await repos.expenses.softDelete([e!.id], NOW);
    expect(await repos.debts.balances('me')).toEqual([]);
    expect(await repos.debts.entries('me')).toEqual([]);
  });

  it('one key is one person, named as first written', async () => {
    await repos.debts.record([debt({ person: 'Rahul Sharma' })], { owner: 'me', messageId: 'm1', now: NOW });
    await repos.debts.record([debt({ person: 'rahul sharma', amountMinor: 100 })], { owner: 'me', messageId: 'm2', now: NOW });
    await repos.debts.record([debt({ person: 'Rahul Verma' })], { owner: 'me', messageId: 'm3', now: NOW });
    expect(await repos.debts.people('me')).toEqual([{ key: 'rahul sharma', name: 'Rahul Sharma' }, { key: 'rahul verma', name: 'Rahul Verma' }]);
    expect((await repos.debts.entries('me', 'rahul sharma')).map((d) => d.amountMinor)).toEqual([50000, 100]);
  });

  it('undoes what one message recorded and nothing else', async () => {
    await repos.debts.record([debt()], { owner: 'me', messageId: 'm1', now: NOW });
    await repos.debts.record([debt({ amountMinor: 700 })], { owner: 'me', messageId: 'm2', now: NOW });
    const gone = await repos.debts.undoMessage('me', 'm2', NOW);
    expect(gone.map((d) => d.amountMinor)).toEqual([700]);
    expect(await repos.debts.undoMessage('me', 'm2', NOW)).toEqual([]);
    expect((await repos.debts.balances('me'))[0]!.amountMinor).toBe(50000);
  });

  it('refuses an entry of nothing', async () => {
    await expect(repos.debts.record([debt({ amountMinor: 0 })], { owner: 'me', messageId: 'm1', now: NOW })).rejects.toThrow(RangeError);
    await expect(repos.debts.record([debt({ amountMinor: 1.5 })], { owner: 'me', messageId: 'm1', now: NOW })).rejects.toThrow(RangeError);
    expect(await repos.debts.entries('me')).toEqual([]);
  });

  it('recognises imported entries by uid', async () => {
    const a = await repos.debts.record([debt()], { owner: 'me', messageId: null, now: NOW, uids: ['u-1'] });
    const b = await repos.debts.record([debt()], { owner: 'me', messageId: null, now: NOW, uids: ['u-1'] });
    expect(a.debts[0]!.uid).toBe('u-1');
    expect(b.duplicate).toBe(true);
    expect(await repos.debts.entries('me')).toHaveLength(1);
  });

  it('household: sums each payer\'s live expenses in a period', async () => {
    const r1 = await repos.expenses.record([{ ...dinner, amountMinor: 90000 }], { owner: 'home', source: 'text', messageId: 'h1', now: NOW });
    const r2 = await repos.expenses.record([{ ...dinner, amountMinor: 30000 }], { owner: 'home', source: 'text', messageId: 'h2', now: NOW });
    const r3 = await repos.expenses.record([{ ...dinner, amountMinor: 5000, date: '2025-12-31' }], { owner: 'home', source: 'text', messageId: 'h3', now: NOW });
    await repos.debts.setPayer('home', r1.expenses[0]!.id, 'asha');
    await repos.debts.setPayer('home', r2.expenses[0]!.id, 'vikram');
    await repos.debts.setPayer('home', r3.expenses[0]!.id, 'vikram');
    expect(await repos.debts.spentBy('home', '2026-01-01', '2026-01-31')).toEqual([
      { payer: 'asha', currency: 'INR', amountMinor: 90000, count: 1 },
      { payer: 'vikram', currency: 'INR', amountMinor: 30000, count: 1 },
    ]);
    await repos.expenses.softDelete([r1.expenses[0]!.id], NOW);
    expect(await repos.debts.spentBy('home', '2026-01-01', '2026-01-31')).toEqual([{ payer: 'vikram', currency: 'INR', amountMinor: 30000, count: 1 }]);
  });
});
