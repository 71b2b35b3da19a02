/**
 * @module inbox/sqlite/repository
 * The inbox/outbox repository over SQLite (kysely), on the store every repository shares.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { OutboundReply } from '../../core/types.js';
import type { SqliteStore } from '../../ledger/sqlite/open.js';
import type { Database } from '../../ledger/sqlite/schema.js';
import type { InboxEntry, InboxRepository, OutboxEntry } from '../port.js';
import type { InboxTable, InboxTables, OutboxTable } from './schema.js';

type Db = Kysely<Database & InboxTables>;

const toInbox = (r: Selectable<InboxTable>): InboxEntry => ({
  id: r.id,
  seq: r.seq,
  chatId: r.chat_id,
  senderId: r.sender_id,
  owner: r.owner,
  text: r.text,
  mediaKind: r.media_kind,
  mediaMime: r.media_mime,
  messageAt: r.message_at,
  receivedAt: r.received_at,
  status: r.status,
  attempts: r.attempts,
  handledAt: r.handled_at,
  lastError: r.last_error,
});

const toOutbox = (r: Selectable<OutboxTable>): OutboxEntry => ({
  id: r.id,
  inboxId: r.inbox_id,
  seq: r.seq,
  chatId: r.chat_id,
  text: r.text,
  image: r.image,
  caption: r.caption,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  transportId: r.transport_id,
  attempts: r.attempts,
  lastError: r.last_error,
});

async function nextSeq(db: Db, inboxId: string): Promise<number> {
  const r = await db.selectFrom('outbox').select((eb) => eb.fn.max('seq').as('m')).where('inbox_id', '=', inboxId).executeTakeFirst();
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

export function sqliteInbox(store: SqliteStore): InboxRepository {
  const db: Db = store.db.withTables<InboxTables>();
  const write = <T>(fn: (trx: Db) => Promise<T>) => store.write((trx) => fn(trx.withTables<InboxTables>()));
  return {
    async insert(msg, now) {
      const r = await write((trx) =>
        trx
          .insertInto('inbox')
          .values({
            id: msg.id,
            // Inside the write transaction (BEGIN IMMEDIATE), so no other writer takes the same number.
            seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM inbox)`,
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
          .executeTakeFirst(),
      );
      return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
    },

    async get(id) {
      const r = await db.selectFrom('inbox').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toInbox(r) : null;
    },

    async claim(id, now, countAttempt = true) {
      const r = await write((trx) =>
        trx
          .updateTable('inbox')
          .set((eb) => ({ status: 'processing', attempts: eb('attempts', '+', countAttempt ? 1 : 0), updated_at: now }))
          .where('id', '=', id)
          .where('status', 'in', ['pending', 'processing'])
          .returningAll()
          .executeTakeFirst(),
      );
      return r ? toInbox(r) : null;
    },

    async finish(id, status, now, error = null) {
      await write((trx) => trx.updateTable('inbox').set({ status, updated_at: now, last_error: error }).where('id', '=', id).execute());
    },

    async unfinished() {
      const rows = await db.selectFrom('inbox').selectAll().where('status', 'in', ['pending', 'processing']).orderBy('seq').execute();
      return rows.map(toInbox);
    },

    async saveReplies(inboxId, chatId, replies, now) {
      await write(async (trx) => {
        let seq = await nextSeq(trx, inboxId);
        for (const r of replies) await trx.insertInto('outbox').values(outboxValues(inboxId, seq++, chatId, r, now)).execute();
        await trx.updateTable('inbox').set({ handled_at: now, updated_at: now }).where('id', '=', inboxId).execute();
      });
    },

    async addOutbound(inboxId, chatId, reply, now) {
      const row = await write(async (trx) => {
        const seq = inboxId ? await nextSeq(trx, inboxId) : 0;
        return trx.insertInto('outbox').values(outboxValues(inboxId, seq, chatId, reply, now)).returningAll().executeTakeFirstOrThrow();
      });
      return toOutbox(row);
    },

    async unsent(inboxId) {
      let q = db.selectFrom('outbox').selectAll().where('sent_at', 'is', null);
      if (inboxId !== undefined) q = inboxId === null ? q.where('inbox_id', 'is', null) : q.where('inbox_id', '=', inboxId);
      return (await q.orderBy('id').execute()).map(toOutbox);
    },

    async markSent(outboxId, transportId, now) {
      await write((trx) =>
        trx
          .updateTable('outbox')
          .set((eb) => ({ sent_at: now, transport_id: transportId, attempts: eb('attempts', '+', 1), last_error: null, image: null }))
          .where('id', '=', outboxId)
          .execute(),
      );
    },

    async markSendFailed(outboxId, error) {
      await write((trx) =>
        trx
          .updateTable('outbox')
          .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error }))
          .where('id', '=', outboxId)
          .execute(),
      );
    },

    async isOwnReply(msg, sinceIso) {
      const byId = await db.selectFrom('outbox').select('id').where('transport_id', '=', msg.id).executeTakeFirst();
      if (byId) return true;
      const text = msg.text.trim();
      if (!text) return false;
      const byText = await db
        .selectFrom('outbox')
        .select('id')
        .where('chat_id', '=', msg.chatId)
        .where('created_at', '>=', sinceIso)
        .where('text', '=', text)
        .executeTakeFirst();
      return Boolean(byText);
    },

    async lastChatOf(owner) {
      const r = await db.selectFrom('inbox').select('chat_id').where('owner', '=', owner).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      return r?.chat_id ?? null;
    },

    prune: (before) =>
      write(async (trx) => {
        const replies = await trx
          .deleteFrom('outbox')
          .where('sent_at', 'is not', null)
          .where('created_at', '<', before)
          .executeTakeFirst();
        const messages = await trx
          .deleteFrom('inbox')
          .where('status', 'in', ['done', 'failed'])
          .where('updated_at', '<', before)
          .where('seq', 'not in', (eb) => eb.selectFrom('inbox as newest').select((e) => e.fn.max('newest.seq').as('seq')).groupBy('newest.owner'))
          .executeTakeFirst();
        return { messages: Number(messages.numDeletedRows), replies: Number(replies.numDeletedRows) };
      }),

    async stats() {
      const rows = await db.selectFrom('inbox').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
      const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
      const outbox = await db
        .selectFrom('outbox')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('id').filterWhere('sent_at', 'is', null).as('unsent')])
        .executeTakeFirstOrThrow();
      const err = await db
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
        replies: Number(outbox.n),
        unsent: Number(outbox.unsent),
        lastError: err?.last_error ? { at: err.updated_at, error: err.last_error } : null,
      };
    },
  };
}
