/**
 * @module bot/find
 * Which stored expenses a description names ("delete the chai", "remove the uber from yesterday"):
 * every word of the description in the expense's item, merchant or note, or the category the
 * description names ("delete the groceries"). Pure; the bot fetches the candidates.
 */
import { categoryNamed } from '../categories/index.js';
import { overrideKey } from '../categories/overrides.js';
import type { ExpenseDraft } from '../core/types.js';

type Described = Pick<ExpenseDraft, 'item' | 'merchant' | 'note' | 'category' | 'detail'>;

/** A word and its other number ("chais" finds "chai", "chai" finds "chais"). */
function forms(w: string): string[] {
  const out = [w];
  if (w.endsWith('es') && w.length > 4) out.push(w.slice(0, -2));
  if (w.endsWith('s') && w.length > 3) out.push(w.slice(0, -1));
  else out.push(`${w}s`);
  return out;
}

function wordsOf(e: Described): Set<string> {
  const set = new Set<string>();
  for (const s of [e.item, e.merchant, e.note]) if (s) for (const w of overrideKey(s).split(' ')) if (w) set.add(w);
  // A brand written as one word ("DMart") is also found as two ("d mart") and the other way round.
  for (const s of [e.item, e.merchant]) if (s) set.add(overrideKey(s).replace(/ /g, ''));
  return set;
}

/**
 * A test for "does this expense match the description?".
 * e.g. describes('chai')({ item: 'chai', … }) → true; describes('groceries')({ category: 'food', detail: 'groceries', … }) → true
 */
export function describes(description: string): (e: Described) => boolean {
  const words = overrideKey(description).split(' ').filter(Boolean);
  const named = words.length ? categoryNamed(words.join(' ')) : null;
  return (e) => {
    if (!words.length) return true;
    const have = wordsOf(e);
    if (words.every((w) => forms(w).some((f) => have.has(f))) || have.has(words.join(''))) return true;
    return !!named && e.category === named.primary && (named.detail === null || e.detail === named.detail);
  };
}
