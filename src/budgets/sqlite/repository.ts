/**
 * @module budgets/sqlite/repository
 * Budgets and their fired alerts in SQLite.
 */
import type { Generated, Kysely, Selectable } from 'kysely';
import type { Primary } from '../../core/primaries.js';
import type { SqliteStore } from '../../ledger/sqlite/open.js';
import type { Database } from '../../ledger/sqlite/schema.js';
import type { BudgetPeriod } from '../commands.js';
import { scopeKey } from '../phrases.js';
import type { Budget, BudgetRepository } from '../repo.js';

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

// A type alias, not an interface: Kysely's withTables needs an index-signature-compatible shape.
export type BudgetTables = { budgets: BudgetsTable; budget_alerts: BudgetAlertsTable };
type Db = Kysely<Database & BudgetTables>;

function toBudget(r: Selectable<BudgetsTable>): Budget {
  return {
    id: r.id, owner: r.owner, scope: { category: r.category as Primary | null, detail: r.detail },
    amountMinor: r.amount_minor, currency: r.currency, period: r.period as BudgetPeriod, chatId: r.chat_id,
  };
}

export function sqliteBudgets(store: SqliteStore): BudgetRepository {
  const db: Db = store.db.withTables<BudgetTables>();
  const write = <T>(fn: (trx: Db) => Promise<T>) => store.write((trx) => fn(trx.withTables<BudgetTables>()));
  return {
    async set(b, now) {
      const ts = now.toISOString();
      const row = await write((trx) =>
        trx
          .insertInto('budgets')
          .values({
            owner: b.owner, category: b.scope.category, detail: b.scope.detail, scope: scopeKey(b.scope),
            amount_minor: b.amountMinor, currency: b.currency, period: b.period, chat_id: b.chatId, created_at: ts, updated_at: ts,
          })
          .onConflict((oc) =>
            oc.columns(['owner', 'scope']).doUpdateSet({ amount_minor: b.amountMinor, currency: b.currency, period: b.period, chat_id: b.chatId, updated_at: ts }),
          )
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toBudget(row);
    },

    async list(owner) {
      let q = db.selectFrom('budgets').selectAll();
      if (owner) q = q.where('owner', '=', owner);
      const rows = await q.orderBy('owner').orderBy('scope').execute();
      return rows.map(toBudget).sort((a, b) => a.owner.localeCompare(b.owner) || Number(b.scope.category === null) - Number(a.scope.category === null));
    },

    async remove(owner, scope) {
      const r = await write((trx) => trx.deleteFrom('budgets').where('owner', '=', owner).where('scope', '=', scopeKey(scope)).executeTakeFirst());
      return Number(r.numDeletedRows) > 0;
    },

    async claimAlert(budgetId, periodKey, threshold, now) {
      const r = await write((trx) =>
        trx
          .insertInto('budget_alerts')
          .values({ budget_id: budgetId, period: periodKey, threshold, fired_at: now.toISOString() })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst(),
      );
      return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
  };
}
