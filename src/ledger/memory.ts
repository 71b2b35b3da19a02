/**
 * @module ledger/memory
 * In-memory fakes of the expense and preference repositories, for unit tests of services (the bot,
 * budgets, summaries) that should not need SQLite. They pass the same contract test as the SQLite
 * adapters (ledger/contract.ts), so a service tested on them behaves the same on the real file.
 */
import type { IsoDate } from '../core/dates.js';
import type { Expense, UnderstoodBy } from '../core/types.js';
import { importMessageId, searchTextOf, type CommandEffect, type ExpenseRepository, type ImportItem, type RecordMeta } from './expenses.js';
import type { ExpenseDraft } from '../core/types.js';
import { overrideKey, type CategoryOverride, type PreferenceRepository } from './preferences.js';

/** A stored row as the fake keeps it: the expense plus what only storage sees. */
export interface StoredExpense extends Expense {
  messagePart: number;
  understoodBy: UnderstoodBy;
  searchText: string;
  sourceKey: string | null;
}

const copy = (e: StoredExpense): Expense => {
  const { messagePart: _p, understoodBy: _u, searchText: _s, sourceKey: _k, ...rest } = e;
  return { ...rest };
};
const live = (e: StoredExpense) => e.deletedAt === null;

export class MemoryLedger {
  /** Every row ever recorded (soft-deleted ones too), in id order. */
  readonly rows: StoredExpense[] = [];
  private readonly settingsByOwner = new Map<string, Map<string, string>>();
  private readonly overridesByOwner = new Map<string, Map<string, CategoryOverride>>();
  private nextId = 1;
  private nextUid = 1;
  private readonly effects = new Map<string, CommandEffect & { at: string }>();

  private insert(d: ExpenseDraft, meta: RecordMeta, part: number, uid: string | null | undefined): Expense {
    const row: StoredExpense = {
      ...d,
      id: this.nextId++,
      owner: meta.owner,
      source: meta.source,
      messageId: meta.messageId,
      uid: uid ?? `memuid${String(this.nextUid++).padStart(8, '0')}`,
      createdAt: meta.now,
      updatedAt: meta.now,
      deletedAt: null,
      messagePart: part,
      understoodBy: meta.understoodBy ?? 'rules',
      searchText: searchTextOf(d),
      sourceKey: meta.sourceKey ?? null,
    };
    this.rows.push(row);
    return copy(row);
  }

  private present(owner: string, it: ImportItem, messageId: string): boolean {
    if (it.uid) return this.rows.some((r) => r.uid === it.uid);
    if (this.rows.some((r) => r.messageId === messageId)) return true;
    const d = it.draft;
    const same = this.rows.filter(
      (r) => r.owner === owner && r.date === d.date && r.amountMinor === d.amountMinor && r.currency === d.currency && r.item === d.item && r.merchant === d.merchant && r.note === d.note,
    );
    return same.length >= it.occurrence;
  }

  readonly expenses: ExpenseRepository = {
    record: async (drafts, meta) => {
      if (meta.messageId) {
        const existing = this.rows.filter((r) => r.messageId === meta.messageId).sort((a, b) => a.messagePart - b.messagePart);
        if (existing.length) return { expenses: existing.map(copy), duplicate: true };
      }
      if (meta.sourceKey) {
        const same = this.rows.filter((r) => r.owner === meta.owner && r.sourceKey === meta.sourceKey && live(r));
        if (same.length) return { expenses: same.map(copy), duplicate: true };
      }
      // SQLite's CHECK (amount_minor > 0) and INTEGER column: one bad part records nothing.
      const bad = drafts.find((d) => !Number.isSafeInteger(d.amountMinor) || d.amountMinor <= 0);
      if (bad) throw new Error(`CHECK constraint failed: amount_minor > 0 (got ${bad.amountMinor})`);
      const out = drafts.map((d, i) => this.insert(d, meta, i, drafts.length === 1 ? meta.uid : null));
      return { expenses: out, duplicate: false };
    },
    get: async (id) => {
      const r = this.rows.find((x) => x.id === id);
      return r ? copy(r) : null;
    },
    recent: async (owner, limit) =>
      this.rows.filter((r) => r.owner === owner && live(r)).sort((a, b) => b.id - a.id).slice(0, limit).map(copy),
    softDelete: async (ids, now, messageId) => {
      if (!ids.length) return 0;
      if (messageId && this.effects.has(messageId)) return 0;
      const removed: number[] = [];
      for (const r of this.rows) {
        if (!ids.includes(r.id) || !live(r)) continue;
        Object.assign(r, { deletedAt: now, updatedAt: now });
        removed.push(r.id);
      }
      if (messageId) this.effects.set(messageId, { kind: 'delete', expenseIds: removed, at: now });
      return removed.length;
    },
    update: async (id, patch, now, messageId) => {
      const r = this.rows.find((x) => x.id === id);
      if (!r) return null;
      const done = messageId ? this.effects.get(messageId) : undefined;
      if (done?.expenseIds.includes(id)) return copy(r);
      Object.assign(r, patch, { updatedAt: now });
      r.searchText = searchTextOf(r);
      if (messageId) this.effects.set(messageId, { kind: done?.kind ?? 'edit', expenseIds: [...(done?.expenseIds ?? []), id], at: now });
      return copy(r);
    },
    forgetCommandEffects: async (before) => {
      let n = 0;
      for (const [k, e] of this.effects) if (e.at < before && this.effects.delete(k)) n++;
      return n;
    },
    commandEffect: async (messageId) => {
      const e = this.effects.get(messageId);
      return e ? { kind: e.kind, expenseIds: [...e.expenseIds] } : null;
    },
    importBatch: async (items, meta) => {
      let added = 0;
      let present = 0;
      for (const it of items) {
        const messageId = importMessageId(meta.owner, it);
        if (this.present(meta.owner, it, messageId)) {
          present++;
          continue;
        }
        this.insert(it.draft, { owner: meta.owner, source: 'import', messageId, understoodBy: 'user', now: meta.now }, 0, it.uid);
        added++;
      }
      return { added, present };
    },
    count: async (owner) => this.rows.filter((r) => live(r) && (!owner || r.owner === owner)).length,
    between: async (o) =>
      this.rows
        .filter((r) => live(r) && (!o.owner || r.owner === o.owner) && (!o.from || r.date >= o.from) && (!o.to || r.date <= o.to))
        .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)
        .map(copy),
    eachBetween: async (o, visit) => {
      const rows = await this.expenses.between(o);
      for (const e of rows) visit(e);
      return rows.length;
    },
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
