/**
 * @module query/memory
 * An in-memory query repository over the in-memory ledger fake (ledger/memory.ts), for unit tests
 * of the bot and anything else that asks questions without SQLite. Every filter is decided by the
 * same match.ts predicate the SQLite adapter uses; the contract test (query/contract.medium.test.ts)
 * checks both give the same answers.
 */
import { toMinor } from '../core/money.js';
import type { MemoryLedger, StoredExpense } from '../ledger/memory.js';
import {
  wordsBeginning, type ExecContext, type ExpenseQueries, type Group, type GroupKey, type MoneyTotal, type ResolvedFilters, type Row, type RowOptions, type Selection,
} from './execute.js';
import { compileAny, compileMatcher, type MatchableRow } from './match.js';
import type { Period } from './types.js';

const matchable = (r: StoredExpense): MatchableRow => ({ category: r.category, detail: r.detail, merchant: r.merchant, search_text: r.searchText, item: r.item });

const toRow = (r: StoredExpense): Row => ({
  id: r.id, date: r.date, amountMinor: r.amountMinor, currency: r.currency, category: r.category, detail: r.detail,
  item: r.item, merchant: r.merchant, note: r.note,
});

function keyOf(r: StoredExpense, key: GroupKey): string {
  switch (key) {
    case 'currency': return '';
    case 'category': return r.category;
    case 'detail': return `${r.category}/${r.detail ?? ''}`;
    case 'merchant': return r.merchant ?? '';
    case 'date': return r.date;
    case 'item': return (r.item ?? r.merchant ?? '').trim().toLowerCase();
  }
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

class MemorySelection implements Selection {
  constructor(
    private readonly ledger: MemoryLedger,
    private readonly ctx: ExecContext,
    readonly period: Period,
    private readonly filters: ResolvedFilters,
  ) {}

  private matches(): StoredExpense[] {
    const { period: p, filters: f, ctx } = this;
    const groups = f.groups.map(compileAny);
    const exclude = f.exclude?.length ? compileAny(f.exclude) : null;
    const bound = (r: StoredExpense, major: number) => toMinor(major, f.currency ?? r.currency);
    return this.ledger.rows
      .filter((r) => r.owner === ctx.owner && r.deletedAt === null)
      .filter((r) => (!p.from || r.date >= p.from) && (!p.to || r.date <= p.to) && (!p.weekdays?.length || p.weekdays.includes(weekday(r.date))))
      .filter((r) => (!f.currency || r.currency === f.currency) && (f.minAmount === null || r.amountMinor >= bound(r, f.minAmount)) && (f.maxAmount === null || r.amountMinor <= bound(r, f.maxAmount)))
      .filter((r) => groups.every((g) => g.test(matchable(r))) && !(exclude?.test(matchable(r)) ?? false))
      .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  }

  async totals(): Promise<MoneyTotal[]> {
    const m = new Map<string, MoneyTotal>();
    for (const r of this.matches()) {
      const t = m.get(r.currency) ?? { currency: r.currency, minor: 0, count: 0 };
      t.minor += r.amountMinor;
      t.count += 1;
      m.set(r.currency, t);
    }
    return [...m.values()].sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency));
  }

  async groups(key: GroupKey): Promise<Group[]> {
    const m = new Map<string, Group>();
    for (const r of this.matches()) {
      const k = keyOf(r, key);
      const id = `${k}\u0000${r.currency}`;
      const g = m.get(id) ?? { key: k, currency: r.currency, minor: 0, count: 0 };
      g.minor += r.amountMinor;
      g.count += 1;
      m.set(id, g);
    }
    return [...m.values()].sort((a, b) => b.minor - a.minor || b.count - a.count || a.key.localeCompare(b.key));
  }

  async rows(opts: RowOptions = {}): Promise<Row[]> {
    const order = opts.order ?? 'date';
    let rows = this.matches();
    if (opts.currency) rows = rows.filter((r) => r.currency === opts.currency);
    if (order === 'newest') rows = [...rows].reverse();
    else if (order !== 'date') {
      const sign = order === 'largest' ? -1 : 1;
      rows = [...rows].sort((a, b) => sign * (a.amountMinor - b.amountMinor) || b.date.localeCompare(a.date) || b.id - a.id);
    }
    const start = opts.offset ?? 0;
    return rows.slice(start, opts.limit != null ? start + opts.limit : undefined).map(toRow);
  }

  async firstDate() {
    return this.matches()[0]?.date ?? null;
  }
}

/** The query repository over an in-memory ledger. */
export function memoryQueries(ledger: MemoryLedger): ExpenseQueries {
  const liveOf = (owner: string) => ledger.rows.filter((r) => r.owner === owner && r.deletedAt === null);
  return {
    select: (ctx, period, filters) => new MemorySelection(ledger, ctx, period, filters),
    knownMerchant: async (owner, variants) => liveOf(owner).find((r) => r.merchant !== null && variants.includes(r.merchant))?.merchant ?? null,
    merchants: async (owner) => [...new Set(ledger.rows.filter((r) => r.owner === owner && r.merchant !== null).map((r) => r.merchant!))],
    literalExists: async (owner, forms) => {
      if (!forms.length) return false;
      const m = compileMatcher({ categories: [], terms: forms, merchants: [] });
      return liveOf(owner).some((r) => m.test(matchable(r)));
    },
    wordsStartingWith: async (owner, p) => {
      if (!/^\p{L}{4,}$/u.test(p)) return [];
      const starts = new RegExp(`(?<![\\p{L}\\p{N}])${p}`, 'u');
      return wordsBeginning(liveOf(owner).filter((r) => starts.test(r.searchText)).slice(0, 200).map((r) => r.searchText), p);
    },
  };
}
