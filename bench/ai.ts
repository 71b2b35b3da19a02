/**
 * @module bench/ai
 * The local AI's figures: how much the rules handle without a model (messages and questions), what
 * the LLM path adds against the fake Ollama (protocol + validation, not inference), how fast a dead
 * Ollama is skipped, embedding throughput, vector search latency at 10k and 100k texts for both
 * vector adapters, and the daemon's memory with LanceDB loaded. Called by bench/run.ts.
 * Sizes: BENCH_AI_SIZES=10000,100000 (default).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OwnerSettings } from '../src/core/types.js';
import { zonedInstant } from '../src/core/dates.js';
import { understandNext as understand } from '../src/understanding/next/understand.js';
import { answerQuestion } from '../src/query/answer.js';
import { openRepositories } from '../src/app/repositories.js';
import { recordToDraft } from '../src/ledger/io/records.js';
import { categorize } from '../src/categories/index.js';
import { createOllamaLlm } from '../src/llm/ollama/adapter.js';
import { closedPort, startFakeOllama } from '../src/llm/ollama/fake-server.js';
import { extractWithLlm } from '../src/llm/extract.js';
import { answerWithLlm } from '../src/llm/plan.js';
import { createSqliteVectorIndex } from '../src/vectors/sqlite/index.js';
import { openLanceVectorIndex, probeLanceDb } from '../src/vectors/lancedb/index.js';
import type { VectorIndex } from '../src/vectors/port.js';
import { ms, summarize, type BenchResult } from './stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const now = zonedInstant('2026-01-15', { hour: 19, minute: 30 }, 'Asia/Kolkata');

function jsonl(file: string): Record<string, unknown>[] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).flatMap((l) => {
    try {
      return [JSON.parse(l) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

const dataFiles = (re: RegExp) => (fs.existsSync(path.join(here, '../test/data')) ? fs.readdirSync(path.join(here, '../test/data')).filter((f) => re.test(f)).map((f) => path.join(here, '../test/data', f)) : []);
const sample = (f: string) => path.join(here, '../../shared/eval/sample', f);

/** The bot's own criterion for calling the extraction fallback (bot/bot.ts needsFallback). */
function needsFallback(text: string): boolean {
  const u = understand(text, { now, settings });
  if (u.intent === 'add_expense') return u.confidence < 0.6;
  return u.intent === 'other' && (u.kind === 'unknown' || u.kind === 'noise') && u.confidence < 0.6;
}

async function rulesShare(): Promise<string[]> {
  const messages = [...dataFiles(/^ingest-.*\.jsonl$/), sample('ingest.jsonl')].flatMap((f) => jsonl(f).map((r) => String(r.text ?? '')));
  const fallbackMsgs = messages.filter(needsFallback);
  const questions = [...dataFiles(/^quer.*\.jsonl$/), sample('queries.jsonl')].flatMap((f) => jsonl(f).map((r) => String(r.question ?? '')));
  const ledger = await openRepositories(':memory:');
  const rows = jsonl(sample('ledger.jsonl')).flatMap((r) => {
    const d = recordToDraft(r, categorize);
    return d.ok ? [d.draft] : [];
  });
  if (rows.length) await ledger.expenses.record(rows, { owner: 'me', source: 'import', messageId: null, now: now.toISOString() });
  let unplanned = 0, viaVectors = 0;
  for (const q of questions) {
    let expanded = false;
    const a = await answerQuestion(ledger.queries, q, { owner: 'me', now, settings, expandConcept: async () => ((expanded = true), null) });
    if (!a.plan) unplanned++;
    else if (expanded) viaVectors++;
  }
  await ledger.close();
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
  return [
    `messages handled by the rules alone: ${pct(messages.length - fallbackMsgs.length, messages.length)} of ${messages.length} (${fallbackMsgs.length} would ask the LLM${fallbackMsgs.length ? `, e.g. ${JSON.stringify(fallbackMsgs.slice(0, 3))}` : ''})`,
    `questions planned by the rules alone: ${pct(questions.length - unplanned, questions.length)} of ${questions.length} (${unplanned} would ask the LLM; ${viaVectors} more ask semantic memory for an unknown concept)`,
  ];
}

async function timeIt(n: number, fn: (i: number) => Promise<unknown>): Promise<ReturnType<typeof summarize>> {
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    lat.push(performance.now() - t0);
  }
  return summarize(lat);
}

async function llmPath(): Promise<string[]> {
  const fake = await startFakeOllama({ dims: 768 });
  fake.setOnChat((req) =>
    // A plan request carries the plan schema (with "op"); an extraction request the expense schema.
    JSON.stringify(req.format).includes('"op"')
      ? { json: { op: 'sum', periods: [], periodAssumed: true, filters: { categories: [{ primary: 'food', detail: null }], subjects: [], within: [], minAmount: null, maxAmount: null, currency: null }, versus: [], averagePer: null, breakdownBy: null, order: 'largest', limit: null } }
      : { json: { intent: 'expense', expenses: [{ amount: 50, currency: null, item: 'stuff for the kids', merchant: null, category: 'shopping', date: null }] } },
  );
  const llm = createOllamaLlm({ host: fake.url, chatModel: 'qwen2.5:1.5b', embedModel: 'nomic-embed-text' });
  const ctx = { now, settings };
  const text = 'bought some stuff for the kids, fifty';
  for (let i = 0; i < 20; i++) await extractWithLlm(llm, text, ctx); // warm-up
  const rules = await timeIt(2000, async () => understand(text, ctx));
  const extract = await timeIt(300, () => extractWithLlm(llm, text, ctx));
  const ledger = await openRepositories(':memory:');
  const plan = await timeIt(200, () => answerWithLlm(llm, ledger.queries, 'what did the kids cost me in food', { owner: 'me', now, settings }));
  await ledger.close();

  const down = createOllamaLlm({ host: `http://127.0.0.1:${await closedPort()}`, chatModel: 'qwen2.5:1.5b', embedModel: 'nomic-embed-text', healthTtlMs: 0 });
  const dead = await timeIt(200, () => extractWithLlm(down, text, ctx));

  const texts = Array.from({ length: 4096 }, (_, i) => `item number ${i} ${['chai', 'petrol', 'latte', 'rent'][i % 4]}`);
  const t0 = performance.now();
  for (let i = 0; i < texts.length; i += 64) await llm.embed(texts.slice(i, i + 64));
  const embedSec = (performance.now() - t0) / 1000;
  await fake.close();
  return [
    `rules understand(): p50 ${ms(rules.p50)}, p99 ${ms(rules.p99)}`,
    `LLM extraction path vs fake Ollama (HTTP + client + zod + checks, no inference): p50 ${ms(extract.p50)}, p99 ${ms(extract.p99)} added`,
    `LLM question path vs fake Ollama (plan + checks + SQL): p50 ${ms(plan.p50)}, p99 ${ms(plan.p99)}`,
    `Ollama down (closed port, breaker off so every call dials): p50 ${ms(dead.p50)}, max ${ms(dead.max)} before the rules' answer stands`,
    `embedding throughput vs fake Ollama (768-d, batches of 64): ${Math.round(texts.length / embedSec)} texts/s (client + HTTP + JSON only; with a real model inference bounds it, not measurable here)`,
  ];
}

/** A seeded PRNG so every run searches the same vectors. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000 - 0.5;
  };
}

async function vectorBench(): Promise<string[]> {
  const sizes = (process.env.BENCH_AI_SIZES ?? '10000,100000').split(',').map(Number).filter((n) => n > 0);
  const dim = 384;
  const rand = rng(42);
  const lines: string[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-bench-ai-'));
  const probe = await probeLanceDb();
  const queries = Array.from({ length: 30 }, () => Array.from({ length: dim }, rand));
  try {
    for (const n of sizes) {
      // Items share a few "topics" so a threshold query has real hits, as concepts do.
      const topics = Array.from({ length: 50 }, () => Array.from({ length: dim }, rand));
      const entries = Array.from({ length: n }, (_, i) => ({
        text: `text ${i}`,
        kind: (i % 5 === 0 ? 'merchant' : 'item') as 'item' | 'merchant',
        vector: topics[i % 50]!.map((x) => x + rand() * 0.8),
      }));
      const qs = [...queries.slice(0, 10), ...topics.slice(0, 20)];
      const run = async (name: string, index: VectorIndex, optimize?: () => Promise<void>) => {
        const t0 = performance.now();
        for (let i = 0; i < entries.length; i += 2000) await index.upsert(entries.slice(i, i + 2000));
        const insertMs = performance.now() - t0;
        await index.search(qs[0]!, { minScore: 0.5, limit: 200 }); // loads/warms
        let hits = 0;
        const flat = await timeIt(qs.length, async (i) => (hits += (await index.search(qs[i]!, { minScore: 0.5, limit: 200 })).length));
        lines.push(`${name} ${n.toLocaleString('en-US')} × ${dim}-d: insert ${(insertMs / 1000).toFixed(1)} s; threshold search p50 ${ms(flat.p50)}, p99 ${ms(flat.p99)} (${(hits / qs.length).toFixed(0)} hits/query)`);
        if (optimize && n >= 10_000) {
          const t1 = performance.now();
          await optimize();
          const buildMs = performance.now() - t1;
          let hits2 = 0;
          const ivf = await timeIt(qs.length, async (i) => (hits2 += (await index.search(qs[i]!, { minScore: 0.5, limit: 200 })).length));
          lines.push(`${name} ${n.toLocaleString('en-US')} after optimize (IVF_FLAT, nprobes 20): build ${(buildMs / 1000).toFixed(1)} s; search p50 ${ms(ivf.p50)}, p99 ${ms(ivf.p99)}; recall vs exact ${((100 * hits2) / Math.max(1, hits)).toFixed(1)}%`);
        }
      };
      const db = await openRepositories(path.join(tmp, `sqlite-${n}.db`));
      const sqliteIndex = db.vectorIndex();
      await run('sqlite', sqliteIndex);
      await sqliteIndex.close();
      await db.close();
      if (probe.ok) {
        const lance = await openLanceVectorIndex(path.join(tmp, `lance-${n}`));
        await run('lancedb', lance, () => lance.optimize());
        await lance.close();
      } else lines.push(`lancedb: skipped (${probe.reason})`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return lines;
}

async function daemonRss(): Promise<string[]> {
  const probe = await probeLanceDb();
  if (!probe.ok) return [`daemon RSS with LanceDB: skipped (${probe.reason})`];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-bench-rss-'));
  const fake = await startFakeOllama({ concepts: { 'fizzy drinks': ['limca', 'coke'] } });
  try {
    // A realistic household memory: a few thousand distinct texts, already embedded.
    const dbFile = path.join(tmp, 'ledger.db');
    const ledger = await openRepositories(dbFile);
    const drafts = Array.from({ length: 3000 }, (_, i) => ({ amountMinor: 1000 + i, currency: 'INR', category: 'food' as const, detail: null, item: i % 3 ? `item ${i}` : 'limca', merchant: `shop ${i % 400}`, note: null, date: '2026-01-10' }));
    await ledger.expenses.record(drafts, { owner: 'me', source: 'import', messageId: null, now: now.toISOString() });
    await ledger.close();
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--import', 'tsx', path.join(here, 'ai-rss.ts'), dbFile, path.join(tmp, 'vectors'), fake.url], { cwd: path.join(here, '..'), timeout: 120_000 }, (err, stdout, stderr) => (err ? reject(new Error(stderr || err.message)) : resolve(stdout))),
    );
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as { baseMb: number; rssMb: number; heapMb: number; backend: string; vectors: number };
    return [`daemon RSS without Chromium, ${r.backend} loaded and searched over ${r.vectors} texts: ${r.rssMb} MiB (node baseline ${r.baseMb} MiB, JS heap ${r.heapMb} MiB); Chromium adds ~380 MiB`];
  } finally {
    await fake.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export async function benchAi(): Promise<BenchResult> {
  const lines = [...(await rulesShare()), ...(await llmPath()), ...(await vectorBench()), ...(await daemonRss())];
  return { name: 'local AI (fake Ollama; no real model here)', lines };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const r = await benchAi();
  console.log(`## ${r.name}`);
  for (const l of r.lines) console.log(`  ${l}`);
}
