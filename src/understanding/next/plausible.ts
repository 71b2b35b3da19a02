/**
 * @module understanding/next/plausible
 * Whether an amount is plausible for what was bought: "chai 10 crore" is more likely a slip than a
 * purchase, so munshi asks. Bounds per category (vocab/plausible-amounts.tsv) in US dollars, with
 * rough rates (vocab/rough-rates.tsv) used for this judgement only.
 */
import { fileURLToPath } from 'node:url';
import { minorDigits } from '../../core/money.js';
import { readTsvFile } from '../../language/vocab/tsv.js';

let bounds: Map<string, number> | null = null;
let rates: Map<string, number> | null = null;

function load(): void {
  if (bounds && rates) return;
  const at = (f: string): string => fileURLToPath(new URL(`../../language/vocab/${f}`, import.meta.url));
  bounds = new Map(readTsvFile(at('plausible-amounts.tsv'), ['category', 'max_usd']).map((r) => [r.cells.category!, Number(r.cells.max_usd)]));
  rates = new Map(readTsvFile(at('rough-rates.tsv'), ['currency', 'usd']).map((r) => [r.cells.currency!, Number(r.cells.usd)]));
}

/** How many times over its category's bound an amount is (0 when unknown). e.g. chai ₹10 crore ≈ 48,000 */
export function overBound(minor: number, currency: string, primary: string, detail: string | null): number {
  load();
  const rate = rates!.get(currency);
  const max = (detail ? bounds!.get(`${primary}/${detail}`) : undefined) ?? bounds!.get(primary);
  if (!rate || !max) return 0;
  const usd = (minor / 10 ** minorDigits(currency)) * rate;
  return usd / max;
}

/** An amount more than 20 times the most its category plausibly costs. */
export function implausible(minor: number, currency: string, primary: string, detail: string | null): boolean {
  return overBound(minor, currency, primary, detail) > 20;
}
