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
 * Messages of one sender are processed in the order they were handed in, whichever form of their
 * chat they came by (WhatsApp delivers the owner's own chat under both the phone "@c.us" and the
 * privacy "@lid" id); different people do not wait for each other (a long voice note of one does
 * not freeze another). Per chat was not enough: an "undo" in the @lid form ran beside the expenses
 * still waiting in the @c.us lane after a restart and asked about one of those instead of the
 * expense right before it (scripts/replay.ts, test/e2e/whatsapp-replay.test.ts).
 *
 * When the disk refuses (full, read-only, I/O errors, another process holding the ledger too long):
 * a message that cannot even be written to the inbox is held in memory, in arrival order, and later
 * ones join it; a message in the inbox stays there unfinished, and the attempt is not counted
 * against it. The owner gets one honest reply per chat and episode (sent straight, since the
 * outbox cannot be written), and a retry timer with backoff finishes everything by itself once the
 * disk takes writes again.
 */
import type { Clock } from '../clock/clock.js';
import type { InboundMedia, InboundMessage, OutboundReply } from '../core/types.js';
import { MunshiError, storageFaultOf, type StorageFault } from '../core/errors.js';
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
  /** Backoff of the retries after a storage fault (default 2 s doubling to 60 s). */
  faultRetryMs?: { min: number; max: number };
}

export type AcceptResult = 'accepted' | 'duplicate' | 'too_old' | 'echo' | 'stopped' | 'held';

/** The one reply per episode when the disk refuses: what happened, and that munshi will catch up by itself. */
export const STORAGE_FAULT_REPLIES: Readonly<Record<Exclude<StorageFault, 'corrupt'>, string>> = {
  full: "⚠️ I couldn't save that: the disk of munshi's computer is full. I'm keeping this and what you send next, and will record it all by myself as soon as there is space again (please don't restart munshi until then).",
  readonly: "⚠️ I couldn't save that: munshi's ledger can't be written right now (the disk or file is read-only). I'm keeping this and what you send next, and will record it all as soon as it can be written again (please don't restart munshi until then).",
  io: "⚠️ I couldn't save that: the disk reported an error. I'm keeping this and what you send next, and will try again by myself (please don't restart munshi until then). If this lasts, check the disk.",
  busy: "⚠️ I couldn't save that: another program has kept munshi's ledger busy for over a minute. I'm keeping this and what you send next, and will record it all as soon as the ledger is free again.",
};

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

  /** The lane a message waits in: its sender's (see the module comment). */
  const laneOf = (m: { senderId: string }) => `from:${m.senderId}`;
  /** The lane of a message nobody sent (a summary, an alert): its chat's. */
  const chatLane = (chatId: string) => `chat:${chatId}`;

  function enqueue(lane: string, work: () => Promise<void>): Promise<void> {
    const prev = chains.get(lane) ?? Promise.resolve();
    const next = prev.then(work).catch((err) => {
      log.error({ err, lane }, 'pipeline work failed');
      deps.onError?.(errorText(err));
    });
    chains.set(lane, next);
    void next.then(() => {
      if (chains.get(lane) === next) chains.delete(lane);
    });
    return next;
  }

  /**
   * Messages enter the inbox in the order they were handed in. Each accept awaits the ledger
   * (the echo check, the insert), and kysely's one connection does not queue its waiters in order,
   * so a burst (WhatsApp's catch-up after a reconnect) was stored out of order: an "undo" could
   * get an earlier seq than the expense right before it and remove the one before that (found by
   * scripts/replay.ts with undo in the stream).
   */
  let accepting: Promise<unknown> = Promise.resolve();
  function accept(msg: InboundMessage): Promise<AcceptResult> {
    const run = accepting.then(() => acceptNow(msg));
    accepting = run.catch(() => undefined);
    return run;
  }

  async function acceptNow(msg: InboundMessage): Promise<AcceptResult> {
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
    // While messages wait for the disk, later ones wait behind them: arrival order is kept.
    if (held.length) return hold(msg);
    try {
      if (!(await deps.inbox.insert(msg, now.toISOString()))) {
        log.debug({ messageId: msg.id }, 'message already in the inbox; skipping');
        return 'duplicate';
      }
    } catch (err) {
      const kind = faultOf(err);
      if (!kind) throw err;
      hold(msg);
      onFault(kind, msg.chatId, err);
      return 'held';
    }
    if (msg.media) media.set(msg.id, msg.media);
    void enqueue(laneOf(msg), () => processOne(msg.id, msg.chatId));
    return 'accepted';
  }

  /** Messages the disk refused to take yet, oldest first; written when it takes writes again. */
  const held: InboundMessage[] = [];
  /** Messages whose processing a storage fault interrupted: the retry does not count as an attempt. */
  const faulted = new Set<string>();
  let fault: { kind: StorageFault; notified: Set<string> } | null = null;
  let faultDuringRetry = false;
  let retryTimer: NodeJS.Timeout | null = null;
  const retryMs = deps.faultRetryMs ?? { min: 2000, max: 60_000 };
  let retryDelay = retryMs.min;

  function faultOf(err: unknown): Exclude<StorageFault, 'corrupt'> | null {
    const kind = storageFaultOf(err);
    return kind && kind !== 'corrupt' ? kind : null;
  }

  function hold(msg: InboundMessage): AcceptResult {
    if (!held.some((m) => m.id === msg.id)) held.push(msg);
    return 'held';
  }

  /** A write failed because of the disk: say so once per chat and episode, and retry later. */
  function onFault(kind: Exclude<StorageFault, 'corrupt'>, chatId: string, err: unknown): void {
    faultDuringRetry = true;
    if (!fault) {
      fault = { kind, notified: new Set() };
      log.error({ err, kind }, 'the disk refused a write; keeping messages and retrying until it takes writes again');
      deps.onError?.(`storage ${kind}: ${errorText(err)}`);
    }
    if (!fault.notified.has(chatId)) {
      fault.notified.add(chatId);
      // Straight to the network: the outbox is on the disk that just refused.
      void deps.sender.sendText(chatId, STORAGE_FAULT_REPLIES[kind]).catch((e: unknown) => log.warn({ err: e, chatId }, 'could not tell the owner about the storage fault'));
    }
    scheduleRetry();
  }

  function scheduleRetry(): void {
    if (retryTimer || stopped) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void retry().catch((err: unknown) => {
        log.error({ err }, 'retrying after a storage fault failed');
        scheduleRetry();
      });
    }, retryDelay);
    retryDelay = Math.min(retryMs.max, retryDelay * 2);
  }

  /** Writes the held messages in order, then finishes every unfinished one; ends the episode when nothing failed. */
  async function retry(): Promise<void> {
    if (stopped) return;
    faultDuringRetry = false;
    while (held.length) {
      const msg = held[0]!;
      let inserted: boolean;
      try {
        inserted = await deps.inbox.insert(msg, iso());
      } catch (err) {
        const kind = faultOf(err);
        if (!kind) throw err;
        onFault(kind, msg.chatId, err);
        return;
      }
      held.shift();
      if (inserted) {
        if (msg.media) media.set(msg.id, msg.media);
        void enqueue(laneOf(msg), () => processOne(msg.id, msg.chatId));
      }
    }
    await recover();
    await drain();
    if (faultDuringRetry) return; // onFault has scheduled the next round
    if (fault) log.info({ kind: fault.kind }, 'the disk takes writes again; everything kept has been processed');
    fault = null;
    retryDelay = retryMs.min;
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

  async function processOne(id: string, knownChatId: string): Promise<void> {
    let row: InboxEntry | null;
    try {
      row = await deps.inbox.claim(id, iso(), !faulted.has(id));
    } catch (err) {
      const kind = faultOf(err);
      if (!kind) throw err;
      faulted.add(id);
      onFault(kind, knownChatId, err);
      return;
    }
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
      faulted.delete(id);
    } catch (err) {
      const kind = faultOf(err);
      if (kind) {
        // Not the message's fault: it stays unfinished and is retried without counting an attempt.
        faulted.add(id);
        onFault(kind, chatId, err);
        await deps.inbox.finish(id, 'pending', iso(), `storage ${kind}: ${errorText(err)}`).catch(() => {});
        return;
      }
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
      if (r.attempts >= maxAttempts && !faulted.has(r.id)) {
        log.warn({ messageId: r.id, attempts: r.attempts }, 'a message failed too often; marking it failed');
        await deps.inbox.finish(r.id, 'failed', iso(), r.lastError ?? 'too many attempts');
        continue;
      }
      work.push(enqueue(laneOf(r), () => processOne(r.id, r.chatId)));
    }
    const unprompted = await deps.inbox.unsent(null);
    for (const r of unprompted) work.push(enqueue(chatLane(r.chatId), async () => void (await sendRow(r))));
    if (rows.length || unprompted.length) log.info({ messages: rows.length, replies: unprompted.length }, 'finishing work left by the last run');
    await Promise.all(work);
    return { messages: work.length - unprompted.length, replies: unprompted.length };
  }

  async function sendUnprompted(chatId: string, reply: OutboundReply): Promise<void> {
    const r = await deps.inbox.addOutbound(null, chatId, reply, iso());
    await enqueue(chatLane(chatId), async () => void (await sendRow(r)));
  }

  async function drain(): Promise<void> {
    while (chains.size) await Promise.all([...chains.values()]);
  }

  async function stop(timeoutMs = 5000): Promise<void> {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    if (held.length) log.error({ messages: held.length }, 'stopping while the disk refused writes: these messages were never stored');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([drain(), timeout]);
    clearTimeout(timer);
  }

  return { accept, recover, sendUnprompted, drain, stop };
}
