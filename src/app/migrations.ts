/**
 * @module app/migrations
 * The one ordered history of the SQLite file. Each feature folder owns the DDL of its tables (in
 * its sqlite/ folder); the history names them in the order they shipped. Names are what SQLite
 * files remember as applied: never rename or edit one that has shipped; add new ones at the end.
 */
import * as debtTables from '../debts/sqlite/tables.js';
import * as budgetTables from '../budgets/sqlite/tables.js';
import * as inboxOrder from '../inbox/sqlite/order.js';
import * as inboxTables from '../inbox/sqlite/tables.js';
import { ledgerIdentity, ledgerScale, ledgerTables, queryIndexes, sourceKeys } from '../ledger/sqlite/migrations/index.js';
import type { SqliteMigration } from '../ledger/sqlite/open.js';
import * as recurringTables from '../recurring/sqlite/tables.js';
import * as scheduleRunTables from '../scheduler/sqlite/tables.js';
import * as vectorTables from '../vectors/sqlite/tables.js';
import * as webTables from '../web/sqlite/tables.js';

export const migrations: Record<string, SqliteMigration> = {
  '0001_ledger': ledgerTables,
  '0002_inbox': inboxTables,
  // Shipped as one migration: the scheduled side's runs, budgets and recurring expenses.
  '0003_schedule': {
    async up(db) {
      await scheduleRunTables.up(db);
      await budgetTables.up(db);
      await recurringTables.up(db);
    },
    async down(db) {
      await recurringTables.down(db);
      await budgetTables.down(db);
      await scheduleRunTables.down(db);
    },
  },
  '0004_vectors': vectorTables,
  '0006_query_indexes': queryIndexes,
  '0010_inbox_seq': inboxOrder,
  '0011_ledger_identity': ledgerIdentity,
  '0012_web': webTables,
  '0013_source_keys': sourceKeys,
  '0014_debts': debtTables,
  '0015_ledger_scale': ledgerScale,
};
