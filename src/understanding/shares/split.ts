/**
 * @module understanding/shares/split
 * Split arithmetic in integer minor units: no paisa or cent is ever lost or made up. An equal split
 * gives everyone the floor of the bill over the heads, and what is left over (fewer minor units than
 * heads) goes to the payer, who is the first share. Pure.
 */

/**
 * Equal shares of `totalMinor` among `heads` people, the payer first; the shares sum to the total.
 * e.g. splitEqual(100000, 3) → [33334, 33333, 33333] (₹1,000 three ways: the payer carries the extra paisa)
 */
export function splitEqual(totalMinor: number, heads: number): number[] {
  if (!Number.isSafeInteger(totalMinor) || totalMinor < 0) throw new RangeError(`a split needs a whole, non-negative amount in minor units, not ${totalMinor}`);
  if (!Number.isSafeInteger(heads) || heads < 1) throw new RangeError(`a split needs at least one person, not ${heads}`);
  const base = Math.floor(totalMinor / heads);
  const rest = totalMinor - base * heads;
  return Array.from({ length: heads }, (_, k) => (k === 0 ? base + rest : base));
}

/**
 * What is left for the owner when the others' parts are named; null when the parts reach or pass
 * the bill (then the message says something impossible and munshi asks).
 * e.g. ownerRemainder(120000, [50000]) → 70000
 */
export function ownerRemainder(totalMinor: number, partsMinor: readonly number[]): number | null {
  const others = partsMinor.reduce((s, p) => s + p, 0);
  const left = totalMinor - others;
  return left > 0 ? left : null;
}

/**
 * `amountMinor` shared out among `heads` equally, the first carrying the remainder (the others' part of
 * a bill when the owner's own share was named).
 * e.g. spread(80000, 2) → [40000, 40000]
 */
export function spread(amountMinor: number, heads: number): number[] {
  return heads < 1 ? [] : splitEqual(amountMinor, heads);
}
