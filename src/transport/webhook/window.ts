/**
 * @module transport/webhook/window
 * WhatsApp's 24-hour customer-service window, as the official APIs enforce it: a business may send
 * free-form messages to a person only within 24 hours of that person's last message; after that,
 * only an approved template. The window is tracked per chat from the messages munshi accepted in
 * this run; after a restart a chat's window is unknown, and the adapters send free-form and fall
 * back to the template when the provider answers "outside the window". Time is injected.
 */
import type { Clock } from '../../clock/clock.js';

/** 24 h less a margin, so a message queued at 23:59:59 is not refused on arrival. */
export const SERVICE_WINDOW_MS = 24 * 3_600_000 - 10 * 60_000;

export type WindowState = 'open' | 'closed' | 'unknown';

export class ServiceWindow {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly windowMs = SERVICE_WINDOW_MS,
  ) {}

  /** A person wrote in this chat at `at` (their message's time, or now). */
  seen(chatId: string, at: Date): void {
    const t = Math.min(at.getTime(), this.clock.now().getTime());
    if (t > (this.last.get(chatId) ?? -Infinity)) this.last.set(chatId, t);
  }

  state(chatId: string): WindowState {
    const t = this.last.get(chatId);
    if (t === undefined) return 'unknown';
    return this.clock.now().getTime() - t <= this.windowMs ? 'open' : 'closed';
  }
}

/**
 * A reply as one template parameter: providers refuse newlines, tabs and long runs of spaces in
 * parameters and cap their length, so lines are joined with " · " and the text is shortened.
 * e.g. "This week ₹1,200\nFood ₹800" → "This week ₹1,200 · Food ₹800".
 */
export function templateParameter(text: string, maxChars = 900): string {
  const flat = text
    .split(/\n+/)
    .map((l) => l.replace(/[\t ]+/g, ' ').trim())
    .filter(Boolean)
    .join(' · ');
  return flat.length <= maxChars ? flat : flat.slice(0, maxChars - 1).trimEnd() + '…';
}
