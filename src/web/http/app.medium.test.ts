/**
 * The web page's HTTP surface on a real SQLite ledger in a temp dir, driven in memory through
 * `app.request()`: what is refused without a session, a CSRF token or the right origin; another
 * person's expense; edits, delete and undo as stored rows; export and import content; erase;
 * backup; /healthz and /metrics.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../../app/repositories.js';
import { FakeClock } from '../../clock/clock.js';
import type { ExpenseDraft } from '../../core/types.js';
import { overrideKey } from '../../ledger/preferences.js';
import { TestBrowser, testApp, webDeps } from '../../../test/support/web.js';
import type { WebDeps } from '../deps.js';

const draft = (over: Partial<ExpenseDraft> = {}): ExpenseDraft => ({
  amountMinor: 2000, currency: 'INR', category: 'food', detail: 'tea', item: 'chai', merchant: null, note: null, date: '2026-01-15', ...over,
});

let dir: string;
let repos: Repositories;
let clock: FakeClock;
let deps: WebDeps & { auth: import('../auth.js').WebAuth };
let app: ReturnType<typeof testApp>;

async function seed(owner = 'me', n = 3): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const { expenses } = await repos.expenses.record([draft({ amountMinor: 1000 * (i + 1), item: `item ${i}`, date: `2026-01-${String(10 + i).padStart(2, '0')}` })], { owner, source: 'text', messageId: `${owner}:${i}`, now: '2026-01-15T00:00:00Z' });
    ids.push(expenses[0]!.id);
  }
  return ids;
}

async function signedIn(owner = 'me', admin = true): Promise<TestBrowser> {
  const b = new TestBrowser(app);
  const { code } = await deps.auth.issueCode(owner, { admin });
  expect((await b.signIn(code)).status).toBe(303);
  expect(b.csrf).not.toBe('');
  return b;
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-web-'));
  repos = await openRepositories(path.join(dir, 'munshi.db'));
  clock = new FakeClock('2026-01-20T10:00:00Z');
  deps = webDeps(repos, clock, { tmpDir: path.join(dir, 'tmp') });
  app = testApp(deps);
});
afterEach(async () => {
  await repos.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('without a session', () => {
  it('every page answers 401 with the login page, every API 401 JSON', async () => {
    const b = new TestBrowser(app);
    for (const p of ['/', '/insights', '/data', '/pairing', '/pairing/qr.svg', '/settings', '/no-such-page']) {
      const r = await b.fetch(p);
      expect(r.status, p).toBe(401);
      expect(await r.text(), p).toContain('Sign-in code');
    }
    for (const [m, p] of [['GET', '/api/expenses'], ['GET', '/api/export'], ['GET', '/api/backup'], ['GET', '/api/pairing'], ['DELETE', '/api/expenses/1'], ['PATCH', '/api/expenses/1'], ['POST', '/api/erase'], ['POST', '/api/import/preview']] as const) {
      const r = await b.fetch(p, { method: m });
      expect(r.status, `${m} ${p}`).toBe(401);
      expect(((await r.json()) as { error: string }).error).toBe('Sign in first.');
    }
  });

  it('a forged or expired cookie is no session', async () => {
    const b = new TestBrowser(app);
    b.cookies.set('munshi_session', 'forged-token-forged-token-forged-token-000');
    expect((await b.fetch('/api/expenses')).status).toBe(401);
    const signed = await signedIn();
    clock.advance(31 * 86_400_000);
    expect((await signed.fetch('/api/expenses')).status).toBe(401);
  });

  it('/healthz needs none and says what is up', async () => {
    const r = await new TestBrowser(app).fetch('/healthz');
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ status: 'ok', ledger: { ok: true }, whatsapp: { state: 'connected' } });
  });

  it('/metrics needs a session or the bearer token', async () => {
    const b = new TestBrowser(app);
    expect((await b.fetch('/metrics')).status).toBe(401);
    expect((await b.fetch('/metrics', { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    const r = await b.fetch('/metrics', { headers: { authorization: 'Bearer metrics-token-for-tests-0123' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await r.text();
    expect(text).toContain('# TYPE munshi_web_requests_total counter');
    expect(text).toMatch(/munshi_web_requests_total\{code="4xx"\} 2/);
    expect((await (await signedIn()).fetch('/metrics')).status).toBe(200);
  });
});

describe('signing in', () => {
  it('a code works once; a wrong one says so', async () => {
    const { code } = await deps.auth.issueCode('me');
    const b = new TestBrowser(app);
    const wrong = await b.signIn(code === '000000' ? '111111' : '000000');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('That code is wrong or has expired');
    expect((await b.signIn(code)).status).toBe(303);
    expect((await new TestBrowser(app).signIn(code)).status).toBe(401);
  });

  it('a code expires after ten minutes', async () => {
    const { code } = await deps.auth.issueCode('me');
    clock.advance(10 * 60_000 + 1);
    expect((await new TestBrowser(app).signIn(code)).status).toBe(401);
  });

  it('the login form needs its own token (login CSRF) and the same origin', async () => {
    const { code } = await deps.auth.issueCode('me');
    const b = new TestBrowser(app);
    await b.fetch('/login');
    expect((await b.fetch('/login/code', { form: { code, _csrf: 'not-the-token' } })).status).toBe(400);
    const cross = await b.fetch('/login/code', { form: { code }, headers: { origin: 'http://evil.example' } });
    expect(cross.status).toBe(403);
    expect((await b.signIn(code)).status).toBe(303);
  });

  it('the one-time link shows a button, and only the POST spends it', async () => {
    const { linkToken } = await deps.auth.issueCode('me');
    const b = new TestBrowser(app);
    const page = await (await b.fetch(`/login/link?t=${linkToken}`)).text();
    expect(page).toContain('Sign in on this device');
    const pre = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    // A chat app drawing a preview GETs the link again: still unspent.
    await new TestBrowser(app).fetch(`/login/link?t=${linkToken}`);
    expect((await b.fetch('/login/link', { form: { _csrf: pre, t: linkToken } })).status).toBe(303);
    expect((await b.fetch('/api/expenses')).status).toBe(200);
  });

  it('a password set from the CLI signs in; a wrong one does not', async () => {
    await deps.auth.setPassword('me', 'correct horse battery');
    const b = new TestBrowser(app);
    const pre = /name="_csrf" value="([^"]+)"/.exec(await (await b.fetch('/login')).text())![1]!;
    expect((await b.fetch('/login/password', { form: { _csrf: pre, password: 'wrong password!!' } })).status).toBe(401);
    expect((await b.fetch('/login/password', { form: { _csrf: pre, password: 'correct horse battery' } })).status).toBe(303);
    expect((await b.fetch('/api/expenses')).status).toBe(200);
  });

  it('sign-in attempts are rate-limited per address', async () => {
    const b = new TestBrowser(app);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await b.signIn('999999')).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    clock.advance(61_000);
    expect((await b.signIn('999999')).status).toBe(401);
  });

  it('signing out ends the session', async () => {
    const b = await signedIn();
    expect((await b.fetch('/logout', { form: { _csrf: b.csrf } })).status).toBe(303);
    expect((await b.fetch('/api/expenses')).status).toBe(401);
  });
});

describe('the expense table and its writes', () => {
  it('lists, filters, sorts and totals this person only', async () => {
    await seed('me', 3);
    await repos.expenses.record([draft({ amountMinor: 99900, currency: 'USD', item: 'latte', category: 'food', detail: 'coffee' })], { owner: 'me', source: 'text', messageId: 'usd', now: '2026-01-15T00:00:00Z' });
    await seed('919800000001', 2);
    const b = await signedIn();
    const all = (await (await b.fetch('/api/expenses')).json()) as { total: number; totals: unknown[]; rows: { item: string }[] };
    expect(all.total).toBe(4);
    expect(all.totals).toEqual([{ currency: 'INR', amountMinor: 6000, count: 3 }, { currency: 'USD', amountMinor: 99900, count: 1 }]);
    const byAmount = (await (await b.fetch('/api/expenses?sort=amount&dir=asc&currency=INR')).json()) as { rows: { item: string }[] };
    expect(byAmount.rows.map((r) => r.item)).toEqual(['item 0', 'item 1', 'item 2']);
    const found = (await (await b.fetch('/api/expenses?q=LATTE')).json()) as { rows: { item: string }[] };
    expect(found.rows.map((r) => r.item)).toEqual(['latte']);
    const paged = (await (await b.fetch('/api/expenses?size=10&page=2')).json()) as { rows: unknown[]; total: number };
    expect(paged).toMatchObject({ rows: [], total: 4 });
    const html = await (await b.fetch('/?category=food/coffee')).text();
    expect(html).toContain('$999');
    expect(html).not.toContain('item 0');
  });

  it('hostile text is shown, not run', async () => {
    await repos.expenses.record([draft({ item: '<script>alert(1)</script>' })], { owner: 'me', source: 'text', messageId: 'x', now: '2026-01-15T00:00:00Z' });
    const html = await (await (await signedIn()).fetch('/')).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('an edit is stored, and a corrected category is remembered for next time', async () => {
    const [id] = await seed('me', 1);
    const b = await signedIn();
    const r = await b.write('PATCH', `/api/expenses/${id}`, { amount: '1,250.50', category: 'food/coffee', item: 'filter coffee', merchant: 'Saravana', date: '2026-01-18' });
    expect(r.status).toBe(200);
    expect(await repos.expenses.get(id!)).toMatchObject({ amountMinor: 125050, category: 'food', detail: 'coffee', item: 'filter coffee', merchant: 'Saravana', date: '2026-01-18' });
    const taught = await repos.preferences.overrides('me');
    expect(taught.get(overrideKey('filter coffee'))).toMatchObject({ category: 'food', detail: 'coffee' });
  });

  it('bad edits get a clear reason and change nothing', async () => {
    const [id] = await seed('me', 1);
    const before = await repos.expenses.get(id!);
    const b = await signedIn();
    for (const [body, why] of [
      [{ amount: '-5' }, 'positive'],
      [{ amount: 'lots' }, 'positive'],
      [{ date: '31/01/2026' }, 'date must look like'],
      [{ date: '2030-01-01' }, 'future'],
      [{ category: 'spaceships' }, 'category'],
      [{}, 'Nothing to change'],
    ] as const) {
      const r = await b.write('PATCH', `/api/expenses/${id}`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(((await r.json()) as { error: string }).error).toContain(why);
    }
    const notJson = await b.fetch(`/api/expenses/${id}`, { method: 'PATCH', body: '{oops', headers: { 'x-csrf-token': b.csrf, 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect(await repos.expenses.get(id!)).toEqual(before);
  });

  it('writes without the CSRF token, or from another site, are refused', async () => {
    const [id] = await seed('me', 1);
    const b = await signedIn();
    const noToken = await b.fetch(`/api/expenses/${id}`, { method: 'DELETE' });
    expect(noToken.status).toBe(403);
    const badToken = await b.fetch(`/api/expenses/${id}`, { method: 'DELETE', headers: { 'x-csrf-token': 'x'.repeat(b.csrf.length) } });
    expect(badToken.status).toBe(403);
    const cross = await b.fetch(`/api/expenses/${id}`, { method: 'DELETE', headers: { 'x-csrf-token': b.csrf, origin: 'http://evil.example' } });
    expect(cross.status).toBe(403);
    expect((await repos.expenses.get(id!))!.deletedAt).toBeNull();
  });

  it("another person's expense answers 404 and stays as it was", async () => {
    const [theirs] = await seed('919800000001', 1);
    const before = await repos.expenses.get(theirs!);
    const b = await signedIn('me');
    expect((await b.write('PATCH', `/api/expenses/${theirs}`, { amount: '1' })).status).toBe(404);
    expect((await b.write('DELETE', `/api/expenses/${theirs}`)).status).toBe(404);
    expect((await b.write('POST', `/api/expenses/${theirs}/restore`)).status).toBe(404);
    expect(await repos.expenses.get(theirs!)).toEqual(before);
  });

  it('delete, then undo, brings the same row back', async () => {
    const [id] = await seed('me', 1);
    const b = await signedIn();
    expect((await b.write('DELETE', `/api/expenses/${id}`)).status).toBe(200);
    expect(await repos.expenses.count('me')).toBe(0);
    expect((await b.write('DELETE', `/api/expenses/${id}`)).status).toBe(404);
    expect(await (await b.write('POST', `/api/expenses/${id}/restore`)).json()).toEqual({ restored: 1 });
    expect(await repos.expenses.count('me')).toBe(1);
    expect((await repos.expenses.get(id!))!.deletedAt).toBeNull();
  });
});

describe('data in and out', () => {
  it('exports the filtered view as CSV and JSONL', async () => {
    await seed('me', 3);
    await seed('919800000001', 1);
    const b = await signedIn();
    const csv = await b.fetch('/api/export?format=csv&from=2026-01-11');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="munshi-expenses-2026-01-20\.csv"/);
    expect((await csv.text()).trim().split('\n')).toEqual([
      'date,amount,currency,category,item,merchant,note,uid',
      expect.stringMatching(/^2026-01-11,20,INR,food\/tea,item 1,,,[\w-]{8,}$/),
      expect.stringMatching(/^2026-01-12,30,INR,food\/tea,item 2,,,[\w-]{8,}$/),
    ]);
    const jsonl = (await (await b.fetch('/api/export?format=jsonl')).text()).trim().split('\n').map((l) => JSON.parse(l) as { amount: number });
    expect(jsonl.map((r) => r.amount)).toEqual([10, 20, 30]);
  });

  it('imports a CSV after a preview, in batches, and never twice', async () => {
    const b = await signedIn();
    const csv = 'date,amount,currency,category,item,merchant,note\n2026-01-02,120,INR,,coffee,Blue Tokai,\n2026-01-03,abc,INR,,bad,,\n2026-01-04,45.5,USD,food/groceries,milk,,\n';
    const p = await b.fetch('/api/import/preview', { method: 'POST', body: csv, headers: { 'x-csrf-token': b.csrf, 'content-type': 'text/csv' } });
    const preview = (await p.json()) as { id: string; total: number; valid: number; invalid: number; sample: { line: number; error: string }[] };
    expect(preview).toMatchObject({ total: 3, valid: 2, invalid: 1 });
    expect(preview.sample.find((s) => s.line === 3)!.error).toContain('amount');
    expect(await repos.expenses.count('me')).toBe(0);
    const run = (await (await b.write('POST', `/api/import/${preview.id}/run`, { from: 0 })).json()) as { added: number; next: number };
    expect(run).toMatchObject({ added: 2, next: 2 });
    const rows = await repos.expenses.between({ owner: 'me' });
    expect(rows.map((e) => [e.item, e.amountMinor, e.currency, e.source])).toEqual([['coffee', 12000, 'INR', 'import'], ['milk', 4550, 'USD', 'import']]);
    // The same file again: previewed, but nothing new is recorded.
    const again = (await (await b.fetch('/api/import/preview', { method: 'POST', body: csv, headers: { 'x-csrf-token': b.csrf, 'content-type': 'text/csv' } })).json()) as { id: string };
    expect(await (await b.write('POST', `/api/import/${again.id}/run`, { from: 0 })).json()).toMatchObject({ added: 0, duplicates: 2 });
    expect(await repos.expenses.count('me')).toBe(2);
    // The page's own export, imported back: every row is recognised by its uid.
    const exported = await (await b.fetch('/api/export?format=csv')).text();
    const back = (await (await b.fetch('/api/import/preview', { method: 'POST', body: exported, headers: { 'x-csrf-token': b.csrf, 'content-type': 'text/csv' } })).json()) as { id: string; valid: number };
    expect(back.valid).toBe(2);
    expect(await (await b.write('POST', `/api/import/${back.id}/run`, { from: 0 })).json()).toMatchObject({ added: 0, duplicates: 2 });
  });

  it('an import without a header is explained, not guessed', async () => {
    const b = await signedIn();
    const r = await b.fetch('/api/import/preview', { method: 'POST', body: '2026-01-02,120\n', headers: { 'x-csrf-token': b.csrf, 'content-type': 'text/csv' } });
    expect(await r.json()).toMatchObject({ valid: 0, invalid: 1 });
  });

  it("someone else's import job cannot be run", async () => {
    const mine = await signedIn('me');
    const p = (await (await mine.fetch('/api/import/preview', { method: 'POST', body: 'date,amount\n2026-01-02,5\n', headers: { 'x-csrf-token': mine.csrf, 'content-type': 'text/csv' } })).json()) as { id: string };
    const other = await signedIn('919800000001', false);
    expect((await other.write('POST', `/api/import/${p.id}/run`, { from: 0 })).status).toBe(404);
    expect(await repos.expenses.count()).toBe(0);
  });

  it('erase needs the typed phrase, then removes only this person', async () => {
    await seed('me', 3);
    await seed('919800000001', 2);
    await repos.preferences.setSetting('me', 'currency', 'USD');
    const b = await signedIn();
    const refused = await b.write('POST', '/api/erase', { confirm: 'yes' });
    expect(refused.status).toBe(400);
    expect(await repos.expenses.count('me')).toBe(3);
    expect(await (await b.write('POST', '/api/erase', { confirm: 'Erase all my data' })).json()).toEqual({ expenses: 3 });
    expect(await repos.expenses.count('me')).toBe(0);
    expect(await repos.preferences.settings('me')).toEqual({});
    expect(await repos.expenses.count('919800000001')).toBe(2);
    expect((await b.fetch('/api/expenses')).status).toBe(401);
  });

  it('an online backup is a working SQLite file, for the box owner only', async () => {
    await seed('me', 3);
    const b = await signedIn();
    const r = await b.fetch('/api/backup');
    expect(r.status).toBe(200);
    const file = path.join(dir, 'copy.db');
    fs.writeFileSync(file, Buffer.from(await r.arrayBuffer()));
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM expenses').get()).toEqual({ n: 3 });
    db.close();
    expect(fs.readdirSync(path.join(dir, 'tmp'))).toEqual([]);
    const guest = await signedIn('919800000001', false);
    expect((await guest.fetch('/api/backup')).status).toBe(403);
  });
});

describe('settings, pairing, insights', () => {
  it('settings are validated and stored as the chat stores them', async () => {
    const b = await signedIn();
    const bad = await b.fetch('/settings', { form: { _csrf: b.csrf, currency: 'XYZ', timeZone: 'Mars/Base', locale: 'en-IN' } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('XYZ is not a currency');
    expect(await repos.preferences.settings('me')).toEqual({});
    const ok = await b.fetch('/settings', { form: { _csrf: b.csrf, currency: 'usd', timeZone: 'America/New_York', locale: 'en-US' } });
    expect(ok.status).toBe(303);
    expect(await repos.preferences.settings('me')).toEqual({ currency: 'USD', timeZone: 'America/New_York', locale: 'en-US', 'summary.weekly': 'off' });
    expect((await b.fetch('/settings', { form: { currency: 'EUR' } })).status).toBe(403);
  });

  it('pairing shows the live QR to the box owner only', async () => {
    const owner = await signedIn();
    expect(await (await owner.fetch('/pairing')).text()).toContain('pairing-qr');
    const qr = await owner.fetch('/pairing/qr.svg');
    expect(qr.headers.get('content-type')).toBe('image/svg+xml');
    expect(await qr.text()).toContain('<svg');
    expect(await (await owner.fetch('/api/pairing')).json()).toMatchObject({ state: 'pairing', transport: 'whatsapp' });
    const guest = await signedIn('919800000001', false);
    expect((await guest.fetch('/api/pairing')).status).toBe(403);
    expect((await guest.fetch('/pairing/qr.svg')).status).toBe(403);
  });

  it('insights total the period by category; budgets and recurring can be removed', async () => {
    await seed('me', 3);
    await repos.budgets.set({ owner: 'me', scope: { category: 'food', detail: null }, amountMinor: 500000, currency: 'INR', period: 'month', chatId: null }, clock.now());
    await repos.debts.record([{ person: 'Ramesh', kind: 'lent', amountMinor: 50000, currency: 'INR', date: '2026-01-10', expenseId: null, note: null }], { owner: 'me', messageId: 'd1', now: clock.now().toISOString() });
    await repos.debts.record([{ person: 'Dad', kind: 'borrowed', amountMinor: -100000, currency: 'INR', date: '2026-01-10', expenseId: null, note: null }], { owner: 'me', messageId: 'd2', now: clock.now().toISOString() });
    await repos.debts.record([{ person: 'Elsewhere', kind: 'lent', amountMinor: 700, currency: 'INR', date: '2026-01-10', expenseId: null, note: null }], { owner: 'someone', messageId: 'd3', now: clock.now().toISOString() });
    const b = await signedIn();
    const html = await (await b.fetch('/insights?from=2026-01-01&to=2026-01-31')).text();
    // Balances: who owes the owner and whom the owner owes, this owner's only.
    expect(html).toMatch(/<tr data-balance="ramesh"><td>Ramesh owes you<\/td>\s*<td class="num">₹500<\/td><\/tr>/);
    expect(html).toMatch(/<tr data-balance="dad"><td>You owe Dad<\/td>\s*<td class="num">₹1,000<\/td><\/tr>/);
    expect(html).not.toContain('Elsewhere');
    expect(html).toContain('₹60');
    expect(html).toContain('of ₹5,000');
    // The chat's summary for the period, and its chart.
    expect(html).toContain('<strong>Summary</strong>');
    expect(html).toContain('/insights/chart.png?from=2026-01-01&amp;to=2026-01-31');
    const png = await b.fetch('/insights/chart.png?from=2026-01-01&to=2026-01-31');
    expect(png.headers.get('content-type')).toBe('image/png');
    const [budget] = await repos.budgets.list('me');
    expect((await b.write('POST', '/api/budgets/set', { id: budget!.id, amount: '-1' })).status).toBe(400);
    expect((await b.write('POST', '/api/budgets/set', { id: budget!.id, amount: '6,500' })).status).toBe(200);
    expect((await repos.budgets.list('me'))[0]).toMatchObject({ amountMinor: 650000, currency: 'INR', period: 'month' });
    expect(await (await b.write('POST', '/api/budgets/remove', { id: budget!.id })).json()).toEqual({ removed: true });
    expect(await repos.budgets.list('me')).toEqual([]);
  });
});

describe('mounted handlers', () => {
  it('another transport can mount its webhook beside the page, outside the session gate', async () => {
    const mounted = testApp(deps, [{ prefix: '/webhooks/test', fetch: async (req) => new Response(`hook ${new URL(req.url).pathname}`) }]);
    const r = await mounted.request('http://munshi.test/webhooks/test/in', { method: 'POST', headers: { origin: 'https://graph.example' } });
    expect(await r.text()).toBe('hook /in');
    expect((await mounted.request('http://munshi.test/api/expenses')).status).toBe(401);
  });
});
