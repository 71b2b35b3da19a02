/**
 * @module transport/port
 * How munshi talks to a chat network. Adapters (whatsapp-web.js, the console) translate their
 * library's messages into InboundMessage; nothing else imports a transport library.
 */
import type { InboundMedia, InboundMessage } from '../core/types.js';

/** What the network says about a message munshi sent: its id, so the echo can be recognized. */
export interface SentMessage {
  id: string;
}

/** Connection state as munshi reports it (status file, `cli status`). */
export type TransportState = 'starting' | 'pairing' | 'connecting' | 'connected' | 'disconnected' | 'retrying' | 'stopped';

export interface Transport {
  /** Starts receiving; `onMessage` is called only for messages from allowed chats. Resolves once
   * receiving has begun (a network transport keeps (re)connecting in the background). */
  start(onMessage: (m: InboundMessage) => Promise<void>): Promise<void>;
  sendText(chatId: string, text: string): Promise<SentMessage | void>;
  sendImage(chatId: string, png: Buffer, caption?: string): Promise<SentMessage | void>;
  setTyping(chatId: string, on: boolean): Promise<void>;
  react(chatId: string, messageId: string, emoji: string): Promise<void>;
  /** Re-fetches the media of an allowed message after a restart (the in-memory handle is gone). */
  fetchMedia?(chatId: string, messageId: string): Promise<InboundMedia | null>;
  stop(): Promise<void>;
}
