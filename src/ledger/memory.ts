/**
 * @module ledger/memory
 * In-memory fakes of the expense and preference repositories, for unit tests of services (the bot,
 * budgets, summaries) that should not need SQLite. They pass the same contract test as the SQLite
 * adapters (ledger/contract.ts), so a service tested on them behaves the same on the real file.
 */
import type { IsoDate } from '../core/dates.js';
import type { Expense, UnderstoodBy } from '../core/types.js';
import { searchTextOf, type ExpenseRepository } from './expenses.js';
import { overrideKey, type CategoryOverride, type PreferenceRepository } from './preferences.js';

/** A stored row as the fake keeps it: the expense plus what only storage sees. */
export interface StoredExpense extends Expense {
  messagePart: number;
  understoodBy: UnderstoodBy;
  searchText: string;
}

const copy = (e: StoredExpense): Expense => {
  const { messagePart: _p, understoodBy: _u, searchText: _s, ...rest } = e;
  return { ...rest };
};
const live = (e: StoredExpense) => e.deletedAt === null;

export class MemoryLedger {
  /** Every row ever recorded (soft-deleted ones too), in id order. */
  readonly rows: StoredExpense[] = [];
  private readonly settingsByOwner = new Map<string, Map<string, string>>();
  private readonly overridesByOwner = new Map<string, Map<string, CategoryOverride>>();
  private nextId = 1;

  readonly expenses: ExpenseRepository = {
    record: async (drafts, meta) => {
      if (meta.messageId) {
        const existing = this.rows.filter((r) => r.messageId === meta.messageId).sort((a, b) => a.messagePart - b.messagePart);
        if (existing.length) return { expenses: existing.map(copy), duplicate: true };
      }
      // SQLite's CHECK (amount_minor > 0) and INTEGER column: one bad part records nothing.
      const bad = drafts.find((d) => !Number.isSafeInteger(d.amountMinor) || d.amountMinor <= 0);
      if (bad) throw new Error(`CHECK constraint failed: amount_minor > 0 (got ${bad.amountMinor})`);
      const out: Expense[] = [];
      for (const [i, d] of drafts.entries()) {
        const row: StoredExpense = {
          ...d,
          id: this.nextId++,
          owner: meta.owner,
          source: meta.source,
          messageId: meta.messageId,
          createdAt: meta.now,
          updatedAt: meta.now,
          deletedAt: null,
          messagePart: i,
          understoodBy: meta.understoodBy ?? 'rules',
          searchText: searchTextOf(d),
        };
        this.rows.push(row);
        out.push(copy(row));
      }
      return { expenses: out, duplicate: false };
    },
    get: async (id) => {
      const r = this.rows.find((x) => x.id === id);
      return r ? copy(r) : null;
    },
    recent: async (owner, limit) =>
      this.rows.filter((r) => r.owner === owner && live(r)).sort((a, b) => b.id - a.id).slice(0, limit).map(copy),
    softDelete: async (ids, now) => {
      let n = 0;
      for (const r of this.rows) {
        if (!ids.includes(r.id) || !live(r)) continue;
        Object.assign(r, { deletedAt: now, updatedAt: now });
        n++;
      }
      return n;
    },
    update: async (id, patch, now) => {
      const r = this.rows.find((x) => x.id === id);
      if (!r) return null;
      Object.assign(r, patch, { updatedAt: now });
      r.searchText = searchTextOf(r);
      return copy(r);
    },
    count: async (owner) => this.rows.filter((r) => live(r) && (!owner || r.owner === owner)).length,
    between: async (o) =>
      this.rows
        .filter((r) => live(r) && (!o.owner || r.owner === o.owner) && (!o.from || r.date >= o.from) && (!o.to || r.date <= o.to))
        .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)
        .map(copy),
    firstDate: async (owner) => {
      const dates = this.rows.filter((r) => live(r) && r.owner === owner).map((r) => r.date).sort();
      return (dates[0] as IsoDate | undefined) ?? null;
    },
    owners: async (o) => {
      const by = o.recordedBy?.toISOString();
      const set = new Set(this.rows.filter((r) => live(r) && r.date >= o.from && r.date <= o.to && (!by || r.createdAt <= by)).map((r) => r.owner));
      return [...set].sort();
    },
    spent: async (f) =>
      this.rows
        .filter((r) => live(r) && r.owner === f.owner && r.currency === f.currency && r.date >= f.from && r.date <= f.to && (!f.category || r.category === f.category) && (!f.detail || r.detail === f.detail))
        .reduce((a, r) => a + r.amountMinor, 0),
    distinctTexts: async () => {
      const rows = this.rows.filter(live);
      return {
        items: [...new Set(rows.flatMap((r) => (r.item !== null ? [r.item] : [])))],
        merchants: [...new Set(rows.flatMap((r) => (r.merchant !== null ? [r.merchant] : [])))],
      };
    },
  };

  readonly preferences: PreferenceRepository = {
    settings: async (owner) => Object.fromEntries(this.settingsByOwner.get(owner) ?? []),
    setSetting: async (owner, key, value) => {
      const m = this.settingsByOwner.get(owner) ?? new Map<string, string>();
      m.set(key, value);
      this.settingsByOwner.set(owner, m);
    },
    overrides: async (owner) => new Map([...(this.overridesByOwner.get(owner) ?? new Map<string, CategoryOverride>())].map(([k, v]) => [k, { ...v }])),
    setOverride: async (owner, text, category, detail) => {
      const key = overrideKey(text);
      if (!key) return;
      const m = this.overridesByOwner.get(owner) ?? new Map<string, CategoryOverride>();
      m.set(key, { key, category, detail });
      this.overridesByOwner.set(owner, m);
    },
  };
}
