/**
 * The regional chain lexicons (vocab/lexicon/96-us-chains.tsv, 97-gb-chains.tsv,
 * 98-au-ca-chains.tsv) read through the real rules reader with an owner's settings: a chain, a
 * transit agency or a utility written the way people write it is that merchant in the right
 * category; a store's named food is still food; everyday words beside brand names stay items; and
 * a region's names stay out of other regions. The phrasings are our own, not from an eval set.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { UnderstandContext } from '../../understanding/types.js';
import { understandNext as understand } from '../../understanding/next/understand.js';
import { ctxOf, oneBrief } from '../../../test/support/understanding.js';

const OH = ctxOf('America/New_York', 'USD', 'en-US', false, '2026-12-05');
const SF = ctxOf('America/Los_Angeles', 'USD', 'en-US', false, '2026-12-05');
const TX = ctxOf('America/Chicago', 'USD', 'en-US', false, '2026-12-05');
const GB = ctxOf('Europe/London', 'GBP', 'en-GB', true, '2026-12-05');
const CA = ctxOf('America/Toronto', 'CAD', 'en-CA', false, '2026-12-05');
const AU = ctxOf('Australia/Sydney', 'AUD', 'en-AU', true, '2026-12-05');
const NZ = ctxOf('Pacific/Auckland', 'NZD', 'en-NZ', true, '2026-12-05');
const IN = ctxOf('Asia/Kolkata', 'INR', 'en-IN', true, '2026-12-05');

const one = (s: string, ctx: UnderstandContext) => oneBrief(s, ctx);

describe('a chain written bare is that merchant in its category', () => {
  it.each([
    // Ohio
    ["graeter's 6", OH, "Graeter's", 'food/sweets'],
    ['donatos 18', OH, 'Donatos', 'food/restaurant'],
    ['skyline 12', OH, 'Skyline Chili', 'food/restaurant'],
    ['gold star chili 9', OH, 'Gold Star Chili', 'food/restaurant'],
    ['speedway 40', OH, 'Speedway', 'transport/fuel'],
    ['cota 2', OH, 'COTA', 'transport/commute'],
    ['aep ohio 140', OH, 'AEP', 'utilities/electricity'],
    ['city barbeque 23', OH, 'City Barbeque', 'food/restaurant'],
    ['penn station east coast subs 11', OH, 'Penn Station', 'food/restaurant'],
    // California
    ['muni 2.50', SF, 'Muni', 'transport/commute'],
    ['waymo 18', SF, 'Waymo', 'transport/taxi'],
    ['tartine 12', SF, 'Tartine', 'food/snacks'],
    ['caltrain 7.75', SF, 'Caltrain', 'transport/commute'],
    ['fastrak 7', SF, 'FasTrak', 'transport/tolls'],
    ['berkeley bowl 64', SF, 'Berkeley Bowl', 'food/groceries'],
    // South and Texas
    ['bill miller bbq 14', TX, 'Bill Miller BBQ', 'food/restaurant'],
    ['quiktrip 38', TX, 'QuikTrip', 'transport/fuel'],
    ['duke energy 130', TX, 'Duke Energy', 'utilities/electricity'],
    ['metra 4.25', TX, 'Metra', 'transport/commute'],
    ['septa 2.50', OH, 'SEPTA', 'transport/commute'],
    ['marianos 52', TX, "Mariano's", 'food/groceries'],
    ['kum & go 41', TX, 'Kum & Go', 'transport/fuel'],
    // United Kingdom
    ['itsu 9', GB, 'Itsu', 'food/restaurant'],
    ['lothian buses 2', GB, 'Lothian Buses', 'transport/commute'],
    ['translink 3', GB, 'Translink', 'transport/commute'],
    ['thames water 38', GB, 'Thames Water', 'utilities/water'],
    ['esso 55', GB, 'Esso', 'transport/fuel'],
    ['odeon 12', GB, 'Odeon', 'entertainment/movies'],
    // Canada
    ['presto fare 3.30', CA, 'Presto', 'transport/commute'],
    ['beck taxi 22', CA, 'Beck Taxi', 'transport/taxi'],
    ['canadian tire 45', CA, 'Canadian Tire', 'shopping/household'],
    ['goodlife 55', CA, 'GoodLife', 'health/gym'],
    // Australia and New Zealand
    ['chemist warehouse 23', AU, 'Chemist Warehouse', 'health/pharmacy'],
    ['telstra 65', AU, 'Telstra', 'utilities/internet'],
    ['agl 210', AU, 'AGL', 'utilities/electricity'],
    ['transperth 4.90', AU, 'Transperth', 'transport/commute'],
    ['2degrees 30', NZ, '2degrees', 'utilities/mobile'],
  ] as const)('%s', (text, ctx, merchant, cat) => {
    const r = one(text, ctx);
    expect(r.merchant).toBe(merchant);
    expect(r.cat).toBe(cat);
    expect(r.ask).toBeUndefined();
  });

  it('a hyphenated name meets its row whether written with the hyphen or without', () => {
    expect(one('bi-lo 40', OH)).toMatchObject({ merchant: 'Bi-Lo', cat: 'food/groceries' });
    expect(one('bi lo 40', OH)).toMatchObject({ merchant: 'Bi-Lo', cat: 'food/groceries' });
    expect(one('couche-tard 6', CA)).toMatchObject({ merchant: 'Couche-Tard', cat: 'food/snacks' });
  });
});

describe('a chain spelt out in small words', () => {
  it('"in n out" is In-N-Out, though each of its words is a function word', () => {
    expect(one('in n out 11', SF)).toMatchObject({ merchant: 'In-N-Out', cat: 'food/restaurant' });
    expect(one('double double at in n out 9', SF).merchant).toBe('In-N-Out');
  });

  it('function words that name no chain stay function words', () => {
    expect(understand('in and out 20', SF).intent).not.toBe('add_expense');
    expect(one('went in and out of the store 20', SF).merchant).toBeNull();
  });
});

describe("a store's named food is still food", () => {
  it.each([
    ['speedway coffee 2', 'Speedway', 'food/coffee'],
    ["casey's pizza 12", "Casey's", 'food/meals'],
    ["graeter's ice cream 7", "Graeter's", 'food/sweets'],
    ['speedway hot dog 3', 'Speedway', 'food/snacks'],
  ] as const)('%s', (text, merchant, cat) => {
    expect(one(text, OH)).toMatchObject({ merchant, cat });
  });
});

describe('everyday words beside brand names stay items', () => {
  it.each([
    ['pizza 12', OH, 'food/meals'],
    ['giant pumpkin 5', OH, 'food/groceries'],
    ['grande latte 5', OH, 'food/coffee'],
    ['purple shirt 20', OH, 'shopping/clothes'],
    ['tops 20', OH, 'shopping/clothes'],
    ['spin class 25', OH, 'health/gym'],
    ['cricket bat 40', OH, 'shopping/sports'],
    ['crunch bar 2', OH, null],
    ['express shipping 10', OH, null],
    ['sprinkles 3', OH, null],
    ['coaster set 12', OH, null],
    ['boost drink 3', AU, null],
    ['oyster 8', GB, null],
    ['bottle of water 2', AU, null],
    // a first name or a house brand is no chain of that name
    ['gift for freddy 20', OH, 'gifts/gifts'],
    ['gift for mavis 20', OH, 'gifts/gifts'],
    ['kirkland paper towels 20', OH, 'shopping/household'],
  ] as const)('%s', (text, ctx, cat) => {
    const r = one(text, ctx);
    expect(r.merchant).toBeNull();
    if (cat) expect(r.cat).toBe(cat);
  });
});

describe("a region's names stay in their region", () => {
  it('an Indian owner has no Ohio gas station, no SF transit and keeps the airport fee', () => {
    expect(one('speedway 400', IN).merchant).toBeNull();
    expect(one('muni 200', IN).merchant).toBeNull();
    expect(one('udf 500', IN).cat).toBe('travel/flights');
  });

  it('the same name is each region\'s own shop (Translink, Co-op)', () => {
    expect(one('translink 3', CA).merchant).toBe('Translink');
    expect(one('co-op 20', CA)).toMatchObject({ merchant: 'Co-op', cat: 'food/groceries' });
    expect(one('spencers 20', OH)).toMatchObject({ merchant: "Spencer's", cat: 'gifts/gifts' });
  });
});

describe('the chain files', () => {
  const dir = fileURLToPath(new URL('./lexicon/', import.meta.url));
  it.each(['96-us-chains.tsv', '97-gb-chains.tsv', '98-au-ca-chains.tsv'])('every row of %s names its region', (file) => {
    const rows = readFileSync(dir + file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('phrase\t'));
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) expect(row.split('\t')[5], row).toMatch(/^[A-Z]{2}(,[A-Z]{2})*$/);
  });
});
