/**
 * @module bench/understanding
 * Throughput and latency of the rules understanding over a mixed corpus: munshi's own labelled
 * messages (test/data/ingest-*.jsonl) plus the eval sample when present, repeated. Called by
 * bench/run.ts; prints nothing itself. Run alone: `npx tsx bench/understanding.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OwnerSettings } from '../src/core/types.js';
import { zonedInstant } from '../src/core/dates.js';
import { understand } from '../src/understanding/understand.js';
import { percentile, type BenchResult } from './stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function corpus(): string[] {
  const files = [
    ...fs.readdirSync(path.join(here, '../test/data')).filter((f) => /^ingest-.*\.jsonl$/.test(f)).map((f) => path.join(here, '../test/data', f)),
    path.join(here, '../../shared/eval/sample/ingest.jsonl'),
  ].filter((f) => fs.existsSync(f));
  const texts: string[] = [];
  for (const f of files) {
    for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        texts.push(String((JSON.parse(line) as { text: unknown }).text ?? ''));
      } catch {
        // A broken line in a data file is not the bench's concern.
      }
    }
  }
  if (!texts.length) texts.push('chai 20', 'spent 500 on a latte at Starbucks yesterday', 'kal petrol 1.2k', 'how much on coffee?', 'hi');
  return texts;
}

export async function benchUnderstanding(): Promise<BenchResult> {
  const texts = corpus();
  const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
  const ctx = { now: zonedInstant('2026-01-15', { hour: 19, minute: 30 }, 'Asia/Kolkata'), settings };
  // Warm-up: lexicon and spelling indexes build lazily, and the JIT needs a few rounds.
  const t0 = performance.now();
  understand('cofee 40', ctx);
  const firstMs = performance.now() - t0;
  for (let i = 0; i < 3; i++) for (const t of texts) understand(t, ctx);

  const target = Math.max(20_000, texts.length * 20);
  const lat: number[] = [];
  let n = 0;
  const start = performance.now();
  while (n < target) {
    for (const t of texts) {
      const a = performance.now();
      understand(t, ctx);
      lat.push(performance.now() - a);
      n++;
    }
  }
  const totalMs = performance.now() - start;
  // Timing each call adds overhead; measure raw throughput separately.
  // CPU time, not wall time, is the honest "one core" figure on a shared machine.
  const rawStart = performance.now();
  const cpu0 = process.cpuUsage();
  let m = 0;
  while (m < target) for (const t of texts) { understand(t, ctx); m++; }
  const cpu = process.cpuUsage(cpu0);
  const rawMs = performance.now() - rawStart;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  lat.sort((a, b) => a - b);
  const us = (ms: number): string => `${(ms * 1000).toFixed(1)} µs`;
  return {
    name: 'understanding (rules)',
    lines: [
      `corpus: ${texts.length} distinct messages, ${m.toLocaleString('en-US')} understood`,
      `throughput: ${Math.round(m / (cpuMs / 1000)).toLocaleString('en-US')} messages per CPU-second on one core (wall clock: ${Math.round(m / (rawMs / 1000)).toLocaleString('en-US')}/s; with per-call timing: ${Math.round(n / (totalMs / 1000)).toLocaleString('en-US')}/s)`,
      `latency per message: p50 ${us(percentile(lat, 50))}, p99 ${us(percentile(lat, 99))}, max ${us(lat[lat.length - 1]!)}`,
      `first call (lazy lexicon/spelling build): ${firstMs.toFixed(1)} ms`,
    ],
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchUnderstanding().then((r) => {
    process.stdout.write(`${r.name}\n${r.lines.map((l) => `  ${l}`).join('\n')}\n`);
  });
}
