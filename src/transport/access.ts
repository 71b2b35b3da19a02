/**
 * @module transport/access
 * Who may talk to munshi: a pure decision over one incoming chat message, shared by every chat
 * adapter. munshi must never reply, react, download media or record anything in a chat it was not
 * invited into, so everything not explicitly allowed is refused, with a reason for the debug log.
 *
 * - self mode (munshi runs on the owner's own number): only the owner's "Message yourself" chat,
 *   whose messages arrive as the owner's own (fromMe) messages, addressed to either of the owner's
 *   ids (phone "@c.us" or the privacy "@lid" id); in groups, the owner's own messages addressed to
 *   munshi with the prefix ("munshi chai 20").
 * - allowlist mode (munshi has a dedicated number): 1:1 chats with allow-listed phone numbers, and
 *   in groups their messages that mention munshi or start with the prefix. Each person writes to
 *   their own ledger, or everybody to one household ledger.
 */
import type { InboundMedia } from '../core/types.js';

export type ChatKind = 'user' | 'group' | 'broadcast' | 'channel' | 'other';

/** One chat message in munshi's terms, as the adapter saw it (no library types). */
export interface Envelope {
  /** Which library event delivered it ('message' for others' messages, 'message_create' for all new ones). */
  event: 'message' | 'message_create';
  id: string;
  fromMe: boolean;
  /** The chat: for own messages the recipient chat, otherwise the sender chat or the group. */
  chatId: string;
  /** The author: the group participant in groups, else the chat partner (or the owner when fromMe). */
  authorId: string;
  /** The author's phone number as digits when known (an @lid author needs a lookup). */
  authorPhone: string | null;
  text: string;
  /** The library's message type: 'chat', 'ptt', 'audio', 'image', 'sticker', … */
  type: string;
  mentionedIds: readonly string[];
  isStatus: boolean;
}

/** The linked account's own ids (e.g. "919812345678@c.us" and "123456789012345@lid"). */
export interface SelfIdentity {
  ids: readonly string[];
}

export interface AccessPolicy {
  mode: 'self' | 'allowlist';
  /** Phone numbers, digits only with country code. */
  allowlist: readonly string[];
  ledgerMode: 'per_person' | 'household';
  householdOwner: string;
  /** Lower-case word that addresses munshi in groups ("munshi"). */
  groupPrefix: string;
}

export type Denial =
  | 'not_ready' // own ids not known yet: cannot tell the self chat apart
  | 'status' // status updates, broadcasts, channels
  | 'unsupported_type' // stickers, videos, documents, locations, system messages…
  | 'duplicate_event' // an own message seen on 'message' (it also arrives on 'message_create')
  | 'own_message' // allowlist mode: munshi's own number talking (its replies)
  | 'other_chat' // self mode: the owner writing to someone else
  | 'stranger' // someone not allowed
  | 'not_addressed'; // a group message not meant for munshi

export type AccessDecision =
  | { allow: true; owner: string; senderId: string; text: string; media: InboundMedia['kind'] | null }
  | { allow: false; reason: Denial };

/** The owner string used for the "Message yourself" ledger (the CLI's default owner). */
export const SELF_OWNER = 'me';

// Documents count only as PDFs (bills); the adapter checks the mime type.
const MEDIA_TYPES: Record<string, InboundMedia['kind'] | null> = { chat: null, ptt: 'voice', audio: 'voice', image: 'image', document: 'document' };

export function chatKind(id: string): ChatKind {
  if (id.endsWith('@g.us')) return 'group';
  if (id.endsWith('@c.us') || id.endsWith('@lid') || id.endsWith('@s.whatsapp.net')) return 'user';
  if (id.endsWith('@broadcast')) return 'broadcast';
  if (id.endsWith('@newsletter')) return 'channel';
  return 'other';
}

/** "919812345678@c.us" → "919812345678"; null for ids that are not phone numbers (@lid, groups). */
export function phoneOf(id: string): string | null {
  const m = /^(\d{6,15})(?::\d+)?@(c\.us|s\.whatsapp\.net)$/.exec(id);
  return m ? m[1]! : null;
}

/** The user part of an id without device suffix: "123:4@lid" → "123@lid". */
export function bareId(id: string): string {
  return id.replace(/:\d+@/, '@');
}

/**
 * Strips the group address from the start of a message: "munshi chai 20", "@munshi, chai 20",
 * "Munshi: chai 20" → "chai 20". Returns null when the text does not start with it.
 */
export function stripPrefix(text: string, prefix: string): string | null {
  if (!prefix) return null;
  const t = text.trimStart();
  const lower = t.toLowerCase();
  for (const p of ['@' + prefix, prefix]) {
    if (!lower.startsWith(p)) continue;
    const rest = t.slice(p.length);
    if (rest === '' || /^[\s,:;.!-]/.test(rest)) return rest.replace(/^[\s,:;.!-]+/, '').trim();
  }
  return null;
}

/** Removes "@<user>" mention tokens of the given ids from the text. */
function stripMentions(text: string, ids: readonly string[]): string {
  let out = text;
  for (const id of ids) {
    const user = id.split('@')[0]!.split(':')[0]!;
    if (user) out = out.split('@' + user).join(' ');
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Decides whether munshi may act on a message, whose ledger it writes to, and the text to read. */
export function decideAccess(env: Envelope, me: SelfIdentity, policy: AccessPolicy): AccessDecision {
  const kind = chatKind(env.chatId);
  if (env.isStatus || kind === 'broadcast' || kind === 'channel' || kind === 'other') return deny('status');
  if (!(env.type in MEDIA_TYPES)) return deny('unsupported_type');
  const media = MEDIA_TYPES[env.type]!;
  if (!me.ids.length) return deny('not_ready');
  const myIds = new Set(me.ids.map(bareId));
  const mentionsMe = env.mentionedIds.some((m) => myIds.has(bareId(m)));

  if (policy.mode === 'self') {
    // The owner's own messages: 'message_create' is the only event that carries them.
    if (!env.fromMe) return deny(kind === 'group' ? 'not_addressed' : 'stranger');
    if (env.event !== 'message_create') return deny('duplicate_event');
    if (kind === 'user') {
      // A message from me to me is the self chat even before both of my ids are known.
      const toMyself = myIds.has(bareId(env.chatId)) || bareId(env.chatId) === bareId(env.authorId);
      if (!toMyself) return deny('other_chat');
      return allow(SELF_OWNER, SELF_OWNER, stripPrefix(env.text, policy.groupPrefix) ?? env.text.trim(), media);
    }
    const addressed = stripPrefix(env.text, policy.groupPrefix);
    if (addressed !== null) return allow(SELF_OWNER, SELF_OWNER, addressed, media);
    if (mentionsMe) return allow(SELF_OWNER, SELF_OWNER, stripMentions(env.text, me.ids), media);
    return deny('not_addressed');
  }

  // allowlist mode: munshi has its own number; its own messages are its replies.
  if (env.fromMe) return deny('own_message');
  const phone = env.authorPhone ?? phoneOf(bareId(env.authorId));
  if (!phone || !policy.allowlist.includes(phone)) return deny('stranger');
  const owner = policy.ledgerMode === 'household' ? policy.householdOwner : phone;
  if (kind === 'user') return allow(owner, phone, stripPrefix(env.text, policy.groupPrefix) ?? env.text.trim(), media);
  const addressed = stripPrefix(env.text, policy.groupPrefix);
  if (addressed !== null) return allow(owner, phone, addressed, media);
  if (mentionsMe) return allow(owner, phone, stripMentions(env.text, me.ids), media);
  return deny('not_addressed');
}

function allow(owner: string, senderId: string, text: string, media: InboundMedia['kind'] | null): AccessDecision {
  return { allow: true, owner, senderId, text, media };
}

function deny(reason: Denial): AccessDecision {
  return { allow: false, reason };
}
