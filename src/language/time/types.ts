/**
 * @module language/time/types
 * What the time grammar gives its readers: one TimeReading per time expression it found, over a
 * token span, already resolved against today in the owner's zone.
 */
import type { IsoDate } from '../../core/dates.js';

export type TimeGrain = 'day' | 'week' | 'weekend' | 'fortnight' | 'month' | 'quarter' | 'season' | 'year' | 'custom';

export interface TimeReading {
  /** Token span [start, end). */
  start: number;
  end: number;
  /** A day, a stretch of days, a clock time ("9pm") or a part of the day ("morning"): the last two never move a date. */
  kind: 'day' | 'range' | 'clock' | 'part_of_day';
  /** Inclusive bounds; null on an open side ("until friday" has no from) or for clock times and weekday sets. */
  from: IsoDate | null;
  to: IsoDate | null;
  grain: TimeGrain;
  /** The reading lies ahead of today (a plan in a record). */
  future: boolean;
  /** How sure the grammar is, 0..1. */
  score: number;
  /** How a reply names it: "yesterday", "last week", "in November", "from Tue 3 Jun to Mon 9 Jun". */
  label: string;
  /** "since monday" (to today) or "until friday" (from the beginning). */
  open?: 'since' | 'until';
  /** Days of the week that recur ("on saturdays", "weekends"), Sunday = 0; from/to are then the stretch, if any. */
  weekdays?: number[];
  /** The day a record dated by this reading gets (a record "this month" is today; "last week" a week ago). */
  day?: IsoDate;
  /** A bare weekday that becomes a recurring day when a longer stretch is beside it ("wednesday spends this month"). */
  recurs?: number[];
  /** The rule that read it (for tests and tracing). */
  rule?: string;
}

export interface TimeOptions {
  mode: 'record' | 'question';
  /** The message's tense, when a verb or a plan word says it: "kal" is tomorrow only in the future. */
  tense?: 'past' | 'future' | null;
}
