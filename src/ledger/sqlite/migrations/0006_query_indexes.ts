/**
 * Covering index for questions (query engineer). Sums, rankings and breakdowns over a period read
 * only owner, deleted_at, date, category, detail, currency and amount: with all of them in one index
 * SQLite answers from the index alone instead of visiting every row of the period (measured 5.6 →
 * 1.8 ms for a month of a 100k-row ledger). deleted_at is a column, not a partial-index condition,
 * because SQLite's planner did not pick the partial form.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX expenses_owner_live_date_cover ON expenses (owner, deleted_at, date, category, detail, currency, amount_minor)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS expenses_owner_live_date_cover`.execute(db);
}
