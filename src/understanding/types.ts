/**
 * @module understanding/types
 * What munshi understood from one message. Produced by the rules (understand.ts) in well under a
 * millisecond, or by the LLM fallback after validation; the bot acts on it.
 */
import type { ExpenseDraft, OwnerSettings } from '../core/types.js';
import type { Primary } from '../categories/taxonomy.js';
import type { CategoryOverride } from '../ledger/preferences.js';
import type { LanguageContext } from '../language/context.js';

export interface UnderstandContext {
  /** The instant the message was written. */
  now: Date;
  settings: OwnerSettings;
  /** The owner chose settings.locale (and its date order) themselves; otherwise zone and currency decide. */
  localeChosen?: boolean;
  /** A prepared language context (locale pack, vocabulary, today); built from the settings when absent. */
  language?: LanguageContext;
  /** The owner's remembered category corrections, keyed by overrideKey(item or merchant). */
  overrides?: ReadonlyMap<string, CategoryOverride>;
}

export type Command =
  | { kind: 'undo' } // "undo", "delete last", "remove that last one"
  /**
   * "delete the chai", "remove the uber from yesterday", "delete chai 30", "delete the last chai":
   * find it, then confirm. `from`/`to` bound the dates, `amountMinor` the amount, `latest` asks for the newest match.
   */
  | { kind: 'delete_matching'; text: string; from?: string; to?: string; amountMinor?: number; latest?: boolean }
  | { kind: 'edit_amount'; amountMinor: number; currency: string | null } // "no, 60", "make it 250"
  | { kind: 'edit_matching'; text: string; amountMinor: number; currency: string | null; oldMinor?: number; from?: string; to?: string } // "change the pizza one to 4.50", "the rapido one was 95 not 85"
  | { kind: 'edit_date'; date: string } // "that was yesterday"
  | { kind: 'edit_category'; category: Primary; detail: string | null } // "that was transport"
  | { kind: 'edit_item'; item: string } // "it was a latte"
  | { kind: 'edit_merchant'; merchant: string | null } // "shop was Tatte", "not a shop"
  | { kind: 'list_recent'; limit: number } // "recent", "last 5"
  | { kind: 'help' }
  | { kind: 'confirm' } // "ok", "yes" (confirms a draft)
  | { kind: 'cancel' } // "cancel", "no" (drops a draft)
  | { kind: 'show_settings' }
  | { kind: 'set_currency'; currency: string }
  | { kind: 'set_timezone'; timeZone: string }
  | { kind: 'set_date_order'; dayFirst: boolean }; // "use US dates", "dates day first"

export type OtherKind =
  | 'greeting' | 'thanks' | 'capabilities' | 'noise' | 'unknown'
  | 'income' | 'refund' | 'plan'
  /** Money moved, lent, borrowed or owed; not spent. */
  | 'transfer'
  /** Did not happen: "didn't take the cab in the end". */
  | 'negated'
  /** Someone else spent it: "my friend spent 2k on shoes". */
  | 'third_party'
  /** A price seen or quoted, not paid. */
  | 'price'
  | 'budget'
  | 'balance'
  /** A note to self: a code, an address, a phone number, a measurement. */
  | 'note';

/** Why a reading is not sure enough to record without the owner's yes. */
export type AskReason =
  | 'unknown_item' // the words carrying the item are unknown to the lexicon
  | 'two_amounts' // two readings of the amounts are close
  | 'ambiguous_amount' // one amount reads two ways ("ten fifty", "1.200")
  | 'maybe_not_spent' // a weak cue says it may not be a purchase
  | 'implausible' // the amount is implausible for the item ("chai 10 crore")
  | 'maybe_shop' // a word nobody has filed, before a known thing, was taken for the shop ("jasuben pizza")
  | 'future'; // a date ahead

export type Understanding =
  | {
      intent: 'add_expense';
      expenses: ExpenseDraft[];
      /** 0..1; below ~0.6 the LLM fallback (when present) gets a say. */
      confidence: number;
      /** True when a date resolved to the future: munshi asks before recording. */
      futureDate?: boolean;
      /** Why munshi should show a draft or ask rather than record silently; absent when sure. */
      ask?: AskReason;
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
