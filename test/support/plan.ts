/**
 * The question planner as query/answer.ts calls it, for unit tests of phrasings: the language
 * layer's planner (query/next) with the categories lexicon of the owner's regions, an INR owner in Kolkata on
 * Thursday 2026-01-15 at 19:30.
 */
import type { PlanOutcome } from '../../src/query/next/plan.js';
import { planWith, type QueryContext } from '../../src/query/answer.js';
import type { QueryPlan } from '../../src/query/types.js';

export const today = '2026-01-15';
const ctx: QueryContext = { owner: 'me', now: new Date('2026-01-15T14:00:00Z'), settings: { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 } };

/** Plans a question (a follow-up when `previous` is given). */
export function planQuestion(text: string, o: { previous?: QueryPlan | null } = {}): PlanOutcome {
  return planWith(text, ctx, o.previous ?? null);
}

/** The plan of a question that must have one. */
export function planOf(text: string, previous?: QueryPlan | null): QueryPlan {
  const r = planQuestion(text, { previous });
  if (r.kind === 'none') throw new Error(`no plan for "${text}": ${JSON.stringify(r)}`);
  return r.plan;
}
