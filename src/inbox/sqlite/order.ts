/**
 * @module inbox/sqlite/order
 * Migration 0010 (issue 17): a monotonic arrival sequence for the inbox. Recovery replayed
 * unfinished messages ordered by received_at then text id, so within one millisecond "…:1000" came
 * before "…:999" and an "undo" could run before the expense it was meant to undo. Existing rows get
 * their rowid (insertion order); new rows max(seq)+1 inside the inserting write transaction.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE inbox ADD COLUMN seq INTEGER`.execute(db);
  await sql`UPDATE inbox SET seq = rowid`.execute(db);
  await db.schema.createIndex('inbox_seq').unique().on('inbox').column('seq').execute();
  await db.schema.createIndex('inbox_status_seq').on('inbox').columns(['status', 'seq']).execute();
  // Retention prunes finished messages by age.
  await db.schema.createIndex('inbox_updated').on('inbox').column('updated_at').execute();
  await db.schema.createIndex('outbox_created').on('outbox').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_created').execute();
  await db.schema.dropIndex('inbox_updated').execute();
  await db.schema.dropIndex('inbox_status_seq').execute();
  await db.schema.dropIndex('inbox_seq').execute();
  await sql`ALTER TABLE inbox DROP COLUMN seq`.execute(db);
}
