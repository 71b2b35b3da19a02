/**
 * @module bench/run
 * `npm run bench [-- name ...]`: runs the benchmarks and prints their figures. Each benchmark is a
 * module exporting an async function returning {name, lines}; figures go in docs/PERFORMANCE.md.
 */
import os from 'node:os';
import type { BenchResult } from './stats.js';

const BENCHES: Record<string, () => Promise<BenchResult | BenchResult[]>> = {
  understanding: async () => (await import('./understanding.js')).benchUnderstanding(),
  money: async () => (await import('./money.js')).benchMoney(),
  time: async () => (await import('./time.js')).benchTime(),
  record: async () => (await import('./record.js')).benchRecord(),
  query: async () => (await import('./query.js')).benchQuery(),
  ai: async () => (await import('./ai.js')).benchAi(),
  voice: async () => (await import('./voice.js')).benchVoice(),
  receipts: async () => (await import('./receipts.js')).benchReceipts(),
  summary: async () => (await import('./summary.js')).benchSummary(),
  categories: async () => (await import('./categories.js')).benchCategories(),
  footprint: async () => (await import('./footprint.js')).benchFootprint(),
  web: async () => (await import('./web.js')).benchWeb(),
  webhooks: async () => (await import('./webhooks.js')).benchWebhooks(),
  import: async () => (await import('./import.js')).benchImport(),
  soak: async () => (await import('./soak.js')).benchSoak(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(BENCHES);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`munshi bench · ${new Date().toISOString()} · node ${process.version} · ${os.cpus().length} × ${cpu} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
let failed = 0;
for (const n of names) {
  const fn = BENCHES[n];
  if (!fn) {
    console.log(`\n## ${n}: unknown benchmark (have: ${Object.keys(BENCHES).join(', ')})`);
    failed++;
    continue;
  }
  try {
    const res = await fn();
    for (const r of Array.isArray(res) ? res : [res]) {
      console.log(`\n## ${r.name}`);
      for (const l of r.lines) console.log(`  ${l}`);
    }
  } catch (err) {
    failed++;
    console.log(`\n## ${n}: failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
process.exitCode = failed ? 1 : 0;
