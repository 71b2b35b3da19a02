/**
 * Gujarati (Latin script) days and light verbs of vocab/words/gu.tsv through the real reader, for an
 * owner in India: "gaikale" and "parmdivase" date the expense, never name a shop; "karyu" after a
 * thing is the doing of it, never the thing. Phrasings of our own, none taken from an evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { planWith } from '../query/answer.js';
import { understandNext } from './next/understand.js';
import { ctxOf, one } from '../../test/support/understanding.js';

// Wednesday 9 December 2026 in Kolkata.
const IN = ctxOf('Asia/Kolkata', 'INR', 'en-IN', true, '2026-12-09');

describe('Gujarati days either side of today date the expense', () => {
  it.each([
    ['gaikale thepla 90', '2026-12-08'],
    ['gai kale sev usal 110 khadhu', '2026-12-08'],
    ['parmdivase handvo 150', '2026-12-07'],
  ])('%s', (text, date) => {
    const e = one(text, IN);
    expect(e.date).toBe(date);
    expect(e.merchant ?? null).toBeNull();
  });
});

describe('a Gujarati light verb after the thing is not the thing', () => {
  it.each([
    ['dth recharge karyu 350', 'dth recharge'],
    ['car wash karavyo 400', 'car wash'],
  ])('%s', (text, item) => {
    expect(one(text, IN).item).toBe(item);
  });
});

describe('Gujarati "vaprya" and "kaho" in a question are spending and asking, never the subject', () => {
  it('petrol par ketla vaprya? kaho', () => {
    const r = planWith('aa mahine petrol par ketla vaprya? kaho', { owner: 'me', now: IN.now, settings: IN.settings }, null);
    if (r.kind !== 'plan') throw new Error(JSON.stringify(r));
    expect(r.plan.op).toBe('sum');
    expect(r.plan.filters.subjects).toEqual(['petrol']);
  });
});

describe('Gujarati "na" between a person and a thing is "of", not "not"', () => {
  it.each([
    ['bhabhi na chappal lidhi 600', 600],
    ['dikra na school bag lidhi 850', 850],
  ])('%s', (text, amount) => {
    expect(one(text, IN).amountMinor).toBe(amount * 100);
  });
  it('Hindi "na" before a verb still says no purchase', () => {
    expect(understandNext('samosa na liya 20', IN).intent).toBe('other');
  });
});
