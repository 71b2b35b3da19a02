/**
 * London English through the real reader, for an owner in London (en-GB): West African and Caribbean
 * food of the high street, the capital's venues and football clubs and barber work
 * (vocab/lexicon/97-gb-london.tsv), London talk that names nothing ("innit", "bruv", "tho"), "cos" for
 * because, shops by kind ("the offie", "the chippy"), days of presents ("hen do", "stag do"), and the
 * general causes the London set showed: names mistaken for misspelt foods, someone else buying, the
 * clause that says what was paid for, a container after the thing, a reminder, news of a price and a
 * table's size. Phrasings of our own, none taken from an evaluation set. The last block keeps the GB
 * rows out of other owners' packs.
 */
import { describe, expect, it } from 'vitest';
import type { UnderstandContext } from './types.js';
import { understandNext as understand } from './next/understand.js';
import { ctxOf, oneBrief, records } from '../../test/support/understanding.js';

const GB = ctxOf('Europe/London', 'GBP', 'en-GB', true, '2026-11-20');
const US = ctxOf('America/New_York', 'USD', 'en-US', false, '2026-11-20');
const IN = ctxOf('Asia/Kolkata', 'INR', 'en-IN', true, '2026-11-20');

const one = (s: string, ctx: UnderstandContext = GB) => oneBrief(s, ctx);

describe('West African and Caribbean food is food', () => {
  it.each([
    ['kenkey 9', 'food/meals'],
    ['banku 7.50 from the ghanaian place', 'food/meals'],
    ['egusi soup 11', 'food/meals'],
    ['beef suya 6 on the way home', 'food/meals'],
    ['puff puff 3', 'food/snacks'],
    ['curry goat 10', 'food/meals'],
    ['supermalt 1.10', 'food/soft_drinks'],
    ['2 beef patties 4.40', 'food/snacks'],
  ])('%s → %s', (text, cat) => {
    const r = one(text);
    expect(r.cat).toBe(cat);
    expect(r.ask).toBeUndefined();
  });

  it('a West African dish is read for an owner anywhere, a London word only in Britain', () => {
    expect(one('waakye 12', US).cat).toBe('food/meals');
    expect(one('ting 1.30').cat).toBe('food/soft_drinks');
    expect(one('ting 1.30', US).cat).not.toBe('food/soft_drinks');
  });
});

describe("London's venues, clubs and barbers", () => {
  it.each([
    ['ritzy 11.50 for the late showing', 'entertainment/movies'],
    ['millwall away end 35', 'entertainment/events'],
    ['west ham 45 for the match', 'entertainment/events'],
    ['skin fade 20', 'personal_care/salon'],
    ['beard trim 8 at the barbers', 'personal_care/salon'],
  ])('%s → %s', (text, cat) => {
    expect(one(text).cat).toBe(cat);
  });
});

describe('talk that names nothing stays out of the item', () => {
  it.each([
    ['jerk chicken 8.50 innit', 'jerk chicken'],
    ['fried dumpling 2 bruv', 'fried dumpling'],
    ['waakye 9 tho', 'waakye'],
  ])('%s → %s', (text, item) => {
    expect(one(text).item).toBe(item);
  });

  it('"cos" explains; it is neither the item nor the clothes shop', () => {
    const r = one('tesco 22 cos i needed loads of pasta');
    expect(r.merchant).toBe('Tesco');
    expect(r.cat).toBe('food/groceries');
    expect(r.item ?? '').not.toMatch(/\bcos\b/);
  });
});

describe('a kind of shop is where, the thing bought is what', () => {
  it('a thing from the offie or the chippy is that thing', () => {
    expect(one('2 cans of guinness from the offie 4').item).toMatch(/guinness/);
    expect(one('canteen at break: water 1 and a kitkat').cat).toMatch(/^food/);
  });

  it('a heading of the canteen does not hide the things listed after it', () => {
    const rs = records('staff canteen: sprite 1.10 + pasty 2.20', GB);
    expect(rs.map((e) => e.item)).toEqual(['sprite', 'pasty']);
  });

  it('the container the thing came in is not the thing', () => {
    const r = one('asda 18 for a massive flour sack and a potato bag');
    expect(r.cat).toBe('food/groceries');
  });
});

describe('a name is not a misspelt food', () => {
  it("a capitalised name with 's owns what follows", () => {
    const r = one("Got a present for Emeka's stag do, £25");
    expect(r.cat).toBe('gifts/gifts');
    expect(r.item).toBe('present');
  });

  it('a capitalised name before "got" or "paid" is someone else buying', () => {
    for (const s of ['Marcus got the drinks in, 32 quid', 'Chidi got the curries tonight, 30 quid', 'Priya paid 40 for the cab']) {
      const u = understand(s, GB);
      expect(u.intent, s).toBe('other');
    }
  });

  it('a lower-case name before "got" makes munshi ask rather than record silently', () => {
    const u = understand('kemi got the shopping in asda, 40 odd', GB);
    expect(u.intent === 'other' || (u.intent === 'add_expense' && u.ask === 'maybe_not_spent')).toBe(true);
  });

  it('"mam", "gran" and "our" with a name are family who paid', () => {
    for (const s of ['gran paid for the takeaway, 28 quid', 'our Shannon paid £30 for the cinema', 'me mam got the tickets, £40']) {
      expect(understand(s, GB).intent, s).toBe('other');
    }
    expect(one("a candle for gran's birthday 14").cat).toBe('gifts/gifts');
  });

  it('an adverb before "got" is not a name', () => {
    const u = understand('Finally got new trainers 60', GB);
    expect(u.intent).toBe('add_expense');
  });
});

describe('what the amount paid for', () => {
  it('"paid N for X" names X before a remark in another clause', () => {
    expect(one('paid 15 for a skin fade, the barber was late tho').item).toBe('skin fade');
    expect(one('spent 9 on kelewele, the queue was mad').item).toBe('kelewele');
  });
});

describe('a remark or a place beside the thing is not the thing', () => {
  it('a counted drink in a kind of place is the drink; "in the" a name is the venue', () => {
    expect(one('3 pints at the local 15.90').item).toMatch(/pint/);
    const r = one('2 pints in the Albion 11.20');
    expect(r.item).toMatch(/pint/);
    expect(r.merchant).toBe('Albion');
    expect(one('lunch in Brixton 12').merchant ?? null).toBeNull();
  });
});

describe('"popped to" and "nipped to" say where it was bought', () => {
  it('the shop popped to beats a shop only mentioned', () => {
    expect(one('the asda order was missing eggs so nipped to the co-op, 2.10').merchant).toBe('Co-op');
    expect(one('popped into boots on the way back from tesco, 6.99 for plasters').merchant).toBe('Boots');
  });
});

describe('one clause, one ride', () => {
  it('a tram after arriving in a city is a tram there, a train to the city is a trip', () => {
    expect(one('finally made it to porto, metro €2.40').cat).toBe('transport/commute');
    expect(one('train to leeds 52').cat).toBe('travel/trains');
  });

  it('the way back repeats the ride that went', () => {
    const rs = records('bolt 11.50 there and 15.40 back', GB);
    expect(rs.map((e) => [e.merchant, e.category])).toEqual([['Bolt', 'transport'], ['Bolt', 'transport']]);
  });

  it('a second shop whose name is another word is not the first shop again', () => {
    const u = understand('h&m 12 and next 25', GB);
    expect(u.intent).toBe('add_expense');
    if (u.intent === 'add_expense') expect(u.expenses[1]?.merchant ?? null).not.toBe('H&M');
  });
});

describe('messages that record nothing', () => {
  it.each([
    'note to self: ring the garage about the MOT',
    'remind me to renew the tv licence next week',
    'rent is going up to £1,250 from January',
    'table for 8 at Hawksmoor on Friday 7:30',
  ])('%s', (text) => {
    expect(understand(text, GB).intent).toBe('other');
  });

  it('a table for a party beside the bill keeps the meal', () => {
    const r = one('dinner at Padella, table for 4, £96');
    expect(r.cat).toMatch(/^food\//);
    expect(r.item).toBe('dinner');
  });
});

describe("London's rows stay in Britain", () => {
  it('a patty is not a Jamaican patty in India, nor Arsenal a club', () => {
    expect(one('arsenal 40', GB).cat).toBe('entertainment/events');
    expect(one('arsenal 400', IN).cat).not.toBe('entertainment/events');
  });
});
