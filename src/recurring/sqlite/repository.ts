/**
 * @module recurring/sqlite/repository
 * Recurring expense definitions in SQLite.
 */
import type { Generated, Kysely, Selectable } from 'kysely';
import type { Primary } from '../../core/primaries.js';
import type { SqliteStore } from '../../ledger/sqlite/open.js';
import type { Database } from '../../ledger/sqlite/schema.js';
import type { Every } from '../commands.js';
import type { Recurring, RecurringRepository } from '../repo.js';

export interface RecurringTable {
  id: Generated<number>;
  owner: string;
  chat_id: string | null;
  amount_minor: number;
  currency: string;
  category: string;
  detail: string | null;
  item: string | null;
  merchant: string | null;
  note: string | null;
  every: string;
  day: number | null;
  start_date: string;
  created_at: string;
  stopped_at: string | null;
}

// A type alias, not an interface: Kysely's withTables needs an index-signature-compatible shape.
export type RecurringTables = { recurring: RecurringTable };
type Db = Kysely<Database & RecurringTables>;

function toRecurring(r: Selectable<RecurringTable>): Recurring {
  return {
    id: r.id, owner: r.owner, chatId: r.chat_id, amountMinor: r.amount_minor, currency: r.currency,
    category: r.category as Primary, detail: r.detail, item: r.item, merchant: r.merchant, note: r.note,
    every: r.every as Every, day: r.day, startDate: r.start_date, createdAt: r.created_at, stoppedAt: r.stopped_at,
  };
}

export function sqliteRecurring(store: SqliteStore): RecurringRepository {
  const db: Db = store.db.withTables<RecurringTables>();
  const write = <T>(fn: (trx: Db) => Promise<T>) => store.write((trx) => fn(trx.withTables<RecurringTables>()));
  return {
    async create(r, now) {
      const row = await write((trx) =>
        trx
          .insertInto('recurring')
          .values({
            owner: r.owner, chat_id: r.chatId, amount_minor: r.amountMinor, currency: r.currency, category: r.category,
            detail: r.detail, item: r.item, merchant: r.merchant, note: r.note, every: r.every, day: r.day,
            start_date: r.startDate, created_at: now.toISOString(), stopped_at: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toRecurring(row);
    },

    async list(opts = {}) {
      let q = db.selectFrom('recurring').selectAll();
      if (opts.owner) q = q.where('owner', '=', opts.owner);
      if (!opts.includeStopped) q = q.where('stopped_at', 'is', null);
      return (await q.orderBy('id').execute()).map(toRecurring);
    },

    async stop(id, now) {
      const r = await write((trx) => trx.updateTable('recurring').set({ stopped_at: now.toISOString() }).where('id', '=', id).where('stopped_at', 'is', null).executeTakeFirst());
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
