/**
 * @module receipts/replies
 * Every sentence munshi says about a receipt photo or a PDF bill, in one place. Pure.
 */
import { categoryLabel } from '../categories/taxonomy.js';
import { formatDay } from '../core/dates.js';
import { isMunshiError } from '../core/errors.js';
import { formatMoney } from '../core/money.js';
import type { ExpenseDraft, OwnerSettings } from '../core/types.js';
import type { ReceiptReading } from './reader.js';

/** The interim reply when reading takes a while. */
export const READING = '🧾 reading your receipt…';

export const NOT_A_RECEIPT =
  "🧾 I couldn't find a total in that picture. If it's a receipt, send a sharper, straight-on photo, or just type it, e.g. \"dmart 1,250\".";

export const EDIT_HELP =
  'Send the fix and I\'ll show the draft again, e.g. "no, 1,254" for the amount, "date 27 feb", or "that was groceries". Reply "yes" to save or "no" to drop it.';

const ITEMS_SHOWN = 3;

/**
 * "🧾 Big Bazaar · ₹1,245.50 · Sat 28 Feb · Groceries — save it? yes / no / edit"
 * with a second line naming the first items when they were readable.
 */
export function draftReply(d: ExpenseDraft, r: ReceiptReading, today: string, settings: Pick<OwnerSettings, 'locale'>): string {
  const parts: string[] = [];
  if (d.merchant) parts.push(d.merchant);
  parts.push(formatMoney(d.amountMinor, d.currency, settings.locale));
  parts.push(r.date || r.kind !== 'receipt' ? formatDay(d.date, today) : `${formatDay(d.date, today)} (no date on it)`);
  parts.push(categoryLabel(d.category, d.detail));
  const lines = [`🧾 ${parts.join(' · ')} — save it? yes / no / edit`];
  if (r.items.length) {
    const names = r.items.slice(0, ITEMS_SHOWN).map((i) => i.name);
    const more = r.items.length > ITEMS_SHOWN ? ` +${r.items.length - ITEMS_SHOWN} more` : '';
    lines.push(`(${names.join(', ')}${more})`);
  }
  if (r.kind === 'receipt' && r.confidence.amount < 0.7) lines.push('I am not sure of the total: check it before you say yes.');
  return lines.join('\n');
}

/** The OCR engine is not installed or could not start. */
export class NoOcr extends Error {
  constructor() {
    super('OCR is not available');
  }
}

/** A PDF with no text layer (a scan), or a document type munshi does not read. */
export class NoTextLayer extends Error {
  constructor() {
    super('the document has no readable text');
  }
}

export function failedReply(e: unknown): string {
  if (e instanceof NoTextLayer) return "🧾 I couldn't read any text in that document. Send a photo of the bill instead, or type the total, e.g. \"electricity 1,840\".";
  if (e instanceof NoOcr || isMunshiError(e, 'unavailable') && !/^busy/.test(e.message)) {
    return "🧾 Reading receipt photos isn't available on this munshi right now. Type the total instead, e.g. \"dmart 1,250\".";
  }
  if (isMunshiError(e, 'timeout')) return '🧾 That photo took too long to read. Could you type the total, e.g. "dmart 1,250"?';
  if (isMunshiError(e, 'unavailable')) return "🧾 I'm still reading earlier receipts. Send this one again in a minute.";
  if (isMunshiError(e, 'bad_input')) return "🧾 I couldn't open that file. Send the receipt as a photo (JPEG or PNG) or a PDF, or type the total.";
  return "🧾 I couldn't read that receipt. Could you type the total, e.g. \"dmart 1,250\"?";
}
