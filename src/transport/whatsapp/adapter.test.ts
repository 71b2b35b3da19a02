import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../clock/clock.js';
import type { InboundMessage } from '../../core/types.js';
import { memoryLogger } from '../../logging/logger.js';
import type { AccessPolicy } from '../access.js';
import { WhatsAppTransport, type WhatsAppOptions } from './adapter.js';
import type { ClientSettings } from './client.js';
import { fakeClientFactory, type FakeClientOptions } from './fake-client.js';

const account = { pn: '919800000001@c.us', lid: '111122223333444@lid' };
const MOM = '919800000002';
const settings: ClientSettings = {
  sessionDir: '/nonexistent',
  chromiumPath: '/usr/bin/chromium',
  headless: true,
  webVersion: '2.3000.1',
  webVersionCache: 'none',
  webVersionUrl: 'https://x/{version}',
  webCacheDir: '/nonexistent',
  pairingPhone: undefined,
};
const selfPolicy: AccessPolicy = { mode: 'self', allowlist: [], ledgerMode: 'per_person', householdOwner: 'me', groupPrefix: 'munshi' };

const running: WhatsAppTransport[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((t) => t.stop()));
});

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function setup(fake: Partial<FakeClientOptions> | ((n: number) => Partial<FakeClientOptions>) = {}, o: Partial<WhatsAppOptions> = {}) {
  const factory = fakeClientFactory((n) => ({ account, ...(typeof fake === 'function' ? fake(n) : fake) }));
  const logger = memoryLogger();
  const got: InboundMessage[] = [];
  const statuses: unknown[] = [];
  let readyCount = 0;
  const t = new WhatsAppTransport({
    settings,
    access: selfPolicy,
    factory,
    clock: systemClock,
    random: () => 0,
    logger,
    watchdogMs: 0,
    restartMs: 0,
    retryMaxMs: 50,
    retryBaseMs: 10,
    onStatus: (e) => statuses.push(e),
    onReady: () => readyCount++,
    ...o,
  });
  running.push(t);
  return {
    t,
    factory,
    logger,
    got,
    statuses,
    ready: () => readyCount,
    start: async () => {
      await t.start(async (m) => void got.push(m));
      await until(() => t.currentState === 'connected');
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('WhatsAppTransport on the fake client', () => {
  it('delivers the owner’s self-chat message from message_create, with the owner and the @lid account known', async () => {
    const s = setup();
    await s.start();
    expect([...s.t.identity.ids].sort()).toEqual([account.lid, account.pn].sort());
    const wa = s.factory.current().selfMessage('chai 20');
    await tick();
    expect(s.got).toHaveLength(1);
    expect(s.got[0]).toMatchObject({ id: wa.id._serialized, chatId: account.pn, senderId: 'me', owner: 'me', text: 'chai 20' });
    expect(s.got[0]!.timestamp.getTime()).toBe(wa.timestamp * 1000);
    expect(s.ready()).toBe(1);
  });

  it('delivers the self chat addressed by @lid', async () => {
    const s = setup();
    await s.start();
    s.factory.current().selfMessage('petrol 500', { viaLid: true });
    await tick();
    expect(s.got.map((m) => [m.chatId, m.text])).toEqual([[account.lid, 'petrol 500']]);
  });

  it('ignores strangers and the owner’s other chats, and groups unless addressed', async () => {
    const s = setup();
    await s.start();
    const c = s.factory.current();
    c.incoming({ from: '919800000099@c.us', body: 'chai 20' });
    c.build({ fromMe: true, chatId: MOM + '@c.us', author: account.pn, body: 'chai 20' });
    c.emit('message_create', c.build({ fromMe: true, chatId: MOM + '@c.us', author: account.pn, body: 'lunch 200' }));
    c.emit('message_create', c.build({ fromMe: true, chatId: '1203630001@g.us', author: account.pn, body: 'dinner 900' }));
    c.incoming({ from: MOM + '@c.us', group: '1203630001@g.us', body: 'munshi chai 20' });
    await tick();
    expect(s.got).toEqual([]);
    c.emit('message_create', c.build({ fromMe: true, chatId: '1203630001@g.us', author: account.pn, body: 'munshi dinner 900' }));
    await tick();
    expect(s.got.map((m) => [m.chatId, m.text, m.owner])).toEqual([['1203630001@g.us', 'dinner 900', 'me']]);
  });

  it('never reads its own replies, whether the echo carries the sent id, a new id, or overtakes the send', async () => {
    for (const fake of [{ echo: 'same_id' as const }, { echo: 'new_id' as const }, { echo: 'new_id' as const, echoFirst: true }]) {
      const s = setup(fake);
      await s.start();
      const sent = await s.t.sendText(account.pn, '✅ ₹20 · Food › Tea · today');
      await tick();
      expect(sent.id).toBe(s.factory.current().sent[0]!.id);
      expect(s.got).toEqual([]);
      await s.t.stop();
    }
  });

  it('delivers each message once although the library emits it on message and message_create', async () => {
    const s = setup({}, { access: { ...selfPolicy, mode: 'allowlist', allowlist: [MOM] } });
    await s.start();
    const m = s.factory.current().incoming({ from: MOM + '@c.us', body: 'chai 20' });
    await tick();
    s.factory.current().replay(m);
    await tick();
    expect(s.got.map((g) => [g.owner, g.text])).toEqual([[MOM, 'chai 20']]);
  });

  it('allow-list mode resolves an @lid sender to the allowed phone number', async () => {
    const s = setup({ lidToPhone: { '777777@lid': MOM } }, { access: { ...selfPolicy, mode: 'allowlist', allowlist: [MOM] } });
    await s.start();
    s.factory.current().incoming({ from: '777777@lid', body: 'auto 80' });
    s.factory.current().incoming({ from: '888888@lid', body: 'auto 80' });
    await tick();
    expect(s.got.map((g) => [g.chatId, g.owner])).toEqual([['777777@lid', MOM]]);
  });

  it('exposes voice notes and images as media with a lazy download', async () => {
    const s = setup();
    await s.start();
    const c = s.factory.current();
    c.selfMessage('', { type: 'ptt', media: { mimetype: 'audio/ogg; codecs=opus', data: Buffer.from('OggS-voice') } });
    c.selfMessage('', { type: 'sticker', media: { mimetype: 'image/webp', data: Buffer.from('x') } });
    await tick();
    expect(s.got).toHaveLength(1);
    expect(s.got[0]!.media).toMatchObject({ kind: 'voice', mimeType: 'audio/ogg; codecs=opus' });
    expect((await s.got[0]!.media!.download()).toString()).toBe('OggS-voice');
    const again = await s.t.fetchMedia(account.pn, s.got[0]!.id);
    expect((await again!.download()).toString()).toBe('OggS-voice');
  });

  it('sends typing state, images and reactions through the client', async () => {
    const s = setup();
    await s.start();
    const c = s.factory.current();
    await s.t.setTyping(account.pn, true);
    await s.t.setTyping(account.pn, false);
    await s.t.sendImage(account.pn, Buffer.from('png'), 'this week');
    await s.t.react(account.pn, 'msg-1', '✅');
    expect(c.typing).toEqual([{ chatId: account.pn, on: true }, { chatId: account.pn, on: false }]);
    expect(c.sent[0]).toMatchObject({ chatId: account.pn, text: 'this week', media: { mimetype: 'image/png', data: Buffer.from('png').toString('base64') } });
    expect(c.reactions).toEqual([{ messageId: 'msg-1', emoji: '✅' }]);
  });

  it('refuses to send while not connected', async () => {
    const s = setup({ init: 'qr' });
    await s.t.start(async () => {});
    await until(() => s.t.currentState === 'pairing');
    await expect(s.t.sendText(account.pn, 'hi')).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('shows the QR and the pairing code, then becomes ready when paired', async () => {
    const qrs: string[] = [];
    const codes: string[] = [];
    const s = setup((n) => ({ init: n === 0 ? 'qr' : 'code' }), { showQr: (q) => void qrs.push(q), showCode: (c) => void codes.push(c) });
    await s.t.start(async () => {});
    await until(() => qrs.length === 1);
    expect(qrs[0]).toMatch(/^2@fake-qr-/);
    s.factory.current().completePairing();
    await until(() => s.t.currentState === 'connected');
    expect(s.statuses).toContainEqual({ authenticated: true });
  });

  it('retries a failed page load with back-off, destroying each failed client first', async () => {
    const s = setup((n) => ({ init: n < 3 ? 'fail' : 'ready' }));
    await s.start();
    expect(s.t.currentState).toBe('connected');
    expect(s.factory.clients).toHaveLength(4);
    expect(s.factory.clients.slice(0, 3).every((c) => c.destroyed)).toBe(true);
    expect(s.factory.clients[3]!.destroyed).toBe(false);
    const retries = s.logger.records.filter((r) => /^cannot reach WhatsApp Web .*retrying in \d+ s$/.test(r.msg));
    expect(retries).toHaveLength(3);
    expect(s.statuses).toContainEqual({ error: expect.stringMatching(/ERR_NAME_NOT_RESOLVED/) });
  });

  it('reconnects after a disconnect', async () => {
    const s = setup();
    await s.start();
    s.factory.current().emit('disconnected', 'NAVIGATION');
    await until(() => s.factory.clients.length === 2 && s.t.currentState === 'connected');
    expect(s.factory.clients[0]!.destroyed).toBe(true);
    expect(s.ready()).toBe(2);
    // Events of the old client no longer count.
    s.factory.clients[0]!.selfMessage('chai 20');
    await tick();
    expect(s.got).toEqual([]);
  });

  it('tells the factory how each launch ended, so it can choose the WhatsApp Web build', async () => {
    const s = setup((n) => ({ init: n === 0 ? 'fail' : 'ready' }));
    const outcomes: unknown[] = [];
    s.factory.prepare = async (_settings, previous) => {
      outcomes.push(previous);
      return outcomes.length === 1 ? 'no WhatsApp Web build is kept yet' : 'running WhatsApp Web 2.3000.7';
    };
    await s.start();
    s.factory.current().emit('disconnected', 'NAVIGATION');
    await until(() => s.factory.clients.length === 3 && s.t.currentState === 'connected');
    expect(outcomes).toEqual([
      undefined,
      { linked: false, reason: 'net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/' },
      // It linked before it disconnected: a build that once came up is not a build that failed.
      { linked: true, reason: 'disconnected: NAVIGATION' },
    ]);
    // The note is logged when it changes, not on every attempt.
    const notes = s.logger.records.filter((r) => /WhatsApp Web (build is kept|2\.3000\.7)/.test(r.msg)).map((r) => r.msg);
    expect(notes).toEqual(['no WhatsApp Web build is kept yet', 'running WhatsApp Web 2.3000.7']);
  });

  it('the watchdog restarts a client that hangs while loading or goes silent', async () => {
    const s = setup((n) => ({ init: n === 0 ? 'hang' : 'ready' }), { watchdogMs: 150, heartbeatMs: 30 });
    await s.start();
    expect(s.factory.clients).toHaveLength(2);
    expect(s.factory.clients[0]!.destroyed).toBe(true);
    // A connected client that answers the heartbeat is left alone…
    await new Promise((r) => setTimeout(r, 400));
    expect(s.factory.clients).toHaveLength(2);
    // …one whose page froze is restarted.
    s.factory.current().frozen = true;
    await until(() => s.factory.clients.length === 3 && s.t.currentState === 'connected');
    expect(s.logger.records.some((r) => /went silent/.test(r.msg))).toBe(true);
  });

  it('restarts Chromium periodically when configured', async () => {
    const s = setup({}, { restartMs: 100 });
    await s.start();
    await until(() => s.factory.clients.length >= 2 && s.t.currentState === 'connected');
    expect(s.factory.clients[0]!.destroyed).toBe(true);
  });

  it('stop() destroys the client, also in the middle of retrying', async () => {
    const s = setup({ init: 'fail' }, { retryMaxMs: 60_000, retryBaseMs: 60_000 });
    await s.t.start(async () => {});
    await until(() => s.t.currentState === 'retrying');
    const started = Date.now();
    await s.t.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(s.t.currentState).toBe('stopped');
    expect(s.factory.clients.every((c) => c.destroyed)).toBe(true);
  });
});
