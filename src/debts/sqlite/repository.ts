/**
 * @module debts/sqlite/repository
 * Debts and household payers in the ledger's SQLite file. Balances are SUMs over live entries whose
 * linked expense (if any) is live too, so an undone split takes its shares with it.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Generated, type Kysely, type Selectable } from 'kysely';
import type { SqliteStore } from '../../ledger/sqlite/open.js';
import type { Database } from '../../ledger/sqlite/schema.js';
import { check } from '../memory.js';
import { personKey, sortBalances, type Debt, type DebtKind, type DebtRepository } from '../repo.js';

export interface DebtsTable {
  id: Generated<number>;
  owner: string;
  person: string;
  person_key: string;
  kind: string;
  amount_minor: number;
  currency: string;
  date: string;
  expense_id: number | null;
  note: string | null;
  message_id: string | null;
  message_part: number;
  uid: string;
  created_at: string;
  deleted_at: string | null;
}

export interface ExpensePayersTable {
  expense_id: number;
  owner: string;
  payer: string;
}

export type DebtTables = { debts: DebtsTable; expense_payers: ExpensePayersTable };
type Db = Kysely<Database & DebtTables>;

function toDebt(r: Selectable<DebtsTable>, name?: string): Debt {
  return {
    id: r.id, owner: r.owner, person: name ?? r.person, personKey: r.person_key, kind: r.kind as DebtKind, amountMinor: r.amount_minor,
    currency: r.currency, date: r.date, expenseId: r.expense_id, note: r.note, messageId: r.message_id, uid: r.uid, createdAt: r.created_at, deletedAt: r.deleted_at,
  };
}

export function sqliteDebts(store: SqliteStore): DebtRepository {
  const db: Db = store.db.withTables<DebtTables>();
  const write = <T>(fn: (trx: Db) => Promise<T>) => store.write((trx) => fn(trx.withTables<DebtTables>()));
  // Live: not deleted, and a share only while its expense is live.
  const live = (q: Db) =>
    q.selectFrom('debts as d')
      .leftJoin('expenses as e', 'e.id', 'd.expense_id')
      .where('d.deleted_at', 'is', null)
      .where((w) => w.or([w('d.expense_id', 'is', null), w.and([w('e.id', 'is not', null), w('e.deleted_at', 'is', null)])]));
  async function names(q: Db, owner: string): Promise<Map<string, string>> {
    const rows = await q.selectFrom('debts').select(['person_key', 'person', 'id']).where('owner', '=', owner).orderBy('id').execute();
    const m = new Map<string, string>();
    for (const r of rows) if (!m.has(r.person_key)) m.set(r.person_key, r.person);
    return m;
  }
  return {
    async record(entries, meta) {
      entries.forEach(check);
      return write(async (trx) => {
        if (meta.messageId) {
          const stored = await trx.selectFrom('debts').selectAll().where('message_id', '=', meta.messageId).orderBy('message_part').execute();
          if (stored.length) return { debts: stored.map((r) => toDebt(r)), duplicate: true };
        }
        const uids = (meta.uids ?? []).filter((u): u is string => !!u);
        if (uids.length && uids.length === entries.length) {
          const known = await trx.selectFrom('debts').selectAll().where('uid', 'in', uids).execute();
          if (known.length === uids.length) return { debts: known.map((r) => toDebt(r)), duplicate: true };
        }
        const nm = await names(trx, meta.owner);
        const out: Debt[] = [];
        for (const [part, e] of entries.entries()) {
          const key = personKey(e.person);
          const uid = meta.uids?.[part] ?? randomUUID();
          const exists = await trx.selectFrom('debts').select('id').where('uid', '=', uid).executeTakeFirst();
          if (exists) continue;
          const person = nm.get(key) ?? e.person;
          nm.set(key, person);
          const row = await trx
            .insertInto('debts')
            .values({
              owner: meta.owner, person, person_key: key, kind: e.kind, amount_minor: e.amountMinor, currency: e.currency, date: e.date,
              expense_id: e.expenseId, note: e.note, message_id: meta.messageId, message_part: part, uid, created_at: meta.now, deleted_at: null,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          out.push(toDebt(row));
        }
        return { debts: out, duplicate: false };
      });
    },

    async balances(owner) {
      const rows = await live(db)
        .select(['d.person_key as key', 'd.currency as currency', sql<number>`SUM(d.amount_minor)`.as('amount')])
        .where('d.owner', '=', owner)
        .groupBy(['d.person_key', 'd.currency'])
        .having(sql`SUM(d.amount_minor)`, '<>', 0)
        .execute();
      const nm = await names(db, owner);
      return sortBalances(rows.map((r) => ({ personKey: r.key, person: nm.get(r.key) ?? r.key, currency: r.currency, amountMinor: Number(r.amount) })));
    },

    async entries(owner, key) {
      let q = live(db).selectAll('d').where('d.owner', '=', owner);
      if (key !== undefined) q = q.where('d.person_key', '=', key);
      const rows = await q.orderBy('d.date').orderBy('d.id').execute();
      const nm = await names(db, owner);
      return rows.map((r) => toDebt(r, nm.get(r.person_key)));
    },

    async people(owner) {
      return [...(await names(db, owner))].map(([key, name]) => ({ key, name })).sort((a, b) => (a.key < b.key ? -1 : 1));
    },

    async undoMessage(owner, messageId, now) {
      return write(async (trx) => {
        const rows = await trx.selectFrom('debts').selectAll().where('owner', '=', owner).where('message_id', '=', messageId).where('deleted_at', 'is', null).execute();
        if (rows.length) await trx.updateTable('debts').set({ deleted_at: now }).where('id', 'in', rows.map((r) => r.id)).execute();
        return rows.map((r) => ({ ...toDebt(r), deletedAt: now }));
      });
    },

    async expenseUid(expenseId) {
      return (await db.selectFrom('expenses').select('uid').where('id', '=', expenseId).executeTakeFirst())?.uid ?? null;
    },

    async expenseByUid(owner, uid) {
      return (await db.selectFrom('expenses').select('id').where('owner', '=', owner).where('uid', '=', uid).where('deleted_at', 'is', null).executeTakeFirst())?.id ?? null;
    },

    async setPayer(owner, expenseId, payer) {
      await write((trx) => trx.insertInto('expense_payers').values({ expense_id: expenseId, owner, payer }).onConflict((oc) => oc.column('expense_id').doUpdateSet({ payer })).execute());
    },

    async spentBy(owner, from, to) {
      const rows = await db
        .selectFrom('expenses as e')
        .leftJoin('expense_payers as p', 'p.expense_id', 'e.id')
        .select([sql<string>`COALESCE(p.payer, e.owner)`.as('payer'), 'e.currency as currency', sql<number>`SUM(e.amount_minor)`.as('amount'), sql<number>`COUNT(*)`.as('n')])
        .where('e.owner', '=', owner)
        .where('e.deleted_at', 'is', null)
        .where('e.date', '>=', from)
        .where('e.date', '<=', to)
        .groupBy([sql`COALESCE(p.payer, e.owner)`, 'e.currency'])
        .execute();
      return rows
        .map((r) => ({ payer: r.payer, currency: r.currency, amountMinor: Number(r.amount), count: Number(r.n) }))
        .sort((a, b) => b.amountMinor - a.amountMinor || (a.payer < b.payer ? -1 : 1));
    },
  };
}
