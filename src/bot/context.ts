/**
 * @module bot/context
 * Short per-chat memory: what was recorded last (for "undo", "no, 60", "that was yesterday"),
 * a question waiting for an answer ("How much was the petrol?"), a draft waiting for "ok", and the
 * last query plan for follow-ups. Kept in memory with an expiry: it is conversational glue, not
 * data; the ledger stays the source of truth (undo without context falls back to the ledger).
 */
import type { ExpenseDraft, Source } from '../core/types.js';

/** A change to stored expenses that waits for the owner's choice of which one. */
export type Change =
  | { kind: 'delete' }
  | { kind: 'amount'; amountMinor: number; currency: string | null }
  | { kind: 'item'; item: string };

export type Pending =
  | { kind: 'amount'; partial: Omit<ExpenseDraft, 'amountMinor'>; what: string | null; source: Source }
  | { kind: 'item'; amountMinor: number; currency: string; date: string; source: Source }
  | { kind: 'confirm'; drafts: ExpenseDraft[]; source: Source; understoodBy: 'rules' | 'llm'; sourceKey?: string | null }
  /** "Delete ₹20 · Food › Tea · today?": waits for yes or no. */
  | { kind: 'delete'; ids: number[] }
  /** "Which one?" with a numbered list: waits for a number (or "all" for a delete). */
  | { kind: 'choose'; ids: number[]; change: Change };

export interface ChatState {
  /** Ids recorded by the last expense message (a message may hold several). */
  lastIds: number[];
  pending: Pending | null;
  /** Opaque state of the query engine's follow-ups. */
  queryConversation: unknown;
  /** When the chat was last touched (ms), for expiry. */
  touchedAt: number;
  /** Chats already told that voice is not set up (told once). */
  voiceHintGiven?: boolean;
}

const PENDING_TTL_MS = 30 * 60_000;
const STATE_TTL_MS = 24 * 60 * 60_000;
const MAX_CHATS = 1000;

export class ChatStates {
  private states = new Map<string, ChatState>();

  get(chatId: string, nowMs: number): ChatState {
    let s = this.states.get(chatId);
    if (s && nowMs - s.touchedAt > STATE_TTL_MS) s = undefined;
    if (!s) {
      s = { lastIds: [], pending: null, queryConversation: undefined, touchedAt: nowMs };
      this.states.set(chatId, s);
      if (this.states.size > MAX_CHATS) this.evictOldest();
    }
    if (s.pending && nowMs - s.touchedAt > PENDING_TTL_MS) s.pending = null;
    s.touchedAt = nowMs;
    return s;
  }

  private evictOldest(): void {
    let oldestKey: string | null = null;
    let oldest = Infinity;
    for (const [k, v] of this.states) if (v.touchedAt < oldest) [oldest, oldestKey] = [v.touchedAt, k];
    if (oldestKey) this.states.delete(oldestKey);
  }
}
