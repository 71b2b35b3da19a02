/**
 * @module core/types
 * munshi's own domain types. Every adapter translates library types into these; nothing outside
 * an adapter folder sees a whatsapp-web.js Message, an ollama response or a better-sqlite3 row.
 */
import type { Primary } from './primaries.js';

export type Source = 'text' | 'voice' | 'receipt' | 'import' | 'recurring' | 'alert';

/** Which path understood a message: the deterministic rules or the LLM fallback. */
export type UnderstoodBy = 'rules' | 'llm' | 'user';

/** An expense as understood from a message, before it is stored. */
export interface ExpenseDraft {
  /** Integer minor units (paise, cents). Always > 0. */
  amountMinor: number;
  /** ISO 4217 code, e.g. "INR". */
  currency: string;
  category: Primary;
  /** Detail slug within the primary, e.g. "coffee" for food/coffee; null when unknown. */
  detail: string | null;
  item: string | null;
  merchant: string | null;
  note: string | null;
  /** Calendar date in the owner's time zone, YYYY-MM-DD. */
  date: string;
}

/** A stored expense. */
export interface Expense extends ExpenseDraft {
  id: number;
  /** The person the expense belongs to (a normalized WhatsApp id such as "919812345678", or "me"). */
  owner: string;
  source: Source;
  messageId: string | null;
  /** The row's stable identity, carried by export files so a re-import recognises it (absent in old fakes). */
  uid?: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** Per-owner settings that shape understanding and replies. */
export interface OwnerSettings {
  timeZone: string;
  currency: string;
  locale: string;
  /** 12/01 is 12 January when true (India, UK), December 1 when false (US). */
  dayFirst: boolean;
  /** 1 = Monday. */
  weekStartsOn: 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/** A message arriving from any transport, already translated into munshi's terms. */
export interface InboundMessage {
  /** Transport-unique message id; processing is once per id. */
  id: string;
  chatId: string;
  /** Who wrote it (normalized). Becomes the expense owner unless a shared household ledger is configured. */
  senderId: string;
  text: string;
  timestamp: Date;
  /** Whose ledger this message writes to, decided by the access policy (own ledger or a shared
   * household ledger). Defaults to senderId. */
  owner?: string;
  media?: InboundMedia;
}

export interface InboundMedia {
  kind: 'voice' | 'image' | 'document';
  mimeType: string;
  /** Downloads the bytes; only called for allowed chats. */
  download(): Promise<Buffer>;
}

/** What the bot wants said back. */
export interface OutboundReply {
  text: string;
  /** An optional PNG (charts). */
  image?: { png: Buffer; caption?: string };
}
