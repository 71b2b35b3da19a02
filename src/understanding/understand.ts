/**
 * @module understanding/understand
 * The rules path from one chat message to an Understanding: sanitize, then commands, small talk,
 * questions, income and plans, then dates, amounts and expenses. Pure and deterministic (the
 * clock comes in as ctx.now), well under a millisecond per message, never throws.
 */
import { localDate } from '../core/dates.js';
import { MAX_MAJOR_AMOUNT, toMinor } from '../core/money.js';
import type { ExpenseDraft } from '../core/types.js';
import * as categories from '../categories/index.js';
import { readPieces, type NumPiece, type Piece } from './amounts.js';
import { scanDates } from './dates.js';
import { extractExpenses, type CategoryLexicon } from './expenses.js';
import { bareText, editTarget, hasSpendCue, incomeKind, isBudgetQuestion, isListQuestion, isPing, isPlan, isQuery, isTransfer, onlyEditWords, opensQuestion, simpleCommand, smallTalk } from './intents.js';
import { sanitize, tokenize } from './text.js';
import type { UnderstandContext, Understanding } from './types.js';

/** The categories lexicon, as understanding sees it. */
export const defaultLexicon: CategoryLexicon = {
  findKnownTerms: (tokens) => categories.findKnownTerms(tokens),
  categorize: (input, overrides) => categories.categorize(input, overrides),
  correctSpelling: (t) => categories.correctSpelling(t),
  isKnownWord: (w) => categories.isKnownWord(w),
};

const MAX_NOTE_CHARS = 200;
// "'; DROP TABLE expenses; --": an injection attempt is noise, not a question about expenses.
const SQL_LIKE = /['";]\s*(?:drop|delete|insert|update|select|alter|truncate|union)\b[\s\S]*\b(?:table|from|into|set|select|where)\b|\bunion\s+select\b|--\s*$|\bor\s+1\s*=\s*1\b/;
const HAS_SIGNAL = /[\p{L}\p{N}]/u;
const LEADING_GREETING = /^(?:(?:hi+|hello+|hey+|hola|yo|gm|good morning|good evening|namaste|ok|okay|so|and|also|oh|thanks|thank you|thx|thnx|cool|great|nice|btw|and also)\b[ ,!.:-]*)+(?=.*\d)/;
const DATE_EDIT_WORDS = new Set(['on', 'date', 'from', 'for', 'day', 'change', 'to', 'it', 'was', 'that', 'no', 'actually', 'make', 'the', 'its', 'not', 'today', 'is', 'move', 'should', 'be', 'sorry', 'happened', 'spent', 'paid', 'bought']);
const DATE_EDIT_PREFIX = /^(?:no,? |actually,? |sorry,? |oops,? )*(?:that was|it was|that's|thats|its|it's|was|change (?:the )?date to|change it to|date|make it|move it to|that happened|should be)\b/;

/**
 * Understands one message. e.g. understand('chai 20', ctx) ->
 * { intent: 'add_expense', expenses: [{ amountMinor: 2000, currency: 'INR', category: 'food', detail: 'tea', item: 'chai', … }], confidence: 0.92 }
 */
export function understand(text: string, ctx: UnderstandContext, lex: CategoryLexicon = defaultLexicon): Understanding {
  try {
    return understandUnsafe(text, ctx, lex);
  } catch {
    // The rules must never take the bot down; an odd message is simply not understood.
    return { intent: 'other', kind: 'unknown', confidence: 0 };
  }
}

function understandUnsafe(text: string, ctx: UnderstandContext, lex: CategoryLexicon): Understanding {
  let s = sanitize(text);
  if (!s || !HAS_SIGNAL.test(s)) return { intent: 'other', kind: 'noise', confidence: 0.9 };
  const bare = bareText(s);
  const currency = ctx.settings.currency;
  const today = todayIn(ctx.now, ctx.settings.timeZone);

  if (SQL_LIKE.test(s)) return { intent: 'other', kind: 'noise', confidence: 0.8 };
  const cmd = simpleCommand(bare);
  if (cmd) return { intent: 'command', command: cmd, confidence: 0.95 };
  const talk = smallTalk(bare);
  if (talk) return { intent: 'other', kind: talk, confidence: 0.95 };
  if (isPing(bare)) return { intent: 'other', kind: 'noise', confidence: 0.9 };
  if (isListQuestion(bare)) return { intent: 'query', confidence: 0.85 };

  s = s.replace(LEADING_GREETING, '');
  const plan = isPlan(bare);
  const dates = scanDates(s, { today, dayFirst: ctx.settings.dayFirst, futureTense: plan });
  const pieces = readPieces(tokenize(dates.masked), currency);
  const nums = pieces.filter((p): p is NumPiece => p.kind === 'num');
  const goodNums = nums.filter((p) => !p.qty && !p.bad);
  const words = pieces.filter((p) => p.kind === 'word').map((p) => (p as { text: string }).text);

  // Corrections of the last expense: "no, 60", "that was yesterday", "that was transport", "it was a latte".
  const edit = editCommand(bare, words, goodNums, nums, dates.matches, currency);
  if (edit) return edit;

  const hasAmount = goodNums.length > 0;
  if (isQuery(bare, s, hasAmount)) {
    // "what's the weather?" is a question, but not about spending: only a money word or a known
    // item/merchant ("what about rapido?") makes it one.
    if (hasAmount || hasSpendCue(bare, !opensQuestion(bare)) || (words.length > 0 && lex.findKnownTerms(words).length > 0)) {
      return { intent: 'query', confidence: hasAmount ? 0.7 : 0.85 };
    }
    return { intent: 'other', kind: 'unknown', confidence: 0.6 };
  }
  if (isBudgetQuestion(bare, s)) return { intent: 'query', confidence: 0.75 };
  const income = incomeKind(bare);
  if (income) return { intent: 'other', kind: income, confidence: 0.85 };
  if (plan) return { intent: 'other', kind: 'plan', confidence: 0.8 };
  if (isTransfer(bare)) return { intent: 'other', kind: 'unknown', confidence: 0.7 };

  const r = extractExpenses(pieces, dates.matches, { today, context: s, lex, overrides: ctx.overrides, source: dates.masked });
  const note = noteOf(text);
  if (r.noAmount) {
    if (r.bad) return { intent: 'other', kind: 'noise', confidence: 0.8 };
    const p = r.partial;
    const short = words.length <= 5;
    if (p && (p.item || p.merchant) && (p.verb || (p.known && short))) {
      return {
        intent: 'incomplete', missing: 'amount', confidence: p.known ? 0.8 : 0.6,
        partial: { amountMinor: null, currency, category: p.primary, detail: p.detail, item: p.item, merchant: p.merchant, note, date: dateOf(dates.matches, today) },
      };
    }
    return { intent: 'other', kind: 'unknown', confidence: 0.5 };
  }
  if (r.missingItem) {
    const n = goodNums[goodNums.length - 1];
    const cur = n?.currency ?? currency;
    const minor = n ? safeMinor(n.value, cur) : null;
    if (minor === null) return { intent: 'other', kind: 'noise', confidence: 0.7 };
    return {
      intent: 'incomplete', missing: 'item', confidence: 0.7,
      partial: { amountMinor: minor, currency: cur, category: 'other', detail: null, item: null, merchant: null, note, date: dateOf(dates.matches, today) },
    };
  }
  const expenses: ExpenseDraft[] = [];
  let confidence = 1;
  let future = false;
  for (const e of r.expenses) {
    const cur = e.amount.currency ?? currency;
    const minor = safeMinor(e.amount.value, cur);
    if (minor === null) return { intent: 'other', kind: 'noise', confidence: 0.7 };
    expenses.push({ amountMinor: minor, currency: cur, category: e.primary, detail: e.detail, item: e.item, merchant: e.merchant, note: e.segment ?? note, date: e.date });
    confidence = Math.min(confidence, e.confidence);
    future ||= e.future || e.date > today;
  }
  return future ? { intent: 'add_expense', expenses, confidence, futureDate: true } : { intent: 'add_expense', expenses, confidence };
}

function editCommand(
  bare: string, words: string[], goodNums: NumPiece[], nums: NumPiece[], dates: { date: string | null }[], currency: string,
): Understanding | null {
  if (goodNums.length >= 1 && nums.length <= 2 && onlyEditWords(words) && dates.length === 0) {
    const n = goodNums[goodNums.length - 1]!;
    const cur = n.currency ?? currency;
    const minor = safeMinor(n.value, cur);
    if (minor !== null) return { intent: 'command', command: { kind: 'edit_amount', amountMinor: minor, currency: n.currency }, confidence: 0.85 };
  }
  const dated = dates.filter((d) => d.date);
  if (dated.length === 1 && nums.length === 0 && DATE_EDIT_PREFIX.test(bare) && words.every((w) => DATE_EDIT_WORDS.has(w))) {
    return { intent: 'command', command: { kind: 'edit_date', date: dated[0]!.date! }, confidence: 0.85 };
  }
  if (nums.length === 0 && dates.length === 0) {
    const t = editTarget(bare);
    if (t && 'category' in t) return { intent: 'command', command: { kind: 'edit_category', category: t.category, detail: null }, confidence: 0.85 };
    if (t) return { intent: 'command', command: { kind: 'edit_item', item: t.item }, confidence: 0.75 };
  }
  return null;
}

// Intl date formatting costs more than the rest of the rules together; a message stream asks for
// the same zone and minute over and over.
let lastToday: { key: string; date: string } | null = null;
function todayIn(now: Date, timeZone: string): string {
  const key = `${timeZone}|${Math.floor(now.getTime() / 60_000)}`;
  if (lastToday?.key === key) return lastToday.date;
  const date = localDate(now, timeZone);
  lastToday = { key, date };
  return date;
}

function safeMinor(value: number, currency: string): number | null {
  if (!Number.isFinite(value) || value <= 0 || value > MAX_MAJOR_AMOUNT) return null;
  try {
    const m = toMinor(value, currency);
    return m > 0 ? m : null;
  } catch {
    return null;
  }
}

function dateOf(matches: { date: string | null }[], today: string): string {
  return matches.find((d) => d.date)?.date ?? today;
}

// The original words, kept for questions about concepts the item does not name ("coke and chips").
function noteOf(text: string): string | null {
  const t = String(text ?? '').replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!t) return null;
  return t.length > MAX_NOTE_CHARS ? t.slice(0, MAX_NOTE_CHARS) : t;
}

export type { Piece };
