/**
 * Real OCR: receipts rendered to PNG (test/support/receipts/render.ts) read by tesseract.js with
 * the npm-installed English data, then by the receipt reader; and a photo through the real bot on
 * a real SQLite ledger, recorded only after "yes". The full accuracy run is `npm run bench --
 * receipts` (figures in docs/PERFORMANCE.md); this keeps a small floor under it.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../../app/repositories.js';
import { createBot } from '../../bot/bot.js';
import { FakeClock } from '../../clock/clock.js';
import { isMunshiError } from '../../core/errors.js';
import type { OwnerSettings } from '../../core/types.js';
import { contextFromSettings } from '../../language/context.js';
import { renderReceipts, sameMerchant } from '../../../test/support/receipts/render.js';
import { createReceiptService } from '../flow.js';
import type { Ocr } from '../port.js';
import { readReceipt } from '../reader.js';
import { createTesseractOcr } from './adapter.js';

const TODAY = '2026-03-02';
let ocr: Ocr;
beforeAll(() => {
  ocr = createTesseractOcr({ idleMs: 0 });
});
afterAll(async () => {
  await ocr.close();
});

describe('tesseract.js on rendered receipts', () => {
  it('reads the totals, merchants and dates of receipts from four regions', async () => {
    const receipts = renderReceipts(4, 11, TODAY);
    const right = { total: 0, merchant: 0, date: 0 };
    for (const rc of receipts) {
      const { text, ms } = await ocr.recognize(rc.png, 'image/png');
      expect(ms).toBeGreaterThan(0);
      const s: OwnerSettings = { timeZone: rc.owner.timeZone, currency: rc.owner.currency, locale: 'en', dayFirst: rc.region !== 'US', weekStartsOn: 1 };
      const r = readReceipt(text, contextFromSettings(new Date(`${TODAY}T12:00:00Z`), s));
      right.total += Number(r.amountMinor === rc.expect.amountMinor && r.currency === rc.expect.currency);
      right.merchant += Number(sameMerchant(r.merchant, rc.expect.merchant));
      right.date += Number(r.date === rc.expect.date);
    }
    expect(right.total).toBeGreaterThanOrEqual(3);
    expect(right.merchant).toBeGreaterThanOrEqual(3);
    expect(right.date).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('refuses bytes that are no image with a bad_input error', async () => {
    const err = await ocr.recognize(Buffer.from('certainly not a picture'), 'image/jpeg').catch((e: unknown) => e);
    expect(isMunshiError(err, 'bad_input')).toBe(true);
  }, 30_000);
});

describe('a photo through the bot on a real ledger', () => {
  let dir: string;
  let repos: Repositories;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'munshi-receipt-'));
    repos = await openRepositories(path.join(dir, 'munshi.db'));
  });
  afterAll(async () => {
    await repos.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('drafts the receipt, records it once on yes, and replies within 10 s', async () => {
    const [rc] = renderReceipts(1, 5, TODAY, ['IN']);
    const clock = new FakeClock(`${TODAY}T10:00:00Z`);
    const INDIA: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
    const bot = createBot({ expenses: repos.expenses, preferences: repos.preferences, queries: repos.queries, clock, defaults: INDIA, receipts: createReceiptService({ ocr }) });
    const started = Date.now();
    const [draft] = await bot.handle({
      id: 'photo-1', chatId: 'self', senderId: 'me', text: '', timestamp: clock.now(),
      media: { kind: 'image', mimeType: 'image/png', download: async () => rc!.png },
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(draft!.text).toMatch(/^🧾 .* — save it\? yes \/ no \/ edit/);
    expect(await repos.expenses.between({ owner: 'me' })).toEqual([]);
    await bot.handle({ id: 'yes-1', chatId: 'self', senderId: 'me', text: 'yes', timestamp: clock.now() });
    await bot.handle({ id: 'yes-1', chatId: 'self', senderId: 'me', text: 'yes', timestamp: clock.now() });
    const rows = await repos.expenses.between({ owner: 'me' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ amountMinor: rc!.expect.amountMinor, source: 'receipt' });
  }, 60_000);
});
