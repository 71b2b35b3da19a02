/**
 * @module bot/alerts
 * What the bot does with a forwarded transaction alert, decided before the chat reader runs: a
 * debit is recorded (dated and categorized by the alert) under a key that recognises the same
 * alert forwarded again; a debit the owner already typed by hand is asked about, not doubled; an
 * ATM withdrawal is offered as cash; everything else (refunds, credits, OTPs, declines, mandates,
 * reminders, offers, requests, own transfers) records nothing and says what it was.
 */
import { addDays, relativeDay } from '../core/dates.js';
import { formatMoney } from '../core/money.js';
import type { ExpenseDraft, OwnerSettings } from '../core/types.js';
import type { ExpenseRepository } from '../ledger/expenses.js';
import { resolveLocale } from '../language/locale.js';
import type { CategoryOverride } from '../ledger/preferences.js';
import { alertExpense, alertKey, cashExpense, sameAsTyped, type Alert, type AlertKind } from '../understanding/alerts/index.js';
import { expenseLine } from './replies.js';

export type AlertStep =
  /** Record these drafts under the key (strong: the bank's own reference). */
  | { do: 'record'; drafts: ExpenseDraft[]; sourceKey: string; strong: boolean }
  /** Show the text and wait for "ok" to record the drafts. */
  | { do: 'confirm'; text: string; drafts: ExpenseDraft[]; sourceKey: string | null }
  /** Reply only; nothing recorded. */
  | { do: 'reply'; text: string };

export interface AlertEnv {
  owner: string;
  today: string;
  settings: OwnerSettings;
  overrides?: ReadonlyMap<string, CategoryOverride>;
}

/**
 * Decides what a read alert means for the ledger. Reads the ledger (for an expense typed by hand)
 * but writes nothing: the bot records.
 */
export async function planAlert(a: Alert, env: AlertEnv, expenses: ExpenseRepository): Promise<AlertStep> {
  const money = (minor: number | null, cur: string | null): string => (minor !== null && cur ? formatMoney(minor, cur, env.settings.locale) : '');
  const amount = money(a.amountMinor, a.currency);
  const who = a.counterparty;
  if (a.kind === 'debit') {
    const draft = alertExpense(a, { today: env.today, overrides: env.overrides, regions: resolveLocale({ timeZone: env.settings.timeZone, currency: env.settings.currency }).regions });
    if (!draft) return { do: 'reply', text: "That looks like a bank alert, but I couldn't find the amount paid in it. Nothing recorded; type it like \"swiggy 458\"." };
    const { key, strong } = alertKey(a, env.today);
    // The owner may have typed this payment already ("swiggy 458"): ask rather than double it.
    const near = await expenses.between({ owner: env.owner, from: addDays(draft.date, -1), to: addDays(draft.date, 1) });
    const typed = near.find((e) => e.source !== 'alert' && sameAsTyped(draft, e));
    if (typed) {
      return {
        do: 'confirm', drafts: [draft], sourceKey: key,
        text: `You already noted ${expenseLine(typed, env.today, env.settings)}.\nIs this alert the same payment? Reply "ok" to record it as a second one, or "no" to skip it.`,
      };
    }
    return { do: 'record', drafts: [draft], sourceKey: key, strong };
  }
  if (a.kind === 'atm') {
    const cash = cashExpense(a, { today: env.today });
    const when = a.date ? ` (${relativeDay(a.date, env.today)})` : '';
    if (!cash) return { do: 'reply', text: 'That\'s an ATM withdrawal: cash is not spending yet, so nothing recorded.' };
    return {
      do: 'confirm', drafts: [cash], sourceKey: alertKey(a, env.today).key,
      text: `That's an ATM withdrawal of ${amount}${when}: cash isn't spending yet, so I haven't recorded it.\nReply "ok" to note it as cash spent, or tell me what the cash was for later ("groceries 500 cash").`,
    };
  }
  return { do: 'reply', text: nothingRecorded(a.kind, amount, who) };
}

/** "That's a refund of ₹450 from Swiggy: nothing recorded." */
export function nothingRecorded(kind: Exclude<AlertKind, 'debit' | 'atm'>, amount: string, who: string | null): string {
  const of = amount ? ` of ${amount}` : '';
  const from = who ? ` from ${who}` : '';
  const to = who ? ` to ${who}` : '';
  switch (kind) {
    case 'credit': return `That's money coming in${amount || who ? ` (${[amount, who ? `from ${who}` : ''].filter(Boolean).join(' ')})` : ''}: I only track spending, so nothing recorded.`;
    case 'refund': return `That's a refund${of}${from}: nothing recorded.`;
    case 'reversal': return `That's a reversal${of}${from}: the money came back, so nothing recorded.`;
    case 'cashback': return `That's cashback${of}${from}: nothing recorded.`;
    case 'otp': return "That's a one-time code, not a payment: nothing recorded. Never share it with anyone.";
    case 'failed': return `That payment${of}${to} failed or was declined: nothing left your account, so nothing recorded.`;
    case 'mandate': return `That's an autopay or mandate being set up${amount ? ` (up to ${amount}${who ? `, ${who}` : ''})` : ''}, not a payment: nothing recorded. Forward the alert when it's charged.`;
    case 'upcoming': return `That's a payment${of}${to} still to come: nothing recorded yet. Forward the alert once it's paid.`;
    case 'due': return `That's a bill reminder${amount ? ` (${amount} due)` : ''}: nothing recorded. Paying a card bill isn't new spending; the purchases are.`;
    case 'balance': return "That's a balance or limit notice, not a payment: nothing recorded.";
    case 'promo': return "That's an offer, not a payment: nothing recorded.";
    case 'request': return `That's a request for money${of}${from}, not a payment: nothing recorded. Forward the alert once you've paid.`;
    case 'self_transfer': return `That's a transfer between your own accounts${of}: nothing recorded.`;
    case 'card_payment': return `That's a card bill payment${of}: the purchases on the card are the spending, so nothing recorded.`;
  }
}

/** The same alert forwarded again: "Already recorded ...". */
export function alreadyRecorded(lines: string[]): string {
  return `Already recorded from the same alert:\n${lines.map((l) => `✅ ${l}`).join('\n')}`;
}

/** An alert without the bank's reference that matches one recorded before: maybe a second payment. */
export function maybeSecond(lines: string[]): string {
  return `That looks like the alert you forwarded before:\n${lines.map((l) => `✅ ${l}`).join('\n')}\nIf it's a second payment, reply "ok" to record it too.`;
}
