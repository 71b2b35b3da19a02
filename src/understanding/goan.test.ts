/**
 * Goan English with Konkani words through the real reader, for an owner in India (en-IN reads the
 * Goan rows of vocab/lexicon/97-goa8.tsv): the market's fish, the poder's breads, feast and Christmas
 * sweets, the "pilot" bike taxi and GoaMiles, church giving, crib and star decorations, and Goa's
 * supermarkets. Phrasings of our own, none taken from an evaluation set. The last block checks that
 * the words that mean something else elsewhere stay out of other owners' packs.
 */
import { describe, expect, it } from 'vitest';
import { planWith } from '../query/answer.js';
import { understandNext } from './next/understand.js';
import { ctxOf, one, records } from '../../test/support/understanding.js';

// Wednesday 9 December 2026 in Kolkata.
const IN = ctxOf('Asia/Kolkata', 'INR', 'en-IN', true, '2026-12-09');
const US = ctxOf('America/New_York', 'USD', 'en-US', false, '2026-12-09');

const cat = (e: { category: string; detail?: string | null }) => (e.detail ? `${e.category}/${e.detail}` : e.category);

describe('Goan things are filed by what they are, without asking', () => {
  it.each([
    ['paplet 2 pcs 700', 700, 'food/groceries', 'paplet'],
    ['tarlem from the market 120', 120, 'food/groceries', 'tarlem'],
    ['sungtam 380 for the curry', 380, 'food/groceries', 'sungtam'],
    ['kurlio 600', 600, 'food/groceries', 'kurlio'],
    ['8 poie 80', 80, 'food/groceries', 'poie'],
    ['kakon 30', 30, 'food/groceries', 'kakon'],
    ['neureos and kulkuls 450', 450, 'food/sweets', 'neureos kulkuls'],
    ['dodol 1 kg 500', 500, 'food/sweets', 'dodol'],
    ['chourico 2 strings 560', 560, 'food/groceries', 'chourico'],
    ['urrak 1 bottle 350', 350, 'food/alcohol', 'urrak'],
    ['pilot to the station 70', 70, 'transport/taxi', 'pilot'],
    ['novena 200 at the chapel', 200, 'gifts/donations', 'novena'],
    ['mass intention for grandpa 300', 300, 'gifts/donations', 'mass intention'],
    ['tiatr at kala academy 400', 400, 'entertainment/concerts', 'tiatr'],
    ['nativity set 1200', 1200, 'shopping/household', 'nativity set'],
    ['crib set 900', 900, 'shopping/household', 'crib set'],
  ])('%s', (text, amount, category, item) => {
    const e = one(text, IN);
    expect(e.amountMinor).toBe(amount * 100);
    expect(cat(e)).toBe(category);
    expect(e.item).toBe(item);
    expect(e.ask).toBeUndefined();
  });
});

describe('Goa shops are merchants', () => {
  it.each([
    ['delfinos 820', 'Delfinos', 'food/groceries'],
    ['goa miles to the airport 1450', 'GoaMiles', 'transport/taxi'],
    ['bread and butter at magsons 260', 'Magsons', 'food'],
    ['lunch at longuinhos 900', 'Longuinhos', 'food'],
    ['threading at lakme 60', 'Lakme Salon', 'personal_care/salon'],
    ['torrent bill 1,940', 'Torrent Power', 'utilities/electricity'],
  ])('%s', (text, merchant, category) => {
    const e = one(text, IN);
    expect(e.merchant).toBe(merchant);
    expect(cat(e).startsWith(category)).toBe(true);
  });
});

describe('the plural of the Goan bun is bread though "undo" alone is the command', () => {
  it('three undos 30', () => {
    const e = one('three undos 30', IN);
    expect(cat(e)).toBe('food/groceries');
    expect(e.item).toBe('undos');
  });
});

describe('two priced Goan things are two records', () => {
  it('tisryo 160 n sungta 300', () => {
    const es = records('tisryo 160 n sungta 300', IN);
    expect(es.map((e) => [e.amountMinor / 100, e.item, cat(e)])).toEqual([
      [160, 'tisryo', 'food/groceries'],
      [300, 'sungta', 'food/groceries'],
    ]);
  });
});

describe('Konkani time words date the expense (vocab/words/kok.tsv)', () => {
  it.each([
    ['aiz tarlem 90', '2026-12-09'],
    ['paplet 600 sonvar', '2026-12-05'], // the Saturday before
    ['birestar chourico 400', '2026-12-03'], // the Thursday before
    ['kal rati urrak 200', '2026-12-08'],
  ])('%s', (text, date) => {
    expect(one(text, IN).date).toBe(date);
  });
});

describe('Konkani question words ask for a total', () => {
  const plan = (q: string) => {
    const r = planWith(q, { owner: 'me', now: IN.now, settings: IN.settings }, null);
    if (r.kind !== 'plan') throw new Error(`${q}: ${JSON.stringify(r)}`);
    return r.plan;
  };
  it('"kitlem kharch" is a sum with no subject', () => {
    const p = plan('november mhoinean kitlem kharch?');
    expect(p.op).toBe('sum');
    expect(p.filters.subjects).toEqual([]);
  });
  it('a formal request ("Kindly inform", "Kindly state") is never the subject', () => {
    expect(plan('Kindly inform the total expenditure on medicines.').filters.subjects).toEqual(['medicines']);
    expect(plan('Kindly state the amount paid to the plumber.').filters.subjects).toEqual(['plumber']);
  });
  it('"kitle" before a subject is how much, never the subject', () => {
    const p = plan('kitle on petrol this month?');
    expect(p.op).toBe('sum');
    expect(p.filters.subjects).toEqual(['petrol']);
  });
});

describe('money someone sent back is not the owner spending', () => {
  it.each(['Ravi sent back 450 for the movie tickets', 'mum gave back the 200 I paid for her bus', 'Anil paid me back 1,200 for the dinner'])('%s', (text) => {
    const r = understandNext(text, IN);
    expect(r.intent).toBe('other');
  });
});

describe('a payment "for the month of" a month is dated today', () => {
  it('Paid the driver 9000 for the month of October.', () => {
    expect(one('Paid the driver 9000 for the month of October.', IN).date).toBe('2026-12-09');
  });
});

describe('formal English: "kindly", balances said in full, and "do not record"', () => {
  it('"Kindly delete the entry for the taxi." is a delete command', () => {
    const r = understandNext('Kindly delete the entry for the taxi.', IN);
    expect(r.intent).toBe('command');
  });
  it.each(['Canara balance as on date Rs. 62,410.00', 'ICICI available balance 12,300', 'closing balance 8,450.75'])('%s is a balance, not spending', (text) => {
    const r = understandNext(text, IN);
    expect(r.intent).toBe('other');
  });
  it.each(['Do not record the concert passes; my son paid for them.', "don't add the 600 for the cab, the office paid"])('%s records nothing', (text) => {
    expect(understandNext(text, IN).intent).toBe('other');
  });
  it('"paid 300 balance amount to the tailor" is still spending', () => {
    expect(understandNext('paid 300 balance amount to the tailor', IN).intent).toBe('add_expense');
  });
});

describe('Goan words that are other things elsewhere stay regional', () => {
  it('a US owner\'s "pilot" is not a bike taxi', () => {
    expect(cat(one('pilot 45', US))).not.toBe('transport/taxi');
  });
  it('a US owner\'s "star" is not a Christmas decoration', () => {
    expect(cat(one('star 20', US))).not.toBe('shopping/household');
  });
});
