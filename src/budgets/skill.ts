/**
 * @module budgets/skill
 * Budgets in chat: "set food budget 8000 a month", "budgets?", "remove food budget", and an alert
 * after any recorded expense that takes a budget past 80% or 100% (once per period).
 */
import type { Kysely } from 'kysely';
import type { Skill, SkillContext } from '../bot/skill.js';
import { localDate } from '../core/dates.js';
import type { OutboundReply, OwnerSettings } from '../core/types.js';
import type { Database } from '../ledger/schema.js';
import { scheduleDb, type ScheduleDb } from '../scheduler/schema.js';
import { checkBudgets } from './alerts.js';
import { parseBudgetCommand } from './commands.js';
import { budgetRange } from './periods.js';
import { listBudgets, removeBudget, setBudget, spentAgainst, type Budget } from './repo.js';
import { budgetList, budgetRemoved, budgetSet, budgetUnclear, type BudgetLine } from './text.js';

export interface BudgetSkillDeps {
  db: Kysely<Database>;
}

/** Current-period spending of each budget, for the list and the CLI. */
export async function budgetLines(db: ScheduleDb, budgets: Budget[], settings: Pick<OwnerSettings, 'weekStartsOn' | 'timeZone'>, now: Date): Promise<BudgetLine[]> {
  const today = localDate(now, settings.timeZone);
  const out: BudgetLine[] = [];
  for (const b of budgets) {
    const spent = await spentAgainst(db, b, budgetRange(b.period, today, settings.weekStartsOn));
    out.push({ scope: b.scope, amountMinor: b.amountMinor, currency: b.currency, period: b.period, spent });
  }
  return out;
}

export function createBudgetSkill(deps: BudgetSkillDeps): Skill {
  const db = scheduleDb(deps.db);
  const text = (t: string): OutboundReply[] => [{ text: t }];
  return {
    name: 'budgets',
    helpLine: '📒 "set food budget 8000 a month" · "budgets?" · "remove food budget"',
    async handle(body: string, ctx: SkillContext) {
      const cmd = parseBudgetCommand(body, ctx.settings.currency);
      if (!cmd) return null;
      const loc = ctx.settings.locale;
      switch (cmd.kind) {
        case 'list': {
          const lines = await budgetLines(db, await listBudgets(db, ctx.owner), ctx.settings, ctx.now);
          return text(budgetList(lines, loc));
        }
        case 'remove':
          return text(budgetRemoved(cmd.scope, await removeBudget(db, ctx.owner, cmd.scope)));
        case 'unclear':
          return text(budgetUnclear(cmd.reason, cmd.words));
        case 'set': {
          const b = await setBudget(db, { owner: ctx.owner, scope: cmd.scope, amountMinor: cmd.money.amountMinor, currency: cmd.money.currency, period: cmd.period, chatId: ctx.chatId }, ctx.now);
          const [line] = await budgetLines(db, [b], ctx.settings, ctx.now);
          return text(budgetSet(line!, loc));
        }
      }
    },
    async afterRecord(expenses, ctx) {
      const alerts = await checkBudgets(db, ctx.owner, expenses, ctx.settings, ctx.now);
      return alerts.map((a) => ({ text: a.text }));
    },
  };
}
