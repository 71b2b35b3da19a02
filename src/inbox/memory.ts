/**
 * @module inbox/memory
 * An in-memory inbox/outbox for unit tests of the pipeline and whatever sends through it. Same
 * contract as the SQLite adapter (inbox/contract.ts runs against both).
 */
import type { InboxEntry, InboxRepository, InboxStatus, OutboxEntry } from './port.js';

export class MemoryInbox implements InboxRepository {
  readonly inbox = new Map<string, InboxEntry & { updatedAt: string }>();
  readonly outbox: OutboxEntry[] = [];
  private nextOutboxId = 1;

  async insert(msg: Parameters<InboxRepository['insert']>[0], now: string): Promise<boolean> {
    if (this.inbox.has(msg.id)) return false;
    this.inbox.set(msg.id, {
      id: msg.id,
      chatId: msg.chatId,
      senderId: msg.senderId,
      owner: msg.owner ?? msg.senderId,
      text: msg.text,
      mediaKind: msg.media?.kind ?? null,
      mediaMime: msg.media?.mimeType ?? null,
      messageAt: msg.timestamp.toISOString(),
      receivedAt: now,
      status: 'pending',
      attempts: 0,
      handledAt: null,
      lastError: null,
      updatedAt: now,
    });
    return true;
  }

  async get(id: string): Promise<InboxEntry | null> {
    const e = this.inbox.get(id);
    return e ? strip(e) : null;
  }

  async claim(id: string, now: string): Promise<InboxEntry | null> {
    const e = this.inbox.get(id);
    if (!e || (e.status !== 'pending' && e.status !== 'processing')) return null;
    Object.assign(e, { status: 'processing', attempts: e.attempts + 1, updatedAt: now });
    return strip(e);
  }

  async finish(id: string, status: InboxStatus, now: string, error: string | null = null): Promise<void> {
    const e = this.inbox.get(id);
    if (e) Object.assign(e, { status, updatedAt: now, lastError: error });
  }

  async unfinished(): Promise<InboxEntry[]> {
    return [...this.inbox.values()]
      .filter((e) => e.status === 'pending' || e.status === 'processing')
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(strip);
  }

  private nextSeq(inboxId: string): number {
    const seqs = this.outbox.filter((o) => o.inboxId === inboxId).map((o) => o.seq);
    return seqs.length ? Math.max(...seqs) + 1 : 0;
  }

  private push(inboxId: string | null, seq: number, chatId: string, reply: { text: string; image?: { png: Buffer; caption?: string } }, now: string): OutboxEntry {
    const o: OutboxEntry = {
      id: this.nextOutboxId++, inboxId, seq, chatId, text: reply.text, image: reply.image?.png ?? null, caption: reply.image?.caption ?? null,
      createdAt: now, sentAt: null, transportId: null, attempts: 0, lastError: null,
    };
    this.outbox.push(o);
    return { ...o };
  }

  async saveReplies(inboxId: string, chatId: string, replies: Parameters<InboxRepository['saveReplies']>[2], now: string): Promise<void> {
    let seq = this.nextSeq(inboxId);
    for (const r of replies) this.push(inboxId, seq++, chatId, r, now);
    const e = this.inbox.get(inboxId);
    if (e) Object.assign(e, { handledAt: now, updatedAt: now });
  }

  async addOutbound(inboxId: string | null, chatId: string, reply: Parameters<InboxRepository['addOutbound']>[2], now: string): Promise<OutboxEntry> {
    return this.push(inboxId, inboxId ? this.nextSeq(inboxId) : 0, chatId, reply, now);
  }

  async unsent(inboxId?: string | null): Promise<OutboxEntry[]> {
    return this.outbox.filter((o) => o.sentAt === null && (inboxId === undefined || o.inboxId === inboxId)).map((o) => ({ ...o }));
  }

  async markSent(outboxId: number, transportId: string | null, now: string): Promise<void> {
    const o = this.outbox.find((x) => x.id === outboxId);
    if (o) Object.assign(o, { sentAt: now, transportId, attempts: o.attempts + 1, lastError: null });
  }

  async markSendFailed(outboxId: number, error: string): Promise<void> {
    const o = this.outbox.find((x) => x.id === outboxId);
    if (o) Object.assign(o, { attempts: o.attempts + 1, lastError: error });
  }

  async isOwnReply(msg: { id: string; chatId: string; text: string }, sinceIso: string): Promise<boolean> {
    if (this.outbox.some((o) => o.transportId === msg.id)) return true;
    const text = msg.text.trim();
    return Boolean(text) && this.outbox.some((o) => o.chatId === msg.chatId && o.createdAt >= sinceIso && o.text === text);
  }

  async lastChatOf(owner: string): Promise<string | null> {
    const mine = [...this.inbox.values()].filter((e) => e.owner === owner).sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
    return mine[0]?.chatId ?? null;
  }

  async stats() {
    const all = [...this.inbox.values()];
    const n = (s: InboxStatus) => all.filter((e) => e.status === s).length;
    const err = all.filter((e) => e.lastError !== null).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    return {
      pending: n('pending'),
      processing: n('processing'),
      done: n('done'),
      failed: n('failed'),
      replies: this.outbox.length,
      unsent: this.outbox.filter((o) => o.sentAt === null).length,
      lastError: err ? { at: err.updatedAt, error: err.lastError! } : null,
    };
  }
}

function strip(e: InboxEntry & { updatedAt: string }): InboxEntry {
  const { updatedAt: _u, ...rest } = e;
  return { ...rest };
}
