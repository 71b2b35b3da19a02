/**
 * @module voice/queue
 * Runs async jobs one at a time, in arrival order. whisper.cpp already uses every core for one
 * transcription; two at once would only make both slower and double the memory.
 */
import { MunshiError } from '../core/errors.js';

export interface SerialQueue {
  /** Runs `job` after every earlier job has settled; resolves or rejects with its result. */
  run<T>(job: () => Promise<T>): Promise<T>;
  /** Jobs waiting or running. */
  readonly size: number;
  /** Resolves when nothing is waiting or running. */
  idle(): Promise<void>;
}

/**
 * A FIFO queue with concurrency 1. With `maxPending`, a job arriving while that many are already
 * queued is refused with MunshiError 'unavailable' instead of waiting for minutes.
 * Example: `const q = createSerialQueue(); await q.run(() => transcribe(a));`
 */
export function createSerialQueue(opts: { maxPending?: number } = {}): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let size = 0;
  const idleWaiters: Array<() => void> = [];

  return {
    get size() {
      return size;
    },
    run<T>(job: () => Promise<T>): Promise<T> {
      if (opts.maxPending !== undefined && size >= opts.maxPending) {
        return Promise.reject(new MunshiError('unavailable', `busy: ${size} voice notes are already waiting`));
      }
      size++;
      const result = tail.then(() => job());
      // The chain continues whether this job succeeds or fails.
      tail = result.then(
        () => undefined,
        () => undefined,
      ).then(() => {
        size--;
        if (size === 0) idleWaiters.splice(0).forEach((w) => w());
      });
      return result;
    },
    idle(): Promise<void> {
      return size === 0 ? Promise.resolve() : new Promise((r) => idleWaiters.push(r));
    },
  };
}
