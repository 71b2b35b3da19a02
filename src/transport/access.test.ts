import { describe, expect, it } from 'vitest';
import { bareId, chatKind, decideAccess, phoneOf, stripPrefix, type AccessPolicy, type Envelope, type SelfIdentity } from './access.js';

const ME_PN = '919800000001@c.us';
const ME_LID = '111122223333444@lid';
const me: SelfIdentity = { ids: [ME_PN, ME_LID] };
const MOM = '919800000002';
const STRANGER = '919800000099';
const GROUP = '120363000000000001@g.us';

const selfPolicy: AccessPolicy = { mode: 'self', allowlist: [], ledgerMode: 'per_person', householdOwner: 'me', groupPrefix: 'munshi' };
const listPolicy: AccessPolicy = { mode: 'allowlist', allowlist: [MOM, '919800000003'], ledgerMode: 'per_person', householdOwner: 'me', groupPrefix: 'munshi' };

function env(p: Partial<Envelope>): Envelope {
  return {
    event: 'message_create',
    id: 'x',
    fromMe: true,
    chatId: ME_PN,
    authorId: ME_PN,
    authorPhone: null,
    text: 'chai 20',
    type: 'chat',
    mentionedIds: [],
    isStatus: false,
    ...p,
  };
}

describe('self mode', () => {
  it('accepts the owner writing in the "Message yourself" chat (c.us)', () => {
    expect(decideAccess(env({}), me, selfPolicy)).toEqual({ allow: true, owner: 'me', senderId: 'me', text: 'chai 20', media: null });
  });

  it('accepts the self chat addressed by the @lid id', () => {
    expect(decideAccess(env({ chatId: ME_LID, authorId: ME_LID }), me, selfPolicy).allow).toBe(true);
    expect(decideAccess(env({ chatId: ME_LID, authorId: ME_PN }), me, selfPolicy).allow).toBe(true);
    expect(decideAccess(env({ chatId: '111122223333444:12@lid', authorId: ME_PN }), me, selfPolicy).allow).toBe(true);
  });

  it('recognizes a message to myself even when my @lid is not known yet', () => {
    const onlyPn: SelfIdentity = { ids: [ME_PN] };
    expect(decideAccess(env({ chatId: ME_LID, authorId: ME_LID }), onlyPn, selfPolicy).allow).toBe(true);
    expect(decideAccess(env({ chatId: '555@lid', authorId: ME_PN }), onlyPn, selfPolicy)).toEqual({ allow: false, reason: 'other_chat' });
  });

  it('refuses the owner writing to a friend', () => {
    expect(decideAccess(env({ chatId: MOM + '@c.us' }), me, selfPolicy)).toEqual({ allow: false, reason: 'other_chat' });
    expect(decideAccess(env({ chatId: '999888777@lid' }), me, selfPolicy)).toEqual({ allow: false, reason: 'other_chat' });
  });

  it('refuses a stranger writing to the owner', () => {
    const d = decideAccess(env({ event: 'message', fromMe: false, chatId: STRANGER + '@c.us', authorId: STRANGER + '@c.us' }), me, selfPolicy);
    expect(d).toEqual({ allow: false, reason: 'stranger' });
    // The same message also arrives on message_create; still refused.
    expect(decideAccess(env({ fromMe: false, chatId: STRANGER + '@c.us', authorId: STRANGER + '@c.us' }), me, selfPolicy).allow).toBe(false);
  });

  it('only trusts message_create for own messages', () => {
    expect(decideAccess(env({ event: 'message' }), me, selfPolicy)).toEqual({ allow: false, reason: 'duplicate_event' });
  });

  it('refuses everything before the own ids are known', () => {
    expect(decideAccess(env({}), { ids: [] }, selfPolicy)).toEqual({ allow: false, reason: 'not_ready' });
  });

  it('in groups, only the owner addressing munshi', () => {
    const g = (p: Partial<Envelope>) => decideAccess(env({ chatId: GROUP, ...p }), me, selfPolicy);
    expect(g({ text: 'chai 20' })).toEqual({ allow: false, reason: 'not_addressed' });
    expect(g({ text: 'munshi chai 20' })).toMatchObject({ allow: true, owner: 'me', text: 'chai 20' });
    expect(g({ text: '@Munshi: chai 20' })).toMatchObject({ allow: true, text: 'chai 20' });
    expect(g({ text: 'munshiji chai 20' }).allow).toBe(false);
    expect(g({ text: 'munshi chai 20', fromMe: false, event: 'message', authorId: MOM + '@c.us' })).toEqual({ allow: false, reason: 'not_addressed' });
  });

  it('refuses status updates, broadcasts and channels', () => {
    expect(decideAccess(env({ chatId: 'status@broadcast' }), me, selfPolicy)).toEqual({ allow: false, reason: 'status' });
    expect(decideAccess(env({ isStatus: true }), me, selfPolicy)).toEqual({ allow: false, reason: 'status' });
    expect(decideAccess(env({ chatId: '1203630@newsletter' }), me, selfPolicy)).toEqual({ allow: false, reason: 'status' });
  });

  it('passes voice notes, images and documents (PDF bills) as media, refuses other types', () => {
    expect(decideAccess(env({ type: 'ptt', text: '' }), me, selfPolicy)).toMatchObject({ allow: true, media: 'voice' });
    expect(decideAccess(env({ type: 'audio', text: '' }), me, selfPolicy)).toMatchObject({ allow: true, media: 'voice' });
    expect(decideAccess(env({ type: 'image', text: 'lunch bill' }), me, selfPolicy)).toMatchObject({ allow: true, media: 'image', text: 'lunch bill' });
    expect(decideAccess(env({ type: 'document', text: 'march bill' }), me, selfPolicy)).toMatchObject({ allow: true, media: 'document', text: 'march bill' });
    for (const type of ['sticker', 'video', 'location', 'revoked', 'e2e_notification', 'reaction']) {
      expect(decideAccess(env({ type }), me, selfPolicy)).toEqual({ allow: false, reason: 'unsupported_type' });
    }
  });
});

describe('allowlist mode', () => {
  const dm = (from: string, p: Partial<Envelope> = {}) =>
    env({ event: 'message', fromMe: false, chatId: from + '@c.us', authorId: from + '@c.us', ...p });

  it('accepts an allow-listed person in a 1:1 chat, on their own ledger', () => {
    expect(decideAccess(dm(MOM), me, listPolicy)).toEqual({ allow: true, owner: MOM, senderId: MOM, text: 'chai 20', media: null });
    expect(decideAccess(dm(MOM, { event: 'message_create' }), me, listPolicy).allow).toBe(true);
  });

  it('accepts an allow-listed person writing from an @lid id once the phone is resolved', () => {
    const lid = dm(MOM, { chatId: '77777@lid', authorId: '77777@lid' });
    expect(decideAccess(lid, me, listPolicy)).toEqual({ allow: false, reason: 'stranger' });
    expect(decideAccess({ ...lid, authorPhone: MOM }, me, listPolicy)).toMatchObject({ allow: true, owner: MOM });
  });

  it('household mode writes everybody to one ledger', () => {
    const household = { ...listPolicy, ledgerMode: 'household' as const, householdOwner: 'family' };
    expect(decideAccess(dm('919800000003'), me, household)).toMatchObject({ allow: true, owner: 'family', senderId: '919800000003' });
  });

  it('refuses strangers and its own messages (its replies)', () => {
    expect(decideAccess(dm(STRANGER), me, listPolicy)).toEqual({ allow: false, reason: 'stranger' });
    expect(decideAccess(env({ chatId: MOM + '@c.us' }), me, listPolicy)).toEqual({ allow: false, reason: 'own_message' });
    expect(decideAccess(env({}), me, listPolicy)).toEqual({ allow: false, reason: 'own_message' });
  });

  it('in groups, only allow-listed people mentioning or addressing munshi', () => {
    const g = (author: string, p: Partial<Envelope>) => decideAccess(env({ event: 'message', fromMe: false, chatId: GROUP, authorId: author + '@c.us', ...p }), me, listPolicy);
    expect(g(MOM, { text: 'chai 20' })).toEqual({ allow: false, reason: 'not_addressed' });
    expect(g(MOM, { text: '@919800000001 chai 20', mentionedIds: [ME_PN] })).toMatchObject({ allow: true, owner: MOM, text: 'chai 20' });
    expect(g(MOM, { text: '@111122223333444 chai 20', mentionedIds: [ME_LID] })).toMatchObject({ allow: true, text: 'chai 20' });
    expect(g(MOM, { text: 'munshi, chai 20' })).toMatchObject({ allow: true, text: 'chai 20' });
    expect(g(MOM, { text: 'hey @919800000002 look', mentionedIds: [MOM + '@c.us'] })).toEqual({ allow: false, reason: 'not_addressed' });
    expect(g(STRANGER, { text: 'munshi chai 20' })).toEqual({ allow: false, reason: 'stranger' });
  });
});

describe('helpers', () => {
  it('classifies chat ids', () => {
    expect(chatKind(ME_PN)).toBe('user');
    expect(chatKind(ME_LID)).toBe('user');
    expect(chatKind(GROUP)).toBe('group');
    expect(chatKind('status@broadcast')).toBe('broadcast');
    expect(chatKind('x@newsletter')).toBe('channel');
    expect(chatKind('garbage')).toBe('other');
  });

  it('reads phone numbers only from phone ids', () => {
    expect(phoneOf('919812345678@c.us')).toBe('919812345678');
    expect(phoneOf('919812345678:3@c.us')).toBe('919812345678');
    expect(phoneOf('1234567890@lid')).toBeNull();
    expect(phoneOf(GROUP)).toBeNull();
    expect(bareId('123:45@lid')).toBe('123@lid');
  });

  it('strips the address prefix only as a whole word', () => {
    expect(stripPrefix('munshi chai 20', 'munshi')).toBe('chai 20');
    expect(stripPrefix('  MUNSHI - chai 20', 'munshi')).toBe('chai 20');
    expect(stripPrefix('@munshi', 'munshi')).toBe('');
    expect(stripPrefix('munshiji chai', 'munshi')).toBeNull();
    expect(stripPrefix('chai munshi 20', 'munshi')).toBeNull();
  });
});
