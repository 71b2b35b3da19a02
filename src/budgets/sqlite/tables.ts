/**
 * @module budgets/sqlite/tables
 * The `budgets` and `budget_alerts` tables (part of migration 0003, assembled in app/migrations.ts).
 * `budget_alerts` makes each warning once per budget period across restarts.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('budgets')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('category', 'text') // null = all spending
    .addColumn('detail', 'text')
    .addColumn('scope', 'text', (c) => c.notNull()) // "food", "food/coffee" or "*": one budget per scope
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull()) // month | week
    .addColumn('chat_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budgets_owner_scope').unique().on('budgets').columns(['owner', 'scope']).execute();

  await db.schema
    .createTable('budget_alerts')
    .addColumn('budget_id', 'integer', (c) => c.notNull().references('budgets.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('threshold', 'integer', (c) => c.notNull())
    .addColumn('fired_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('budget_alerts_pk', ['budget_id', 'period', 'threshold'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('budget_alerts').execute();
  await db.schema.dropTable('budgets').execute();
}
