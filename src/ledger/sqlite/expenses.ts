/**
 * @module ledger/sqlite/expenses
 * The expense repository over SQLite (kysely). Rows are snake_case; everything leaving here is a
 * core `Expense`.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Primary } from '../../core/primaries.js';
import type { Expense, Source } from '../../core/types.js';
import { importMessageId, searchTextOf, type CommandEffect, type ExpenseRepository, type RecordMeta } from '../expenses.js';
import type { ExpenseDraft } from '../../core/types.js';
import type { SqliteStore } from './open.js';
import type { Database, ExpensesTable } from './schema.js';

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
    ...(r.uid ? { uid: r.uid } : {}),
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
        if (meta.sourceKey) {
          const same = await trx.selectFrom('expenses').selectAll().where('owner', '=', meta.owner).where('source_key', '=', meta.sourceKey).where('deleted_at', 'is', null).orderBy('id').execute();
          if (same.length) return { expenses: same.map(rowToExpense), duplicate: true };
        }
        const out: Expense[] = [];
        for (const [i, d] of drafts.entries()) out.push(rowToExpense(await insertRow(trx, d, meta, i, drafts.length === 1 ? meta.uid : null)));
        return { expenses: out, duplicate: false };
      }),

    get,

    async recent(owner, limit) {
      const rows = await db.selectFrom('expenses').selectAll().where('owner', '=', owner).where('deleted_at', 'is', null).orderBy('id', 'desc').limit(limit).execute();
      return rows.map(rowToExpense);
    },

    async softDelete(ids, now, messageId) {
      if (!ids.length) return 0;
      return store.write(async (trx) => {
        if (messageId && (await effectOf(trx, messageId))) return 0;
        const removed = await trx
          .updateTable('expenses')
          .set({ deleted_at: now, updated_at: now })
          .where('id', 'in', ids)
          .where('deleted_at', 'is', null)
          .returning('id')
          .execute();
        if (messageId) await saveEffect(trx, messageId, ids, { kind: 'delete', expenseIds: removed.map((r) => r.id) }, now);
        return removed.length;
      });
    },

    async update(id, patch, now, messageId) {
      const updated = await store.write(async (trx) => {
        const done = messageId ? await effectOf(trx, messageId) : null;
        if (done?.expenseIds.includes(id)) return true; // a replay: this message changed this row already
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
        if (messageId) await saveEffect(trx, messageId, [id], { kind: 'edit', expenseIds: [...(done?.expenseIds ?? []), id] }, now);
        return true;
      });
      return updated ? get(id) : null;
    },

    commandEffect: (messageId) => effectOf(db, messageId),

    async forgetCommandEffects(before) {
      const r = await store.write((trx) => trx.deleteFrom('command_effects').where('applied_at', '<', before).executeTakeFirst());
      return Number(r.numDeletedRows);
    },

    // Set-wise, not row by row: three lookups and one multi-row insert per batch (100k rows went
    // at a few hundred per second with three queries per row).
    importBatch: (items, meta) =>
      store.write(async (trx) => {
        const ids = items.map((it) => importMessageId(meta.owner, it));
        const knownUids = new Set<string>();
        for (const part of chunked([...new Set(items.flatMap((it) => (it.uid ? [it.uid] : [])))], 500)) {
          for (const r of await trx.selectFrom('expenses').select('uid').where('uid', 'in', part).execute()) knownUids.add(r.uid!);
        }
        const knownIds = new Set<string>();
        for (const part of chunked(ids.filter((_, i) => !items[i]!.uid), 500)) {
          for (const r of await trx.selectFrom('expenses').select('message_id').where('message_id', 'in', part).execute()) knownIds.add(r.message_id!);
        }
        // How often the ledger holds each content (deleted rows count: a deletion sticks).
        const counts = new Map<string, number>();
        const pairs = [...new Map(items.filter((it) => !it.uid).map((it) => [`${it.draft.date}|${it.draft.amountMinor}`, [it.draft.date, it.draft.amountMinor] as const])).values()];
        for (const part of chunked(pairs, 400)) {
          const rows = await trx
            .selectFrom('expenses')
            .select(['date', 'amount_minor', 'currency', 'item', 'merchant', 'note'])
            .where('owner', '=', meta.owner)
            .where((eb) => eb(eb.refTuple('date', 'amount_minor'), 'in', part.map(([d, a]) => eb.tuple(d, a))))
            .execute();
          for (const r of rows) {
            const k = contentKey(r.date, r.amount_minor, r.currency, r.item, r.merchant, r.note);
            counts.set(k, (counts.get(k) ?? 0) + 1);
          }
        }
        const fresh: { d: ExpenseDraft; messageId: string; uid: string | null }[] = [];
        items.forEach((it, i) => {
          const d = it.draft;
          if (it.uid) {
            if (knownUids.has(it.uid)) return;
            knownUids.add(it.uid);
          } else {
            if (knownIds.has(ids[i]!)) return;
            const k = contentKey(d.date, d.amountMinor, d.currency, d.item, d.merchant, d.note);
            const n = counts.get(k) ?? 0;
            if (n >= it.occurrence) return;
            counts.set(k, n + 1);
            knownIds.add(ids[i]!);
          }
          fresh.push({ d, messageId: ids[i]!, uid: it.uid });
        });
        if (fresh.length) {
          // The word index gets the batch's rows in one statement after them (migration 0015): row by
          // row through the trigger it was two thirds of an import's time. Same transaction, so
          // rows and their index entries commit together or not at all.
          const before = Number((await sql<{ n: number | null }>`SELECT max(id) AS n FROM expenses`.execute(trx)).rows[0]?.n ?? 0);
          await sql`INSERT INTO expenses_fts_defer (since) VALUES (${meta.now})`.execute(trx);
          for (const part of chunked(fresh, INSERT_ROWS)) {
            await trx
              .insertInto('expenses')
              .values(part.map(({ d, messageId, uid }) => rowValues(d, { owner: meta.owner, source: 'import', messageId, understoodBy: 'user', now: meta.now }, 0, uid)))
              .execute();
          }
          await sql`INSERT INTO expenses_fts (rowid, search_text) SELECT id, search_text FROM expenses WHERE id > ${before}`.execute(trx);
          await sql`DELETE FROM expenses_fts_defer`.execute(trx);
        }
        return { added: fresh.length, present: items.length - fresh.length };
      }),

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

    async eachBetween(opts, visit) {
      const pageSize = Math.max(1, opts.pageSize ?? 1000);
      let after: { date: string; id: number } | null = null;
      let n = 0;
      for (;;) {
        let q = db.selectFrom('expenses').selectAll().where('deleted_at', 'is', null);
        if (opts.owner) q = q.where('owner', '=', opts.owner);
        if (opts.from) q = q.where('date', '>=', opts.from);
        if (opts.to) q = q.where('date', '<=', opts.to);
        // Keyset, not OFFSET: each page starts where the last ended, in between()'s (date, id) order.
        if (after) q = q.where(sql<boolean>`(date, id) > (${after.date}, ${after.id})`);
        const page = await q.orderBy('date').orderBy('id').limit(pageSize).execute();
        for (const r of page) visit(rowToExpense(r));
        n += page.length;
        if (page.length < pageSize) return n;
        const last = page[page.length - 1]!;
        after = { date: last.date, id: last.id };
      }
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

type Trx = Kysely<Database>;

/** Rows per INSERT statement: a full batch reuses one prepared statement (SQLite allows 32,766 parameters; a row has 19). */
const INSERT_ROWS = 500;

function insertRow(trx: Trx, d: ExpenseDraft, meta: RecordMeta, part: number, uid: string | null | undefined) {
  return trx.insertInto('expenses').values(rowValues(d, meta, part, uid)).returningAll().executeTakeFirstOrThrow();
}

function rowValues(d: ExpenseDraft, meta: RecordMeta, part: number, uid: string | null | undefined) {
  return {
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
      message_part: part,
      understood_by: meta.understoodBy ?? 'rules',
      deleted_at: null,
    // A new identity unless the row brings one from an export file.
    uid: uid ?? sql<string>`lower(hex(randomblob(12)))`,
    source_key: meta.sourceKey ?? null,
  };
}

function contentKey(date: string, amountMinor: number, currency: string, item: string | null, merchant: string | null, note: string | null): string {
  return JSON.stringify([date, amountMinor, currency, item, merchant, note]);
}

function chunked<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

async function effectOf(db: Trx, messageId: string): Promise<CommandEffect | null> {
  const r = await db.selectFrom('command_effects').select(['kind', 'expense_ids']).where('message_id', '=', messageId).executeTakeFirst();
  return r ? { kind: r.kind, expenseIds: JSON.parse(r.expense_ids) as number[] } : null;
}

async function saveEffect(trx: Trx, messageId: string, ids: number[], effect: CommandEffect, now: string): Promise<void> {
  const owner = ids.length ? ((await trx.selectFrom('expenses').select('owner').where('id', '=', ids[0]!).executeTakeFirst())?.owner ?? '') : '';
  await trx
    .insertInto('command_effects')
    .values({ message_id: messageId, owner, kind: effect.kind, expense_ids: JSON.stringify(effect.expenseIds), applied_at: now })
    .onConflict((oc) => oc.column('message_id').doUpdateSet({ expense_ids: JSON.stringify(effect.expenseIds), applied_at: now }))
    .execute();
}

