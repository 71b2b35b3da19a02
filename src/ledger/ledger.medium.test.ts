/**
 * The expense and preference repositories, as one contract run against both adapters: the real
 * SQLite file in a temp dir (real migrations) and the in-memory fake the unit tests use. A fake
 * that drifts from SQLite fails here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { memoryRepositories, openRepositories, type Repositories } from '../app/repositories.js';
import type { ExpenseDraft } from '../core/types.js';
import { overrideKey } from './preferences.js';
import type { SqliteStore } from './sqlite/open.js';

const draft = (over: Partial<ExpenseDraft> = {}): ExpenseDraft => ({
  amountMinor: 2000, currency: 'INR', category: 'food', detail: 'tea', item: 'chai', merchant: null, note: null, date: '2026-01-15', ...over,
});
const meta = (messageId: string | null, owner = 'me', now = '2026-01-15T14:00:00.000Z') => ({ owner, source: 'text' as const, messageId, now });

let dir: string;
const adapters: [string, () => Promise<Repositories>][] = [
  ['sqlite', () => openRepositories(path.join(dir, 'nested', 'munshi.db'))],
  ['memory', async () => memoryRepositories()],
];

describe.each(adapters)('expense and preference repositories (%s)', (_name, open) => {
  let repos: Repositories;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-ledger-'));
    repos = await open();
  });
  afterEach(async () => {
    await repos.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('records a message once, however often it is delivered', async () => {
    const first = await repos.expenses.record([draft(), draft({ item: 'samosa', amountMinor: 3000, detail: 'snacks' })], meta('wa:1'));
    expect(first.duplicate).toBe(false);
    expect(first.expenses.map((e) => e.item)).toEqual(['chai', 'samosa']);
    const again = await repos.expenses.record([draft()], meta('wa:1'));
    expect(again.duplicate).toBe(true);
    expect(again.expenses.map((e) => e.id)).toEqual(first.expenses.map((e) => e.id));
    expect(await repos.expenses.count()).toBe(2);
  });

  it('records content with a source key once across messages, per owner, until it is undone', async () => {
    const first = await repos.expenses.record([draft()], { ...meta('wa:10'), sourceKey: 'alert:ref:612345678901' });
    const again = await repos.expenses.record([draft()], { ...meta('wa:11'), sourceKey: 'alert:ref:612345678901' });
    expect(again.duplicate).toBe(true);
    expect(again.expenses.map((e) => e.id)).toEqual(first.expenses.map((e) => e.id));
    expect(again.expenses[0]!.messageId).toBe('wa:10');
    const other = await repos.expenses.record([draft()], { ...meta('wa:12'), owner: 'mom', sourceKey: 'alert:ref:612345678901' });
    expect(other.duplicate).toBe(false);
    await repos.expenses.softDelete(first.expenses.map((e) => e.id), '2026-01-15T15:00:00Z');
    const afterUndo = await repos.expenses.record([draft()], { ...meta('wa:13'), sourceKey: 'alert:ref:612345678901' });
    expect(afterUndo.duplicate).toBe(false);
    expect(await repos.expenses.count('me')).toBe(1);
  });

  it('keeps amounts as exact integers and rejects non-positive ones', async () => {
    await repos.expenses.record([draft({ amountMinor: 83917 })], meta('a'));
    const [e] = await repos.expenses.recent('me', 1);
    expect(e!.amountMinor).toBe(83917);
    await expect(repos.expenses.record([draft({ amountMinor: 0 })], meta('b'))).rejects.toThrow();
    await expect(repos.expenses.record([draft({ amountMinor: -500 })], meta('c'))).rejects.toThrow();
    // A message with one bad part records none of it.
    await expect(repos.expenses.record([draft(), draft({ amountMinor: -1 })], meta('d'))).rejects.toThrow();
    expect(await repos.expenses.count()).toBe(1);
  });

  it('stores hostile text verbatim and harmlessly', async () => {
    const item = "'); DROP TABLE expenses; -- <script>alert(1)</script>";
    await repos.expenses.record([draft({ item })], meta('x'));
    const [e] = await repos.expenses.recent('me', 1);
    expect(e!.item).toBe(item);
    expect(await repos.expenses.count()).toBe(1);
  });

  it('soft-deletes for undo, once', async () => {
    const { expenses } = await repos.expenses.record([draft()], meta('u'));
    expect(await repos.expenses.softDelete([expenses[0]!.id], '2026-01-15T15:00:00Z')).toBe(1);
    expect(await repos.expenses.softDelete([expenses[0]!.id], '2026-01-15T15:00:00Z')).toBe(0);
    expect(await repos.expenses.count()).toBe(0);
    expect(await repos.expenses.recent('me', 5)).toEqual([]);
    expect((await repos.expenses.get(expenses[0]!.id))!.deletedAt).toBe('2026-01-15T15:00:00Z');
  });

  it('updates an expense, and what questions find by its words', async () => {
    const { expenses } = await repos.expenses.record([draft()], meta('e'));
    const u = await repos.expenses.update(expenses[0]!.id, { amountMinor: 6000, item: 'masala chai' }, '2026-01-15T15:00:00Z');
    expect(u).toMatchObject({ amountMinor: 6000, item: 'masala chai', updatedAt: '2026-01-15T15:00:00Z' });
    expect(await repos.queries.literalExists('me', ['masala'])).toBe(true);
    expect(await repos.expenses.update(999_999, { amountMinor: 1 }, 'now')).toBeNull();
  });

  it('hands over a range a page at a time: the same live rows in the same (date, id) order as between, pages splitting one day', async () => {
    const dates = ['2026-01-03', '2026-01-01', '2026-01-02', '2026-01-02', '2026-01-02', '2026-01-02', '2026-01-05', '2026-01-02', '2026-01-04'];
    const ids: number[] = [];
    for (const [i, date] of dates.entries()) ids.push(...(await repos.expenses.record([draft({ date, amountMinor: 100 + i })], meta(`p${i}`))).expenses.map((e) => e.id));
    await repos.expenses.record([draft({ date: '2026-01-02' })], meta('other', 'spouse'));
    await repos.expenses.softDelete([ids[3]!], '2026-01-15T15:00:00.000Z');
    for (const range of [{ owner: 'me' }, { owner: 'me', from: '2026-01-02', to: '2026-01-04' }, {}]) {
      const all = await repos.expenses.between(range);
      for (const pageSize of [1, 2, 3, 1000]) {
        const seen: { id: number; date: string }[] = [];
        const n = await repos.expenses.eachBetween({ ...range, pageSize }, (e) => seen.push({ id: e.id, date: e.date }));
        expect(n).toBe(all.length);
        expect(seen).toEqual(all.map((e) => ({ id: e.id, date: e.date })));
      }
    }
    expect((await repos.expenses.between({ owner: 'me', from: '2026-01-02', to: '2026-01-04' })).length).toBe(6);
  });

  it('keeps owners apart, filters by date range, and lists owners who spent', async () => {
    await repos.expenses.record([draft({ date: '2026-01-01' })], meta('o1', 'me', '2026-01-01T10:00:00.000Z'));
    await repos.expenses.record([draft({ date: '2026-01-10', merchant: 'Chaayos' })], meta('o2', 'me'));
    await repos.expenses.record([draft({ date: '2026-01-10', item: 'bread' })], meta('o3', 'spouse', '2026-01-20T10:00:00.000Z'));
    expect(await repos.expenses.count('me')).toBe(2);
    expect(await repos.expenses.count()).toBe(3);
    expect((await repos.expenses.between({ owner: 'me', from: '2026-01-05' })).length).toBe(1);
    expect((await repos.expenses.between({})).map((e) => e.date)).toEqual(['2026-01-01', '2026-01-10', '2026-01-10']);
    expect(await repos.expenses.firstDate('me')).toBe('2026-01-01');
    expect(await repos.expenses.firstDate('nobody')).toBeNull();
    expect(await repos.expenses.owners({ from: '2026-01-05', to: '2026-01-31' })).toEqual(['me', 'spouse']);
    expect(await repos.expenses.owners({ from: '2026-01-05', to: '2026-01-31', recordedBy: new Date('2026-01-16T00:00:00Z') })).toEqual(['me']);
    const texts = await repos.expenses.distinctTexts();
    expect(texts.items.sort()).toEqual(['bread', 'chai']);
    expect(texts.merchants).toEqual(['Chaayos']);
  });

  it('sums exactly what a budget counts: owner, currency, dates, category', async () => {
    await repos.expenses.record([draft({ amountMinor: 1001 }), draft({ amountMinor: 2002, category: 'transport', detail: 'fuel' })], meta('s1'));
    await repos.expenses.record([draft({ amountMinor: 4004, currency: 'USD' })], meta('s2'));
    const gone = await repos.expenses.record([draft({ amountMinor: 8008 })], meta('s3'));
    await repos.expenses.softDelete([gone.expenses[0]!.id], 'now');
    const f = { owner: 'me', currency: 'INR', from: '2026-01-01', to: '2026-01-31' };
    expect(await repos.expenses.spent(f)).toBe(3003);
    expect(await repos.expenses.spent({ ...f, category: 'food' })).toBe(1001);
    expect(await repos.expenses.spent({ ...f, category: 'food', detail: 'coffee' })).toBe(0);
    expect(await repos.expenses.spent({ ...f, from: '2026-01-16' })).toBe(0);
  });

  it('remembers category corrections and settings per owner', async () => {
    await repos.preferences.setOverride('me', 'Bharat Petroleum', 'transport', 'fuel', 'now');
    await repos.preferences.setOverride('me', 'bharat  petroleum!', 'transport', null, 'later');
    await repos.preferences.setOverride('me', '  !! ', 'transport', null, 'later');
    const o = await repos.preferences.overrides('me');
    expect(o.get(overrideKey('BHARAT PETROLEUM'))).toEqual({ key: 'bharat petroleum', category: 'transport', detail: null });
    expect(o.size).toBe(1);
    expect((await repos.preferences.overrides('spouse')).size).toBe(0);
    await repos.preferences.setSetting('me', 'currency', 'USD');
    await repos.preferences.setSetting('me', 'currency', 'EUR');
    expect(await repos.preferences.settings('me')).toEqual({ currency: 'EUR' });
    expect(await repos.preferences.settings('spouse')).toEqual({});
  });
});

describe('the SQLite file', () => {
  let repos: Repositories & { store: SqliteStore };
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-ledger-'));
    repos = await openRepositories(path.join(dir, 'nested', 'munshi.db'));
  });
  afterEach(async () => {
    await repos.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is created with WAL and foreign keys on', async () => {
    expect(fs.existsSync(path.join(dir, 'nested', 'munshi.db'))).toBe(true);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(repos.store.db);
    expect(mode.rows[0]!.journal_mode).toBe('wal');
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(repos.store.db);
    expect(fk.rows[0]!.foreign_keys).toBe(1);
  });

  it('keeps the search text current on update', async () => {
    const { expenses } = await repos.expenses.record([draft()], meta('e'));
    await repos.expenses.update(expenses[0]!.id, { item: 'masala chai' }, 'now');
    const row = await repos.store.db.selectFrom('expenses').select('search_text').where('id', '=', expenses[0]!.id).executeTakeFirstOrThrow();
    expect(row.search_text).toBe('masala chai');
  });

  it('reopens an existing file without re-running migrations, under the names it shipped with', async () => {
    await repos.expenses.record([draft()], meta('r'));
    const file = repos.store.file;
    await repos.close();
    repos = await openRepositories(file);
    expect(await repos.expenses.count()).toBe(1);
    const names = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(repos.store.db);
    expect(names.rows.map((r) => r.name)).toEqual(['0001_ledger', '0002_inbox', '0003_schedule', '0004_vectors', '0006_query_indexes', '0010_inbox_seq', '0011_ledger_identity', '0012_web', '0013_source_keys', '0014_debts', '0015_ledger_scale']);
  });
});
