/**
 * @module inbox/sqlite/schema
 * Kysely table types for the inbox and outbox (DDL in ./tables.ts, migration 0002).
 */
import type { Generated } from 'kysely';
import type { InboundMedia } from '../../core/types.js';
import type { InboxStatus } from '../port.js';

export interface InboxTable {
  id: string;
  /** Arrival order (migration 0010). */
  seq: number;
  chat_id: string;
  sender_id: string;
  owner: string;
  text: string;
  media_kind: InboundMedia['kind'] | null;
  media_mime: string | null;
  message_at: string;
  received_at: string;
  status: Generated<InboxStatus>;
  attempts: Generated<number>;
  handled_at: string | null;
  last_error: string | null;
  updated_at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  inbox_id: string | null;
  seq: number;
  chat_id: string;
  text: string;
  image: Buffer | null;
  caption: string | null;
  created_at: string;
  sent_at: string | null;
  transport_id: string | null;
  attempts: Generated<number>;
  last_error: string | null;
}

// A type alias, not an interface: Kysely's withTables needs an index-signature-compatible shape.
export type InboxTables = {
  inbox: InboxTable;
  outbox: OutboxTable;
};
