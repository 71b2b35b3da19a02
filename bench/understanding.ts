/**
 * @module bench/understanding
 * Throughput and per-message cost of the default reader (the language layer, understandNext) over a
 * realistic mix: munshi's labelled messages and questions (test/data/{ingest,queries}-*.jsonl; the
 * held-out sets under test/data/sets are not read) and the shared eval sample when present. CPU time
 * (process.cpuUsage), not wall time, is the figure on a shared machine. Target: ≥ 10,000 messages per
 * CPU-second on one core. Called by bench/run.ts; run alone: `npx tsx bench/understanding.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OwnerSettings } from '../src/core/types.js';
import { zonedInstant } from '../src/core/dates.js';
import { understandNext } from '../src/understanding/next/understand.js';
import type { UnderstandContext } from '../src/understanding/types.js';
import { percentile, type BenchResult } from './stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Messages and questions, in file order (a chat mixes both; the bot reads every one first). */
export function corpus(): string[] {
  const dataDir = path.join(here, '../test/data');
  // Beside the checkout (../shared), or at the machine's shared folder when this is a worktree.
  const sample = [path.join(here, '../../shared/eval/sample'), '/work/shared/eval/sample'].find((d) => fs.existsSync(d)) ?? '';
  const files = [
    ...fs.readdirSync(dataDir).filter((f) => /^(ingest|queries)-.*\.jsonl$/.test(f)).sort().map((f) => path.join(dataDir, f)),
    path.join(sample, 'ingest.jsonl'),
    path.join(sample, 'queries.jsonl'),
  ].filter((f) => fs.existsSync(f));
  const texts: string[] = [];
  for (const f of files) {
    for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const j = JSON.parse(line) as { text?: unknown; question?: unknown };
        const s = String(j.text ?? j.question ?? '');
        if (s) texts.push(s);
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
  const read = (t: string, c: UnderstandContext) => understandNext(t, c);
  const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
  // No ready language context: the reader builds one per message, as the bot does.
  const ctx: UnderstandContext = { now: zonedInstant('2026-01-15', { hour: 19, minute: 30 }, 'Asia/Kolkata'), settings };
  const cpuMsOf = (run: () => void): number => {
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  const pass = (): void => { for (const t of texts) read(t, ctx); };
  // First call: the vocabulary, lexicon and spelling indexes build lazily.
  const firstMs = cpuMsOf(() => read('cofee 40', ctx));
  // Cold: the first passes, while V8 is still compiling the reader (its optimizing compiler runs on
  // other threads, and their CPU counts here). A daemon is there after a few thousand messages.
  const WARM_PASSES = Math.max(12, Math.ceil(25_000 / texts.length));
  const curve: number[] = [];
  for (let r = 0; r < WARM_PASSES; r++) curve.push(cpuMsOf(pass));
  const rateOf = (ms: number, n: number): number => Math.round(n / (ms / 1000));

  // Throughput, warm: CPU time over whole passes of the corpus, no per-call timing.
  const rounds = Math.max(6, Math.ceil(15_000 / texts.length));
  const wall0 = performance.now();
  let m = 0;
  const cpuMs = cpuMsOf(() => { for (let r = 0; r < rounds; r++) { pass(); m += texts.length; } });
  const wallMs = performance.now() - wall0;

  // Per message: the CPU time of each message, the median of 5 repetitions (a neighbour's burst or a
  // GC pause lands in one repetition, not in the message's cost); then p50/p99 over messages.
  const per: number[] = [];
  const reps: number[] = new Array(5);
  for (const t of texts) {
    for (let k = 0; k < reps.length; k++) reps[k] = cpuMsOf(() => read(t, ctx));
    per.push([...reps].sort((a, b) => a - b)[2]!);
  }
  per.sort((a, b) => a - b);
  const us = (ms: number): string => `${(ms * 1000).toFixed(0)} µs`;
  const rate = rateOf(cpuMs, m);
  const at = (k: number): string => rateOf(curve[Math.min(k, curve.length) - 1]!, texts.length).toLocaleString('en-US');
  return {
    name: 'understanding (language layer, understandNext)',
    lines: [
      `corpus: ${texts.length} distinct messages and questions (test/data/{ingest,queries}-*.jsonl + eval sample); ${WARM_PASSES} passes to warm up, then ${m.toLocaleString('en-US')} understood`,
      `throughput, warm: ${rate.toLocaleString('en-US')} messages per CPU-second on one core ${rate >= 10_000 ? 'ok' : 'MISSED (target 10,000)'} (wall clock: ${Math.round(m / (wallMs / 1000)).toLocaleString('en-US')}/s)`,
      `while V8 warms up (messages per CPU-second in pass 1, 2, 5, 10, ${WARM_PASSES}): ${[1, 2, 5, 10, WARM_PASSES].map(at).join(', ')}`,
      `CPU per message, warm (median of 5 runs each): p50 ${us(percentile(per, 50))}, p90 ${us(percentile(per, 90))}, p99 ${us(percentile(per, 99))}, max ${us(per[per.length - 1]!)}`,
      `first call (lazy vocabulary/lexicon/spelling build): ${firstMs.toFixed(0)} ms CPU`,
    ],
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchUnderstanding().then((r) => {
    process.stdout.write(`${r.name}\n${r.lines.map((l) => `  ${l}`).join('\n')}\n`);
  });
}
