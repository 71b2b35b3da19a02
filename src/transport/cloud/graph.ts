/**
 * @module transport/cloud/graph
 * The few Graph API calls munshi makes for the WhatsApp Cloud API: send a message (text, template,
 * image, reaction), mark a message read with a typing indicator, upload a chart, and fetch the
 * media of a voice note or photo (GET /<media id> for a short-lived URL, then GET that URL, both
 * with the access token). Every call goes to the configured base URL, except the media download,
 * which goes where Graph says the file is, and only if that is Meta's own media host.
 */
import { createHash } from 'node:crypto';
import { call, json, ProviderError, type CallResult } from '../webhook/outbound.js';

export interface GraphOptions {
  /** https://graph.facebook.com; tests use a fake on 127.0.0.1. */
  baseUrl: string;
  /** "v23.0". */
  version: string;
  phoneNumberId: string;
  accessToken: string;
  timeoutMs?: number;
  /** Largest media file munshi downloads (WhatsApp caps audio at 16 MB). */
  maxMediaBytes?: number;
}

/** Where Meta serves media files from besides the API host (lookaside.fbsbx.com today). */
export const META_MEDIA_HOST_SUFFIXES = ['.fbsbx.com', '.fbcdn.net', '.whatsapp.net'] as const;

/** Graph's "more than 24 hours since the customer last replied" error. */
export const OUTSIDE_WINDOW_CODE = 131047;

/** A text message's cap on the Cloud API. */
export const MAX_TEXT = 4096;

interface GraphError {
  error?: { message?: string; code?: number; error_subcode?: number; error_data?: { details?: string } };
}

const PROVIDER = 'WhatsApp Cloud API';

/** The Graph API version munshi was written against (MUNSHI_CLOUD_API_VERSION overrides). */
export const DEFAULT_GRAPH_VERSION = 'v23.0';

export class GraphApi {
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly maxMediaBytes: number;

  constructor(private readonly o: GraphOptions) {
    this.base = `${o.baseUrl.replace(/\/+$/, '')}/${o.version}`;
    this.timeoutMs = o.timeoutMs ?? 30_000;
    this.maxMediaBytes = o.maxMediaBytes ?? 25 * 1024 * 1024;
  }

  private auth(): Record<string, string> {
    return { authorization: `Bearer ${this.o.accessToken}` };
  }

  private check<T>(r: CallResult): T {
    if (r.status >= 200 && r.status < 300) return json<T>(PROVIDER, r);
    let e: GraphError['error'] = undefined;
    try {
      e = (JSON.parse(r.body.toString('utf8')) as GraphError).error;
    } catch {
      // not JSON: reported by status alone
    }
    const detail = e?.error_data?.details ? ` (${e.error_data.details})` : '';
    throw new ProviderError(PROVIDER, r.status, e?.code ?? null, `HTTP ${r.status}: ${e?.message ?? 'error'}${detail}`);
  }

  /** POST /<phone number id>/messages; returns the wamid of the sent message. */
  async send(payload: Record<string, unknown>): Promise<string> {
    const r = await call(PROVIDER, `${this.base}/${this.o.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { ...this.auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', ...payload }),
      timeoutMs: this.timeoutMs,
    });
    const out = this.check<{ messages?: { id?: string }[] }>(r);
    return out.messages?.[0]?.id ?? '';
  }

  sendText(to: string, body: string): Promise<string> {
    return this.send({ recipient_type: 'individual', to, type: 'text', text: { body, preview_url: false } });
  }

  sendTemplate(to: string, name: string, language: string, parameter: string): Promise<string> {
    return this.send({
      recipient_type: 'individual',
      to,
      type: 'template',
      template: { name, language: { code: language }, components: [{ type: 'body', parameters: [{ type: 'text', text: parameter }] }] },
    });
  }

  sendImage(to: string, mediaId: string, caption?: string): Promise<string> {
    return this.send({ recipient_type: 'individual', to, type: 'image', image: caption ? { id: mediaId, caption } : { id: mediaId } });
  }

  react(to: string, messageId: string, emoji: string): Promise<string> {
    return this.send({ recipient_type: 'individual', to, type: 'reaction', reaction: { message_id: messageId, emoji } });
  }

  /** Marks an incoming message read (blue ticks) and, with `typing`, shows "typing…" for up to 25 s. */
  async markRead(messageId: string, typing: boolean): Promise<void> {
    await this.send({ status: 'read', message_id: messageId, ...(typing ? { typing_indicator: { type: 'text' } } : {}) });
  }

  /** Uploads a PNG; returns its media id for sendImage. */
  async uploadPng(png: Buffer): Promise<string> {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', 'image/png');
    form.set('file', new Blob([png], { type: 'image/png' }), 'munshi.png');
    const r = await call(PROVIDER, `${this.base}/${this.o.phoneNumberId}/media`, { method: 'POST', headers: this.auth(), body: form, timeoutMs: this.timeoutMs });
    const out = this.check<{ id?: string }>(r);
    if (!out.id) throw new ProviderError(PROVIDER, r.status, null, 'the upload answer has no media id');
    return out.id;
  }

  /** Downloads a media file by id, checking its size and, when Meta gave one, its SHA-256. */
  async downloadMedia(mediaId: string, expectedSha256?: string | null): Promise<{ bytes: Buffer; mimeType: string | null }> {
    const meta = this.check<{ url?: string; mime_type?: string; sha256?: string; file_size?: number }>(
      await call(PROVIDER, `${this.base}/${encodeURIComponent(mediaId)}`, { method: 'GET', headers: this.auth(), timeoutMs: this.timeoutMs }),
    );
    if (!meta.url) throw new ProviderError(PROVIDER, 200, null, 'the media answer has no URL');
    if (!this.isMetaMediaUrl(meta.url)) throw new ProviderError(PROVIDER, 200, null, `refusing to download media from ${safeHost(meta.url)}, which is not Meta's`);
    if (typeof meta.file_size === 'number' && meta.file_size > this.maxMediaBytes) {
      throw new ProviderError(PROVIDER, 200, null, `the media is ${meta.file_size} bytes, more than the ${this.maxMediaBytes} munshi accepts`);
    }
    const r = await call(PROVIDER, meta.url, { method: 'GET', headers: this.auth(), timeoutMs: Math.max(this.timeoutMs, 120_000), redirect: 'error' });
    if (r.status < 200 || r.status >= 300) throw new ProviderError(PROVIDER, r.status, null, `HTTP ${r.status} downloading the media`);
    if (r.body.length > this.maxMediaBytes) throw new ProviderError(PROVIDER, r.status, null, 'the media is larger than munshi accepts');
    const sha = expectedSha256 ?? meta.sha256;
    if (sha) {
      const got = createHash('sha256').update(r.body).digest();
      // Meta has sent this hash both as hex and as base64; either must match.
      if (got.toString('hex') !== sha.toLowerCase() && got.toString('base64') !== sha) {
        throw new ProviderError(PROVIDER, r.status, null, 'the downloaded media does not match its SHA-256');
      }
    }
    return { bytes: r.body, mimeType: meta.mime_type ?? null };
  }

  private isMetaMediaUrl(url: string): boolean {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    const api = new URL(this.o.baseUrl);
    if (u.origin === api.origin) return true;
    return u.protocol === 'https:' && META_MEDIA_HOST_SUFFIXES.some((s) => u.hostname.endsWith(s));
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
}

/** Splits a long reply at line breaks into pieces the Cloud API accepts. */
export function splitText(text: string, max = MAX_TEXT): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = max;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  if (rest) out.push(rest);
  return out;
}
