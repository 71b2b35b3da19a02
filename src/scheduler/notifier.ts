/**
 * @module scheduler/notifier
 * How scheduled work speaks: summaries, recurring notices and budget alerts go to an owner (or a
 * specific chat). The composition root adapts this to the durable pipeline; a recording fake sits
 * beside it for tests.
 */
import type { OutboundReply } from '../core/types.js';

export interface NotifyTarget {
  /** Whose ledger this is about. */
  owner: string;
  /** The chat to answer in when known (where a budget or recurring expense was set up); else the owner's chat. */
  chatId?: string | null;
}

export interface Notifier {
  send(to: NotifyTarget, reply: OutboundReply): Promise<void>;
}

/** Keeps every message for assertions; can be told to fail, like a transport that is offline. */
export class RecordingNotifier implements Notifier {
  readonly sent: Array<{ to: NotifyTarget; reply: OutboundReply; at?: Date }> = [];
  failWith: Error | null = null;
  constructor(private readonly now?: () => Date) {}
  async send(to: NotifyTarget, reply: OutboundReply): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.sent.push({ to, reply, at: this.now?.() });
  }
}
