import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, fetchPinnedWebVersion, webVersionCacheOption } from './client.js';

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

describe('whatsapp client settings', () => {
  it('uses low-memory Chromium flags and drops the sandbox only as root', () => {
    const user = chromiumArgs(false);
    expect(user).toEqual(expect.arrayContaining(['--disable-dev-shm-usage', '--disable-gpu', '--renderer-process-limit=1']));
    expect(user).not.toContain('--no-sandbox');
    expect(chromiumArgs(true)).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-setuid-sandbox']));
  });

  it('runs the pinned build from the local cache unless pinning is off', () => {
    expect(webVersionCacheOption({ webVersionCache: 'remote', webCacheDir: '/d' })).toEqual({ type: 'local', path: '/d', strict: false });
    expect(webVersionCacheOption({ webVersionCache: 'local', webCacheDir: '/d' })).toEqual({ type: 'local', path: '/d', strict: false });
    expect(webVersionCacheOption({ webVersionCache: 'none', webCacheDir: '/d' })).toEqual({ type: 'none' });
  });

  it('downloads the pinned build once into the cache and says so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-wweb-'));
    const s = { webVersion: '2.3000.1', webVersionCache: 'remote' as const, webVersionUrl: `${base}/html/{version}.html`, webCacheDir: dir };
    expect(await fetchPinnedWebVersion(s)).toMatch(/cached from/);
    expect(fs.readFileSync(path.join(dir, '2.3000.1.html'), 'utf8')).toBe('<html>pinned build</html>');
    const before = hits;
    expect(await fetchPinnedWebVersion(s)).toBeNull();
    expect(hits).toBe(before);
    expect(await fetchPinnedWebVersion({ ...s, webVersion: '2.3000.2' })).toMatch(/not in the archive \(HTTP 404\)/);
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(await fetchPinnedWebVersion({ ...s, webVersion: '2.3000.3', webVersionUrl: `http://127.0.0.1:${port}/{version}.html` })).toMatch(/could not fetch .*ECONNREFUSED.*live version/);
    expect(await fetchPinnedWebVersion({ ...s, webVersionCache: 'local', webVersion: '9.9.9' })).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
