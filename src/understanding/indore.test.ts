/**
 * Central-Indian student life through the real reader, for an owner in India (en-IN): Indore's shared
 * rides and bus card, Malwa street food and the city's food shops (vocab/lexicon/97-in8.tsv), markets
 * and neighbourhoods that are where one went and never a shop (words/places.tsv), and numbers that
 * count or label something and are never money (steps in thousands, grades, minutes, people, train
 * numbers, a discount). Phrasings of our own, none taken from an evaluation set.
 */
import { describe, expect, it } from 'vitest';
import type { UnderstandContext } from './types.js';
import { understandNext as understand } from './next/understand.js';
import { ctxOf, oneBrief, records } from '../../test/support/understanding.js';

const IN = ctxOf('Asia/Kolkata', 'INR', 'en-IN', true, '2026-11-20');
const US = ctxOf('America/New_York', 'USD', 'en-US', false, '2026-11-20');
const one = (s: string, ctx: UnderstandContext = IN) => oneBrief(s, ctx);

describe('shared rides and the city bus are transport', () => {
  it.each([
    ['tata magic se station 25', 'transport/commute'],
    ['vikram me 15 diye', 'transport/commute'],
    ['bus card recharge 150', 'transport/commute'],
    ['ibus pass 500', 'transport/commute'],
  ])('%s → %s', (text, cat) => {
    expect(one(text).cat).toBe(cat);
  });

  it('the rapid-transit bus is its operator', () => {
    expect(one('janmarg ticket 25')).toMatchObject({ cat: 'transport/commute', merchant: 'BRTS' });
  });

  it('a card topped up for the bus is no phone recharge', () => {
    expect(one('i bus card recharge 300').cat).toBe('transport/commute');
  });
});

describe('an intercity bus or train is a trip', () => {
  it.each([
    ['chartered bus se ujjain 150', 'travel/buses'],
    ['intercity express ka ticket 210', 'travel/trains'],
  ])('%s → %s', (text, cat) => {
    expect(one(text).cat).toBe(cat);
  });
});

describe('Malwa street food and Indore food shops', () => {
  it.each([
    ['khopra pattice 30', 'food/snacks'],
    ['dal bafla 150', 'food/meals'],
    ['egg benjo 45', 'food/snacks'],
    ['garaadu 50 ka', 'food/snacks'],
  ])('%s → %s', (text, cat) => {
    expect(one(text).cat).toBe(cat);
  });

  it('a shop named for what it sells leaves the thing as the item', () => {
    expect(one('johny ke 2 hot dog 120')).toMatchObject({ merchant: 'Johny Hot Dog', item: 'hot dog' });
    expect(one('guru kripa me thali 220').merchant).toBe('Guru Kripa');
  });

  it('the food street\'s number is its name, never a second amount', () => {
    const r = records('chappan dukan gaye, 56 dukan pe benjo 60', IN);
    expect(r.map((e) => e.amountMinor)).toEqual([6000]);
  });
});

describe('markets, neighbourhoods and "there" are where one went, never a shop', () => {
  it('a market gone to is no merchant', () => {
    const r = one('kal rajwada gaye the, kurti li 450 ki');
    expect(r.merchant).toBeNull();
    expect(r.cat).toBe('shopping/clothes');
  });
  it('"wahan se" is no merchant', () => {
    expect(one('palasia gaye the, wahan se jeans li 900').merchant).toBeNull();
  });
  it('a story\'s opening "haan toh" names nothing', () => {
    expect(one('haan toh kal mall gaye the, top liya 600 ka').merchant).toBeNull();
  });
});

describe('the woman who cleans the room is household help', () => {
  it('safai wali didi ko 500 → housing/help', () => {
    expect(one('safai wali didi ko 500 diye').cat).toBe('housing/help');
  });
});

describe('Steam the game store, for an Indian owner too', () => {
  it('steam store → entertainment, Steam', () => {
    expect(one('steam store se game liya 450')).toMatchObject({ cat: 'entertainment/games', merchant: 'Steam' });
  });
  it('"on steam" names the store', () => {
    expect(one('paid 4.99 usd for a skin on steam').merchant).toBe('Steam');
  });
  it('an American owner reads it as before', () => {
    expect(one('steam games 20', US).merchant).toBe('Steam');
  });
});

describe('numbers that count or label are never money', () => {
  it.each([
    ['15k steps done aaj'],
    ['9.1 cgpa aaya finally'],
    ['12951 rajdhani 4:30 wali'],
    ['swiggy pe 100 off coupon mila'],
  ])('%s is no expense', (text) => {
    expect(understand(text, IN).intent).not.toBe('add_expense');
  });

  it('minutes late are no amount', () => {
    expect(understand('swiggy wala 25 min late tha', IN).intent).not.toBe('add_expense');
  });

  it('how many people it fed is no second amount', () => {
    const r = records('rs240 chole bhature 3 logon ka', IN);
    expect(r.map((e) => e.amountMinor)).toEqual([24000]);
  });

  it('"off" a shop is where it came from, not a discount', () => {
    expect(records('headphones 1499 off flipkart', IN).map((e) => e.amountMinor)).toEqual([149900]);
  });

  it('a discount beside what was paid leaves the price', () => {
    const r = records('zomato pe 80 off laga ke pizza 320', IN);
    expect(r.map((e) => e.amountMinor)).toEqual([32000]);
  });
});

describe('a plan asked of a friend asks nothing of the ledger', () => {
  it('"rajwada chalna hai kal?" is no question', () => {
    expect(understand('rajwada chalna hai kal?', IN).intent).toBe('other');
  });
  it('a question about spending still is one', () => {
    expect(understand('is mahine chai pe kitna gaya?', IN).intent).toBe('query');
  });
});

describe('what a thing was for, closed by "ke liye", is not the thing', () => {
  it('the thing bought beside it is the item, even a generic one', () => {
    expect(one('bigbasket se snacks 450 hostel ke liye').item).toBe('snacks');
  });
  it('alone it is still what was paid for', () => {
    expect(one('room ke liye 4000 diye').item).toBe('room');
  });
});

describe('a thing before its container is still the thing', () => {
  it('"thepla nu packet" names the thepla', () => {
    expect(one('khakhra nu packet 80').item).toBe('khakhra');
  });
});
