/**
 * The general causes behind the round-4 and round-5 fresh sets' misses (us-oh, us-sfo, and the
 * round-5 sets once scored), each checked with phrasings of our own (none of these lines is in an
 * eval set).
 */
import { describe, expect, it } from 'vitest';
import type { UnderstandContext } from './types.js';
import { understandNext as understand } from './next/understand.js';
import { ctxOf, one as oneOf } from '../../test/support/understanding.js';

// Saturday 5 December 2026.
const US = ctxOf('America/New_York', 'USD', 'en-US', false, '2026-12-05');
const GB = ctxOf('Europe/London', 'GBP', 'en-GB', true, '2026-12-05');

const one = (s: string, ctx: UnderstandContext) => oneOf(s, ctx);

describe('money said in words', () => {
  it.each([
    ['the cab came to nineteen dollars and forty cents', 1940],
    ['lunch was 12 dollars and 5 cents', 1205],
    ['paid three and a half dollars for a soda', 350],
    ['tolls 2 and a half dollars', 250],
  ])('cents and halves after the currency word: %s', (text, minor) => {
    expect(one(text, US).amountMinor).toBe(minor);
  });

  it('a small number word with its currency is money ("six dollars")', () => {
    expect(one('six dollars for a sandwich', US).amountMinor).toBe(600);
  });

  it('pounds of something in the US weigh it; the price is the other number', () => {
    const e = one('4 pounds of grapes 7.96', US);
    expect(e.amountMinor).toBe(796);
    expect(e.currency).toBe('USD');
    expect(e.item).toBe('grapes');
  });

  it('in Britain pounds are still money', () => {
    expect(one('taxi 15 pounds', GB)).toMatchObject({ amountMinor: 1500, currency: 'GBP' });
  });
});

describe('what was bought in a sentence', () => {
  it('a buying verb after a place opens the thing bought', () => {
    const e = one('at the flea market I picked up a vintage lamp for $18', US);
    expect(e.item).toContain('lamp');
    expect(e.item).not.toContain('market');
  });

  it('a buying verb after "while" is not part of the time', () => {
    const e = one('went to walgreens for a flu shot and while there I bought cough drops for $6', US);
    expect(e.item).toContain('cough drops');
  });

  it('a container before "of" is not the thing ("a box of", "a tube of")', () => {
    expect(one('a box of crayons 3.99', US).item).toBe('crayons');
    expect(one('a tube of sunscreen 9', US).item).toBe('sunscreen');
    expect(one('bottle of wine 15', US).item).toBe('bottle of wine');
  });

  it('a capital after an article or "of" is a kind of the thing, not a shop', () => {
    const e = one('a bag of Gala apples 5', US);
    expect(e.merchant).toBeNull();
    expect(e.item).toContain('apples');
  });

  it('a farmers market or a yard sale is a kind of place, not a shop name', () => {
    expect(one('eggs at the farmers market 6', US).merchant).toBeNull();
    expect(one('old records at a yard sale 10', US).merchant).toBeNull();
  });
});

describe('presents for someone\'s day', () => {
  it.each([
    ['got my niece a puzzle for her birthday 24'],
    ["Maya's bday scarf 30"],
    ['anniversary perfume for my wife 85'],
    ['grandpas birthday sweater 40'],
  ])('a thing bought for someone\'s celebration is a gift: %s', (text) => {
    expect(one(text, US).category).toBe('gifts');
  });

  it.each([
    ['bday dinner for mom 80', 'food'],
    ['my birthday shoes 60', 'shopping'],
    ['birthday cake 30', 'food'],
  ])('a meal, or a thing for one\'s own day, stays what it is: %s', (text, primary) => {
    expect(one(text, US).category).toBe(primary);
  });
});

describe('money going out that read as coming in', () => {
  it('a collection at church is given, not income', () => {
    expect(one('put 20 in the collection plate at mass', US).category).toBe('gifts');
    expect(one('sunday collection 15', GB).category).toBe('gifts');
  });

  it('"charged us" is what the owner paid', () => {
    const r = understand('the electrician charged us 140', US);
    expect(r.intent).toBe('add_expense');
  });

  it('"plan" as a noun is a thing paid for, not a plan', () => {
    expect(one('hulu basic plan 7.99', US).category).toBe('entertainment');
    expect(understand('plan to get a new couch 900', US).intent).toBe('other');
  });

  it('Medicare and its supplements are health costs', () => {
    expect(one('medigap premium 160', US).category).toBe('health');
  });

  it('two payments named in one line are a list, not a bank alert', () => {
    const r = understand('Paid Comcast $80.10 and PG&E $120.55 today', US);
    if (r.intent !== 'add_expense') throw new Error(JSON.stringify(r));
    expect(r.expenses.map((e) => e.amountMinor)).toEqual([8010, 12055]);
  });
});

describe('Scots', () => {
  it.each([
    ['a pie fae Greggs 1.50', 'Greggs'],
    ['taxi tae the station, a fiver', null],
  ])('"fae" and "tae" are "from" and "to": %s', (text, merchant) => {
    const e = one(text, GB);
    if (merchant) expect(e.merchant).toBe(merchant);
    expect(e.item).not.toMatch(/fae|tae/);
  });

  it('"didnae buy" did not happen', () => {
    expect(understand('didnae buy the jacket, £60 wis too much', GB).intent).toBe('other');
  });

  it('"three hunner quid" is 300 pounds', () => {
    expect(one('new washer, three hunner quid', GB).amountMinor).toBe(30000);
  });

  it('"the messages" is the grocery shopping', () => {
    expect(one('the messages fae Lidl 42.10', GB).category).toBe('food');
  });
});

describe('everyday dishes and shop names', () => {
  it.each(['tamales 12', 'churros 6', 'cheesesteak 14', 'a slice of pecan pie 5', 'gumbo 16'])('%s is food', (text) => {
    expect(one(text, US).category).toBe('food');
  });

  it('a capitalised unknown word before a dish of another kind is the shop, not a repair of it', () => {
    const e = one('Donatos pizza 21', US);
    expect(e.merchant).toBe('Donatos');
    expect(e.category).toBe('food');
  });
});

describe('notes that only look like spending', () => {
  it.each([
    ['BP after lunch 128 over 79'],
    ['weighed in at 181 this morning'],
    ['fasting glucose this morning 97'],
    ['took 20 mg of atorvastatin'],
    ['odometer says 102,344 miles'],
    ['the truck has 64,010 miles on it'],
  ])('a reading is no expense: %s', (text) => {
    expect(understand(text, US).intent).not.toBe('add_expense');
  });

  it('a purchase decided against was not made', () => {
    expect(understand('passed on the concert tickets, $150 each is too steep', US).intent).toBe('other');
  });

  it('a wish for someday is no purchase', () => {
    expect(understand("we'd love to get a hot tub someday, about $6,000", US).intent).toBe('other');
  });

  it("someone else's payment told with \"can you believe it\" is chat, not a bank alert", () => {
    expect(understand('my cousin paid $300 for a scarf, can you believe that?', US).intent).toBe('other');
  });

  it('"forgot I paid" and "forgot to log" happened; "forgot to buy" did not', () => {
    expect(one('forgot i paid 14 for parking yesterday', US).date).toBe('2026-12-04');
    expect(understand('forgot to pick up the dry cleaning 12', US).intent).toBe('other');
  });

  it('a price is never a code', () => {
    expect(one('access code for bio 64.99', US).category).toBe('education');
  });
});

describe('what a car or a deposit is for', () => {
  it('filling up a named car is fuel', () => {
    expect(one('filled up the camry 38', US).category).toBe('transport');
  });

  it('a deposit on something else is that thing', () => {
    expect(one('deposit for the wine tour 75', US).category).toBe('travel');
    expect(one('security deposit 1500', US).category).toBe('housing');
  });
});

describe('a generic word with the thing said beside it', () => {
  it('"Walmart order, a desk fan" is the fan', () => {
    expect(one('Walmart order, a desk fan for $24.99', US).item).toBe('desk fan');
  });

  it('alone the generic word stays', () => {
    expect(one('walmart order 24.99', US).item).toBe('order');
  });
});

describe('round 6: counts and car parts', () => {
  it('"2 x $30" is a count times a price, the currency between them', () => {
    expect(one('parking passes, 3 x $12', US).amountMinor).toBe(3600);
  });

  it.each(['BRAKE PADS 64.99', 'serpentine belt 38', 'wiper blades 22'])('a car part is the vehicle: %s', (text) => {
    expect(one(text, US).category).toBe('transport');
  });

  it('a snow cone is a sweet, not a repaired drink mix', () => {
    expect(one('snow cone 3', US).category).toBe('food');
  });
});

describe('round 6: a date before a priced amount', () => {
  it('"3/6 $76.12": the dollar sign belongs to the price after it, the date stays a date', () => {
    const e = one('qfc 3/2 $54.10 groceries', US);
    expect(e.amountMinor).toBe(5410);
    expect(e.date).toBe('2026-03-02');
  });
});
