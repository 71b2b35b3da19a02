/**
 * @module llm/extract
 * The extraction fallback: when the rules understood a message poorly, a local model reads it with
 * Ollama structured output (the JSON schema is generated from the zod schema we validate with), and
 * everything it proposes is re-checked here: the amount must be written in the message, the date
 * must fall in a sane window, the category must exist. What fails becomes a question to the user.
 */
import { z } from 'zod';
import { TAXONOMY, parseCategoryPath, type Primary } from '../categories/taxonomy.js';
import type { ExpenseDraft } from '../core/types.js';
import { addDays, daysBetween, isIsoDate, localDate, weekday } from '../core/dates.js';
import { KNOWN_CURRENCIES, MAX_MAJOR_AMOUNT, minorDigits, toMinor } from '../core/money.js';
import { isMunshiError } from '../core/errors.js';
import type { UnderstandContext, Understanding } from '../understanding/types.js';
import type { ChatMessage, LlmPort } from './port.js';
import { amountAppears } from './numbers.js';
import { jsonSchemaOf } from './json-schema.js';
import { analyze, contextFromSettings, type LanguageContext } from '../language/context.js';
import { resolveCurrency } from '../language/money/index.js';
import { bestTimes, readTimes } from '../language/time/index.js';
import type { Tagged } from '../language/tagger.js';

/** Every "primary" and "primary/detail" path, so the model's grammar can only pick real categories. */
export const CATEGORY_PATHS: readonly string[] = TAXONOMY.flatMap((p) => [p.slug, ...p.details.map((d) => `${p.slug}/${d.slug}`)]);

const LlmExpense = z.object({
  amount: z.number().positive(),
  /** ISO 4217 code when the message names a currency; null for the owner's own. */
  currency: z.string().nullable(),
  item: z.string().nullable(),
  merchant: z.string().nullable(),
  category: z.enum(CATEGORY_PATHS as [string, ...string[]]),
  /** YYYY-MM-DD; null for today. */
  date: z.string().nullable(),
});

/** The shape the model must fill in; also the validator of what it sends back. */
export const LlmExtractionSchema = z.object({
  intent: z.enum(['expense', 'question', 'other']),
  expenses: z.array(LlmExpense).max(10),
});
export type LlmExtraction = z.infer<typeof LlmExtractionSchema>;

export const EXTRACTION_FORMAT = jsonSchemaOf(LlmExtractionSchema);

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The prompt stays short on purpose: on a Pi, prompt processing dominates the latency. */
export function extractionPrompt(text: string, today: string, currency: string): ChatMessage[] {
  return [
    {
      role: 'system',
      content:
        `You read one chat message for an expense tracker. Today is ${DAY_NAMES[weekday(today)]} ${today}; yesterday was ${addDays(today, -1)}. ` +
        `intent: expense if money was spent, question if asking about spending, else other. ` +
        `For each expense: amount exactly as written (1.2k = 1200), currency as an ISO code only if the message names one (else null), ` +
        `item bought and merchant (shop, brand or app) in the message's words or null, the closest category, date as YYYY-MM-DD or null for today. ` +
        `No expense without an amount in the message.`,
    },
    { role: 'user', content: text },
  ];
}

/** Why a model's proposal was not taken as it stood. */
export type RejectReason = 'unavailable' | 'timeout' | 'invalid_output' | 'invented_amount' | 'bad_currency' | 'old_date' | 'nothing';

export interface ExtractOutcome {
  /** What the bot should act on, or null to keep the rules' own reading. */
  understanding: (Understanding & { understoodBy: 'llm' }) | null;
  /** Set when something the model said was rejected or corrected. */
  rejected?: RejectReason;
  /** The model's raw JSON text, for logs. */
  raw?: string;
}

export interface ExtractOptions {
  timeoutMs?: number;
  /**
   * The rules' own categorizer for an item/merchant; when it knows the text it beats the model
   * (the lexicon and the owner's corrections are more trustworthy than a 1.5B model).
   */
  categorize?: (item: string | null, merchant: string | null) => { category: Primary; detail: string | null } | null;
}

/**
 * True when the message names `code`: a currency word or symbol of the vocabulary that means it for
 * this owner ("dollars" is USD to an INR owner), or the ISO code itself.
 */
function currencyNamed(code: string, t: Tagged, lc: LanguageContext): boolean {
  return t.tags.some((g) => g.role === 'currency' && g.value !== null && resolveCurrency(g.value, lc) === code) || new RegExp(`\\b${code}\\b`, 'i').test(t.text);
}

function cleanText(s: string | null, max = 60): string | null {
  if (!s) return null;
  const t = s.replace(/\s+/g, ' ').trim().slice(0, max);
  return t ? t : null;
}

/**
 * Asks the model for the expenses in a message and validates every field. Never throws for a
 * model or server problem: those come back as `understanding: null` with the reason.
 */
export async function extractWithLlmDetailed(llm: LlmPort, text: string, ctx: UnderstandContext, opts: ExtractOptions = {}): Promise<ExtractOutcome> {
  const today = localDate(ctx.now, ctx.settings.timeZone);
  const home = ctx.settings.currency;
  let raw: string;
  try {
    raw = await llm.chatJson(extractionPrompt(text, today, home), EXTRACTION_FORMAT, { timeoutMs: opts.timeoutMs });
  } catch (e) {
    if (isMunshiError(e, 'timeout')) return { understanding: null, rejected: 'timeout' };
    if (isMunshiError(e, 'invalid_model_output')) return { understanding: null, rejected: 'invalid_output' };
    return { understanding: null, rejected: 'unavailable' };
  }
  let parsed: LlmExtraction;
  try {
    const r = LlmExtractionSchema.safeParse(JSON.parse(raw));
    if (!r.success) return { understanding: null, rejected: 'invalid_output', raw };
    parsed = r.data;
  } catch {
    return { understanding: null, rejected: 'invalid_output', raw };
  }

  if (parsed.intent === 'question') return { understanding: { intent: 'query', confidence: 0.6, understoodBy: 'llm' }, raw };
  if (parsed.intent === 'other' || !parsed.expenses.length) {
    return { understanding: { intent: 'other', kind: 'unknown', confidence: 0.6, understoodBy: 'llm' }, raw, rejected: parsed.intent === 'expense' ? 'nothing' : undefined };
  }

  // The time grammar reads date phrases exactly ("kal", "last saturday", "on 9th"); when it finds
  // one date in the message it beats the model's date arithmetic. The tense is the reader's own:
  // a past spending verb dates back, a plan word ahead.
  const lc = ctx.language ?? contextFromSettings(ctx.now, ctx.settings, ctx.localeChosen ?? false);
  const t = analyze(text, lc);
  const pastVerb = t.tags.some((g) => (g.role === 'spend_verb' || g.role === 'obtain_verb') && g.value === 'past');
  const tense = pastVerb ? 'past' : t.roles.has('plan') ? 'future' : null;
  const ruleDates = [...new Set(bestTimes(readTimes(t, lc, { mode: 'record', tense })).flatMap((r) => (r.day ?? r.from ? [(r.day ?? r.from)!] : [])))];
  const ruleDate = ruleDates.length === 1 ? ruleDates[0]! : null;
  const drafts: ExpenseDraft[] = [];
  let rejected: RejectReason | undefined;
  let futureDate = false;
  for (const x of parsed.expenses) {
    let currency = home;
    if (x.currency) {
      const code = x.currency.trim().toUpperCase();
      if (KNOWN_CURRENCIES.has(code) && currencyNamed(code, t, lc)) currency = code;
      else if (code !== home) rejected ??= 'bad_currency';
    }
    const cat = parseCategoryPath(x.category) ?? { primary: 'other' as Primary, detail: null };
    const item = cleanText(x.item);
    const merchant = cleanText(x.merchant);
    const known = opts.categorize?.(item, merchant);
    let date = today;
    const proposed = ruleDate ?? (x.date && isIsoDate(x.date) ? x.date : null);
    if (proposed) {
      const back = daysBetween(proposed, today);
      if (back < 0) {
        date = proposed;
        futureDate = true;
      } else if (back > 366) rejected ??= 'old_date';
      else date = proposed;
    }
    const partial = {
      currency,
      category: known?.category ?? cat.primary,
      detail: known ? known.detail : cat.detail,
      item,
      merchant,
      note: null,
      date,
    };
    // The one rule that matters most: a model must never bring its own number.
    const rounded = Math.round(x.amount * 10 ** minorDigits(currency)) / 10 ** minorDigits(currency);
    if (!amountAppears(rounded, t, lc) || rounded <= 0 || rounded > MAX_MAJOR_AMOUNT) {
      return { understanding: { intent: 'incomplete', missing: 'amount', partial: { ...partial, amountMinor: null }, confidence: 0.5, understoodBy: 'llm' }, rejected: 'invented_amount', raw };
    }
    drafts.push({ ...partial, amountMinor: toMinor(rounded, currency) });
  }
  const u: Understanding & { understoodBy: 'llm' } = {
    intent: 'add_expense',
    expenses: drafts,
    // Below the rules' sure readings; a corrected field lowers it further.
    confidence: rejected ? 0.5 : 0.7,
    understoodBy: 'llm',
    ...(futureDate ? { futureDate: true } : {}),
  };
  return { understanding: u, rejected, raw };
}

/**
 * The bot's `fallbacks.extract`: the model's reading, validated, or null when the model is not
 * there or said nothing usable (the bot then keeps the rules' reading).
 * e.g. await extractWithLlm(llm, 'gave the plumber five hundred', ctx) → add_expense ₹500 (housing/repairs)
 */
export async function extractWithLlm(llm: LlmPort, text: string, ctx: UnderstandContext, opts: ExtractOptions = {}): Promise<(Understanding & { understoodBy: 'llm' }) | null> {
  return (await extractWithLlmDetailed(llm, text, ctx, opts)).understanding;
}
