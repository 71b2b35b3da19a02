/**
 * @module query/plan-schema
 * The zod schema of a QueryPlan. A local LLM asked to plan a question the rules could not is told
 * to emit JSON in this shape (queryPlanJsonSchema) and its output is validated here before
 * answerPlan runs it: anything an LLM proposes is re-validated by the core.
 */
import { z } from 'zod';
import { isDetailOf, PRIMARIES, type Primary } from '../categories/taxonomy.js';
import { isIsoDate } from '../core/dates.js';
import { KNOWN_CURRENCIES } from '../core/money.js';
import type { QueryPlan } from './types.js';

const isoDate = z.string().refine(isIsoDate, 'a YYYY-MM-DD date');

export const periodSchema = z
  .object({
    from: isoDate.nullable().describe('first day, inclusive; null = from the beginning'),
    to: isoDate.nullable().describe('last day, inclusive; null = up to today'),
    label: z.string().min(1).max(60).describe('how to name it in the reply: "this month", "in December"'),
    weekdays: z.array(z.number().int().min(0).max(6)).max(7).optional().describe('only these days of the week, 0 = Sunday: [0,6] for weekends'),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, 'from must not be after to');

export const categoryRefSchema = z
  .object({
    primary: z.enum(PRIMARIES),
    detail: z.string().nullable(),
  })
  .refine((c) => c.detail === null || isDetailOf(c.primary as Primary, c.detail), 'detail must belong to the primary');

export const filtersSchema = z.object({
  categories: z.array(categoryRefSchema).max(13).describe('whole categories the question names'),
  subjects: z.array(z.string().min(1).max(60)).max(8).describe('things, brands or shops asked about, e.g. "fizzy drinks", "uber"'),
  examples: z.boolean().optional().describe('true when the subjects only give examples of the categories'),
  within: z.array(z.string().min(1).max(60)).max(4).describe('subjects every row must also match'),
  exclude: z.array(z.string().min(1).max(60)).max(4).default([]).describe('subjects or primary categories to leave out'),
  minAmount: z.number().nonnegative().nullable(),
  maxAmount: z.number().nonnegative().nullable(),
  currency: z.string().refine((c) => KNOWN_CURRENCIES.has(c), 'an ISO 4217 code').nullable(),
  place: z.string().min(1).max(60).optional().describe('a place abroad asked about, with currency = its money'),
});

export const queryPlanSchema = z.object({
  op: z.enum(['sum', 'list', 'count', 'top', 'average', 'compare', 'breakdown', 'kinds']),
  periods: z.array(periodSchema).max(4).describe('one period; two for comparing periods; empty = all time'),
  periodAssumed: z.boolean(),
  filters: filtersSchema,
  versus: z.array(filtersSchema).max(4).describe('for compare of two subjects in one period'),
  averagePer: z.enum(['day', 'week', 'month', 'expense']).nullable(),
  breakdownBy: z.enum(['category', 'merchant', 'day', 'item']).nullable(),
  order: z.enum(['largest', 'smallest', 'newest']),
  limit: z.number().int().min(1).max(500).nullable(),
  offset: z.number().int().min(0).max(500).optional(),
});

// Both directions must hold, so the schema and the hand-written type cannot drift apart.
type Parsed = z.infer<typeof queryPlanSchema>;
const _toPlan = (p: Parsed): QueryPlan => p as QueryPlan;
const _fromPlan = (p: QueryPlan): Parsed => p;
void _toPlan;
void _fromPlan;

/** Validates an untrusted plan (from an LLM); returns it or the first problem. */
export function parsePlan(input: unknown): { ok: true; plan: QueryPlan } | { ok: false; error: string } {
  const r = queryPlanSchema.safeParse(input);
  if (r.success) return { ok: true, plan: r.data as QueryPlan };
  const i = r.error.issues[0];
  return { ok: false, error: i ? `${i.path.join('.') || 'plan'}: ${i.message}` : 'invalid plan' };
}

/** JSON Schema for Ollama's `format` parameter. */
export function queryPlanJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(queryPlanSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
