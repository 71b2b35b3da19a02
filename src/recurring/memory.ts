/**
 * @module recurring/memory
 * An in-memory recurring-expense repository for unit tests (same contract as the SQLite adapter).
 */
import type { NewRecurring, Recurring, RecurringRepository } from './repo.js';

export class MemoryRecurring implements RecurringRepository {
  readonly items: Recurring[] = [];
  private nextId = 1;

  async create(r: NewRecurring, now: Date): Promise<Recurring> {
    const created: Recurring = { ...r, id: this.nextId++, createdAt: now.toISOString(), stoppedAt: null };
    this.items.push(created);
    return { ...created };
  }

  async list(opts: { owner?: string; includeStopped?: boolean } = {}): Promise<Recurring[]> {
    return this.items.filter((r) => (!opts.owner || r.owner === opts.owner) && (opts.includeStopped || r.stoppedAt === null)).map((r) => ({ ...r }));
  }

  async stop(id: number, now: Date): Promise<boolean> {
    const r = this.items.find((x) => x.id === id && x.stoppedAt === null);
    if (!r) return false;
    r.stoppedAt = now.toISOString();
    return true;
  }
}
