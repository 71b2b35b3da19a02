/**
 * @module receipts/pdf/adapter
 * The text layer of a PDF bill (electricity, phone, online orders), read with pdf.js (Mozilla's
 * pdfjs-dist, legacy build for Node). Lines are rebuilt from the text items' positions so a
 * "Total ... 1,840.00" row stays one line. A scanned PDF has no text layer: null, and the bot
 * asks for a photo instead. Only the first pages are read; bills put the total up front.
 */
import { MunshiError } from '../../core/errors.js';
import type { DocumentText } from '../flow.js';

const MAX_PAGES = 3;
const MAX_BYTES = 15 * 1024 * 1024;

interface TextItemLike {
  str?: string;
  transform?: number[];
  hasEOL?: boolean;
}

export function createPdfText(): DocumentText {
  return {
    async textOf(bytes: Buffer, mimeType: string): Promise<string | null> {
      if (!/pdf/i.test(mimeType) && bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return null;
      if (bytes.length > MAX_BYTES) throw new MunshiError('bad_input', 'the PDF is too large');
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      let doc;
      try {
        doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
      } catch (err) {
        throw new MunshiError('bad_input', `not a PDF I can open (${err instanceof Error ? err.message : String(err)})`);
      }
      try {
        const lines: string[] = [];
        for (let p = 1; p <= Math.min(doc.numPages, MAX_PAGES); p++) {
          const page = await doc.getPage(p);
          const content = await page.getTextContent();
          lines.push(...rows(content.items as TextItemLike[]));
        }
        const text = lines.join('\n').trim();
        return /[\p{L}\p{N}]{3}/u.test(text) ? text : null;
      } finally {
        await doc.destroy();
      }
    },
  };
}

/** Groups text items into rows by their baseline (y), left to right. */
function rows(items: TextItemLike[]): string[] {
  const byY = new Map<number, { x: number; s: string }[]>();
  for (const it of items) {
    if (!it.str || !it.transform) continue;
    const y = Math.round(it.transform[5]! / 3) * 3;
    const row = byY.get(y) ?? [];
    row.push({ x: it.transform[4]!, s: it.str });
    byY.set(y, row);
  }
  return [...byY.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([, r]) => r.sort((a, b) => a.x - b.x).map((x) => x.s).join(' ').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
