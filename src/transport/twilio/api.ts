/**
 * @module transport/twilio/api
 * The Twilio REST calls munshi makes: create a WhatsApp message (text, an image by URL, or a
 * content template) and download the media of an incoming message. HTTP Basic auth with the
 * account SID and auth token; only the configured API base URL is contacted (Twilio may redirect a
 * media download to its own file storage).
 */
import { call, json, ProviderError, type CallResult } from '../webhook/outbound.js';

export interface TwilioApiOptions {
  /** https://api.twilio.com; tests use a fake on 127.0.0.1. */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  timeoutMs?: number;
  maxMediaBytes?: number;
}

/** Twilio's "outside the 24-hour session window" error (use a template). */
export const TWILIO_OUTSIDE_WINDOW = 63016;
/** Twilio's cap for one WhatsApp message body. */
export const TWILIO_MAX_BODY = 1600;

const PROVIDER = 'Twilio';

export interface CreateMessage {
  to: string;
  from: string;
  body?: string;
  mediaUrl?: string;
  contentSid?: string;
  contentVariables?: Record<string, string>;
  statusCallback?: string;
}

export class TwilioApi {
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly maxMediaBytes: number;

  constructor(private readonly o: TwilioApiOptions) {
    this.base = o.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = o.timeoutMs ?? 30_000;
    this.maxMediaBytes = o.maxMediaBytes ?? 25 * 1024 * 1024;
  }

  private auth(): Record<string, string> {
    return { authorization: 'Basic ' + Buffer.from(`${this.o.accountSid}:${this.o.authToken}`).toString('base64') };
  }

  private check<T>(r: CallResult): T {
    if (r.status >= 200 && r.status < 300) return json<T>(PROVIDER, r);
    let e: { code?: number; message?: string } = {};
    try {
      e = JSON.parse(r.body.toString('utf8')) as typeof e;
    } catch {
      // not JSON: reported by status alone
    }
    throw new ProviderError(PROVIDER, r.status, typeof e.code === 'number' ? e.code : null, `HTTP ${r.status}: ${e.message ?? 'error'}`);
  }

  /** POST /2010-04-01/Accounts/<sid>/Messages.json; returns the new message's SID. */
  async createMessage(m: CreateMessage): Promise<string> {
    const form = new URLSearchParams();
    form.set('To', `whatsapp:+${m.to}`);
    form.set('From', `whatsapp:+${m.from}`);
    if (m.contentSid) {
      form.set('ContentSid', m.contentSid);
      if (m.contentVariables) form.set('ContentVariables', JSON.stringify(m.contentVariables));
    } else {
      if (m.body !== undefined) form.set('Body', m.body);
      if (m.mediaUrl) form.set('MediaUrl', m.mediaUrl);
    }
    if (m.statusCallback) form.set('StatusCallback', m.statusCallback);
    const r = await call(PROVIDER, `${this.base}/2010-04-01/Accounts/${encodeURIComponent(this.o.accountSid)}/Messages.json`, {
      method: 'POST',
      headers: { ...this.auth(), 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      timeoutMs: this.timeoutMs,
    });
    return this.check<{ sid?: string }>(r).sid ?? '';
  }

  /** Downloads an incoming message's media, only from the configured API's origin. */
  async downloadMedia(url: string): Promise<Buffer> {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new ProviderError(PROVIDER, 0, null, 'the media URL is not a URL');
    }
    if (u.origin !== new URL(this.base).origin) throw new ProviderError(PROVIDER, 0, null, `refusing to download media from ${u.host}, which is not the Twilio API`);
    const r = await call(PROVIDER, u.toString(), { method: 'GET', headers: this.auth(), timeoutMs: Math.max(this.timeoutMs, 120_000) });
    if (r.status < 200 || r.status >= 300) throw new ProviderError(PROVIDER, r.status, null, `HTTP ${r.status} downloading the media`);
    if (r.body.length > this.maxMediaBytes) throw new ProviderError(PROVIDER, r.status, null, 'the media is larger than munshi accepts');
    return r.body;
  }
}
