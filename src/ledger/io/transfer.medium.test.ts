/**
 * Import is idempotent by content (issue 17, item 1), on real ledger files: `export` then `import`
 * into the same ledger doubled every record (88 → 176). Now a re-import of an export, CSV or JSONL,
 * in any order, with or without its uid column, adds nothing; a bank's CSV imported twice adds its
 * rows once (two identical rows in it stay two expenses); an export moved into a new ledger keeps
 * its uids; a CSV split across chunks anywhere reads the same. (The CLI round trip and `export | head`
 * are in test/e2e/import-export.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../../app/repositories.js';
import { categorize } from '../../categories/index.js';
import type { ExpenseDraft } from '../../core/types.js';
import { CsvReader, parseCsv } from './csv.js';
import { exportLines, importChunks, importText, type TransferFormat } from './transfer.js';

let dir: string;
let repos: Repositories;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-transfer-'));
  repos = await openRepositories(path.join(dir, 'munshi.db'));
  const d = (item: string, rupees: number, over: Partial<ExpenseDraft> = {}): ExpenseDraft => ({
    amountMinor: rupees * 100, currency: 'INR', category: 'food', detail: null, item, merchant: null, note: null, date: '2026-01-15', ...over,
  });
  // As typed in chat, including the same "chai 20" twice on one day: two real expenses.
  const typed = [d('chai', 20), d('chai', 20), d('petrol', 1200, { category: 'transport', date: '2026-01-14' }), d('lunch', 340, { merchant: 'Cafe, "Bombay"' }), d('=cmd', 30), d('note\nwith newline', 15)];
  for (const [i, x] of typed.entries()) await repos.expenses.record([x], { owner: 'me', source: 'text', messageId: `wa:${i}`, now: '2026-01-15T10:00:00Z' });
});
afterEach(async () => {
  await repos.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const opts = (format: TransferFormat) => ({ format, owner: 'me', now: '2026-01-16T00:00:00Z', categorize });
const exported = async (r: Repositories, format: TransferFormat) => [...exportLines(await r.expenses.between({ owner: 'me' }), format)];
const shuffle = (lines: string[]) => lines.map((l, i) => [((i * 7919) % 101) + i / 1e6, l] as const).sort((a, b) => a[0] - b[0]).map(([, l]) => l);

describe('export → import into the same ledger adds nothing', () => {
  it.each(['csv', 'jsonl'] as const)('%s, in file order and shuffled', async (format) => {
    const lines = await exported(repos, format);
    if (format === 'csv') expect(lines[0]).toBe('date,amount,currency,category,item,merchant,note,uid,kind,key');
    expect(await importText(repos.expenses, lines.join('\n') + '\n', opts(format))).toEqual({ added: 0, present: 6, rejected: 0 });
    const [head, ...rest] = lines;
    const shuffled = format === 'csv' ? [head!, ...shuffle(rest)] : shuffle(lines);
    expect(await importText(repos.expenses, shuffled.join('\n'), opts(format))).toEqual({ added: 0, present: 6, rejected: 0 });
    expect(await repos.expenses.count('me')).toBe(6);
  });

  it('an export without uids (an older one) is recognised by content', async () => {
    const noUid = (await exported(repos, 'jsonl')).map((l) => {
      const { uid: _u, ...rest } = JSON.parse(l);
      return JSON.stringify(rest);
    });
    expect(await importText(repos.expenses, shuffle(noUid).join('\n'), opts('jsonl'))).toEqual({ added: 0, present: 6, rejected: 0 });
    expect(await repos.expenses.count('me')).toBe(6);
  });

  it('a deleted expense stays deleted when an old export is imported again', async () => {
    const lines = await exported(repos, 'csv');
    const [newest] = await repos.expenses.recent('me', 1);
    await repos.expenses.softDelete([newest!.id], 'now', 'undo-1');
    expect((await importText(repos.expenses, lines.join('\n'), opts('csv'))).added).toBe(0);
    expect(await repos.expenses.count('me')).toBe(5);
  });
});

describe('into another ledger', () => {
  it('everything arrives with the same uids; a second import adds nothing', async () => {
    const other = await openRepositories(path.join(dir, 'other.db'));
    try {
      const csv = (await exported(repos, 'csv')).join('\n');
      expect(await importText(other.expenses, csv, opts('csv'))).toEqual({ added: 6, present: 0, rejected: 0 });
      expect(await importText(other.expenses, csv, opts('csv'))).toEqual({ added: 0, present: 6, rejected: 0 });
      const uids = async (r: Repositories) => (await r.expenses.between({ owner: 'me' })).map((e) => e.uid).sort();
      expect(await uids(other)).toEqual(await uids(repos));
      const items = async (r: Repositories) => (await r.expenses.between({ owner: 'me' })).map((e) => `${e.item}|${e.merchant}|${e.amountMinor}`).sort();
      expect(await items(other)).toEqual(await items(repos));
    } finally {
      await other.close();
    }
  });
});

describe("a bank's CSV (no uids)", () => {
  it('imported twice adds its rows once; identical rows in it are separate expenses; one more is one more', async () => {
    const bank = ['Date,Amount,Item,Merchant', '2026-01-03,499,netflix,Netflix', '2026-01-04,20,chai,', '2026-01-04,20,chai,', '2026-01-05,1200,petrol,HP'];
    expect(await importText(repos.expenses, bank.join('\r\n') + '\r\n', opts('csv'))).toEqual({ added: 4, present: 0, rejected: 0 });
    const reordered = [bank[0]!, bank[4]!, bank[2]!, bank[1]!, bank[3]!];
    expect(await importText(repos.expenses, reordered.join('\n'), opts('csv'))).toEqual({ added: 0, present: 4, rejected: 0 });
    expect(await importText(repos.expenses, [...bank, '2026-01-04,20,chai,'].join('\n'), opts('csv'))).toEqual({ added: 1, present: 4, rejected: 0 });
    expect(await repos.expenses.count('me')).toBe(6 + 5);
  });

  it('rejects bad lines with their line numbers and records the rest', async () => {
    const rejected: string[] = [];
    const r = await importText(repos.expenses, 'date,amount\n2026-01-03,abc\nnot-a-date,20\n2026-01-03,20\n', { ...opts('csv'), onRejected: (l, e) => rejected.push(`${l}: ${e}`) });
    expect(r).toEqual({ added: 1, present: 0, rejected: 2 });
    expect(rejected[0]).toMatch(/^2: amount/);
    expect(rejected[1]).toMatch(/^3: date/);
  });
});

describe('streaming', () => {
  it('a CSV split into chunks at every position reads exactly as the whole text', () => {
    const text = 'a,b,c\r\n"x, ""quoted""","multi\nline",3\r\n"",,"end"""\n';
    const whole = parseCsv(text);
    expect(whole).toEqual([['a', 'b', 'c'], ['x, "quoted"', 'multi\nline', '3'], ['', '', 'end"']]);
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j += 3) {
        const r = new CsvReader();
        expect([...r.push(text.slice(0, i)), ...r.push(text.slice(i, j)), ...r.push(text.slice(j)), ...r.end()]).toEqual(whole);
      }
    }
  });

  it('writes in batches as the file arrives', async () => {
    const batches: number[] = [];
    async function* chunks() {
      yield 'date,amount,item\n';
      for (let i = 0; i < 25; i++) yield `2026-02-01,${i + 1},thing ${i}\n`;
    }
    const r = await importChunks(repos.expenses, chunks(), { ...opts('csv'), batch: 10, onProgress: (p) => batches.push(p.added) });
    expect(r.added).toBe(25);
    expect(batches).toEqual([10, 20, 25]);
  });
});

describe("imported rows reach the word index (migration 0015: written set-wise, not by the row trigger)", () => {
  const store = () => (repos as unknown as { store: import('../sqlite/open.js').SqliteStore }).store;
  const words = async (w: string) => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM expenses_fts WHERE expenses_fts MATCH ${w}`.execute(store().db)).rows[0]!.n);
  // FTS5's own check that an external-content index holds exactly what the table's rows say.
  const integrity = () => sql`INSERT INTO expenses_fts(expenses_fts, rank) VALUES ('integrity-check', 1)`.execute(store().db);

  it('every imported row is found by its words, and rows recorded afterwards still are', async () => {
    const rows = Array.from({ length: 1203 }, (_, i) => `2026-02-${String(1 + (i % 28)).padStart(2, '0')},${i + 1},${i % 3 ? 'masala chai' : 'filter coffee'} ${i},Shop ${i % 7},`);
    const r = await importText(repos.expenses, ['date,amount,item,merchant,note', ...rows].join('\n'), { ...opts('csv'), batch: 500 });
    expect(r).toEqual({ added: 1203, present: 0, rejected: 0 });
    await integrity();
    expect(await words('masala')).toBe(802);
    expect(await words('coffee')).toBe(401);
    expect(Number((await sql<{ n: number }>`SELECT count(*) AS n FROM expenses_fts_defer`.execute(store().db)).rows[0]!.n)).toBe(0);
    await repos.expenses.record([{ amountMinor: 5000, currency: 'INR', category: 'food', detail: null, item: 'masala dosa', merchant: null, note: null, date: '2026-02-03' }], { owner: 'me', source: 'text', messageId: 'wa:after', now: '2026-02-03T10:00:00Z' });
    expect(await words('masala')).toBe(803);
    expect(await words('dosa')).toBe(1);
    await integrity();
  });

  it('a batch that fails leaves neither rows, index entries nor the deferral behind', async () => {
    const before = await repos.expenses.count('me');
    const failing = { importBatch: (items: Parameters<typeof repos.expenses.importBatch>[0], meta: Parameters<typeof repos.expenses.importBatch>[1]) => repos.expenses.importBatch(items.map((it, i) => (i === 3 ? { ...it, draft: { ...it.draft, date: null as unknown as string } } : it)), meta) };
    await expect(importText(failing, 'date,amount,item\n2026-02-01,1,alpha\n2026-02-01,2,beta\n2026-02-01,3,gamma\n2026-02-01,4,delta\n', opts('csv'))).rejects.toThrow(/NOT NULL/);
    expect(await repos.expenses.count('me')).toBe(before);
    expect(await words('alpha')).toBe(0);
    expect(Number((await sql<{ n: number }>`SELECT count(*) AS n FROM expenses_fts_defer`.execute(store().db)).rows[0]!.n)).toBe(0);
    await integrity();
  });
});
