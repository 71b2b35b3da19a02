/**
 * Irish (and shared Irish-British) English through the real reader, for an owner in Dublin (en-IE,
 * regions IE and EU): Irish chains, transit, utilities, insurers and taxes of
 * vocab/lexicon/97-ie-chains.tsv, the UK rows that trade in Ireland too (region GB,IE in 92-gb.tsv
 * and 97-gb-chains.tsv), and Hiberno-English words ("the messages", "a naggin", "runners"). Phrasings
 * of our own, none taken from an evaluation set. The last block checks that the Irish rows stay out
 * of other owners' packs.
 */
import { describe, expect, it } from 'vitest';
import type { UnderstandContext } from './types.js';
import { understandNext as understand } from './next/understand.js';
import { ctxOf, oneBrief } from '../../test/support/understanding.js';

const IE = ctxOf('Europe/Dublin', 'EUR', 'en-IE', true, '2026-12-05');
const GB = ctxOf('Europe/London', 'GBP', 'en-GB', true, '2026-12-05');
const US = ctxOf('America/New_York', 'USD', 'en-US', false, '2026-12-05');
const IN = ctxOf('Asia/Kolkata', 'INR', 'en-IN', true, '2026-12-05');

const one = (s: string, ctx: UnderstandContext = IE) => oneBrief(s, ctx);

describe('an Irish chain, agency, utility or insurer written bare is that merchant', () => {
  it.each([
    ['dunnes 41 for the week', 'Dunnes', 'food/groceries'],
    ['supervalu 23.10', 'SuperValu', 'food/groceries'],
    ['maxol diesel 50', 'Maxol', 'transport/fuel'],
    ['applegreen 45', 'Applegreen', 'transport/fuel'],
    ['luas into town 2.10', 'Luas', 'transport/commute'],
    ['dart home 3', 'DART', 'transport/commute'],
    ['bus eireann to kilkenny 16', 'Bus Éireann', 'travel/buses'],
    ['irish rail return to sligo 38', 'Irish Rail', 'travel/trains'],
    ['energia 96', 'Energia', 'utilities/electricity'],
    ['bord gais energy 70', 'Bord Gáis Energy', 'utilities/gas'],
    ['eir 55 phone and broadband', 'Eir', 'utilities/internet'],
    ['laya healthcare 110', 'Laya', 'health/insurance'],
    ['vhi renewal 1400', 'VHI', 'health/insurance'],
    ['supermacs 11', "Supermac's", 'food/restaurant'],
    ['eddie rockets 27 for the two of us', "Eddie Rocket's", 'food/restaurant'],
    ['insomnia 3.60', 'Insomnia', 'food/coffee'],
    ['easons 9.99 magazine and a card', 'Eason', 'shopping/books'],
    ['omniplex 12', 'Omniplex', 'entertainment/movies'],
    ['flyefit 30', 'FLYEfit', 'health/gym'],
    ['trocaire box 25', 'Trócaire', 'gifts/donations'],
    ['penneys 15', 'Penneys', 'shopping/clothes'],
    ['woodies paint 38', "Woodie's", 'shopping/household'],
  ])('%s', (text, merchant, category) => {
    const e = one(text);
    expect(e.merchant).toBe(merchant);
    expect(e.cat).toBe(category);
  });
});

describe('Irish words for things', () => {
  it.each([
    ['the messages 58', 'food/groceries'],
    ['naggin of gin 12', 'food/alcohol'],
    ['spice bag for the two of us 19', 'food/meals'],
    ['ham sambo 4.50', 'food/snacks'],
    ['new runners for the young lad 45', 'shopping/clothes'],
    ['bag of taytos 1.20', 'food/snacks'],
    ['club orange 1.60', 'food/soft_drinks'],
    ['topped up the leap card 30', 'transport/commute'],
    ['phone credit 20', 'utilities/mobile'],
    ['local property tax 90', 'fees/taxes'],
    ['motor tax 190', 'fees/taxes'],
    ['nct retest 28', 'transport/vehicle'],
    ['m50 toll 3.10', 'transport/tolls'],
    ['tv licence 160', 'utilities/dth'],
    ['apartment management fee 1200', 'housing/maintenance'],
    ['hairdresser 45 incl the tip', 'personal_care/salon'],
    ['got a 99 on the prom 3', 'food/sweets'],
  ])('%s', (text, category) => {
    expect(one(text).cat).toBe(category);
  });

  it('a leap card top up is transit, a phone top up stays mobile', () => {
    expect(one('leap card top up 10').cat).toBe('transport/commute');
    expect(one('phone top up 10').cat).toBe('utilities/mobile');
  });

  it('the tip said with the price is not the thing bought', () => {
    expect(one('hairdresser 45 incl the tip').item).toBe('hairdresser');
  });

  it('"a 99" is the cone, not ninety-nine euro', () => {
    const r = understand('got a 99 on the prom 3', IE);
    expect(r.intent).toBe('add_expense');
    if (r.intent !== 'add_expense') return;
    expect(r.expenses.map((e) => e.amountMinor)).toEqual([300]);
  });
});

describe('Boots: the chemist bare or beside toiletries, footwear with an article, owner or kind', () => {
  it.each([
    ['nurofen in boots 6', IE, 'Boots', 'health/pharmacy'],
    ['boots toothpaste 3.50', IE, 'Boots', 'personal_care/cosmetics'],
    ['boots 8.40', GB, 'Boots', 'health/pharmacy'],
  ])('%s is the chemist', (text, ctx, merchant, category) => {
    const e = one(text, ctx);
    expect(e.merchant).toBe(merchant);
    expect(e.cat).toBe(category);
  });

  it.each([
    ['new boots for the winter 70', IE],
    ['pair of walking boots 90', GB],
    ['got the boots from zalando 80', GB],
    ['football boots for the young lad 55', IE],
  ])('%s is footwear', (text, ctx) => {
    const e = one(text, ctx);
    expect(e.merchant).not.toBe('Boots');
    expect(e.cat.startsWith('shopping/')).toBe(true);
  });
});

describe('money coming in, and numbers that name things, are no expense', () => {
  it.each([
    ['won 40 on the lotto last night', IE],
    ['overtime came to 230 this month', IE],
    ["dad's pension's in, 1,100", GB],
    ['expenses claim for 56.20 paid', GB],
    ['car reg is 11-KY-9023', IE],
    ['nectar points 1,250', GB],
    ['your login code is 731 208, it expires in 10 minutes', IE],
    ['mind and pay the window cleaner', GB],
  ])('%s', (text, ctx) => {
    expect(understand(text, ctx).intent).not.toBe('add_expense');
  });

  it('a registration keeps its number out of the price', () => {
    const r = understand('nct for reg 08-D-12345 was 55', IE);
    expect(r.intent).toBe('add_expense');
    if (r.intent !== 'add_expense') return;
    expect(r.expenses.map((e) => e.amountMinor)).toEqual([5500]);
  });
});

describe('British and Irish words the Glasgow and Manchester owners use', () => {
  it.each([
    ['sun cream 7.50', GB, 'personal_care/cosmetics'],
    ['nail varnish 3', IE, 'personal_care/cosmetics'],
    ['percy pigs 2', GB, 'food/sweets'],
    ['a bit of tablet 2.50', GB, 'food/sweets'],
    ['tesco dine in for two 12', GB, 'food/groceries'],
    ['tapas in seville 38', IE, 'food/meals'],
    ['sponsored her fun run 10', GB, 'gifts/donations'],
    ['food bank collection 15', GB, 'gifts/donations'],
    ['whip round for jane 10', IE, 'gifts/gifts'],
  ])('%s', (text, ctx, category) => {
    expect(one(text, ctx).cat).toBe(category);
  });

  it('"a bottle of red" is wine', () => {
    expect(one('bottle of red for the dinner 11', IE).cat).toBe('food/alcohol');
  });

  it('forgetting a thing is not undoing the purchase: "forgot my lunch" still records', () => {
    const r = understand('got a wrap for 4.20 cos I forgot my lunch', IE);
    expect(r.intent).toBe('add_expense');
  });

  it('a meal deal from Boots is food, bought at Boots', () => {
    const e = one('boots meal deal 4.25', GB);
    expect(e.cat).toBe('food/snacks');
    expect(e.merchant).toBe('Boots');
  });

  it('bare "octopus" in the UK is the energy supplier, the dish by its kind', () => {
    expect(one('octopus 72', GB)).toMatchObject({ merchant: 'Octopus', cat: 'utilities/electricity' });
    expect(one('fried octopus 9', GB).cat).toBe('food/meals');
  });
});

describe('a message that opens on "the" and a day is dated that day', () => {
  it.each([
    ['the 2nd centra 12.40', '2026-12-02'],
    ['the 28th electric ireland 96', '2026-11-28'],
  ])('%s', (text, date) => {
    const r = understand(text, IE);
    expect(r.intent).toBe('add_expense');
    if (r.intent !== 'add_expense') return;
    expect(r.expenses[0]!.date).toBe(date);
  });
});

describe("Ireland's rows stay in Ireland", () => {
  it('an Indian or British owner does not meet the Luas or Penneys', () => {
    expect(one('luas 2', IN).merchant).not.toBe('Luas');
    expect(one('luas 2', GB).merchant).not.toBe('Luas');
    expect(one('penneys 20', GB).merchant).not.toBe('Penneys');
  });

  it('the US keeps its own DART, insomnia is no café outside Ireland', () => {
    expect(one('dart 2.50', US).merchant).not.toBe('DART');
    expect(one('insomnia cookies 8', US).merchant).not.toBe('Insomnia');
  });
});
