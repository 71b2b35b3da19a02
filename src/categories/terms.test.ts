/**
 * @module categories/terms.test
 * findKnownTerms (longest match, typo tolerance, token ranges, brand spellings), correctSpelling
 * and isKnownWord.
 */
import { describe, expect, it } from 'vitest';
import { correctSpelling, findKnownTerms, isKnownWord } from './index.js';

const toks = (s: string) => s.split(' ');
const pick = (s: string) => findKnownTerms(toks(s)).map((t) => [t.kind, t.canonical, t.start, t.end] as const);

describe('findKnownTerms', () => {
  it('finds an item and a merchant with their token ranges', () => {
    const found = findKnownTerms(toks('spent 500 on a latte at cafe coffee day yesterday'));
    expect(found).toEqual([
      { kind: 'item', text: 'latte', canonical: 'latte', primary: 'food', detail: 'coffee', weak: false, repaired: false, start: 4, end: 5 },
      { kind: 'merchant', text: 'cafe coffee day', canonical: 'Cafe Coffee Day', primary: 'food', detail: 'coffee', weak: false, repaired: false, start: 6, end: 9 },
    ]);
  });

  it('says when a word was repaired to reach a term, and not for a plural', () => {
    expect(findKnownTerms(['cofee'])[0]?.repaired).toBe(true);
    expect(findKnownTerms(['samosas'])[0]?.repaired).toBe(false);
  });

  it('prefers the longest phrase', () => {
    expect(pick('tender coconut 60')).toEqual([['item', 'tender coconut', 0, 2]]);
    expect(pick('chicken biryani')).toEqual([['item', 'chicken biryani', 0, 2]]);
    expect(pick('masala dosa and filter coffee')).toEqual([['item', 'masala dosa', 0, 2], ['item', 'filter coffee', 3, 5]]);
    expect(pick('sugarcane juice')).toEqual([['item', 'sugarcane juice', 0, 2]]);
  });

  it('tolerates typos in words of 4+ letters and keeps the text as typed', () => {
    const [t] = findKnownTerms(toks('cofee 40'));
    expect(t).toMatchObject({ kind: 'item', text: 'cofee', canonical: 'coffee', detail: 'coffee', start: 0, end: 1 });
    expect(pick('tendr coconut')).toEqual([['item', 'tender coconut', 0, 2]]);
    expect(pick('grocries from dmart')).toEqual([['item', 'groceries', 0, 1], ['merchant', 'DMart', 2, 3]]);
  });

  it('does not correct short words', () => {
    expect(pick('chia 20')).toEqual([]); // not "chai": 4 letters but "chia" is its own word
    expect(pick('tae 20')).toEqual([]);
  });

  it('matches plurals of singular entries', () => {
    expect(pick('samosas')).toEqual([['item', 'samosa', 0, 1]]);
    expect(pick('2 idlis')).toEqual([['item', 'idli', 1, 2]]);
  });

  it('returns brand spellings for merchants', () => {
    expect(pick('ccd')).toEqual([['merchant', 'Cafe Coffee Day', 0, 1]]);
    expect(pick('rapido')).toEqual([['merchant', 'Rapido', 0, 1]]);
    expect(pick('dmart')).toEqual([['merchant', 'DMart', 0, 1]]);
    expect(pick('d-mart')).toEqual([['merchant', 'DMart', 0, 1]]);
    expect(pick('oyo')).toEqual([['merchant', 'OYO', 0, 1]]);
    expect(pick('vi')).toEqual([['merchant', 'Vi', 0, 1]]);
    expect(pick("mcdonald's")).toEqual([['merchant', "McDonald's", 0, 1]]);
    expect(pick('swiggy instamart')).toEqual([['merchant', 'Swiggy Instamart', 0, 2]]);
    expect(pick('jio hotstar')).toEqual([['merchant', 'JioHotstar', 0, 2]]);
    expect(pick('Starbucks')).toEqual([['merchant', 'Starbucks', 0, 1]]);
  });

  it('does not fire on everyday words that are also brand names', () => {
    expect(pick('20 more on chai')).toEqual([['item', 'chai', 3, 4]]);
    expect(pick('total 500')).toEqual([]);
    expect(pick('via upi')).toEqual([]);
    expect(pick('paid 300 for it')).toEqual([]);
    for (const w of ['ram', 'grab', 'bolt', 'chase', 'target', 'hinge', 'notion', 'visa', 'rang', 'til', 'bt', 'ee', 'cry', 'top', 'park', 'zoom', 'bits', 'peru']) {
      expect(pick(`${w} 100`), w).toEqual([]);
    }
  });

  it('still finds those brands by their fuller names', () => {
    expect(pick('grab taxi')).toEqual([['merchant', 'Grab', 0, 2]]);
    expect(pick('chase bank')).toEqual([['merchant', 'Chase', 0, 2]]);
    expect(pick('park plus')).toEqual([['merchant', 'Park+', 0, 2]]);
    expect(pick('more supermarket')).toEqual([['merchant', 'More', 0, 2]]);
  });

  it('matches across a dropped "&" and a plural last word, keeping the caller\'s indices', () => {
    expect(pick('hide & seek 30')).toEqual([['item', 'hide and seek', 0, 3]]);
    expect(pick('marks & spencer')).toEqual([['merchant', 'Marks & Spencer', 0, 3]]);
    expect(pick('paid exam fees')).toEqual([['item', 'exam fee', 1, 3]]);
  });

  it('handles empty and punctuation-only tokens', () => {
    expect(findKnownTerms([])).toEqual([]);
    expect(pick('- chai !')).toEqual([['item', 'chai', 1, 2]]);
  });
});

describe('correctSpelling', () => {
  it.each([
    ['cofee', 'coffee'], ['grocries', 'groceries'], ['jiuce', 'juice'], ['lunh', 'lunch'], ['petrl', 'petrol'],
    ['biryni', 'biryani'], ['samsoa', 'samosa'], ['medicin', 'medicine'], ['vegetabels', 'vegetables'],
    ['electricty', 'electricity'], ['resturant', 'restaurant'], ['capuccino', 'cappuccino'], ['dinnr', 'dinner'],
  ])('%s → %s', (typo, fixed) => {
    expect(correctSpelling(typo)).toBe(fixed);
  });

  it.each(['ravi', 'amit', 'neha', 'rohan', 'priya'])('does not turn the name %s into a lexicon word', (name) => {
    expect(correctSpelling(name)).toBe(name);
  });

  it.each(['spent', 'paid', 'from', 'with', 'today', 'yesterday', 'chai', 'coffee', 'pain', 'rice', 'kal', 'tea', 'abc', '1200', '12k', '7up', 'xyzqwv'])(
    'leaves %s alone',
    (w) => {
      expect(correctSpelling(w)).toBe(w);
    },
  );
});

describe('isKnownWord', () => {
  it.each(['poha', 'chai', 'latte', 'tender', 'coconut', 'swiggy', 'samosas', 'petrol', 'rent', 'kiraya'])('%s is known', (w) => {
    expect(isKnownWord(w)).toBe(true);
  });
  it.each(['spent', 'at', 'on', 'the', 'yesterday', 'kal', 'from', 'paid', 'qwzx', ''])('%s is not', (w) => {
    expect(isKnownWord(w)).toBe(false);
  });
});
