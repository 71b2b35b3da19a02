/**
 * @module test/support/understanding
 * What the reader's tests share: an owner's context on a fixed evening, and reading a message that
 * must record expenses. Test-only; nothing in the daemon imports it.
 */
import { expect } from 'vitest';
import { zonedInstant } from '../../src/core/dates.js';
import type { ExpenseDraft, OwnerSettings } from '../../src/core/types.js';
import type { UnderstandContext } from '../../src/understanding/types.js';
import { understandNext as understand } from '../../src/understanding/next/understand.js';

/** An owner in a zone and currency, at 19:30 local time on `day` (YYYY-MM-DD). */
export function ctxOf(timeZone: string, currency: string, locale: string, dayFirst: boolean, day: string): UnderstandContext {
  const settings: OwnerSettings = { timeZone, currency, locale, dayFirst, weekStartsOn: 1 };
  return { now: zonedInstant(day, { hour: 19, minute: 30 }, timeZone), settings };
}

/** The expenses a message records; fails the test when it records none. */
export function records(text: string, ctx: UnderstandContext): ExpenseDraft[] {
  const r = understand(text, ctx);
  if (r.intent !== 'add_expense') throw new Error(`${text}: expected add_expense, got ${JSON.stringify(r)}`);
  return r.expenses;
}

/** The one expense a message records. */
export function one(text: string, ctx: UnderstandContext): ExpenseDraft {
  const es = records(text, ctx);
  expect(es).toHaveLength(1);
  return es[0]!;
}
