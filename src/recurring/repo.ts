/**
 * @module recurring/repo
 * The recurring-expense repository port. What a definition recorded lives in `expenses` under
 * message ids `recurring:<id>:<period>`, which is what makes each period record once. SQLite
 * adapter in recurring/sqlite/, fake in recurring/memory.ts.
 */
import type { IsoDate } from '../core/dates.js';
import type { Primary } from '../core/primaries.js';
import type { Every } from './commands.js';

export interface Recurring {
  id: number;
  owner: string;
  chatId: string | null;
  amountMinor: number;
  currency: string;
  category: Primary;
  detail: string | null;
  item: string | null;
  merchant: string | null;
  note: string | null;
  every: Every;
  /** Day of month (1–31) or weekday (0 = Sunday); null for daily. */
  day: number | null;
  /** First date that may record. */
  startDate: IsoDate;
  createdAt: string;
  stoppedAt: string | null;
}

export type NewRecurring = Omit<Recurring, 'id' | 'createdAt' | 'stoppedAt'>;

export interface RecurringRepository {
  create(r: NewRecurring, now: Date): Promise<Recurring>;
  /** Active recurring expenses (an owner's, or everyone's), oldest first: list numbers follow this order. */
  list(opts?: { owner?: string; includeStopped?: boolean }): Promise<Recurring[]>;
  /** True when it was running and is now stopped. */
  stop(id: number, now: Date): Promise<boolean>;
}
