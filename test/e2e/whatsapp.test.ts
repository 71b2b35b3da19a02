/**
 * The whole appliance on the fake whatsapp-web.js client: createApp (as `npm start` builds it) with
 * the real adapter, the real durable pipeline, the real bot and a real SQLite ledger in a temp dir.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { memoryLogger } from '../../src/logging/logger.js';
import { createApp, type App } from '../../src/main.js';
import { fakeClientFactory, type FakeClient, type FakeClientOptions } from '../../src/transport/whatsapp/fake-client.js';

const account = { pn: '919800000001@c.us', lid: '111122223333444@lid' };
const MOM = '919800000002';
const GROUP = '120363000000000001@g.us';

const apps: App[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.stop()));
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function until(cond: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function boot(env: Record<string, string> = {}, fake: Partial<FakeClientOptions> = {}, dir?: string) {
  const dataDir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-wa-e2e-'));
  if (!dir) dirs.push(dataDir);
  const config = loadConfig({ MUNSHI_DATA_DIR: dataDir, MUNSHI_WWEB_CACHE: 'none', MUNSHI_WEB: 'off', ...env });
  const factory = fakeClientFactory({ account, ...fake });
  const app = await createApp({ config, logger: memoryLogger(), clientFactory: factory, random: () => 0 });
  apps.push(app);
  await app.start();
  await until(() => app.status.current.state === 'connected');
  const client = (): FakeClient => factory.current();
  /** Waits until the pipeline is idle and the fake's echoes have come back and been dropped. */
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 30));
      await app.pipeline.drain();
    }
  };
  return { app, dataDir, client, settle, db: app.services.repos };
}

describe('munshi on WhatsApp (fake client, real everything else)', () => {
  it('records a self-chat expense once and replies once, never reading its own reply', async () => {
    const { client, settle, db } = await boot();
    client().selfMessage('chai 20');
    await settle();
    expect(client().sent).toHaveLength(1);
    expect(client().sent[0]!.chatId).toBe(account.pn);
    expect(client().sent[0]!.text).toMatch(/✅ ₹20/);
    const rows = await db.expenses.between({});
    expect(rows.map((e) => [e.owner, e.amountMinor])).toEqual([['me', 2000]]);
    // The echo of the reply came back through message_create and was dropped, not stored.
    expect(await db.inbox.stats()).toMatchObject({ done: 1, pending: 0, failed: 0, unsent: 0 });
  });

  it('drops echoes that come back with a new id too', async () => {
    const { client, settle, db } = await boot({}, { echo: 'new_id', echoFirst: true });
    client().selfMessage('petrol 500');
    await settle();
    expect(client().sent).toHaveLength(1);
    expect(await db.expenses.count()).toBe(1);
    expect((await db.inbox.stats()).done).toBe(1);
  });

  it('answers in the self chat addressed by @lid', async () => {
    const { client, settle, db } = await boot();
    client().selfMessage('auto 80', { viaLid: true });
    await settle();
    expect(client().sent.map((s) => s.chatId)).toEqual([account.lid]);
    expect(await db.expenses.count('me')).toBe(1);
  });

  it('ignores a stranger and the owner’s other chats: nothing stored, nothing sent', async () => {
    const { client, settle, db } = await boot();
    client().incoming({ from: '919800000099@c.us', body: 'chai 20' });
    client().emit('message_create', client().build({ fromMe: true, chatId: MOM + '@c.us', author: account.pn, body: 'lunch 200' }));
    await settle();
    expect(client().sent).toEqual([]);
    expect(client().typing).toEqual([]);
    expect(await db.expenses.count()).toBe(0);
    expect(await db.inbox.stats()).toMatchObject({ done: 0, pending: 0 });
  });

  it('in allow-list mode, answers family members on their own ledgers and groups only when addressed', async () => {
    const { client, settle, db } = await boot({ MUNSHI_ACCESS_MODE: 'allowlist', MUNSHI_ALLOWLIST: `+${MOM}` });
    client().incoming({ from: MOM + '@c.us', body: 'sabzi 120' });
    client().incoming({ from: MOM + '@c.us', group: GROUP, body: 'dinner 900' });
    client().incoming({ from: '919800000099@c.us', group: GROUP, body: 'munshi dinner 900' });
    await settle();
    expect(client().sent.map((s) => s.chatId)).toEqual([MOM + '@c.us']);
    client().incoming({ from: MOM + '@c.us', group: GROUP, body: '@919800000001 dinner 900', mentionedIds: [account.pn] });
    await settle();
    expect(client().sent.map((s) => s.chatId)).toEqual([MOM + '@c.us', GROUP]);
    expect((await db.expenses.between({})).map((e) => [e.owner, e.amountMinor])).toEqual([
      [MOM, 12000],
      [MOM, 90000],
    ]);
  });

  it('handles the same message delivered twice once', async () => {
    const { client, settle, db } = await boot();
    const m = client().selfMessage('chai 20');
    client().replay(m);
    await settle();
    client().replay(m);
    await settle();
    expect(client().sent).toHaveLength(1);
    expect(await db.expenses.count()).toBe(1);
  });

  it('after a crash between the inbox write and the reply, the restart finishes it once', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-wa-crash-'));
    dirs.push(dataDir);
    // First run: the message is in the inbox, then the process dies before any work.
    const first = await boot({}, {}, dataDir);
    const m = first.client().build({ fromMe: true, chatId: account.pn, author: account.pn, body: 'chai 20' });
    await first.db.inbox.insert({ id: m.id._serialized, chatId: account.pn, senderId: 'me', owner: 'me', text: 'chai 20', timestamp: new Date(m.timestamp * 1000) }, new Date().toISOString());
    await first.app.stop('crash');
    // Second run on the same data dir: on ready it finishes the message…
    const second = await boot({}, {}, dataDir);
    await until(async () => second.client().sent.length === 1);
    await second.settle();
    // …and when WhatsApp replays it after the reconnect, nothing happens again.
    second.client().replay(m);
    await second.settle();
    expect(second.client().sent).toHaveLength(1);
    expect(second.client().sent[0]!.text).toMatch(/✅ ₹20/);
    expect(await second.db.expenses.count()).toBe(1);
    expect(await second.db.inbox.stats()).toMatchObject({ done: 1, pending: 0, processing: 0, unsent: 0 });
  });

  it('does not record history older than the window that WhatsApp replays after a reconnect', async () => {
    const { client, settle, db } = await boot({ MUNSHI_MAX_AGE_HOURS: '24' });
    const twoDaysAgo = Math.floor(Date.now() / 1000) - 2 * 86_400;
    client().selfMessage('chai 20', { timestamp: twoDaysAgo });
    await settle();
    expect(client().sent).toEqual([]);
    expect(await db.expenses.count()).toBe(0);
  });

  it('answers a voice note although no transcriber is set up (the bot says so)', async () => {
    const { client, settle } = await boot();
    client().selfMessage('', { type: 'ptt', media: { mimetype: 'audio/ogg; codecs=opus', data: Buffer.from('OggS') } });
    await settle();
    expect(client().sent).toHaveLength(1);
    expect(client().sent[0]!.text.length).toBeGreaterThan(0);
  });
});
