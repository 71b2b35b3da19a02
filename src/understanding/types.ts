/**
 * @module understanding/types
 * What munshi understood from one message. Produced by the rules (understand.ts) in well under a
 * millisecond, or by the LLM fallback after validation; the bot acts on it.
 */
import type { ExpenseDraft, OwnerSettings } from '../core/types.js';
import type { Primary } from '../categories/taxonomy.js';
import type { CategoryOverride } from '../ledger/preferences.js';

export interface UnderstandContext {
  /** The instant the message was written. */
  now: Date;
  settings: OwnerSettings;
  /** The owner's remembered category corrections, keyed by overrideKey(item or merchant). */
  overrides?: ReadonlyMap<string, CategoryOverride>;
}

export type Command =
  | { kind: 'undo' } // "undo", "delete last", "remove that last one"
  | { kind: 'edit_amount'; amountMinor: number; currency: string | null } // "no, 60", "make it 250"
  | { kind: 'edit_date'; date: string } // "that was yesterday"
  | { kind: 'edit_category'; category: Primary; detail: string | null } // "that was transport"
  | { kind: 'edit_item'; item: string } // "it was a latte"
  | { kind: 'list_recent'; limit: number } // "recent", "last 5"
  | { kind: 'help' }
  | { kind: 'confirm' } // "ok", "yes" (confirms a draft)
  | { kind: 'cancel' } // "cancel", "no" (drops a draft)
  | { kind: 'show_settings' }
  | { kind: 'set_currency'; currency: string }
  | { kind: 'set_timezone'; timeZone: string };

export type OtherKind = 'greeting' | 'thanks' | 'income' | 'refund' | 'plan' | 'noise' | 'capabilities' | 'unknown';

export type Understanding =
  | {
      intent: 'add_expense';
      expenses: ExpenseDraft[];
      /** 0..1; below ~0.6 the LLM fallback (when present) gets a say. */
      confidence: number;
      /** True when a date resolved to the future: munshi asks before recording. */
      futureDate?: boolean;
    }
  | {
      /** An expense with something essential missing: munshi asks ("How much was the petrol?"). */
      intent: 'incomplete';
      missing: 'amount' | 'item';
      partial: Omit<ExpenseDraft, 'amountMinor'> & { amountMinor: number | null };
      confidence: number;
    }
  | { intent: 'query'; confidence: number }
  | { intent: 'command'; command: Command; confidence: number }
  | { intent: 'other'; kind: OtherKind; confidence: number };
