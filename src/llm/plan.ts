/**
 * @module llm/plan
 * The question fallback: when the rules cannot plan a question, a local model proposes a QueryPlan
 * (Ollama structured output with the query engine's own plan schema), we re-check it against the
 * question, and the ledger runs it with SQL. The model never supplies a number in an answer: amount
 * bounds and limits it invents are dropped, subjects it invents sink the plan, and time phrases the
 * grammar reads (language/time, in question mode) override its date arithmetic.
 */
import { addDays, addMonths, endOfMonth, startOfMonth, startOfWeek, weekday, type IsoDate } from '../core/dates.js';
import type { OwnerSettings } from '../core/types.js';
import { isMunshiError } from '../core/errors.js';
import { PRIMARIES } from '../categories/taxonomy.js';
import { parsePlan, queryPlanJsonSchema } from '../query/plan-schema.js';
import type { Filters, QueryPlan } from '../query/types.js';
import { answerPlan, type Answer, type QueryContext, type QueryConversation } from '../query/answer.js';
import type { ExpenseQueries } from '../query/execute.js';
import type { ChatMessage, LlmPort } from './port.js';
import { amountAppears } from './numbers.js';
import { analyze, contextFromSettings, type LanguageContext } from '../language/context.js';
import { bestTimes, readTimes } from '../language/time/index.js';
import type { Tagged } from '../language/tagger.js';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

let format: object | null = null;
/** The plan schema as Ollama's `format`, built once. */
export function planFormat(): object {
  if (!format) {
    const { $schema: _drop, ...rest } = queryPlanJsonSchema();
    format = rest;
  }
  return format;
}

/** Short on purpose (prompt processing dominates on a Pi); the schema carries the field meanings. */
export function planPrompt(question: string, today: IsoDate, settings: Pick<OwnerSettings, 'weekStartsOn' | 'currency'>): ChatMessage[] {
  const week = startOfWeek(today, settings.weekStartsOn);
  const lastMonth = addMonths(startOfMonth(today), -1);
  return [
    {
      role: 'system',
      content:
        `Turn a question about the user's expenses into a query plan. Today is ${DAY_NAMES[weekday(today)]} ${today}. ` +
        `This week: ${week} to ${today}. This month: ${startOfMonth(today)} to ${today}. Last month: ${lastMonth} to ${endOfMonth(lastMonth)}. ` +
        `op: sum (how much), list (show), count (how many times), top (biggest or smallest N), average, compare, breakdown, kinds (what kinds). ` +
        `Categories: ${PRIMARIES.join(', ')}. Things, brands and shops asked about go in filters.subjects in the question's words. ` +
        `No period named: periods [] and periodAssumed true. Numbers only if the question has them.`,
    },
    { role: 'user', content: question },
  ];
}

export type PlanReject = 'unavailable' | 'timeout' | 'invalid_output' | 'invented_subject' | 'bad_period';

const tokens = (s: string) =>
  s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').split(/[^\p{L}\p{N}]+/u).filter((t) => t.length >= 3);

/** A subject counts as the question's own when one of its words (or a close form) is in it. */
export function subjectInQuestion(subject: string, question: string): boolean {
  const q = tokens(question);
  const st = tokens(subject);
  if (!st.length) return subject.trim().length > 0 && question.toLowerCase().includes(subject.trim().toLowerCase());
  return st.some((w) => q.some((x) => x === w || (w.length >= 4 && x.length >= 4 && (x.startsWith(w.slice(0, 4)) || w.startsWith(x.slice(0, 4))))));
}

function checkFilters(f: Filters, question: string, t: Tagged, lc: LanguageContext): { filters: Filters; ok: boolean } {
  const subjectsOk = [...f.subjects, ...f.within].every((s) => subjectInQuestion(s, question));
  return {
    ok: subjectsOk,
    filters: {
      ...f,
      minAmount: f.minAmount !== null && amountAppears(f.minAmount, t, lc) ? f.minAmount : null,
      maxAmount: f.maxAmount !== null && amountAppears(f.maxAmount, t, lc) ? f.maxAmount : null,
    },
  };
}

/**
 * Asks the model for a plan and re-checks it against the question. Never throws for a model
 * problem: `plan` is null with the reason.
 */
export async function planWithLlm(
  llm: LlmPort,
  question: string,
  o: { language: LanguageContext; timeoutMs?: number },
): Promise<{ plan: QueryPlan | null; rejected?: PlanReject; raw?: string }> {
  const lc = o.language;
  const today = lc.today;
  let raw: string;
  try {
    raw = await llm.chatJson(planPrompt(question, today, { weekStartsOn: lc.weekStartsOn as OwnerSettings['weekStartsOn'], currency: lc.currency }), planFormat(), { timeoutMs: o.timeoutMs });
  } catch (e) {
    if (isMunshiError(e, 'timeout')) return { plan: null, rejected: 'timeout' };
    if (isMunshiError(e, 'invalid_model_output')) return { plan: null, rejected: 'invalid_output' };
    return { plan: null, rejected: 'unavailable' };
  }
  let input: unknown;
  try {
    input = JSON.parse(raw);
  } catch {
    return { plan: null, rejected: 'invalid_output', raw };
  }
  const parsed = parsePlan(input);
  if (!parsed.ok) return { plan: null, rejected: 'invalid_output', raw };
  let plan = parsed.plan;

  const t = analyze(question, lc);
  const main = checkFilters(plan.filters, question, t, lc);
  const sides = plan.versus.map((v) => checkFilters(v, question, t, lc));
  if (!main.ok || sides.some((s) => !s.ok)) return { plan: null, rejected: 'invented_subject', raw };
  plan = { ...plan, filters: main.filters, versus: sides.map((s) => s.filters) };
  if (plan.limit !== null && !amountAppears(plan.limit, t, lc)) plan = { ...plan, limit: null };

  // The time grammar reads time phrases exactly (as the planner does, in question mode); the
  // model's date arithmetic is the weaker witness.
  const periods = bestTimes(readTimes(t, lc, { mode: 'question' }))
    .filter((x) => (x.kind === 'day' || x.kind === 'range') && (x.from || x.to))
    .map((x) => ({ from: x.from, to: x.to, label: x.label }));
  const allTime = t.roles.has('all_time');
  if (periods.length) plan = { ...plan, periods, periodAssumed: false };
  else if (allTime) plan = { ...plan, periods: [], periodAssumed: false };
  // The ledger holds nothing ahead of today nor ten years back, whoever read the period.
  const earliest = addDays(today, -3660);
  for (const p of plan.periods) {
    if ((p.from && (p.from > today || p.from < earliest)) || (p.to && p.to < earliest)) return { plan: null, rejected: 'bad_period', raw };
  }
  plan = { ...plan, periods: plan.periods.map((p) => (p.to && p.to > today ? { ...p, to: today } : p)) };
  if (!plan.periods.length && plan.periodAssumed) {
    // The planner's convention for a question with no period: this month, and the reply says so.
    plan = { ...plan, periods: [{ from: startOfMonth(today), to: today, label: 'this month' }] };
  }
  return { plan, raw };
}

/**
 * The bot's `fallbacks.answer`: a model-planned, ledger-computed answer, or null when the model is
 * unavailable or its plan did not survive the checks (the bot keeps the rules' reply).
 * e.g. await answerWithLlm(llm, queries, 'what did the kids cost me in school stuff', ctx)
 */
export async function answerWithLlm(llm: LlmPort, queries: ExpenseQueries, question: string, ctx: QueryContext, conversation?: QueryConversation, opts: { timeoutMs?: number } = {}): Promise<Answer | null> {
  const language = ctx.language ?? contextFromSettings(ctx.now, ctx.settings);
  const { plan } = await planWithLlm(llm, question, { language, timeoutMs: opts.timeoutMs });
  if (!plan) return null;
  const a = await answerPlan(queries, plan, ctx, conversation);
  return a.plan ? a : null;
}
