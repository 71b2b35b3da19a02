import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/clock.js';
import type { InboundMessage, OutboundReply } from '../core/types.js';
import { memoryRepositories, openRepositories, type Repositories } from '../app/repositories.js';
import { memoryLogger } from '../logging/logger.js';
import { createPipeline, type MessageHandler, type Sender } from './pipeline.js';

// The pipeline over the real inbox and ledger in a SQLite file, and over the in-memory fakes: the
// same behaviour from both is what lets unit tests of services trust the fakes.
let dir: string;
let opened: Repositories;
let clock: FakeClock;
const backends: [string, () => Promise<Repositories>][] = [
  ['sqlite', () => openRepositories(path.join(dir, 'munshi.db'))],
  ['memory', async () => memoryRepositories()],
];

/** A tiny real handler: "<item> <amount>" is recorded through the ledger; it counts its calls. */
function ledgerHandler(db = () => opened.expenses): MessageHandler & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async handle(msg) {
      calls.push(msg.id);
      const m = /^(\w+) (\d+)$/.exec(msg.text);
      if (!m) return [{ text: '🤔' }];
      const { duplicate } = await db().record(
        [{ amountMinor: Number(m[2]) * 100, currency: 'INR', category: 'food', detail: null, item: m[1]!, merchant: null, note: null, date: '2026-01-15' }],
        { owner: msg.owner ?? msg.senderId, source: 'text', messageId: msg.id, now: clock.now().toISOString() },
      );
      return [{ text: `✅ ₹${m[2]} · ${m[1]}${duplicate ? ' (again)' : ''}` }];
    },
  };
}

function recordingSender(opts: { failTimes?: number } = {}): Sender & { sent: { chatId: string; text: string; id: string }[] } {
  const sent: { chatId: string; text: string; id: string }[] = [];
  let fails = opts.failTimes ?? 0;
  return {
    sent,
    async sendText(chatId, text) {
      if (fails > 0) {
        fails--;
        throw new Error('not connected');
      }
      const id = `true_${chatId}_SENT${sent.length + 1}`;
      sent.push({ chatId, text, id });
      return { id };
    },
    async sendImage(chatId, _png, caption) {
      const id = `true_${chatId}_IMG${sent.length + 1}`;
      sent.push({ chatId, text: caption ?? '', id });
      return { id };
    },
  };
}

function msg(id: string, text: string, p: Partial<InboundMessage> = {}): InboundMessage {
  return { id, chatId: 'me@c.us', senderId: 'me', owner: 'me', text, timestamp: clock.now(), ...p };
}

describe.each(backends)('pipeline (%s)', (_name, open) => {
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-inbox-'));
    opened = await open();
    clock = new FakeClock('2026-01-15T10:00:00Z');
  });
  afterEach(async () => {
    await opened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('records an accepted message once and sends its reply once', async () => {
    const bot = ledgerHandler();
    const sender = recordingSender();
    const p = createPipeline({ inbox: opened.inbox, bot, sender, clock, logger: memoryLogger(), maxAgeMs: 86_400_000 });
    expect(await p.accept(msg('m1', 'chai 20'))).toBe('accepted');
    await p.drain();
    expect(sender.sent.map((s) => s.text)).toEqual(['✅ ₹20 · chai']);
    expect(await opened.expenses.count()).toBe(1);
    expect(await opened.inbox.stats()).toMatchObject({ done: 1, pending: 0, processing: 0, unsent: 0 });
  });

  it('skips the same message delivered twice', async () => {
    const bot = ledgerHandler();
    const sender = recordingSender();
    const p = createPipeline({ inbox: opened.inbox, bot, sender, clock, logger: memoryLogger(), maxAgeMs: 86_400_000 });
    const results = await Promise.all([p.accept(msg('m1', 'chai 20')), p.accept(msg('m1', 'chai 20'))]);
    await p.drain();
    expect(results.sort()).toEqual(['accepted', 'duplicate']);
    expect(await p.accept(msg('m1', 'chai 20'))).toBe('duplicate');
    await p.drain();
    expect(bot.calls).toEqual(['m1']);
    expect(sender.sent).toHaveLength(1);
    expect(await opened.expenses.count()).toBe(1);
  });

  it('keeps the order messages were handed in, even in a burst (a reconnect catching up)', async () => {
    const bot = ledgerHandler();
    const p = createPipeline({ inbox: opened.inbox, bot, sender: recordingSender(), clock, logger: memoryLogger(), maxAgeMs: 86_400_000 });
    // Not awaited one by one: whatsapp-web.js fires its events back to back. Two chats, interleaved.
    const ids = Array.from({ length: 60 }, (_, i) => `b${String(i).padStart(2, '0')}`);
    const chatOf = (i: number) => (i % 3 === 0 ? 'me@lid' : 'me@c.us');
    const results = await Promise.all(ids.map((id, i) => p.accept(msg(id, `chai ${i + 1}`, { chatId: chatOf(i) }))));
    await p.drain();
    expect(results.every((r) => r === 'accepted')).toBe(true);
    expect(bot.calls.filter((id) => chatOf(ids.indexOf(id)) === 'me@c.us')).toEqual(ids.filter((_, i) => chatOf(i) === 'me@c.us'));
    expect(bot.calls.filter((id) => chatOf(ids.indexOf(id)) === 'me@lid')).toEqual(ids.filter((_, i) => chatOf(i) === 'me@lid'));
  });

  it('ignores history older than the window, with a log line', async () => {
    const logger = memoryLogger();
    const p = createPipeline({ inbox: opened.inbox, bot: ledgerHandler(), sender: recordingSender(), clock, logger, maxAgeMs: 24 * 3_600_000 });
    expect(await p.accept(msg('old', 'chai 20', { timestamp: new Date('2026-01-14T09:00:00Z') }))).toBe('too_old');
    expect(await p.accept(msg('recent', 'chai 20', { timestamp: new Date('2026-01-14T11:00:00Z') }))).toBe('accepted');
    await p.drain();
    expect(await opened.expenses.count()).toBe(1);
    expect(logger.records.some((r) => r.level === 'info' && /old message/.test(r.msg))).toBe(true);
  });

  it('recognizes its own reply by id and, within a minute, by text', async () => {
    const sender = recordingSender();
    const p = createPipeline({ inbox: opened.inbox, bot: ledgerHandler(), sender, clock, logger: memoryLogger(), maxAgeMs: 0 });
    await p.accept(msg('m1', 'chai 20'));
    await p.drain();
    const reply = sender.sent[0]!;
    expect(await p.accept(msg(reply.id, reply.text))).toBe('echo');
    expect(await p.accept(msg('echo-with-new-id', reply.text))).toBe('echo');
    expect(await p.accept(msg('other-chat', reply.text, { chatId: 'friend@c.us' }))).toBe('accepted');
    clock.advance(61_000);
    await p.drain();
    // A minute later the same text (under a new id) is the user's.
    expect(await p.accept(msg('later', reply.text))).toBe('accepted');
    await p.drain();
  });

  it('finishes, after a restart, a message written to the inbox before a crash, exactly once', async () => {
    // The crash: the inbox row was written, nothing else happened.
    await opened.inbox.insert(msg('m1', 'chai 20'), clock.now().toISOString());
    await opened.inbox.claim('m1', clock.now().toISOString()); // crashed mid-way: processing, 1 attempt
    const bot = ledgerHandler();
    const sender = recordingSender();
    const p = createPipeline({ inbox: opened.inbox, bot, sender, clock, logger: memoryLogger(), maxAgeMs: 86_400_000 });
    expect(await p.recover()).toEqual({ messages: 1, replies: 0 });
    expect(sender.sent.map((s) => s.text)).toEqual(['✅ ₹20 · chai']);
    expect(await opened.expenses.count()).toBe(1);
    // WhatsApp redelivers it after the reconnect: nothing happens.
    expect(await p.accept(msg('m1', 'chai 20'))).toBe('duplicate');
    expect(await p.recover()).toEqual({ messages: 0, replies: 0 });
    expect(bot.calls).toEqual(['m1']);
  });

  it('after a crash between storing the replies and sending them, sends them without asking the bot again', async () => {
    await opened.inbox.insert(msg('m1', 'chai 20'), clock.now().toISOString());
    await opened.inbox.saveReplies('m1', 'me@c.us', [{ text: 'first' }, { text: 'second' }], clock.now().toISOString());
    const bot = ledgerHandler();
    const sender = recordingSender();
    const p = createPipeline({ inbox: opened.inbox, bot, sender, clock, logger: memoryLogger(), maxAgeMs: 0 });
    await p.recover();
    expect(bot.calls).toEqual([]);
    expect(sender.sent.map((s) => s.text)).toEqual(['first', 'second']);
    await p.recover();
    expect(sender.sent).toHaveLength(2);
  });

  it('keeps a reply that could not be sent and sends it on recovery, never twice', async () => {
    const bot = ledgerHandler();
    const sender = recordingSender({ failTimes: 1 });
    const onErrors: string[] = [];
    const p = createPipeline({ inbox: opened.inbox, bot, sender, clock, logger: memoryLogger(), maxAgeMs: 0, onError: (e) => onErrors.push(e) });
    await p.accept(msg('m1', 'chai 20'));
    await p.drain();
    expect(sender.sent).toHaveLength(0);
    expect(await opened.inbox.stats()).toMatchObject({ pending: 1, unsent: 1 });
    expect(onErrors[0]).toMatch(/not connected/);
    await p.recover();
    await p.recover();
    expect(sender.sent.map((s) => s.text)).toEqual(['✅ ₹20 · chai']);
    expect(bot.calls).toEqual(['m1']);
    expect(await opened.inbox.stats()).toMatchObject({ done: 1, pending: 0, unsent: 0 });
  });

  it('gives up on a message that fails every time', async () => {
    const bot: MessageHandler = {
      handle: async () => {
        throw new Error('boom');
      },
    };
    const p = createPipeline({ inbox: opened.inbox, bot, sender: recordingSender(), clock, logger: memoryLogger(), maxAgeMs: 0, maxAttempts: 2 });
    await p.accept(msg('m1', 'chai 20'));
    await p.drain();
    expect(await opened.inbox.stats()).toMatchObject({ pending: 1 });
    await p.recover();
    expect(await opened.inbox.stats()).toMatchObject({ pending: 0, failed: 1, lastError: { error: 'boom' } });
    await p.recover();
    expect(await opened.inbox.stats()).toMatchObject({ failed: 1 });
  });

  it("keeps one sender's order across the forms of their chat, and lets other people through while one is slow", async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const bot: MessageHandler = {
      async handle(m) {
        if (m.text === 'slow') await gate;
        order.push(m.id);
        return [];
      },
    };
    const p = createPipeline({ inbox: opened.inbox, bot, sender: recordingSender(), clock, logger: memoryLogger(), maxAgeMs: 0 });
    // The owner's own chat arrives as the phone id and as the privacy id: one lane.
    await p.accept(msg('a1', 'slow', { chatId: '919800000001@c.us' }));
    await p.accept(msg('a2', 'fast', { chatId: '111122223333444@lid' }));
    await p.accept(msg('a3', 'fast', { chatId: '919800000001@c.us' }));
    await p.accept(msg('b1', 'fast', { chatId: 'b@c.us', senderId: 'b', owner: 'b' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual(['b1']);
    release();
    await p.drain();
    expect(order).toEqual(['b1', 'a1', 'a2', 'a3']);
  });

  it('sends interim and unprompted messages through the outbox', async () => {
    const bot: MessageHandler = {
      async handle(_m, io) {
        await io?.send?.({ text: '🎙️ transcribing…' });
        return [{ text: 'done' }];
      },
    };
    const sender = recordingSender();
    const p = createPipeline({ inbox: opened.inbox, bot, sender, clock, logger: memoryLogger(), maxAgeMs: 0 });
    await p.accept(msg('v1', ''));
    await p.drain();
    await p.sendUnprompted('me@c.us', { text: 'Weekly summary', image: { png: Buffer.from('png'), caption: 'chart' } } satisfies OutboundReply);
    expect(sender.sent.map((s) => s.text)).toEqual(['🎙️ transcribing…', 'done', 'chart']);
    expect(await opened.inbox.unsent()).toEqual([]);
    await p.recover();
    expect(sender.sent).toHaveLength(3);
  });

  it('stops accepting after stop()', async () => {
    const p = createPipeline({ inbox: opened.inbox, bot: ledgerHandler(), sender: recordingSender(), clock, logger: memoryLogger(), maxAgeMs: 0 });
    await p.stop(100);
    expect(await p.accept(msg('m1', 'chai 20'))).toBe('stopped');
  });
});
