/**
 * The web repositories as one contract, run against the SQLite adapters (a real file in a temp dir,
 * real migrations) and the in-memory fakes: sign-in codes and sessions, and the expense table's
 * filters, sort, paging, exact totals, export batches, restore and erase. A fake that drifts fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryRepositories, openRepositories, type Repositories } from '../app/repositories.js';
import { FakeClock } from '../clock/clock.js';
import type { ExpenseDraft } from '../core/types.js';
import { createWebAuth, hashPassword, verifyPassword } from './auth.js';

const draft = (over: Partial<ExpenseDraft> = {}): ExpenseDraft => ({
  amountMinor: 2000, currency: 'INR', category: 'food', detail: 'tea', item: 'chai', merchant: null, note: null, date: '2026-01-15', ...over,
});

let dir: string;
const adapters: [string, () => Promise<Repositories>][] = [
  ['sqlite', () => openRepositories(path.join(dir, 'munshi.db'))],
  ['memory', async () => memoryRepositories()],
];

describe.each(adapters)('web repositories (%s)', (_name, open) => {
  let repos: Repositories;
  let clock: FakeClock;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-webrepo-'));
    repos = await open();
    clock = new FakeClock('2026-01-20T10:00:00Z');
  });
  afterEach(async () => {
    await repos.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const record = async (owner: string, id: string, over: Partial<ExpenseDraft> = {}) =>
    (await repos.expenses.record([draft(over)], { owner, source: over.item === 'imported' ? 'import' : 'text', messageId: id, now: '2026-01-15T00:00:00Z' })).expenses[0]!;

  it('a code signs in once, a newer code retires the older, and sessions expire', async () => {
    const auth = createWebAuth({ repo: repos.webAuth, clock });
    expect(await auth.firstTime('me')).toBe(true);
    const a = await auth.issueCode('me', { admin: true });
    const b = await auth.issueCode('me', { admin: true });
    expect(await auth.signInWithCode(a.code === b.code ? 'xxxxxx' : a.code)).toBeNull();
    const s = await auth.signInWithCode(b.code);
    expect(s!.session).toMatchObject({ owner: 'me', admin: true });
    expect(await auth.signInWithCode(b.code)).toBeNull();
    expect(await auth.firstTime('me')).toBe(false);
    expect((await auth.session(s!.token))!.owner).toBe('me');
    expect(await auth.session('not-a-token')).toBeNull();
    clock.advance(30 * 86_400_000 + 1);
    expect(await auth.session(s!.token)).toBeNull();
  });

  it('a link works once and a code expires', async () => {
    const auth = createWebAuth({ repo: repos.webAuth, clock });
    const c = await auth.issueCode('919800000001');
    expect((await auth.signInWithLink(c.linkToken))!.session).toMatchObject({ owner: '919800000001', admin: false });
    expect(await auth.signInWithLink(c.linkToken)).toBeNull();
    const d = await auth.issueCode('919800000001');
    clock.advance(10 * 60_000 + 1);
    expect(await auth.signInWithCode(d.code)).toBeNull();
  });

  it('a new password signs every browser out; sign-out ends one session', async () => {
    const auth = createWebAuth({ repo: repos.webAuth, clock });
    const s = (await auth.signInWithCode((await auth.issueCode('me')).code))!;
    await expect(auth.setPassword('me', 'short')).rejects.toThrow(/at least 10/);
    await auth.setPassword('me', 'a long enough secret');
    expect(await auth.session(s.token)).toBeNull();
    expect(await auth.signInWithPassword('me', 'wrong guess at it')).toBeNull();
    const p = (await auth.signInWithPassword('me', 'a long enough secret'))!;
    expect(p.session.admin).toBe(true);
    await auth.signOut(p.token);
    expect(await auth.session(p.token)).toBeNull();
    expect(await auth.signInWithPassword('nobody', 'a long enough secret')).toBeNull();
  });

  it('pages, sorts, filters and totals one owner exactly', async () => {
    await record('me', 'a', { amountMinor: 2000, item: 'chai', date: '2026-01-10' });
    await record('me', 'b', { amountMinor: 45050, item: 'latte', merchant: 'Starbucks', category: 'food', detail: 'coffee', date: '2026-01-12' });
    await record('me', 'c', { amountMinor: 1299, currency: 'USD', item: 'ebook', category: 'shopping', detail: null, date: '2026-01-11' });
    await record('me', 'd', { amountMinor: 100, item: '100%_sure', date: '2026-01-09' });
    await record('other', 'e', { amountMinor: 999999, item: 'latte' });
    const gone = await record('me', 'f', { amountMinor: 5000, item: 'deleted latte' });
    await repos.expenses.softDelete([gone.id], '2026-01-16T00:00:00Z');

    const all = await repos.expenseTable.page({ owner: 'me' }, { sort: 'date', desc: true, offset: 0, limit: 10 });
    expect(all.rows.map((r) => r.item)).toEqual(['latte', 'ebook', 'chai', '100%_sure']);
    expect(all.total).toBe(4);
    expect(all.totals).toEqual([{ currency: 'INR', amountMinor: 47150, count: 3 }, { currency: 'USD', amountMinor: 1299, count: 1 }]);

    const byAmount = await repos.expenseTable.page({ owner: 'me', currency: 'INR' }, { sort: 'amount', desc: false, offset: 1, limit: 1 });
    expect(byAmount.rows.map((r) => r.item)).toEqual(['chai']);
    expect(byAmount.total).toBe(3);

    expect((await repos.expenseTable.page({ owner: 'me', q: 'STARBUCKS' }, { sort: 'date', desc: true, offset: 0, limit: 10 })).rows.map((r) => r.item)).toEqual(['latte']);
    // LIKE's wildcards in the search are literal characters.
    expect((await repos.expenseTable.page({ owner: 'me', q: '%' }, { sort: 'date', desc: true, offset: 0, limit: 10 })).rows.map((r) => r.item)).toEqual(['100%_sure']);
    expect((await repos.expenseTable.page({ owner: 'me', q: '_' }, { sort: 'date', desc: true, offset: 0, limit: 10 })).total).toBe(1);
    expect((await repos.expenseTable.page({ owner: 'me', category: 'food/coffee' }, { sort: 'date', desc: true, offset: 0, limit: 10 })).total).toBe(1);
    expect((await repos.expenseTable.page({ owner: 'me', category: 'food' }, { sort: 'date', desc: true, offset: 0, limit: 10 })).total).toBe(3);
    expect((await repos.expenseTable.page({ owner: 'me', from: '2026-01-10', to: '2026-01-11' }, { sort: 'date', desc: false, offset: 0, limit: 10 })).rows.map((r) => r.date)).toEqual(['2026-01-10', '2026-01-11']);
    expect((await repos.expenseTable.page({ owner: 'me', source: 'import' }, { sort: 'date', desc: true, offset: 0, limit: 10 })).total).toBe(0);
    expect(await repos.expenseTable.byCategory({ owner: 'me' })).toEqual([
      { category: 'food', currency: 'INR', amountMinor: 47150, count: 3 },
      { category: 'shopping', currency: 'USD', amountMinor: 1299, count: 1 },
    ]);
  });

  it('hands out every matching row, oldest first, in batches', async () => {
    const drafts = Array.from({ length: 2500 }, (_, i) => draft({ amountMinor: i + 1, date: `2025-${String((i % 12) + 1).padStart(2, '0')}-01` }));
    await repos.expenses.record(drafts, { owner: 'me', source: 'import', messageId: 'bulk', now: '2026-01-15T00:00:00Z' });
    const seen: string[] = [];
    let batches = 0;
    for await (const b of repos.expenseTable.batches({ owner: 'me' })) {
      batches++;
      seen.push(...b.map((e) => e.date));
    }
    expect(seen).toHaveLength(2500);
    expect(batches).toBe(2);
    expect([...seen].sort()).toEqual(seen);
  });

  it('restores only its owner\'s deleted rows, and erases one owner for good', async () => {
    const mine = await record('me', 'a');
    const theirs = await record('other', 'b');
    await repos.expenses.softDelete([mine.id, theirs.id], '2026-01-16T00:00:00Z');
    expect(await repos.expenseTable.restore('me', [mine.id, theirs.id], '2026-01-16T00:01:00Z')).toBe(1);
    expect(await repos.expenseTable.restore('me', [mine.id], '2026-01-16T00:02:00Z')).toBe(0);
    expect((await repos.expenses.get(theirs.id))!.deletedAt).not.toBeNull();
    await record('me', 'c');
    expect(await repos.expenseTable.eraseOwner('me')).toEqual({ expenses: 2 });
    expect(await repos.expenses.count('me')).toBe(0);
    expect(await repos.expenses.get(theirs.id)).not.toBeNull();
  });
});

describe('password hashes', () => {
  it('are salted scrypt, verified in constant time, and never the password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toContain('correct');
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});
