/**
 * @module transport/webhook/signature
 * Webhook signatures exactly as the providers compute them, and their constant-time checks.
 *
 * - Meta (WhatsApp Cloud API): `X-Hub-Signature-256: sha256=<hex>`, the HMAC-SHA256 of the raw
 *   request body (the bytes on the wire, before any JSON parsing) keyed with the app secret.
 * - Twilio: `X-Twilio-Signature: <base64>`, the HMAC-SHA1 keyed with the auth token over the full
 *   webhook URL (as configured in Twilio, query included) followed by every POST field as
 *   name+value, fields sorted by name (a repeated name: its distinct values sorted). Twilio's own
 *   validators accept the URL with and without an explicit default port, because Twilio is not
 *   consistent about it; so do we.
 *
 * Pure apart from node:crypto: the same functions sign in tests and in the fake providers, and verify
 * in the adapters.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** "sha256=<hex>" for a body, as Meta sends it. */
export function metaSignature(rawBody: Uint8Array | string, appSecret: string): string {
  return 'sha256=' + createHmac('sha256', appSecret).update(rawBody).digest('hex');
}

/** True when `header` is Meta's signature of exactly these bytes. Missing or malformed: false. */
export function verifyMetaSignature(rawBody: Uint8Array, header: string | null | undefined, appSecret: string): boolean {
  if (!header || !appSecret) return false;
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!m) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(m[1]!, 'hex'));
}

/** POST fields in arrival order; a name may repeat. */
export type FormFields = ReadonlyArray<readonly [string, string]>;

/** The string Twilio signs: the URL, then name+value of each field sorted by name. */
function twilioPayload(url: string, fields: FormFields): string {
  const byName = new Map<string, Set<string>>();
  for (const [k, v] of fields) {
    if (!byName.has(k)) byName.set(k, new Set());
    byName.get(k)!.add(v);
  }
  let data = url;
  for (const name of [...byName.keys()].sort()) {
    for (const value of [...byName.get(name)!].sort()) data += name + value;
  }
  return data;
}

/** The base64 X-Twilio-Signature for a POST to `url` with these form fields. */
export function twilioSignature(authToken: string, url: string, fields: FormFields): string {
  return createHmac('sha1', authToken).update(Buffer.from(twilioPayload(url, fields), 'utf8')).digest('base64');
}

/** The URL as given, without its port, and with the explicit default port ("https://h/x", "https://h:443/x"). */
function urlVariants(url: string): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [url];
  }
  const out = new Set<string>([url]);
  const bare = new URL(u.toString());
  bare.port = '';
  out.add(bare.toString());
  // URL drops a default port, so u.port is '' for both "https://h/x" and "https://h:443/x".
  const port = u.port || (u.protocol === 'https:' ? '443' : u.protocol === 'http:' ? '80' : '');
  const auth = u.username ? `${u.username}${u.password ? ':' + u.password : ''}@` : '';
  if (port) out.add(`${u.protocol}//${auth}${u.hostname}:${port}${u.pathname}${u.search}`);
  return [...out];
}

/** True when `header` is Twilio's signature of a POST to `url` with these fields. */
export function verifyTwilioSignature(authToken: string, url: string, fields: FormFields, header: string | null | undefined): boolean {
  if (!header || !authToken) return false;
  const given = Buffer.from(header.trim(), 'utf8');
  let ok = false;
  for (const variant of urlVariants(url)) {
    const expected = Buffer.from(twilioSignature(authToken, variant, fields), 'utf8');
    // Every variant is compared (no early exit), each in constant time.
    if (expected.length === given.length && timingSafeEqual(expected, given)) ok = true;
  }
  return ok;
}
