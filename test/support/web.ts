/**
 * @module test/support/web
 * The web page over a real ledger for tests: WebDeps built from repositories (a SQLite file in a
 * temp dir, or the fakes), a fixed clock, and a tiny cookie-keeping client over `app.request()`
 * that signs in the way a browser does (login page → pre-session token → code).
 */
import type { Repositories } from '../../src/app/repositories.js';
import { ownerSettings } from '../../src/bot/settings.js';
import { categorize } from '../../src/categories/index.js';
import type { Clock } from '../../src/clock/clock.js';
import type { OwnerSettings } from '../../src/core/types.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createMetrics } from '../../src/metrics/instrument.js';
import { createWebAuth, type WebAuth } from '../../src/web/auth.js';
import type { WebDeps } from '../../src/web/deps.js';
import type { HealthReport } from '../../src/web/health.js';
import { webHandler, type Mount } from '../../src/web/http/server.js';
import { periodSummary } from '../../src/web/summary.js';

export const INDIA: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };

export function webDeps(repos: Repositories, clock: Clock, over: Partial<WebDeps> = {}): WebDeps & { auth: WebAuth } {
  const auth = createWebAuth({ repo: repos.webAuth, clock });
  const health: HealthReport = {
    status: 'ok', version: 'test', startedAt: clock.now().toISOString(),
    whatsapp: { kind: 'console', state: 'connected', since: clock.now().toISOString(), lastEventAt: null, lastError: null, authenticatedAt: null },
    ledger: { ok: true, expenses: 0 }, ollama: { enabled: false }, whisper: { enabled: false }, lastMessageAt: null,
  };
  return {
    auth,
    table: repos.expenseTable,
    expenses: repos.expenses,
    preferences: repos.preferences,
    budgets: repos.budgets,
    debts: repos.debts,
    recurring: repos.recurring,
    settings: (owner) => ownerSettings(repos.preferences, owner, INDIA),
    categorize,
    health: async () => health,
    summary: (owner, range, chart) =>
      periodSummary(repos.expenses, owner, range, INDIA, { chart, renderChart: async () => ({ png: Buffer.from('89504e470d0a1a0a', 'hex'), width: 1, height: 1 }) as never }),
    metrics: createMetrics(),
    pairing: () => ({ state: 'pairing', since: clock.now().toISOString(), lastError: null, authenticatedAt: null, qr: 'test-qr-payload', qrAt: clock.now().toISOString(), code: null, transport: 'whatsapp', pairingPhone: false }),
    clock,
    logger: silentLogger,
    access: { mode: 'self', allowlist: [], ledgerMode: 'per_person', householdOwner: 'me' },
    schedule: { weekly: { every: 'week', weekday: 0, hour: 20, minute: 0 }, monthly: null },
    metricsToken: 'metrics-token-for-tests-0123',
    secureCookies: false,
    tmpDir: '/tmp',
    ...over,
  } as WebDeps & { auth: WebAuth };
}

export const ORIGIN = 'http://munshi.test';

/** A browser-like client: keeps cookies, sends Origin on writes, knows the page's CSRF token. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(readonly app: { request(input: string, init?: RequestInit): Response | Promise<Response> }) {}

  async fetch(url: string, init: RequestInit & { json?: unknown; form?: Record<string, string> } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('host', 'munshi.test');
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const method = init.method ?? (init.json !== undefined || init.form ? 'POST' : 'GET');
    if (method !== 'GET' && !headers.has('origin')) headers.set('origin', ORIGIN);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    } else if (init.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(init.form).toString();
    }
    const res = await this.app.request(`${ORIGIN}${url}`, { ...init, method, headers, body });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      if (/Max-Age=0/i.test(c) || v === '') this.cookies.delete(k!);
      else this.cookies.set(k!, v!);
    }
    return res;
  }

  /** A write from the signed-in page: JSON with the session's CSRF header. */
  write(method: string, url: string, json?: unknown): Promise<Response> {
    return this.fetch(url, { method, json, headers: { 'x-csrf-token': this.csrf } });
  }

  /** Signs in with a code the way the login page does; reads the page's CSRF token. */
  async signIn(code: string): Promise<Response> {
    const page = await (await this.fetch('/login')).text();
    const pre = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const res = await this.fetch('/login/code', { form: { _csrf: pre, code } });
    if (res.status === 303) await this.readCsrf();
    return res;
  }

  async readCsrf(): Promise<void> {
    const home = await (await this.fetch('/')).text();
    this.csrf = /name="csrf-token" content="([^"]+)"/.exec(home)?.[1] ?? '';
  }
}

export function testApp(deps: WebDeps, mounts: Mount[] = []) {
  return webHandler(deps, mounts);
}
