/**
 * @module query/sqlite/queries
 * The query repository over the SQLite ledger: Selections for the numbers, and the existence
 * questions subject resolution asks (is this a merchant the owner paid? does any row say "hotstar"?).
 * Word questions go through the FTS5 index (migration 0006) when the file has it, and fall back to
 * instr() pre-filters; match.ts decides every candidate exactly either way.
 */
import { sql, type Kysely } from 'kysely';
import type { SqliteStore } from '../../ledger/sqlite/open.js';
import type { Database } from '../../ledger/sqlite/schema.js';
import { ftsQuery, wordsBeginning, type ExpenseQueries } from '../execute.js';
import { compileMatcher } from '../match.js';
import { SqliteSelection } from './selection.js';

type Candidate = { id: number; category: string; detail: string | null; merchant: string | null; search_text: string };

export function sqliteQueries(store: SqliteStore): ExpenseQueries {
  const db: Kysely<Database> = store.db;
  let fts: Promise<boolean> | null = null;
  const hasFts = () =>
    (fts ??= sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'expenses_fts'`.execute(db).then((r) => Number(r.rows[0]?.n ?? 0) > 0));

  /** The word question through the FTS index; null when the ledger has none or the prefix is too common. */
  async function literalViaWordIndex(owner: string, forms: string[], m: ReturnType<typeof compileMatcher>): Promise<boolean | null> {
    const match = ftsQuery(forms);
    if (!match || !(await hasFts())) return null;
    // Small pages through the index: the first real hit ends it, usually in the first page.
    let lastId = 0;
    for (let page = 0; page < 50; page++) {
      let rows: Candidate[];
      try {
        rows = await db
          .selectFrom('expenses')
          .select(['id', 'category', 'detail', 'merchant', 'search_text'])
          .where(sql<boolean>`id IN (SELECT rowid FROM expenses_fts WHERE expenses_fts MATCH ${match})`)
          .where('id', '>', lastId)
          .where('owner', '=', owner)
          .where('deleted_at', 'is', null)
          .orderBy('id')
          .limit(100)
          .execute();
      } catch {
        return null;
      }
      if (rows.some((r) => m.test(r))) return true;
      if (rows.length < 100) return false;
      lastId = rows[rows.length - 1]!.id;
    }
    // Thousands of near misses (a prefix shared by many words): let the plain scan decide.
    return null;
  }

  return {
    select: (ctx, period, filters) => new SqliteSelection(db, hasFts, ctx, period, filters),

    async knownMerchant(owner, variants) {
      if (!variants.length) return null;
      const r = await db
        .selectFrom('expenses')
        .select('merchant')
        .where('owner', '=', owner)
        .where('merchant', 'in', variants)
        // "+": the (owner, merchant) index answers this in a few probes; offered deleted_at as a second
        // equality, SQLite walked all the owner's rows in a (owner, deleted_at, …) index instead
        // (100k rows: ~100 ms per question naming a thing, before any total was summed).
        .where(sql<boolean>`+deleted_at IS NULL`)
        .limit(1)
        .executeTakeFirst();
      return r?.merchant ?? null;
    },

    async merchants(owner) {
      const rows = await db.selectFrom('expenses').select('merchant').distinct().where('owner', '=', owner).where('merchant', 'is not', null).execute();
      return rows.map((r) => r.merchant!);
    },

    async literalExists(owner, forms) {
      if (!forms.length) return false;
      const m = compileMatcher({ categories: [], terms: forms, merchants: [] });
      const viaIndex = await literalViaWordIndex(owner, forms, m);
      if (viaIndex !== null) return viaIndex;
      const shortest = [...forms].sort((a, b) => a.length - b.length)[0]!;
      // Candidates are checked in pages so a common substring ("tea" in "steam") cannot hide a real hit.
      let lastId = 0;
      for (;;) {
        const rows = await db
          .selectFrom('expenses')
          .select(['id', 'category', 'detail', 'merchant', 'search_text'])
          .where('owner', '=', owner)
          .where('deleted_at', 'is', null)
          .where('id', '>', lastId)
          .where(sql<boolean>`instr(search_text, ${shortest}) > 0`)
          .orderBy('id')
          .limit(500)
          .execute();
        if (rows.some((r) => m.test(r))) return true;
        if (rows.length < 500) return false;
        lastId = rows[rows.length - 1]!.id;
      }
    },

    async wordsStartingWith(owner, p) {
      if (!/^\p{L}{4,}$/u.test(p)) return [];
      let rows: { search_text: string }[];
      try {
        rows = await db
          .selectFrom('expenses')
          .select('search_text')
          .where(sql<boolean>`id IN (SELECT rowid FROM expenses_fts WHERE expenses_fts MATCH ${`"${p}" *`})`)
          .where('owner', '=', owner)
          .where('deleted_at', 'is', null)
          .limit(200)
          .execute();
      } catch {
        return [];
      }
      return wordsBeginning(rows.map((r) => r.search_text), p);
    },
  };
}
