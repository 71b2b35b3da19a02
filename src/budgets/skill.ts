/**
 * @module budgets/skill
 * Budgets in chat: "set food budget 8000 a month", "budgets?", "remove food budget", and an alert
 * after any recorded expense that takes a budget past 80% or 100% (once per period).
 */
import type { Skill, SkillContext } from '../bot/skill.js';
import { localDate } from '../core/dates.js';
import type { OutboundReply, OwnerSettings } from '../core/types.js';
import { checkBudgets, spentAgainst, type BudgetDeps } from './alerts.js';
import { parseBudgetCommand } from './commands.js';
import { budgetRange } from './periods.js';
import type { Budget } from './repo.js';
import { budgetList, budgetRemoved, budgetSet, budgetUnclear, type BudgetLine } from './text.js';

export type BudgetSkillDeps = BudgetDeps;

/** Current-period spending of each budget, for the list and the CLI. */
export async function budgetLines(deps: BudgetDeps, budgets: Budget[], settings: Pick<OwnerSettings, 'weekStartsOn' | 'timeZone'>, now: Date): Promise<BudgetLine[]> {
  const today = localDate(now, settings.timeZone);
  const out: BudgetLine[] = [];
  for (const b of budgets) {
    const spent = await spentAgainst(deps, b, budgetRange(b.period, today, settings.weekStartsOn));
    out.push({ scope: b.scope, amountMinor: b.amountMinor, currency: b.currency, period: b.period, spent });
  }
  return out;
}

export function createBudgetSkill(deps: BudgetSkillDeps): Skill {
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
          const lines = await budgetLines(deps, await deps.budgets.list(ctx.owner), ctx.settings, ctx.now);
          return text(budgetList(lines, loc));
        }
        case 'remove':
          return text(budgetRemoved(cmd.scope, await deps.budgets.remove(ctx.owner, cmd.scope)));
        case 'unclear':
          return text(budgetUnclear(cmd.reason, cmd.words));
        case 'set': {
          const b = await deps.budgets.set({ owner: ctx.owner, scope: cmd.scope, amountMinor: cmd.money.amountMinor, currency: cmd.money.currency, period: cmd.period, chatId: ctx.chatId }, ctx.now);
          const [line] = await budgetLines(deps, [b], ctx.settings, ctx.now);
          return text(budgetSet(line!, loc));
        }
      }
    },
    async afterRecord(expenses, ctx) {
      const alerts = await checkBudgets(deps, ctx.owner, expenses, ctx.settings, ctx.now);
      return alerts.map((a) => ({ text: a.text }));
    },
  };
}
