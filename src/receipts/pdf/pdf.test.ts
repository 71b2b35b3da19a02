/**
 * PDF bills through the real bot: pdf.js reads the text layer of a PDF written for the test, the
 * reader drafts it, and "yes" records it; a PDF without text (a scan) and bytes that are no PDF
 * get a short reply and change nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryRepositories, type Repositories } from '../../app/repositories.js';
import { createBot, type Bot } from '../../bot/bot.js';
import { FakeClock } from '../../clock/clock.js';
import type { InboundMessage, OwnerSettings } from '../../core/types.js';
import { textPdf } from '../../../test/support/receipts/pdf.js';
import { FakeOcr } from '../fake-ocr.js';
import { createReceiptService } from '../flow.js';
import { createPdfText } from './adapter.js';

const INDIA: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const BILL = textPdf([
  { left: 'Tata Power' },
  { left: 'Consumer No: 9000123456' },
  { left: 'Bill date: 05/02/2026' },
  { left: 'Energy charges', right: '1,610.00' },
  { left: 'Fixed charges', right: '150.00' },
  { left: 'Electricity duty', right: '80.00' },
  { left: 'Amount payable', right: 'Rs. 1,840.00' },
]);

let repos: Repositories;
let bot: Bot;
let n = 0;
const clock = new FakeClock('2026-03-02T10:00:00Z');
beforeEach(() => {
  repos = memoryRepositories();
  const receipts = createReceiptService({ ocr: new FakeOcr({ text: 'should not be used for PDFs' }), documents: createPdfText() });
  bot = createBot({ expenses: repos.expenses, preferences: repos.preferences, queries: repos.queries, clock, defaults: INDIA, receipts });
});

const doc = (bytes: Buffer, caption = ''): InboundMessage => ({
  id: `d${++n}`, chatId: 'self', senderId: 'me', text: caption, timestamp: clock.now(),
  media: { kind: 'document', mimeType: 'application/pdf', download: async () => bytes },
});
const say = async (m: InboundMessage | string) =>
  (await bot.handle(typeof m === 'string' ? { id: `t${++n}`, chatId: 'self', senderId: 'me', text: m, timestamp: clock.now() } : m)).map((r) => r.text).join('\n');

describe('a PDF bill', () => {
  it('is read from its text layer into a draft, and recorded on yes', async () => {
    expect(await say(doc(BILL))).toMatch(/^🧾 Tata Power · ₹1,840 · Thu 5 Feb · .+ — save it\?/);
    expect(await repos.expenses.between({ owner: 'me' })).toEqual([]);
    await say('yes');
    expect((await repos.expenses.between({ owner: 'me' }))[0]).toMatchObject({ amountMinor: 184000, merchant: 'Tata Power', date: '2026-02-05', source: 'receipt' });
  });

  it('without a text layer asks for a photo; bytes that are no PDF are refused politely', async () => {
    expect(await say(doc(textPdf([], { scanned: true })))).toMatch(/couldn't read any text in that document/);
    expect(await say(doc(Buffer.from('%PDF-1.4 broken beyond repair')))).toMatch(/couldn't open that file/);
    expect(await repos.expenses.between({ owner: 'me' })).toEqual([]);
  });
});
