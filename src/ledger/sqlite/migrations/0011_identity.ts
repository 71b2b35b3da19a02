/**
 * Exactly once (issue 17).
 * 1. `uid`: every expense gets a stable identity that export files carry, so importing an export
 *    again, in any order, recognises each row instead of doubling it.
 * 2. `command_effects`: what a command message (undo, delete, edit) changed, written in the same
 *    transaction as the change and keyed by the message id, so a replay after a crash between the
 *    change and its reply answers from what was done instead of doing it again (a second undo would
 *    remove an unrelated expense).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE expenses ADD COLUMN uid TEXT`.execute(db);
  await sql`UPDATE expenses SET uid = lower(hex(randomblob(12)))`.execute(db);
  await db.schema.createIndex('expenses_uid').unique().on('expenses').column('uid').execute();
  // Import recognises a row of a file without uid (a bank's CSV) by what it says.
  await db.schema.createIndex('expenses_owner_date_amount').on('expenses').columns(['owner', 'date', 'amount_minor']).execute();
  await db.schema
    .createTable('command_effects')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('delete','edit')`))
    .addColumn('expense_ids', 'text', (c) => c.notNull()) // JSON array of expense ids
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('command_effects').execute();
  await db.schema.dropIndex('expenses_owner_date_amount').execute();
  await db.schema.dropIndex('expenses_uid').execute();
  await sql`ALTER TABLE expenses DROP COLUMN uid`.execute(db);
}
