/**
 * Round-8 causes the lead fixed in the reader, in phrasings of our own (none from an evaluation set):
 * an amount with cents before a word for people is money, not a head count; a plan word in a clause
 * after every amount is an afterthought; hardware words are not cut into food.
 */
import { describe, expect, it } from 'vitest';
import { understandNext as understand } from './next/understand.js';
import { ctxOf, records } from '../../test/support/understanding.js';

const US = ctxOf('America/Chicago', 'USD', 'en-US', false, '2026-12-05');
const IN = ctxOf('Asia/Kolkata', 'INR', 'en-IN', true, '2026-12-05');

describe('an amount with cents is never a count of whole things', () => {
  it('"walmart 23.50 kids pajamas" is $23.50 of pajamas', () => {
    const [e] = records('walmart 23.50 kids pajamas', US);
    expect(e!.amountMinor).toBe(2350);
    expect(e!.merchant).toBe('Walmart');
  });
  it('a whole number before people still counts them ("3 kids tickets 45")', () => {
    const [e] = records('3 kids tickets 45', US);
    expect(e!.amountMinor).toBe(4500);
  });
});

describe('a plan word after every amount is an afterthought', () => {
  it('records what was paid, with the grumble or the rest due after it', () => {
    expect(records('lowes 18 for paint rollers, this room is gonna take forever', US)[0]!.amountMinor).toBe(1800);
    expect(records('gave 2000 advance to the carpenter, rest due next week', IN)[0]!.amountMinor).toBe(200000);
  });
  it('a plan before the amount is still a plan', () => {
    expect(understand('gonna pay 40 for the gutter guy tomorrow', US).intent).toBe('other');
    expect(understand('need to pay 500 to the plumber, will do it sunday', IN).intent).toBe('other');
    // A later clause that buys the thing, or a future verb of paying itself, keeps it a plan.
    expect(understand('saw the air fryer for 89 at costco, will buy it on black friday', US).intent).toBe('other');
    expect(understand('didi ke liye kurta 900 ka, rakhi pe dungi', IN).intent).toBe('other');
  });
});

describe('hardware is not cut into a food word', () => {
  it('"hinges" are hardware, not the spice "hing"', () => {
    const [e] = records('ace hardware 12.99 cabinet hinges', US);
    expect(e!.category).toBe('shopping');
  });
});
