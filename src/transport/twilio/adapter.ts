/**
 * @module transport/twilio/adapter
 * The Twilio WhatsApp transport (MUNSHI_TRANSPORT=twilio): munshi's number lives at Twilio (the
 * sandbox or an approved sender); Twilio posts each incoming message to munshi's webhook.
 *
 * In: `handle` (mounted at /webhooks/twilio) refuses any POST whose X-Twilio-Signature is not the
 * auth token's HMAC-SHA1 of the public webhook URL plus the sorted form fields (401), reads the
 * message, applies the access policy and hands it to the pipeline (inbox row first, once per
 * MessageSid), then answers an empty TwiML response: replies go out through the REST API, not in
 * the webhook answer, so a slow bot never makes Twilio time out.
 * Out: the Messages API; a chart is served once under an unguessable URL for Twilio to fetch (the
 * API takes media by URL only); outside the 24-hour window only the configured content template.
 * Status callbacks (/webhooks/twilio/status) report failed deliveries.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock/clock.js';
import type { InboundMedia, InboundMessage } from '../../core/types.js';
import { MunshiError } from '../../core/errors.js';
import { errorText, type Logger } from '../../logging/logger.js';
import { decideAccess, phoneOf, type AccessPolicy, type Envelope } from '../access.js';
import type { SentMessage, Transport } from '../port.js';
import { splitText } from '../cloud/graph.js';
import { readLimited, text, type WebhookHandler } from '../webhook/http.js';
import { MediaRefs, type MediaRef } from '../webhook/media-refs.js';
import { ProviderError } from '../webhook/outbound.js';
import { verifyTwilioSignature } from '../webhook/signature.js';
import { ServiceWindow, templateParameter } from '../webhook/window.js';
import { TWILIO_MAX_BODY, TWILIO_OUTSIDE_WINDOW, TwilioApi, type TwilioApiOptions } from './api.js';
import { formFields, readTwilioInbound, readTwilioStatus, type TwilioInbound, type TwilioStatus } from './form.js';

export interface TwilioOptions {
  api: TwilioApiOptions;
  /** munshi's WhatsApp number at Twilio, digits. */
  from: string;
  /** The public base URL Twilio calls (no trailing slash): Twilio signs the full URL. */
  publicUrl: string;
  /** Where the webhook is mounted ("/webhooks/twilio"). */
  path: string;
  access: AccessPolicy;
  /** A Content SID with one variable, for messages outside the 24-hour window. */
  templateSid: string | null;
  maxBodyBytes: number;
  clock: Clock;
  logger: Logger;
  mediaRefs?: MediaRefs;
  /** Random bytes for chart URLs (crypto in production). */
  random?: (n: number) => Buffer;
  onStatus?(e: { event?: true; error?: string }): void;
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
const CHART_TTL_MS = 15 * 60_000;
const MAX_CHARTS = 20;
const RECENT_SENDS = 500;

export class TwilioTransport implements Transport {
  readonly handle: WebhookHandler;
  private onMessage: ((m: InboundMessage) => Promise<void>) | null = null;
  private readonly api: TwilioApi;
  private readonly window: ServiceWindow;
  private readonly mediaRefs: MediaRefs;
  private readonly charts = new Map<string, { png: Buffer; until: number }>();
  private readonly recentSends = new Map<string, { chatId: string; text: string }>();
  private readonly log: Logger;

  constructor(private readonly o: TwilioOptions) {
    this.api = new TwilioApi(o.api);
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
    const p = url.pathname.replace(/\/+$/, '');
    if (p.startsWith(`${this.o.path}/media/`) && req.method === 'GET') return this.serveChart(p.slice(this.o.path.length + 7));
    if (p !== this.o.path && p !== `${this.o.path}/status`) return null;
    if (req.method !== 'POST') return text(405, 'method not allowed', { allow: 'POST' });
    const raw = await readLimited(req, this.o.maxBodyBytes);
    if (!raw) {
      this.log.warn({ limit: this.o.maxBodyBytes }, 'refused an oversized webhook body');
      return text(413, 'payload too large');
    }
    const fields = formFields(raw);
    // Twilio signed the URL it called, which is the public one, not the address this server listens on.
    const signedUrl = this.o.publicUrl + url.pathname + url.search;
    if (!verifyTwilioSignature(this.o.api.authToken, signedUrl, fields, req.headers.get('x-twilio-signature'))) {
      this.log.warn({ bytes: raw.length, signed: req.headers.has('x-twilio-signature') }, 'refused a webhook without a valid X-Twilio-Signature');
      return text(401, 'invalid signature');
    }
    const form = p === this.o.path ? readTwilioInbound(fields) : readTwilioStatus(fields);
    if (!form) return text(400, 'not a Twilio message');
    if (form.accountSid !== this.o.api.accountSid) {
      this.log.warn({ sid: form.sid }, 'a webhook for another Twilio account; ignored');
      return twiml();
    }
    this.o.onStatus?.({ event: true });
    if (form.kind === 'status') {
      this.onDeliveryStatus(form);
      return twiml();
    }
    const deliver = this.onMessage;
    if (!deliver) return text(503, 'not ready');
    try {
      await this.onWireMessage(form, deliver);
    } catch (err) {
      this.log.error({ err: errorText(err), sid: form.sid }, 'could not accept a webhook message');
      this.o.onStatus?.({ error: `incoming message: ${errorText(err)}` });
      return text(500, 'try again');
    }
    return twiml();
  }

  private async onWireMessage(m: TwilioInbound, deliver: (m: InboundMessage) => Promise<void>): Promise<void> {
    if (m.to !== this.o.from || !m.from) {
      this.log.debug({ sid: m.sid }, 'not a WhatsApp message to munshi’s number');
      return;
    }
    const chatId = `${m.from}@c.us`;
    const first = m.media[0];
    const type = first ? mediaType(first.contentType) : m.messageType && m.messageType !== 'text' ? m.messageType : 'chat';
    const env: Envelope = {
      event: 'message',
      id: m.sid,
      fromMe: false,
      chatId,
      authorId: chatId,
      authorPhone: phoneOf(chatId),
      text: m.body,
      type,
      mentionedIds: [],
      isStatus: false,
    };
    const d = decideAccess(env, { ids: [`${this.o.from}@c.us`] }, this.o.access);
    if (!d.allow) {
      // A stranger is worth a line the owner can see: a family number typed differently in
      // MUNSHI_ALLOWLIST would otherwise go unanswered without a trace.
      if (d.reason === 'stranger') this.log.info({ sid: m.sid, from: env.authorPhone }, 'a message from a number not on MUNSHI_ALLOWLIST; not answered');
      else this.log.debug({ sid: m.sid, reason: d.reason }, 'not for munshi');
      return;
    }
    const now = this.o.clock.now();
    this.window.seen(chatId, now);
    const inbound: InboundMessage = { id: m.sid, chatId, senderId: d.senderId, owner: d.owner, text: d.text, timestamp: now };
    if (d.media && first) {
      const ref: MediaRef = { kind: d.media, mimeType: first.contentType, ref: first.url };
      this.mediaRefs.set(m.sid, ref);
      inbound.media = this.mediaOf(ref);
    }
    await deliver(inbound);
  }

  private onDeliveryStatus(s: TwilioStatus): void {
    if (s.status !== 'failed' && s.status !== 'undelivered') {
      this.log.debug({ sid: s.sid, status: s.status }, 'delivery status');
      return;
    }
    this.log.warn({ sid: s.sid, errorCode: s.errorCode }, `Twilio could not deliver a reply (error ${s.errorCode ?? 'unknown'})`);
    this.o.onStatus?.({ error: `delivery failed: Twilio error ${s.errorCode ?? 'unknown'}` });
    const sent = this.recentSends.get(s.sid);
    if (sent && s.errorCode === TWILIO_OUTSIDE_WINDOW) {
      this.recentSends.delete(s.sid);
      void this.viaTemplate(sent.chatId, sent.text).catch((err) => this.log.warn({ err: errorText(err) }, 'could not send the template either'));
    }
  }

  private mediaOf(ref: MediaRef): InboundMedia {
    return { kind: ref.kind, mimeType: ref.mimeType, download: () => this.api.downloadMedia(ref.ref) };
  }

  async fetchMedia(_chatId: string, messageId: string): Promise<InboundMedia | null> {
    const ref = this.mediaRefs.get(messageId);
    return ref ? this.mediaOf(ref) : null;
  }

  private serveChart(name: string): Response {
    const now = this.o.clock.now().getTime();
    for (const [k, c] of this.charts) if (c.until < now) this.charts.delete(k);
    const chart = this.charts.get(name.replace(/\.png$/, ''));
    if (!chart) return text(404, 'not found');
    return new Response(chart.png, { status: 200, headers: { 'content-type': 'image/png', 'cache-control': 'no-store' } });
  }

  // ---- sending ----------------------------------------------------------------------------

  private recipient(chatId: string): string {
    const phone = phoneOf(chatId);
    if (!phone) throw new MunshiError('bad_input', `Twilio can only write to phone numbers, not ${chatId}`);
    return phone;
  }

  private statusCallback(): string {
    return `${this.o.publicUrl}${this.o.path}/status`;
  }

  private async deliver(chatId: string, asText: string, freeForm: (to: string) => Promise<string>): Promise<string> {
    const to = this.recipient(chatId);
    if (this.window.state(chatId) === 'closed') return this.viaTemplate(chatId, asText);
    try {
      const sid = await freeForm(to);
      if (sid) {
        this.recentSends.set(sid, { chatId, text: asText });
        if (this.recentSends.size > RECENT_SENDS) this.recentSends.delete(this.recentSends.keys().next().value!);
      }
      return sid;
    } catch (err) {
      if (err instanceof ProviderError && err.providerCode === TWILIO_OUTSIDE_WINDOW) return this.viaTemplate(chatId, asText);
      throw err;
    }
  }

  private async viaTemplate(chatId: string, asText: string): Promise<string> {
    if (!this.o.templateSid) {
      throw new MunshiError('unavailable', `more than 24 hours since ${chatId} last wrote: WhatsApp allows only a template now, and MUNSHI_TWILIO_TEMPLATE_SID is not set; the message waits in the outbox`);
    }
    this.log.info({ chatId }, 'outside the 24-hour window: sending the template');
    return this.api.createMessage({ to: this.recipient(chatId), from: this.o.from, contentSid: this.o.templateSid, contentVariables: { '1': templateParameter(asText) } });
  }

  async sendText(chatId: string, body: string): Promise<SentMessage> {
    const id = await this.deliver(chatId, body, async (to) => {
      let first = '';
      for (const piece of splitText(body, TWILIO_MAX_BODY)) {
        const sid = await this.api.createMessage({ to, from: this.o.from, body: piece, statusCallback: this.statusCallback() });
        first ||= sid;
      }
      return first;
    });
    return { id };
  }

  async sendImage(chatId: string, png: Buffer, caption?: string): Promise<SentMessage> {
    const id = await this.deliver(chatId, caption ?? '📊', async (to) => {
      const token = (this.o.random ?? randomBytes)(24).toString('base64url');
      this.charts.set(token, { png, until: this.o.clock.now().getTime() + CHART_TTL_MS });
      while (this.charts.size > MAX_CHARTS) this.charts.delete(this.charts.keys().next().value!);
      return this.api.createMessage({ to, from: this.o.from, body: caption ?? '', mediaUrl: `${this.o.publicUrl}${this.o.path}/media/${token}.png`, statusCallback: this.statusCallback() });
    });
    return { id };
  }

  /** Twilio's WhatsApp API has no typing indicator munshi can use; replies arrive fast enough. */
  async setTyping(): Promise<void> {}

  /** Twilio's WhatsApp API sends no reactions; the reply says it all. */
  async react(): Promise<void> {}
}

/** The access policy's type for a media content type; a document counts only as a PDF (a bill). */
function mediaType(contentType: string): string {
  const t = contentType.split(';')[0]!.trim().toLowerCase();
  if (t.startsWith('audio/')) return 'audio';
  if (t.startsWith('image/')) return 'image';
  return t === 'application/pdf' ? 'document' : 'unsupported_media';
}

function twiml(): Response {
  return new Response(EMPTY_TWIML, { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' } });
}
