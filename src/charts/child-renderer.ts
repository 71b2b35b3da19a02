/**
 * @module charts/child-renderer
 * A ChartRenderer that draws in a child process. vega, vega-lite and resvg take about 40 MiB once
 * loaded and a process never gives that back; charts are rare (a weekly summary, "chart my
 * spending"), so the daemon keeps them out of its own memory: the child starts on the first chart,
 * serves the charts that follow while it is warm, and exits after `idleMs` without one.
 * A crashed or hung child fails only the charts in flight ('unavailable' / 'timeout'); the next
 * chart starts a fresh one. Under tsx (development, tests) the child runs the TypeScript source.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { MunshiError } from '../core/errors.js';
import type { ChartRenderer, RenderedChart } from './render.js';

export interface ChildRendererOptions {
  /** Exit the child after this long without a chart (default 2 minutes). */
  idleMs?: number;
  /** Give up on one chart after this long (default 60 s: a first chart on a Pi loads vega first). */
  timeoutMs?: number;
}

export interface ChildChartRenderer {
  render: ChartRenderer;
  /** Whether a child is running now (for tests and status). */
  running(): boolean;
  /** Stops the child, failing charts in flight. */
  close(): Promise<void>;
}

/** How to start the child: the compiled module under node, or the source through tsx. */
function childArgs(): string[] {
  const self = fileURLToPath(import.meta.url);
  const ts = self.endsWith('.ts');
  const file = self.replace(/child-renderer\.(ts|js)$/, `render-child.${ts ? 'ts' : 'js'}`);
  return ts ? ['--import', 'tsx', file] : ['--optimize-for-size', file];
}

export function childProcessChartRenderer(o: ChildRendererOptions = {}): ChildChartRenderer {
  const idleMs = o.idleMs ?? 120_000;
  const timeoutMs = o.timeoutMs ?? 60_000;
  let child: ChildProcess | null = null;
  let idleTimer: NodeJS.Timeout | null = null;
  let seq = 0;
  const pending = new Map<number, { resolve(r: RenderedChart): void; reject(e: Error): void; timer: NodeJS.Timeout }>();

  function failAll(err: Error): void {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      pending.delete(id);
      p.reject(err);
    }
  }

  function start(): ChildProcess {
    const c = spawn(process.execPath, childArgs(), { stdio: ['pipe', 'pipe', 'inherit'] });
    createInterface({ input: c.stdout! }).on('line', (line) => {
      let msg: { id: number; png?: string; width?: number; height?: number; error?: string };
      try {
        msg = JSON.parse(line);
      } catch {
        return;
      }
      const p = pending.get(msg.id);
      if (!p) return;
      clearTimeout(p.timer);
      pending.delete(msg.id);
      if (msg.error !== undefined) p.reject(new MunshiError('bad_input', msg.error));
      else p.resolve({ png: Buffer.from(msg.png!, 'base64'), width: msg.width!, height: msg.height! });
      if (!pending.size) armIdle();
    });
    c.on('exit', (code, signal) => {
      if (child === c) child = null;
      failAll(new MunshiError('unavailable', `the chart renderer stopped (${signal ?? `exit ${code}`})`));
    });
    c.on('error', (err) => {
      if (child === c) child = null;
      failAll(new MunshiError('unavailable', `the chart renderer could not start: ${err.message}`));
    });
    // Idle, it must not keep a CLI process alive; busy, the pending timers do.
    c.unref();
    (c.stdin as unknown as { unref?(): void }).unref?.();
    (c.stdout as unknown as { unref?(): void }).unref?.();
    return c;
  }

  function armIdle(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = null;
      if (!pending.size) child?.stdin?.end();
    }, idleMs);
    idleTimer.unref();
  }

  const render: ChartRenderer = (input, opts) =>
    new Promise<RenderedChart>((resolve, reject) => {
      if (idleTimer) clearTimeout(idleTimer);
      child ??= start();
      const id = ++seq;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new MunshiError('timeout', `the chart took longer than ${Math.round(timeoutMs / 1000)} s`));
        // A hung renderer serves nobody: the next chart starts a fresh one.
        child?.kill('SIGKILL');
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer });
      child.stdin!.write(`${JSON.stringify({ id, input, opts })}\n`);
    });

  return {
    render,
    running: () => child !== null,
    async close() {
      if (idleTimer) clearTimeout(idleTimer);
      const c = child;
      child = null;
      if (!c) return;
      failAll(new MunshiError('unavailable', 'the chart renderer was closed'));
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve());
        c.stdin?.end();
        setTimeout(() => c.kill('SIGKILL'), 2000).unref();
      });
    },
  };
}
