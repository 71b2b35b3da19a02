/**
 * @module inbox/port
 * The inbox/outbox repository port. The inbox makes processing once per message id (a message is
 * written before any work); the outbox makes each reply sent once and lets munshi recognize its own
 * replies when WhatsApp echoes or replays them. SQLite adapter in inbox/sqlite/, fake in inbox/memory.ts.
 */
import type { InboundMedia, InboundMessage, OutboundReply } from '../core/types.js';

export type InboxStatus = 'pending' | 'processing' | 'done' | 'failed';

/** An accepted inbound message as stored. */
export interface InboxEntry {
  id: string;
  /** Arrival order: increases with every accepted message (recovery replays in this order). */
  seq: number;
  chatId: string;
  senderId: string;
  owner: string;
  text: string;
  mediaKind: InboundMedia['kind'] | null;
  mediaMime: string | null;
  /** ISO instant the message was written. */
  messageAt: string;
  receivedAt: string;
  status: InboxStatus;
  attempts: number;
  /** Set with the replies, in one transaction: the bot ran to the end. */
  handledAt: string | null;
  lastError: string | null;
}

/** A reply waiting to be sent, or sent. */
export interface OutboxEntry {
  id: number;
  /** null for unprompted messages (summaries, alerts). */
  inboxId: string | null;
  seq: number;
  chatId: string;
  text: string;
  image: Buffer | null;
  caption: string | null;
  createdAt: string;
  sentAt: string | null;
  /** The id the network gave the sent message. */
  transportId: string | null;
  attempts: number;
  lastError: string | null;
}

export interface InboxStats {
  pending: number;
  processing: number;
  done: number;
  failed: number;
  /** Replies in the outbox, sent or not. */
  replies: number;
  unsent: number;
  lastError: { at: string; error: string } | null;
}

export interface InboxRepository {
  /** Writes an accepted message before any work. False when the id is already there (a redelivery or a replay). */
  insert(msg: InboundMessage, now: string): Promise<boolean>;
  get(id: string): Promise<InboxEntry | null>;
  /**
   * Marks a message as being processed (one more attempt, unless countAttempt is false: a retry
   * after the disk was full is not the message's fault); null when it is already finished.
   */
  claim(id: string, now: string, countAttempt?: boolean): Promise<InboxEntry | null>;
  finish(id: string, status: InboxStatus, now: string, error?: string | null): Promise<void>;
  /** Messages accepted but not finished (a crash, a restart, a failed send), in arrival order. */
  unfinished(): Promise<InboxEntry[]>;
  /**
   * Stores the bot's replies to a message and marks the message handled, in one transaction: after
   * this, a restart only sends what is unsent and never asks the bot again.
   */
  saveReplies(inboxId: string, chatId: string, replies: OutboundReply[], now: string): Promise<void>;
  /** Queues one message outside the reply flow: an interim "transcribing…" or an unprompted summary. */
  addOutbound(inboxId: string | null, chatId: string, reply: OutboundReply, now: string): Promise<OutboxEntry>;
  /** Unsent replies, of one message or (inboxId undefined) of all, in order. */
  unsent(inboxId?: string | null): Promise<OutboxEntry[]>;
  /** Marks a reply sent; a chart's image bytes are dropped then (only an unsent reply needs them). */
  markSent(outboxId: number, transportId: string | null, now: string): Promise<void>;
  markSendFailed(outboxId: number, error: string): Promise<void>;
  /**
   * True when an incoming message is one of munshi's own replies coming back: its id is one the
   * network gave a sent reply, or the same text went to the same chat since `sinceIso`.
   */
  isOwnReply(msg: Pick<InboundMessage, 'id' | 'chatId' | 'text'>, sinceIso: string): Promise<boolean>;
  /** The chat an owner last wrote from (where scheduled messages go), or null. */
  lastChatOf(owner: string): Promise<string | null>;
  stats(): Promise<InboxStats>;
  /**
   * Retention: forgets finished messages (done or failed) last touched before `before`, and sent
   * replies created before it. Unfinished messages and unsent replies are kept whatever their age,
   * and so is each owner's newest message (where scheduled messages go).
   */
  prune(before: string): Promise<{ messages: number; replies: number }>;
}
