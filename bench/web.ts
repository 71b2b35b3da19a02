/**
 * @module bench/web
 * Load on the web page's table API over 100k expenses: a SQLite ledger generated like the query
 * bench's (three years, 10% another owner, 1% deleted, 3% USD), the real server on a 127.0.0.1
 * socket, a signed-in session, and a few clients at once asking for what people click: the first
 * page, a deep page, a word search, a category sorted by amount, a date range; then a full CSV export.
 * Prints p50/p99 per kind and the throughput. Target: p99 ≤ 100 ms for a page on a 2-core box.
 *
 *   npm run bench -- web          MUNSHI_BENCH_WEB_ROWS=1000000 for a bigger ledger
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openRepositories } from '../src/app/repositories.js';
import { FakeClock } from '../src/clock/clock.js';
import { startWebServer } from '../src/web/http/server.js';
import { silentLogger } from '../src/logging/logger.js';
import { webDeps } from '../test/support/web.js';
import { generate } from './query.js';
import { ms, summarize, type BenchResult } from './stats.js';

const KINDS: [string, string][] = [
  ['first page (date ↓)', '/api/expenses'],
  ['page 1000 of 50', '/api/expenses?page=1000'],
  ['search "latte"', '/api/expenses?q=latte'],
  ['category, by amount', '/api/expenses?category=food/coffee&sort=amount'],
  ['one month', '/api/expenses?from=2025-06-01&to=2025-06-30'],
  ['two words, page 3', '/api/expenses?q=uber+ride&page=3'],
];

export async function benchWeb(): Promise<BenchResult> {
  const rows = Number(process.env.MUNSHI_BENCH_WEB_ROWS || 100_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-bench-web-'));
  const repos = await openRepositories(path.join(dir, 'munshi.db'));
  const lines: string[] = [];
  try {
    const t0 = performance.now();
    await generate(repos.store.db, rows);
    lines.push(`ledger: ${rows.toLocaleString('en')} rows generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const clock = new FakeClock('2026-01-15T14:00:00Z');
    const deps = webDeps(repos, clock, { logger: silentLogger, tmpDir: path.join(dir, 'tmp') });
    const server = await startWebServer({ host: '127.0.0.1', port: 0, deps, logger: silentLogger });
    if (!server) throw new Error('the web server did not start');
    const base = `http://127.0.0.1:${server.port}`;
    try {
      const { token } = (await deps.auth.signInWithCode((await deps.auth.issueCode('me')).code))!;
      const headers = { cookie: `munshi_session=${token}` };
      const get = async (url: string) => {
        const r = await fetch(base + url, { headers });
        if (r.status !== 200) throw new Error(`${url}: HTTP ${r.status}`);
        return r.arrayBuffer();
      };
      for (const [, url] of KINDS) await get(url); // warm the page cache
      const perKind = new Map<string, number[]>(KINDS.map(([k]) => [k, []]));
      const all: number[] = [];
      const CLIENTS = 4;
      const ROUNDS = 40;
      const start = performance.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, c) => {
          for (let i = 0; i < ROUNDS; i++) {
            const [kind, url] = KINDS[(i + c) % KINDS.length]!;
            const t = performance.now();
            await get(url);
            const d = performance.now() - t;
            perKind.get(kind)!.push(d);
            all.push(d);
          }
        }),
      );
      const secs = (performance.now() - start) / 1000;
      lines.push(`table API, ${CLIENTS} clients × ${ROUNDS} requests over a socket: ${(all.length / secs).toFixed(0)} req/s`);
      for (const [kind, samples] of perKind) {
        const s = summarize(samples);
        lines.push(`  ${kind.padEnd(22)} p50 ${ms(s.p50)}  p99 ${ms(s.p99)}  (n=${samples.length})`);
      }
      const s = summarize(all);
      lines.push(`  ${'all'.padEnd(22)} p50 ${ms(s.p50)}  p99 ${ms(s.p99)}  max ${ms(s.max)}`);
      const e0 = performance.now();
      const csv = await get('/api/export?format=csv');
      lines.push(`CSV export of every row of one owner: ${(csv.byteLength / 2 ** 20).toFixed(1)} MiB in ${((performance.now() - e0) / 1000).toFixed(2)} s`);
      const rss = process.memoryUsage().rss / 2 ** 20;
      lines.push(`process RSS after the run: ${rss.toFixed(0)} MiB (bench process: ledger generation included)`);
    } finally {
      await server.close();
    }
  } finally {
    await repos.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { name: `web table API (${rows.toLocaleString('en')} expenses)`, lines };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchWeb();
  console.log(`## ${r.name}\n${r.lines.map((l) => `  ${l}`).join('\n')}`);
}
