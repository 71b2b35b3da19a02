import { describe, expect, it } from 'vitest';
import { createSerialQueue } from './queue.js';
import { isMunshiError } from '../core/errors.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createSerialQueue', () => {
  it('runs one job at a time, in arrival order', async () => {
    const q = createSerialQueue();
    const events: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const job = (name: string, ms: number) => async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      events.push(`start ${name}`);
      await sleep(ms);
      events.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all([q.run(job('a', 30)), q.run(job('b', 5)), q.run(job('c', 10))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(maxRunning).toBe(1);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('keeps going after a job fails, and reports the failure to its caller only', async () => {
    const q = createSerialQueue();
    const a = q.run(async () => {
      throw new Error('boom');
    });
    const b = q.run(async () => 'after');
    await expect(a).rejects.toThrow('boom');
    await expect(b).resolves.toBe('after');
  });

  it('counts waiting jobs, refuses beyond maxPending, and signals idle', async () => {
    const q = createSerialQueue({ maxPending: 2 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = q.run(() => gate);
    const second = q.run(async () => 2);
    expect(q.size).toBe(2);
    const third = q.run(async () => 3);
    await expect(third).rejects.toSatisfy((e: unknown) => isMunshiError(e, 'unavailable'));
    const idle = q.idle();
    release();
    await first;
    await expect(second).resolves.toBe(2);
    await idle;
    expect(q.size).toBe(0);
  });
});
