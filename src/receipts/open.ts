/**
 * @module receipts/open
 * Opens the receipt service for the composition root. The OCR engine (tesseract.js, sharp) is
 * imported on the first photo, not at start, so a daemon that never sees a receipt never loads it.
 */
import { MunshiError } from '../core/errors.js';
import { createReceiptService, type DocumentText, type ReceiptService } from './flow.js';
import type { Ocr } from './port.js';
import type { TesseractOptions } from './tesseract/adapter.js';

/** An Ocr that loads the tesseract adapter when first asked. */
export function lazyTesseractOcr(o: TesseractOptions = {}): Ocr {
  let real: Promise<Ocr> | null = null;
  const get = (): Promise<Ocr> =>
    (real ??= import('./tesseract/adapter.js').then(
      (m) => m.createTesseractOcr(o),
      (err: unknown) => {
        real = null;
        throw new MunshiError('unavailable', `OCR is not installed: ${err instanceof Error ? err.message : String(err)}`);
      },
    ));
  return {
    async available() {
      try {
        return await (await get()).available();
      } catch (err) {
        return { ok: false, reason: err instanceof Error ? err.message : String(err) };
      }
    },
    async recognize(bytes, mimeType) {
      return (await get()).recognize(bytes, mimeType);
    },
    async close() {
      if (real) await (await real.catch(() => null))?.close();
    },
  };
}

/** PDF bills: their text layer, read by the pdf adapter loaded on first use. */
export function lazyPdfText(): DocumentText {
  let real: Promise<DocumentText> | null = null;
  return {
    async textOf(bytes, mimeType) {
      real ??= import('./pdf/adapter.js').then((m) => m.createPdfText());
      return (await real).textOf(bytes, mimeType);
    },
  };
}

/** The service the daemon uses: tesseract.js for photos, the text layer for PDFs. */
export function openReceiptService(o: TesseractOptions = {}): ReceiptService {
  return createReceiptService({ ocr: lazyTesseractOcr(o), documents: lazyPdfText() });
}
