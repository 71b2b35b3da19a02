/**
 * @module transport/twilio/fake-twilio
 * A fake of Twilio for tests and local trials: a real HTTP server on 127.0.0.1 that speaks the
 * Messages API (Basic auth, form bodies, JSON answers, error codes), serves incoming media, and
 * fetches a message's MediaUrl the way Twilio does; plus a poster of webhooks signed as Twilio
 * signs them. The real TwilioApi client and the real webhook receiver run against it unchanged.
 */
import { silentLogger } from '../../logging/logger.js';
import { serveWebhooks, type WebhookServer } from '../webhook/http.js';
import { twilioSignature } from '../webhook/signature.js';

export interface TwilioCall {
  method: string;
  path: string;
  authorization: string | null;
  form?: Record<string, string>;
  status?: number;
  /** The SID the fake gave an accepted message. */
  sid?: string;
  /** For a message with MediaUrl: what the fake downloaded from it (status and bytes). */
  fetchedMedia?: { status: number; bytes: number; contentType: string | null };
}

export interface FakeTwilio {
  readonly url: string;
  readonly calls: TwilioCall[];
  /** The messages Twilio accepted, as their form fields. */
  sent(): Record<string, string>[];
  /** Incoming media the fake serves at <url>/2010-04-01/Accounts/<sid>/Messages/<msg>/Media/<id>; returns its URL. */
  addMedia(messageSid: string, mediaSid: string, bytes: Buffer, contentType: string): string;
  /** Numbers (digits) outside their 24-hour window: free-form messages fail with 63016. */
  readonly closedWindows: Set<string>;
  failNextSends(n: number, status?: number): void;
  close(): Promise<void>;
}

export async function startFakeTwilio(o: { accountSid: string; authToken: string }): Promise<FakeTwilio> {
  const calls: TwilioCall[] = [];
  const media = new Map<string, { bytes: Buffer; contentType: string }>();
  const closedWindows = new Set<string>();
  let failures = 0;
  let failStatus = 503;
  let n = 0;
  const basic = 'Basic ' + Buffer.from(`${o.accountSid}:${o.authToken}`).toString('base64');
  const err = (status: number, code: number, message: string) =>
    new Response(JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }), { status, headers: { 'content-type': 'application/json' } });

  const server: WebhookServer = await serveWebhooks({
    host: '127.0.0.1',
    port: 0,
    logger: silentLogger,
    handler: async (req) => {
      const url = new URL(req.url);
      const call: TwilioCall = { method: req.method, path: url.pathname, authorization: req.headers.get('authorization') };
      calls.push(call);
      const r = await answer(req, url, call);
      call.status = r.status;
      return r;
    },
  });

  async function answer(req: Request, url: URL, call: TwilioCall): Promise<Response> {
    if (call.authorization !== basic) return err(401, 20003, 'Authenticate');
    const base = `/2010-04-01/Accounts/${o.accountSid}`;
    if (req.method === 'GET' && url.pathname.startsWith(`${base}/Messages/`) && url.pathname.includes('/Media/')) {
      const m = media.get(url.pathname);
      return m ? new Response(m.bytes, { status: 200, headers: { 'content-type': m.contentType } }) : err(404, 20404, 'The requested resource was not found');
    }
    if (req.method === 'POST' && url.pathname === `${base}/Messages.json`) {
      const form = Object.fromEntries(new URLSearchParams(await req.text()));
      call.form = form;
      if (failures > 0) {
        failures--;
        return err(failStatus, 20500, 'Internal Server Error');
      }
      if (!/^whatsapp:\+\d+$/.test(form.To ?? '') || !/^whatsapp:\+\d+$/.test(form.From ?? '')) return err(400, 21211, "Invalid 'To' Phone Number");
      if (!form.ContentSid && !form.Body && !form.MediaUrl) return err(400, 21602, 'Message body is required.');
      if (!form.ContentSid && closedWindows.has(form.To!.replace(/\D/g, ''))) return err(400, 63016, 'Failed to send freeform message because you are outside the allowed window.');
      if (form.MediaUrl) {
        // Twilio fetches the media from the URL it was given before sending.
        try {
          const m = await fetch(form.MediaUrl);
          call.fetchedMedia = { status: m.status, bytes: (await m.arrayBuffer()).byteLength, contentType: m.headers.get('content-type') };
        } catch {
          call.fetchedMedia = { status: 0, bytes: 0, contentType: null };
        }
        if (call.fetchedMedia.status !== 200) return err(400, 11200, 'HTTP retrieval failure');
      }
      const sid = `SM${String(++n).padStart(32, '0')}`;
      call.sid = sid;
      return new Response(JSON.stringify({ sid, status: 'queued', to: form.To, from: form.From, body: form.Body ?? '' }), { status: 201, headers: { 'content-type': 'application/json' } });
    }
    return err(404, 20404, 'The requested resource was not found');
  }

  return {
    url: server.localUrl,
    calls,
    closedWindows,
    sent: () => calls.filter((c) => c.form && c.status === 201).map((c) => c.form!),
    addMedia(messageSid, mediaSid, bytes, contentType) {
      const p = `/2010-04-01/Accounts/${o.accountSid}/Messages/${messageSid}/Media/${mediaSid}`;
      media.set(p, { bytes, contentType });
      return server.localUrl + p;
    },
    failNextSends: (count, status = 503) => {
      failures = count;
      failStatus = status;
    },
    close: () => server.close(),
  };
}

/**
 * POSTs form fields to a webhook the way Twilio does. `signedUrl` is the URL Twilio believes it
 * called (the public one); `postUrl` is where the request actually goes (the local server).
 */
export async function postTwilioWebhook(
  postUrl: string,
  fields: [string, string][],
  opts: { authToken?: string; signedUrl?: string; signature?: string | null; body?: string } = {},
): Promise<{ status: number; text: string; contentType: string | null }> {
  const body = opts.body ?? new URLSearchParams(fields).toString();
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'TwilioProxy/1.1' };
  const signature = opts.signature !== undefined ? opts.signature : opts.authToken !== undefined ? twilioSignature(opts.authToken, opts.signedUrl ?? postUrl, fields) : null;
  if (signature) headers['x-twilio-signature'] = signature;
  const r = await fetch(postUrl, { method: 'POST', headers, body });
  return { status: r.status, text: await r.text(), contentType: r.headers.get('content-type') };
}

/** The fields of an incoming WhatsApp message as Twilio posts them. */
export function twilioInbound(o: { accountSid: string; sid: string; from: string; to: string; body?: string; media?: { url: string; contentType: string }[] }): [string, string][] {
  const media = o.media ?? [];
  const fields: [string, string][] = [
    ['SmsMessageSid', o.sid],
    ['NumMedia', String(media.length)],
    ['ProfileName', 'Someone'],
    ['MessageType', media.length ? (media[0]!.contentType.split('/')[0] === 'audio' ? 'audio' : 'image') : 'text'],
    ['SmsSid', o.sid],
    ['WaId', o.from],
    ['SmsStatus', 'received'],
    ['Body', o.body ?? ''],
    ['To', `whatsapp:+${o.to}`],
    ['NumSegments', '1'],
    ['ReferralNumMedia', '0'],
    ['MessageSid', o.sid],
    ['AccountSid', o.accountSid],
    ['From', `whatsapp:+${o.from}`],
    ['ApiVersion', '2010-04-01'],
  ];
  media.forEach((m, i) => fields.push([`MediaContentType${i}`, m.contentType], [`MediaUrl${i}`, m.url]));
  return fields;
}
