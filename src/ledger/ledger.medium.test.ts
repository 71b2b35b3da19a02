/** Medium tier: the real ledger on a real SQLite file in a temp dir, real migrations. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type OpenedDb } from './sqlite/open.js';
import { countExpenses, expensesBetween, recentExpenses, recordExpenses, restore, softDelete, updateExpense } from './expenses.js';
import { loadOverrides, overrideKey, setOverride, getSettings, setSetting } from './preferences.js';
import type { ExpenseDraft } from '../core/types.js';

const draft = (over: Partial<ExpenseDraft> = {}): ExpenseDraft => ({
  amountMinor: 2000, currency: 'INR', category: 'food', detail: 'tea', item: 'chai', merchant: null, note: null, date: '2026-01-15', ...over,
});
const meta = (messageId: string | null, owner = 'me') => ({ owner, source: 'text' as const, messageId, now: '2026-01-15T14:00:00.000Z' });

let dir: string;
let opened: OpenedDb;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-ledger-'));
  opened = await openDatabase(path.join(dir, 'nested', 'munshi.db'));
});
afterEach(async () => {
  await opened.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('ledger on SQLite', () => {
  it('creates the file with WAL and foreign keys on', async () => {
    expect(fs.existsSync(path.join(dir, 'nested', 'munshi.db'))).toBe(true);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(opened.db);
    expect(mode.rows[0]!.journal_mode).toBe('wal');
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(opened.db);
    expect(fk.rows[0]!.foreign_keys).toBe(1);
  });

  it('records a message once, however often it is delivered', async () => {
    const first = await recordExpenses(opened.db, [draft(), draft({ item: 'samosa', amountMinor: 3000, detail: 'snacks' })], meta('wa:1'));
    expect(first.duplicate).toBe(false);
    expect(first.expenses.map((e) => e.item)).toEqual(['chai', 'samosa']);
    const again = await recordExpenses(opened.db, [draft()], meta('wa:1'));
    expect(again.duplicate).toBe(true);
    expect(again.expenses.map((e) => e.id)).toEqual(first.expenses.map((e) => e.id));
    expect(await countExpenses(opened.db)).toBe(2);
  });

  it('keeps amounts as exact integers and rejects non-positive ones at the schema', async () => {
    await recordExpenses(opened.db, [draft({ amountMinor: 83917 })], meta('a'));
    const [e] = await recentExpenses(opened.db, 'me', 1);
    expect(e!.amountMinor).toBe(83917);
    await expect(recordExpenses(opened.db, [draft({ amountMinor: 0 })], meta('b'))).rejects.toThrow();
    await expect(recordExpenses(opened.db, [draft({ amountMinor: -500 })], meta('c'))).rejects.toThrow();
    expect(await countExpenses(opened.db)).toBe(1);
  });

  it('stores hostile text verbatim and harmlessly', async () => {
    const item = "'); DROP TABLE expenses; -- <script>alert(1)</script>";
    await recordExpenses(opened.db, [draft({ item })], meta('x'));
    const [e] = await recentExpenses(opened.db, 'me', 1);
    expect(e!.item).toBe(item);
    expect(await countExpenses(opened.db)).toBe(1);
  });

  it('soft-deletes for undo and can restore', async () => {
    const { expenses } = await recordExpenses(opened.db, [draft()], meta('u'));
    expect(await softDelete(opened.db, [expenses[0]!.id], '2026-01-15T15:00:00Z')).toBe(1);
    expect(await countExpenses(opened.db)).toBe(0);
    expect(await recentExpenses(opened.db, 'me', 5)).toEqual([]);
    await restore(opened.db, [expenses[0]!.id], '2026-01-15T15:01:00Z');
    expect(await countExpenses(opened.db)).toBe(1);
  });

  it('updates the last expense and its search text', async () => {
    const { expenses } = await recordExpenses(opened.db, [draft()], meta('e'));
    const u = await updateExpense(opened.db, expenses[0]!.id, { amountMinor: 6000, item: 'masala chai' }, '2026-01-15T15:00:00Z');
    expect(u!.amountMinor).toBe(6000);
    const row = await opened.db.selectFrom('expenses').select('search_text').where('id', '=', u!.id).executeTakeFirstOrThrow();
    expect(row.search_text).toBe('masala chai');
  });

  it('keeps owners apart and filters by date range', async () => {
    await recordExpenses(opened.db, [draft({ date: '2026-01-01' })], meta('o1', 'me'));
    await recordExpenses(opened.db, [draft({ date: '2026-01-10' })], meta('o2', 'me'));
    await recordExpenses(opened.db, [draft({ date: '2026-01-10' })], meta('o3', 'spouse'));
    expect(await countExpenses(opened.db, 'me')).toBe(2);
    expect((await expensesBetween(opened.db, { owner: 'me', from: '2026-01-05' })).length).toBe(1);
  });

  it('remembers category corrections and settings per owner', async () => {
    await setOverride(opened.db, 'me', 'Bharat Petroleum', 'transport', 'fuel', 'now');
    await setOverride(opened.db, 'me', 'bharat  petroleum!', 'transport', null, 'later');
    const o = await loadOverrides(opened.db, 'me');
    expect(o.get(overrideKey('BHARAT PETROLEUM'))).toEqual({ key: 'bharat petroleum', category: 'transport', detail: null });
    expect((await loadOverrides(opened.db, 'spouse')).size).toBe(0);
    await setSetting(opened.db, 'me', 'currency', 'USD');
    await setSetting(opened.db, 'me', 'currency', 'EUR');
    expect(await getSettings(opened.db, 'me')).toEqual({ currency: 'EUR' });
  });

  it('reopens an existing file without re-running migrations', async () => {
    await recordExpenses(opened.db, [draft()], meta('r'));
    const file = opened.file;
    await opened.close();
    opened = await openDatabase(file);
    expect(await countExpenses(opened.db)).toBe(1);
  });
});
