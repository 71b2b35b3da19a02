/**
 * @module ledger/sqlite/expenses
 * The expense repository over SQLite (kysely). Rows are snake_case; everything leaving here is a
 * core `Expense`.
 */
import type { Selectable } from 'kysely';
import type { Primary } from '../../core/primaries.js';
import type { Expense, Source } from '../../core/types.js';
import { searchTextOf, type ExpenseRepository } from '../expenses.js';
import type { SqliteStore } from './open.js';
import type { ExpensesTable } from './schema.js';

export function rowToExpense(r: Selectable<ExpensesTable>): Expense {
  return {
    id: r.id,
    owner: r.owner,
    amountMinor: r.amount_minor,
    currency: r.currency,
    category: r.category as Primary,
    detail: r.detail,
    item: r.item,
    merchant: r.merchant,
    note: r.note,
    date: r.date,
    source: r.source as Source,
    messageId: r.message_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

export function sqliteExpenses(store: SqliteStore): ExpenseRepository {
  const { db } = store;
  const get = async (id: number): Promise<Expense | null> => {
    const r = await db.selectFrom('expenses').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? rowToExpense(r) : null;
  };
  return {
    record: (drafts, meta) =>
      store.write(async (trx) => {
        if (meta.messageId) {
          const existing = await trx.selectFrom('expenses').selectAll().where('message_id', '=', meta.messageId).orderBy('message_part').execute();
          if (existing.length) return { expenses: existing.map(rowToExpense), duplicate: true };
        }
        const out: Expense[] = [];
        for (const [i, d] of drafts.entries()) {
          const row = await trx
            .insertInto('expenses')
            .values({
              owner: meta.owner,
              amount_minor: d.amountMinor,
              currency: d.currency,
              category: d.category,
              detail: d.detail,
              item: d.item,
              merchant: d.merchant,
              note: d.note,
              search_text: searchTextOf(d),
              date: d.date,
              created_at: meta.now,
              updated_at: meta.now,
              source: meta.source,
              message_id: meta.messageId,
              message_part: i,
              understood_by: meta.understoodBy ?? 'rules',
              deleted_at: null,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          out.push(rowToExpense(row));
        }
        return { expenses: out, duplicate: false };
      }),

    get,

    async recent(owner, limit) {
      const rows = await db.selectFrom('expenses').selectAll().where('owner', '=', owner).where('deleted_at', 'is', null).orderBy('id', 'desc').limit(limit).execute();
      return rows.map(rowToExpense);
    },

    async softDelete(ids, now) {
      if (!ids.length) return 0;
      const r = await store.write((trx) =>
        trx.updateTable('expenses').set({ deleted_at: now, updated_at: now }).where('id', 'in', ids).where('deleted_at', 'is', null).executeTakeFirst(),
      );
      return Number(r.numUpdatedRows);
    },

    async update(id, patch, now) {
      const updated = await store.write(async (trx) => {
        const cur = await trx.selectFrom('expenses').selectAll().where('id', '=', id).executeTakeFirst();
        if (!cur) return false;
        const next = { ...rowToExpense(cur), ...patch };
        await trx
          .updateTable('expenses')
          .set({
            amount_minor: next.amountMinor,
            currency: next.currency,
            category: next.category,
            detail: next.detail,
            item: next.item,
            merchant: next.merchant,
            note: next.note,
            date: next.date,
            search_text: searchTextOf(next),
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
        return true;
      });
      return updated ? get(id) : null;
    },

    async count(owner) {
      let q = db.selectFrom('expenses').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null);
      if (owner) q = q.where('owner', '=', owner);
      return Number((await q.executeTakeFirstOrThrow()).n);
    },

    async between(opts) {
      let q = db.selectFrom('expenses').selectAll().where('deleted_at', 'is', null);
      if (opts.owner) q = q.where('owner', '=', opts.owner);
      if (opts.from) q = q.where('date', '>=', opts.from);
      if (opts.to) q = q.where('date', '<=', opts.to);
      return (await q.orderBy('date').orderBy('id').execute()).map(rowToExpense);
    },

    async firstDate(owner) {
      const r = await db.selectFrom('expenses').select((eb) => eb.fn.min('date').as('first')).where('owner', '=', owner).where('deleted_at', 'is', null).executeTakeFirst();
      return (r?.first as string | null | undefined) ?? null;
    },

    async owners(opts) {
      let q = db.selectFrom('expenses').select('owner').distinct().where('deleted_at', 'is', null).where('date', '>=', opts.from).where('date', '<=', opts.to);
      if (opts.recordedBy) q = q.where('created_at', '<=', opts.recordedBy.toISOString());
      return (await q.orderBy('owner').execute()).map((r) => r.owner);
    },

    async spent(f) {
      let q = db
        .selectFrom('expenses')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.lit(0)).as('spent'))
        .where('owner', '=', f.owner)
        .where('deleted_at', 'is', null)
        .where('currency', '=', f.currency)
        .where('date', '>=', f.from)
        .where('date', '<=', f.to);
      if (f.category) q = q.where('category', '=', f.category);
      if (f.detail) q = q.where('detail', '=', f.detail);
      return Number((await q.executeTakeFirstOrThrow()).spent);
    },

    async distinctTexts() {
      const items = await db.selectFrom('expenses').select('item').distinct().where('deleted_at', 'is', null).where('item', 'is not', null).execute();
      const merchants = await db.selectFrom('expenses').select('merchant').distinct().where('deleted_at', 'is', null).where('merchant', 'is not', null).execute();
      return { items: items.map((r) => r.item!), merchants: merchants.map((r) => r.merchant!) };
    },
  };
}
