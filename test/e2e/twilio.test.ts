/**
 * munshi on Twilio's WhatsApp API, end to end: createApp as `npm start` builds it with
 * MUNSHI_TRANSPORT=twilio, its real webhook server on 127.0.0.1 (behind a pretend proxy whose public
 * URL Twilio signs), the real Twilio client talking to a fake Twilio server, the real pipeline and
 * bot, a real SQLite ledger in a temp dir. Webhooks are signed as Twilio signs them, or not.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../../src/clock/clock.js';
import { loadConfig } from '../../src/config/config.js';
import { memoryLogger } from '../../src/logging/logger.js';
import { createApp, type App } from '../../src/main.js';
import { postTwilioWebhook, startFakeTwilio, twilioInbound, type FakeTwilio } from '../../src/transport/twilio/fake-twilio.js';
import { twilioSignature } from '../../src/transport/webhook/signature.js';
import { FakeTranscriber } from '../../src/voice/fake-transcriber.js';
import { CHAT_SCRIPT, SCRIPT_LEDGER, SCRIPT_NOW } from './chat-script.js';

const SID = 'AC' + '0123456789abcdef'.repeat(2);
const TOKEN = 'twilio-auth-token-for-tests';
const SANDBOX = '14155238886';
const MOM = '919800000002';
const DAD = '919800000003';
const STRANGER = '919800000099';
const PUBLIC = 'https://munshi.example.com';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(cond: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

interface Booted {
  app: App;
  twilio: FakeTwilio;
  clock: FakeClock;
  hook: string;
  publicHook: string;
  transcriber: FakeTranscriber;
  say(from: string, body: string, extra?: { sid?: string; media?: { url: string; contentType: string }[] }): Promise<{ status: number; text: string; contentType: string | null }>;
  settle(): Promise<void>;
  bodies(): string[];
}

let n = 0;
const nextSid = () => `SM${String(++n).padStart(32, 'a')}`;

async function boot(env: Record<string, string> = {}, opts: { publicUrl?: string; port?: number } = {}): Promise<Booted> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-twilio-e2e-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const twilio = await startFakeTwilio({ accountSid: SID, authToken: TOKEN });
  cleanups.push(() => twilio.close());
  const publicUrl = opts.publicUrl ?? PUBLIC;
  const config = loadConfig({
    MUNSHI_DATA_DIR: dataDir,
    MUNSHI_TRANSPORT: 'twilio',
    MUNSHI_WEBHOOK_PORT: String(opts.port ?? 0),
    MUNSHI_PUBLIC_URL: publicUrl,
    MUNSHI_ACCESS_MODE: 'allowlist',
    MUNSHI_ALLOWLIST: `+${MOM},+${DAD}`,
    MUNSHI_TWILIO_ACCOUNT_SID: SID,
    MUNSHI_TWILIO_AUTH_TOKEN: TOKEN,
    MUNSHI_TWILIO_FROM: `whatsapp:+${SANDBOX}`,
    MUNSHI_TWILIO_API_URL: twilio.url,
    MUNSHI_LLM: 'off',
    ...env,
  });
  const clock = new FakeClock(SCRIPT_NOW);
  const transcriber = new FakeTranscriber();
  const app = await createApp({ config, logger: memoryLogger(), clock, transcriber });
  await app.start();
  cleanups.push(() => app.stop());
  const hook = `${app.webhookUrl()}/webhooks/twilio`;
  const publicHook = `${publicUrl}/webhooks/twilio`;
  return {
    app,
    twilio,
    clock,
    hook,
    publicHook,
    transcriber,
    say: (from, body, extra = {}) =>
      postTwilioWebhook(hook, twilioInbound({ accountSid: SID, sid: extra.sid ?? nextSid(), from, to: SANDBOX, body, media: extra.media }), { authToken: TOKEN, signedUrl: publicHook }),
    settle: async () => {
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, 20));
        await app.pipeline.drain();
      }
    },
    bodies: () => twilio.sent().map((f) => f.Body ?? `[${f.ContentSid}]`),
  };
}

describe('munshi on Twilio’s WhatsApp API (fake Twilio, real everything else)', () => {
  it('passes the console’s chat script end to end, replies going out through the Messages API', async () => {
    const b = await boot();
    // Every HTTP request of this process: munshi's calls to the provider, and this test's webhooks.
    const fetches = vi.spyOn(globalThis, 'fetch');
    cleanups.push(() => fetches.mockRestore());
    for (const step of CHAT_SCRIPT) {
      const r = await b.say(MOM, step.say);
      expect(r.status).toBe(200);
      expect(r.contentType).toMatch(/^text\/xml/);
      expect(r.text).toContain('<Response></Response>');
      await b.settle();
    }
    expect(b.bodies()).toHaveLength(CHAT_SCRIPT.length);
    CHAT_SCRIPT.forEach((step, i) => expect(b.bodies()[i], step.say).toMatch(step.reply));
    expect(b.twilio.sent().every((f) => f.To === `whatsapp:+${MOM}` && f.From === `whatsapp:+${SANDBOX}` && f.StatusCallback === `${PUBLIC}/webhooks/twilio/status`)).toBe(true);
    const ledger = await b.app.services.repos.expenses.between({ owner: MOM });
    expect(ledger.map((e) => [e.amountMinor, e.category])).toEqual(SCRIPT_LEDGER);
    expect(await b.app.services.repos.inbox.stats()).toMatchObject({ done: CHAT_SCRIPT.length, pending: 0, failed: 0, unsent: 0 });
    // Nothing but the provider's API (and the webhook this test posts to) was contacted.
    const origins = new Set(fetches.mock.calls.map(([u]) => new URL(u instanceof Request ? u.url : String(u)).origin));
    expect([...origins].sort()).toEqual([new URL(b.twilio.url).origin, new URL(b.hook).origin].sort());
  });

  it('records a redelivered webhook once and replies once', async () => {
    const b = await boot();
    const sid = nextSid();
    for (let i = 0; i < 3; i++) {
      expect((await b.say(MOM, 'sabzi 120', { sid })).status).toBe(200);
      await b.settle();
    }
    expect(b.bodies()).toHaveLength(1);
    expect(await b.app.services.repos.expenses.count()).toBe(1);
  });

  it('refuses unsigned, wrongly signed, tampered, truncated and oversized webhooks, storing and sending nothing', async () => {
    const b = await boot();
    const fields = twilioInbound({ accountSid: SID, sid: nextSid(), from: MOM, to: SANDBOX, body: 'chai 20' });
    const good = twilioSignature(TOKEN, b.publicHook, fields);
    const body = new URLSearchParams(fields).toString();
    const tampered = fields.map(([k, v]) => [k, k === 'Body' ? 'chai 90' : v] as [string, string]);
    const cases: [string, Promise<{ status: number }>, number][] = [
      ['unsigned', postTwilioWebhook(b.hook, fields), 401],
      ['wrong auth token', postTwilioWebhook(b.hook, fields, { authToken: 'not-the-token', signedUrl: b.publicHook }), 401],
      ['signed for the local address, not the public URL', postTwilioWebhook(b.hook, fields, { authToken: TOKEN }), 401],
      ['signed for another path', postTwilioWebhook(b.hook, fields, { authToken: TOKEN, signedUrl: `${PUBLIC}/other` }), 401],
      ['tampered body', postTwilioWebhook(b.hook, tampered, { signature: good }), 401],
      ['a field dropped', postTwilioWebhook(b.hook, fields.filter(([k]) => k !== 'ProfileName'), { signature: good }), 401],
      ['truncated body', postTwilioWebhook(b.hook, fields, { signature: good, body: body.slice(0, -12) }), 401],
      ['garbage signature', postTwilioWebhook(b.hook, fields, { signature: 'x' }), 401],
      ['1 MB body', postTwilioWebhook(b.hook, [...fields, ['Pad', 'x'.repeat(1024 * 1024)]], { authToken: TOKEN, signedUrl: b.publicHook }), 413],
    ];
    for (const [name, p, expected] of cases) expect((await p).status, name).toBe(expected);
    // Signed but not a message at all.
    expect((await postTwilioWebhook(b.hook, [['Hello', 'world']], { authToken: TOKEN, signedUrl: b.publicHook })).status).toBe(400);
    await b.settle();
    expect(await b.app.services.repos.inbox.stats()).toMatchObject({ pending: 0, processing: 0, done: 0, failed: 0, replies: 0 });
    expect(await b.app.services.repos.expenses.count()).toBe(0);
    expect(b.twilio.calls).toEqual([]);
    expect((await fetch(b.hook)).status).toBe(405);
  });

  it('never answers or records a stranger, another account, an SMS or a location', async () => {
    const b = await boot();
    const post = (f: [string, string][]) => postTwilioWebhook(b.hook, f, { authToken: TOKEN, signedUrl: b.publicHook });
    expect((await b.say(STRANGER, 'chai 20')).status).toBe(200);
    expect((await post(twilioInbound({ accountSid: 'AC' + 'f'.repeat(32), sid: nextSid(), from: MOM, to: SANDBOX, body: 'chai 20' }))).status).toBe(200);
    const sms = twilioInbound({ accountSid: SID, sid: nextSid(), from: MOM, to: SANDBOX, body: 'chai 20' }).map(([k, v]) => [k, k === 'From' ? `+${MOM}` : v] as [string, string]);
    expect((await post(sms)).status).toBe(200);
    const location = twilioInbound({ accountSid: SID, sid: nextSid(), from: MOM, to: SANDBOX, body: '' }).map(([k, v]) => [k, k === 'MessageType' ? 'location' : v] as [string, string]);
    expect((await post([...location, ['Latitude', '19.07'], ['Longitude', '72.87']])).status).toBe(200);
    await b.settle();
    expect(b.twilio.calls).toEqual([]);
    expect(await b.app.services.repos.expenses.count()).toBe(0);
  });

  it('downloads a voice note from its media URL and records what was said', async () => {
    const b = await boot();
    const sid = nextSid();
    const audio = Buffer.from('OggS\0fake opus voice note from twilio');
    const url = b.twilio.addMedia(sid, 'ME' + '1'.repeat(32), audio, 'audio/ogg');
    b.transcriber.push('auto 80');
    await b.say(MOM, '', { sid, media: [{ url, contentType: 'audio/ogg' }] });
    await until(async () => (await b.app.services.repos.expenses.count()) === 1);
    await b.settle();
    expect(b.transcriber.calls).toEqual([{ bytes: audio.length, mimeType: 'audio/ogg' }]);
    expect(b.twilio.calls.some((c) => c.method === 'GET' && c.path.includes('/Media/') && c.status === 200)).toBe(true);
    expect((await b.app.services.repos.expenses.between({ owner: MOM }))[0]).toMatchObject({ amountMinor: 8000, source: 'voice' });
  });

  it('fetches a photo from Twilio only, and not from a URL elsewhere', async () => {
    const b = await boot();
    const sid = nextSid();
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 9]);
    const url = b.twilio.addMedia(sid, 'ME' + '2'.repeat(32), jpeg, 'image/jpeg');
    await b.say(MOM, 'dmart', { sid, media: [{ url, contentType: 'image/jpeg' }] });
    await b.settle();
    const media = await b.app.transport.fetchMedia!(`${MOM}@c.us`, sid);
    expect(await media!.download()).toEqual(jpeg);
    const elsewhere = nextSid();
    await b.say(MOM, '', { sid: elsewhere, media: [{ url: 'http://127.0.0.2:9/evil.jpg', contentType: 'image/jpeg' }] });
    await b.settle();
    const bad = await b.app.transport.fetchMedia!(`${MOM}@c.us`, elsewhere);
    await expect(bad!.download()).rejects.toThrow(/not the Twilio API/);
  });

  it('sends a chart by a one-time URL that Twilio fetches', async () => {
    const port = await freePort();
    const b = await boot({}, { port, publicUrl: `http://127.0.0.1:${port}` });
    await b.say(MOM, 'chai 20');
    await b.settle();
    const png = Buffer.from('\x89PNG\r\n\x1a\nfake chart');
    await b.app.transport.sendImage(`${MOM}@c.us`, png, 'This week');
    const call = b.twilio.calls.find((c) => c.form?.MediaUrl);
    expect(call?.form).toMatchObject({ Body: 'This week', To: `whatsapp:+${MOM}` });
    expect(call?.form?.MediaUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/webhooks/twilio/media/[\\w-]{32}\\.png$`));
    expect(call?.fetchedMedia).toEqual({ status: 200, bytes: png.length, contentType: 'image/png' });
    expect((await fetch(`http://127.0.0.1:${port}/webhooks/twilio/media/guessed.png`)).status).toBe(404);
  });

  it('outside the 24-hour window sends only the content template', async () => {
    const b = await boot({ MUNSHI_TWILIO_TEMPLATE_SID: 'HX' + 'a'.repeat(32) });
    await b.say(MOM, 'chai 20');
    await b.settle();
    b.clock.advance(25 * 3_600_000);
    await b.app.pipeline.sendUnprompted(`${MOM}@c.us`, { text: 'This week: ₹20\nFood ₹20' });
    await b.settle();
    const last = b.twilio.sent().at(-1)!;
    expect(last).toMatchObject({ ContentSid: 'HX' + 'a'.repeat(32), ContentVariables: JSON.stringify({ 1: 'This week: ₹20 · Food ₹20' }) });
    expect(last.Body).toBeUndefined();
    // Without a template the message waits in the outbox instead of being lost or sent wrongly.
    const c = await boot();
    c.twilio.closedWindows.add(DAD);
    await c.app.pipeline.sendUnprompted(`${DAD}@c.us`, { text: 'Weekly summary' });
    await c.settle();
    expect(c.twilio.sent()).toEqual([]);
    expect((await c.app.services.repos.inbox.stats()).unsent).toBe(1);
  });

  it('resends as the template when a signed status callback reports the closed window, and ignores an unsigned one', async () => {
    const b = await boot({ MUNSHI_TWILIO_TEMPLATE_SID: 'HX' + 'b'.repeat(32) });
    await b.app.pipeline.sendUnprompted(`${DAD}@c.us`, { text: 'Budget alert: food 90%' });
    await b.settle();
    const sid = b.twilio.calls.find((c) => c.status === 201)!.sid!;
    const status: [string, string][] = [
      ['MessageSid', sid],
      ['MessageStatus', 'undelivered'],
      ['ErrorCode', '63016'],
      ['AccountSid', SID],
      ['To', `whatsapp:+${DAD}`],
      ['From', `whatsapp:+${SANDBOX}`],
    ];
    const statusHook = `${b.hook}/status`;
    expect((await postTwilioWebhook(statusHook, status)).status).toBe(401);
    await b.settle();
    expect(b.twilio.sent()).toHaveLength(1);
    expect((await postTwilioWebhook(statusHook, status, { authToken: TOKEN, signedUrl: `${b.publicHook}/status` })).status).toBe(200);
    await until(() => b.twilio.sent().length === 2);
    expect(b.twilio.sent()[1]).toMatchObject({ ContentSid: 'HX' + 'b'.repeat(32), To: `whatsapp:+${DAD}` });
  });

  it('keeps a reply in the outbox while Twilio is down and sends it once on recovery', async () => {
    const b = await boot();
    b.twilio.failNextSends(10);
    await b.say(MOM, 'auto 80');
    await b.settle();
    expect(b.bodies()).toEqual([]);
    expect((await b.app.services.repos.inbox.stats()).unsent).toBe(1);
    b.twilio.failNextSends(0);
    await b.app.pipeline.recover();
    await b.settle();
    expect(b.bodies()).toHaveLength(1);
    expect(await b.app.services.repos.expenses.count()).toBe(1);
  });
});

describe('configuration of the Twilio transport', () => {
  it('names each missing setting', () => {
    expect(() => loadConfig({ MUNSHI_TRANSPORT: 'twilio', MUNSHI_ACCESS_MODE: 'allowlist', MUNSHI_ALLOWLIST: MOM })).toThrow(
      /MUNSHI_TWILIO_ACCOUNT_SID: required.*MUNSHI_TWILIO_AUTH_TOKEN.*MUNSHI_TWILIO_FROM.*MUNSHI_PUBLIC_URL/,
    );
    expect(() => loadConfig({ MUNSHI_TWILIO_ACCOUNT_SID: 'nope' })).toThrow(/MUNSHI_TWILIO_ACCOUNT_SID="nope"/);
  });
});
