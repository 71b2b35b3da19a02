/**
 * @module app/repositories
 * Every repository munshi has, built over one SQLite file (the appliance) or in memory (unit tests
 * of services). Only the repositories touch storage; services receive the ones they need.
 */
import { sqliteBudgets } from '../budgets/sqlite/repository.js';
import { MemoryBudgets } from '../budgets/memory.js';
import type { BudgetRepository } from '../budgets/repo.js';
import { MemoryDebts } from '../debts/memory.js';
import type { DebtRepository } from '../debts/repo.js';
import { sqliteDebts } from '../debts/sqlite/repository.js';
import { MemoryInbox } from '../inbox/memory.js';
import type { InboxRepository } from '../inbox/port.js';
import { sqliteInbox } from '../inbox/sqlite/repository.js';
import type { ExpenseRepository } from '../ledger/expenses.js';
import { MemoryLedger } from '../ledger/memory.js';
import type { PreferenceRepository } from '../ledger/preferences.js';
import { sqliteExpenses } from '../ledger/sqlite/expenses.js';
import { checkFile, openSqliteStore, type OpenOptions, type SqliteStore } from '../ledger/sqlite/open.js';
import type { LedgerFile } from '../ledger/file.js';
import { sqlitePreferences } from '../ledger/sqlite/preferences.js';
import type { ExpenseQueries } from '../query/execute.js';
import { memoryQueries } from '../query/memory.js';
import { sqliteQueries } from '../query/sqlite/queries.js';
import { MemoryRecurring } from '../recurring/memory.js';
import type { RecurringRepository } from '../recurring/repo.js';
import { sqliteRecurring } from '../recurring/sqlite/repository.js';
import { MemoryScheduleRuns } from '../scheduler/memory.js';
import type { ScheduleRunRepository } from '../scheduler/runs.js';
import { sqliteScheduleRuns } from '../scheduler/sqlite/runs.js';
import { memoryVectorMeta, type VectorIndex, type VectorMeta } from '../vectors/port.js';
import { memoryVectorIndex } from '../vectors/memory-index.js';
import { createSqliteVectorIndex, sqliteVectorMeta } from '../vectors/sqlite/index.js';
import { memoryExpenseTable, MemoryWebAuth } from '../web/memory.js';
import type { ExpenseTable, WebAuthRepository } from '../web/port.js';
import { sqliteExpenseTable, sqliteWebAuth } from '../web/sqlite/repository.js';
import { migrations } from './migrations.js';

export interface Repositories {
  expenses: ExpenseRepository;
  preferences: PreferenceRepository;
  queries: ExpenseQueries;
  inbox: InboxRepository;
  budgets: BudgetRepository;
  recurring: RecurringRepository;
  /** Money owed between the owner and other people (splits, loans, udhaar), and household payers. */
  debts: DebtRepository;
  runs: ScheduleRunRepository;
  vectorMeta: VectorMeta;
  /** Opens the vector index kept with these repositories (the SQLite one in the ledger file). */
  vectorIndex: () => VectorIndex;
  /** The web page's sign-in secrets and sessions, and its table view of the ledger. */
  webAuth: WebAuthRepository;
  expenseTable: ExpenseTable;
  /** Where the data lives, for logs and `status`. */
  readonly location: string;
  /** The ledger file's upkeep (backups, quick_check); null for in-memory fakes. */
  readonly ledgerFile: LedgerFile | null;
  close(): Promise<void>;
}

/** The repositories over the SQLite file at `file` (":memory:" for a throwaway one), migrated. */
export async function openRepositories(file: string, o: OpenOptions = {}): Promise<Repositories & { store: SqliteStore }> {
  const store = await openSqliteStore(file, migrations, o);
  return {
    store,
    expenses: sqliteExpenses(store),
    preferences: sqlitePreferences(store),
    queries: sqliteQueries(store),
    inbox: sqliteInbox(store),
    budgets: sqliteBudgets(store),
    recurring: sqliteRecurring(store),
    debts: sqliteDebts(store),
    runs: sqliteScheduleRuns(store),
    vectorMeta: sqliteVectorMeta(store),
    vectorIndex: () => createSqliteVectorIndex(store),
    webAuth: sqliteWebAuth(store),
    expenseTable: sqliteExpenseTable(store),
    location: file,
    ledgerFile: file === ':memory:' ? null : { file, backup: (dest) => store.backup(dest), quickCheck: () => store.quickCheck(), checkCopy: checkFile },
    close: () => store.close(),
  };
}

/** In-memory fakes of every repository, sharing one in-memory ledger (unit tests). */
export function memoryRepositories(): Repositories & { ledger: MemoryLedger } {
  const ledger = new MemoryLedger();
  return {
    ledger,
    expenses: ledger.expenses,
    preferences: ledger.preferences,
    queries: memoryQueries(ledger),
    inbox: new MemoryInbox(),
    budgets: new MemoryBudgets(),
    recurring: new MemoryRecurring(),
    debts: new MemoryDebts(
      async (id) => {
        const e = await ledger.expenses.get(id);
        return !!e && !e.deletedAt;
      },
      (owner) => ledger.expenses.between({ owner }),
      (id) => ledger.expenses.get(id),
    ),
    runs: new MemoryScheduleRuns(),
    vectorMeta: memoryVectorMeta(),
    vectorIndex: memoryVectorIndex,
    webAuth: new MemoryWebAuth(),
    expenseTable: memoryExpenseTable(ledger),
    location: ':memory: (fakes)',
    ledgerFile: null,
    close: async () => {},
  };
}
