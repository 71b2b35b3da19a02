#!/usr/bin/env node
/**
 * Builds munshi's production JavaScript: `tsc -p tsconfig.build.json` into dist/ (one ES module per
 * source file, so import.meta.url-relative data files and lazy imports work as in development),
 * plus every data file under src/ (vocabulary TSVs and the like) copied beside the modules.
 * The new tree is built aside and swapped in, so a running munshi never sees half a dist/.
 *
 *   node scripts/build.mjs             build now
 *   node scripts/build.mjs --if-stale  build only when src/ changed since the last build (npm's prestart)
 *   node scripts/build.mjs --check     exit 0 when dist/ is current, 1 when not (prints why)
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const STAMP = '.build-stamp.json';
const INPUTS = ['tsconfig.json', 'tsconfig.build.json'];

/** Every file the build reads (tests excluded), with its mtime. */
function inputs() {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.test\.ts$/.test(e.name)) out.push(p);
    }
  };
  walk(src);
  for (const f of INPUTS) out.push(path.join(root, f));
  return out.sort().map((p) => ({ rel: path.relative(root, p), mtimeMs: fs.statSync(p).mtimeMs }));
}

/** What the build was made from: the file list (a deleted or added file matters) and the newest change. */
function fingerprint(files = inputs()) {
  return {
    files: crypto.createHash('sha1').update(files.map((f) => f.rel).join('\n')).digest('hex'),
    newest: Math.max(...files.map((f) => f.mtimeMs)),
  };
}

/** Why dist/ is not current, or null when it is. */
export function staleReason() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(dist, STAMP), 'utf8'));
  } catch {
    return 'dist/ has not been built';
  }
  if (!fs.existsSync(src)) return null; // a runtime image ships dist/ alone
  const now = fingerprint();
  if (now.files !== stamp.files) return 'files were added to or removed from src/';
  if (now.newest > stamp.newest) return 'src/ changed since the last build';
  return null;
}

export function build() {
  const t0 = Date.now();
  const fp = fingerprint();
  const next = `${dist}.next-${process.pid}`;
  fs.rmSync(next, { recursive: true, force: true });
  let tsc;
  try {
    tsc = path.join(path.dirname(fileURLToPath(import.meta.resolve('typescript/package.json'))), 'bin', 'tsc');
  } catch {
    throw new Error('TypeScript is not installed: run `npm ci` (with dev dependencies) before building');
  }
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', next], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    fs.rmSync(next, { recursive: true, force: true });
    throw new Error(`tsc failed (exit ${r.status ?? r.signal})`);
  }
  // Data files read at run time relative to their module (language/vocab/*.tsv, …).
  const copy = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) copy(p);
      else if (!/\.ts$/.test(e.name)) {
        const to = path.join(next, path.relative(src, p));
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.copyFileSync(p, to);
      }
    }
  };
  copy(src);
  fs.writeFileSync(path.join(next, STAMP), JSON.stringify({ ...fp, builtAt: new Date().toISOString() }) + '\n');
  const old = `${dist}.old-${process.pid}`;
  if (fs.existsSync(dist)) fs.renameSync(dist, old);
  fs.renameSync(next, dist);
  fs.rmSync(old, { recursive: true, force: true });
  return Date.now() - t0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  try {
    if (args.includes('--check')) {
      const why = staleReason();
      if (why) process.stderr.write(`dist/ is stale: ${why}\n`);
      process.exit(why ? 1 : 0);
    }
    const why = args.includes('--if-stale') ? staleReason() : 'asked to build';
    if (why) {
      process.stderr.write(`munshi: building dist/ (${why})…\n`);
      const ms = build();
      process.stderr.write(`munshi: built dist/ in ${(ms / 1000).toFixed(1)} s\n`);
    }
  } catch (err) {
    process.stderr.write(`munshi: build failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
