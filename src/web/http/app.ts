/**
 * @module web/http/app
 * The web page as a Hono app (web-standard Request → Response, so tests drive it in memory with
 * `app.request()` and the Node server in ./server.ts only listens). Order of the gates:
 *
 * 1. security headers on everything (a CSP of 'self' only: the page can load nothing from outside);
 * 2. unsafe methods must come from this origin (Origin / Sec-Fetch-Site), so another site open in
 *    the same browser cannot post here;
 * 3. /healthz and /assets are public; /metrics takes a session or the scraper's bearer token;
 *    /login* needs no session but a double-submit token of its own (login CSRF) and is rate-limited;
 * 4. everything else needs a session (401: the login page, or JSON for /api), and every write must
 *    carry the session's CSRF token (header x-csrf-token or form field _csrf);
 * 5. a person reaches only their own ledger (the session's owner); another person's expense id
 *    answers 404, as if it did not exist.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import QRCode from 'qrcode';
import { parseCategoryPath } from '../../categories/taxonomy.js';
import { addDays, isIsoDate, localDate, startOfMonth, endOfMonth, addMonths } from '../../core/dates.js';
import { KNOWN_CURRENCIES, MAX_MAJOR_AMOUNT, toMinor } from '../../core/money.js';
import type { Source } from '../../core/types.js';
import type { ExpensePatch } from '../../ledger/expenses.js';
import { SUMMARY_SETTING } from '../../summaries/config.js';
import { RateLimiter } from '../rate-limit.js';
import type { WebDeps } from '../deps.js';
import type { SortKey, TableFilter, WebSession } from '../port.js';
import { APP_CSS, APP_JS } from '../pages/assets.js';
import { dayText, expensesPage, SOURCES, type TableQuery } from '../pages/expenses.js';
import { budgetRange } from '../../budgets/periods.js';
import { html, layout, type LayoutOptions, type Html } from '../pages/html.js';
import { loginPage } from '../pages/login.js';
import { dataPage, pairingPage, settingsPage, insightsPage } from '../pages/more.js';
import { exportLines, importPreview, type ImportJob } from '../io.js';

const SESSION_COOKIE = 'munshi_session';
const PRE_COOKIE = 'munshi_login';
const SORTS: SortKey[] = ['date', 'amount', 'category', 'item', 'merchant', 'created'];
const clean = (s: unknown, max = 200) => (typeof s === 'string' ? s.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, max) : '');

type Env = { Variables: { session: WebSession }; Bindings: { incoming?: { socket?: { remoteAddress?: string } } } };

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export function createWebApp(d: WebDeps): Hono<Env> {
  const app = new Hono<Env>();
  const perIp = new RateLimiter(d.clock, 10, 60_000);
  const everyone = new RateLimiter(d.clock, 60, 60_000);
  const imports = new Map<string, ImportJob>();
  const now = () => d.clock.now().toISOString();
  const cookieBase = { httpOnly: true, sameSite: 'Strict' as const, path: '/', secure: d.secureCookies };

  const page = (c: Context<Env>, o: Omit<LayoutOptions, 'csrf' | 'who' | 'admin'>, body: Html, status: 200 | 400 | 401 | 403 | 404 | 429 = 200) => {
    const s = c.get('session') as WebSession | undefined;
    return c.html(layout({ ...o, csrf: s?.csrf, admin: s?.admin, who: s?.owner }, body), status);
  };
  const apiError = (c: Context<Env>, status: 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503, error: string) => c.json({ error }, status);

  // 1. Headers, and a count of every answer by status class.
  app.use('*', async (c, next) => {
    try {
      await next();
    } catch (err) {
      d.logger.error({ err, path: c.req.path }, 'web request failed');
      d.metrics.errors.inc({ where: 'web' });
      c.res = c.req.path.startsWith('/api/') ? c.json({ error: 'Something went wrong; nothing was changed.' }, 500) : c.html('<p>Something went wrong; nothing was changed.</p>', 500);
    }
    c.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'same-origin');
    c.header('Cache-Control', c.res.headers.get('Cache-Control') ?? 'no-store');
    d.metrics.webRequests.inc({ code: `${String(c.res.status)[0]}xx` });
  });

  // 2. Writes only from this origin.
  app.use('*', async (c, next) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      const host = c.req.header('host');
      // Sec-Fetch-Site first (every current browser sends it); Origin for older ones ("null" from a
      // privacy-minded page is no proof either way); a client sending neither is not a browser.
      const sameOrigin = site ? site === 'same-origin' : origin && origin !== 'null' ? safeHost(origin) === host : true;
      if (!sameOrigin) return apiError(c, 403, 'Requests from other sites are refused.');
    }
    await next();
  });

  // Bodies are small, except a CSV being imported.
  const small = bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ error: 'That request is too big.' }, 413) });
  const large = bodyLimit({ maxSize: 20 * 1024 * 1024, onError: (c) => c.json({ error: 'That file is too big (20 MB at most).' }, 413) });
  app.use('*', (c, next) => (c.req.path === '/api/import/preview' ? large(c, next) : small(c, next)));

  // 3. Public.
  app.get('/healthz', async (c) => {
    const h = await d.health();
    return c.json(h, h.status === 'down' ? 503 : 200);
  });
  app.get('/assets/app.css', (c) => c.body(APP_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));
  app.get('/assets/app.js', (c) => c.body(APP_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));

  const sessionOf = async (c: Context<Env>) => d.auth.session(getCookie(c, SESSION_COOKIE));

  app.get('/metrics', async (c) => {
    const bearer = c.req.header('authorization')?.match(/^Bearer (.+)$/)?.[1];
    const ok = (d.metricsToken && sameToken(bearer, d.metricsToken)) || (await sessionOf(c));
    if (!ok) return c.text('metrics need a session or the MUNSHI_METRICS_TOKEN bearer token\n', 401, { 'WWW-Authenticate': 'Bearer' });
    return c.body(await d.metrics.registry.text(), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
  });

  // Login: a pre-session token (cookie + hidden field) so another site cannot sign a browser in.
  const preToken = (c: Context<Env>) => {
    let t = getCookie(c, PRE_COOKIE);
    if (!t || !/^[\w-]{20,64}$/.test(t)) {
      t = randomBytes(24).toString('base64url');
      setCookie(c, PRE_COOKIE, t, { ...cookieBase, maxAge: 3600 });
    }
    return t;
  };
  const askWho = d.access.mode === 'allowlist' && d.access.ledgerMode === 'per_person';
  const loginView = (c: Context<Env>, o: { error?: string; linkToken?: string } = {}, status: 200 | 400 | 401 | 429 = 200) =>
    c.html(layout({ title: 'Sign in', active: null }, loginPage({ ...o, askWho, csrf: preToken(c) })), status);

  app.get('/login', (c) => loginView(c));
  app.get('/login/link', (c) => loginView(c, { linkToken: clean(c.req.query('t'), 100) }));

  const signedIn = (c: Context<Env>, token: string) => {
    setCookie(c, SESSION_COOKIE, token, { ...cookieBase, maxAge: 30 * 86400 });
    deleteCookie(c, PRE_COOKIE, { path: '/' });
    return c.redirect('/', 303);
  };
  /** Rate limits and the login CSRF check; returns the form or a response to send. */
  const loginGate = async (c: Context<Env>): Promise<Record<string, string> | Response> => {
    const ip = c.env?.incoming?.socket?.remoteAddress ?? 'local';
    if (!perIp.hit(ip) || !everyone.hit('*')) {
      c.header('Retry-After', String(Math.max(perIp.retryAfter(ip), everyone.retryAfter('*'), 1)));
      return loginView(c, { error: 'Too many attempts. Wait a minute and try again.' }, 429);
    }
    const form = await c.req.parseBody();
    const fields = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
    const pre = getCookie(c, PRE_COOKIE);
    if (!pre || !sameToken(fields._csrf, pre)) return loginView(c, { error: 'That form expired. Please try again.' }, 400);
    return fields;
  };
  app.post('/login/code', async (c) => {
    const f = await loginGate(c);
    if (f instanceof Response) return f;
    const r = await d.auth.signInWithCode(f.code ?? '');
    if (!r) return loginView(c, { error: 'That code is wrong or has expired. Write "dashboard" in your chat for a new one.' }, 401);
    d.logger.info({ owner: r.session.owner }, 'web sign-in with a chat code');
    return signedIn(c, r.token);
  });
  app.post('/login/link', async (c) => {
    const f = await loginGate(c);
    if (f instanceof Response) return f;
    const r = await d.auth.signInWithLink(f.t ?? '');
    if (!r) return loginView(c, { error: 'That link was already used or has expired. Write "dashboard" in your chat for a new one.' }, 401);
    d.logger.info({ owner: r.session.owner }, 'web sign-in with a chat link');
    return signedIn(c, r.token);
  });
  app.post('/login/password', async (c) => {
    const f = await loginGate(c);
    if (f instanceof Response) return f;
    let owner: string | null = d.access.mode === 'self' ? 'me' : d.access.householdOwner;
    if (askWho) {
      const phone = (f.who ?? '').replace(/\D/g, '');
      owner = d.access.allowlist.includes(phone) ? phone : null;
    }
    const r = owner ? await d.auth.signInWithPassword(owner, f.password ?? '') : null;
    if (!r) return loginView(c, { error: 'Wrong password.' }, 401);
    d.logger.info({ owner }, 'web sign-in with a password');
    return signedIn(c, r.token);
  });

  // 4. Everything below needs a session, and writes need its CSRF token.
  app.use('*', async (c, next) => {
    const s = await sessionOf(c);
    if (!s) {
      if (c.req.path.startsWith('/api/')) return apiError(c, 401, 'Sign in first.');
      return loginView(c, {}, 401);
    }
    c.set('session', s);
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      let token = c.req.header('x-csrf-token');
      if (!token && /^application\/x-www-form-urlencoded|^multipart\/form-data/.test(c.req.header('content-type') ?? '')) {
        const form = await c.req.parseBody();
        token = typeof form._csrf === 'string' ? form._csrf : undefined;
      }
      if (!sameToken(token, s.csrf)) return apiError(c, 403, 'The page is out of date: reload it and try again.');
    }
    await next();
  });

  app.post('/logout', async (c) => {
    const t = getCookie(c, SESSION_COOKIE);
    if (t) await d.auth.signOut(t);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });

  // The table: query parameters → a filter of this person's rows.
  const tableQuery = (c: Context<Env>): TableQuery => {
    const q = c.req.query();
    const date = (v: string | undefined) => (v && isIsoDate(v) ? v : '');
    const sort = SORTS.includes(q.sort as SortKey) ? (q.sort as SortKey) : 'date';
    const category = q.category && parseCategoryPath(q.category) ? q.category.toLowerCase() : '';
    const currency = q.currency && KNOWN_CURRENCIES.has(q.currency.toUpperCase()) ? q.currency.toUpperCase() : '';
    const source = (SOURCES as readonly string[]).includes(q.source ?? '') ? q.source! : '';
    const size = Math.min(500, Math.max(10, Number.parseInt(q.size ?? '50', 10) || 50));
    const pageNo = Math.min(1_000_000, Math.max(1, Number.parseInt(q.page ?? '1', 10) || 1));
    return { q: clean(q.q, 100), from: date(q.from), to: date(q.to), category, currency, source, sort, desc: q.dir !== 'asc', page: pageNo, size };
  };
  const filterOf = (owner: string, t: TableQuery): TableFilter => ({
    owner, q: t.q || undefined, from: t.from || undefined, to: t.to || undefined,
    category: t.category || undefined, currency: t.currency || undefined, source: (t.source || undefined) as Source | undefined,
  });
  const presets = (today: string) => {
    const month = startOfMonth(today);
    const lastMonth = addMonths(month, -1);
    return [
      { label: 'This month', from: month, to: endOfMonth(today) },
      { label: 'Last month', from: lastMonth, to: endOfMonth(lastMonth) },
      { label: 'Last 30 days', from: addDays(today, -29), to: today },
      { label: 'This year', from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` },
      { label: 'All time', from: '', to: '' },
    ];
  };

  app.get('/', async (c) => {
    const s = c.get('session');
    const q = tableQuery(c);
    const settings = await d.settings(s.owner);
    const result = await d.table.page(filterOf(s.owner, q), { sort: q.sort, desc: q.desc, offset: (q.page - 1) * q.size, limit: q.size });
    const today = localDate(d.clock.now(), settings.timeZone);
    const currencies = [...new Set([settings.currency, ...result.totals.map((t) => t.currency), ...(q.currency ? [q.currency] : [])])].sort();
    return page(c, { title: 'Expenses', active: 'expenses' }, expensesPage({ page: result, query: q, locale: settings.locale, currencies, today, presets: presets(today) }));
  });

  app.get('/api/expenses', async (c) => {
    const s = c.get('session');
    const q = tableQuery(c);
    const r = await d.table.page(filterOf(s.owner, q), { sort: q.sort, desc: q.desc, offset: (q.page - 1) * q.size, limit: q.size });
    return c.json({ page: q.page, size: q.size, total: r.total, totals: r.totals, rows: r.rows.map(({ owner: _o, messageId: _m, ...e }) => e) });
  });

  /** This person's live expense, or null (another person's id looks exactly like a missing one). */
  const own = async (c: Context<Env>) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    const e = await d.expenses.get(id);
    return e && e.owner === c.get('session').owner ? e : null;
  };

  app.patch('/api/expenses/:id', async (c) => {
    const s = c.get('session');
    const e = await own(c);
    if (!e || e.deletedAt) return apiError(c, 404, 'No such expense.');
    let body: Record<string, unknown>;
    try {
      body = (await c.req.json()) as Record<string, unknown>;
      if (!body || typeof body !== 'object') throw new Error();
    } catch {
      return apiError(c, 400, 'Send the changes as JSON.');
    }
    const patch: ExpensePatch = {};
    if (body.amount !== undefined) {
      const n = Number(String(body.amount).replace(/[,\s]/g, ''));
      if (!Number.isFinite(n) || n <= 0 || n > MAX_MAJOR_AMOUNT) return apiError(c, 400, 'The amount must be a positive number.');
      patch.amountMinor = toMinor(String(n), e.currency);
      if (patch.amountMinor <= 0) return apiError(c, 400, 'The amount is too small for this currency.');
    }
    if (body.date !== undefined) {
      const date = clean(body.date, 10);
      const settings = await d.settings(s.owner);
      if (!isIsoDate(date)) return apiError(c, 400, 'The date must look like 2026-01-31.');
      if (date > addDays(localDate(d.clock.now(), settings.timeZone), 1)) return apiError(c, 400, 'That date is in the future.');
      patch.date = date;
    }
    if (body.category !== undefined) {
      const cat = parseCategoryPath(clean(body.category, 60));
      if (!cat) return apiError(c, 400, 'Pick a category from the list.');
      patch.category = cat.primary;
      patch.detail = cat.detail;
    }
    if (body.item !== undefined) patch.item = clean(body.item) || null;
    if (body.merchant !== undefined) patch.merchant = clean(body.merchant) || null;
    if (!Object.keys(patch).length) return apiError(c, 400, 'Nothing to change.');
    const updated = await d.expenses.update(e.id, patch, now());
    if (!updated) return apiError(c, 404, 'No such expense.');
    // A corrected category is remembered, as when it is corrected in chat: the next one files right.
    const taught = updated.item ?? updated.merchant;
    if (patch.category && (patch.category !== e.category || patch.detail !== e.detail) && taught) {
      await d.preferences.setOverride(s.owner, taught, updated.category, updated.detail, now());
    }
    const { owner: _o, messageId: _m, ...out } = updated;
    return c.json({ expense: out });
  });

  app.delete('/api/expenses/:id', async (c) => {
    const e = await own(c);
    if (!e || e.deletedAt) return apiError(c, 404, 'No such expense.');
    await d.expenses.softDelete([e.id], now());
    return c.json({ deleted: e.id, undo: `/api/expenses/${e.id}/restore` });
  });

  app.post('/api/expenses/:id/restore', async (c) => {
    const e = await own(c);
    if (!e) return apiError(c, 404, 'No such expense.');
    if (!e.deletedAt) return c.json({ restored: 0 });
    return c.json({ restored: await d.table.restore(e.owner, [e.id], now()) });
  });

  app.get('/api/export', async (c) => {
    const s = c.get('session');
    const format = c.req.query('format') === 'jsonl' ? 'jsonl' : 'csv';
    const f = filterOf(s.owner, tableQuery(c));
    const today = localDate(d.clock.now(), (await d.settings(s.owner)).timeZone);
    const body = exportLines(d.table, f, format);
    return c.body(body, 200, {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="munshi-expenses-${today}.${format}"`,
    });
  });

  // Data: import with a preview, erase, backup.
  app.get('/data', (c) => page(c, { title: 'Data', active: 'data' }, dataPage({ admin: c.get('session').admin })));

  app.post('/api/import/preview', async (c) => {
    const s = c.get('session');
    const text = await c.req.text();
    const { currency } = await d.settings(s.owner);
    const job = importPreview(text, { owner: s.owner, categorize: d.categorize, id: randomUUID(), at: d.clock.now().getTime(), defaultCurrency: currency });
    if (!job.total) return apiError(c, 400, 'No rows found. The first line must name the columns: date,amount,currency,category,item,merchant,note.');
    for (const [k, j] of imports) if (d.clock.now().getTime() - j.at > 3_600_000 || j.owner === s.owner) imports.delete(k);
    imports.set(job.id, job);
    return c.json({ id: job.id, total: job.total, valid: job.valid.length, invalid: job.problems.length, sample: job.sample });
  });

  app.post('/api/import/:id/run', async (c) => {
    const s = c.get('session');
    const job = imports.get(c.req.param('id'));
    if (!job || job.owner !== s.owner) return apiError(c, 404, 'That import has expired; choose the file again.');
    const body = (await c.req.json().catch(() => ({}))) as { from?: unknown };
    const from = Math.max(0, Math.min(job.valid.length, Number(body.from) || 0));
    const batch = job.valid.slice(from, from + 200);
    const { added, present: duplicates } = batch.length ? await d.expenses.importBatch(batch.map(({ line: _l, ...item }) => item), { owner: s.owner, now: now() }) : { added: 0, present: 0 };
    const next = from + batch.length;
    if (next >= job.valid.length) imports.delete(job.id);
    return c.json({ added, duplicates, next, total: job.valid.length });
  });

  app.post('/api/erase', async (c) => {
    const s = c.get('session');
    const body = (await c.req.json().catch(() => ({}))) as { confirm?: unknown };
    if (clean(body.confirm, 60).toLowerCase() !== 'erase all my data') return apiError(c, 400, 'Type "erase all my data" to confirm.');
    const r = await d.table.eraseOwner(s.owner);
    d.logger.warn({ owner: s.owner, expenses: r.expenses }, 'erased all data of an owner from the web page');
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json(r);
  });

  app.get('/api/backup', async (c) => {
    const s = c.get('session');
    // The file holds every person's ledger: only the box's owner may take it.
    if (!s.admin) return apiError(c, 403, 'Only the owner of this munshi can download a backup.');
    fs.mkdirSync(d.tmpDir, { recursive: true });
    const file = path.join(d.tmpDir, `backup-${randomUUID()}.db`);
    if (!(await d.table.backup(file))) return apiError(c, 409, 'This ledger lives in memory; there is no file to back up.');
    const data = await fs.promises.readFile(file);
    await fs.promises.rm(file, { force: true });
    const stamp = d.clock.now().toISOString().slice(0, 10);
    return c.body(data, 200, { 'Content-Type': 'application/vnd.sqlite3', 'Content-Disposition': `attachment; filename="munshi-backup-${stamp}.db"` });
  });

  // Pairing (admins): state, last error, the live QR.
  app.get('/pairing', (c) => {
    if (!c.get('session').admin) return page(c, { title: 'WhatsApp', active: 'pairing' }, pairingPage(null), 403);
    return page(c, { title: 'WhatsApp', active: 'pairing' }, pairingPage(d.pairing()));
  });
  app.get('/api/pairing', (c) => {
    if (!c.get('session').admin) return apiError(c, 403, 'Only the owner of this munshi can pair it.');
    const { qr: _qr, ...p } = d.pairing();
    return c.json(p);
  });
  app.get('/pairing/qr.svg', async (c) => {
    if (!c.get('session').admin) return apiError(c, 403, 'Only the owner of this munshi can pair it.');
    const { qr } = d.pairing();
    if (!qr) return apiError(c, 404, 'No QR right now.');
    const svg = await QRCode.toString(qr, { type: 'svg', margin: 2, errorCorrectionLevel: 'L' });
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml' });
  });

  // Settings: this person's currency, zone and locale (the same keys "set currency USD" writes).
  const settingsView = async (s: WebSession, problems?: string[]) => {
    const stored = await d.preferences.settings(s.owner);
    const summaries = { weekly: stored[SUMMARY_SETTING.week] !== 'off', monthly: stored[SUMMARY_SETTING.month] !== 'off' };
    return settingsPage({ settings: await d.settings(s.owner), access: d.access, schedule: d.schedule, summaries, owner: s.owner, csrf: s.csrf, problems });
  };
  app.get('/settings', async (c) => page(c, { title: 'Settings', active: 'settings' }, await settingsView(c.get('session'))));
  app.post('/settings', async (c) => {
    const s = c.get('session');
    const form = await c.req.parseBody();
    const v = (k: string) => clean(form[k], 64);
    const problems: string[] = [];
    const currency = v('currency').toUpperCase();
    if (currency && !KNOWN_CURRENCIES.has(currency)) problems.push(`${currency} is not a currency munshi knows.`);
    const timeZone = v('timeZone');
    let zoneOk = false;
    try {
      zoneOk = Boolean(timeZone && new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone);
    } catch {
      zoneOk = false;
    }
    if (timeZone && !zoneOk) problems.push(`${timeZone} is not a time zone (try Asia/Kolkata or Europe/London).`);
    const locale = v('locale');
    let localeOk = false;
    try {
      localeOk = Boolean(locale && Intl.NumberFormat.supportedLocalesOf([locale]).length);
    } catch {
      localeOk = false;
    }
    if (locale && !localeOk) problems.push(`${locale} is not a locale (try en-IN or en-GB).`);
    if (problems.length) {
      return page(c, { title: 'Settings', active: 'settings' }, await settingsView(s, problems), 400);
    }
    if (currency) await d.preferences.setSetting(s.owner, 'currency', currency);
    if (timeZone) await d.preferences.setSetting(s.owner, 'timeZone', timeZone);
    if (locale) await d.preferences.setSetting(s.owner, 'locale', locale);
    if (d.schedule.weekly) await d.preferences.setSetting(s.owner, SUMMARY_SETTING.week, form.weeklySummary === 'on' ? 'on' : 'off');
    if (d.schedule.monthly) await d.preferences.setSetting(s.owner, SUMMARY_SETTING.month, form.monthlySummary === 'on' ? 'on' : 'off');
    return c.redirect('/settings?saved=1', 303);
  });

  // Insights: totals by category for a period, budgets and recurring expenses.
  app.get('/insights', async (c) => {
    const s = c.get('session');
    const settings = await d.settings(s.owner);
    const today = localDate(d.clock.now(), settings.timeZone);
    const q = tableQuery(c);
    const from = q.from || startOfMonth(today);
    const to = q.to || endOfMonth(today);
    const label = `${dayText(from, settings.locale)} – ${dayText(to, settings.locale)}`;
    const [byCategory, budgets, recurring, summary, balances] = await Promise.all([
      d.table.byCategory({ owner: s.owner, from, to }),
      d.budgets.list(s.owner),
      d.recurring.list({ owner: s.owner }),
      d.summary(s.owner, { from, to, label }, false),
      d.debts.balances(s.owner),
    ]);
    // Each budget against its own current period, as the chat's alerts count it.
    const spent = await Promise.all(
      budgets.map((b) => {
        const r = budgetRange(b.period, today, settings.weekStartsOn);
        return d.expenses.spent({ owner: s.owner, currency: b.currency, from: r.from, to: r.to, category: b.scope.category, detail: b.scope.detail });
      }),
    );
    return page(
      c,
      { title: 'Insights', active: 'insights' },
      insightsPage({ from, to, byCategory, summary: summary.text, budgets: budgets.map((b, i) => ({ ...b, spentMinor: spent[i]! })), recurring, balances, locale: settings.locale, presets: presets(today) }),
    );
  });
  app.get('/insights/chart.png', async (c) => {
    const s = c.get('session');
    const settings = await d.settings(s.owner);
    const today = localDate(d.clock.now(), settings.timeZone);
    const q = tableQuery(c);
    const from = q.from || startOfMonth(today);
    const to = q.to || endOfMonth(today);
    const { png } = await d.summary(s.owner, { from, to, label: `${dayText(from, settings.locale)} – ${dayText(to, settings.locale)}` }, true);
    if (!png) return apiError(c, 404, 'No chart for this period.');
    return c.body(new Uint8Array(png), 200, { 'Content-Type': 'image/png', 'Cache-Control': 'private, max-age=60' });
  });
  app.post('/api/budgets/set', async (c) => {
    const s = c.get('session');
    const body = (await c.req.json().catch(() => ({}))) as { id?: unknown; amount?: unknown };
    const b = (await d.budgets.list(s.owner)).find((x) => x.id === Number(body.id));
    if (!b) return apiError(c, 404, 'No such budget.');
    const n = Number(String(body.amount ?? '').replace(/[,\s]/g, ''));
    if (!Number.isFinite(n) || n <= 0 || n > MAX_MAJOR_AMOUNT) return apiError(c, 400, 'The budget must be a positive amount.');
    const { id: _id, ...rest } = b;
    const updated = await d.budgets.set({ ...rest, amountMinor: toMinor(String(n), b.currency) }, d.clock.now());
    return c.json({ budget: { id: updated.id, amountMinor: updated.amountMinor, currency: updated.currency } });
  });
  app.post('/api/budgets/remove', async (c) => {
    const s = c.get('session');
    const body = (await c.req.json().catch(() => ({}))) as { id?: unknown };
    const b = (await d.budgets.list(s.owner)).find((x) => x.id === Number(body.id));
    if (!b) return apiError(c, 404, 'No such budget.');
    return c.json({ removed: await d.budgets.remove(s.owner, b.scope) });
  });
  app.post('/api/recurring/stop', async (c) => {
    const s = c.get('session');
    const body = (await c.req.json().catch(() => ({}))) as { id?: unknown };
    const r = (await d.recurring.list({ owner: s.owner })).find((x) => x.id === Number(body.id));
    if (!r) return apiError(c, 404, 'No such recurring expense.');
    return c.json({ stopped: await d.recurring.stop(r.id, d.clock.now()) });
  });

  app.notFound((c) => (c.req.path.startsWith('/api/') ? apiError(c, 404, 'Not found.') : page(c, { title: 'Not found', active: null }, layoutNotFound(), 404)));
  return app;
}

const layoutNotFound = () => html`<h1>Not found</h1><p><a href="/">Back to your expenses</a></p>`;
