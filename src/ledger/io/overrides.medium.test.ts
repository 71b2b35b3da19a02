/**
 * Category corrections move with a ledger (issue 17, item 6), on real ledger files: a JSON-lines
 * export carries the owner's overrides after the expenses, an import into a fresh ledger teaches
 * them again and files an uncategorised row by them, and importing the same file twice doubles
 * nothing. CSV carries them too, as rows after the expenses (kind "override").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRepositories } from '../../app/repositories.js';
import { categorize } from '../../categories/index.js';
import { exportLines, importText } from './transfer.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-overrides-io-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('overrides across export and import', () => {
  it('travel in JSON lines, are taught again once, and file rows without a category', async () => {
    const a = await openRepositories(path.join(dir, 'a.db'));
    await a.expenses.record([{ amountMinor: 3000, currency: 'INR', category: 'shopping', detail: null, item: 'maggi', merchant: null, note: null, date: '2026-01-15' }], { owner: 'me', source: 'text', messageId: 'wa:1', now: '2026-01-15T10:00:00Z' });
    await a.preferences.setOverride('me', 'maggi', 'shopping', null, '2026-01-15T10:00:00Z');
    await a.preferences.setOverride('me', 'Red Bull', 'food', 'snacks', '2026-01-15T10:00:00Z');
    const rows = await a.expenses.between({ owner: 'me' });
    const jsonl = [...exportLines(rows, 'jsonl', (await a.preferences.overrides('me')).values())];
    const csv = [...exportLines(rows, 'csv', (await a.preferences.overrides('me')).values())];
    await a.close();
    expect(jsonl.slice(1)).toEqual(['{"kind":"override","key":"maggi","category":"shopping"}', '{"kind":"override","key":"red bull","category":"food/snacks"}']);
    expect(csv).toEqual([
      'date,amount,currency,category,item,merchant,note,uid,kind,key',
      expect.stringMatching(/^2026-01-15,30,INR,shopping,maggi,,,[0-9a-f]{24},,$/),
      ',,,shopping,,,,,override,maggi',
      ',,,food/snacks,,,,,override,red bull',
    ]);

    const b = await openRepositories(path.join(dir, 'b.db'));
    const taught: string[] = [];
    const opts = {
      format: 'jsonl' as const, owner: 'me', now: '2026-01-16T00:00:00Z',
      categorize: (i: Parameters<typeof categorize>[0]) => categorize(i, undefined),
      onOverride: async (o: { key: string; category: 'shopping' | 'food'; detail: string | null }) => {
        taught.push(o.key);
        await b.preferences.setOverride('me', o.key, o.category, o.detail, '2026-01-16T00:00:00Z');
      },
    };
    // A row of another file with no category, after the corrections arrived: filed the taught way.
    const extra = '{"date":"2026-01-16","amount":99,"currency":"INR","item":"red bull"}';
    expect(await importText(b.expenses, [...jsonl, extra].join('\n'), { ...opts, categorize: (i) => categorize(i, taughtSoFar()) })).toEqual({ added: 2, present: 0, rejected: 0 });
    function taughtSoFar() {
      return new Map(taught.map((k) => [k, k === 'maggi' ? { key: k, category: 'shopping' as const, detail: null } : { key: k, category: 'food' as const, detail: 'snacks' }]));
    }
    expect(await importText(b.expenses, jsonl.join('\n'), opts)).toEqual({ added: 0, present: 1, rejected: 0 });
    expect([...(await b.preferences.overrides('me')).values()]).toEqual([
      { key: 'maggi', category: 'shopping', detail: null },
      { key: 'red bull', category: 'food', detail: 'snacks' },
    ]);
    expect((await b.expenses.between({ owner: 'me' })).map((e) => [e.item, e.category, e.detail])).toEqual([['maggi', 'shopping', null], ['red bull', 'food', 'snacks']]);
    // A bad correction line is rejected with a reason, the rest goes on.
    const bad: string[] = [];
    expect(await importText(b.expenses, '{"kind":"override","key":"x","category":"spaceships"}', { ...opts, onRejected: (_l, e) => bad.push(e) })).toEqual({ added: 0, present: 0, rejected: 1 });
    expect(bad[0]).toMatch(/category/);
    await b.close();
  });

  it('travel in CSV too: a fresh ledger learns them, files rows by them, and a second import adds nothing', async () => {
    const a = await openRepositories(path.join(dir, 'c.db'));
    await a.expenses.record([{ amountMinor: 4500, currency: 'INR', category: 'food', detail: 'snacks', item: 'red bull', merchant: null, note: null, date: '2026-01-15' }], { owner: 'me', source: 'text', messageId: 'wa:2', now: '2026-01-15T10:00:00Z' });
    // "that was snacks" on a Red Bull, and "that was shopping" on Maggi, at the level the owner named.
    await a.preferences.setOverride('me', 'red bull', 'food', 'snacks', '2026-01-15T10:00:00Z');
    await a.preferences.setOverride('me', 'maggi', 'shopping', null, '2026-01-15T10:00:00Z');
    const csv = [...exportLines(await a.expenses.between({ owner: 'me' }), 'csv', (await a.preferences.overrides('me')).values())];
    await a.close();
    expect(csv.slice(2)).toEqual([',,,shopping,,,,,override,maggi', ',,,food/snacks,,,,,override,red bull']);

    const b = await openRepositories(path.join(dir, 'd.db'));
    const overrides = await b.preferences.overrides('me');
    const opts = {
      format: 'csv' as const, owner: 'me', now: '2026-01-16T00:00:00Z',
      categorize: (i: Parameters<typeof categorize>[0]) => categorize(i, overrides),
      onOverride: async (o: { key: string; category: 'shopping' | 'food'; detail: string | null }) => {
        await b.preferences.setOverride('me', o.key, o.category, o.detail, '2026-01-16T00:00:00Z');
        overrides.set(o.key, o);
      },
    };
    expect(await importText(b.expenses, csv.join('\n'), opts)).toEqual({ added: 1, present: 0, rejected: 0 });
    expect([...(await b.preferences.overrides('me')).values()].sort((x, y) => x.key.localeCompare(y.key))).toEqual([
      { key: 'maggi', category: 'shopping', detail: null },
      { key: 'red bull', category: 'food', detail: 'snacks' },
    ]);
    // A bank's CSV imported afterwards, without categories: filed the way the owner taught.
    expect(await importText(b.expenses, 'date,amount,item\n2026-01-17,60,Maggi\n', opts)).toEqual({ added: 1, present: 0, rejected: 0 });
    expect(await importText(b.expenses, csv.join('\n'), opts)).toEqual({ added: 0, present: 1, rejected: 0 });
    expect((await b.expenses.between({ owner: 'me' })).map((e) => [e.item, e.category, e.detail])).toEqual([['red bull', 'food', 'snacks'], ['Maggi', 'shopping', null]]);
    await b.close();
  });
});
