/**
 * @module web/memory
 * In-memory fakes of the web repositories, for unit tests of the page on the in-memory ledger.
 * They pass the same contract test as the SQLite adapters (web/web.medium.test.ts).
 */
import type { Expense } from '../core/types.js';
import type { MemoryLedger, StoredExpense } from '../ledger/memory.js';
import type { ExpenseTable, LoginCode, SortKey, TableFilter, WebAuthRepository, WebSession } from './port.js';

export class MemoryWebAuth implements WebAuthRepository {
  private codes: (LoginCode & { createdAt: string })[] = [];
  private sessions = new Map<string, WebSession>();
  private passwords = new Map<string, string>();
  private nextId = 1;

  async addCode(c: Omit<LoginCode, 'id' | 'usedAt' | 'attempts'>, now: string) {
    for (const x of this.codes) if (x.owner === c.owner && x.usedAt === null) x.usedAt = now;
    this.codes = this.codes.filter((x) => x.expiresAt >= now);
    this.codes.push({ ...c, id: this.nextId++, usedAt: null, attempts: 0, createdAt: now });
  }
  async findCode(by: { codeHash?: string; linkHash?: string }, now: string) {
    if (!by.codeHash && !by.linkHash) return null;
    const live = this.codes.filter((x) => x.usedAt === null && x.expiresAt > now && (by.codeHash ? x.codeHash === by.codeHash : x.linkHash === by.linkHash));
    const c = live.sort((a, b) => b.id - a.id)[0];
    if (!c) return null;
    const { createdAt: _c, ...code } = c;
    return code;
  }
  async useCode(id: number, now: string) {
    const c = this.codes.find((x) => x.id === id && x.usedAt === null);
    if (!c) return false;
    c.usedAt = now;
    return true;
  }
  async everUsed(owner: string) {
    return this.codes.some((c) => c.owner === owner && c.usedAt !== null) || this.passwords.has(owner) || [...this.sessions.values()].some((s) => s.owner === owner);
  }
  async addSession(s: WebSession) {
    this.sessions.set(s.tokenHash, { ...s });
  }
  async session(tokenHash: string, now: string) {
    const s = this.sessions.get(tokenHash);
    return s && s.expiresAt > now ? { ...s } : null;
  }
  async deleteSession(tokenHash: string) {
    this.sessions.delete(tokenHash);
  }
  async deleteSessions(owner: string) {
    for (const [k, s] of this.sessions) if (s.owner === owner) this.sessions.delete(k);
  }
  async password(owner: string) {
    return this.passwords.get(owner) ?? null;
  }
  async setPassword(owner: string, hash: string) {
    this.passwords.set(owner, hash);
    await this.deleteSessions(owner);
  }
}

const strip = (e: StoredExpense): Expense => {
  const { messagePart: _p, understoodBy: _u, searchText: _s, ...rest } = e;
  return { ...rest };
};

function matches(e: StoredExpense, f: TableFilter): boolean {
  if (e.owner !== f.owner || e.deletedAt !== null) return false;
  if (f.from && e.date < f.from) return false;
  if (f.to && e.date > f.to) return false;
  if (f.currency && e.currency !== f.currency) return false;
  if (f.source && e.source !== f.source) return false;
  if (f.category) {
    const [p, d] = f.category.split('/');
    if (e.category !== p || (d && e.detail !== d)) return false;
  }
  const words = (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  return words.every((w) => e.searchText.includes(w));
}

const KEY: Record<SortKey, (e: StoredExpense) => string | number> = {
  date: (e) => e.date, amount: (e) => e.amountMinor, category: (e) => e.category, item: (e) => e.item ?? '', merchant: (e) => e.merchant ?? '', created: (e) => e.createdAt,
};

/** SQLite sorts NULL first ascending; the fake's '' does the same for item and merchant. */
function compare(a: StoredExpense, b: StoredExpense, sort: SortKey): number {
  const x = KEY[sort](a), y = KEY[sort](b);
  if (x < y) return -1;
  if (x > y) return 1;
  return a.id - b.id;
}

export function memoryExpenseTable(ledger: MemoryLedger): ExpenseTable {
  const select = (f: TableFilter) => ledger.rows.filter((e) => matches(e, f));
  return {
    async page(f, o) {
      const all = select(f).sort((a, b) => (o.desc ? -1 : 1) * compare(a, b, o.sort));
      const totals = new Map<string, { amountMinor: number; count: number }>();
      for (const e of all) {
        const t = totals.get(e.currency) ?? { amountMinor: 0, count: 0 };
        t.amountMinor += e.amountMinor;
        t.count++;
        totals.set(e.currency, t);
      }
      return {
        rows: all.slice(o.offset, o.offset + o.limit).map(strip),
        total: all.length,
        totals: [...totals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, t]) => ({ currency, ...t })),
      };
    },
    async *batches(f) {
      const all = select(f).sort((a, b) => compare(a, b, 'date'));
      for (let i = 0; i < all.length; i += 2000) yield all.slice(i, i + 2000).map(strip);
    },
    async byCategory(f) {
      const m = new Map<string, { category: string; currency: string; amountMinor: number; count: number }>();
      for (const e of select(f)) {
        const k = `${e.category}\u0000${e.currency}`;
        const t = m.get(k) ?? { category: e.category, currency: e.currency, amountMinor: 0, count: 0 };
        t.amountMinor += e.amountMinor;
        t.count++;
        m.set(k, t);
      }
      return [...m.values()].sort((a, b) => b.amountMinor - a.amountMinor);
    },
    async restore(owner, ids, now) {
      let n = 0;
      for (const e of ledger.rows) {
        if (e.owner === owner && ids.includes(e.id) && e.deletedAt !== null) {
          e.deletedAt = null;
          e.updatedAt = now;
          n++;
        }
      }
      return n;
    },
    async eraseOwner(owner) {
      const before = ledger.rows.length;
      const keep = ledger.rows.filter((e) => e.owner !== owner);
      ledger.rows.splice(0, ledger.rows.length, ...keep);
      return { expenses: before - keep.length };
    },
    async backup() {
      return false;
    },
  };
}
