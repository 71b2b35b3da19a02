/**
 * @module bench/footprint
 * The daemon as it runs on a Pi: the compiled build (`node dist/main.js`, what `npm start`, the
 * Dockerfile and the systemd unit run), console transport, default settings (Ollama looked for and
 * not found), in a fresh data folder. Prints, per environment:
 *   - start to first reply: from spawning node to the reply of a message sent at once;
 *   - RSS idle after start (nothing said yet), and idle after the first reply;
 *   - RSS after 1,000 messages and 20 questions, each sent when the previous was answered, and the
 *     wall time and p50/p99 reply latency of that run;
 * for: the whole machine; one core (taskset -c 0); one core inside a 1 GiB memory cgroup (created
 * under this process's own cgroup when writable, else skipped saying why).
 * `npm run bench -- footprint` (builds dist/ first when it is stale).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { percentile, type BenchResult } from './stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The node flags the start script, Dockerfile and systemd unit use. */
export const NODE_FLAGS = ['--optimize-for-size'];
const MIB = 2 ** 20;

/** Deterministic, varied messages: the shapes people write, several currencies and dates. */
export function messages(n: number): string[] {
  const items = ['chai', 'coffee', 'petrol', 'uber', 'auto', 'lunch', 'dinner', 'groceries', 'milk', 'bread', 'swiggy biryani', 'zomato pizza',
    'movie tickets', 'netflix', 'electricity bill', 'mobile recharge', 'medicine', 'haircut', 'gym', 'books', 'shoes', 'tshirt', 'parking',
    'metro card', 'cab to airport', 'samosa', 'vada pav', 'beer', 'cake', 'flowers', 'dog food', 'diapers', 'detergent', 'water bottle',
    'bike service', 'train ticket', 'hotel', 'gift for mom', 'donation', 'school fees',
    // Words the lexicon does not know: WordNet (about 25 MB of files) loads for these, as it would
    // for any owner within a day or two.
    'tahini', 'harmonica', 'sriracha'];
  const forms = [(i: string, a: number) => `${i} ${a}`, (i: string, a: number) => `spent ${a} on ${i}`, (i: string, a: number) => `${i} ${a} yesterday`,
    (i: string, a: number) => `kal ${i} ${a}`, (i: string, a: number) => `${i} ₹${a}`, (i: string, a: number) => `${a} for ${i}`];
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, (_, k) => {
    const item = items[Math.floor(rnd() * items.length)]!;
    const amount = [20, 45, 120, 250, 499, 1200, 1850, 3000][Math.floor(rnd() * 8)]! + (k % 7);
    return forms[k % forms.length]!(item, amount);
  });
}

export const QUESTIONS = ['how much this week?', 'how much on food this month?', 'biggest expenses this week', 'how much on petrol this month?',
  'list my swiggy orders', 'what soft drinks did I drink?', 'average per day this month', 'compare last month vs this month',
  'breakdown by category this month', 'how much on coffee?', 'top 5 expenses this month', 'how many times uber this month?',
  'any medicine this month?', 'total spent yesterday', 'how much on groceries last week?', 'kitna kharcha hua aaj', 'show all', 'and last month?',
  'how much on transport?', 'summary'];

/** RSS of the processes a daemon started (the chart renderer while it is warm), summed. */
function childrenRss(pid: number): number {
  let sum = 0;
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) sum += rssOf(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return sum;
}

export function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

export interface Daemon {
  child: ChildProcess;
  /** Resolves with the next reply's first line (a "munshi › " line). */
  nextReply(): Promise<string>;
  say(text: string): void;
  stop(): Promise<void>;
}

export function launch(wrapper: string[], dataDir: string, extra: { nodeFlags?: string[]; env?: Record<string, string>; onOtherLine?: (line: string) => void } = {}): Daemon {
  const cmd = [...wrapper, process.execPath, ...NODE_FLAGS, ...(extra.nodeFlags ?? []), path.join(root, 'dist', 'main.js')];
  const child = spawn(cmd[0]!, cmd.slice(1), {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, MUNSHI_DATA_DIR: dataDir, MUNSHI_TRANSPORT: 'console', MUNSHI_LOG_LEVEL: 'error', ...extra.env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting: ((line: string) => void)[] = [];
  const early: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.startsWith('munshi › ')) return extra.onOtherLine?.(line);
    const w = waiting.shift();
    if (w) w(line);
    else early.push(line);
  });
  return {
    child,
    nextReply: () => (early.length ? Promise.resolve(early.shift()!) : new Promise((resolve) => waiting.push(resolve))),
    say: (text) => void child.stdin!.write(`${text}\n`),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin!.end();
        setTimeout(() => child.kill('SIGTERM'), 5000).unref();
      }),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Figures {
  startToReplyMs: number;
  idleMiB: number;
  afterFirstMiB: number;
  afterRunMiB: number;
  peakMiB: number;
  /** The chart renderer's process, still warm after the run's summary (it exits when idle). */
  childrenMiB: number;
  runSeconds: number;
  p50Ms: number;
  p99Ms: number;
}

/** The node process inside the wrapper (taskset and cgexec-like wrappers exec it, keeping the pid). */
async function measure(wrapper: string[], total = 1000): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-footprint-'));
  try {
    // Idle: start, say nothing, let start-up settle.
    const idle = launch(wrapper, path.join(dir, 'idle'));
    await sleep(6000);
    const idleRss = rssOf(idle.child.pid!);
    await idle.stop();

    // Start to first reply, then the run.
    const t0 = performance.now();
    const d = launch(wrapper, path.join(dir, 'run'));
    d.say('chai 20');
    await d.nextReply();
    const startToReplyMs = performance.now() - t0;
    await sleep(3000);
    const afterFirst = rssOf(d.child.pid!);
    const texts = messages(total);
    const lat: number[] = [];
    let peak = afterFirst;
    const r0 = performance.now();
    for (let i = 0; i < texts.length; i++) {
      const t = performance.now();
      d.say(texts[i]!);
      await d.nextReply();
      lat.push(performance.now() - t);
      if ((i + 1) % 50 === 0) {
        const q = QUESTIONS[((i + 1) / 50 - 1) % QUESTIONS.length]!;
        const tq = performance.now();
        d.say(q);
        await d.nextReply();
        lat.push(performance.now() - tq);
      }
      if (i % 100 === 0) peak = Math.max(peak, rssOf(d.child.pid!));
    }
    const runSeconds = (performance.now() - r0) / 1000;
    await sleep(3000);
    const afterRun = rssOf(d.child.pid!);
    const children = childrenRss(d.child.pid!);
    peak = Math.max(peak, afterRun);
    await d.stop();
    lat.sort((a, b) => a - b);
    return {
      startToReplyMs, idleMiB: idleRss / MIB, afterFirstMiB: afterFirst / MIB, afterRunMiB: afterRun / MIB, peakMiB: peak / MIB, childrenMiB: children / MIB,
      runSeconds, p50Ms: percentile(lat, 50), p99Ms: percentile(lat, 99),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A 1 GiB cgroup-v1 memory group under this process's own memory cgroup (so the session's
 * accounting still sees it), entered by a tiny shell wrapper that then execs the command.
 * null with the reason when it cannot be made here.
 */
function memoryCgroup(): { wrapper: string[]; remove(): void } | { skip: string } {
  const line = fs.readFileSync('/proc/self/cgroup', 'utf8').split('\n').find((l) => /^\d+:memory:/.test(l));
  const v1 = '/sys/fs/cgroup/memory';
  if (!line || !fs.existsSync(v1)) return { skip: 'no cgroup-v1 memory controller here' };
  const dir = path.join(v1, line.split(':')[2]!, `munshi-footprint-${process.pid}`);
  try {
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'memory.limit_in_bytes'), String(2 ** 30));
  } catch (err) {
    return { skip: `cannot create a memory cgroup (${err instanceof Error ? err.message : String(err)})` };
  }
  return {
    wrapper: ['sh', '-c', `echo $$ > ${dir}/cgroup.procs && exec "$@"`, 'cgwrap'],
    remove: () => {
      try {
        fs.rmdirSync(dir);
      } catch {
        // still has a process or was removed: nothing to clean
      }
    },
  };
}

const fmt = (f: Figures) => [
  `start to first reply ${(f.startToReplyMs / 1000).toFixed(2)} s`,
  `RSS idle ${f.idleMiB.toFixed(0)} MiB, after the first reply ${f.afterFirstMiB.toFixed(0)} MiB`,
  `after 1,000 messages + 20 questions ${f.afterRunMiB.toFixed(0)} MiB (peak ${f.peakMiB.toFixed(0)} MiB) in ${f.runSeconds.toFixed(1)} s; reply p50 ${f.p50Ms.toFixed(1)} ms, p99 ${f.p99Ms.toFixed(1)} ms`,
  `chart renderer child, warm after the run's summary chart (exits after 2 idle minutes): ${f.childrenMiB.toFixed(0)} MiB`,
];

export async function benchFootprint(): Promise<BenchResult> {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('dist/ could not be built');
  const lines = [`node ${NODE_FLAGS.join(' ')} dist/main.js, console transport, default settings (Ollama not reachable), no Chromium`];
  lines.push('whole machine:', ...fmt(await measure([])).map((l) => `  ${l}`));
  const taskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  if (taskset) lines.push('one core (taskset -c 0):', ...fmt(await measure(['taskset', '-c', '0'])).map((l) => `  ${l}`));
  else lines.push('one core: skipped (taskset not available)');
  const cg = memoryCgroup();
  if ('skip' in cg) lines.push(`one core in a 1 GiB memory cgroup: skipped (${cg.skip})`);
  else {
    try {
      lines.push('one core in a 1 GiB memory cgroup:', ...fmt(await measure([...cg.wrapper, ...(taskset ? ['taskset', '-c', '0'] : [])])).map((l) => `  ${l}`));
    } finally {
      cg.remove();
    }
  }
  return { name: 'footprint (the compiled daemon, as on a Pi)', lines };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const r = await benchFootprint();
  console.log(`## ${r.name}`);
  for (const l of r.lines) console.log(`  ${l}`);
}
