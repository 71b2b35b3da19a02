/**
 * @module transport/whatsapp/adapter
 * The WhatsApp transport: runs a whatsapp-web.js client under supervision and translates its
 * messages into InboundMessage for allowed chats only (transport/access.ts decides).
 *
 * Supervision, because whatsapp-web.js does not retry its first page load and leaves Chromium
 * running when it fails:
 * - every (re)connect destroys the previous client (and kills its Chromium if it survived);
 * - failures retry with capped, jittered exponential back-off ("cannot reach WhatsApp Web,
 *   retrying in 8 s");
 * - a watchdog restarts a client that reported nothing (no event, no successful getState
 *   heartbeat) for `watchdogMs`; an optional periodic restart caps Chromium's memory growth;
 * - stop() destroys the client and leaves no Chromium behind.
 */
import type { Clock } from '../../clock/clock.js';
import type { InboundMedia, InboundMessage } from '../../core/types.js';
import { MunshiError } from '../../core/errors.js';
import { errorText, type Logger } from '../../logging/logger.js';
import { decideAccess, phoneOf, bareId, type AccessPolicy, type Envelope, type SelfIdentity } from '../access.js';
import { backoffDelay, humanDuration } from '../backoff.js';
import { EchoGuard } from '../echo.js';
import type { SentMessage, Transport, TransportState } from '../port.js';
import type { ClientFactory, ClientLike, ClientSettings, WAMessage } from './client.js';
import type { LaunchOutcome } from './web-version.js';

export interface WhatsAppOptions {
  settings: ClientSettings;
  access: AccessPolicy;
  factory: ClientFactory;
  clock: Clock;
  /** [0, 1) for back-off jitter; Math.random in production. */
  random: () => number;
  logger: Logger;
  /** 0 disables the watchdog. */
  watchdogMs: number;
  /** 0 disables the periodic restart. */
  restartMs: number;
  retryMaxMs: number;
  retryBaseMs?: number;
  /** How often a connected client is asked for its state (default watchdogMs / 3, at most 60 s). */
  heartbeatMs?: number;
  /** Shows a pairing QR (terminal + PNG in production). */
  showQr?(qr: string): Promise<void> | void;
  /** Shows a phone-number pairing code. */
  showCode?(code: string): void;
  /** Called on every state change, event and error (the status file listens). */
  onStatus?(e: { state?: TransportState; event?: true; error?: string; authenticated?: true; account?: string[] }): void;
  /** Called each time the client becomes ready (the pipeline finishes left-over work then). */
  onReady?(): void;
}

const MIME_BY_TYPE: Record<string, string> = { ptt: 'audio/ogg; codecs=opus', audio: 'audio/ogg', image: 'image/jpeg' };
const RECENT_IDS = 1000;

export class WhatsAppTransport implements Transport {
  private client: ClientLike | null = null;
  private initPromise: Promise<void> | null = null;
  private ready = false;
  private stopping = false;
  private running: Promise<void> | null = null;
  private generation = 0;
  /** The generation that last became ready (a client that linked, even if it disconnected later). */
  private readyGeneration = 0;
  private lastSignAt = 0;
  private lastPrepareNote: string | null = null;
  private me: SelfIdentity = { ids: [] };
  private readonly echo: EchoGuard;
  private readonly recentIds = new Set<string>();
  private readonly phoneByLid = new Map<string, string | null>();
  private restartSignal: ((reason: string) => void) | null = null;
  private wakeSleep: (() => void) | null = null;
  private timers: NodeJS.Timeout[] = [];
  private onMessage: ((m: InboundMessage) => Promise<void>) | null = null;
  private state: TransportState = 'stopped';
  private readonly log: Logger;

  constructor(private readonly o: WhatsAppOptions) {
    this.echo = new EchoGuard(o.clock);
    this.log = o.logger;
  }

  /** The account ids munshi is linked as (own @c.us and @lid), once ready. */
  get identity(): SelfIdentity {
    return this.me;
  }

  get currentState(): TransportState {
    return this.state;
  }

  async start(onMessage: (m: InboundMessage) => Promise<void>): Promise<void> {
    if (this.running) throw new Error('WhatsApp transport already started');
    this.onMessage = onMessage;
    this.stopping = false;
    this.running = this.superviseLoop();
  }

  // ---- supervision ------------------------------------------------------------------------

  private setState(state: TransportState): void {
    if (this.state === state) return;
    this.state = state;
    this.o.onStatus?.({ state });
  }

  private sign(): void {
    this.lastSignAt = this.o.clock.now().getTime();
    this.o.onStatus?.({ event: true });
  }

  private async superviseLoop(): Promise<void> {
    let attempt = 0;
    // How the previous launch ended: the factory picks the WhatsApp Web build by it (web-version.ts).
    let previous: LaunchOutcome | undefined;
    while (!this.stopping) {
      const gen = ++this.generation;
      let reason: string;
      let failed = false;
      let linked = false;
      try {
        const note = await this.o.factory.prepare?.(this.o.settings, previous);
        if (note && note !== this.lastPrepareNote) this.log.info(note);
        this.lastPrepareNote = note ?? null;
        if (this.stopping) break;
        const client = this.o.factory.create(this.o.settings);
        this.client = client;
        this.ready = false;
        this.wire(client, gen);
        this.setState('connecting');
        this.sign();
        const restart = new Promise<string>((resolve) => (this.restartSignal = resolve));
        this.startWatchdog(gen);
        this.initPromise = client.initialize();
        // initialize() resolves once WhatsApp Web is loaded; keep running until something asks for a restart.
        const first = await Promise.race([this.initPromise.then(() => null), restart]);
        reason = first ?? (await restart);
        linked = this.readyGeneration === gen;
        if (this.ready) attempt = 0;
        else failed = reason !== 'stop';
      } catch (err) {
        reason = errorText(err);
        linked = this.readyGeneration === gen;
        failed = true;
      }
      previous = { linked, reason };
      this.clearTimers();
      this.ready = false;
      await this.destroyClient();
      if (this.stopping) break;
      const delay = backoffDelay(attempt++, { baseMs: this.o.retryBaseMs ?? 2000, maxMs: this.o.retryMaxMs, random: this.o.random });
      this.setState('retrying');
      if (failed) {
        this.log.warn({ reason, attempt }, `cannot reach WhatsApp Web (${reason}), retrying in ${humanDuration(delay)}`);
        this.o.onStatus?.({ error: `cannot reach WhatsApp Web: ${reason}` });
      } else {
        this.log.warn({ reason }, `WhatsApp client restarting (${reason}), reconnecting in ${humanDuration(delay)}`);
      }
      await this.sleep(delay);
    }
    this.setState('stopped');
  }

  private requestRestart(gen: number, reason: string): void {
    if (gen !== this.generation) return;
    this.restartSignal?.(reason);
  }

  private startWatchdog(gen: number): void {
    const { watchdogMs, restartMs } = this.o;
    if (watchdogMs > 0) {
      const beat = this.o.heartbeatMs ?? Math.min(60_000, Math.max(1000, Math.floor(watchdogMs / 3)));
      this.timers.push(
        setInterval(() => {
          if (gen !== this.generation) return;
          const silent = this.o.clock.now().getTime() - this.lastSignAt;
          if (silent > watchdogMs) {
            this.log.warn({ silentMs: silent }, 'WhatsApp client went silent; restarting it');
            this.requestRestart(gen, `silent for ${humanDuration(silent)}`);
            return;
          }
          if (this.ready && this.client) {
            // A heartbeat: a client that still answers getState() is alive even when nobody writes.
            const c = this.client;
            void withTimeout(c.getState(), Math.max(1000, beat))
              .then((s) => {
                if (gen !== this.generation) return;
                if (s === 'CONNECTED') this.sign();
                else this.log.debug({ state: s }, 'heartbeat: not connected');
              })
              .catch((err) => this.log.debug({ err: errorText(err) }, 'heartbeat failed'));
          }
        }, beat),
      );
    }
    if (restartMs > 0) {
      this.timers.push(setTimeout(() => this.requestRestart(gen, 'scheduled Chromium restart'), restartMs));
    }
  }

  private clearTimers(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wakeSleep = done;
    });
  }

  /** Destroys the client and makes sure its Chromium is gone, whatever state initialize() is in. */
  private async destroyClient(): Promise<void> {
    const client = this.client;
    const init = this.initPromise;
    this.client = null;
    this.initPromise = null;
    if (!client) return;
    client.removeAllListeners();
    client.on('error', () => {}); // a late 'error' after destroy must not crash the process
    const pidBefore = this.o.factory.browserPid(client);
    try {
      await withTimeout(client.destroy(), 4000);
    } catch (err) {
      this.log.debug({ err: errorText(err) }, 'client.destroy failed');
    }
    // A launch still in flight sets up its browser after destroy(); let it settle, then close that one too.
    if (init) await withTimeout(init, 2000).catch(() => {});
    const pidAfter = this.o.factory.browserPid(client);
    if (pidAfter && pidAfter !== pidBefore) await withTimeout(client.destroy(), 1500).catch(() => {});
    for (const pid of new Set([pidBefore, pidAfter])) {
      if (pid && killIfAlive(pid)) this.log.warn({ pid }, 'Chromium survived destroy(); killed it');
    }
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.stopping = true;
    this.restartSignal?.('stop');
    this.wakeSleep?.();
    await this.running;
    this.running = null;
    this.log.info('WhatsApp client stopped');
  }

  // ---- events -----------------------------------------------------------------------------

  private wire(client: ClientLike, gen: number): void {
    const mine = () => gen === this.generation && !this.stopping;
    client.on('qr', (qr: string) => {
      if (!mine()) return;
      this.sign();
      this.setState('pairing');
      this.log.info('scan this QR in WhatsApp › Linked devices (it rotates; data/pairing-qr.png is refreshed too)');
      void Promise.resolve(this.o.showQr?.(qr)).catch((err) => this.log.warn({ err: errorText(err) }, 'could not show the QR'));
    });
    client.on('code', (code: string) => {
      if (!mine()) return;
      this.sign();
      this.setState('pairing');
      this.log.info({ code }, `pairing code: ${code} (WhatsApp › Linked devices › Link with phone number)`);
      this.o.showCode?.(code);
    });
    client.on('authenticated', () => {
      if (!mine()) return;
      this.sign();
      this.log.info('WhatsApp authenticated');
      this.o.onStatus?.({ authenticated: true });
    });
    client.on('auth_failure', (message: string) => {
      if (!mine()) return;
      this.log.error({ message }, 'WhatsApp authentication failed; the session may be stale (delete the session folder to pair again)');
      this.o.onStatus?.({ error: `auth_failure: ${message}` });
      this.requestRestart(gen, 'authentication failed');
    });
    client.on('ready', () => {
      if (!mine()) return;
      this.sign();
      void this.onReady(client, gen);
    });
    client.on('change_state', (state: string) => {
      if (!mine()) return;
      this.sign();
      this.log.info({ state }, `WhatsApp state: ${state}`);
    });
    client.on('disconnected', (reason: string) => {
      if (!mine()) return;
      this.log.warn({ reason }, `WhatsApp disconnected: ${reason}`);
      this.o.onStatus?.({ state: 'disconnected', error: `disconnected: ${reason}` });
      this.ready = false;
      this.requestRestart(gen, `disconnected: ${reason}`);
    });
    client.on('loading_screen', () => mine() && this.sign());
    client.on('message', (m: WAMessage) => mine() && void this.onWireMessage('message', m));
    client.on('message_create', (m: WAMessage) => mine() && void this.onWireMessage('message_create', m));
  }

  private async onReady(client: ClientLike, gen: number): Promise<void> {
    const wid = client.info?.wid?._serialized;
    const ids = new Set<string>(wid ? [bareId(wid)] : []);
    if (wid && client.getContactLidAndPhone) {
      try {
        for (const r of await client.getContactLidAndPhone([wid])) {
          if (r.lid) ids.add(bareId(r.lid));
          if (r.pn) ids.add(bareId(r.pn));
        }
      } catch (err) {
        this.log.warn({ err: errorText(err) }, 'could not look up the own @lid id; the self chat is still matched by messages to myself');
      }
    }
    if (gen !== this.generation) return;
    this.me = { ids: [...ids] };
    this.ready = true;
    this.readyGeneration = gen;
    this.setState('connected');
    this.o.onStatus?.({ account: [...ids] });
    this.log.info({ account: this.me.ids, mode: this.o.access.mode }, 'WhatsApp ready');
    this.o.onReady?.();
  }

  private async onWireMessage(event: 'message' | 'message_create', m: WAMessage): Promise<void> {
    this.sign();
    try {
      const id = m.id?._serialized;
      if (!id) return;
      const fromMe = Boolean(m.fromMe ?? m.id.fromMe);
      const chatId = fromMe ? m.to : m.from;
      const text = m.body ?? '';
      if (fromMe && this.echo.isEcho(id, chatId, text)) {
        this.log.debug({ messageId: id }, 'ignoring the echo of our own reply');
        return;
      }
      // 'message' and 'message_create' both carry others' messages; handle each id once per run.
      if (this.recentIds.has(id)) return;
      const authorId = m.author ?? m.from;
      const env: Envelope = {
        event,
        id,
        fromMe,
        chatId,
        authorId,
        authorPhone: phoneOf(bareId(authorId)) ?? (this.o.access.mode === 'allowlist' && !fromMe ? await this.phoneOfLid(authorId) : null),
        text,
        type: m.type,
        mentionedIds: m.mentionedIds ?? [],
        isStatus: Boolean(m.isStatus || m.broadcast),
      };
      const d = decideAccess(env, this.me, this.o.access);
      if (!d.allow) {
        if (d.reason !== 'duplicate_event') this.log.debug({ messageId: id, reason: d.reason }, 'not for munshi');
        return;
      }
      if (this.recentIds.has(id)) return; // the other event of the pair won the race during a lookup
      this.remember(id);
      const inbound: InboundMessage = {
        id,
        chatId,
        senderId: d.senderId,
        owner: d.owner,
        text: d.text,
        timestamp: new Date((m.timestamp || this.o.clock.now().getTime() / 1000) * 1000),
      };
      if (d.media && m.hasMedia) inbound.media = this.mediaOf(m, d.media);
      await this.onMessage?.(inbound);
    } catch (err) {
      this.log.error({ err, messageId: m.id?._serialized }, 'handling an incoming message failed');
      this.o.onStatus?.({ error: `incoming message: ${errorText(err)}` });
    }
  }

  private remember(id: string): void {
    this.recentIds.add(id);
    if (this.recentIds.size > RECENT_IDS) this.recentIds.delete(this.recentIds.values().next().value!);
  }

  private async phoneOfLid(id: string): Promise<string | null> {
    if (!id.endsWith('@lid') || !this.client?.getContactLidAndPhone) return null;
    const key = bareId(id);
    if (this.phoneByLid.has(key)) return this.phoneByLid.get(key)!;
    let phone: string | null = null;
    try {
      const [r] = await this.client.getContactLidAndPhone([key]);
      phone = r?.pn ? phoneOf(bareId(r.pn)) : null;
    } catch (err) {
      this.log.debug({ err: errorText(err), id }, 'could not resolve an @lid to a phone number');
    }
    this.phoneByLid.set(key, phone);
    return phone;
  }

  private mediaOf(m: WAMessage, kind: InboundMedia['kind']): InboundMedia {
    const raw = (m.rawData ?? {}) as { mimetype?: string };
    return {
      kind,
      mimeType: raw.mimetype ?? MIME_BY_TYPE[m.type] ?? 'application/octet-stream',
      download: async () => {
        const media = await bounded(m.downloadMedia(), MEDIA_TIMEOUT_MS, 'downloading the media');
        if (!media?.data) throw new MunshiError('unavailable', 'WhatsApp no longer has this media');
        return Buffer.from(media.data, 'base64');
      },
    };
  }

  // ---- sending ----------------------------------------------------------------------------

  private connected(): ClientLike {
    if (!this.client || !this.ready) throw new MunshiError('unavailable', 'WhatsApp is not connected');
    return this.client;
  }

  async sendText(chatId: string, text: string): Promise<SentMessage> {
    const c = this.connected();
    this.echo.noteSending(chatId, text);
    const sent = await bounded(c.sendMessage(chatId, text), SEND_TIMEOUT_MS, 'sending a message');
    const id = sent?.id?._serialized;
    if (id) this.echo.noteSent(id);
    return { id };
  }

  async sendImage(chatId: string, png: Buffer, caption?: string): Promise<SentMessage> {
    const c = this.connected();
    if (caption) this.echo.noteSending(chatId, caption);
    const sent = await bounded(c.sendMessage(chatId, this.o.factory.media('image/png', png, 'munshi.png'), caption ? { caption } : {}), SEND_TIMEOUT_MS, 'sending an image');
    const id = sent?.id?._serialized;
    if (id) this.echo.noteSent(id);
    return { id };
  }

  async setTyping(chatId: string, on: boolean): Promise<void> {
    const chat = await bounded(this.connected().getChatById(chatId), TYPING_TIMEOUT_MS, 'finding the chat');
    await bounded(on ? chat.sendStateTyping() : chat.clearState(), TYPING_TIMEOUT_MS, 'setting typing');
  }

  async react(_chatId: string, messageId: string, emoji: string): Promise<void> {
    const c = this.connected();
    if (c.sendReaction) return c.sendReaction(messageId, emoji);
    const m = await c.getMessageById(messageId);
    await m?.react?.(emoji);
  }

  async fetchMedia(_chatId: string, messageId: string): Promise<InboundMedia | null> {
    const m = await this.connected().getMessageById(messageId);
    if (!m || !m.hasMedia) return null;
    const kind = m.type === 'image' ? 'image' : m.type === 'ptt' || m.type === 'audio' ? 'voice' : m.type === 'document' ? 'document' : null;
    return kind ? this.mediaOf(m, kind) : null;
  }
}

// A wedged Chromium page leaves whatsapp-web.js calls pending forever, and the pipeline runs a
// chat's messages one after another: without a bound, one hung send would silence that chat until
// a restart. A timed-out reply stays in the outbox and is retried.
const SEND_TIMEOUT_MS = 60_000;
const MEDIA_TIMEOUT_MS = 120_000;
const TYPING_TIMEOUT_MS = 10_000;

function bounded<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return withTimeout(p, ms, () => new MunshiError('timeout', `WhatsApp Web did not finish ${what} within ${ms / 1000} s`));
}

function withTimeout<T>(p: Promise<T>, ms: number, error = () => new Error(`timed out after ${ms} ms`)): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(t)),
    new Promise<T>((_, reject) => (t = setTimeout(() => reject(error()), ms))),
  ]);
}

/** Kills a Chromium that survived destroy(): its process group (puppeteer starts it detached), then itself. */
function killIfAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false; // gone (or not ours)
  }
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return true;
}
