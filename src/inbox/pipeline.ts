/**
 * @module inbox/pipeline
 * The durable path from an allowed inbound message to replies on the wire, shared by every
 * transport:
 *
 *   accept:  too old? (history replay) → own reply coming back? → write to inbox (id exists → skip)
 *   process: claim (attempts+1) → bot.handle (unless already handled) → replies to outbox with
 *            handled_at in one transaction → send each unsent reply, mark it sent → done
 *
 * A crash anywhere leaves a row that `recover()` finishes: the ledger is idempotent per message
 * id, the bot is not asked again once its replies are stored, and a sent reply is never re-sent.
 * Messages of one chat are processed in order; different chats do not wait for each other (a long
 * voice note in one chat does not freeze another).
 */
import type { Clock } from '../clock/clock.js';
import type { InboundMedia, InboundMessage, OutboundReply } from '../core/types.js';
import { MunshiError } from '../core/errors.js';
import { errorText, type Logger } from '../logging/logger.js';
import type { SentMessage } from '../transport/port.js';
import { ECHO_WINDOW_MS } from '../transport/echo.js';
import type { InboxEntry, InboxRepository, OutboxEntry } from './port.js';

/** The bot as the pipeline sees it (src/bot/bot.ts createBot satisfies it). */
export interface MessageHandler {
  handle(msg: InboundMessage, io?: { typing?(on: boolean): Promise<void>; send?(reply: OutboundReply): Promise<void> }): Promise<OutboundReply[]>;
}

/** The sending half of a Transport. */
export interface Sender {
  sendText(chatId: string, text: string): Promise<SentMessage | void>;
  sendImage(chatId: string, png: Buffer, caption?: string): Promise<SentMessage | void>;
  setTyping?(chatId: string, on: boolean): Promise<void>;
  fetchMedia?(chatId: string, messageId: string): Promise<InboundMedia | null>;
}

export interface PipelineDeps {
  inbox: InboxRepository;
  bot: MessageHandler;
  sender: Sender;
  clock: Clock;
  logger: Logger;
  /** Messages older than this on arrival are history, not new work (0 disables the check). */
  maxAgeMs: number;
  /** Give up on a message after this many attempts (a message that crashes the bot every time). */
  maxAttempts?: number;
  /** Called when the pipeline records an error (for the status file). */
  onError?(error: string): void;
}

export type AcceptResult = 'accepted' | 'duplicate' | 'too_old' | 'echo' | 'stopped';

export interface Pipeline {
  /** Writes an allowed message to the inbox and queues it; resolves once it is durable. */
  accept(msg: InboundMessage): Promise<AcceptResult>;
  /** Finishes what a crash or restart left: unprocessed messages and unsent replies. */
  recover(): Promise<{ messages: number; replies: number }>;
  /** Sends a message nobody asked for (a weekly summary, a budget alert) through the outbox. */
  sendUnprompted(chatId: string, reply: OutboundReply): Promise<void>;
  /** Resolves when everything queued so far has been processed. */
  drain(): Promise<void>;
  /** Stops accepting and waits (up to timeoutMs) for work in flight. */
  stop(timeoutMs?: number): Promise<void>;
}

export function createPipeline(deps: PipelineDeps): Pipeline {
  const log = deps.logger;
  const maxAttempts = deps.maxAttempts ?? 3;
  const chains = new Map<string, Promise<void>>();
  /** Live media handles of messages accepted in this run (gone after a restart). */
  const media = new Map<string, InboundMedia>();
  let stopped = false;
  const iso = () => deps.clock.now().toISOString();

  function enqueue(chatId: string, work: () => Promise<void>): Promise<void> {
    const prev = chains.get(chatId) ?? Promise.resolve();
    const next = prev.then(work).catch((err) => {
      log.error({ err, chatId }, 'pipeline work failed');
      deps.onError?.(errorText(err));
    });
    chains.set(chatId, next);
    void next.then(() => {
      if (chains.get(chatId) === next) chains.delete(chatId);
    });
    return next;
  }

  async function accept(msg: InboundMessage): Promise<AcceptResult> {
    if (stopped) return 'stopped';
    const now = deps.clock.now();
    const age = now.getTime() - msg.timestamp.getTime();
    if (deps.maxAgeMs > 0 && age > deps.maxAgeMs) {
      log.info({ messageId: msg.id, chatId: msg.chatId, ageHours: Math.round(age / 360_000) / 10 }, 'ignoring an old message (history replayed after a reconnect)');
      return 'too_old';
    }
    if (await deps.inbox.isOwnReply(msg, new Date(now.getTime() - ECHO_WINDOW_MS).toISOString())) {
      log.debug({ messageId: msg.id }, 'ignoring an echo of our own reply');
      return 'echo';
    }
    if (!(await deps.inbox.insert(msg, now.toISOString()))) {
      log.debug({ messageId: msg.id }, 'message already in the inbox; skipping');
      return 'duplicate';
    }
    if (msg.media) media.set(msg.id, msg.media);
    void enqueue(msg.chatId, () => processOne(msg.id));
    return 'accepted';
  }

  function toInbound(row: InboxEntry): InboundMessage {
    const m: InboundMessage = {
      id: row.id,
      chatId: row.chatId,
      senderId: row.senderId,
      owner: row.owner,
      text: row.text,
      timestamp: new Date(row.messageAt),
    };
    if (row.mediaKind) {
      const live = media.get(row.id);
      m.media = live ?? {
        kind: row.mediaKind,
        mimeType: row.mediaMime ?? 'application/octet-stream',
        download: async () => {
          const again = await deps.sender.fetchMedia?.(row.chatId, row.id);
          if (!again) throw new MunshiError('unavailable', 'the media of this message is no longer available');
          return again.download();
        },
      };
    }
    return m;
  }

  async function processOne(id: string): Promise<void> {
    const row = await deps.inbox.claim(id, iso());
    if (!row) return; // finished meanwhile (a recover racing a live accept)
    const chatId = row.chatId;
    try {
      if (!row.handledAt) {
        const msg = toInbound(row);
        const replies = await deps.bot.handle(msg, {
          typing: async (on) => {
            try {
              await deps.sender.setTyping?.(chatId, on);
            } catch {
              // typing is cosmetic
            }
          },
          send: async (reply) => {
            // Interim messages ("🎙️ transcribing…") go through the outbox too, so a restart does not repeat them.
            const r = await deps.inbox.addOutbound(id, chatId, reply, iso());
            await sendRow(r);
          },
        });
        await deps.inbox.saveReplies(id, chatId, replies, iso());
      }
      const failures = await sendUnsent(id);
      if (failures) {
        await deps.inbox.finish(id, row.attempts >= maxAttempts ? 'failed' : 'pending', iso(), 'could not send the reply');
        return;
      }
      await deps.inbox.finish(id, 'done', iso());
      media.delete(id);
    } catch (err) {
      const final = row.attempts >= maxAttempts;
      log.error({ err, messageId: id, attempts: row.attempts }, final ? 'giving up on a message' : 'processing a message failed; will retry');
      await deps.inbox.finish(id, final ? 'failed' : 'pending', iso(), errorText(err));
      deps.onError?.(errorText(err));
    }
  }

  async function sendRow(r: OutboxEntry): Promise<boolean> {
    try {
      const sent = r.image ? await deps.sender.sendImage(r.chatId, r.image, r.caption ?? r.text) : await deps.sender.sendText(r.chatId, r.text);
      await deps.inbox.markSent(r.id, sent ? sent.id : null, iso());
      return true;
    } catch (err) {
      log.warn({ err, chatId: r.chatId, outboxId: r.id }, 'sending a reply failed; it stays in the outbox');
      await deps.inbox.markSendFailed(r.id, errorText(err));
      deps.onError?.(`send failed: ${errorText(err)}`);
      return false;
    }
  }

  /** Sends unsent replies in order; stops at the first failure so replies never arrive out of order. */
  async function sendUnsent(inboxId: string | null): Promise<number> {
    const rows = await deps.inbox.unsent(inboxId);
    for (const [i, r] of rows.entries()) {
      if (!(await sendRow(r))) return rows.length - i;
    }
    return 0;
  }

  async function recover(): Promise<{ messages: number; replies: number }> {
    if (stopped) return { messages: 0, replies: 0 };
    const rows = await deps.inbox.unfinished();
    const work: Promise<void>[] = [];
    for (const r of rows) {
      if (r.attempts >= maxAttempts) {
        log.warn({ messageId: r.id, attempts: r.attempts }, 'a message failed too often; marking it failed');
        await deps.inbox.finish(r.id, 'failed', iso(), r.lastError ?? 'too many attempts');
        continue;
      }
      work.push(enqueue(r.chatId, () => processOne(r.id)));
    }
    const unprompted = await deps.inbox.unsent(null);
    for (const r of unprompted) work.push(enqueue(r.chatId, async () => void (await sendRow(r))));
    if (rows.length || unprompted.length) log.info({ messages: rows.length, replies: unprompted.length }, 'finishing work left by the last run');
    await Promise.all(work);
    return { messages: work.length - unprompted.length, replies: unprompted.length };
  }

  async function sendUnprompted(chatId: string, reply: OutboundReply): Promise<void> {
    const r = await deps.inbox.addOutbound(null, chatId, reply, iso());
    await enqueue(chatId, async () => void (await sendRow(r)));
  }

  async function drain(): Promise<void> {
    while (chains.size) await Promise.all([...chains.values()]);
  }

  async function stop(timeoutMs = 5000): Promise<void> {
    stopped = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([drain(), timeout]);
    clearTimeout(timer);
  }

  return { accept, recover, sendUnprompted, drain, stop };
}
