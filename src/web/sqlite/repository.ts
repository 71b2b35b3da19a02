/**
 * @module web/sqlite/repository
 * The web page's repositories over the shared SQLite store: sign-in secrets and sessions, and the
 * expense table view (filter, sort, page, per-currency totals, restore, erase, online backup).
 * The table reads the ledger's `expenses` rows directly because a page over 100k rows needs
 * OFFSET/LIMIT, COUNT and SUM in SQL, which the chat's repository does not offer.
 */
import fs from 'node:fs';
import { sql, type Generated, type Selectable, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { rowToExpense } from '../../ledger/sqlite/expenses.js';
import type { SqliteStore } from '../../ledger/sqlite/open.js';
import type { Database } from '../../ledger/sqlite/schema.js';
import type { ExpenseTable, LoginCode, SortKey, TableFilter, WebAuthRepository, WebSession } from '../port.js';

interface WebLoginCodesTable {
  id: Generated<number>;
  owner: string;
  code_hash: string;
  link_hash: string;
  admin: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  attempts: number;
}
interface WebSessionsTable {
  token_hash: string;
  owner: string;
  csrf: string;
  admin: number;
  created_at: string;
  expires_at: string;
}
interface WebPasswordsTable {
  owner: string;
  hash: string;
  updated_at: string;
}
export type WebTables = { web_login_codes: WebLoginCodesTable; web_sessions: WebSessionsTable; web_passwords: WebPasswordsTable };
type Db = Kysely<Database & WebTables>;

export function sqliteWebAuth(store: SqliteStore): WebAuthRepository {
  const db: Db = store.db.withTables<WebTables>();
  const write = <T>(fn: (trx: Db) => Promise<T>) => store.write((trx) => fn(trx.withTables<WebTables>()));
  const toCode = (r: Selectable<WebLoginCodesTable>): LoginCode => ({
    id: r.id, owner: r.owner, codeHash: r.code_hash, linkHash: r.link_hash, admin: r.admin === 1,
    expiresAt: r.expires_at, usedAt: r.used_at, attempts: r.attempts,
  });
  return {
    async addCode(c, now) {
      await write(async (trx) => {
        // One live code per person: a new "dashboard" retires the previous one.
        await trx.updateTable('web_login_codes').set({ used_at: now }).where('owner', '=', c.owner).where('used_at', 'is', null).execute();
        await trx.deleteFrom('web_login_codes').where('expires_at', '<', now).execute();
        await trx
          .insertInto('web_login_codes')
          .values({ owner: c.owner, code_hash: c.codeHash, link_hash: c.linkHash, admin: c.admin ? 1 : 0, created_at: now, expires_at: c.expiresAt, used_at: null, attempts: 0 })
          .execute();
      });
    },
    async findCode(by, now) {
      let q = db.selectFrom('web_login_codes').selectAll().where('used_at', 'is', null).where('expires_at', '>', now);
      if (by.codeHash) q = q.where('code_hash', '=', by.codeHash);
      else if (by.linkHash) q = q.where('link_hash', '=', by.linkHash);
      else return null;
      const r = await q.orderBy('id', 'desc').executeTakeFirst();
      return r ? toCode(r) : null;
    },
    async useCode(id, now) {
      const r = await write((trx) => trx.updateTable('web_login_codes').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst());
      return Number(r.numUpdatedRows) === 1;
    },
    async everUsed(owner) {
      const a = await db.selectFrom('web_login_codes').select('id').where('owner', '=', owner).where('used_at', 'is not', null).limit(1).executeTakeFirst();
      const b = await db.selectFrom('web_passwords').select('owner').where('owner', '=', owner).executeTakeFirst();
      const c = await db.selectFrom('web_sessions').select('owner').where('owner', '=', owner).limit(1).executeTakeFirst();
      return Boolean(a || b || c);
    },
    async addSession(s) {
      await write((trx) =>
        trx
          .insertInto('web_sessions')
          .values({ token_hash: s.tokenHash, owner: s.owner, csrf: s.csrf, admin: s.admin ? 1 : 0, created_at: s.createdAt, expires_at: s.expiresAt })
          .execute(),
      );
    },
    async session(tokenHash, now) {
      const r = await db.selectFrom('web_sessions').selectAll().where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
      return r ? { tokenHash: r.token_hash, owner: r.owner, csrf: r.csrf, admin: r.admin === 1, createdAt: r.created_at, expiresAt: r.expires_at } : null;
    },
    async deleteSession(tokenHash) {
      await write((trx) => trx.deleteFrom('web_sessions').where('token_hash', '=', tokenHash).execute());
    },
    async deleteSessions(owner) {
      await write((trx) => trx.deleteFrom('web_sessions').where('owner', '=', owner).execute());
    },
    async password(owner) {
      const r = await db.selectFrom('web_passwords').select('hash').where('owner', '=', owner).executeTakeFirst();
      return r?.hash ?? null;
    },
    async setPassword(owner, hash, now) {
      await write(async (trx) => {
        await trx
          .insertInto('web_passwords')
          .values({ owner, hash, updated_at: now })
          .onConflict((oc) => oc.column('owner').doUpdateSet({ hash, updated_at: now }))
          .execute();
        // A new password signs every browser out.
        await trx.deleteFrom('web_sessions').where('owner', '=', owner).execute();
      });
    },
  };
}

const SORT_COLUMN: Record<SortKey, 'date' | 'amount_minor' | 'category' | 'item' | 'merchant' | 'created_at'> = {
  date: 'date', amount: 'amount_minor', category: 'category', item: 'item', merchant: 'merchant', created: 'created_at',
};

/** LIKE with the user's % and _ taken literally. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(f: TableFilter) {
  return (eb: ExpressionBuilder<Database, 'expenses'>): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [eb('owner', '=', f.owner), eb('deleted_at', 'is', null)];
    if (f.from) parts.push(eb('date', '>=', f.from));
    if (f.to) parts.push(eb('date', '<=', f.to));
    if (f.currency) parts.push(eb('currency', '=', f.currency));
    if (f.source) parts.push(eb('source', '=', f.source));
    if (f.category) {
      const [primary, detail] = f.category.split('/');
      parts.push(eb('category', '=', primary!));
      if (detail) parts.push(eb('detail', '=', detail));
    }
    for (const word of (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
      parts.push(sql<SqlBool>`search_text LIKE ${`%${likeEscape(word)}%`} ESCAPE '\\'`);
    }
    return eb.and(parts);
  };
}

export function sqliteExpenseTable(store: SqliteStore): ExpenseTable {
  const { db } = store;
  return {
    async page(f, o) {
      const col = SORT_COLUMN[o.sort];
      const dir = o.desc ? 'desc' : 'asc';
      const rows = await db
        .selectFrom('expenses')
        .selectAll()
        .where(where(f))
        .orderBy(col, dir)
        .orderBy('id', dir)
        .limit(o.limit)
        .offset(o.offset)
        .execute();
      const totals = await db
        .selectFrom('expenses')
        .select((eb) => ['currency', eb.fn.sum<number>('amount_minor').as('amount'), eb.fn.countAll<number>().as('n')])
        .where(where(f))
        .groupBy('currency')
        .orderBy('currency')
        .execute();
      return {
        rows: rows.map(rowToExpense),
        total: totals.reduce((a, t) => a + Number(t.n), 0),
        totals: totals.map((t) => ({ currency: t.currency, amountMinor: Number(t.amount), count: Number(t.n) })),
      };
    },
    async *batches(f) {
      let last: { date: string; id: number } | null = null;
      // Keyset pages on (date, id): oldest first, and each page is an index seek, not an OFFSET scan.
      for (;;) {
        const after = last;
        let q = db.selectFrom('expenses').selectAll().where(where(f));
        if (after) q = q.where((eb) => eb.or([eb('date', '>', after.date), eb.and([eb('date', '=', after.date), eb('id', '>', after.id)])]));
        const rows = await q.orderBy('date').orderBy('id').limit(2000).execute();
        if (!rows.length) return;
        const end = rows[rows.length - 1]!;
        last = { date: end.date, id: end.id };
        yield rows.map(rowToExpense);
      }
    },
    async byCategory(f) {
      const r = await db
        .selectFrom('expenses')
        .select((eb) => ['category', 'currency', eb.fn.sum<number>('amount_minor').as('amount'), eb.fn.countAll<number>().as('n')])
        .where(where(f))
        .groupBy(['category', 'currency'])
        .orderBy('amount', 'desc')
        .execute();
      return r.map((x) => ({ category: x.category, currency: x.currency, amountMinor: Number(x.amount), count: Number(x.n) }));
    },
    async restore(owner, ids, now) {
      if (!ids.length) return 0;
      const r = await store.write((trx) =>
        trx.updateTable('expenses').set({ deleted_at: null, updated_at: now }).where('owner', '=', owner).where('id', 'in', ids).where('deleted_at', 'is not', null).executeTakeFirst(),
      );
      return Number(r.numUpdatedRows);
    },
    async eraseOwner(owner) {
      return store.write(async (trx) => {
        const tables = await sql<{ name: string }>`SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) p WHERE p.name = 'owner')`.execute(trx);
        let expenses = 0;
        // Everything keyed by owner: expenses, corrections, settings, budgets (their alerts cascade),
        // recurring definitions, sign-in secrets. The inbox/outbox keep their rows so a redelivered
        // message is still recognized; they are pruned with the rest of the history.
        for (const { name } of tables.rows) {
          if (name === 'inbox' || name === 'outbox' || name.startsWith('sqlite_')) continue;
          const r = await sql`DELETE FROM ${sql.table(name)} WHERE owner = ${owner}`.execute(trx);
          if (name === 'expenses') expenses = Number(r.numAffectedRows ?? 0);
        }
        return { expenses };
      });
    },
    async backup(toFile) {
      if (store.file === ':memory:') return false;
      fs.rmSync(toFile, { force: true });
      // VACUUM INTO writes a consistent, compacted copy while readers and writers carry on (WAL).
      await sql`VACUUM INTO ${toFile}`.execute(db);
      return true;
    },
  };
}

