/**
 * @module transport/cloud/adapter
 * The WhatsApp Cloud API transport (MUNSHI_TRANSPORT=cloud): munshi has its own business number at
 * Meta; people write to it and Meta posts each message to munshi's webhook.
 *
 * In: the webhook (`handle`, a web-standard handler mounted at /webhooks/cloud) answers Meta's GET
 * verification handshake, refuses any POST whose X-Hub-Signature-256 is not the app secret's HMAC
 * of the raw body (401, nothing read further), reads messages and statuses, applies the access
 * policy, and hands each allowed message to the pipeline, which writes it to the inbox once per
 * wamid before the webhook answers 200; Meta's redeliveries of the same wamid change nothing.
 * Out: replies through the Graph API; outside the 24-hour customer-service window only the
 * configured template (a reply then becomes its one parameter).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../clock/clock.js';
import type { InboundMedia, InboundMessage } from '../../core/types.js';
import { MunshiError } from '../../core/errors.js';
import { errorText, type Logger } from '../../logging/logger.js';
import { decideAccess, phoneOf, type AccessPolicy, type Envelope } from '../access.js';
import type { SentMessage, Transport } from '../port.js';
import { readLimited, text, type WebhookHandler } from '../webhook/http.js';
import { MediaRefs, type MediaRef } from '../webhook/media-refs.js';
import { ProviderError } from '../webhook/outbound.js';
import { verifyMetaSignature } from '../webhook/signature.js';
import { ServiceWindow, templateParameter } from '../webhook/window.js';
import { GraphApi, OUTSIDE_WINDOW_CODE, splitText, type GraphOptions } from './graph.js';
import { parseCloudWebhook, type CloudMessage, type CloudStatus } from './payload.js';

export interface CloudOptions {
  graph: GraphOptions;
  /** The Meta app's secret: the key of X-Hub-Signature-256. */
  appSecret: string;
  /** The token typed into the app's webhook settings, echoed in the GET handshake. */
  verifyToken: string;
  /** Where the webhook is mounted ("/webhooks/cloud"). */
  path: string;
  access: AccessPolicy;
  /** The approved template for messages outside the 24-hour window (one body parameter). */
  template: { name: string; language: string } | null;
  maxBodyBytes: number;
  clock: Clock;
  logger: Logger;
  /** Media references of recent messages (for a restart mid-transcription). */
  mediaRefs?: MediaRefs;
  onStatus?(e: { event?: true; error?: string }): void;
}

/** Meta's message types as the access policy names them (whatsapp-web.js's vocabulary). */
const TYPE_AS: Record<string, string> = { text: 'chat', button: 'chat', interactive: 'chat', audio: 'audio', image: 'image' };

/** The access policy's type; a document counts only as a PDF (a bill), other files stay unsupported. */
function accessType(type: string, mimeType: string | undefined): string {
  if (type === 'document') return mimeType?.split(';')[0]?.trim().toLowerCase() === 'application/pdf' ? 'document' : 'document_other';
  return TYPE_AS[type] ?? type;
}
const RECENT_SENDS = 500;

export class CloudTransport implements Transport {
  readonly handle: WebhookHandler;
  private onMessage: ((m: InboundMessage) => Promise<void>) | null = null;
  private readonly graph: GraphApi;
  private readonly window: ServiceWindow;
  private readonly mediaRefs: MediaRefs;
  /** The newest incoming wamid per chat: what "read" and "typing…" are shown on. */
  private readonly lastInbound = new Map<string, string>();
  /** Recently sent free-form messages, to resend as the template when Meta reports them outside the window. */
  private readonly recentSends = new Map<string, { chatId: string; text: string }>();
  private readonly log: Logger;

  constructor(private readonly o: CloudOptions) {
    this.graph = new GraphApi(o.graph);
    this.window = new ServiceWindow(o.clock);
    this.mediaRefs = o.mediaRefs ?? new MediaRefs(null);
    this.log = o.logger;
    this.handle = (req) => this.route(req);
  }

  async start(onMessage: (m: InboundMessage) => Promise<void>): Promise<void> {
    this.onMessage = onMessage;
  }

  async stop(): Promise<void> {
    this.onMessage = null;
  }

  // ---- webhook ----------------------------------------------------------------------------

  private async route(req: Request): Promise<Response | null> {
    const url = new URL(req.url);
    if (url.pathname.replace(/\/+$/, '') !== this.o.path) return null;
    if (req.method === 'GET') return this.handshake(url);
    if (req.method !== 'POST') return text(405, 'method not allowed', { allow: 'GET, POST' });
    const raw = await readLimited(req, this.o.maxBodyBytes);
    if (!raw) {
      this.log.warn({ limit: this.o.maxBodyBytes }, 'refused an oversized webhook body');
      return text(413, 'payload too large');
    }
    if (!verifyMetaSignature(raw, req.headers.get('x-hub-signature-256'), this.o.appSecret)) {
      this.log.warn({ bytes: raw.length, signed: req.headers.has('x-hub-signature-256') }, 'refused a webhook without a valid X-Hub-Signature-256');
      return text(401, 'invalid signature');
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.from(raw).toString('utf8'));
    } catch {
      return text(400, 'not JSON');
    }
    const events = parseCloudWebhook(body);
    if (!events) return text(200, 'ignored');
    // Not started yet (or stopping): 503 makes Meta deliver it again later instead of losing it.
    const deliver = this.onMessage;
    if (!deliver && events.messages.length) return text(503, 'not ready');
    this.o.onStatus?.({ event: true });
    for (const s of events.statuses) this.onDeliveryStatus(s);
    for (const m of events.messages) {
      try {
        await this.onWireMessage(m, deliver!);
      } catch (err) {
        // The inbox could not take it (disk full, database locked): a 500 makes Meta retry later.
        this.log.error({ err: errorText(err), messageId: m.id }, 'could not accept a webhook message');
        this.o.onStatus?.({ error: `incoming message: ${errorText(err)}` });
        return text(500, 'try again');
      }
    }
    return text(200, 'ok');
  }

  private handshake(url: URL): Response {
    const mode = url.searchParams.get('hub.mode');
    const token = url.searchParams.get('hub.verify_token') ?? '';
    const challenge = url.searchParams.get('hub.challenge') ?? '';
    if (mode === 'subscribe' && this.o.verifyToken && sameText(token, this.o.verifyToken)) {
      this.log.info('Meta verified the webhook');
      return text(200, challenge);
    }
    this.log.warn({ mode }, 'refused a webhook verification with a wrong verify token');
    return text(403, 'forbidden');
  }

  private async onWireMessage(m: CloudMessage, deliver: (m: InboundMessage) => Promise<void>): Promise<void> {
    if (m.phoneNumberId !== this.o.graph.phoneNumberId) {
      this.log.debug({ messageId: m.id }, 'a message for another number of this business account; not for munshi');
      return;
    }
    const chatId = `${m.from}@c.us`;
    const env: Envelope = {
      event: 'message',
      id: m.id,
      fromMe: false,
      chatId,
      authorId: chatId,
      authorPhone: phoneOf(chatId),
      text: m.text,
      type: accessType(m.type, m.media?.mimeType),
      mentionedIds: [],
      isStatus: false,
    };
    const d = decideAccess(env, { ids: [`${this.o.graph.phoneNumberId}@business`] }, this.o.access);
    if (!d.allow) {
      // A stranger is worth a line the owner can see: a family number typed differently in
      // MUNSHI_ALLOWLIST would otherwise go unanswered without a trace.
      if (d.reason === 'stranger') this.log.info({ messageId: m.id, from: env.authorPhone }, 'a message from a number not on MUNSHI_ALLOWLIST; not answered');
      else this.log.debug({ messageId: m.id, reason: d.reason }, 'not for munshi');
      return;
    }
    const now = this.o.clock.now();
    const at = m.timestamp ? new Date(Math.min(m.timestamp * 1000, now.getTime())) : now;
    this.window.seen(chatId, at);
    this.lastInbound.set(chatId, m.id);
    const inbound: InboundMessage = { id: m.id, chatId, senderId: d.senderId, owner: d.owner, text: d.text, timestamp: at };
    if (d.media && m.media) {
      const ref: MediaRef = { kind: d.media, mimeType: m.media.mimeType, ref: m.media.id, sha256: m.media.sha256 };
      this.mediaRefs.set(m.id, ref);
      inbound.media = this.mediaOf(ref);
    }
    await deliver(inbound);
    // Blue ticks once the message is safely in the inbox: the person sees munshi has it.
    void this.graph.markRead(m.id, false).catch((err) => this.log.debug({ err: errorText(err), messageId: m.id }, 'could not mark a message read'));
  }

  private onDeliveryStatus(s: CloudStatus): void {
    if (s.status !== 'failed') {
      this.log.debug({ messageId: s.id, status: s.status }, 'delivery status');
      return;
    }
    const why = s.errors.map((e) => `${e.code ?? '?'} ${e.title}`).join('; ') || 'no reason given';
    this.log.warn({ messageId: s.id, errors: s.errors }, `WhatsApp could not deliver a reply: ${why}`);
    this.o.onStatus?.({ error: `delivery failed: ${why}` });
    const sent = this.recentSends.get(s.id);
    if (sent && s.errors.some((e) => e.code === OUTSIDE_WINDOW_CODE)) {
      this.recentSends.delete(s.id);
      // Meta accepted the free-form message and refused it later: the window had closed.
      void this.viaTemplate(sent.chatId, sent.text).catch((err) => this.log.warn({ err: errorText(err) }, 'could not send the template either'));
    }
  }

  private mediaOf(ref: MediaRef): InboundMedia {
    return {
      kind: ref.kind,
      mimeType: ref.mimeType,
      download: async () => (await this.graph.downloadMedia(ref.ref, ref.sha256)).bytes,
    };
  }

  async fetchMedia(_chatId: string, messageId: string): Promise<InboundMedia | null> {
    const ref = this.mediaRefs.get(messageId);
    return ref ? this.mediaOf(ref) : null;
  }

  // ---- sending ----------------------------------------------------------------------------

  private recipient(chatId: string): string {
    const phone = phoneOf(chatId);
    if (!phone) throw new MunshiError('bad_input', `the Cloud API can only write to phone numbers, not ${chatId}`);
    return phone;
  }

  private remember(id: string, chatId: string, text: string): void {
    if (!id) return;
    this.recentSends.set(id, { chatId, text });
    if (this.recentSends.size > RECENT_SENDS) this.recentSends.delete(this.recentSends.keys().next().value!);
  }

  /** Free-form inside the window; the template when the window is closed, or when Meta says so. */
  private async deliver(chatId: string, asText: string, freeForm: (to: string) => Promise<string>): Promise<string> {
    const to = this.recipient(chatId);
    if (this.window.state(chatId) === 'closed') return this.viaTemplate(chatId, asText);
    try {
      const id = await freeForm(to);
      this.remember(id, chatId, asText);
      return id;
    } catch (err) {
      if (err instanceof ProviderError && err.providerCode === OUTSIDE_WINDOW_CODE) return this.viaTemplate(chatId, asText);
      throw err;
    }
  }

  private async viaTemplate(chatId: string, asText: string): Promise<string> {
    const t = this.o.template;
    if (!t) {
      throw new MunshiError('unavailable', `more than 24 hours since ${chatId} last wrote: WhatsApp allows only a template now, and MUNSHI_CLOUD_TEMPLATE is not set; the message waits in the outbox`);
    }
    this.log.info({ chatId, template: t.name }, 'outside the 24-hour window: sending the template');
    return this.graph.sendTemplate(this.recipient(chatId), t.name, t.language, templateParameter(asText));
  }

  async sendText(chatId: string, body: string): Promise<SentMessage> {
    const id = await this.deliver(chatId, body, async (to) => {
      let first = '';
      for (const piece of splitText(body)) {
        const id = await this.graph.sendText(to, piece);
        first ||= id;
      }
      return first;
    });
    return { id };
  }

  async sendImage(chatId: string, png: Buffer, caption?: string): Promise<SentMessage> {
    const id = await this.deliver(chatId, caption ?? '📊', async (to) => this.graph.sendImage(to, await this.graph.uploadPng(png), caption));
    return { id };
  }

  async setTyping(chatId: string, on: boolean): Promise<void> {
    const last = this.lastInbound.get(chatId);
    // Meta clears the indicator itself when the reply arrives (or after 25 s); there is no "off".
    if (on && last && this.window.state(chatId) === 'open') await this.graph.markRead(last, true);
  }

  async react(chatId: string, messageId: string, emoji: string): Promise<void> {
    if (this.window.state(chatId) === 'closed') return;
    await this.graph.react(this.recipient(chatId), messageId, emoji);
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
