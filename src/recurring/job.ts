/**
 * @module recurring/job
 * The scheduled side of recurring expenses, registered with the generic schedule service: every
 * day at the recording time, record each recurring expense that has fallen due (idempotent per
 * period by message id), tell its chat once, and pass what was recorded to `afterRecord` (budget
 * alerts, wired by the composition root) so a recurring rent can warn like a typed one.
 */
import type { SkillContext } from '../bot/skill.js';
import { localDate } from '../core/dates.js';
import type { Expense, OutboundReply, OwnerSettings } from '../core/types.js';
import type { ExpenseRepository } from '../ledger/expenses.js';
import type { TimeOfDay } from '../scheduler/due.js';
import type { Notifier } from '../scheduler/notifier.js';
import type { Job, ScheduleLogger } from '../scheduler/service.js';
import { recordDueRecurring, type RecordedRecurring } from './record.js';
import type { RecurringRepository } from './repo.js';
import { recordedNotice } from './text.js';

export interface RecurringJobDeps {
  recurring: RecurringRepository;
  expenses: Pick<ExpenseRepository, 'record'>;
  notifier: Notifier;
  /** Settings of an owner (defaults merged with what they changed). */
  settings(owner: string): Promise<OwnerSettings> | OwnerSettings;
  /** Local time of day recurring expenses are recorded. */
  at: TimeOfDay;
  /** Extra replies for what was recorded (budget alerts). */
  afterRecord?(expenses: Expense[], ctx: SkillContext): Promise<OutboundReply[]>;
  logger?: ScheduleLogger;
}

export const RECURRING_JOB = 'recurring';

/** The job; its run resolves to how many expenses it recorded. */
export function recurringJob(deps: RecurringJobDeps): Job<number> {
  return {
    name: RECURRING_JOB,
    wakeAt: deps.at,
    async run({ now }) {
      const items = await deps.recurring.list();
      if (!items.length) return 0;
      const recorded = await recordDueRecurring(deps.expenses, items, now, async (o) => (await deps.settings(o)).timeZone, deps.at);
      // One notice per chat, then any budget alert the new expenses caused.
      const byChat = new Map<string, RecordedRecurring[]>();
      for (const x of recorded) {
        const k = `${x.recurring.owner}\u0000${x.recurring.chatId ?? ''}`;
        byChat.set(k, [...(byChat.get(k) ?? []), x]);
      }
      for (const group of byChat.values()) {
        const { owner, chatId } = group[0]!.recurring;
        const settings = await deps.settings(owner);
        const today = localDate(now, settings.timeZone);
        try {
          await deps.notifier.send({ owner, chatId }, { text: recordedNotice(group.map((x) => ({ r: x.recurring, date: x.expense.date })), today, settings.locale) });
          const ctx: SkillContext = { owner, chatId: chatId ?? '', messageId: `recurring:${today}`, settings, now };
          for (const a of (await deps.afterRecord?.(group.map((x) => x.expense), ctx)) ?? []) await deps.notifier.send({ owner, chatId }, a);
        } catch (err) {
          // The ledger already holds the expenses; only the notice is lost. Say so in the log.
          deps.logger?.warn({ err: String(err), owner, n: group.length }, 'recorded recurring expenses but could not notify');
        }
      }
      if (recorded.length) deps.logger?.info({ n: recorded.length }, 'recurring expenses recorded');
      return recorded.length;
    },
  };
}
