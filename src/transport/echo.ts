/**
 * @module transport/echo
 * Keeps munshi from reading its own replies. In the "Message yourself" chat every reply munshi
 * sends comes back as a new own message; the library reports it with the id returned by send, but
 * sometimes before send has resolved and sometimes under another id, so both the sent ids and the
 * texts sent in the last minute are remembered. Time comes from an injected clock.
 */
import type { Clock } from '../clock/clock.js';

export const ECHO_WINDOW_MS = 60_000;
const MAX_IDS = 2000;

export function echoKey(chatId: string, text: string): string {
  return `${chatId}\u0000${text.replace(/\s+/g, ' ').trim()}`;
}

export class EchoGuard {
  private readonly texts = new Map<string, number>();
  private readonly ids = new Set<string>();

  constructor(
    private readonly clock: Clock,
    private readonly windowMs = ECHO_WINDOW_MS,
  ) {}

  /** Call before sending, so an echo that overtakes the send call is still recognized. */
  noteSending(chatId: string, text: string): void {
    this.prune();
    this.texts.set(echoKey(chatId, text), this.clock.now().getTime());
  }

  /** Call with the id the network gave the sent message. */
  noteSent(id: string): void {
    this.ids.add(id);
    if (this.ids.size > MAX_IDS) this.ids.delete(this.ids.values().next().value!);
  }

  /** True when the message is one of munshi's own replies. */
  isEcho(id: string, chatId: string, text: string): boolean {
    if (this.ids.has(id)) return true;
    const at = this.texts.get(echoKey(chatId, text));
    return at !== undefined && this.clock.now().getTime() - at <= this.windowMs;
  }

  private prune(): void {
    const cutoff = this.clock.now().getTime() - this.windowMs;
    for (const [k, t] of this.texts) if (t < cutoff) this.texts.delete(k);
  }
}
