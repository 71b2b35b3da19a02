/**
 * @module test/support/understanding
 * What the reader's tests share: an owner's context on a fixed evening, and reading a message that
 * must record expenses. Test-only; nothing in the daemon imports it.
 */
import { expect } from 'vitest';
import { zonedInstant } from '../../src/core/dates.js';
import type { ExpenseDraft, OwnerSettings } from '../../src/core/types.js';
import type { AskReason, UnderstandContext } from '../../src/understanding/types.js';
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

/** The one expense a message records, with whether the reader asked to confirm it. */
export function one(text: string, ctx: UnderstandContext): ExpenseDraft & { ask: AskReason | undefined } {
  const r = understand(text, ctx);
  if (r.intent !== 'add_expense') throw new Error(`${text}: expected add_expense, got ${JSON.stringify(r)}`);
  expect(r.expenses).toHaveLength(1);
  return { ...r.expenses[0]!, ask: r.ask };
}

/** The one expense a message records, as "category/detail", merchant, item and ask: what vocabulary tests compare. */
export function oneBrief(text: string, ctx: UnderstandContext): { cat: string; merchant: string | null | undefined; item: string | null | undefined; ask: AskReason | undefined } {
  const e = one(text, ctx);
  return { cat: e.detail ? `${e.category}/${e.detail}` : e.category, merchant: e.merchant, item: e.item, ask: e.ask };
}
