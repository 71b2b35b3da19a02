import { describe, expect, it } from 'vitest';
import { parseCloudWebhook } from './payload.js';

const wrap = (value: Record<string, unknown>) => ({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '123456' }, ...value } }] }] });

describe('reading Meta’s webhook notifications', () => {
  it('reads text, voice, photo, button and list replies', () => {
    const e = parseCloudWebhook(
      wrap({
        messages: [
          { from: '919800000002', id: 'wamid.1', timestamp: '1768485600', type: 'text', text: { body: 'chai 20' } },
          { from: '919800000002', id: 'wamid.2', timestamp: '1768485601', type: 'audio', audio: { id: 'm1', mime_type: 'audio/ogg; codecs=opus', sha256: 'abc', voice: true } },
          { from: '919800000002', id: 'wamid.3', timestamp: '1768485602', type: 'image', image: { id: 'm2', mime_type: 'image/jpeg', caption: 'dmart' } },
          { from: '919800000002', id: 'wamid.4', timestamp: '1768485603', type: 'button', button: { text: 'Yes', payload: 'y' } },
          { from: '919800000002', id: 'wamid.5', timestamp: '1768485604', type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'x', title: 'Food' } } },
        ],
      }),
    )!;
    expect(e.messages.map((m) => [m.id, m.type, m.text, m.media?.id ?? null])).toEqual([
      ['wamid.1', 'text', 'chai 20', null],
      ['wamid.2', 'audio', '', 'm1'],
      ['wamid.3', 'image', 'dmart', 'm2'],
      ['wamid.4', 'button', 'Yes', null],
      ['wamid.5', 'interactive', 'Food', null],
    ]);
    expect(e.messages[0]).toMatchObject({ phoneNumberId: '123456', from: '919800000002', timestamp: 1768485600 });
    expect(e.messages[1]!.media).toEqual({ id: 'm1', mimeType: 'audio/ogg; codecs=opus', sha256: 'abc' });
  });

  it('reads delivery statuses with their errors', () => {
    const e = parseCloudWebhook(wrap({ statuses: [{ id: 'wamid.o', status: 'failed', recipient_id: '91', errors: [{ code: 131047, title: 'Re-engagement message' }] }] }))!;
    expect(e.statuses).toEqual([{ id: 'wamid.o', phoneNumberId: '123456', status: 'failed', recipient: '91', errors: [{ code: 131047, title: 'Re-engagement message' }] }]);
  });

  it('skips what is not a message notification and never throws on odd input', () => {
    expect(parseCloudWebhook({ object: 'page', entry: [] })).toBeNull();
    expect(parseCloudWebhook(null)).toBeNull();
    expect(parseCloudWebhook([1, 2])).toBeNull();
    for (const odd of [{ entry: 'x' }, { entry: [null, 1, { changes: [{ field: 'messages', value: { metadata: {} , messages: [{}] } }] }] }, { entry: [{ changes: [{ field: 'account_update', value: {} }] }] }]) {
      expect(parseCloudWebhook({ object: 'whatsapp_business_account', ...odd })).toEqual({ messages: [], statuses: [] });
    }
    expect(parseCloudWebhook(wrap({ messages: [{ id: 'x', type: 'text' }, 'junk', { from: '1', id: 'y', type: 'text', text: 'not an object' }] }))!.messages).toEqual([
      { id: 'y', phoneNumberId: '123456', from: '1', timestamp: 0, type: 'text', text: '', media: null },
    ]);
  });
});
