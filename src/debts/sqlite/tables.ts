/**
 * @module debts/sqlite/tables
 * The `debts` table (money owed between the owner and other people, migration 0014) and
 * `expense_payers` (household mode: which member paid an expense).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('debts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('person', 'text', (c) => c.notNull())
    .addColumn('person_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor <> 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('expense_id', 'integer') // a share of this expense; counts only while it is live
    .addColumn('note', 'text')
    .addColumn('message_id', 'text')
    .addColumn('message_part', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('uid', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await sql`CREATE UNIQUE INDEX debts_message ON debts (message_id, message_part) WHERE message_id IS NOT NULL`.execute(db);
  await db.schema.createIndex('debts_uid').unique().on('debts').column('uid').execute();
  await db.schema.createIndex('debts_owner_person').on('debts').columns(['owner', 'person_key', 'deleted_at']).execute();
  await db.schema.createIndex('debts_expense').on('debts').column('expense_id').execute();
  await db.schema
    .createTable('expense_payers')
    .addColumn('expense_id', 'integer', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull()) // the ledger's owner: erasing an owner erases these too
    .addColumn('payer', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('expense_payers').execute();
  await db.schema.dropTable('debts').execute();
}
