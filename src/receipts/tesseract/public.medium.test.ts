/**
 * Receipt images made by other people: the screenshots shipped in the npm package receiptline
 * (a receipt markup renderer): an English receipt (TOTAL 6.00) and a German one (MwSt table,
 * Summe 5,79 / 0,55 / 6,34). Each screenshot shows the markup source on the left and the printed
 * receipt on the right; munshi reads the right half, as a photo of the paper would show it.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageContext } from '../../language/context.js';
import type { Ocr } from '../port.js';
import { readReceipt } from '../reader.js';
import { createTesseractOcr } from './adapter.js';

const require = createRequire(import.meta.url);
const dir = (() => {
  try {
    return path.dirname(require.resolve('receiptline/package.json'));
  } catch {
    return null;
  }
})();
const NOW = new Date('2026-03-02T10:00:00Z');

async function rightHalf(file: string): Promise<Buffer> {
  const img = sharp(fs.readFileSync(file));
  const { width = 0, height = 0 } = await img.metadata();
  return img.extract({ left: Math.floor(width * 0.52), top: 0, width: width - Math.floor(width * 0.52), height }).png().toBuffer();
}

describe.skipIf(!dir)('public receipt images (receiptline screenshots)', () => {
  let ocr: Ocr;
  beforeAll(() => {
    ocr = createTesseractOcr({ idleMs: 0 });
  });
  afterAll(async () => {
    await ocr.close();
  });

  it('reads TOTAL 6.00 off the English receipt', async () => {
    const { text } = await ocr.recognize(await rightHalf(path.join(dir!, 'screenshot_en.png')), 'image/png');
    const r = readReceipt(text, languageContext({ now: NOW, timeZone: 'America/New_York', currency: 'USD' }));
    expect(r).toMatchObject({ kind: 'receipt', amountMinor: 600, currency: 'USD' });
  }, 60_000);

  it('reads the gross Summe 6,34 (not the net 5,79 or the MwSt 0,55) off the German receipt', async () => {
    const { text } = await ocr.recognize(await rightHalf(path.join(dir!, 'screenshot_de.png')), 'image/png');
    const r = readReceipt(text, languageContext({ now: NOW, timeZone: 'Europe/Berlin', currency: 'EUR' }));
    expect(r).toMatchObject({ kind: 'receipt', amountMinor: 634, currency: 'EUR' });
  }, 60_000);
});
