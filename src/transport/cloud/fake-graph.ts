/**
 * @module transport/cloud/fake-graph
 * A fake of Meta's side for tests and local trials: a real HTTP server on 127.0.0.1 that speaks
 * the Graph API calls munshi makes (messages, media upload, media lookup and download) and records
 * them, plus builders of the webhook notifications Meta posts, signed as Meta signs them. The
 * real GraphApi client and the real webhook receiver run against it unchanged.
 */
import { createHash } from 'node:crypto';
import { silentLogger } from '../../logging/logger.js';
import { serveWebhooks, type WebhookServer } from '../webhook/http.js';
import { metaSignature } from '../webhook/signature.js';
import { DEFAULT_GRAPH_VERSION } from './graph.js';

export interface GraphCall {
  method: string;
  path: string;
  authorization: string | null;
  /** The JSON body of a messages call. */
  json?: Record<string, unknown>;
  /** The fields of a media upload. */
  upload?: { type: string | null; bytes: number; fileType: string | null };
  /** The HTTP status the fake answered. */
  status?: number;
}

export interface FakeGraph {
  /** http://127.0.0.1:<port>: set as the Graph base URL. */
  readonly url: string;
  readonly calls: GraphCall[];
  /** The messages munshi sent and the fake accepted (calls to /<phone id>/messages), in order. */
  sent(): Record<string, unknown>[];
  /** Media the fake serves: id → bytes. */
  addMedia(id: string, bytes: Buffer, mimeType: string): void;
  /** Recipients (digits) for which free-form messages fail with 131047 (outside the window). */
  readonly closedWindows: Set<string>;
  /** Answer the next n message sends with this HTTP status (a Graph outage). */
  failNextSends(n: number, status?: number): void;
  close(): Promise<void>;
}

export interface FakeGraphOptions {
  accessToken: string;
  version?: string;
}

export async function startFakeGraph(o: FakeGraphOptions): Promise<FakeGraph> {
  const calls: GraphCall[] = [];
  const media = new Map<string, { bytes: Buffer; mimeType: string }>();
  const closedWindows = new Set<string>();
  let failures = 0;
  let failStatus = 503;
  let n = 0;
  let server: WebhookServer;

  const graphError = (status: number, code: number, message: string) =>
    new Response(JSON.stringify({ error: { message, type: 'OAuthException', code, fbtrace_id: 'fake' } }), { status, headers: { 'content-type': 'application/json' } });
  const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

  server = await serveWebhooks({
    host: '127.0.0.1',
    port: 0,
    logger: silentLogger,
    handler: async (req) => {
      const url = new URL(req.url);
      const auth = req.headers.get('authorization');
      const call: GraphCall = { method: req.method, path: url.pathname, authorization: auth };
      calls.push(call);
      const r = await answer(req, url, auth, call);
      call.status = r.status;
      return r;
    },
  });

  async function answer(req: Request, url: URL, auth: string | null, call: GraphCall): Promise<Response> {
    {
      if (auth !== `Bearer ${o.accessToken}`) return graphError(401, 190, 'Invalid OAuth access token.');
      const parts = url.pathname.split('/').filter(Boolean);
      if (parts[0] === 'media-files' && req.method === 'GET') {
        const m = media.get(decodeURIComponent(parts[1] ?? ''));
        return m ? new Response(m.bytes, { status: 200, headers: { 'content-type': m.mimeType } }) : new Response('gone', { status: 404 });
      }
      if (parts[0] !== (o.version ?? DEFAULT_GRAPH_VERSION)) return graphError(400, 100, 'Unknown path');
      if (parts.length === 3 && parts[2] === 'messages' && req.method === 'POST') {
        const body = (await req.json()) as Record<string, unknown>;
        call.json = body;
        if (failures > 0 && body.status !== 'read') {
          failures--;
          return graphError(failStatus, 131000, 'Something went wrong');
        }
        if (body.messaging_product !== 'whatsapp') return graphError(400, 100, 'messaging_product must be whatsapp');
        if (body.status === 'read') return ok({ success: true });
        const to = String(body.to ?? '');
        if (body.type !== 'template' && closedWindows.has(to)) {
          return graphError(400, 131047, 'Re-engagement message');
        }
        return ok({ messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: `wamid.fake.out.${++n}` }] });
      }
      if (parts.length === 3 && parts[2] === 'media' && req.method === 'POST') {
        const form = await req.formData();
        const file = form.get('file');
        call.upload = { type: String(form.get('type') ?? ''), bytes: file instanceof Blob ? file.size : 0, fileType: file instanceof Blob ? file.type : null };
        if (form.get('messaging_product') !== 'whatsapp' || !(file instanceof Blob)) return graphError(400, 100, 'bad upload');
        return ok({ id: `media.fake.up.${++n}` });
      }
      if (parts.length === 2 && req.method === 'GET') {
        const id = decodeURIComponent(parts[1]!);
        const m = media.get(id);
        if (!m) return graphError(404, 100, 'Unsupported get request');
        return ok({
          messaging_product: 'whatsapp',
          url: `${server.localUrl}/media-files/${encodeURIComponent(id)}`,
          mime_type: m.mimeType,
          sha256: createHash('sha256').update(m.bytes).digest('hex'),
          file_size: m.bytes.length,
          id,
        });
      }
      return graphError(400, 100, 'Unsupported request');
    }
  }

  return {
    url: server.localUrl,
    calls,
    closedWindows,
    sent: () => calls.filter((c) => c.json && c.json.status !== 'read' && c.status === 200 && /\/messages$/.test(c.path)).map((c) => c.json!),
    addMedia: (id, bytes, mimeType) => void media.set(id, { bytes, mimeType }),
    failNextSends: (count, status = 503) => {
      failures = count;
      failStatus = status;
    },
    close: () => server.close(),
  };
}

// ---- webhook notifications, as Meta posts them ------------------------------------------------

export interface CloudMessageSpec {
  from: string;
  id: string;
  /** Unix seconds. */
  timestamp: number;
  text?: string;
  audio?: { id: string; mimeType?: string; sha256?: string };
  image?: { id: string; mimeType?: string; caption?: string; sha256?: string };
  /** Any other Meta message type with its object (sticker, location, …). */
  other?: { type: string; value: Record<string, unknown> };
  name?: string;
}

/** A "messages" notification for one business number, shaped like Meta's. */
export function cloudNotification(phoneNumberId: string, messages: CloudMessageSpec[], statuses: Record<string, unknown>[] = []): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              ...(messages.length ? { contacts: messages.map((m) => ({ profile: { name: m.name ?? 'Someone' }, wa_id: m.from })) } : {}),
              ...(messages.length ? { messages: messages.map(messageJson) } : {}),
              ...(statuses.length ? { statuses } : {}),
            },
          },
        ],
      },
    ],
  };
}

function messageJson(m: CloudMessageSpec): Record<string, unknown> {
  const base = { from: m.from, id: m.id, timestamp: String(m.timestamp) };
  if (m.audio) return { ...base, type: 'audio', audio: { mime_type: m.audio.mimeType ?? 'audio/ogg; codecs=opus', sha256: m.audio.sha256 ?? null, id: m.audio.id, voice: true } };
  if (m.image) return { ...base, type: 'image', image: { ...(m.image.caption ? { caption: m.image.caption } : {}), mime_type: m.image.mimeType ?? 'image/jpeg', ...(m.image.sha256 ? { sha256: m.image.sha256 } : {}), id: m.image.id } };
  if (m.other) return { ...base, type: m.other.type, [m.other.type]: m.other.value };
  return { ...base, type: 'text', text: { body: m.text ?? '' } };
}

/** POSTs a notification to a webhook URL the way Meta does: raw JSON body, X-Hub-Signature-256. */
export async function postToWebhook(url: string, body: string | Buffer, opts: { appSecret?: string; signature?: string | null } = {}): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' };
  const signature = opts.signature !== undefined ? opts.signature : opts.appSecret !== undefined ? metaSignature(body, opts.appSecret) : null;
  if (signature) headers['x-hub-signature-256'] = signature;
  const r = await fetch(url, { method: 'POST', headers, body });
  return { status: r.status, text: await r.text() };
}
