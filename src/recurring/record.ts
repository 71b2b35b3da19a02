/**
 * @module recurring/record
 * Records every recurring expense that has fallen due and is not yet in the ledger. Idempotent by
 * message id (`recurring:<id>:<period>`): running it twice, or after a restart, records nothing new.
 */
import type { Expense } from '../core/types.js';
import type { ExpenseRepository } from '../ledger/expenses.js';
import type { TimeOfDay } from '../scheduler/due.js';
import { dueOccurrences, recurringMessageId } from './due.js';
import type { Recurring } from './repo.js';

export interface RecordedRecurring {
  recurring: Recurring;
  expense: Expense;
}

export async function recordDueRecurring(
  expenses: Pick<ExpenseRepository, 'record'>,
  items: Recurring[],
  now: Date,
  timeZoneOf: (owner: string) => Promise<string> | string,
  at: TimeOfDay,
): Promise<RecordedRecurring[]> {
  const out: RecordedRecurring[] = [];
  for (const r of items) {
    if (r.stoppedAt) continue;
    const tz = await timeZoneOf(r.owner);
    for (const due of dueOccurrences(r, now, tz, at)) {
      const { expenses: stored, duplicate } = await expenses.record(
        [{ amountMinor: r.amountMinor, currency: r.currency, category: r.category, detail: r.detail, item: r.item, merchant: r.merchant, note: r.note, date: due.date }],
        { owner: r.owner, source: 'recurring', messageId: recurringMessageId(r.id, due.period), understoodBy: 'user', now: now.toISOString() },
      );
      if (!duplicate) for (const expense of stored) out.push({ recurring: r, expense });
    }
  }
  return out;
}
