/**
 * The web page in a real browser: Debian's Chromium driven by playwright-core against the whole
 * daemon (createApp as `npm start` builds it) with the real whatsapp-web.js adapter on the fake
 * client, the real pipeline and bot, and a SQLite ledger in a temp dir. It pairs from the page (the
 * sign-in code the log shows before pairing, then the live QR), reads the ledger the chat wrote,
 * edits a category inline, deletes and undoes, exports, imports a CSV with its preview and progress
 * bar, and signs in on a phone with the code "dashboard" sends to the chat. And with the console
 * transport, the first sign-in code arrives in the console's output.
 *
 * Screenshots of every page on a phone and a desktop viewport go to a temp dir, or to
 * docs/screenshots/ with MUNSHI_SCREENSHOTS=docs/screenshots (`npm run screenshots`).
 * Skipped, saying why, when Chromium is missing (scripts/setup.sh installs it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { memoryLogger, type LogRecord } from '../../src/logging/logger.js';
import { createApp, type App } from '../../src/main.js';
import { fakeClientFactory } from '../../src/transport/whatsapp/fake-client.js';

const CHROMIUM = process.env.MUNSHI_CHROMIUM_PATH || '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const why = hasChromium ? '' : ` (skipped: no Chromium at ${CHROMIUM}; scripts/setup.sh installs it with apt-get install chromium)`;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const shotDir = process.env.MUNSHI_SCREENSHOTS ? path.resolve(root, process.env.MUNSHI_SCREENSHOTS) : fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-shots-'));

const account = { pn: '919800000001@c.us', lid: '111122223333444@lid' };
const DESKTOP = { viewport: { width: 1280, height: 860 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let browser: Browser | null = null;
const apps: App[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  if (hasChromium) browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.stop()));
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function until<T>(get: () => T | Promise<T>, ms = 10_000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1] ?? null;

async function shoot(page: Page, name: string, device: 'phone' | 'desktop'): Promise<void> {
  fs.mkdirSync(shotDir, { recursive: true });
  await page.screenshot({ path: path.join(shotDir, `${name}-${device}.png`), fullPage: device === 'desktop' });
}

async function signIn(page: Page, base: string, code: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel('Sign-in code').fill(code);
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/login/code')), page.getByRole('button', { name: 'Sign in' }).first().click()]);
  await page.waitForLoadState('load');
  if (page.url() !== `${base}/`) throw new Error(`sign-in failed at ${page.url()}: ${(await page.content()).slice(0, 400)}`);
}

describe('the web page in Chromium', () => {
  it.skipIf(!hasChromium)(`pairs, shows, edits, deletes and undoes, exports and imports${why}`, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-web-e2e-'));
    dirs.push(dataDir);
    const records: LogRecord[] = [];
    const config = loadConfig({ MUNSHI_DATA_DIR: dataDir, MUNSHI_WWEB_CACHE: 'none', MUNSHI_WEB_PORT: '0', MUNSHI_WEB_HOST: '127.0.0.1', MUNSHI_LLM: 'off' });
    const factory = fakeClientFactory({ account, init: 'qr' });
    const app = await createApp({ config, logger: memoryLogger(records), clientFactory: factory, random: () => 0, optionalServices: false });
    apps.push(app);
    await app.start();
    const base = `http://127.0.0.1:${app.web!.port}`;
    const desktop: BrowserContext = await browser!.newContext({ ...DESKTOP, acceptDownloads: true });
    const page = await desktop.newPage();
    const requested: string[] = [];
    desktop.on('request', (r) => requested.push(r.url()));

    // Without a session: the login page, with status 401.
    const first = await page.goto(`${base}/`);
    expect(first!.status()).toBe(401);
    await expect(page.getByLabel('Sign-in code').isVisible()).resolves.toBe(true);
    await shoot(page, 'login', 'desktop');

    // Not paired yet: the log carries a code that opens the pairing page.
    const logged = await until(() => records.find((r) => /sign in with code \d{6}/.test(r.msg)));
    await signIn(page, base, codeIn(logged.msg.replace(/^.*with code/, ''))!);
    await page.goto(`${base}/pairing`);
    await until(() => page.locator('#pairing-qr[src]').count());
    expect(await page.locator('#pairing-state').textContent()).toBe('pairing');
    await shoot(page, 'pairing', 'desktop');
    factory.current().completePairing();
    await until(async () => (await page.locator('#pairing-state').textContent()) === 'connected');

    // The chat writes the ledger; the page shows it.
    const client = factory.current();
    for (const m of ['chai 20', 'uber 250', 'latte 180 at starbucks', 'petrol 1200', 'groceries 845 at dmart', 'movie tickets 500']) client.selfMessage(m);
    await until(async () => (await app.services.repos.expenses.count('me')) === 6);
    await page.goto(`${base}/`);
    await expect(page.locator('#expenses tbody tr').count()).resolves.toBe(6);
    expect(await page.locator('.totals').textContent()).toContain('₹2,995');
    await shoot(page, 'expenses', 'desktop');

    // Fix a category inline: chai → Food › Coffee, ₹25.
    const chaiId = await page.locator('#expenses tbody tr', { hasText: 'chai' }).getAttribute('data-id');
    // While edited, the row's text sits in inputs: find it by its id.
    const chai = page.locator(`#expenses tr[data-id="${chaiId}"]`);
    await chai.getByRole('button', { name: /^Edit/ }).click();
    await chai.getByLabel('category').selectOption('food/coffee');
    await chai.getByLabel('amount').fill('25');
    await chai.getByRole('button', { name: 'Save' }).click();
    await page.waitForLoadState('load');
    await until(async () => ((await page.locator('#expenses tbody tr', { hasText: 'chai' }).textContent()) ?? '').includes('Food › Coffee'));
    const chaiRow = (await app.services.repos.expenses.between({ owner: 'me' })).find((e) => e.item === 'chai')!;
    expect(chaiRow).toMatchObject({ category: 'food', detail: 'coffee', amountMinor: 2500 });

    // Delete, then undo from the toast.
    const uber = page.locator('#expenses tbody tr', { hasText: 'uber' });
    await uber.getByRole('button', { name: /^Delete/ }).click();
    await until(() => page.getByRole('button', { name: 'Undo' }).isVisible());
    expect(await app.services.repos.expenses.count('me')).toBe(5);
    await page.getByRole('button', { name: 'Undo' }).click();
    await until(async () => (await app.services.repos.expenses.count('me')) === 6);
    await until(async () => (await page.locator('#expenses tbody tr:visible', { hasText: 'uber' }).count()) === 1);

    // Export the filtered view.
    await page.goto(`${base}/?q=latte`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('date,amount,currency,category,item,merchant,note,uid');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(/,180,INR,food\/coffee,latte,starbucks,/i);

    // Import a CSV: preview (with the bad row explained), then the progress bar runs to the end.
    await page.goto(`${base}/data`);
    const rows = ['date,amount,currency,category,item,merchant,note', ...Array.from({ length: 450 }, (_, i) => `2026-01-${String((i % 28) + 1).padStart(2, '0')},${i + 1},INR,,item ${i},,`), '2026-01-05,oops,INR,,broken,,'];
    await page.locator('#import-form input[type=file]').setInputFiles({ name: 'old.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await page.getByRole('button', { name: 'Preview' }).click();
    await until(() => page.getByText('450 of 451 rows can be imported, 1 have problems.').isVisible());
    expect(await page.locator('#import-preview').textContent()).toContain('amount must be a positive number');
    await shoot(page, 'data', 'desktop');
    await page.getByRole('button', { name: 'Import 450 expenses' }).click();
    await until(() => page.getByText('Imported 450 expenses.').isVisible(), 20_000);
    expect(await page.locator('#import-progress').getAttribute('max')).toBe('450');
    expect(await app.services.repos.expenses.count('me')).toBe(456);

    // A debt written in the chat shows on the insights page's balances.
    client.selfMessage('Ramesh owes me 500');
    await until(() => client.sent.find((s) => s.text.startsWith('📒 Ramesh owes you ₹500')));
    await page.goto(`${base}/insights?from=2026-01-01&to=2026-12-31`);
    expect((await page.getByRole('region', { name: 'Balances' }).textContent())?.replace(/\s+/g, ' ')).toContain('Ramesh owes you ₹500');
    await shoot(page, 'insights', 'desktop');
    await page.goto(`${base}/settings`);
    await shoot(page, 'settings', 'desktop');

    // "dashboard" in the chat sends a code; a phone signs in with it.
    client.selfMessage('dashboard');
    const reply = await until(() => client.sent.find((s) => s.text.includes('munshi on the web')));
    expect(reply.chatId).toBe(account.pn);
    const phone = await browser!.newContext(PHONE);
    phone.on('request', (r) => requested.push(r.url()));
    const mobile = await phone.newPage();
    await signIn(mobile, base, codeIn(reply.text.replace(/^.*enter code/s, ''))!);
    await expect(mobile.locator('#expenses tbody tr').count()).resolves.toBe(50);
    await shoot(mobile, 'expenses', 'phone');
    for (const p of ['insights', 'data', 'pairing', 'settings']) {
      await mobile.goto(`${base}/${p}`);
      await shoot(mobile, p, 'phone');
    }
    await mobile.context().clearCookies();
    await mobile.goto(`${base}/`);
    await shoot(mobile, 'login', 'phone');
    await phone.close();
    await desktop.close();

    // The page loaded nothing from anywhere else: every request went to munshi.
    expect(requested.length).toBeGreaterThan(20);
    expect(requested.filter((u) => !u.startsWith(`${base}/`) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  }, 90_000);

  it('the first sign-in code arrives in the console transport output', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-web-console-'));
    dirs.push(dataDir);
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (b: Buffer) => (printed += b.toString()));
    const config = loadConfig({ MUNSHI_DATA_DIR: dataDir, MUNSHI_TRANSPORT: 'console', MUNSHI_WEB_PORT: '0', MUNSHI_WEB_HOST: '127.0.0.1', MUNSHI_LLM: 'off' });
    const app = await createApp({ config, logger: memoryLogger(), input, output, optionalServices: false });
    apps.push(app);
    await app.start();
    await until(() => printed.includes('munshi on the web'));
    const code = codeIn(printed.replace(/^.*enter code/s, ''))!;
    expect(code).toMatch(/^\d{6}$/);
    const base = `http://127.0.0.1:${app.web!.port}`;
    // The code signs in (the same path a browser takes), once.
    const login = await fetch(`${base}/login`);
    const pre = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const post = () => fetch(`${base}/login/code`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: base, 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${pre}&code=${code}` });
    const ok = await post();
    expect(ok.status).toBe(303);
    expect(ok.headers.getSetCookie().some((c) => c.startsWith('munshi_session=') && /HttpOnly/.test(c) && /SameSite=Strict/.test(c))).toBe(true);
    expect((await post()).status).toBe(401);
    // Health needs no session and works with no WhatsApp at all; metrics need one.
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ status: 'ok', ledger: { ok: true }, whatsapp: { kind: 'console', state: 'connected' } });
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    // A restart does not send another code unasked: somebody already signed in.
    await app.stop();
    const again = await createApp({ config, logger: memoryLogger(), input: new PassThrough(), output, optionalServices: false });
    apps.push(again);
    printed = '';
    await again.start();
    await new Promise((r) => setTimeout(r, 300));
    expect(printed).not.toContain('munshi on the web');
  });
});
