/**
 * @module inbox/store
 * The inbox/outbox repository: plain functions taking the ledger's Kysely handle first. The inbox
 * makes processing once per message id; the outbox makes each reply sent once and lets munshi
 * recognize its own replies when WhatsApp echoes or replays them.
 */
import type { Kysely, Selectable } from 'kysely';
import type { InboundMessage, OutboundReply } from '../core/types.js';
import type { Database } from '../ledger/schema.js';
import { inboxDb, type InboxStatus, type InboxTable, type OutboxTable } from './schema.js';

type Db = Kysely<Database>;
export type InboxRow = Selectable<InboxTable>;
export type OutboxRow = Selectable<OutboxTable>;

/** Writes an accepted message before any work. False when the id is already there (a redelivery or a replay). */
export async function insertInbound(db: Db, msg: InboundMessage, now: string): Promise<boolean> {
  const r = await inboxDb(db)
    .insertInto('inbox')
    .values({
      id: msg.id,
      chat_id: msg.chatId,
      sender_id: msg.senderId,
      owner: msg.owner ?? msg.senderId,
      text: msg.text,
      media_kind: msg.media?.kind ?? null,
      media_mime: msg.media?.mimeType ?? null,
      message_at: msg.timestamp.toISOString(),
      received_at: now,
      handled_at: null,
      last_error: null,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function getInbound(db: Db, id: string): Promise<InboxRow | undefined> {
  return inboxDb(db).selectFrom('inbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks a message as being processed (one more attempt); null when it is already finished. */
export async function claimInbound(db: Db, id: string, now: string): Promise<InboxRow | null> {
  const r = await inboxDb(db)
    .updateTable('inbox')
    .set((eb) => ({ status: 'processing', attempts: eb('attempts', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'processing'])
    .returningAll()
    .executeTakeFirst();
  return r ?? null;
}

export async function finishInbound(db: Db, id: string, status: InboxStatus, now: string, error: string | null = null): Promise<void> {
  await inboxDb(db).updateTable('inbox').set({ status, updated_at: now, last_error: error }).where('id', '=', id).execute();
}

/** Messages accepted but not finished (a crash, a restart, a failed send), oldest first. */
export async function unfinishedInbound(db: Db): Promise<InboxRow[]> {
  return inboxDb(db).selectFrom('inbox').selectAll().where('status', 'in', ['pending', 'processing']).orderBy('received_at').orderBy('id').execute();
}

async function nextSeq(db: Db, inboxId: string): Promise<number> {
  const r = await inboxDb(db)
    .selectFrom('outbox')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('inbox_id', '=', inboxId)
    .executeTakeFirst();
  return r?.m === null || r?.m === undefined ? 0 : Number(r.m) + 1;
}

function outboxValues(inboxId: string | null, seq: number, chatId: string, reply: OutboundReply, now: string) {
  return {
    inbox_id: inboxId,
    seq,
    chat_id: chatId,
    text: reply.text,
    image: reply.image?.png ?? null,
    caption: reply.image?.caption ?? null,
    created_at: now,
    sent_at: null,
    transport_id: null,
    last_error: null,
  };
}

/**
 * Stores the bot's replies to a message and marks the message handled, in one transaction: after
 * this, a restart only sends what is unsent and never asks the bot again.
 */
export async function saveReplies(db: Db, inboxId: string, chatId: string, replies: OutboundReply[], now: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    let seq = await nextSeq(trx, inboxId);
    for (const r of replies) await inboxDb(trx).insertInto('outbox').values(outboxValues(inboxId, seq++, chatId, r, now)).execute();
    await inboxDb(trx).updateTable('inbox').set({ handled_at: now, updated_at: now }).where('id', '=', inboxId).execute();
  });
}

/** Queues one message outside the reply flow: an interim "transcribing…" or an unprompted summary. */
export async function addOutbound(db: Db, inboxId: string | null, chatId: string, reply: OutboundReply, now: string): Promise<OutboxRow> {
  const seq = inboxId ? await nextSeq(db, inboxId) : 0;
  return inboxDb(db).insertInto('outbox').values(outboxValues(inboxId, seq, chatId, reply, now)).returningAll().executeTakeFirstOrThrow();
}

/** Unsent replies, of one message or (inboxId undefined) of all, in order. */
export async function unsentOutbound(db: Db, inboxId?: string | null): Promise<OutboxRow[]> {
  let q = inboxDb(db).selectFrom('outbox').selectAll().where('sent_at', 'is', null);
  if (inboxId !== undefined) q = inboxId === null ? q.where('inbox_id', 'is', null) : q.where('inbox_id', '=', inboxId);
  return q.orderBy('id').execute();
}

export async function markSent(db: Db, outboxId: number, transportId: string | null, now: string): Promise<void> {
  await inboxDb(db)
    .updateTable('outbox')
    .set((eb) => ({ sent_at: now, transport_id: transportId, attempts: eb('attempts', '+', 1), last_error: null }))
    .where('id', '=', outboxId)
    .execute();
}

export async function markSendFailed(db: Db, outboxId: number, error: string): Promise<void> {
  await inboxDb(db)
    .updateTable('outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error }))
    .where('id', '=', outboxId)
    .execute();
}

/**
 * True when an incoming message is one of munshi's own replies coming back: its id is one the
 * network gave a sent reply, or the same text went to the same chat since `sinceIso`.
 */
export async function isOwnReply(db: Db, msg: Pick<InboundMessage, 'id' | 'chatId' | 'text'>, sinceIso: string): Promise<boolean> {
  const byId = await inboxDb(db).selectFrom('outbox').select('id').where('transport_id', '=', msg.id).executeTakeFirst();
  if (byId) return true;
  const text = msg.text.trim();
  if (!text) return false;
  const byText = await inboxDb(db)
    .selectFrom('outbox')
    .select('id')
    .where('chat_id', '=', msg.chatId)
    .where('created_at', '>=', sinceIso)
    .where('text', '=', text)
    .executeTakeFirst();
  return Boolean(byText);
}

export interface InboxStats {
  pending: number;
  processing: number;
  done: number;
  failed: number;
  unsent: number;
  lastError: { at: string; error: string } | null;
}

export async function inboxStats(db: Db): Promise<InboxStats> {
  const idb = inboxDb(db);
  const rows = await idb.selectFrom('inbox').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  const unsent = await idb.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('sent_at', 'is', null).executeTakeFirstOrThrow();
  const err = await idb
    .selectFrom('inbox')
    .select(['updated_at', 'last_error'])
    .where('last_error', 'is not', null)
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    pending: by.pending ?? 0,
    processing: by.processing ?? 0,
    done: by.done ?? 0,
    failed: by.failed ?? 0,
    unsent: Number(unsent.n),
    lastError: err?.last_error ? { at: err.updated_at, error: err.last_error } : null,
  };
}
