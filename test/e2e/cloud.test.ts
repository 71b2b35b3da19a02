/**
 * munshi on the WhatsApp Cloud API, end to end: createApp as `npm start` builds it with
 * MUNSHI_TRANSPORT=cloud, its real webhook server on 127.0.0.1, the real Graph client talking to a
 * fake Graph API server, the real pipeline and bot, a real SQLite ledger in a temp dir. Webhooks
 * are signed as Meta signs them (HMAC-SHA256 of the raw body with the app secret), or not.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../../src/clock/clock.js';
import { loadConfig } from '../../src/config/config.js';
import { memoryLogger } from '../../src/logging/logger.js';
import { createApp, type App } from '../../src/main.js';
import { cloudNotification, postToWebhook, startFakeGraph, type CloudMessageSpec, type FakeGraph } from '../../src/transport/cloud/fake-graph.js';
import { metaSignature } from '../../src/transport/webhook/signature.js';
import { FakeTranscriber } from '../../src/voice/fake-transcriber.js';
import { CHAT_SCRIPT, SCRIPT_LEDGER, SCRIPT_NOW } from './chat-script.js';

const PHONE_ID = '106540352242922';
const TOKEN = 'EAAG-test-access-token';
const SECRET = 'app-secret-for-tests';
const VERIFY = 'verify-me-please';
const MOM = '919800000002';
const DAD = '919800000003';
const STRANGER = '919800000099';

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

interface Booted {
  app: App;
  graph: FakeGraph;
  clock: FakeClock;
  hook: string;
  transcriber: FakeTranscriber;
  post(messages: CloudMessageSpec[], opts?: { secret?: string; statuses?: Record<string, unknown>[] }): Promise<{ status: number; text: string }>;
  settle(): Promise<void>;
  texts(): string[];
}

async function boot(env: Record<string, string> = {}, opts: { dataDir?: string; graph?: FakeGraph } = {}): Promise<Booted> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-cloud-e2e-'));
  if (!opts.dataDir) cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const graph = opts.graph ?? (await startFakeGraph({ accessToken: TOKEN }));
  if (!opts.graph) cleanups.push(() => graph.close());
  const config = loadConfig({
    MUNSHI_DATA_DIR: dataDir,
    MUNSHI_TRANSPORT: 'cloud',
    MUNSHI_WEBHOOK_PORT: '0',
    MUNSHI_ACCESS_MODE: 'allowlist',
    MUNSHI_ALLOWLIST: `+${MOM},+${DAD}`,
    MUNSHI_CLOUD_PHONE_NUMBER_ID: PHONE_ID,
    MUNSHI_CLOUD_ACCESS_TOKEN: TOKEN,
    MUNSHI_CLOUD_APP_SECRET: SECRET,
    MUNSHI_CLOUD_VERIFY_TOKEN: VERIFY,
    MUNSHI_CLOUD_API_URL: graph.url,
    MUNSHI_LLM: 'off',
    ...env,
  });
  const clock = new FakeClock(SCRIPT_NOW);
  const transcriber = new FakeTranscriber();
  const app = await createApp({ config, logger: memoryLogger(), clock, transcriber });
  await app.start();
  cleanups.push(() => app.stop());
  const hook = `${app.webhookUrl()}/webhooks/cloud`;
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 20));
      await app.pipeline.drain();
    }
  };
  return {
    app,
    graph,
    clock,
    hook,
    transcriber,
    settle,
    post: (messages, o = {}) => postToWebhook(hook, JSON.stringify(cloudNotification(PHONE_ID, messages, o.statuses)), { appSecret: o.secret ?? SECRET }),
    texts: () => graph.sent().map((m) => (m.type === 'text' ? String((m.text as { body: string }).body) : `[${String(m.type)}]`)),
  };
}

let n = 0;
const msg = (from: string, text: string, clock: FakeClock, extra: Partial<CloudMessageSpec> = {}): CloudMessageSpec => ({
  from,
  id: `wamid.test.${++n}`,
  timestamp: Math.floor(clock.now().getTime() / 1000),
  text,
  ...extra,
});

describe('munshi on the WhatsApp Cloud API (fake Graph API, real everything else)', () => {
  it('answers Meta’s verification handshake only with the verify token', async () => {
    const b = await boot();
    const ok = await fetch(`${b.hook}?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`);
    expect([ok.status, await ok.text()]).toEqual([200, '1158201444']);
    const wrong = await fetch(`${b.hook}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444`);
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).not.toContain('1158201444');
    expect((await fetch(`${b.hook}?hub.challenge=1`)).status).toBe(403);
  });

  it('passes the console’s chat script end to end, replies going out through the Graph API', async () => {
    const b = await boot();
    // Every HTTP request of this process: munshi's calls to the provider, and this test's webhooks.
    const fetches = vi.spyOn(globalThis, 'fetch');
    cleanups.push(() => fetches.mockRestore());
    for (const step of CHAT_SCRIPT) {
      const r = await b.post([msg(MOM, step.say, b.clock)]);
      expect(r.status).toBe(200);
      await b.settle();
    }
    const sent = b.graph.sent();
    expect(sent).toHaveLength(CHAT_SCRIPT.length);
    CHAT_SCRIPT.forEach((step, i) => expect(b.texts()[i], step.say).toMatch(step.reply));
    expect(sent.every((m) => m.to === MOM && m.messaging_product === 'whatsapp' && m.recipient_type === 'individual')).toBe(true);
    expect(b.graph.calls.every((c) => c.authorization === `Bearer ${TOKEN}`)).toBe(true);
    const ledger = await b.app.services.repos.expenses.between({ owner: MOM });
    expect(ledger.map((e) => [e.amountMinor, e.category])).toEqual(SCRIPT_LEDGER);
    expect(await b.app.services.repos.inbox.stats()).toMatchObject({ done: CHAT_SCRIPT.length, pending: 0, failed: 0, unsent: 0 });
    // Nothing but the provider's API (and the webhook this test posts to) was contacted.
    const origins = new Set(fetches.mock.calls.map(([u]) => new URL(u instanceof Request ? u.url : String(u)).origin));
    expect([...origins].sort()).toEqual([new URL(b.graph.url).origin, new URL(b.hook).origin].sort());
    // Each message was marked read once it was in the inbox.
    expect(b.graph.calls.some((c) => c.json?.status === 'read' && String(c.json.message_id).startsWith('wamid.test.'))).toBe(true);
  });

  it('records a redelivered webhook once and replies once', async () => {
    const b = await boot();
    const body = JSON.stringify(cloudNotification(PHONE_ID, [msg(MOM, 'sabzi 120', b.clock)]));
    for (let i = 0; i < 3; i++) {
      expect((await postToWebhook(b.hook, body, { appSecret: SECRET })).status).toBe(200);
      await b.settle();
    }
    expect(b.texts()).toHaveLength(1);
    expect(await b.app.services.repos.expenses.count()).toBe(1);
  });

  it('refuses unsigned, wrongly signed, truncated, tampered and oversized webhooks, storing and sending nothing', async () => {
    const b = await boot();
    const body = JSON.stringify(cloudNotification(PHONE_ID, [msg(MOM, 'chai 20', b.clock)]));
    const cases: [string, Promise<{ status: number }>, number][] = [
      ['unsigned', postToWebhook(b.hook, body), 401],
      ['wrong secret', postToWebhook(b.hook, body, { appSecret: 'not-the-secret' }), 401],
      ['signature of another body', postToWebhook(b.hook, body, { signature: metaSignature(body.replace('chai 20', 'chai 21'), SECRET) }), 401],
      ['truncated body', postToWebhook(b.hook, body.slice(0, body.length - 7), { signature: metaSignature(body, SECRET) }), 401],
      ['tampered amount', postToWebhook(b.hook, body.replace('chai 20', 'chai 90'), { signature: metaSignature(body, SECRET) }), 401],
      ['sha1 instead of sha256', postToWebhook(b.hook, body, { signature: 'sha256=' + 'ab'.repeat(20) }), 401],
      ['garbage header', postToWebhook(b.hook, body, { signature: 'sha256=zz' }), 401],
      ['signed, not JSON', postToWebhook(b.hook, 'chai 20', { appSecret: SECRET }), 400],
      ['1 MB body', postToWebhook(b.hook, JSON.stringify({ object: 'whatsapp_business_account', pad: 'x'.repeat(1024 * 1024) }), { appSecret: SECRET }), 413],
    ];
    for (const [name, p, expected] of cases) expect((await p).status, name).toBe(expected);
    // Not even a signed but unread body slips through a streamed (chunked) upload of the same size.
    const chunked = await fetch(b.hook, {
      method: 'POST',
      headers: { 'x-hub-signature-256': metaSignature('x', SECRET) },
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < 64; i++) c.enqueue(new TextEncoder().encode('y'.repeat(16 * 1024)));
          c.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    await b.settle();
    expect(await b.app.services.repos.inbox.stats()).toMatchObject({ pending: 0, processing: 0, done: 0, failed: 0, replies: 0 });
    expect(await b.app.services.repos.expenses.count()).toBe(0);
    expect(b.graph.calls).toEqual([]);
    // Other methods and paths are refused too.
    expect((await fetch(b.hook, { method: 'PUT', body: '{}' })).status).toBe(405);
    expect((await fetch(`${b.app.webhookUrl()}/elsewhere`)).status).toBe(404);
  });

  it('never answers or records a stranger, another business number, a status or a sticker', async () => {
    const b = await boot();
    expect((await b.post([msg(STRANGER, 'chai 20', b.clock)])).status).toBe(200);
    const other = cloudNotification('999999999999', [msg(MOM, 'petrol 500', b.clock)]);
    expect((await postToWebhook(b.hook, JSON.stringify(other), { appSecret: SECRET })).status).toBe(200);
    expect((await b.post([], { statuses: [{ id: 'wamid.out.1', status: 'delivered', timestamp: '1', recipient_id: MOM }] })).status).toBe(200);
    expect((await b.post([msg(MOM, '', b.clock, { other: { type: 'sticker', value: { id: 'st1', mime_type: 'image/webp' } } })])).status).toBe(200);
    await b.settle();
    expect(b.graph.calls).toEqual([]);
    expect(await b.app.services.repos.expenses.count()).toBe(0);
    expect((await b.app.services.repos.inbox.stats()).done).toBe(0);
  });

  it('keeps each family member on their own ledger', async () => {
    const b = await boot();
    await b.post([msg(MOM, 'sabzi 120', b.clock), msg(DAD, 'petrol 500', b.clock)]);
    await b.settle();
    const rows = await b.app.services.repos.expenses.between({});
    expect(rows.map((e) => [e.owner, e.amountMinor]).sort()).toEqual([
      [MOM, 12000],
      [DAD, 50000],
    ].sort());
    expect(b.graph.sent().map((m) => m.to).sort()).toEqual([MOM, DAD]);
  });

  it('downloads a voice note through the media endpoint and records what was said', async () => {
    const b = await boot();
    const audio = Buffer.from('OggS\0fake opus voice note');
    b.graph.addMedia('media.voice.1', audio, 'audio/ogg; codecs=opus');
    b.transcriber.push('coffee 150');
    await b.post([msg(MOM, '', b.clock, { audio: { id: 'media.voice.1' } })]);
    await until(async () => (await b.app.services.repos.expenses.count()) === 1);
    await b.settle();
    expect(b.transcriber.calls).toEqual([{ bytes: audio.length, mimeType: 'audio/ogg; codecs=opus' }]);
    expect(b.graph.calls.map((c) => `${c.method} ${c.path}`)).toEqual(expect.arrayContaining(['GET /v23.0/media.voice.1', 'GET /media-files/media.voice.1']));
    const [e] = await b.app.services.repos.expenses.between({ owner: MOM });
    expect(e).toMatchObject({ amountMinor: 15000, source: 'voice' });
    expect(b.texts().at(-1)).toMatch(/₹150/);
  });

  it('fetches a photo through the media endpoint, also after a restart, and refuses a corrupted download', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-cloud-media-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const graph = await startFakeGraph({ accessToken: TOKEN });
    cleanups.push(() => graph.close());
    const first = await boot({}, { dataDir, graph });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    graph.addMedia('media.img.1', jpeg, 'image/jpeg');
    const sha256 = createHash('sha256').update(jpeg).digest('base64');
    const m = msg(MOM, '', first.clock, { image: { id: 'media.img.1', caption: 'dmart bill', sha256 } });
    await first.post([m]);
    await first.settle();
    expect(first.texts()).toHaveLength(1); // the bot's answer to a photo
    await first.app.stop();
    // A new process knows where the photo is, from the media references kept in the data dir.
    const second = await boot({}, { dataDir, graph });
    const media = await second.app.transport.fetchMedia!(`${MOM}@c.us`, m.id);
    expect(media).toMatchObject({ kind: 'image', mimeType: 'image/jpeg' });
    expect(await media!.download()).toEqual(jpeg);
    graph.addMedia('media.img.1', Buffer.from('something else'), 'image/jpeg');
    // The file behind the id changed: the hash Meta put in the webhook no longer matches.
    const again = await second.app.transport.fetchMedia!(`${MOM}@c.us`, m.id);
    await expect(again!.download()).rejects.toThrow(/does not match its SHA-256/);
    expect(await second.app.transport.fetchMedia!(`${MOM}@c.us`, 'wamid.unknown')).toBeNull();
  });

  it('takes a PDF bill as a document and refuses other files', async () => {
    const b = await boot();
    const pdf = Buffer.from('%PDF-1.4\n% fake bill\n');
    b.graph.addMedia('media.pdf.1', pdf, 'application/pdf');
    const bill = msg(MOM, '', b.clock, { other: { type: 'document', value: { id: 'media.pdf.1', mime_type: 'application/pdf', filename: 'bill.pdf' } } });
    const docx = msg(MOM, '', b.clock, { other: { type: 'document', value: { id: 'media.doc.1', mime_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', filename: 'x.docx' } } });
    expect((await b.post([bill, docx])).status).toBe(200);
    await b.settle();
    expect((await b.app.services.repos.inbox.get(bill.id))?.mediaKind).toBe('document');
    expect(await b.app.services.repos.inbox.get(docx.id)).toBeNull();
    const media = await b.app.transport.fetchMedia!(`${MOM}@c.us`, bill.id);
    expect(media?.kind).toBe('document');
    expect(await media!.download()).toEqual(pdf);
  });

  it('records a message Meta delivers days late (munshi was down) on its own date, and answers with the template', async () => {
    const b = await boot({ MUNSHI_CLOUD_TEMPLATE: 'munshi_update' });
    const threeDaysAgo = Math.floor(b.clock.now().getTime() / 1000) - 3 * 86_400;
    expect((await b.post([msg(MOM, 'petrol 500', b.clock, { timestamp: threeDaysAgo })])).status).toBe(200);
    await b.settle();
    const [e] = await b.app.services.repos.expenses.between({ owner: MOM });
    expect(e).toMatchObject({ amountMinor: 50000, date: '2026-01-12' });
    // Three days after the person wrote, WhatsApp takes only the template.
    expect(b.graph.sent()).toMatchObject([{ type: 'template', template: { name: 'munshi_update', components: [{ parameters: [{ text: expect.stringContaining('₹500') }] }] } }]);
  });

  it('outside the 24-hour window sends only the configured template, with the reply as its parameter', async () => {
    const b = await boot({ MUNSHI_CLOUD_TEMPLATE: 'munshi_update', MUNSHI_CLOUD_TEMPLATE_LANGUAGE: 'en_US' });
    await b.post([msg(MOM, 'chai 20', b.clock)]);
    await b.settle();
    b.clock.advance(25 * 3_600_000);
    await b.app.pipeline.sendUnprompted(`${MOM}@c.us`, { text: 'This week: ₹20\nFood ₹20' });
    await b.settle();
    const last = b.graph.sent().at(-1)!;
    expect(last).toMatchObject({
      to: MOM,
      type: 'template',
      template: { name: 'munshi_update', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'This week: ₹20 · Food ₹20' }] }] },
    });
    expect((await b.app.services.repos.inbox.stats()).unsent).toBe(0);
  });

  it('after a restart, falls back to the template when Meta says the window is closed, and keeps the message when there is none', async () => {
    const b = await boot({ MUNSHI_CLOUD_TEMPLATE: 'munshi_update' });
    b.graph.closedWindows.add(DAD);
    await b.app.pipeline.sendUnprompted(`${DAD}@c.us`, { text: 'Weekly summary' });
    await b.settle();
    const attempts = (g: FakeGraph) => g.calls.filter((x) => x.json && x.json.status !== 'read').map((x) => [x.json!.type, x.status]);
    expect(attempts(b.graph)).toEqual([
      ['text', 400],
      ['template', 200],
    ]);

    const c = await boot();
    c.graph.closedWindows.add(DAD);
    await c.app.pipeline.sendUnprompted(`${DAD}@c.us`, { text: 'Weekly summary' });
    await c.settle();
    expect(attempts(c.graph)).toEqual([['text', 400]]);
    expect((await c.app.services.repos.inbox.stats()).unsent).toBe(1);
  });

  it('resends as the template when a delivery status reports the closed window', async () => {
    const b = await boot({ MUNSHI_CLOUD_TEMPLATE: 'munshi_update' });
    await b.app.pipeline.sendUnprompted(`${DAD}@c.us`, { text: 'Budget alert: food 90%' });
    await b.settle();
    const [first] = b.graph.sent();
    const wamid = 'wamid.fake.out.1';
    expect(first).toMatchObject({ type: 'text' });
    await b.post([], { statuses: [{ id: wamid, status: 'failed', timestamp: '1', recipient_id: DAD, errors: [{ code: 131047, title: 'Re-engagement message' }] }] });
    await until(() => b.graph.sent().length === 2);
    expect(b.graph.sent()[1]).toMatchObject({ type: 'template', to: DAD });
  });

  it('keeps a reply in the outbox while the Graph API is down and sends it once on recovery', async () => {
    const b = await boot();
    b.graph.failNextSends(10);
    await b.post([msg(MOM, 'auto 80', b.clock)]);
    await b.settle();
    expect(b.texts()).toEqual([]);
    expect(await b.app.services.repos.expenses.count()).toBe(1);
    expect((await b.app.services.repos.inbox.stats()).unsent).toBe(1);
    b.graph.failNextSends(0);
    await b.app.pipeline.recover();
    await b.settle();
    expect(b.texts()).toHaveLength(1);
    expect(b.texts()[0]).toMatch(/₹80/);
    expect(await b.app.services.repos.expenses.count()).toBe(1);
  });

  it('sends a chart as an uploaded image', async () => {
    const b = await boot();
    await b.post([msg(MOM, 'chai 20', b.clock)]);
    await b.settle();
    const png = Buffer.from('\x89PNG\r\n\x1a\nfake');
    await b.app.transport.sendImage(`${MOM}@c.us`, png, 'This week');
    const upload = b.graph.calls.find((c) => c.upload);
    expect(upload?.upload).toEqual({ type: 'image/png', bytes: png.length, fileType: 'image/png' });
    expect(b.graph.sent().at(-1)).toMatchObject({ type: 'image', image: { id: expect.stringMatching(/^media\.fake\.up\./), caption: 'This week' } });
  });
});

describe('configuration of the Cloud API transport', () => {
  it('names each missing credential and refuses the self mode', () => {
    expect(() => loadConfig({ MUNSHI_TRANSPORT: 'cloud' })).toThrow(/MUNSHI_CLOUD_PHONE_NUMBER_ID: required.*MUNSHI_CLOUD_ACCESS_TOKEN.*MUNSHI_CLOUD_APP_SECRET.*MUNSHI_CLOUD_VERIFY_TOKEN.*MUNSHI_ACCESS_MODE/);
    expect(() => loadConfig({ MUNSHI_TRANSPORT: 'cloud', MUNSHI_CLOUD_PHONE_NUMBER_ID: 'abc' })).toThrow(/MUNSHI_CLOUD_PHONE_NUMBER_ID="abc"/);
  });
});
