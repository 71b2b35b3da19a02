/**
 * @module understanding/next/lines
 * What a kind of shop sells (vocab/merchant-lines.tsv): whether a shop named once in a message is
 * where another thing of the message was bought.
 */
import { fileURLToPath } from 'node:url';
import { readTsvFile } from '../../language/vocab/tsv.js';

let lines: Map<string, readonly string[]> | null = null;

function load(): Map<string, readonly string[]> {
  if (lines) return lines;
  const file = fileURLToPath(new URL('../../language/vocab/merchant-lines.tsv', import.meta.url));
  lines = new Map(readTsvFile(file, ['shop', 'sells']).map((r) => [r.cells.shop!, r.cells.sells!.split(',').map((s) => s.trim()).filter(Boolean)]));
  return lines;
}

/**
 * Whether a shop of one category sells a thing of another.
 * e.g. sells('food', 'groceries', 'transport', 'fuel') === true (Costco gas); sells('food', 'restaurant', 'transport', 'fuel') === false
 */
export function sells(shopPrimary: string, shopDetail: string | null, primary: string, detail: string | null): boolean {
  if (shopPrimary === primary) return true;
  const l = load();
  const row = (shopDetail ? l.get(`${shopPrimary}/${shopDetail}`) : undefined) ?? l.get(shopPrimary) ?? [];
  return row.some((c) => c === primary || (detail !== null && c === `${primary}/${detail}`));
}
