/**
 * Receipt photos through the real bot on the in-memory repositories and a scripted OCR: a photo
 * becomes a draft and nothing is recorded until "yes"; "no" drops it; "no, 1,254" corrects it;
 * a caption names what it was; pictures that are no receipt, broken images, slow OCR and a
 * missing engine each get a short reply and change nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryRepositories, type Repositories } from '../app/repositories.js';
import { createBot, type Bot } from '../bot/bot.js';
import { FakeClock } from '../clock/clock.js';
import { MunshiError } from '../core/errors.js';
import type { InboundMessage, OutboundReply, OwnerSettings } from '../core/types.js';
import { FakeOcr } from './fake-ocr.js';
import { createReceiptService } from './flow.js';
import { READING } from './replies.js';

const INDIA: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const BILL = 'BIG BAZAAR\nPhoenix Mall, Pune\nDate: 28/02/2026 14:32\nToor Dal 145.00\nAmul Butter 275.50\nBasmati Rice 625.00\nSurf Excel 200.00\nSub Total 1,245.50\nTOTAL 1,245.50\nCash 1,300.00\nChange 54.50';

let repos: Repositories;
let clock: FakeClock;
let n = 0;
beforeEach(() => {
  repos = memoryRepositories();
  clock = new FakeClock('2026-03-02T10:00:00Z');
});

function bot(ocr: FakeOcr | null, slowMs?: number): Bot {
  const receipts = ocr ? createReceiptService({ ocr, slowMs }) : undefined;
  return createBot({ expenses: repos.expenses, preferences: repos.preferences, queries: repos.queries, clock, defaults: INDIA, receipts });
}

function photo(caption = '', bytes = 'receipt'): InboundMessage {
  return {
    id: `m${++n}`, chatId: 'self', senderId: 'me', text: caption, timestamp: clock.now(),
    media: { kind: 'image', mimeType: 'image/jpeg', download: async () => Buffer.from(bytes) },
  };
}

async function send(b: Bot, m: InboundMessage | string): Promise<{ replies: string; interim: string[] }> {
  const interim: string[] = [];
  const msg = typeof m === 'string' ? { id: `m${++n}`, chatId: 'self', senderId: 'me', text: m, timestamp: clock.now() } : m;
  const out: OutboundReply[] = await b.handle(msg, { send: async (r) => void interim.push(r.text) });
  return { replies: out.map((r) => r.text).join('\n'), interim };
}

const ledger = () => repos.expenses.between({ owner: 'me' });

describe('a receipt photo', () => {
  it('becomes a draft, and is recorded only on yes', async () => {
    const b = bot(new FakeOcr({ text: BILL }));
    const { replies } = await send(b, photo());
    expect(replies).toMatch(/^🧾 Big Bazaar · ₹1,245\.50 · Sat 28 Feb · .+ — save it\? yes \/ no \/ edit/);
    expect(await ledger()).toEqual([]);
    expect((await send(b, 'yes')).replies).toMatch(/^✅ ₹1,245\.50 · .*Big Bazaar/);
    const rows = await ledger();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ amountMinor: 124550, currency: 'INR', merchant: 'Big Bazaar', date: '2026-02-28', source: 'receipt' });
    // A second yes has nothing waiting: no double.
    await send(b, 'yes');
    expect(await ledger()).toHaveLength(1);
  });

  it('is dropped on no', async () => {
    const b = bot(new FakeOcr({ text: BILL }));
    await send(b, photo());
    expect((await send(b, 'no')).replies).not.toMatch(/✅/);
    await send(b, 'yes');
    expect(await ledger()).toEqual([]);
  });

  it('is corrected by "no, 1,254", shown again, and recorded with the correction', async () => {
    const b = bot(new FakeOcr({ text: BILL }));
    await send(b, photo());
    expect((await send(b, 'no, 1,254')).replies).toMatch(/₹1,254/);
    expect(await ledger()).toEqual([]);
    await send(b, 'yes');
    expect((await ledger())[0]).toMatchObject({ amountMinor: 125400, merchant: 'Big Bazaar' });
  });

  it('answers "edit" with how to correct it, keeping the draft', async () => {
    const b = bot(new FakeOcr({ text: BILL }));
    await send(b, photo());
    expect((await send(b, 'edit')).replies).toMatch(/no, 1,254/);
    await send(b, 'yes');
    expect(await ledger()).toHaveLength(1);
  });

  it('takes what it was from the caption', async () => {
    const b = bot(new FakeOcr({ text: 'Punjab Grill\nTable 4\nSubtotal 2,400.00\nGST 5% 120.00\nGrand Total 2,520.00' }));
    const { replies } = await send(b, photo('lunch with team'));
    expect(replies).toMatch(/₹2,520 · .*Food/);
    await send(b, 'yes');
    expect((await ledger())[0]).toMatchObject({ amountMinor: 252000, category: 'food', note: 'lunch with team' });
  });
});

describe('a caption with an amount', () => {
  it('wins over the amount OCR read, keeping the merchant and date of the receipt', async () => {
    const b = bot(new FakeOcr({ text: BILL }));
    expect((await send(b, photo('groceries 1300'))).replies).toMatch(/^🧾 Big Bazaar · ₹1,300 · Sat 28 Feb/);
  });

  it('still makes a draft when the picture holds no readable total', async () => {
    const b = bot(new FakeOcr({ text: 'blurry nothing' }));
    expect((await send(b, photo('taxi 450'))).replies).toMatch(/₹450/);
    await send(b, 'yes');
    expect((await ledger())[0]).toMatchObject({ amountMinor: 45000, note: 'taxi 450' });
  });
});

describe('pictures that go wrong', () => {
  it('says honestly when a picture holds no receipt, and records nothing', async () => {
    const b = bot(new FakeOcr({ text: 'Happy birthday!' }));
    expect((await send(b, photo())).replies).toMatch(/couldn't find a total/);
    await send(b, 'yes');
    expect(await ledger()).toEqual([]);
  });

  it('answers a broken image, a timeout, a busy engine and a missing engine', async () => {
    expect((await send(bot(new FakeOcr({ fail: new MunshiError('bad_input', 'not an image') })), photo())).replies).toMatch(/couldn't open that file/);
    expect((await send(bot(new FakeOcr({ fail: new MunshiError('timeout', 'slow') })), photo())).replies).toMatch(/took too long/);
    expect((await send(bot(new FakeOcr({ fail: new MunshiError('unavailable', 'busy: 4 waiting') })), photo())).replies).toMatch(/still reading earlier receipts/);
    expect((await send(bot(new FakeOcr({ unavailable: 'no data' })), photo())).replies).toMatch(/isn't available/);
    expect((await send(bot(null), photo())).replies).toMatch(/aren't set up/);
    expect(await ledger()).toEqual([]);
  });

  it('says it is reading when OCR takes longer than the progress delay', async () => {
    const b = bot(new FakeOcr({ text: BILL, delayMs: 60 }), 10);
    const { interim, replies } = await send(b, photo());
    expect(interim).toEqual([READING]);
    expect(replies).toMatch(/save it\?/);
    const fast = bot(new FakeOcr({ text: BILL }), 1000);
    expect((await send(fast, photo())).interim).toEqual([]);
  });
});
