/**
 * Forwarded alerts (issue 11): `source_key` holds what makes an expense's content unique beyond
 * its message id, a bank alert's reference (or its amount, date and account), so the same alert
 * forwarded twice, in two messages, records once. Unique among the owner's live rows only: an
 * alert recorded, undone and forwarded again is recorded again.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE expenses ADD COLUMN source_key TEXT`.execute(db);
  await sql`CREATE UNIQUE INDEX expenses_owner_source_key ON expenses (owner, source_key) WHERE source_key IS NOT NULL AND deleted_at IS NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS expenses_owner_source_key`.execute(db);
  await sql`ALTER TABLE expenses DROP COLUMN source_key`.execute(db);
}
