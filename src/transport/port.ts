/**
 * @module transport/port
 * How munshi talks to a chat network. Adapters (whatsapp-web.js, the console) translate their
 * library's messages into InboundMessage; nothing else imports a transport library.
 */
import type { InboundMessage } from '../core/types.js';

export interface Transport {
  /** Starts receiving; `onMessage` is called only for messages from allowed chats. */
  start(onMessage: (m: InboundMessage) => Promise<void>): Promise<void>;
  sendText(chatId: string, text: string): Promise<void>;
  sendImage(chatId: string, png: Buffer, caption?: string): Promise<void>;
  setTyping(chatId: string, on: boolean): Promise<void>;
  react(chatId: string, messageId: string, emoji: string): Promise<void>;
  stop(): Promise<void>;
}
