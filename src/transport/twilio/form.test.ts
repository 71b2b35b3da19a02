import { describe, expect, it } from 'vitest';
import { formFields, readTwilioInbound, readTwilioStatus, whatsappNumber } from './form.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('reading what Twilio posts', () => {
  it('reads an incoming WhatsApp message with its media', () => {
    const f = formFields(enc('MessageSid=MM1&AccountSid=AC1&From=whatsapp%3A%2B919800000002&To=whatsapp%3A%2B14155238886&Body=dmart+1%2C250&NumMedia=2&MediaUrl0=https%3A%2F%2Fapi.twilio.com%2Fm0&MediaContentType0=image%2Fjpeg&MediaUrl1=https%3A%2F%2Fapi.twilio.com%2Fm1'));
    expect(readTwilioInbound(f)).toEqual({
      kind: 'message',
      sid: 'MM1',
      accountSid: 'AC1',
      from: '919800000002',
      to: '14155238886',
      body: 'dmart 1,250',
      media: [
        { url: 'https://api.twilio.com/m0', contentType: 'image/jpeg' },
        { url: 'https://api.twilio.com/m1', contentType: 'application/octet-stream' },
      ],
      messageType: null,
    });
  });

  it('reads a status callback and its error code', () => {
    expect(readTwilioStatus(formFields(enc('MessageSid=SM9&AccountSid=AC1&MessageStatus=undelivered&ErrorCode=63016&To=whatsapp%3A%2B919800000002')))).toEqual({
      kind: 'status',
      sid: 'SM9',
      accountSid: 'AC1',
      status: 'undelivered',
      errorCode: 63016,
      to: '919800000002',
    });
  });

  it('refuses what lacks the ids, and numbers that are not on the whatsapp: channel', () => {
    expect(readTwilioInbound(formFields(enc('Body=hi')))).toBeNull();
    expect(readTwilioStatus(formFields(enc('MessageSid=SM1&AccountSid=AC1')))).toBeNull();
    expect(whatsappNumber('+919800000002')).toBeNull();
    expect(whatsappNumber('messenger:123')).toBeNull();
    expect(whatsappNumber('whatsapp:+1 415')).toBeNull();
    expect(whatsappNumber('WhatsApp:+14155238886')).toBe('14155238886');
    // NumMedia is capped and garbage is zero.
    expect(readTwilioInbound(formFields(enc('MessageSid=S&AccountSid=A&NumMedia=999999')))!.media).toEqual([]);
    expect(readTwilioInbound(formFields(enc('MessageSid=S&AccountSid=A&NumMedia=abc')))!.media).toEqual([]);
  });
});
