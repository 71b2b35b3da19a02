import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compareVersions, fetchPinnedWebVersion, keptBuilds, LIVE, WebBuildPin, type WebVersionSettings } from './web-version.js';

let server: http.Server;
let base: string;
let hits = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits++;
    if (req.url === '/html/2.3000.1.html') res.end('<html>pinned build</html>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function cacheDir(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-wweb-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
  return dir;
}
/** A fetch that must never be called: 'local' mode contacts nobody. */
const noFetch = (() => {
  throw new Error('fetch called');
}) as unknown as typeof fetch;
const settings = (dir: string, more: Partial<WebVersionSettings> = {}): WebVersionSettings => ({
  webVersionCache: 'local',
  webVersionUrl: `${base}/html/{version}.html`,
  webCacheDir: dir,
  ...more,
});

describe('kept WhatsApp Web builds', () => {
  it('orders versions numerically, newest first, and ignores other files', () => {
    expect(compareVersions('2.3000.9', '2.3000.10')).toBeLessThan(0);
    expect(compareVersions('2.3001.1', '2.3000.99999')).toBeGreaterThan(0);
    const dir = cacheDir({ '2.3000.9.html': 'a', '2.3000.10.html': 'b', '2.2999.5.html': 'c', 'notes.txt': 'x', 'empty.html': 'x', '2.3000.11.html': '', [`${LIVE}.html`]: 'x' });
    expect(keptBuilds(dir)).toEqual(['2.3000.10', '2.3000.9', '2.2999.5']);
    expect(keptBuilds(path.join(dir, 'missing'))).toEqual([]);
  });
});

describe('choosing the build for a launch', () => {
  it('loads the live build on a fresh install and says it will be kept', async () => {
    const dir = cacheDir();
    const c = await new WebBuildPin(settings(dir), noFetch).next();
    expect(c).toMatchObject({ webVersion: LIVE, source: 'live', webVersionCache: { type: 'local', path: dir, strict: false } });
    expect(c.note).toMatch(/no WhatsApp Web build is kept .* yet: loading the one web\.whatsapp\.com serves; it is kept there once linked/);
  });

  it('runs the newest kept build, or the pinned one when it is kept', async () => {
    const dir = cacheDir({ '2.3000.5.html': 'old', '2.3000.7.html': 'new' });
    expect(await new WebBuildPin(settings(dir), noFetch).next()).toMatchObject({ webVersion: '2.3000.7', source: 'kept' });
    const pinned = await new WebBuildPin(settings(dir, { webVersion: '2.3000.5' }), noFetch).next();
    expect(pinned).toMatchObject({ webVersion: '2.3000.5', source: 'kept' });
    expect(pinned.note).toMatch(/pinned WhatsApp Web 2\.3000\.5 kept in/);
  });

  it('falls back to the newest kept build, then to the live one, when the pinned build is missing', async () => {
    const dir = cacheDir({ '2.3000.7.html': 'new' });
    const c = await new WebBuildPin(settings(dir, { webVersion: '2.3000.1' }), noFetch).next();
    expect(c).toMatchObject({ webVersion: '2.3000.7', source: 'kept' });
    expect(c.note).toMatch(/pinned WhatsApp Web 2\.3000\.1 is not in .*; running WhatsApp Web 2\.3000\.7/);
    const empty = await new WebBuildPin(settings(cacheDir(), { webVersion: '2.3000.1' }), noFetch).next();
    expect(empty).toMatchObject({ webVersion: LIVE, source: 'live' });
  });

  it('gives a kept build that did not start one live attempt, then returns to it', async () => {
    const dir = cacheDir({ '2.3000.7.html': 'kept' });
    const pin = new WebBuildPin(settings(dir), noFetch);
    expect((await pin.next()).webVersion).toBe('2.3000.7');
    const live = await pin.next({ linked: false, reason: 'auth timeout' });
    expect(live).toMatchObject({ webVersion: LIVE, source: 'live' });
    expect(live.note).toMatch(/kept WhatsApp Web 2\.3000\.7 did not start \(auth timeout\); trying the build web\.whatsapp\.com serves/);
    // The live attempt failed too (no network): the kept build gets its turn again.
    expect(await pin.next({ linked: false, reason: 'net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/' })).toMatchObject({ webVersion: '2.3000.7' });
    // A network failure of the kept build says nothing about the build: it stays.
    expect(await pin.next({ linked: false, reason: 'net::ERR_INTERNET_DISCONNECTED' })).toMatchObject({ webVersion: '2.3000.7' });
    // When the live attempt linked, whatsapp-web.js kept that build; it is the newest now.
    await pin.next({ linked: false, reason: 'auth timeout' });
    fs.writeFileSync(path.join(dir, '2.3000.9.html'), 'what WhatsApp served');
    expect(await pin.next({ linked: true, reason: 'disconnected: NAVIGATION' })).toMatchObject({ webVersion: '2.3000.9', source: 'kept' });
  });

  it('MUNSHI_WWEB_CACHE=none always runs the live build and keeps nothing', async () => {
    const dir = cacheDir({ '2.3000.7.html': 'kept' });
    const c = await new WebBuildPin(settings(dir, { webVersionCache: 'none' }), noFetch).next();
    expect(c).toMatchObject({ webVersion: LIVE, webVersionCache: { type: 'none' }, source: 'live' });
  });

  it('MUNSHI_WWEB_CACHE=remote downloads a named build once from the archive and says it is a third-party host', async () => {
    const dir = cacheDir();
    const before = hits;
    const pin = new WebBuildPin(settings(dir, { webVersionCache: 'remote', webVersion: '2.3000.1' }));
    const c = await pin.next();
    expect(c).toMatchObject({ webVersion: '2.3000.1', source: 'kept' });
    expect(c.note).toMatch(/downloaded once from 127\.0\.0\.1:\d+ \(a third-party archive\)/);
    expect(fs.readFileSync(path.join(dir, '2.3000.1.html'), 'utf8')).toBe('<html>pinned build</html>');
    await pin.next();
    expect(hits).toBe(before + 1);
  });

  it('reports an archive that lacks the build or cannot be reached, and runs what is kept or live', async () => {
    const dir = cacheDir();
    const s = { webVersionCache: 'remote' as const, webVersionUrl: `${base}/html/{version}.html`, webCacheDir: dir };
    expect(await fetchPinnedWebVersion({ ...s, webVersion: '2.3000.2' })).toMatch(/not in the archive at 127\.0\.0\.1:\d+ \(HTTP 404\)/);
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const c = await new WebBuildPin({ ...s, webVersion: '2.3000.3', webVersionUrl: `http://127.0.0.1:${port}/{version}.html` }).next();
    expect(c.note).toMatch(/could not fetch WhatsApp Web 2\.3000\.3 .*ECONNREFUSED.*loading the one web\.whatsapp\.com serves/);
    expect(c.webVersion).toBe(LIVE);
    expect(await fetchPinnedWebVersion({ ...s, webVersionCache: 'local', webVersion: '9.9.9' })).toBeNull();
  });
});
