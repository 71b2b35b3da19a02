/**
 * @module bench/import
 * Import and the all-time total at scale (issue 17): a 100,000-row CSV (an export's shape, no
 * uids) streamed into a fresh ledger in 64 KiB chunks as stdin would deliver it: rows/s and the
 * process's RSS before/peak/after (the file itself is never held whole); the same file imported
 * again (all "already present"); then all-time questions over those 100k rows through the
 * question planner and the SQLite ledger, p50/p99 of 30, each with the period it was planned to
 * (a question the planner reads as "this month" is not an all-time total, and says so).
 * Wall time on a shared machine says as much about the neighbours as about munshi: the import also
 * prints its CPU time and rows per CPU-second. `npm run bench -- import`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRepositories } from '../src/app/repositories.js';
import { categorize } from '../src/categories/index.js';
import type { OwnerSettings } from '../src/core/types.js';
import { importChunks } from '../src/ledger/io/transfer.js';
import { answerQuestion } from '../src/query/answer.js';
import { percentile, type BenchResult } from './stats.js';

const MIB = 2 ** 20;
const SETTINGS: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const ITEMS = ['chai', 'coffee', 'petrol', 'uber', 'lunch', 'groceries', 'milk', 'netflix', 'medicine', 'haircut', 'movie tickets', 'bread', 'beer', 'rent', 'electricity bill'];

/** The CSV as chunks, generated on the fly (so the bench's own memory does not hold the file). */
async function* csv(rows: number, chunkBytes = 65_536): AsyncGenerator<string> {
  let buf = 'date,amount,currency,category,item,merchant,note\n';
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2023, 0, 1) + (i % 1000) * 86_400_000).toISOString().slice(0, 10);
    buf += `${day},${20 + (i % 977)}.${String(i % 100).padStart(2, '0')},INR,,${ITEMS[i % ITEMS.length]} ${i % 13},${i % 5 ? '' : 'Shop, "Ltd"'},\n`;
    if (buf.length >= chunkBytes) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

const loadAverage = () => `load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`;

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}

export async function benchImport(rows = 100_000): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-import-bench-'));
  const lines: string[] = [];
  try {
    const repos = await openRepositories(path.join(dir, 'munshi.db'));
    const opts = { format: 'csv' as const, owner: 'me', now: new Date().toISOString(), categorize };
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await importChunks(repos.expenses, csv(rows), { ...opts, onProgress: () => void (peak = Math.max(peak, process.memoryUsage().rss)) });
    const s = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(c0);
    clearInterval(sampler);
    lines.push(`import ${rows.toLocaleString('en')} CSV rows into a new ledger: ${s.toFixed(1)} s = ${Math.round(r.added / s).toLocaleString('en')} rows/s (added ${r.added}); CPU ${cpu.toFixed(1)} s = ${Math.round(r.added / cpu).toLocaleString('en')} rows per CPU-second; RSS ${(before / MIB).toFixed(0)} → peak ${(peak / MIB).toFixed(0)} MiB; ${loadAverage()}`);
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const again = await importChunks(repos.expenses, csv(rows), opts);
    const s2 = (performance.now() - t1) / 1000;
    const cpu2 = cpuSeconds(c1);
    lines.push(`the same file again: ${s2.toFixed(1)} s = ${Math.round(rows / s2).toLocaleString('en')} rows/s; CPU ${cpu2.toFixed(1)} s; added ${again.added}, already present ${again.present}; ${loadAverage()}`);

    const ctx = { owner: 'me', now: new Date('2026-01-15T12:00:00Z'), settings: SETTINGS, maxResultRows: 50 };
    for (const q of ['how much have I spent so far?', 'total spent so far', 'how much did I spend in total?', 'total spent on chai so far']) {
      const first = await answerQuestion(repos.queries, q, ctx);
      const lat: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t = performance.now();
        await answerQuestion(repos.queries, q, ctx);
        lat.push(performance.now() - t);
      }
      lat.sort((a, b) => a - b);
      const period = first.plan?.periods[0]?.label ?? 'all time';
      lines.push(`"${q}" over ${rows.toLocaleString('en')} rows: p50 ${percentile(lat, 50).toFixed(1)} ms, p99 ${percentile(lat, 99).toFixed(1)} ms (planned as ${period}; ${first.result.count} rows counted; reply: ${first.reply.split('\n')[0]}); ${loadAverage()}`);
    }
    await repos.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { name: 'import and all-time totals at 100k rows', lines };
}
