/**
 * @module query/sqlite/selection
 * A Selection over the SQLite ledger through kysely. Aggregates in SQL when the filters are exact
 * there; otherwise loads the pre-filtered rows once (instr() or the FTS5 word index) and decides
 * each with match.ts in JS, then aggregates here.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { daysBetween, type IsoDate } from '../../core/dates.js';
import { toMinor } from '../../core/money.js';
import type { Database } from '../../ledger/sqlite/schema.js';
import { compileAny, merchantVariants, normTerm, type CompiledMatcher, type Matcher } from '../match.js';
import type { Period } from '../types.js';
import {
  ftsExactQuery, ftsQuery, type ExecContext, type Group, type GroupKey, type MoneyTotal, type ResolvedFilters, type Row, type RowOptions, type Selection,
} from '../execute.js';

type EB = ExpressionBuilder<Database, 'expenses'>;

/**
 * A concept can carry hundreds of words. Within a bounded period (a month of a 1M-row ledger is
 * ~30k rows) one JS regex over the period's rows beats hundreds of instr() calls per row in SQLite;
 * over all time instr() keeps the rows read from the file down.
 */
const LOOSE_MIN_WORDS = 8;
const LOOSE_MAX_DAYS = 400;

const ROW_COLUMNS = ['id', 'date', 'amount_minor', 'currency', 'category', 'detail', 'item', 'merchant', 'note', 'search_text'] as const;

interface RawRow {
  id: number; date: string; amount_minor: number; currency: string; category: string; detail: string | null;
  item: string | null; merchant: string | null; note: string | null; search_text: string;
}

const toRow = (r: RawRow): Row => ({
  id: r.id, date: r.date, amountMinor: r.amount_minor, currency: r.currency, category: r.category, detail: r.detail,
  item: r.item, merchant: r.merchant, note: r.note,
});


/**
 * The matching rows of one period under one set of filters. Aggregates in SQL when the filters
 * are exact there; otherwise loads the pre-filtered rows once and decides each in JS.
 */
export class SqliteSelection implements Selection {
  private readonly matchers: CompiledMatcher[];
  private exact: boolean;
  /** Groups SQL decides alone through the word index (plain single words: see ftsExactQuery). */
  private ftsGroups = new Map<number, string>();
  /** Word lists too long for instr() pre-filtering: read the period's rows and let one regex decide. */
  private readonly loose: boolean;
  private loaded: RawRow[] | null = null;
  private fts: boolean | null = null;
  private readonly excludeExact: boolean;

  constructor(
    private readonly db: Kysely<Database>,
    /** Whether the ledger has the FTS index (migration 0006); asked once per store. */
    private readonly hasFts: () => Promise<boolean>,
    private readonly ctx: ExecContext,
    readonly period: Period,
    private readonly filters: ResolvedFilters,
  ) {
    this.matchers = filters.groups.map(compileAny);
    const ex = compileAny(filters.exclude ?? []);
    this.excludeExact = ex.sqlExact;
    // An exclusion SQL cannot decide exactly is decided per row in JS, like a word filter.
    if ((filters.exclude ?? []).length) this.matchers.push({ sqlExact: ex.sqlExact, test: (r) => !ex.test(r) });
    this.exact = this.matchers.every((m) => m.sqlExact);
    const bounded = !!period.from && !!period.to && daysBetween(period.from, period.to) <= LOOSE_MAX_DAYS;
    this.loose = bounded && filters.groups.some((g) => g.reduce((n, m) => n + m.terms.length + m.merchants.length, 0) > LOOSE_MIN_WORDS);
  }

  /** Conditions for the period and filters; `skip` leaves one group's pre-filter out (or keeps only its non-word part). */
  private where(eb: EB, skip: { group: number; keep: 'none' | 'nonword' } | null = null, aggregate = false): Expression<SqlBool> {
    // Through the word index, its few rowids are the way in: "+" keeps SQLite from walking the
    // owner's whole (owner, date) index instead and probing the word list for each row.
    // Rows in date order may still come cheaper by walking the date index backwards, so only sums do this.
    const viaWords = aggregate && this.ftsGroups.size > 0 && skip === null;
    const conds: Expression<SqlBool>[] = [
      viaWords ? sql<SqlBool>`+owner = ${this.ctx.owner}` : eb('owner', '=', this.ctx.owner),
      eb('deleted_at', 'is', null),
    ];
    if (this.period.from) conds.push(viaWords ? sql<SqlBool>`+date >= ${this.period.from}` : eb('date', '>=', this.period.from));
    if (this.period.to) conds.push(viaWords ? sql<SqlBool>`+date <= ${this.period.to}` : eb('date', '<=', this.period.to));
    const wd = this.period.weekdays;
    if (wd?.length) conds.push(sql<SqlBool>`cast(strftime('%w', date) as integer) in (${sql.join(wd.map((d) => sql.lit(Math.trunc(d))))})`);
    const f = this.filters;
    if (f.currency) conds.push(eb('currency', '=', f.currency));
    if (f.minAmount !== null) conds.push(amountBound(eb, f.minAmount, '>=', f.currency));
    if (f.maxAmount !== null) conds.push(amountBound(eb, f.maxAmount, '<=', f.currency));
    // Only an exact exclusion may be negated in SQL: negating a pre-filter (a superset) would drop rows.
    // coalesce: "detail = 'coffee'" is NULL for a row without a detail, and NOT NULL would drop it.
    if (f.exclude?.length && this.excludeExact) conds.push(sql<SqlBool>`NOT coalesce(${eb.or(f.exclude.map((m) => prefilter(eb, m, false)))}, 0)`);
    if (!this.loose) {
      f.groups.forEach((g, i) => {
        const exactWords = this.ftsGroups.get(i);
        if (exactWords !== undefined && skip?.group !== i) {
          conds.push(sql<SqlBool>`id IN (SELECT rowid FROM expenses_fts WHERE expenses_fts MATCH ${exactWords})`);
        } else if (skip?.group === i) {
          if (skip.keep === 'nonword') conds.push(eb.or(g.map((m) => prefilter(eb, m, false))));
        } else conds.push(eb.or(g.map((m) => prefilter(eb, m, true))));
      });
    }
    return eb.and(conds);
  }

  /** Whether the ledger has the FTS index (migration 0006); older files fall back to instr(). */
  private async init(): Promise<void> {
    if (this.fts !== null) return;
    const known = await this.hasFts();
    this.fts = known;
    // "Hotstar pe total kitna gaya?": when every inexact group is plain words, the word index
    // decides them exactly and SQL sums without reading a single search text.
    const long = !this.period.from || !this.period.to || daysBetween(this.period.from, this.period.to) > LOOSE_MAX_DAYS;
    if (known && long && !this.exact && !this.loose && !(this.filters.exclude ?? []).length) {
      const exact = new Map<number, string>();
      this.filters.groups.forEach((g, i) => {
        const q = g.length === 1 ? ftsExactQuery(g[0]!) : null;
        if (q) exact.set(i, q);
      });
      if (exact.size && this.matchers.every((m, i) => m.sqlExact || exact.has(i))) {
        this.ftsGroups = exact;
        this.exact = true;
      }
    }
  }

  private async load(): Promise<RawRow[]> {
    await this.init();
    if (!this.loaded) {
      const rows = (await this.viaWordIndex()) ?? ((await this.db.selectFrom('expenses').select([...ROW_COLUMNS]).where((eb) => this.where(eb)).orderBy('date').orderBy('id').execute()) as RawRow[]);
      this.loaded = rows.filter((r) => this.matchers.every((m) => m.test(r)));
    }
    return this.loaded;
  }

  /**
   * Over a long or unbounded period, reach the rows a word list names through the FTS index
   * (plus the group's categories and merchants through the usual indexes) instead of reading
   * every search text of the owner. null when this does not apply.
   */
  private async viaWordIndex(): Promise<RawRow[] | null> {
    if (!this.fts || this.loose) return null;
    const long = !this.period.from || !this.period.to || daysBetween(this.period.from, this.period.to) > LOOSE_MAX_DAYS;
    if (!long) return null;
    const gi = this.filters.groups.findIndex((g) => g.some((m) => m.terms.length + m.merchants.length > 0));
    if (gi < 0) return null;
    const g = this.filters.groups[gi]!;
    const words = [...new Set(g.flatMap((m) => [...m.terms, ...m.merchants]).map(normTerm))].filter(Boolean);
    const match = ftsQuery(words);
    if (!match) return null;
    // One statement with the index as a subquery: no thousands of bound ids to pass back in.
    const byId = new Map<number, RawRow>();
    const hits = (await this.db
      .selectFrom('expenses')
      .select([...ROW_COLUMNS])
      .where((eb) => eb.and([sql<SqlBool>`id IN (SELECT rowid FROM expenses_fts WHERE expenses_fts MATCH ${match})`, this.where(eb, { group: gi, keep: 'none' })]))
      .execute()) as RawRow[];
    for (const r of hits) byId.set(r.id, r);
    if (g.some((m) => m.categories.length + m.merchants.length > 0)) {
      const rows = (await this.db.selectFrom('expenses').select([...ROW_COLUMNS]).where((eb) => this.where(eb, { group: gi, keep: 'nonword' })).execute()) as RawRow[];
      for (const r of rows) byId.set(r.id, r);
    }
    return [...byId.values()].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  }

  /** Sum and count per currency, biggest count first. */
  async totals(): Promise<MoneyTotal[]> {
    await this.init();
    if (this.ftsGroups.size) {
      // One pass over the word index's rows serves the totals and any capped list after them.
      const m = new Map<string, MoneyTotal>();
      for (const r of await this.lightRows()) {
        const t = m.get(r.currency) ?? { currency: r.currency, minor: 0, count: 0 };
        t.minor += r.amount_minor;
        t.count += 1;
        m.set(r.currency, t);
      }
      return [...m.values()].sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency));
    }
    const g = await this.groups('currency');
    return g.map((x) => ({ currency: x.currency, minor: x.minor, count: x.count })).sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency));
  }

  /** Sums grouped by a key (and currency), biggest first. */
  async groups(key: GroupKey): Promise<Group[]> {
    await this.init();
    let out: Group[];
    if (this.exact && key === 'currency' && !this.filters.groups.length && !(this.filters.exclude ?? []).length) {
      // Everything, grouped by the currency column alone: SQLite reads the totals in index order
      // (migration 0015) instead of sorting every row into a temporary b-tree first (all time at 100k
      // rows: 81 → 23 ms under load). Only without filters: with a category, the planner would take
      // the same index and visit every row for it (measured 500 ms), so those keep the query below.
      const rows = await this.db
        .selectFrom('expenses')
        .select(['currency', sql<number>`sum(amount_minor)`.as('minor'), sql<number>`count(*)`.as('n')])
        .where((eb) => this.where(eb, null, true))
        .groupBy('currency')
        .execute();
      out = rows.map((r) => ({ key: '', currency: r.currency, minor: Number(r.minor), count: Number(r.n) }));
    } else if (this.exact) {
      const keyExpr = groupExpr(key);
      const rows = await this.db
        .selectFrom('expenses')
        .select([keyExpr.as('k'), 'currency', sql<number>`sum(amount_minor)`.as('minor'), sql<number>`count(*)`.as('n')])
        .where((eb) => this.where(eb, null, true))
        .groupBy([sql.ref('k'), 'currency'])
        .execute();
      out = rows.map((r) => ({ key: String(r.k ?? ''), currency: r.currency, minor: Number(r.minor), count: Number(r.n) }));
    } else {
      const map = new Map<string, Group>();
      for (const r of await this.load()) {
        const k = keyOf(r, key);
        const id = `${k}\u0000${r.currency}`;
        const g = map.get(id) ?? { key: k, currency: r.currency, minor: 0, count: 0 };
        g.minor += r.amount_minor;
        g.count += 1;
        map.set(id, g);
      }
      out = [...map.values()];
    }
    return out.sort((a, b) => b.minor - a.minor || b.count - a.count || a.key.localeCompare(b.key));
  }

  private light: { id: number; date: string; amount_minor: number; currency: string }[] | null = null;

  /** The matches through the word index, only what totals and ranking need, in date order. */
  private async lightRows(): Promise<{ id: number; date: string; amount_minor: number; currency: string }[]> {
    if (!this.light) {
      const rows = await this.db.selectFrom('expenses').select(['id', 'date', 'amount_minor', 'currency']).where((eb) => this.where(eb, null, true)).execute();
      this.light = rows.sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
    }
    return this.light;
  }

  /** Matching rows, oldest first (or by amount, equal amounts oldest first as a list sorted by amount would keep them), optionally one currency only, with a cap. */
  async rows(opts: RowOptions = {}): Promise<Row[]> {
    await this.init();
    const order = opts.order ?? 'date';
    if (this.ftsGroups.size && opts.limit != null) {
      let light = await this.lightRows();
      if (opts.currency) light = light.filter((r) => r.currency === opts.currency);
      const sign = order === 'largest' ? -1 : 1;
      const sorted = order === 'date' ? light
        : order === 'newest' ? [...light].reverse()
        : [...light].sort((a, b) => sign * (a.amount_minor - b.amount_minor) || a.date.localeCompare(b.date) || a.id - b.id);
      const start = opts.offset ?? 0;
      const ids = sorted.slice(start, start + opts.limit).map((r) => r.id);
      if (!ids.length) return [];
      const full = (await this.db.selectFrom('expenses').select([...ROW_COLUMNS]).where('id', 'in', ids).execute()) as RawRow[];
      const byId = new Map(full.map((r) => [r.id, r]));
      return ids.map((id) => toRow(byId.get(id)!));
    }
    if (this.exact && (order === 'largest' || order === 'smallest') && opts.limit != null) {
      // Rank inside the covering index first, then read only the winning rows.
      let iq = this.db.selectFrom('expenses').select('id').where((eb) => this.where(eb));
      if (opts.currency) iq = iq.where('currency', '=', opts.currency);
      iq = iq.orderBy('amount_minor', order === 'largest' ? 'desc' : 'asc').orderBy('date').orderBy('id').limit(opts.limit);
      if (opts.offset) iq = iq.offset(opts.offset);
      const ids = (await iq.execute()).map((r) => r.id);
      if (!ids.length) return [];
      const full = (await this.db.selectFrom('expenses').select([...ROW_COLUMNS]).where('id', 'in', ids).execute()) as RawRow[];
      const byId = new Map(full.map((r) => [r.id, r]));
      return ids.map((id) => toRow(byId.get(id)!));
    }
    if (this.exact) {
      let q = this.db.selectFrom('expenses').select([...ROW_COLUMNS]).where((eb) => this.where(eb));
      if (opts.currency) q = q.where('currency', '=', opts.currency);
      if (order === 'date') q = q.orderBy('date').orderBy('id');
      else if (order === 'newest') q = q.orderBy('date', 'desc').orderBy('id', 'desc');
      else q = q.orderBy('amount_minor', order === 'largest' ? 'desc' : 'asc').orderBy('date').orderBy('id');
      if (opts.limit != null) q = q.limit(opts.limit);
      if (opts.offset) q = q.offset(opts.offset);
      return ((await q.execute()) as RawRow[]).map(toRow);
    }
    let rows = await this.load();
    if (opts.currency) rows = rows.filter((r) => r.currency === opts.currency);
    if (order === 'newest') rows = [...rows].reverse();
    else if (order !== 'date') {
      const sign = order === 'largest' ? -1 : 1;
      rows = [...rows].sort((a, b) => sign * (a.amount_minor - b.amount_minor) || a.date.localeCompare(b.date) || a.id - b.id);
    }
    const start = opts.offset ?? 0;
    return rows.slice(start, opts.limit != null ? start + opts.limit : undefined).map(toRow);
  }

  /** The earliest matching date (for all-time averages). */
  async firstDate(): Promise<IsoDate | null> {
    await this.init();
    if (this.exact) {
      const r = await this.db.selectFrom('expenses').select(sql<string | null>`min(date)`.as('d')).where((eb) => this.where(eb)).executeTakeFirst();
      return r?.d ?? null;
    }
    const rows = await this.load();
    return rows[0]?.date ?? null;
  }
}

function groupExpr(key: GroupKey) {
  switch (key) {
    case 'currency': return sql<string>`''`;
    case 'category': return sql<string>`category`;
    case 'detail': return sql<string>`category || '/' || coalesce(detail, '')`;
    case 'merchant': return sql<string>`coalesce(merchant, '')`;
    case 'date': return sql<string>`date`;
    case 'item': return sql<string>`lower(trim(coalesce(item, merchant, '')))`;
  }
}

function keyOf(r: RawRow, key: GroupKey): string {
  switch (key) {
    case 'currency': return '';
    case 'category': return r.category;
    case 'detail': return `${r.category}/${r.detail ?? ''}`;
    case 'merchant': return r.merchant ?? '';
    case 'date': return r.date;
    case 'item': return (r.item ?? r.merchant ?? '').trim().toLowerCase();
  }
}

/** A bound in major units holds per row currency: ₹500 is 50000 paise, ¥500 is 500 yen. */
function amountBound(eb: EB, major: number, op: '>=' | '<=', currency: string | null): Expression<SqlBool> {
  if (currency) return eb('amount_minor', op, toMinor(major, currency));
  const zero = ['JPY', 'KRW', 'VND', 'IDR', 'CLP', 'ISK', 'HUF'];
  const three = ['KWD', 'BHD', 'OMR', 'JOD', 'TND'];
  return eb.or([
    eb.and([eb('currency', 'in', zero), eb('amount_minor', op, toMinor(major, 'JPY'))]),
    eb.and([eb('currency', 'in', three), eb('amount_minor', op, toMinor(major, 'KWD'))]),
    eb.and([eb('currency', 'not in', [...zero, ...three]), eb('amount_minor', op, toMinor(major, 'INR'))]),
  ]);
}

/** SQL pre-filter for one matcher: a superset of what compileMatcher accepts. */
function prefilter(eb: EB, m: Matcher, withWords: boolean): Expression<SqlBool> {
  const ors: Expression<SqlBool>[] = [];
  for (const c of m.categories) {
    ors.push(c.detail === null ? eb('category', '=', c.primary) : eb.and([eb('category', '=', c.primary), eb('detail', '=', c.detail)]));
  }
  const merchants = m.merchants.flatMap(merchantVariants);
  if (merchants.length) ors.push(eb('merchant', 'in', merchants));
  // A merchant in unusual casing still shows in search_text, which is lower case.
  if (withWords) for (const t of new Set([...m.terms, ...m.merchants].map(normTerm).map(instrPiece))) if (t) ors.push(sql<SqlBool>`instr(search_text, ${t}) > 0`);
  return ors.length ? eb.or(ors) : sql<SqlBool>`0`;
}

/**
 * What instr() may look for so that every spelling match.ts accepts is found: a term of several
 * words also matches with hyphens ("chick fil a" = "Chick-fil-A") and "7up" also as "7 up", so
 * such a term is looked for by its longest piece.
 */
function instrPiece(t: string): string {
  if (!/[\s-]|\p{N}\p{L}|\p{L}\p{N}/u.test(t)) return t;
  const pieces = t.split(/[\s-]+/).flatMap((w) => w.split(/(?<=\p{N})(?=\p{L})|(?<=\p{L})(?=\p{N})/u)).filter(Boolean);
  return pieces.sort((a, b) => b.length - a.length)[0] ?? t;
}
