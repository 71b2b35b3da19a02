/**
 * @module understanding/alerts/types
 * What munshi reads from a forwarded bank, card, UPI or payment-app alert.
 */
import type { IsoDate } from '../../core/dates.js';

/**
 * What an alert reports. Only `debit` is spending munshi records; `atm` is offered as cash; every
 * other kind records nothing and is named back to the owner.
 */
export type AlertKind =
  | 'debit' // a purchase, a card charge, a UPI or app payment
  | 'credit' // money in: salary, a transfer received
  | 'refund'
  | 'reversal'
  | 'cashback'
  | 'otp'
  | 'failed' // declined or failed: nothing left the account
  | 'mandate' // an autopay / e-mandate / standing instruction set up
  | 'upcoming' // a debit announced for later ("will be debited on")
  | 'due' // a bill, total or minimum due
  | 'balance' // a balance or limit notice
  | 'promo' // an offer, a loan
  | 'request' // someone asks the owner for money
  | 'self_transfer' // between the owner's own accounts
  | 'card_payment' // paying the card bill: the spending was already recorded
  | 'atm'; // cash withdrawn

export interface Alert {
  kind: AlertKind;
  /** The amount the alert is about (paid, received, due ...), in minor units; null when none is written. */
  amountMinor: number | null;
  currency: string | null;
  /** The payee or payer, cleaned ("swiggy.order@axis" → "Swiggy", "SUNOCO 0731 PHILA" → "Sunoco"); never the bank. */
  counterparty: string | null;
  /** The payee as printed. */
  counterpartyRaw: string | null;
  /** What was paid for, when the alert names it instead of a payee ("a $3.00 ATM fee was charged"). */
  item?: string | null;
  /** The transaction date written in the alert. */
  date: IsoDate | null;
  /** Last digits of the owner's account or card ("1234"). */
  account: string | null;
  /** The bank's reference (UPI ref, RRN, transaction id). */
  ref: string | null;
  /** 0..1: how sure munshi is that this is an alert and of its kind and amount. */
  confidence: number;
}
