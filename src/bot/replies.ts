/**
 * @module bot/replies
 * Every sentence the bot says, in one place: short WhatsApp bookkeeper replies. Pure.
 */
import { formatMoney } from '../core/money.js';
import { relativeDay } from '../core/dates.js';
import { categoryLabel } from '../categories/taxonomy.js';
import { categorize } from '../categories/index.js';
import type { Expense, ExpenseDraft, OwnerSettings } from '../core/types.js';
import type { AskReason } from '../understanding/types.js';
import { isMunshiError, type MunshiErrorCode } from '../core/errors.js';

type Shown = Pick<ExpenseDraft, 'amountMinor' | 'currency' | 'category' | 'detail' | 'item' | 'merchant' | 'date'>;

function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Whether the item says more than its category label: "chai" under Food › Tea does not, so the
 * line stays "✅ ₹20 · Food › Tea · today"; "bakarwadi" under Food › Snacks, or anything the
 * lexicon does not know, does.
 */
function itemAddsInformation(e: Shown, label: string): boolean {
  if (!e.item) return false;
  if (label.toLowerCase().includes(e.item.toLowerCase())) return false;
  if (e.merchant && norm(e.item) === norm(e.merchant)) return false;
  if (!e.detail || e.item.split(/\s+/).length > 1) return true;
  const c = categorize({ item: e.item, merchant: null });
  return !(c.via === 'lexicon' && c.primary === e.category && c.detail === e.detail && GENERIC_ITEMS.has(e.item.toLowerCase()));
}

/** Everyday words a detail label already says (Tea says chai; Fuel says petrol). */
const GENERIC_ITEMS = new Set([
  'chai', 'tea', 'coffee', 'petrol', 'diesel', 'fuel', 'cng', 'rent', 'groceries', 'grocery', 'ration', 'sabzi', 'vegetables',
  'auto', 'cab', 'taxi', 'rickshaw', 'parking', 'toll', 'electricity', 'bijli', 'water', 'internet', 'wifi', 'broadband', 'recharge',
  'medicine', 'medicines', 'dawai', 'doctor', 'gym', 'movie', 'movies', 'haircut', 'salon', 'gift', 'donation', 'maintenance',
  'lunch', 'dinner', 'breakfast', 'snacks', 'beer', 'alcohol', 'daaru', 'flight', 'hotel', 'books', 'book', 'clothes',
]);

/** "₹320 · Food › Coffee · latte · Starbucks · today" — what munshi understood, in one line. */
export function expenseLine(e: Shown, today: string, settings: Pick<OwnerSettings, 'locale'>): string {
  const label = categoryLabel(e.category, e.detail);
  const parts = [formatMoney(e.amountMinor, e.currency, settings.locale), label];
  if (itemAddsInformation(e, label)) parts.push(e.item!);
  if (e.merchant) parts.push(e.merchant);
  parts.push(relativeDay(e.date, today));
  return parts.join(' · ');
}

/** An amount in the owner's locale: "₹1,250", "$12.50". */
export function money(amountMinor: number, currency: string, settings: Pick<OwnerSettings, 'locale'>): string {
  return formatMoney(amountMinor, currency, settings.locale);
}

export function recorded(expenses: Shown[], today: string, settings: OwnerSettings): string {
  return expenses.map((e) => `✅ ${expenseLine(e, today, settings)}`).join('\n');
}

export function removed(expenses: Shown[], today: string, settings: OwnerSettings): string {
  if (expenses.length === 1) return `🗑️ Removed ${expenseLine(expenses[0]!, today, settings)}`;
  return ['🗑️ Removed:', ...expenses.map((e) => `• ${expenseLine(e, today, settings)}`)].join('\n');
}

export function changed(e: Shown, today: string, settings: OwnerSettings): string {
  return `✏️ Updated: ${expenseLine(e, today, settings)}`;
}

/** Several expenses of one message corrected together ("that was yesterday"). */
export function changedAll(expenses: Shown[], today: string, settings: OwnerSettings): string {
  if (expenses.length === 1) return changed(expenses[0]!, today, settings);
  return ['✏️ Updated:', ...expenses.map((e) => `• ${expenseLine(e, today, settings)}`)].join('\n');
}

/** A correction that changes nothing: say what is stored, so the owner sees it is right. */
export function unchanged(expenses: Shown[], today: string, settings: OwnerSettings): string {
  if (expenses.length === 1) return `👍 Already ${expenseLine(expenses[0]!, today, settings)}`;
  return ['👍 Already:', ...expenses.map((e) => `• ${expenseLine(e, today, settings)}`)].join('\n');
}

/** "Delete ₹20 · Food › Tea · today?" — a delete found by description waits for a yes. */
export function confirmDelete(expenses: Shown[], today: string, settings: OwnerSettings, newest = false): string {
  const ask = 'Reply "yes" to delete or "no" to keep.';
  if (expenses.length === 1) return `${newest ? 'Delete your latest entry, ' : 'Delete '}${expenseLine(expenses[0]!, today, settings)}?\n${ask}`;
  return [`${newest ? 'Delete your latest entry' : 'Delete these'} (${expenses.length})?`, ...expenses.map((e) => `• ${expenseLine(e, today, settings)}`), ask].join('\n');
}

/** "Which one?" with a numbered list; `more` counts matches not shown. */
export function whichOne(question: string, expenses: Shown[], today: string, settings: OwnerSettings, o: { more: number; all: boolean }): string {
  const lines = [question, ...expenses.map((e, i) => `${i + 1}. ${expenseLine(e, today, settings)}`)];
  if (o.more > 0) lines.push(`…and ${o.more} more. Add a day to narrow it, like "delete the chai from yesterday".`);
  lines.push(o.all ? `Reply with a number, "all", or "no".` : 'Reply with a number, or "no".');
  return lines.join('\n');
}

/** Nothing matched a description ("delete the chai"). */
export function noneFound(description: string, day: string | null, today: string, done: 'deleted' | 'changed' = 'deleted'): string {
  const what = description ? `"${description}"` : 'an expense';
  const when = day ? relativeDay(day, today) : null;
  const where = when === null ? ' among your recent expenses' : /^(today|yesterday)$/.test(when) ? ` ${when}` : ` on ${when}`;
  return `I couldn't find ${what}${where}. Nothing was ${done}. Say "recent" to see your last ones.`;
}

export function dateOrderSet(dayFirst: boolean): string {
  return dayFirst ? '👍 Dates now read day first: 12/1 is 12 January.' : '👍 Dates now read month first: 12/1 is December 1.';
}

/** Said when a new currency also changes how dates read ("set currency USD"). */
export function dateOrderFollowed(dayFirst: boolean): string {
  return dayFirst
    ? 'Dates now read day first (12/1 is 12 January); say "dates month first" to change that.'
    : 'Dates now read month first (12/1 is December 1); say "dates day first" to change that.';
}

export function recentList(expenses: Expense[], today: string, settings: OwnerSettings): string {
  if (!expenses.length) return 'No expenses yet. Tell me one, like "chai 20".';
  return [`Your last ${expenses.length}:`, ...expenses.map((e) => `• ${expenseLine(e, today, settings)}`)].join('\n');
}

/** The question back when the amount is missing: "How much was the petrol?" */
export function askAmount(what: string | null): string {
  return what ? `How much was the ${what}?` : 'How much was it?';
}

export function askItem(amountMinor: number, currency: string, settings: OwnerSettings): string {
  return `What was the ${formatMoney(amountMinor, currency, settings.locale)} for?`;
}

export function askFuture(expenses: Shown[], today: string, settings: OwnerSettings): string {
  return [
    `That date is in the future: ${expenses.map((e) => expenseLine(e, today, settings)).join('; ')}.`,
    'Record it anyway? Reply "ok" to record or "cancel".',
  ].join('\n');
}

const DOUBT: Record<AskReason, string> = {
  unknown_item: 'Not sure this is an expense:',
  two_amounts: 'Not sure which number is the amount:',
  ambiguous_amount: 'Not sure how to read the amount:',
  maybe_not_spent: 'Did you pay for this?',
  implausible: 'That amount looks unusual:',
  maybe_shop: 'Is that the shop? I took it for one:',
  future: 'That date is in the future:',
};

/** A draft munshi is unsure of: what it read, and how to confirm or correct it. */
export function askDraft(expenses: Shown[], why: AskReason, today: string, settings: OwnerSettings): string {
  return [
    DOUBT[why],
    ...expenses.map((e) => `📝 ${expenseLine(e, today, settings)}`),
    why === 'maybe_shop' ? 'Reply "ok" to record it, "not a shop" if it isn\'t one, or "cancel".' : 'Reply "ok" to record it, send the right amount, or "cancel".',
  ].join('\n');
}

export const HELP = [
  'I keep your expenses. Just tell me what you spent:',
  '• chai 20 · petrol 500 yesterday · swiggy biryani 350',
  '• coffee 50 and sandwich 120 · $12 ebook · kal auto 80',
  'Ask me anything:',
  '• how much on food this month? · biggest expenses this week',
  '• list my Swiggy orders in January · what soft drinks did I have?',
  'Fix things: "undo", "no, 60", "that was yesterday", "that was transport", "recent".',
];

export function help(extraLines: string[]): string {
  return [...HELP, ...extraLines.map((l) => `• ${l}`)].join('\n');
}

export const OTHER_REPLIES: Record<string, string> = {
  greeting: 'Hi! 👋 Tell me what you spent, like "chai 20", or ask "how much this week?"',
  thanks: 'Anytime 🙏',
  income: "Nice! 🎉 I only track spending, so I haven't recorded that.",
  refund: "I don't record refunds yet. If it cancels an expense, say \"undo\" right after it or remove it from \"recent\".",
  plan: "Sounds like a plan, not a spend yet. Tell me once you've paid and I'll note it.",
  noise: 'Sorry, I didn\'t get that. Try "chai 20" or "how much on food this month?"',
  unknown: 'Sorry, I didn\'t get that. Try "chai 20" or "how much on food this month?"',
};

export const NOTHING_TO_UNDO = 'Nothing to undo yet.';
export const NOTHING_PENDING = 'Nothing is waiting for confirmation.';
export const CANCELLED = 'Okay, dropped it. Nothing recorded.';
export const KEPT = 'Okay, kept it. Nothing was deleted.';
export const NOTHING_TO_CANCEL = 'Nothing is waiting for an answer. To remove your last entry, say "undo".';
export const NOTHING_TO_CHANGE = 'Nothing to change yet.';
export const ALREADY_GONE = 'That one was already deleted. Nothing changed.';
/** A correction of one amount or name while a draft of several waits for "ok". */
export const DRAFT_HAS_SEVERAL = 'That draft has several expenses. Say "cancel" and send it again with the right details.';
export const TOO_LONG = 'That message is too long for me. Send one expense or question at a time, like "chai 20".';
export const EMPTY = 'Send me an expense like "chai 20" or a question like "how much this week?"';
export const FAILED = 'Sorry, something went wrong on my side. Nothing new was recorded; please try again.';

/**
 * One reply per error code (core/errors): what happened, in the owner's terms, and what to do.
 * The message of the error itself stays in the log; it may name files and hosts.
 */
export const ERROR_REPLIES: Readonly<Record<MunshiErrorCode, string>> = {
  bad_input: 'I couldn\'t use that message as it is. Nothing new was recorded. Try it like "chai 20" or "how much this week?"',
  not_found: 'I couldn\'t find that one. Nothing was changed. Say "recent" to see your last expenses.',
  unavailable: 'A part of munshi I needed for that isn\'t available right now. Nothing new was recorded; try again in a little while, or type it like "chai 20".',
  timeout: 'That took too long on my side, so I stopped. Nothing new was recorded; please send it again.',
  invalid_model_output: 'My helper model gave me an answer I couldn\'t check, so I didn\'t use it. Nothing new was recorded. Try it like "chai 20".',
  config: 'munshi isn\'t set up right for that yet (the details are in its log). Nothing new was recorded.',
};

/** The reply for a failure: its code's, or the generic apology for anything unexpected. */
export function errorReply(err: unknown): string {
  return isMunshiError(err) ? ERROR_REPLIES[err.code] : FAILED;
}
export const IMAGE_NOT_READY = 'Receipt photos aren\'t set up yet. Type the total instead, e.g. "dmart 1,250".';
export const VOICE_NOT_READY = 'Voice notes aren\'t set up on this munshi yet. Type it instead, e.g. "petrol 500".';

export function settingsText(s: OwnerSettings): string {
  return `Currency ${s.currency} · time zone ${s.timeZone} · locale ${s.locale} · dates ${s.dayFirst ? 'day/month' : 'month/day'}`;
}
