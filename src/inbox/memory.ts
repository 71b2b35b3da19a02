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
  private nextSeqNo = 1;

  async insert(msg: Parameters<InboxRepository['insert']>[0], now: string): Promise<boolean> {
    if (this.inbox.has(msg.id)) return false;
    this.inbox.set(msg.id, {
      id: msg.id,
      seq: this.nextSeqNo++,
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

  async claim(id: string, now: string, countAttempt = true): Promise<InboxEntry | null> {
    const e = this.inbox.get(id);
    if (!e || (e.status !== 'pending' && e.status !== 'processing')) return null;
    Object.assign(e, { status: 'processing', attempts: e.attempts + (countAttempt ? 1 : 0), updatedAt: now });
    return strip(e);
  }

  async finish(id: string, status: InboxStatus, now: string, error: string | null = null): Promise<void> {
    const e = this.inbox.get(id);
    if (e) Object.assign(e, { status, updatedAt: now, lastError: error });
  }

  async unfinished(): Promise<InboxEntry[]> {
    return [...this.inbox.values()]
      .filter((e) => e.status === 'pending' || e.status === 'processing')
      .sort((a, b) => a.seq - b.seq)
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
    if (o) Object.assign(o, { sentAt: now, transportId, attempts: o.attempts + 1, lastError: null, image: null });
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
    const mine = [...this.inbox.values()].filter((e) => e.owner === owner).sort((a, b) => b.seq - a.seq);
    return mine[0]?.chatId ?? null;
  }

  async prune(before: string): Promise<{ messages: number; replies: number }> {
    const keep = this.outbox.filter((o) => o.sentAt === null || o.createdAt >= before);
    const replies = this.outbox.length - keep.length;
    this.outbox.splice(0, this.outbox.length, ...keep);
    const newest = new Map<string, number>();
    for (const e of this.inbox.values()) newest.set(e.owner, Math.max(newest.get(e.owner) ?? 0, e.seq));
    let messages = 0;
    for (const [id, e] of this.inbox) {
      if ((e.status === 'done' || e.status === 'failed') && e.updatedAt < before && newest.get(e.owner) !== e.seq) {
        this.inbox.delete(id);
        messages++;
      }
    }
    return { messages, replies };
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
