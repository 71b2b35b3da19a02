/**
 * @module scheduler/notifier
 * How scheduled work speaks: summaries, recurring notices and budget alerts go to an owner (or a
 * specific chat). main.ts adapts this to the transport; a recording fake sits beside it for tests.
 */
import type { OutboundReply } from '../core/types.js';
import type { Transport } from '../transport/port.js';

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

/**
 * The notifier over munshi's Transport port: the text, then the chart image (with its caption).
 * `chatOf` maps an owner to their chat (e.g. "919812345678" → "919812345678@c.us") when the
 * target carries no chat of its own.
 */
export function transportNotifier(transport: Pick<Transport, 'sendText' | 'sendImage'>, chatOf: (owner: string) => string): Notifier {
  return {
    async send(to, reply) {
      const chatId = to.chatId ?? chatOf(to.owner);
      await transport.sendText(chatId, reply.text);
      if (reply.image) await transport.sendImage(chatId, reply.image.png, reply.image.caption);
    },
  };
}
