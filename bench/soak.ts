/**
 * @module bench/soak
 * Memory over a long run (issue 17: RSS after 20,000 messages within 20% of RSS after 1,000): the
 * compiled daemon (`node --optimize-for-size dist/main.js`, console transport, default settings) in
 * a fresh data folder is sent 20,000 varied messages, each when the previous was answered, with a
 * question every 100; it prints the daemon's RSS every 1,000 messages, the ledger and WAL sizes,
 * and the ratio RSS(20k) / RSS(1k). RSS is split as the kernel counts it: anonymous memory (V8's
 * heap, SQLite's page cache, native allocations) and file pages mapped into the process (the
 * code, and the ledger's pages when SQLite reads it through mmap); "heap" is V8's live heap after
 * its last full GC (from --trace-gc), so a leak in JS shows apart from caches that fill up.
 * `npm run bench -- soak [-- --messages N]`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, messages, QUESTIONS, rssOf } from './footprint.js';
import { percentile, type BenchResult } from './stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIB = 2 ** 20;

export async function benchSoak(total = Number(process.env.npm_config_messages ?? argValue('--messages') ?? 20_000)): Promise<BenchResult> {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('dist/ could not be built');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-soak-'));
  const lines: string[] = [`node --optimize-for-size dist/main.js, console transport, ${total.toLocaleString('en')} messages + a question every 100, each sent when the previous was answered${process.env.MUNSHI_SOAK_FLAGS ? `; extra node flags ${process.env.MUNSHI_SOAK_FLAGS}` : ''}${process.env.MUNSHI_SOAK_ENV ? `; daemon environment ${process.env.MUNSHI_SOAK_ENV}` : ''}`];
  try {
    // --trace-gc lines: "... Mark-Compact 45.1 (52.3) -> 40.2 (50.1) MB, ...": live heap after the last full GC.
    let heapAfterFullGc = NaN;
    let heapCommitted = NaN;
    // MUNSHI_SOAK_GCLOG=file: every --trace-gc line with the number of messages sent before it.
    const gcLog = process.env.MUNSHI_SOAK_GCLOG ? fs.openSync(process.env.MUNSHI_SOAK_GCLOG, 'w') : null;
    let sent = 0;
    const d = launch([], dir, {
      // Port 0: two soaks at once (or a daemon already on 8080) still each get their web page.
      env: { MUNSHI_WEB_PORT: '0', ...soakEnv() },
      nodeFlags: ['--trace-gc', ...extraFlags()],
      onOtherLine: (l) => {
        if (gcLog !== null) fs.writeSync(gcLog, `${sent} ${l}\n`);
        const m = /Mark-Compact[^\n]*?-> ([\d.]+) \(([\d.]+)\) MB/.exec(l);
        if (m) heapAfterFullGc = Number(m[1]);
        const any = /-> [\d.]+ \(([\d.]+)\) MB/.exec(l);
        if (any) heapCommitted = Number(any[1]);
      },
    });
    d.say('chai 20');
    await d.nextReply();
    const texts = messages(total);
    const rss: number[] = [];
    let lat: number[] = [];
    const t0 = performance.now();
    let mark = t0;
    lines.push('   messages   RSS MiB   anon   file   heap (committed)   ledger MiB   WAL MiB   p50 ms   p99 ms   msg/s   load');
    for (let i = 0; i < texts.length; i++) {
      const t = performance.now();
      d.say(texts[i]!);
      sent = i + 1;
      await d.nextReply();
      lat.push(performance.now() - t);
      if ((i + 1) % 100 === 0) {
        d.say(QUESTIONS[((i + 1) / 100) % QUESTIONS.length]!);
        await d.nextReply();
      }
      if ((i + 1) % 1000 === 0) {
        const r = rssOf(d.child.pid!) / MIB;
        rss.push(r);
        const st = memoryOf(d.child.pid!);
        const size = (f: string) => (fs.existsSync(path.join(dir, f)) ? fs.statSync(path.join(dir, f)).size / MIB : 0);
        lat.sort((a, b) => a - b);
        const now = performance.now();
        lines.push(
          `${String(i + 1).padStart(11)}   ${r.toFixed(0).padStart(7)}   ${st.anon.toFixed(0).padStart(4)}   ${st.file.toFixed(0).padStart(4)}   ${heapAfterFullGc.toFixed(0).padStart(4)} (${heapCommitted.toFixed(0).padStart(4)})     ${size('munshi.db').toFixed(1).padStart(10)}   ${size('munshi.db-wal').toFixed(1).padStart(7)}   ${percentile(lat, 50).toFixed(1).padStart(6)}   ${percentile(lat, 99).toFixed(1).padStart(6)}   ${(1000 / ((now - mark) / 1000)).toFixed(0).padStart(5)}   ${os.loadavg()[0]!.toFixed(1).padStart(4)}`,
        );
        mark = now;
        lat = [];
        process.stderr.write(`soak: ${lines.at(-1)}\n`);
      }
    }
    // A chat falls quiet after a burst: V8's memory reducer collects on its own (no --expose-gc)
    // some seconds later. What the daemon then sits at, apart from the criterion's samples.
    await new Promise((r) => setTimeout(r, 20_000));
    const idle = rssOf(d.child.pid!) / MIB;
    await d.stop();
    const first = rss[0]!;
    const last = rss.at(-1)!;
    lines.push(`idle 20 s after the last message: RSS ${idle.toFixed(0)} MiB, heap ${heapAfterFullGc.toFixed(0)} (${heapCommitted.toFixed(0)}) MiB`);
    lines.push(`RSS after ${total.toLocaleString('en')} / after 1,000: ${last.toFixed(0)} / ${first.toFixed(0)} MiB = ${((last / first - 1) * 100).toFixed(1)}% (target ≤ +20%); peak ${Math.max(...rss).toFixed(0)} MiB; ${((performance.now() - t0) / 1000).toFixed(0)} s; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { name: 'soak (memory over 20,000 messages)', lines };
}

/** RssAnon and RssFile (+RssShmem) of a process, MiB. */
function memoryOf(pid: number): { anon: number; file: number } {
  const st = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(st)?.[1] ?? NaN) / 1024;
  return { anon: kb('RssAnon'), file: kb('RssFile') + kb('RssShmem') };
}

/** MUNSHI_SOAK_FLAGS="--flag --flag2": node flags besides the start script's (to try V8 settings before adopting them). */
function extraFlags(): string[] {
  return (process.env.MUNSHI_SOAK_FLAGS ?? '').split(/\s+/).filter(Boolean);
}

/** MUNSHI_SOAK_ENV="K=V K2=V2": extra environment for the daemon (to try allocator or cache settings). */
function soakEnv(): Record<string, string> {
  return Object.fromEntries((process.env.MUNSHI_SOAK_ENV ?? '').split(/\s+/).filter((kv) => kv.includes('=')).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const r = await benchSoak();
  console.log(`## ${r.name}`);
  for (const l of r.lines) console.log(`  ${l}`);
}
