/**
 * @module ledger/expenses
 * The expense repository: plain functions taking a Kysely handle first (a transaction works too).
 * Recording is idempotent per (message id, part): the same WhatsApp message never records twice.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Expense, ExpenseDraft, Source, UnderstoodBy } from '../core/types.js';
import type { Primary } from '../categories/taxonomy.js';
import type { Database, ExpensesTable } from './schema.js';

export type Db = Kysely<Database>;

export interface RecordMeta {
  owner: string;
  source: Source;
  messageId: string | null;
  understoodBy?: UnderstoodBy;
  /** ISO timestamp for created/updated. */
  now: string;
}

export function searchTextOf(d: Pick<ExpenseDraft, 'item' | 'merchant' | 'note'>): string {
  return [d.item, d.merchant, d.note].filter(Boolean).join(' ').toLowerCase();
}

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

/**
 * Records the expenses understood from one message. When the message was already recorded
 * (a redelivery, a replay after reconnect, a restart mid-way) the stored rows are returned and
 * nothing new is written.
 */
export async function recordExpenses(db: Db, drafts: ExpenseDraft[], meta: RecordMeta): Promise<{ expenses: Expense[]; duplicate: boolean }> {
  return db.transaction().execute(async (trx) => {
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
  });
}

export async function getExpense(db: Db, id: number): Promise<Expense | null> {
  const r = await db.selectFrom('expenses').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? rowToExpense(r) : null;
}

/** The owner's most recent live expenses, newest first. */
export async function recentExpenses(db: Db, owner: string, limit: number): Promise<Expense[]> {
  const rows = await db
    .selectFrom('expenses')
    .selectAll()
    .where('owner', '=', owner)
    .where('deleted_at', 'is', null)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(rowToExpense);
}

export async function softDelete(db: Db, ids: number[], now: string): Promise<number> {
  if (!ids.length) return 0;
  const r = await db.updateTable('expenses').set({ deleted_at: now, updated_at: now }).where('id', 'in', ids).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function restore(db: Db, ids: number[], now: string): Promise<number> {
  if (!ids.length) return 0;
  const r = await db.updateTable('expenses').set({ deleted_at: null, updated_at: now }).where('id', 'in', ids).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export type ExpensePatch = Partial<Pick<ExpenseDraft, 'amountMinor' | 'currency' | 'category' | 'detail' | 'item' | 'merchant' | 'note' | 'date'>>;

export async function updateExpense(db: Db, id: number, patch: ExpensePatch, now: string): Promise<Expense | null> {
  const cur = await getExpense(db, id);
  if (!cur) return null;
  const next = { ...cur, ...patch };
  await db
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
  return getExpense(db, id);
}

/** Live expenses in the ledger (all owners when owner is omitted). */
export async function countExpenses(db: Db, owner?: string): Promise<number> {
  let q = db.selectFrom('expenses').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null);
  if (owner) q = q.where('owner', '=', owner);
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Every live expense in a date range (inclusive), oldest first, for export and summaries. */
export async function expensesBetween(db: Db, opts: { owner?: string; from?: string; to?: string }): Promise<Expense[]> {
  let q = db.selectFrom('expenses').selectAll().where('deleted_at', 'is', null);
  if (opts.owner) q = q.where('owner', '=', opts.owner);
  if (opts.from) q = q.where('date', '>=', opts.from);
  if (opts.to) q = q.where('date', '<=', opts.to);
  const rows = await q.orderBy('date').orderBy('id').execute();
  return rows.map(rowToExpense);
}
