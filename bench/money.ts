/**
 * @module bench/money
 * Throughput of the money grammar alone (readNumbers over already tagged messages) and of the whole
 * language-layer reader (understandNext, which calls it), over munshi's labelled messages, in CPU
 * time. Called by bench/run.ts; run alone: `npx tsx bench/money.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OwnerSettings } from '../src/core/types.js';
import { zonedInstant } from '../src/core/dates.js';
import { analyze, contextFromSettings } from '../src/language/context.js';
import { readNumbers } from '../src/language/money/index.js';
import { understandNext } from '../src/understanding/next/understand.js';
import type { BenchResult } from './stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function corpus(): string[] {
  const dir = path.join(here, '../test/data');
  const texts: string[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => /^ingest-.*\.jsonl$/.test(x))) {
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        texts.push(String((JSON.parse(line) as { text: unknown }).text ?? ''));
      } catch {
        // A broken line is not the bench's concern.
      }
    }
  }
  return texts;
}

function perCpuSecond(n: number, run: () => void): { rate: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  for (let k = 0; k < n; k++) run();
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { rate: Math.round(1000 / (cpuMs / n)), cpuMs };
}

export async function benchMoney(): Promise<BenchResult> {
  const texts = corpus();
  const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
  const now = zonedInstant('2026-01-15', { hour: 19, minute: 30 }, 'Asia/Kolkata');
  const lc = contextFromSettings(now, settings);
  const tagged = texts.map((t) => analyze(t, lc));
  const ctx = { now, settings, language: lc };
  for (let r = 0; r < 3; r++) for (const t of tagged) readNumbers(t, lc);
  for (const t of texts) understandNext(t, ctx);
  let i = 0;
  const rounds = Math.max(20_000, tagged.length * 20);
  const grammar = perCpuSecond(rounds, () => { readNumbers(tagged[i++ % tagged.length]!, lc); });
  i = 0;
  const reader = perCpuSecond(Math.max(5_000, texts.length * 4), () => { understandNext(texts[i++ % texts.length]!, ctx); });
  return {
    name: 'money grammar and language-layer reader',
    lines: [
      `corpus: ${texts.length} distinct messages (test/data/ingest-*.jsonl)`,
      `readNumbers (money grammar, tagged input): ${grammar.rate.toLocaleString('en-US')} messages per CPU-second`,
      `understandNext (whole v2 reader, raw text): ${reader.rate.toLocaleString('en-US')} messages per CPU-second`,
    ],
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchMoney().then((r) => {
    process.stdout.write(`${r.name}\n${r.lines.map((l) => `  ${l}`).join('\n')}\n`);
  });
}
