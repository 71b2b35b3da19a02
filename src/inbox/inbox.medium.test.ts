/** The inbox/outbox repository contract, on SQLite and on the in-memory fake. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryRepositories, openRepositories, type Repositories } from '../app/repositories.js';
import type { InboundMessage } from '../core/types.js';

const backends: [string, () => Promise<Repositories>][] = [
  ['sqlite', () => openRepositories(':memory:')],
  ['memory', async () => memoryRepositories()],
];
const msg = (id: string, p: Partial<InboundMessage> = {}): InboundMessage => ({ id, chatId: 'me@c.us', senderId: 'me', owner: 'me', text: 'chai 20', timestamp: new Date('2026-01-15T10:00:00Z'), ...p });

describe.each(backends)('inbox repository (%s)', (_name, open) => {
  let r: Repositories;
  beforeEach(async () => {
    r = await open();
  });
  afterEach(() => r.close());

  it('takes a message once, claims it while unfinished, and finishes it', async () => {
    expect(await r.inbox.insert(msg('a'), '2026-01-15T10:00:01Z')).toBe(true);
    expect(await r.inbox.insert(msg('a'), '2026-01-15T10:00:02Z')).toBe(false);
    expect(await r.inbox.get('a')).toMatchObject({ status: 'pending', attempts: 0, handledAt: null, owner: 'me', messageAt: '2026-01-15T10:00:00.000Z' });
    expect(await r.inbox.claim('a', 't1')).toMatchObject({ status: 'processing', attempts: 1 });
    expect(await r.inbox.claim('a', 't2')).toMatchObject({ attempts: 2 });
    expect((await r.inbox.unfinished()).map((e) => e.id)).toEqual(['a']);
    await r.inbox.finish('a', 'done', 't3');
    expect(await r.inbox.claim('a', 't4')).toBeNull();
    expect(await r.inbox.unfinished()).toEqual([]);
    expect(await r.inbox.get('nope')).toBeNull();
  });

  it('stores replies in order with the message handled, sends them once, and counts', async () => {
    await r.inbox.insert(msg('a'), 't0');
    await r.inbox.saveReplies('a', 'me@c.us', [{ text: 'one' }, { text: 'two', image: { png: Buffer.from([1, 2]), caption: 'c' } }], 't1');
    const extra = await r.inbox.addOutbound('a', 'me@c.us', { text: 'three' }, 't2');
    expect(extra.seq).toBe(2);
    expect((await r.inbox.get('a'))!.handledAt).toBe('t1');
    const unsent = await r.inbox.unsent('a');
    expect(unsent.map((o) => [o.seq, o.text, o.image?.length ?? null])).toEqual([[0, 'one', null], [1, 'two', 2], [2, 'three', null]]);
    await r.inbox.markSent(unsent[0]!.id, 'wa-1', 't3');
    await r.inbox.markSendFailed(unsent[1]!.id, 'offline');
    expect((await r.inbox.unsent()).map((o) => [o.text, o.attempts, o.lastError])).toEqual([['two', 1, 'offline'], ['three', 0, null]]);
    await r.inbox.addOutbound(null, 'me@c.us', { text: 'summary' }, 't4');
    expect((await r.inbox.unsent(null)).map((o) => o.text)).toEqual(['summary']);
    expect(await r.inbox.stats()).toMatchObject({ pending: 1, replies: 4, unsent: 3 });
  });

  it('recognizes its own replies coming back, by id or by text in the window', async () => {
    await r.inbox.insert(msg('a'), 't0');
    await r.inbox.saveReplies('a', 'me@c.us', [{ text: '✅ ₹20 · Food › Tea · today' }], '2026-01-15T10:00:05Z');
    const [o] = await r.inbox.unsent();
    await r.inbox.markSent(o!.id, 'wa-99', '2026-01-15T10:00:06Z');
    expect(await r.inbox.isOwnReply({ id: 'wa-99', chatId: 'x', text: 'anything' }, '2026-01-15T09:59:00Z')).toBe(true);
    expect(await r.inbox.isOwnReply({ id: 'new', chatId: 'me@c.us', text: ' ✅ ₹20 · Food › Tea · today ' }, '2026-01-15T09:59:00Z')).toBe(true);
    expect(await r.inbox.isOwnReply({ id: 'new', chatId: 'me@c.us', text: '✅ ₹20 · Food › Tea · today' }, '2026-01-15T10:01:00Z')).toBe(false);
    expect(await r.inbox.isOwnReply({ id: 'new', chatId: 'other', text: '✅ ₹20 · Food › Tea · today' }, '2026-01-15T09:59:00Z')).toBe(false);
  });

  it('knows the chat an owner last wrote from', async () => {
    expect(await r.inbox.lastChatOf('me')).toBeNull();
    await r.inbox.insert(msg('a', { chatId: 'self@c.us' }), '2026-01-15T10:00:00Z');
    await r.inbox.insert(msg('b', { chatId: 'munshi@c.us' }), '2026-01-15T11:00:00Z');
    await r.inbox.insert(msg('c', { chatId: 'x', owner: 'mom' }), '2026-01-15T12:00:00Z');
    expect(await r.inbox.lastChatOf('me')).toBe('munshi@c.us');
  });

  it('reports the latest error', async () => {
    await r.inbox.insert(msg('a'), 't0');
    await r.inbox.finish('a', 'failed', '2026-01-15T10:00:00Z', 'boom');
    expect((await r.inbox.stats()).lastError).toEqual({ at: '2026-01-15T10:00:00Z', error: 'boom' });
  });
});
