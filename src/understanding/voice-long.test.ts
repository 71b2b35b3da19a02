/**
 * The general causes behind long, voice-dictated American messages (read: us-tn, older owners
 * speaking to their phone in full polite sentences, numbers spelled out), each checked with phrasings
 * of our own (none of these lines is in an eval set).
 */
import { describe, expect, it } from 'vitest';
import { ctxOf, one } from '../../test/support/understanding.js';
import { understandNext as understand } from './next/understand.js';

// Thursday 15 October 2026.
const US = ctxOf('America/New_York', 'USD', 'en-US', false, '2026-10-15');
const GB = ctxOf('Europe/London', 'GBP', 'en-GB', true, '2026-10-15');

describe('paying for someone else', () => {
  it.each([
    ['milkshakes for me and Harold, nine dollars and forty cents', 940],
    ['bowling for myself and the grandkids 36', 3600],
    ['museum passes for me and my sister, $44', 4400],
  ])('"for me and X" is the owner\'s whole expense, never a share: %s', (text, minor) => {
    expect(one(text, US).amountMinor).toBe(minor);
  });

  it('a share is still a share when the message says so', () => {
    expect(one('pizza 30, split it with Harold', US).amountMinor).toBe(1500);
  });
});

describe('pounds that weigh', () => {
  it('a weight in pounds is no British money for an American owner', () => {
    expect(understand('the nurse said I am down to one hundred forty two pounds', US).intent).not.toBe('add_expense');
    const e = one('three pounds of ground chuck at the butcher, sixteen fifty', US);
    expect(e).toMatchObject({ amountMinor: 1650, currency: 'USD' });
  });

  it('British money is still British money', () => {
    expect(one('paid 20 British pounds for a cab in London', US)).toMatchObject({ amountMinor: 2000, currency: 'GBP' });
    expect(one('£12 for the cab', US)).toMatchObject({ amountMinor: 1200, currency: 'GBP' });
    expect(one('cab 12 pounds', GB)).toMatchObject({ amountMinor: 1200, currency: 'GBP' });
  });
});
