/**
 * Schedules, budgets and recurring expenses (schedule engineer). `schedule_runs` is the memory that
 * makes scheduled jobs exactly-once per period across restarts; `budget_alerts` does the same for
 * budget warnings.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One row per (job, period): inserted before the job's side effect, so a restart never repeats it.
  await db.schema
    .createTable('schedule_runs')
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // claimed | done | failed
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('error', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addPrimaryKeyConstraint('schedule_runs_pk', ['job', 'period'])
    .execute();

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
  await db.schema.dropTable('budget_alerts').execute();
  await db.schema.dropTable('budgets').execute();
  await db.schema.dropTable('schedule_runs').execute();
}
