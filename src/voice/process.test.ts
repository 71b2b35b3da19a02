import { describe, expect, it } from 'vitest';
import { runProcess, tail } from './process.js';
import { isMunshiError } from '../core/errors.js';

const node = process.execPath;

describe('runProcess', () => {
  it('collects stdout, stderr and the exit code without throwing on a non-zero exit', async () => {
    const r = await runProcess(node, ['-e', 'process.stdout.write("out"); process.stderr.write("err"); process.exit(3)'], { timeoutMs: 10_000 });
    expect(r).toEqual({ code: 3, stdout: Buffer.from('out'), stderr: 'err' });
  });

  it('feeds input to stdin', async () => {
    const r = await runProcess(node, ['-e', 'process.stdin.pipe(process.stdout)'], { timeoutMs: 10_000, input: Buffer.from('chai 20') });
    expect(r.stdout.toString()).toBe('chai 20');
  });

  it('kills a slow child on timeout and rejects with a timeout error', async () => {
    const t0 = Date.now();
    const p = runProcess(node, ['-e', 'setTimeout(() => {}, 60_000)'], { timeoutMs: 300 });
    await expect(p).rejects.toSatisfy((e: unknown) => isMunshiError(e, 'timeout'));
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('escalates to SIGKILL when the child ignores SIGTERM', async () => {
    const t0 = Date.now();
    const p = runProcess(node, ['-e', 'process.on("SIGTERM", () => {}); console.log("ready"); setInterval(() => {}, 1000)'], { timeoutMs: 500 });
    await expect(p).rejects.toSatisfy((e: unknown) => isMunshiError(e, 'timeout'));
    expect(Date.now() - t0).toBeLessThan(6000);
  });

  it('reports a missing program as unavailable', async () => {
    const p = runProcess('munshi-no-such-program', [], { timeoutMs: 1000 });
    await expect(p).rejects.toSatisfy((e: unknown) => isMunshiError(e, 'unavailable') && /not installed/.test((e as Error).message));
  });

  it('does not block the event loop while a child runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    await runProcess(node, ['-e', 'const t = Date.now(); while (Date.now() - t < 400) {}'], { timeoutMs: 10_000 });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(10);
  });
});

describe('tail', () => {
  it('keeps the last lines', () => {
    expect(tail('a\nb\nc\nd\n', 2)).toBe('c\nd');
  });
});
