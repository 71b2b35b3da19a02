#!/usr/bin/env node
// Scores munshi on every evaluation set the project keeps, with the shared scorer, and prints one
// line per set plus a table for docs/ACCURACY.md.
//   node scripts/eval-sets.mjs [--sets a,b,c] [--keep DIR]
// A set is a folder test/data/sets/<name>/ holding set.json (now, tz, currency), ingest.jsonl and/or
// ledger.jsonl + queries.jsonl. The older flat files test/data/{ingest,queries,ledger}-<name>.jsonl are
// scored too (their reference now is the scorer's default). Frozen sets (name starting "frozen-") are
// scored like any other, but their failure files are deleted unread: nobody tunes against them.
// The scorer reads sets from its own folder, so each set is copied beside a copy of it in a temp dir.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scorer = [path.resolve(root, '../shared/eval/score.mjs'), '/work/shared/eval/score.mjs'].find((p) => fs.existsSync(p)) ?? path.resolve(root, '../shared/eval/score.mjs');
if (!fs.existsSync(scorer)) { console.error(`no shared scorer at ${scorer}`); process.exit(2); }
const args = process.argv.slice(2);
const only = args.includes('--sets') ? args[args.indexOf('--sets') + 1].split(',') : null;
const keep = args.includes('--keep') ? path.resolve(args[args.indexOf('--keep') + 1]) : path.join(os.tmpdir(), 'munshi-eval-sets');
fs.mkdirSync(keep, { recursive: true });

const sets = [];
const dataDir = path.join(root, 'test/data');
for (const f of fs.readdirSync(dataDir)) {
  const m = /^(ingest|queries)-(.+)\.jsonl$/.exec(f);
  if (m && !sets.some((s) => s.name === m[2])) {
    const name = m[2];
    const files = {};
    if (fs.existsSync(path.join(dataDir, `ingest-${name}.jsonl`))) files['ingest.jsonl'] = path.join(dataDir, `ingest-${name}.jsonl`);
    if (fs.existsSync(path.join(dataDir, `queries-${name}.jsonl`)) && fs.existsSync(path.join(dataDir, `ledger-${name}.jsonl`))) {
      files['queries.jsonl'] = path.join(dataDir, `queries-${name}.jsonl`);
      files['ledger.jsonl'] = path.join(dataDir, `ledger-${name}.jsonl`);
    }
    sets.push({ name, files });
  }
}
const setsDir = path.join(dataDir, 'sets');
if (fs.existsSync(setsDir)) {
  for (const name of fs.readdirSync(setsDir).sort()) {
    const dir = path.join(setsDir, name);
    if (!fs.statSync(dir).isDirectory()) continue;
    const files = {};
    for (const f of ['set.json', 'ingest.jsonl', 'ledger.jsonl', 'queries.jsonl']) if (fs.existsSync(path.join(dir, f))) files[f] = path.join(dir, f);
    sets.push({ name, files });
  }
}

const rows = [];
for (const s of sets) {
  if (only && !only.includes(s.name)) continue;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-set-'));
  const setDir = path.join(tmp, 'sample');
  fs.mkdirSync(setDir);
  fs.copyFileSync(scorer, path.join(tmp, 'score.mjs'));
  for (const [f, src] of Object.entries(s.files)) fs.copyFileSync(src, path.join(setDir, f));
  const hasIngest = 'ingest.jsonl' in s.files, hasQueries = 'queries.jsonl' in s.files;
  if (!hasIngest && !hasQueries) continue;
  const extra = hasIngest && hasQueries ? [] : ['--only', hasIngest ? 'ingest' : 'queries'];
  const r = spawnSync('node', [path.join(tmp, 'score.mjs'), '--repo', root, '--set', 'sample', ...extra, '--timeout', '600'], { encoding: 'utf8' });
  const out = r.stdout.trim().split('\n');
  const last = out[out.length - 1] ?? '';
  const failures = path.join(os.tmpdir(), 'munshi-eval', 'last-sample.txt');
  const frozen = s.name.startsWith('frozen');
  if (fs.existsSync(failures)) {
    if (frozen) fs.rmSync(failures);
    else fs.copyFileSync(failures, path.join(keep, `${s.name}.txt`));
  }
  const num = (re) => { const m = re.exec(last); return m ? m[1] + '%' : ''; };
  const row = {
    set: s.name,
    intent: num(/intent ([\d.]+)%/), fields: num(/fields ([\d.]+)%/), silent: num(/silent ([\d.]+)%/), asked: num(/asked ([\d.]+)%/),
    queries: num(/queries ([\d.]+)%/),
  };
  rows.push(row);
  console.log(`${s.name.padEnd(14)} ${last}${frozen ? '   (frozen: failures not kept)' : ''}`);
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log('\n| set | intent | fields | silent | asked | queries |\n|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.set} | ${r.intent} | ${r.fields} | ${r.silent} | ${r.asked} | ${r.queries} |`);
console.log(`\nfailures (non-frozen sets): ${keep}/<set>.txt`);

