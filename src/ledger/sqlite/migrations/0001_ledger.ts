/** The expense ledger, user category corrections and per-owner settings. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('expenses')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('item', 'text')
    .addColumn('merchant', 'text')
    .addColumn('note', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('message_part', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('understood_by', 'text', (c) => c.notNull().defaultTo('rules'))
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('expenses_message').unique().on('expenses').columns(['message_id', 'message_part']).execute();
  await db.schema.createIndex('expenses_owner_date').on('expenses').columns(['owner', 'date']).execute();
  await db.schema.createIndex('expenses_owner_category_date').on('expenses').columns(['owner', 'category', 'detail', 'date']).execute();
  await db.schema.createIndex('expenses_owner_merchant').on('expenses').columns(['owner', 'merchant']).execute();
  await db.schema.createIndex('expenses_date').on('expenses').columns(['date']).execute();

  await db.schema
    .createTable('category_overrides')
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('category_overrides_pk', ['owner', 'key'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('settings_pk', ['owner', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('settings').execute();
  await db.schema.dropTable('category_overrides').execute();
  await db.schema.dropTable('expenses').execute();
}
