/**
 * @module receipts/flow
 * What munshi does with a receipt photo or a PDF bill, minus the bot: download it, get its text
 * (OCR, or the PDF's text layer), read it (receipts/reader.ts), and turn the reading into ONE
 * draft expense with the reply that shows it. Nothing here records: the bot keeps the draft until
 * the owner says yes. Every expected failure becomes an outcome with a ready reply; progress is
 * announced through `onSlow` when reading takes longer than SLOW_MS.
 */
import { categorize } from '../categories/index.js';
import type { CategoryOverride } from '../categories/overrides.js';
import { localDate } from '../core/dates.js';
import { MunshiError, isMunshiError } from '../core/errors.js';
import type { ExpenseDraft, InboundMedia, OwnerSettings } from '../core/types.js';
import { contextFromSettings } from '../language/context.js';
import type { Understanding } from '../understanding/types.js';
import type { Ocr, OcrResult } from './port.js';
import { readReceipt, type ReceiptReading } from './reader.js';
import * as R from './replies.js';

/** After this long without a result the owner is told munshi is reading. */
export const SLOW_MS = 2_000;

export interface ReceiptContext {
  now: Date;
  settings: OwnerSettings;
  overrides?: ReadonlyMap<string, CategoryOverride>;
  /** The rules' reading of the photo's caption ("lunch with team"), when it had one. */
  caption?: { text: string; understanding: Understanding } | null;
}

export type ReceiptOutcome =
  | { kind: 'draft'; draft: ExpenseDraft; reading: ReceiptReading; reply: string; ocrMs: number }
  /** The picture holds no receipt total (a selfie, a screenshot, a blurred photo). */
  | { kind: 'not_receipt'; reply: string; ocrMs: number }
  /** It went wrong for this picture (unreadable bytes, timeout, busy, OCR missing). */
  | { kind: 'failed'; reason: string; reply: string };

/** Text from a document's own text layer (PDF bills); null when it has none worth reading. */
export interface DocumentText {
  textOf(bytes: Buffer, mimeType: string): Promise<string | null>;
}

export interface ReceiptService {
  read(media: InboundMedia, ctx: ReceiptContext, onSlow?: () => void | Promise<void>): Promise<ReceiptOutcome>;
  close(): Promise<void>;
}

export interface ReceiptServiceDeps {
  ocr: Ocr | null;
  documents?: DocumentText | null;
  slowMs?: number;
}

/**
 * The receipt service over an Ocr port (and optionally a PDF text reader).
 * e.g. const r = await createReceiptService({ ocr }).read(msg.media, { now, settings }); if (r.kind === 'draft') pending = r.draft
 */
export function createReceiptService(deps: ReceiptServiceDeps): ReceiptService {
  const slowMs = deps.slowMs ?? SLOW_MS;
  return {
    async read(media, ctx, onSlow) {
      let slow: NodeJS.Timeout | null = null;
      if (onSlow) {
        slow = setTimeout(() => void Promise.resolve(onSlow()).catch(() => undefined), slowMs);
        slow.unref?.();
      }
      try {
        let ocr: OcrResult;
        try {
          ocr = await textOf(deps, media);
        } catch (err) {
          return { kind: 'failed', reason: err instanceof Error ? err.message : String(err), reply: R.failedReply(err) };
        }
        return outcome(ocr, ctx);
      } finally {
        if (slow) clearTimeout(slow);
      }
    },
    async close() {
      await deps.ocr?.close();
    },
  };
}

async function textOf(deps: ReceiptServiceDeps, media: InboundMedia): Promise<OcrResult> {
  const started = Date.now();
  const bytes = await media.download();
  if (!bytes.length) throw new MunshiError('bad_input', 'the file was empty');
  if (media.kind === 'document' || /pdf/i.test(media.mimeType)) {
    const t = deps.documents ? await deps.documents.textOf(bytes, media.mimeType) : null;
    if (t === null) throw new R.NoTextLayer();
    return { text: t, confidence: null, ms: Date.now() - started };
  }
  if (!deps.ocr) throw new R.NoOcr();
  return deps.ocr.recognize(bytes, media.mimeType);
}

/** The draft for a reading (or why there is none). Pure apart from the categorizer's data. */
export function outcome(ocr: OcrResult, ctx: ReceiptContext): ReceiptOutcome {
  const lang = contextFromSettings(ctx.now, ctx.settings);
  const reading = readReceipt(ocr.text, lang);
  const today = localDate(ctx.now, ctx.settings.timeZone);
  const said = captionExpense(ctx.caption?.understanding);
  if (reading.kind !== 'receipt' || reading.amountMinor === null) {
    // A caption with an amount ("taxi 450" + photo) still makes a draft: the photo only backs it up.
    if (said?.amountMinor) {
      const draft: ExpenseDraft = { ...said, note: ctx.caption?.text ?? null };
      return { kind: 'draft', draft, reading, reply: R.draftReply(draft, reading, today, ctx.settings), ocrMs: ocr.ms };
    }
    return { kind: 'not_receipt', reply: R.NOT_A_RECEIPT, ocrMs: ocr.ms };
  }
  const merchant = reading.merchant;
  const cat = said && said.category !== 'other'
    ? { primary: said.category, detail: said.detail }
    : categorize({ item: null, merchant, context: reading.items.map((i) => i.name).join(' ') }, ctx.overrides, lang.pack.regions);
  // An amount the owner typed in the caption ("taxi 450") beats what OCR read off the paper.
  const typed = said?.amountMinor ? { amountMinor: said.amountMinor, currency: said.currency } : null;
  const draft: ExpenseDraft = {
    amountMinor: typed?.amountMinor ?? reading.amountMinor,
    currency: typed?.currency ?? reading.currency,
    category: cat.primary,
    detail: cat.detail,
    item: said?.item ?? null,
    merchant,
    note: ctx.caption?.text ?? null,
    date: reading.date ?? today,
  };
  return { kind: 'draft', draft, reading, reply: R.draftReply(draft, reading, today, ctx.settings), ocrMs: ocr.ms };
}

/** What a caption said about the expense, if it reads as one. */
function captionExpense(u: Understanding | undefined): ExpenseDraft | null {
  if (!u) return null;
  if (u.intent === 'add_expense' && u.expenses.length === 1) return u.expenses[0]!;
  if (u.intent === 'incomplete' && u.missing === 'amount') return { ...u.partial, amountMinor: 0 } as ExpenseDraft;
  return null;
}

export function isBusy(err: unknown): boolean {
  return isMunshiError(err, 'unavailable') && /^busy/.test(err.message);
}
