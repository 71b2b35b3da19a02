/**
 * @module recurring/sqlite/tables
 * The `recurring` table (part of migration 0003, assembled in app/migrations.ts). What a recurring
 * expense recorded lives in `expenses` under message ids `recurring:<id>:<period>`.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recurring')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text')
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('item', 'text')
    .addColumn('merchant', 'text')
    .addColumn('note', 'text')
    .addColumn('every', 'text', (c) => c.notNull()) // day | week | month
    .addColumn('day', 'integer') // day of month (1-31) or weekday (0 = Sunday)
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('stopped_at', 'text')
    .execute();
  await db.schema.createIndex('recurring_owner').on('recurring').columns(['owner', 'stopped_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recurring').execute();
}
