/**
 * @module cli/commands/receipt
 * `receipt FILE [--now ISO] [--tz IANA] [--currency ISO]`: reads a receipt photo (JPEG, PNG,
 * WebP...) or a PDF bill with the same OCR and reader the bot uses and prints one JSON line:
 * {"amount","currency","merchant","date","items":[{"name","amount"}],"text"}. Records nothing.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isMunshiError } from '../../core/errors.js';
import { toMajor } from '../../core/money.js';
import type { OwnerSettings } from '../../core/types.js';
import { contextFromSettings } from '../../language/context.js';
import { lazyPdfText, lazyTesseractOcr } from '../../receipts/open.js';
import { readReceipt } from '../../receipts/reader.js';
import { out, parseArgs, str } from '../args.js';
import { parseNowFlag, settingsFromFlags } from '../flags.js';

export const summary = 'read a receipt photo or PDF bill and print {"amount","currency","merchant","date","items","text"}';

/** Fixed defaults, so the output depends on the file and the flags only. */
const DEFAULTS: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const MIME_BY_EXT: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.pdf': 'application/pdf', '.tif': 'image/tiff', '.tiff': 'image/tiff', '.gif': 'image/gif' };

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const err = (s: string): void => void process.stderr.write(`receipt: ${s}\n`);
  const file = args.positional[0];
  if (!file) {
    err('usage: receipt FILE [--now ISO] [--tz IANA] [--currency ISO]');
    return 2;
  }
  const settings = settingsFromFlags(args, DEFAULTS);
  if (typeof settings === 'string') {
    err(settings);
    return 2;
  }
  const fixed = parseNowFlag(str(args, 'now'), settings.timeZone);
  if (fixed === 'invalid') {
    err('--now must be an ISO date-time such as 2026-01-15T19:30:00');
    return 2;
  }
  const bytes = await fs.readFile(file).catch(() => null);
  if (!bytes) {
    err(`cannot read ${file}`);
    return 1;
  }
  const mime = MIME_BY_EXT[path.extname(file).toLowerCase()] ?? (bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? 'application/pdf' : 'application/octet-stream');
  const ocr = lazyTesseractOcr({ idleMs: 0, timeoutMs: 120_000 });
  try {
    let text: string | null;
    if (mime === 'application/pdf') {
      text = await lazyPdfText().textOf(bytes, mime);
      if (text === null) {
        err('the PDF has no text layer (a scan?): send a photo of it instead');
        return 3;
      }
    } else text = (await ocr.recognize(bytes, mime)).text;
    const r = readReceipt(text, contextFromSettings(fixed ?? new Date(), settings));
    await out(
      JSON.stringify({
        amount: r.amountMinor === null ? null : toMajor(r.amountMinor, r.currency),
        currency: r.currency,
        merchant: r.merchant,
        date: r.date,
        items: r.items.map((i) => ({ name: i.name, amount: toMajor(i.amountMinor, r.currency) })),
        text,
      }),
    );
    return r.kind === 'receipt' ? 0 : 3;
  } catch (e) {
    if (isMunshiError(e)) {
      err(e.message);
      return 1;
    }
    throw e;
  } finally {
    await ocr.close();
  }
}
