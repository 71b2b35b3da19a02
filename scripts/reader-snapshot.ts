/**
 * The v2 reader's and planner's output for every message and question of the tuned corpora
 * (test/data/{ingest,queries}-*.jsonl, not test/data/sets) and the shared eval sample, as JSON lines,
 * so a change meant to be behaviour-free (a speed-up, a refactor) can be diffed against it:
 *   npx tsx scripts/reader-snapshot.ts > before.jsonl   …change…   npx tsx scripts/reader-snapshot.ts | diff before.jsonl -
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OwnerSettings } from '../src/core/types.js';
import { zonedInstant } from '../src/core/dates.js';
import { contextFromSettings } from '../src/language/context.js';
import { understandNext } from '../src/understanding/next/understand.js';
import { planNext } from '../src/query/next/plan.js';
import { categoryNamed, findKnownTerms, isKnownWord } from '../src/categories/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function lines(file: string, field: string): string[] {
  if (!fs.existsSync(file)) return [];
  const out: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(String((JSON.parse(line) as Record<string, unknown>)[field] ?? ''));
    } catch {
      // not a record
    }
  }
  return out;
}

const dataDir = path.join(root, 'test/data');
const sample = [path.join(root, '../shared/eval/sample'), '/work/shared/eval/sample'].find((d) => fs.existsSync(d)) ?? '';
const messages = [
  ...fs.readdirSync(dataDir).filter((f) => /^ingest-.*\.jsonl$/.test(f)).sort().flatMap((f) => lines(path.join(dataDir, f), 'text')),
  ...lines(path.join(sample, 'ingest.jsonl'), 'text'),
];
const questions = [
  ...fs.readdirSync(dataDir).filter((f) => /^queries-.*\.jsonl$/.test(f)).sort().flatMap((f) => lines(path.join(dataDir, f), 'question')),
  ...lines(path.join(sample, 'queries.jsonl'), 'question'),
];

const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const now = zonedInstant('2026-01-15', { hour: 19, minute: 30 }, 'Asia/Kolkata');
const ctx = { now, settings };
const language = contextFromSettings(now, settings);
function pass(): string[] {
  const out: string[] = [];
  for (const text of [...messages, ...questions]) out.push(JSON.stringify({ text, u: understandNext(text, ctx) }));
  for (const text of questions) {
    const plan = planNext(text, { language, previous: null, categoryNamed, isThing: isKnownWord, isTerm: (p) => findKnownTerms(p.split(' ')).length > 0 });
    out.push(JSON.stringify({ q: text, plan }));
  }
  return out;
}
const first = pass();
// A second pass in the same process must read the same: caches warmed by the first may not change a reading.
const second = pass();
const drift = first.findIndex((l, i) => l !== second[i]);
if (drift >= 0) {
  process.stderr.write(`second pass differs at line ${drift + 1}:\n  ${first[drift]}\n  ${second[drift]}\n`);
  process.exitCode = 1;
}
process.stdout.write(first.join('\n') + '\n');
