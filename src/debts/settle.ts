/**
 * @module debts/settle
 * Pure arithmetic over balances: the fewest payments that clear a set of net positions, a
 * household's net positions from who paid what, and since when a balance has been open. Integer
 * minor units throughout; one currency at a time (rupees are never netted against dollars).
 */
import { splitEqual } from '../understanding/shares/split.js';

export interface Payment {
  from: string;
  to: string;
  minor: number;
}

/**
 * The payments that bring every net position to zero (positive: is owed, negative: owes), fewest
 * first: a debtor and a creditor whose amounts match settle in one payment; the rest are matched
 * largest to largest, which never needs more than (people − 1) payments.
 * e.g. fewestPayments([{ who: 'A', minor: 500 }, { who: 'B', minor: -300 }, { who: 'C', minor: -200 }])
 *      → [B→A 300, C→A 200]
 */
export function fewestPayments(nets: readonly { who: string; minor: number }[]): Payment[] {
  const sum = nets.reduce((s, n) => s + n.minor, 0);
  if (sum !== 0) throw new RangeError(`net positions must sum to zero, not ${sum}`);
  const cred = nets.filter((n) => n.minor > 0).map((n) => ({ ...n }));
  const debt = nets.filter((n) => n.minor < 0).map((n) => ({ who: n.who, minor: -n.minor }));
  const out: Payment[] = [];
  // Exact pairs first: one payment clears two people.
  for (const d of debt) {
    const c = cred.find((x) => x.minor === d.minor && x.minor > 0);
    if (c && d.minor > 0) {
      out.push({ from: d.who, to: c.who, minor: d.minor });
      c.minor = 0;
      d.minor = 0;
    }
  }
  const byAmount = (a: { who: string; minor: number }, b: { who: string; minor: number }): number => b.minor - a.minor || (a.who < b.who ? -1 : 1);
  for (;;) {
    const c = cred.filter((x) => x.minor > 0).sort(byAmount)[0];
    const d = debt.filter((x) => x.minor > 0).sort(byAmount)[0];
    if (!c || !d) break;
    const pay = Math.min(c.minor, d.minor);
    out.push({ from: d.who, to: c.who, minor: pay });
    c.minor -= pay;
    d.minor -= pay;
  }
  return out;
}

/**
 * Net positions of a household where everyone shares every expense equally: each member is owed
 * what they paid less their share. The remainder of an uneven split goes to the member who paid most
 * (so the positions still sum to zero exactly).
 * e.g. householdNets([{ who: 'A', paid: 900 }, { who: 'B', paid: 0 }, { who: 'C', paid: 300 }]) → A +500, B −400, C −100
 */
export function householdNets(paid: readonly { who: string; minor: number }[]): { who: string; minor: number }[] {
  if (!paid.length) return [];
  const total = paid.reduce((s, p) => s + p.minor, 0);
  const order = [...paid].sort((a, b) => b.minor - a.minor || (a.who < b.who ? -1 : 1));
  const shares = splitEqual(total, order.length);
  return order.map((p, k) => ({ who: p.who, minor: p.minor - shares[k]! }));
}

/**
 * Since when the current balance has been open: the date of the first entry after the running
 * balance last stood at zero or changed sign. Entries oldest first; null when the balance is zero.
 * e.g. openSince([{ date: '2026-03-02', minor: 500 }]) → '2026-03-02'
 */
export function openSince(entries: readonly { date: string; amountMinor: number }[]): string | null {
  let run = 0;
  let since: string | null = null;
  for (const e of entries) {
    const before = run;
    run += e.amountMinor;
    if (run === 0) since = null;
    else if (before === 0 || Math.sign(before) !== Math.sign(run)) since = e.date;
  }
  return run === 0 ? null : since;
}
