/**
 * @module scheduler/fake
 * A scheduler for tests, driven by a FakeClock: `advanceTo` walks time forward, stopping at every
 * occurrence of every job in order and awaiting it, so "a week passes" takes milliseconds.
 */
import type { FakeClock } from '../clock/clock.js';
import { nextDue } from './due.js';
import type { JobSpec, ScheduledJob, Scheduler } from './port.js';

// Each job keeps its own cursor so two jobs due at the same instant both fire.
interface Entry { spec: JobSpec; cancelled: boolean; cursor: Date }

export class FakeScheduler implements Scheduler {
  private entries: Entry[] = [];
  /** Every wake-up so far, for assertions. */
  readonly fired: Array<{ name: string; at: Date }> = [];

  constructor(private readonly clock: FakeClock) {}

  schedule(spec: JobSpec): ScheduledJob {
    const e: Entry = { spec, cancelled: false, cursor: this.clock.now() };
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
    // A clock moved by hand (the appliance was off) skips what fell due meanwhile, as cron would.
    const now = this.clock.now();
    for (const e of this.entries) if (e.cursor < now) e.cursor = now;
    for (;;) {
      let soonest: { e: Entry; at: Date } | null = null;
      for (const e of this.entries) {
        if (e.cancelled) continue;
        const at = nextDue(e.spec.cadence, e.cursor, e.spec.timeZone).at;
        if (at.getTime() <= end && (!soonest || at < soonest.at)) soonest = { e, at };
      }
      if (!soonest) break;
      soonest.e.cursor = soonest.at;
      this.clock.set(soonest.at);
      this.fired.push({ name: soonest.e.spec.name, at: soonest.at });
      await soonest.e.spec.run(soonest.at).catch(() => undefined);
    }
    this.clock.set(new Date(end));
    for (const e of this.entries) if (e.cursor.getTime() < end) e.cursor = new Date(end);
  }

  async advance(ms: number): Promise<void> {
    await this.advanceTo(new Date(this.clock.now().getTime() + ms));
  }

  async stop(): Promise<void> {
    for (const e of this.entries) e.cancelled = true;
  }
}
