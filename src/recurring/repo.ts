/**
 * @module recurring/repo
 * Recurring expense definitions in SQLite. What they recorded lives in `expenses` under message
 * ids `recurring:<id>:<period>`, which is what makes each period record once.
 */
import type { Primary } from '../categories/taxonomy.js';
import type { IsoDate } from '../core/dates.js';
import type { ScheduleDb } from '../scheduler/schema.js';
import type { Every } from './commands.js';

export interface Recurring {
  id: number;
  owner: string;
  chatId: string | null;
  amountMinor: number;
  currency: string;
  category: Primary;
  detail: string | null;
  item: string | null;
  merchant: string | null;
  note: string | null;
  every: Every;
  /** Day of month (1–31) or weekday (0 = Sunday); null for daily. */
  day: number | null;
  /** First date that may record. */
  startDate: IsoDate;
  createdAt: string;
  stoppedAt: string | null;
}

export type NewRecurring = Omit<Recurring, 'id' | 'createdAt' | 'stoppedAt'>;

type Row = Awaited<ReturnType<typeof selectAll>>[number];
const selectAll = (db: ScheduleDb) => db.selectFrom('recurring').selectAll().execute();

function toRecurring(r: Row): Recurring {
  return {
    id: r.id, owner: r.owner, chatId: r.chat_id, amountMinor: r.amount_minor, currency: r.currency,
    category: r.category as Primary, detail: r.detail, item: r.item, merchant: r.merchant, note: r.note,
    every: r.every as Every, day: r.day, startDate: r.start_date, createdAt: r.created_at, stoppedAt: r.stopped_at,
  };
}

export async function createRecurring(db: ScheduleDb, r: NewRecurring, now: Date): Promise<Recurring> {
  const row = await db
    .insertInto('recurring')
    .values({
      owner: r.owner, chat_id: r.chatId, amount_minor: r.amountMinor, currency: r.currency, category: r.category,
      detail: r.detail, item: r.item, merchant: r.merchant, note: r.note, every: r.every, day: r.day,
      start_date: r.startDate, created_at: now.toISOString(), stopped_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecurring(row);
}

/** Active recurring expenses (an owner's, or everyone's), oldest first: list numbers follow this order. */
export async function listRecurring(db: ScheduleDb, opts: { owner?: string; includeStopped?: boolean } = {}): Promise<Recurring[]> {
  let q = db.selectFrom('recurring').selectAll();
  if (opts.owner) q = q.where('owner', '=', opts.owner);
  if (!opts.includeStopped) q = q.where('stopped_at', 'is', null);
  return (await q.orderBy('id').execute()).map(toRecurring);
}

export async function stopRecurring(db: ScheduleDb, id: number, now: Date): Promise<boolean> {
  const r = await db.updateTable('recurring').set({ stopped_at: now.toISOString() }).where('id', '=', id).where('stopped_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
