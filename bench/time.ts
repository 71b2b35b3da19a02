/**
 * @module bench/time
 * Throughput of the time grammar alone (readTimes + bestTimes over already tagged messages, records
 * and questions), in CPU time, with the share of messages the cheap gate sends to the grammar and the
 * cost of those. Called by bench/run.ts; run alone: `npx tsx bench/time.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OwnerSettings } from '../src/core/types.js';
import { zonedInstant } from '../src/core/dates.js';
import { analyze, contextFromSettings } from '../src/language/context.js';
import { bestTimes, readTimes } from '../src/language/time/index.js';
import type { BenchResult } from './stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function corpus(): { text: string; question: boolean }[] {
  const dir = path.join(here, '../test/data');
  const out: { text: string; question: boolean }[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => /^(ingest|queries)-.*\.jsonl$/.test(x))) {
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const j = JSON.parse(line) as { text?: unknown; question?: unknown; q?: unknown };
        const text = String(j.text ?? j.question ?? j.q ?? '');
        if (text) out.push({ text, question: f.startsWith('queries') });
      } catch {
        // A broken line is not the bench's concern.
      }
    }
  }
  return out;
}

export async function benchTime(): Promise<BenchResult> {
  const msgs = corpus();
  const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
  const now = zonedInstant('2026-01-15', { hour: 19, minute: 30 }, 'Asia/Kolkata');
  const lc = contextFromSettings(now, settings);
  const tagged = msgs.map((m) => ({ t: analyze(m.text, lc), mode: m.question ? ('question' as const) : ('record' as const) }));
  for (let r = 0; r < 3; r++) for (const x of tagged) bestTimes(readTimes(x.t, lc, { mode: x.mode }));
  const rounds = Math.max(20_000, tagged.length * 20);
  let i = 0;
  const cpu0 = process.cpuUsage();
  for (let k = 0; k < rounds; k++) {
    const x = tagged[i++ % tagged.length]!;
    bestTimes(readTimes(x.t, lc, { mode: x.mode }));
  }
  const cpu = process.cpuUsage(cpu0);
  const us = (cpu.user + cpu.system) / rounds;
  // Per message, to see the tail: wall clock over 50 repetitions each.
  const per: number[] = [];
  for (const x of tagged) {
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < 50; k++) bestTimes(readTimes(x.t, lc, { mode: x.mode }));
    per.push(Number(process.hrtime.bigint() - t0) / 50_000);
  }
  per.sort((a, b) => a - b);
  const q = (p: number): string => per[Math.min(per.length - 1, Math.floor(p * per.length))]!.toFixed(1);
  const reached = per.filter((x) => x > 1).length;
  return {
    name: 'time grammar',
    lines: [
      `corpus: ${msgs.length} messages and questions (test/data/ingest-*.jsonl, queries-*.jsonl)`,
      `readTimes + bestTimes (tagged input): ${Math.round(1e6 / us).toLocaleString('en-US')} messages per CPU-second (${us.toFixed(1)} µs each)`,
      `per message (wall): p50 ${q(0.5)} µs, p90 ${q(0.9)} µs, p99 ${q(0.99)} µs; ${reached} of ${per.length} pass the gate into the grammar`,
    ],
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchTime().then((r) => {
    process.stdout.write(`${r.name}\n${r.lines.map((l) => `  ${l}`).join('\n')}\n`);
  });
}
