/**
 * @module inbox/sqlite/tables
 * Migration 0002, the durable message pipeline (whatsapp engineer). Every accepted inbound message is written to
 * `inbox` before any work, so a crash or restart finishes it exactly once; every reply goes through
 * `outbox` first, so a restart re-sends what was not sent and never what was, and munshi can
 * recognize its own replies when WhatsApp echoes or replays them.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inbox')
    .addColumn('id', 'text', (c) => c.primaryKey()) // the transport's message id
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('sender_id', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('media_kind', 'text') // voice | image | document
    .addColumn('media_mime', 'text')
    .addColumn('message_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending','processing','done','failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('handled_at', 'text') // set with the replies, in one transaction: the bot ran to the end
    .addColumn('last_error', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbox_status').on('inbox').columns(['status', 'received_at']).execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('inbox_id', 'text') // null for unprompted messages (summaries, alerts)
    .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('image', 'blob')
    .addColumn('caption', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('transport_id', 'text') // the id the network gave the sent message
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('outbox_inbox_seq').unique().on('outbox').columns(['inbox_id', 'seq']).execute();
  await db.schema.createIndex('outbox_unsent').on('outbox').columns(['sent_at', 'id']).execute();
  await db.schema.createIndex('outbox_chat_created').on('outbox').columns(['chat_id', 'created_at']).execute();
  await db.schema.createIndex('outbox_transport_id').on('outbox').columns(['transport_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox').execute();
  await db.schema.dropTable('inbox').execute();
}
