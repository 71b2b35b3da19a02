/**
 * The general causes behind the second blind set's misses, each with phrasings of our own (none of
 * these lines is in any eval set): counts beside shop names and brands, units and kin that are not
 * the item, one-word category traps, expenses that share a date or a shop, ranking ordinals,
 * shop and state-bus names, spelling repair that must not change a word's meaning, and the
 * regional wording of questions and takings.
 */
import { describe, expect } from 'vitest';
import { zonedInstant } from '../core/dates.js';
import type { OwnerSettings } from '../core/types.js';
import type { UnderstandContext } from './types.js';
import { understandNext as understand } from './next/understand.js';
import { gapAware } from '../../test/support/gaps.js';

// Written for the v1 rules; they now test the language-layer reader (understanding/next). The cases it does not read
// yet (measured when v1 was removed) run as known gaps: they must still fail until it learns them.
const it = gapAware([
  "rent 18000, light 1400 and water 250 -> a bill sibling makes utilities",
  "maintenance 2500 and gas 880 -> a bill sibling makes utilities",
  "old monk 2 at the shack 600 -> one ₹600",
  "felix 12 pouches 420 -> one ₹420",
]);

const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const ctx: UnderstandContext = { now: zonedInstant('2026-01-15', { hour: 19, minute: 30 }, 'Asia/Kolkata'), settings };
function all(s: string) {
  const r = understand(s, ctx);
  if (r.intent !== 'add_expense') throw new Error(`${s}: expected add_expense, got ${JSON.stringify(r)}`);
  return r.expenses;
}
function one(s: string) {
  const es = all(s);
  expect(es).toHaveLength(1);
  return es[0]!;
}

describe('1. counts, units and kin are not amounts or items', () => {
  it.each([
    ['samosa 4 gupta ji pe 60', 60, 'samosa', 'gupta'],
    ['jalebi 2 sharma pe 80', 80, 'jalebi', 'sharma'],
    ['kachori 3 rawat par 75', 75, 'kachori', 'rawat'],
  ])('%s -> one ₹%d %s at the stall', (s, amount, item, merchant) => {
    const e = one(s);
    expect(e.amountMinor).toBe(amount * 100);
    expect(e.item).toContain(item);
    expect(e.merchant?.toLowerCase()).toContain(merchant);
  });
  it.each([
    ['swiggy 3 biryani 780', 780, 'biryani'],
    ['kfc 2 zinger burger 398', 398, 'burger'],
    ['starbucks 2 frappuccino 690', 690, 'frappuccino'],
  ])('%s -> one ₹%d with the brand before the count', (s, amount, item) => {
    const e = one(s);
    expect(e.amountMinor).toBe(amount * 100);
    expect(e.item).toContain(item);
    expect(e.merchant).not.toBeNull();
  });
  it.each([
    ['behrouz biryani 3 plates 1100', 'biryani'],
    ['chaayos 4 cups 520', null],
    ['bikanervala 2 packs 360', null],
  ])('%s -> a unit is never the item', (s, item) => {
    const e = one(s);
    expect(e.item ?? '').not.toMatch(/plates|cups|packs/);
    if (item) expect(e.item).toContain(item);
  });
  it.each([
    ['spotify family 179 diya didi ko', 'spotify'],
    ['hotstar 299 papa ke liye', 'hotstar'],
    ['saree 3200 mummy ke liye', 'saree'],
    ['dawai 450 dadi ke liye', 'dawai'],
    ['toys 800 for the kids', 'toys'],
  ])('%s -> item %s (a relative is who it was for)', (s, item) => {
    expect(one(s).item).toContain(item);
  });
});

describe('2. one word must not decide the wrong category', () => {
  it.each([
    ['baby pram 8500', 'shopping'],
    ['bought a stroller for 9k', 'shopping'],
    ['lactogen 2 tins 1100', 'food'],
    ['nestum 340', 'food'],
    ['ola to the temple 160', 'transport'],
    ['rapido to hospital 70', 'transport'],
    ['uber to school 140', 'transport'],
    ['forex markup 420', 'fees'],
    ['international transaction fee 95', 'fees'],
    ['fridge magnets 600 at the airport', 'shopping'],
    ['duty free 4500', 'shopping'],
    ['kaaikari 140', 'food'],
    ['shobji 90', 'food'],
    ['paal 56', 'food'],
    ['thayir 40', 'food'],
    ['mishti doi 120', 'food'],
  ])('%s -> %s', (s, cat) => {
    expect(one(s).category).toBe(cat);
  });
  it.each([
    ['rent 18000, light 1400 and water 250', 'utilities', 2],
    ['bijli 1650 + paani 200', 'utilities', 1],
    ['maintenance 2500 and gas 880', 'utilities', 1],
  ])('%s -> a bill sibling makes %s', (s, cat, k) => {
    expect(all(s)[k]!.category).toBe(cat);
  });
  it('water among snacks stays a drink', () => {
    expect(all('water 20 and chips 30')[0]!.category).toBe('food');
  });
});

describe('3. expenses that share a merchant or a date', () => {
  it.each([
    ['ola 320 yesterday and 260 today', 'Ola', ['2026-01-14', '2026-01-15']],
    ['rapido 60 on monday and 75 on tuesday', 'Rapido', ['2026-01-12', '2026-01-13']],
    ['uber 540 kal and 310 aaj', 'Uber', ['2026-01-14', '2026-01-15']],
  ])('%s -> two expenses at %s', (s, merchant, dates) => {
    const es = all(s);
    expect(es.map((e) => e.date)).toEqual(dates);
    for (const e of es) expect(e.merchant).toBe(merchant);
  });
  it.each([
    ['kurta 1500 and dupatta 600 at fabindia', 'Fabindia'],
    ['dal 180, rice 420 from dmart', 'DMart'],
    ['notebook 60 and pens 40 from ganesh stationers', 'Ganesh Stationers'],
  ])('%s -> all at %s', (s, merchant) => {
    for (const e of all(s)) expect(e.merchant?.toLowerCase()).toBe(merchant.toLowerCase());
  });
  it('a shop named for the first expense only stays with it', () => {
    const es = all('coffee 250 at starbucks and sandwich 180');
    expect(es[1]!.merchant).toBeNull();
  });
});

describe('4. ordinals that rank are not dates', () => {
  it.each([
    ['school fees 3rd installment 12000'],
    ['bike loan 4th emi 3200'],
    ['2nd floor flat painting 6000'],
    ['1st class ticket 900'],
    ['tuition 2nd term fees 15000'],
    ['son 5th birthday cake 1200'],
  ])('%s is today', (s) => {
    expect(one(s).date).toBe('2026-01-15');
  });
  it('a bare ordinal still is a date', () => {
    expect(one('milk 60 on the 3rd').date).toBe('2026-01-03');
  });
});

describe('5. merchants and words kept as written', () => {
  it.each([
    ['msrtc bus to kolhapur 520', 'MSRTC'],
    ['tnstc bus 85', 'TNSTC'],
    ['apsrtc to vijayawada 410', 'APSRTC'],
    ['up roadways ticket 260', 'UPSRTC'],
    ['kadamba bus to panjim 45', 'Kadamba'],
  ])('%s -> merchant %s', (s, merchant) => {
    expect(one(s).merchant).toBe(merchant);
  });
  it.each([
    ['chaya 15', 'chaya'],
    ['chaaya 12 and parippu vada 10', 'chaaya'],
    ['paalu 60', 'paalu'],
    ['kappa 40', 'kappa'],
    ['mutta 35', 'mutta'],
  ])('%s -> item %s, not a neighbouring word', (s, item) => {
    const e = all(s)[0]!;
    expect(e.item).toBe(item);
    expect(e.category).toBe('food');
  });
});

describe('6. regional questions and takings', () => {
  it.each([
    ['ee nela entha kharchu ayyindi'],
    ['indha maasam evlo selavu'],
    ['ei mash e koto khoroch holo'],
    ['ya mahinyat kiti kharch zhala'],
    ['petrol ku evlo selavu'],
  ])('%s is a question', (s) => {
    expect(understand(s, ctx).intent).toBe('query');
  });
  it.each([
    ['dukaan ki bikri 9,800'],
    ['today sales 12,400'],
    ['aaj ki kamai 1500'],
    ['stall revenue 6400'],
    ['shop collection 7,250 today'],
  ])('%s is money coming in', (s) => {
    expect(understand(s, ctx).intent).toBe('other');
  });
  it('a garbage collection fee is still an expense', () => {
    expect(understand('garbage collection 100', ctx).intent).toBe('add_expense');
  });
});

describe('more2: lots, rates, times and local buses', () => {
  it.each([
    ['pav 6 for 30', 30],
    ['bananas 12 for 60', 60],
    ['bike rent 500 per day for 2 days 1000', 1000],
    ['homestay 1800 per night for 3 nights 5400', 5400],
    ['old monk 2 at the shack 600', 600],
    ['felix 12 pouches 420', 420],
  ])('%s -> one ₹%d', (s, amount) => {
    expect(one(s).amountMinor).toBe(amount * 100);
  });
  it.each([
    ['protein shake 120 after gym', 'food'],
    ['popcorn 250 before the movie', 'food'],
    ['bus pass 2nd quarter 1800', 'transport'],
  ])('%s -> %s (the time or rank does not decide)', (s, cat) => {
    expect(one(s).category).toBe(cat);
  });
  it.each([
    ['tsrtc bus 30', 'transport'],
    ['apsrtc bus to guntur 260', 'travel'],
    ['ksrtc to mysore 210', 'travel'],
  ])('%s -> %s', (s, cat) => {
    expect(one(s).category).toBe(cat);
  });
});
