/**
 * @module transport/whatsapp/fake-client
 * A stand-in for whatsapp-web.js's Client, for driving the REAL adapter in tests and the replay
 * script: an EventEmitter with the library's real event names (qr, code, authenticated,
 * auth_failure, ready, message, message_create, change_state, disconnected, loading_screen) and
 * Message-shaped objects with the real field names (id {_serialized, fromMe, remote, id}, from,
 * to, author, body, type, hasMedia, fromMe, timestamp, mentionedIds, downloadMedia(), …).
 * Like the real client, it echoes every message munshi sends as a `message_create` from me.
 */
import { EventEmitter } from 'node:events';
import type { ClientFactory, ClientLike, ClientSettings, WAChat, WAMessage } from './client.js';

export interface FakeAccount {
  /** "919800000001@c.us" */
  pn: string;
  /** "111122223333444@lid" */
  lid: string;
}

export type InitBehaviour =
  | 'ready' // authenticated → ready
  | 'qr' // needs pairing: emits a QR and waits
  | 'code' // needs pairing by phone number: emits a pairing code and waits
  | 'fail' // rejects like a page load without network (no events)
  | 'hang'; // never resolves (a half-open network)

export interface FakeClientOptions {
  account: FakeAccount;
  init?: InitBehaviour;
  /** How the echo of a sent message comes back: with the id send returned, a new id, or not at all. */
  echo?: 'same_id' | 'new_id' | 'none';
  /** Echo before sendMessage resolves (the real client sometimes does). */
  echoFirst?: boolean;
  /** Phone numbers behind @lid ids of contacts. */
  lidToPhone?: Record<string, string>;
}

export interface SentRecord {
  chatId: string;
  text: string;
  media: unknown;
  id: string;
}

let counter = 0;
function newId(): string {
  return `3EB0${(++counter).toString(16).toUpperCase().padStart(16, '0')}`;
}

export class FakeClient extends EventEmitter implements ClientLike {
  info: { wid: { _serialized: string } } | null = null;
  readonly sent: SentRecord[] = [];
  readonly typing: { chatId: string; on: boolean }[] = [];
  readonly reactions: { messageId: string; emoji: string }[] = [];
  readonly messages = new Map<string, WAMessage>();
  state: string | null = null;
  destroyed = false;
  initialized = false;
  /** When true, getState() never answers (a wedged page). */
  frozen = false;

  constructor(
    readonly settings: ClientSettings | null,
    readonly opts: FakeClientOptions,
  ) {
    super();
  }

  async initialize(): Promise<void> {
    this.initialized = true;
    const init = this.opts.init ?? 'ready';
    if (init === 'fail') {
      await tick();
      throw new Error('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/');
    }
    // Like the real client, a page load that hangs fails once the browser is closed under it.
    if (init === 'hang') return new Promise<void>((_, reject) => (this.onDestroy = () => reject(new Error('Navigation failed because browser has disconnected!'))));
    await tick();
    if (init === 'qr') {
      this.emit('qr', `2@fake-qr-${newId()}`);
      return;
    }
    if (init === 'code') {
      this.emit('code', 'ABCD1234');
      return;
    }
    this.completePairing();
  }

  /** The phone scanned the QR (or typed the code): authenticated, then ready. */
  completePairing(): void {
    setImmediate(() => {
      if (this.destroyed) return;
      this.emit('authenticated');
      this.info = { wid: { _serialized: this.opts.account.pn } };
      this.state = 'CONNECTED';
      this.emit('change_state', 'CONNECTED');
      this.emit('ready');
    });
  }

  private onDestroy: (() => void) | null = null;

  async destroy(): Promise<void> {
    this.destroyed = true;
    this.onDestroy?.();
    this.state = null;
  }

  async getState(): Promise<string | null> {
    if (this.frozen) return new Promise(() => {});
    return this.state;
  }

  async sendMessage(chatId: string, content: unknown, options?: { caption?: string }): Promise<{ id: { _serialized: string } }> {
    if (this.destroyed || this.state !== 'CONNECTED') throw new Error('Session closed');
    const text = typeof content === 'string' ? content : (options?.caption ?? '');
    const msg = this.build({ fromMe: true, chatId, author: this.opts.account.pn, body: text, type: typeof content === 'string' ? 'chat' : 'image' });
    this.sent.push({ chatId, text, media: typeof content === 'string' ? null : content, id: msg.id._serialized });
    const echoMode = this.opts.echo ?? 'same_id';
    const echo = () => {
      if (echoMode === 'none' || this.destroyed) return;
      const m = echoMode === 'same_id' ? msg : this.build({ fromMe: true, chatId, author: this.opts.account.pn, body: text, type: 'chat' });
      this.emit('message_create', m);
    };
    if (this.opts.echoFirst) echo();
    else setImmediate(echo);
    return { id: msg.id };
  }

  async getChatById(chatId: string): Promise<WAChat> {
    return {
      sendStateTyping: async () => void this.typing.push({ chatId, on: true }),
      clearState: async () => void this.typing.push({ chatId, on: false }),
    };
  }

  async getMessageById(messageId: string): Promise<WAMessage | null> {
    return this.messages.get(messageId) ?? null;
  }

  async sendReaction(messageId: string, emoji: string): Promise<void> {
    this.reactions.push({ messageId, emoji });
  }

  async getContactLidAndPhone(userIds: string[]): Promise<{ lid: string; pn: string }[]> {
    const { pn, lid } = this.opts.account;
    return userIds.map((id) => {
      if (id === pn || id === lid) return { lid, pn };
      const phone = this.opts.lidToPhone?.[id];
      return { lid: id.endsWith('@lid') ? id : '', pn: phone ? `${phone}@c.us` : id.endsWith('@c.us') ? id : '' };
    });
  }

  /** Builds a Message-shaped object as whatsapp-web.js would deliver it. */
  build(p: {
    fromMe: boolean;
    /** The chat (for own messages, the recipient). */
    chatId: string;
    /** The writer; in groups the participant. */
    author: string;
    body: string;
    type?: string;
    id?: string;
    timestamp?: number;
    mentionedIds?: string[];
    media?: { mimetype: string; data: Buffer };
  }): WAMessage {
    const isGroup = p.chatId.endsWith('@g.us');
    const short = p.id ?? newId();
    const from = p.fromMe ? this.opts.account.pn : isGroup ? p.chatId : p.author;
    const to = p.fromMe ? p.chatId : this.opts.account.pn;
    const media = p.media;
    const m: WAMessage = {
      id: { fromMe: p.fromMe, remote: p.chatId, id: short, _serialized: `${p.fromMe}_${p.chatId}_${short}${isGroup && !p.fromMe ? `_${p.author}` : ''}` },
      from,
      to,
      author: isGroup ? p.author : undefined,
      body: p.body,
      type: p.type ?? 'chat',
      hasMedia: Boolean(media),
      fromMe: p.fromMe,
      timestamp: p.timestamp ?? Math.floor(Date.now() / 1000),
      isStatus: false,
      broadcast: false,
      mentionedIds: p.mentionedIds ?? [],
      rawData: media ? { mimetype: media.mimetype } : {},
      downloadMedia: async () => (media ? { mimetype: media.mimetype, data: media.data.toString('base64') } : undefined),
    };
    this.messages.set(m.id._serialized, m);
    return m;
  }

  /** The owner writes in their "Message yourself" chat (arrives on message_create only). */
  selfMessage(body: string, p: { viaLid?: boolean; id?: string; timestamp?: number; type?: string; media?: { mimetype: string; data: Buffer } } = {}): WAMessage {
    const chat = p.viaLid ? this.opts.account.lid : this.opts.account.pn;
    const m = this.build({ ...p, fromMe: true, chatId: chat, author: this.opts.account.pn, body });
    this.emit('message_create', m);
    return m;
  }

  /** Someone else writes (arrives on message and message_create, like the real client). */
  incoming(p: { from: string; body: string; group?: string; mentionedIds?: string[]; id?: string; timestamp?: number; type?: string }): WAMessage {
    const m = this.build({ ...p, fromMe: false, chatId: p.group ?? p.from, author: p.from });
    this.emit('message', m);
    this.emit('message_create', m);
    return m;
  }

  /** Re-emits an old message, as WhatsApp does with history after a reconnect. */
  replay(m: WAMessage): void {
    this.emit(m.fromMe ? 'message_create' : 'message', m);
    if (!m.fromMe) this.emit('message_create', m);
  }
}

function tick(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

/** A ClientFactory producing FakeClients; `clients` keeps every one created (a restart creates another). */
export function fakeClientFactory(opts: FakeClientOptions | ((n: number) => FakeClientOptions)): ClientFactory & { clients: FakeClient[]; current(): FakeClient } {
  const clients: FakeClient[] = [];
  return {
    clients,
    current: () => clients[clients.length - 1]!,
    create(settings) {
      const o = typeof opts === 'function' ? opts(clients.length) : opts;
      const c = new FakeClient(settings, o);
      clients.push(c);
      return c;
    },
    media: (mimeType, data, filename) => ({ mimetype: mimeType, data: data.toString('base64'), filename }),
    browserPid: () => undefined,
  };
}
