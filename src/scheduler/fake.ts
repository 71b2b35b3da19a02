/**
 * @module scheduler/fake
 * A scheduler for tests, driven by a FakeClock: `advanceTo` walks time forward, stopping at every
 * occurrence of every job in order and awaiting it, so "a week passes" takes milliseconds.
 */
import type { FakeClock } from '../clock/clock.js';
import { nextDue } from './due.js';
import type { JobSpec, ScheduledJob, Scheduler } from './port.js';

interface Entry { spec: JobSpec; cancelled: boolean }

export class FakeScheduler implements Scheduler {
  private entries: Entry[] = [];
  /** Every wake-up so far, for assertions. */
  readonly fired: Array<{ name: string; at: Date }> = [];

  constructor(private readonly clock: FakeClock) {}

  schedule(spec: JobSpec): ScheduledJob {
    const e: Entry = { spec, cancelled: false };
    this.entries.push(e);
    const clock = this.clock;
    return {
      name: spec.name,
      nextRun: () => (e.cancelled ? null : nextDue(spec.cadence, clock.now(), spec.timeZone).at),
      cancel: () => {
        e.cancelled = true;
      },
    };
  }

  /** Moves the clock to `target`, firing each occurrence on the way at its exact instant. */
  async advanceTo(target: Date | string): Promise<void> {
    const end = new Date(target).getTime();
    for (;;) {
      const now = this.clock.now();
      let soonest: { e: Entry; at: Date } | null = null;
      for (const e of this.entries) {
        if (e.cancelled) continue;
        const at = nextDue(e.spec.cadence, now, e.spec.timeZone).at;
        if (at.getTime() <= end && (!soonest || at < soonest.at)) soonest = { e, at };
      }
      if (!soonest) break;
      this.clock.set(soonest.at);
      this.fired.push({ name: soonest.e.spec.name, at: soonest.at });
      await soonest.e.spec.run(soonest.at).catch(() => undefined);
    }
    this.clock.set(new Date(end));
  }

  async advance(ms: number): Promise<void> {
    await this.advanceTo(new Date(this.clock.now().getTime() + ms));
  }

  async stop(): Promise<void> {
    for (const e of this.entries) e.cancelled = true;
  }
}
