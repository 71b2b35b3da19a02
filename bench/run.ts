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

// Names are the words that are neither a flag nor a flag's value ("soak --messages 5000").
const wanted = process.argv.slice(2).filter((a, i, all) => !a.startsWith('-') && !all[i - 1]?.startsWith('--'));
const names = wanted.length ? wanted : Object.keys(BENCHES);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
/** The machine is shared: every figure is printed with the load it was measured under. */
const load = () => `load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`;
console.log(`munshi bench · ${new Date().toISOString()} · node ${process.version} · ${os.cpus().length} × ${cpu} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · ${load()}`);
let failed = 0;
for (const n of names) {
  const fn = BENCHES[n];
  if (!fn) {
    console.log(`\n## ${n}: unknown benchmark (have: ${Object.keys(BENCHES).join(', ')})`);
    failed++;
    continue;
  }
  try {
    const before = load();
    const res = await fn();
    for (const r of Array.isArray(res) ? res : [res]) {
      console.log(`\n## ${r.name} (${before} at the start, ${load()} at the end)`);
      for (const l of r.lines) console.log(`  ${l}`);
    }
  } catch (err) {
    failed++;
    console.log(`\n## ${n}: failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
process.exitCode = failed ? 1 : 0;
