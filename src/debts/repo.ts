/**
 * @module debts/repo
 * The debts repository port: money owed between the owner and other people, kept apart from
 * expenses (a loan, an IOU, a friend's share of a bill the owner paid). Each entry is signed from
 * the owner's side: positive, the person owes the owner more; negative, the owner owes them more
 * (or they were paid back). A person's balance is the exact SUM of their live entries per currency;
 * an entry linked to an expense (a share of a split) counts only while that expense is live, so
 * undoing the expense undoes its shares. SQLite adapter in debts/sqlite/, fake in debts/memory.ts.
 */

export type DebtKind =
  /** Their share of a bill the owner paid (linked to the expense), or the owner's share of a bill they paid. */
  | 'share'
  | 'owes_me' | 'i_owe' | 'lent' | 'borrowed' | 'paid_back_to_me' | 'paid_back_by_me'
  /** "settled up with Rahul": the entry that brings a balance to zero. */
  | 'settled';

export const DEBT_KINDS: readonly DebtKind[] = ['share', 'owes_me', 'i_owe', 'lent', 'borrowed', 'paid_back_to_me', 'paid_back_by_me', 'settled'];

export interface NewDebt {
  /** The name as the owner wrote it first ("Rahul Sharma"). */
  person: string;
  kind: DebtKind;
  /** Signed integer minor units from the owner's side (+ they owe me). Never 0. */
  amountMinor: number;
  currency: string;
  /** YYYY-MM-DD in the owner's zone. */
  date: string;
  /** The expense this share belongs to (a split), or null. */
  expenseId: number | null;
  note: string | null;
}

export interface Debt extends NewDebt {
  id: number;
  owner: string;
  /** The person's key: their name folded ("rahul sharma"); one key is one person. */
  personKey: string;
  messageId: string | null;
  /** A stable identity that export files carry. */
  uid: string;
  createdAt: string;
  deletedAt: string | null;
}

export interface Balance {
  personKey: string;
  person: string;
  currency: string;
  /** + they owe the owner; − the owner owes them. */
  amountMinor: number;
}

export interface DebtRecordMeta {
  owner: string;
  /** With the entry's position, unique: a message replayed records nothing twice. */
  messageId: string | null;
  now: string;
  /** Import: the uid from the file (recognised on a re-import). */
  uids?: (string | null)[];
}

export interface DebtRepository {
  /** Records the entries of one message in one transaction; a replay returns the stored ones. */
  record(entries: NewDebt[], meta: DebtRecordMeta): Promise<{ debts: Debt[]; duplicate: boolean }>;
  /** Every non-zero balance of the owner (per person and currency), largest owed to the owner first. */
  balances(owner: string): Promise<Balance[]>;
  /** The live entries of the owner (one person's when `personKey` is given), oldest first. */
  entries(owner: string, personKey?: string): Promise<Debt[]>;
  /** Everyone the owner has an entry with (live or not), by key, with the name first written. */
  people(owner: string): Promise<{ key: string; name: string }[]>;
  /** Soft-deletes the live entries a message recorded (undo); returns them. */
  undoMessage(owner: string, messageId: string, now: string): Promise<Debt[]>;
  /** The uid of an expense (export: the expense a share belongs to), or null. */
  expenseUid(expenseId: number): Promise<string | null>;
  /** The owner's expense with this uid (import: linking a share back to its expense), or null. */
  expenseByUid(owner: string, uid: string): Promise<number | null>;
  /** Household mode: who paid an expense (the member who wrote it). */
  setPayer(owner: string, expenseId: number, payer: string): Promise<void>;
  /** Household mode: what each payer's live expenses of the owner's ledger sum to between two dates (inclusive), per currency. */
  spentBy(owner: string, from: string, to: string): Promise<{ payer: string; currency: string; amountMinor: number; count: number }[]>;
}

/** One person is one key: the name folded, single-spaced. */
export function personKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’.]/g, '').replace(/\s+/g, ' ').trim();
}

/** Balances from entries (the fake, and tests of the adapter): the same SUM the SQL takes. */
export function balancesOf(entries: readonly Debt[], names: ReadonlyMap<string, string>): Balance[] {
  const m = new Map<string, Balance>();
  for (const e of entries) {
    const k = `${e.personKey}\u0000${e.currency}`;
    const b = m.get(k) ?? { personKey: e.personKey, person: names.get(e.personKey) ?? e.person, currency: e.currency, amountMinor: 0 };
    b.amountMinor += e.amountMinor;
    m.set(k, b);
  }
  return sortBalances([...m.values()].filter((b) => b.amountMinor !== 0));
}

export function sortBalances(bs: Balance[]): Balance[] {
  return bs.sort((a, b) => b.amountMinor - a.amountMinor || (a.personKey < b.personKey ? -1 : a.personKey > b.personKey ? 1 : 0) || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}
