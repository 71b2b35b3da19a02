/**
 * @module ledger/schema
 * Kysely table types for the SQLite ledger. Column names are snake_case in SQL; repositories
 * translate rows into the domain types of core/types.
 */
import type { Generated } from 'kysely';

export interface ExpensesTable {
  id: Generated<number>;
  owner: string;
  amount_minor: number;
  currency: string;
  category: string;
  detail: string | null;
  item: string | null;
  merchant: string | null;
  note: string | null;
  /** Lower-cased "item merchant note" text, for concept and word filters. */
  search_text: string;
  /** YYYY-MM-DD in the owner's zone. */
  date: string;
  created_at: string;
  updated_at: string;
  source: string;
  /** The inbound message id; with message_part unique, so one message never records twice. */
  message_id: string | null;
  message_part: number;
  understood_by: string;
  deleted_at: string | null;
  /** What makes the content unique beyond the message (a forwarded alert's reference); see RecordMeta.sourceKey. */
  source_key: string | null;
  /** A stable identity that export files carry (migration 0011). */
  uid: string | null;
}

/** What a command message changed, so a replay answers instead of acting twice (migration 0011). */
export interface CommandEffectsTable {
  message_id: string;
  owner: string;
  kind: 'delete' | 'edit';
  /** JSON array of expense ids. */
  expense_ids: string;
  applied_at: string;
}

export interface CategoryOverridesTable {
  owner: string;
  /** Normalized item or merchant text the user corrected. */
  key: string;
  category: string;
  detail: string | null;
  updated_at: string;
}

export interface SettingsTable {
  owner: string;
  key: string;
  value: string;
}

export interface Database {
  expenses: ExpensesTable;
  category_overrides: CategoryOverridesTable;
  settings: SettingsTable;
  command_effects: CommandEffectsTable;
}
