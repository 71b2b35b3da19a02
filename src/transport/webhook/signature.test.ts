import { describe, expect, it } from 'vitest';
import { metaSignature, twilioSignature, verifyMetaSignature, verifyTwilioSignature, type FormFields } from './signature.js';

describe('Meta X-Hub-Signature-256', () => {
  const body = '{"object":"whatsapp_business_account","entry":[]}';
  // Computed outside this code: printf '%s' "$body" | openssl dgst -sha256 -hmac 'meta-app-secret'
  const openssl = 'sha256=ee9f05f989bc0aa2693d85691a477f8b8403933cde7959a1c5c6be7ea85e8d3d';

  it('is the hex HMAC-SHA256 of the raw body with the app secret', () => {
    expect(metaSignature(body, 'meta-app-secret')).toBe(openssl);
    expect(verifyMetaSignature(Buffer.from(body), openssl, 'meta-app-secret')).toBe(true);
    expect(verifyMetaSignature(Buffer.from(body), openssl.toUpperCase().replace('SHA256=', 'sha256='), 'meta-app-secret')).toBe(true);
  });

  it('refuses another secret, another body, a missing, malformed or truncated header', () => {
    const raw = Buffer.from(body);
    expect(verifyMetaSignature(raw, openssl, 'other-secret')).toBe(false);
    expect(verifyMetaSignature(Buffer.from(body + ' '), openssl, 'meta-app-secret')).toBe(false);
    expect(verifyMetaSignature(raw, null, 'meta-app-secret')).toBe(false);
    expect(verifyMetaSignature(raw, '', 'meta-app-secret')).toBe(false);
    expect(verifyMetaSignature(raw, openssl.slice(0, -2), 'meta-app-secret')).toBe(false);
    expect(verifyMetaSignature(raw, openssl.replace('sha256=', 'sha1='), 'meta-app-secret')).toBe(false);
    expect(verifyMetaSignature(raw, openssl.replace('sha256=', ''), 'meta-app-secret')).toBe(false);
    // No secret configured means nothing is accepted, not everything.
    expect(verifyMetaSignature(raw, metaSignature(body, ''), '')).toBe(false);
  });
});

describe('Twilio X-Twilio-Signature', () => {
  // The worked example of Twilio's request-validation documentation (two published variants).
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const fields = (caller: string): FormFields => [
    ['To', '+18005551212'],
    ['From', caller],
    ['Digits', '1234'],
    ['CallSid', 'CA1234567890ABCDE'],
    ['Caller', caller],
  ];

  it('matches the signatures Twilio publishes', () => {
    expect(twilioSignature('12345', url, fields('+14158675310'))).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
    expect(twilioSignature('12345', url, fields('+14158675309'))).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(verifyTwilioSignature('12345', url, fields('+14158675310'), 'GvWf1cFY/Q7PnoempGyD5oXAezc=')).toBe(true);
  });

  it('accepts the URL with or without the default port, as Twilio’s validators do', () => {
    const sig = twilioSignature('12345', 'https://mycompany.com:443/myapp.php?foo=1&bar=2', fields('+14158675310'));
    expect(verifyTwilioSignature('12345', url, fields('+14158675310'), sig)).toBe(true);
    const bare = twilioSignature('12345', url, fields('+14158675310'));
    expect(verifyTwilioSignature('12345', 'https://mycompany.com:443/myapp.php?foo=1&bar=2', fields('+14158675310'), bare)).toBe(true);
  });

  it('sorts repeated fields by value, so their order on the wire does not matter', () => {
    const a: FormFields = [['MediaUrl', 'b'], ['MediaUrl', 'a'], ['Body', 'x']];
    const b: FormFields = [['Body', 'x'], ['MediaUrl', 'a'], ['MediaUrl', 'b']];
    expect(twilioSignature('t', 'https://h/x', a)).toBe(twilioSignature('t', 'https://h/x', b));
  });

  it('refuses a changed field, a dropped field, another URL, another token or no header', () => {
    const sig = 'GvWf1cFY/Q7PnoempGyD5oXAezc=';
    const f = fields('+14158675310');
    expect(verifyTwilioSignature('12345', url, f.map(([k, v]) => [k, k === 'Digits' ? '9999' : v] as const), sig)).toBe(false);
    expect(verifyTwilioSignature('12345', url, f.slice(1), sig)).toBe(false);
    expect(verifyTwilioSignature('12345', url.replace('foo=1', 'foo=2'), f, sig)).toBe(false);
    expect(verifyTwilioSignature('12346', url, f, sig)).toBe(false);
    expect(verifyTwilioSignature('12345', url, f, null)).toBe(false);
    expect(verifyTwilioSignature('12345', url, f, sig.slice(0, -1))).toBe(false);
    expect(verifyTwilioSignature('', url, f, twilioSignature('', url, f))).toBe(false);
  });
});
