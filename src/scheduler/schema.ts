/**
 * @module scheduler/schema
 * Kysely types for the tables of migration 0003 (schedule runs, budgets, budget alerts, recurring
 * expenses), intersected with the ledger's `Database` so one handle reaches all of them.
 */
import type { Generated, Kysely } from 'kysely';
import type { Database } from '../ledger/schema.js';

export interface ScheduleRunsTable {
  job: string;
  period: string;
  due_at: string;
  status: 'claimed' | 'done' | 'failed';
  attempts: Generated<number>;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface BudgetsTable {
  id: Generated<number>;
  owner: string;
  category: string | null;
  detail: string | null;
  scope: string;
  amount_minor: number;
  currency: string;
  period: string;
  chat_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface BudgetAlertsTable {
  budget_id: number;
  period: string;
  threshold: number;
  fired_at: string;
}

export interface RecurringTable {
  id: Generated<number>;
  owner: string;
  chat_id: string | null;
  amount_minor: number;
  currency: string;
  category: string;
  detail: string | null;
  item: string | null;
  merchant: string | null;
  note: string | null;
  every: string;
  day: number | null;
  start_date: string;
  created_at: string;
  stopped_at: string | null;
}

export interface ScheduleTables {
  schedule_runs: ScheduleRunsTable;
  budgets: BudgetsTable;
  budget_alerts: BudgetAlertsTable;
  recurring: RecurringTable;
}

export type ScheduleDatabase = Database & ScheduleTables;
export type ScheduleDb = Kysely<ScheduleDatabase>;

/** The ledger handle seen with the schedule tables too (migration 0003 always runs before use). */
export function scheduleDb(db: Kysely<Database>): ScheduleDb {
  return db as unknown as ScheduleDb;
}
