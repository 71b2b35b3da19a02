/**
 * @module categories/overrides
 * What the owner taught munshi about categories ("that was transport" remembered for the item or
 * merchant), as the categorizer reads it. Pure; the ledger stores these rows.
 */
import type { Primary } from './taxonomy.js';

export interface CategoryOverride {
  key: string;
  category: Primary;
  detail: string | null;
}

/** Normalizes an item or merchant into the key a correction is remembered under. e.g. overrideKey('Café Coffee-Day') → 'cafe coffee day' */
export function overrideKey(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
