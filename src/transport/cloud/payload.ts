/**
 * @module transport/cloud/payload
 * Reads the JSON Meta posts to the webhook (object "whatsapp_business_account", entries of
 * changes whose field is "messages") into munshi's terms: incoming messages and delivery statuses.
 * Pure and defensive: the payload is outside input, so every field is checked and anything
 * unexpected is skipped, never thrown on.
 */

export interface CloudMedia {
  /** The media id to fetch through the Graph API. */
  id: string;
  mimeType: string;
  sha256: string | null;
}

export interface CloudMessage {
  /** The wamid: WhatsApp's id of the message, stable across webhook redeliveries. */
  id: string;
  /** The business number it was sent to (metadata.phone_number_id). */
  phoneNumberId: string;
  /** The sender's WhatsApp id (their phone number as digits). */
  from: string;
  /** Unix seconds. */
  timestamp: number;
  /** Meta's type: text, audio, image, document, button, interactive, sticker, reaction, … */
  type: string;
  /** The text to read: the body, the caption, the tapped button's title. */
  text: string;
  media: CloudMedia | null;
}

export interface CloudStatus {
  /** The wamid of a message munshi sent. */
  id: string;
  phoneNumberId: string;
  /** sent, delivered, read, failed. */
  status: string;
  recipient: string;
  errors: { code: number | null; title: string }[];
}

export interface CloudEvents {
  messages: CloudMessage[];
  statuses: CloudStatus[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** null when the JSON is not a WhatsApp Business Account notification at all. */
export function parseCloudWebhook(body: unknown): CloudEvents | null {
  if (!isObj(body) || body.object !== 'whatsapp_business_account') return null;
  const out: CloudEvents = { messages: [], statuses: [] };
  for (const entry of arr(body.entry)) {
    if (!isObj(entry)) continue;
    for (const change of arr(entry.changes)) {
      if (!isObj(change) || change.field !== 'messages' || !isObj(change.value)) continue;
      const value = change.value;
      const phoneNumberId = isObj(value.metadata) ? str(value.metadata.phone_number_id) : null;
      if (!phoneNumberId) continue;
      for (const m of arr(value.messages)) {
        const msg = readMessage(m, phoneNumberId);
        if (msg) out.messages.push(msg);
      }
      for (const s of arr(value.statuses)) {
        if (!isObj(s)) continue;
        const id = str(s.id);
        const status = str(s.status);
        if (!id || !status) continue;
        out.statuses.push({
          id,
          phoneNumberId,
          status,
          recipient: str(s.recipient_id) ?? '',
          errors: arr(s.errors)
            .filter(isObj)
            .map((e) => ({ code: typeof e.code === 'number' ? e.code : null, title: str(e.title) ?? str(e.message) ?? '' })),
        });
      }
    }
  }
  return out;
}

function readMessage(m: unknown, phoneNumberId: string): CloudMessage | null {
  if (!isObj(m)) return null;
  const id = str(m.id);
  const from = str(m.from);
  const type = str(m.type);
  if (!id || !from || !type) return null;
  const ts = Number(str(m.timestamp));
  let text = '';
  let media: CloudMedia | null = null;
  const part = isObj(m[type]) ? (m[type] as Obj) : null;
  if (type === 'text' && part) text = str(part.body) ?? '';
  else if (type === 'button' && part) text = str(part.text) ?? '';
  else if (type === 'interactive' && part) {
    const reply = isObj(part.button_reply) ? part.button_reply : isObj(part.list_reply) ? part.list_reply : null;
    text = reply ? (str(reply.title) ?? '') : '';
  } else if ((type === 'audio' || type === 'image' || type === 'document') && part) {
    const mediaId = str(part.id);
    const fallback = type === 'audio' ? 'audio/ogg' : type === 'image' ? 'image/jpeg' : 'application/octet-stream';
    if (mediaId) media = { id: mediaId, mimeType: str(part.mime_type) ?? fallback, sha256: str(part.sha256) };
    text = str(part.caption) ?? '';
  }
  return { id, phoneNumberId, from, timestamp: Number.isFinite(ts) && ts > 0 ? ts : 0, type, text, media };
}
