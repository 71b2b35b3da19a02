/**
 * @module transport/twilio/form
 * Reads what Twilio posts to the WhatsApp webhook (application/x-www-form-urlencoded): an incoming
 * message (MessageSid, From "whatsapp:+<number>", Body, NumMedia with MediaUrlN and
 * MediaContentTypeN) or a status callback for a message munshi sent (MessageStatus, ErrorCode).
 * Pure; every field is outside input and is checked.
 */
import type { FormFields } from '../webhook/signature.js';

export interface TwilioMedia {
  url: string;
  contentType: string;
}

export interface TwilioInbound {
  kind: 'message';
  /** SM… or MM…: Twilio's id of the message, the same on every redelivery. */
  sid: string;
  accountSid: string;
  /** Digits of the sender's number; null when the sender is not on the whatsapp: channel. */
  from: string | null;
  /** Digits of the number written to. */
  to: string | null;
  body: string;
  media: TwilioMedia[];
  /** Twilio's MessageType when it sent one (text, image, audio, location, …). */
  messageType: string | null;
}

export interface TwilioStatus {
  kind: 'status';
  sid: string;
  accountSid: string;
  status: string;
  errorCode: number | null;
  to: string | null;
}

/** "whatsapp:+14155238886" → "14155238886"; null for other channels (SMS, Messenger). */
export function whatsappNumber(address: string | undefined): string | null {
  const m = /^whatsapp:\+?(\d{6,15})$/i.exec((address ?? '').trim());
  return m ? m[1]! : null;
}

/** The fields of a form body in arrival order (names may repeat). */
export function formFields(raw: Uint8Array): [string, string][] {
  return [...new URLSearchParams(Buffer.from(raw).toString('utf8')).entries()];
}

/** An incoming message posted to the webhook; null when the required fields are missing. */
export function readTwilioInbound(fields: FormFields): TwilioInbound | null {
  const get = getter(fields);
  const sid = get('MessageSid') ?? get('SmsMessageSid');
  const accountSid = get('AccountSid');
  if (!sid || !accountSid) return null;
  const n = Math.min(Math.max(Number(get('NumMedia') ?? 0) || 0, 0), 10);
  const media: TwilioMedia[] = [];
  for (let i = 0; i < n; i++) {
    const url = get(`MediaUrl${i}`);
    if (url) media.push({ url, contentType: get(`MediaContentType${i}`) ?? 'application/octet-stream' });
  }
  return {
    kind: 'message',
    sid,
    accountSid,
    from: whatsappNumber(get('From')),
    to: whatsappNumber(get('To')),
    body: get('Body') ?? '',
    media,
    messageType: get('MessageType') ?? null,
  };
}

/** A status callback (the StatusCallback URL munshi gives each message it sends). */
export function readTwilioStatus(fields: FormFields): TwilioStatus | null {
  const get = getter(fields);
  const sid = get('MessageSid') ?? get('SmsSid');
  const accountSid = get('AccountSid');
  const status = get('MessageStatus') ?? get('SmsStatus');
  if (!sid || !accountSid || !status) return null;
  const code = Number(get('ErrorCode'));
  return { kind: 'status', sid, accountSid, status, errorCode: Number.isFinite(code) && code > 0 ? code : null, to: whatsappNumber(get('To')) };
}

function getter(fields: FormFields): (name: string) => string | undefined {
  return (name) => fields.find(([k]) => k === name)?.[1];
}
