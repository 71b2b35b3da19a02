/**
 * Causes found by round 7's blind sets (docs/ACCURACY.md), tested in other words than the sets'.
 */
import { describe, expect, it } from 'vitest';
import { ctxOf, one } from '../../test/support/understanding.js';

const IN = ctxOf('Asia/Kolkata', 'INR', 'en-IN', true, '2026-12-05');
const US = ctxOf('America/New_York', 'USD', 'en-US', false, '2026-12-05');

describe('a word nobody has filed, before a known thing, may be the shop: munshi takes it for one and asks', () => {
  it.each([
    ['kamath dosa 90', IN, 'Kamath', 'dosa'],
    ['bartleby sandwich 9.50', US, 'Bartleby', 'sandwich'],
    ['sunnyside pancakes 14', US, 'Sunnyside', 'pancakes'],
  ])('%s', (text, ctx, merchant, item) => {
    const e = one(text, ctx);
    expect(e).toMatchObject({ merchant, item, ask: 'maybe_shop' });
  });

  it.each([
    ['desi ghee 600', IN], // a describing word the vocabulary knows
    ['maggi noodles 40', IN], // a brand the lexicon knows is part of the thing
    ['thums up 40', IN],
    ['masala chai 20', IN],
  ])('known words are not taken for a shop: %s', (text, ctx) => {
    const e = one(text, ctx);
    expect(e.merchant).toBeNull();
    expect(e.ask).not.toBe('maybe_shop');
  });

  it('a capitalised name or two unknown words is a name, recorded without asking (as before)', () => {
    expect(one('Bartleby sandwich 9.50', US)).toMatchObject({ merchant: 'Bartleby', ask: undefined });
  });
});
