/**
 * @module categories/regions.test
 * Regional lexicon rows: a row with a region applies only to owners whose locale pack reads that
 * region, and there it beats an unmarked row of the same phrase; the display name of a merchant is
 * the name the user used; spelling repair leaves alone words another pack knows. Also end to end
 * through the rules reader with an owner's settings, on the real data files.
 */
import { describe, expect, it } from 'vitest';
import type { OwnerSettings } from '../core/types.js';
import { localePacks } from '../language/locale.js';
import { understandNext } from '../understanding/next/understand.js';
import { categoriesFor, categorize, correctSpelling, findKnownTerms, resolveConcept } from './index.js';
import { buildLexicon, lexiconFor } from './lexicon.js';

const US = categoriesFor(['US']);
const GB = categoriesFor(['GB']);
const DE = categoriesFor(['DE', 'AT', 'EU']);
const IN = categoriesFor(['IN']);
const cat = (c: typeof US, item: string | null, merchant: string | null = null): string => {
  const r = c.categorize({ item, merchant });
  return r.detail ? `${r.primary}/${r.detail}` : r.primary;
};

describe('regional rows', () => {
  it('apply only in their regions, and beat an unmarked row there', () => {
    const groups = [
      { cat: 'utilities/gas', items: 'gas' },
      { cat: 'transport/fuel', items: 'gas', regions: ['US'] },
      { cat: 'food/groceries', merchants: 'Kroger', regions: ['US'] },
    ];
    const us = buildLexicon(groups, '', ['US']);
    const gb = buildLexicon(groups, '', ['GB']);
    expect(us.phrases.get('gas')?.detail).toBe('fuel');
    expect(gb.phrases.get('gas')?.detail).toBe('gas');
    expect(us.phrases.has('kroger')).toBe(true);
    expect(gb.phrases.has('kroger')).toBe(false);
    // A regional row over an unmarked one is the point of the row, not a data conflict.
    expect(us.conflicts).toEqual([]);
  });

  it('a more specific region of the pack wins over a wider one (DE before EU)', () => {
    const groups = [
      { cat: 'shopping/household', merchants: 'Action', regions: ['EU'] },
      { cat: 'shopping/clothes', merchants: 'Action', regions: ['DE'] },
    ];
    expect(buildLexicon(groups, '', ['DE', 'EU']).phrases.get('action')?.primary).toBe('shopping');
    expect(buildLexicon(groups, '', ['DE', 'EU']).phrases.get('action')?.detail).toBe('clothes');
    expect(buildLexicon(groups, '', ['FR', 'EU']).phrases.get('action')?.detail).toBe('household');
  });

  it('file no phrase under two categories within any locale pack', () => {
    for (const pack of localePacks()) expect(lexiconFor(pack.regions).conflicts, pack.id).toEqual([]);
  });

  it.each([
    // US words and chains an American owner should never have to teach
    [US, 'gas', 'transport/fuel'], [US, 'copay', 'health/doctor'], [US, 'hoa dues', 'housing/maintenance'],
    [US, 'bodega', 'food/groceries'], [US, 'ez pass', 'transport/tolls'], [US, 'omny', 'transport/commute'],
    [US, 'clipper card', 'transport/commute'], [US, 'whataburger', 'food/restaurant'], [US, 'heb', 'food/groceries'],
    [US, "buc-ee's", 'transport/fuel'], [US, 'rite aid', 'health/pharmacy'], [US, 'reliant', 'utilities/electricity'],
    [US, 'xfinity', 'utilities/internet'], [US, 'wegmans', 'food/groceries'], [US, 'chick-fil-a', 'food/restaurant'],
    // UK
    [GB, 'gas', 'utilities/gas'], [GB, 'morrisons', 'food/groceries'], [GB, 'bevvies', 'food/alcohol'], [GB, 'chippy', 'food/meals'],
    [GB, 'spoons', 'food/bars'], [GB, 'maccies', 'food/restaurant'], [GB, 'council tax', 'fees/taxes'], [GB, 'brew', 'food/tea'],
    [GB, 'superdrug', 'health/pharmacy'], [GB, 'octopus energy', 'utilities/electricity'], [GB, 'meal deal', 'food/snacks'],
    // Germany
    [DE, 'netto', 'food/groceries'], [DE, 'brötchen', 'food/groceries'], [DE, 'broetchen', 'food/groceries'], [DE, 'apotheke', 'health/pharmacy'],
    [DE, 'zahnarzt', 'health/doctor'], [DE, 'miete', 'housing/rent'], [DE, 'strom', 'utilities/electricity'], [DE, 'bvg', 'transport/commute'],
    [DE, 'deutschlandticket', 'transport/commute'], [DE, 'kontoführungsgebühr', 'fees/bank'], [DE, 'rundfunkbeitrag', 'utilities/dth'],
    [DE, 'putzfrau', 'housing/help'], [DE, 'lieferando', 'food/delivery'], [DE, 'späti', 'food/snacks'], [DE, 'dm', 'personal_care/cosmetics'],
    [DE, 'metzger', 'food/groceries'], [DE, 'flug', 'travel/flights'], [DE, 'wochenmarkt', 'food/groceries'],
    // English-speaking packs outside India share everyday words
    [US, 'nails', 'personal_care/salon'], [GB, 'nails', 'personal_care/salon'], [US, 'car payment', 'transport/vehicle'],
    [GB, 'bookies', 'entertainment/games'], [US, 'storage unit', 'housing/maintenance'], [categoriesFor(['AU', 'NZ']), 'servo', 'transport/fuel'],
    [categoriesFor(['CA']), 'hydro bill', 'utilities/electricity'], [categoriesFor(['AU', 'NZ']), 'woolies', 'food/groceries'],
  ])('%# %s', (c, item, expected) => {
    expect(cat(c, item)).toBe(expected);
  });

  it("keep another region's words out: an Indian owner's lexicon has no US chains or US 'gas'", () => {
    expect(IN.findKnownTerms(['whataburger'])).toEqual([]);
    expect(IN.findKnownTerms(['gas'])).toEqual([]);
    expect(US.findKnownTerms(['specs'])[0]?.primary).toBe('food');
    expect(IN.findKnownTerms(['specs'])[0]?.primary).toBe('health');
  });

  it('the default (no regions) is the en-IN pack, unchanged', () => {
    expect(categorize({ item: 'chai', merchant: null })).toMatchObject({ primary: 'food', detail: 'tea' });
    expect(findKnownTerms(['gas'])).toEqual([]);
    expect(categorize({ item: 'gas', merchant: null }, undefined, ['US'])).toMatchObject({ primary: 'transport', detail: 'fuel' });
  });
});

describe('items and merchants as the user wrote them', () => {
  it('a word of the merchant\'s own name is no item of its own ("mobile" of T-Mobile)', () => {
    expect(cat(US, 'mobile', 'T-Mobile')).toBe('utilities/mobile');
    expect(cat(US, 'fitness', 'Planet Fitness')).toBe('health/gym');
    expect(cat(US, 'latte', 'Starbucks')).toBe('food/coffee');
    expect(cat(IN, 'mobile', null)).toBe('shopping/electronics');
  });

  it('an item keeps its accents ("brötchen", not "brotchen")', () => {
    expect(DE.findKnownTerms(['brötchen'])[0]?.canonical).toBe('brötchen');
    expect(DE.findKnownTerms(['broetchen'])[0]?.canonical).toBe('broetchen');
    expect(DE.findKnownTerms(['Kontoführungsgebühr'])[0]?.canonical).toBe('kontoführungsgebühr');
  });

  it('a bare chain name is the chain where people say it so (Target, Boots, Bolt)', () => {
    expect(cat(US, 'target')).toBe('shopping/household');
    expect(cat(GB, 'boots')).toBe('health/pharmacy');
    expect(cat(IN, 'boots')).toBe('shopping/clothes');
    expect(cat(DE, 'bolt')).toBe('transport/taxi');
    expect(IN.findKnownTerms(['bolt'])).toEqual([]);
  });
});

describe('merchant display names', () => {
  it('show the name the user used when the row writes it as a name ("Comcast|Xfinity")', () => {
    expect(US.findKnownTerms(['xfinity'])[0]?.canonical).toBe('Xfinity');
    expect(IN.findKnownTerms(['xfinity'])[0]?.canonical).toBe('Xfinity');
    expect(US.categorize({ item: null, merchant: 'Xfinity' })).toMatchObject({ primary: 'utilities', detail: 'internet' });
  });

  it('show the brand for an informal spelling ("ccd", "dmart", "maccies")', () => {
    expect(IN.findKnownTerms(['ccd'])[0]?.canonical).toBe('Cafe Coffee Day');
    expect(IN.findKnownTerms(['d-mart'])[0]?.canonical).toBe('DMart');
    expect(GB.findKnownTerms(['maccies'])[0]?.canonical).toBe("McDonald's");
  });

  it("merge a region's names into the brand they name, so questions find every spelling", () => {
    const c = resolveConcept('maccies', ['GB']);
    expect(c?.merchants).toEqual(["McDonald's"]);
    expect(c?.terms).toEqual(expect.arrayContaining(['maccies', 'mcdonalds']));
  });
});

describe('spelling repair across packs', () => {
  it.each([
    ['copay', ['US']], ['copay', ['IN']], ['bevvies', ['GB']], ['bevvies', ['IN']], ['netto', ['IN']], ['netto', ['DE', 'AT', 'EU']],
    ['whataburger', ['IN']],
  ])('leaves %s alone for %j (a word some pack knows)', (w, regions) => {
    expect(correctSpelling(w, regions)).toBe(w);
  });

  it('still repairs real typos, plurals and doubled letters', () => {
    expect(correctSpelling('grocries')).toBe('groceries');
    expect(correctSpelling('vegetabels')).toBe('vegetables');
    expect(correctSpelling('haircutt')).toBe('haircut');
    expect(correctSpelling('wegmanns', ['US'])).toBe('wegmans');
    expect(findKnownTerms(['idlis'])[0]?.canonical).toBe('idli');
    expect(findKnownTerms(['idli', 'vadai'])[0]).toMatchObject({ primary: 'food', start: 0, end: 2 });
  });

  it('refuses a repair that only fits the whole words, not their stems ("bevvies" is not "berries")', () => {
    expect(findKnownTerms(['bevvies'])).toEqual([]);
    expect(GB.findKnownTerms(['bevvies'])[0]?.detail).toBe('alcohol');
  });

  it('keeps another spelling of the same word as written, filed by the word it spells', () => {
    expect(findKnownTerms(['archane'])[0]).toMatchObject({ canonical: 'archane', primary: 'gifts', repaired: false });
    expect(findKnownTerms(['gol', 'gappe'])[0]).toMatchObject({ canonical: 'gol gappe', primary: 'food' });
    expect(findKnownTerms(['cofee'])[0]).toMatchObject({ canonical: 'coffee', repaired: true });
  });

  it('never lands on a brand by changing its first letter', () => {
    expect(correctSpelling('hetto')).toBe('hetto');
  });
});

describe('end to end: the owner\'s settings pick the pack', () => {
  const NOW = new Date('2026-01-15T14:00:00Z');
  const owner = (timeZone: string, currency: string): OwnerSettings => ({ timeZone, currency, locale: 'en-IN', dayFirst: true, weekStartsOn: 1 });
  const first = (text: string, s: OwnerSettings) => {
    const r = understandNext(text, { now: NOW, settings: s });
    if (r.intent !== 'add_expense') throw new Error(`${text}: ${JSON.stringify(r)}`);
    return r.expenses[0]!;
  };

  it('reads "gas" as fuel in Houston and as the gas bill in Manchester', () => {
    expect(first('gas 40', owner('America/Chicago', 'USD'))).toMatchObject({ category: 'transport', detail: 'fuel' });
    expect(first('gas 40', owner('Europe/London', 'GBP'))).toMatchObject({ category: 'utilities', detail: 'gas' });
  });

  it('knows a US chain and stores the merchant as written', () => {
    expect(first('whataburger 12.50', owner('America/Chicago', 'USD'))).toMatchObject({ category: 'food' });
    expect(first('xfinity bill 80', owner('America/New_York', 'USD'))).toMatchObject({ category: 'utilities', merchant: 'Xfinity' });
  });

  it('knows German words in a Berlin owner\'s messages', () => {
    expect(first('Brötchen 3,50', owner('Europe/Berlin', 'EUR'))).toMatchObject({ category: 'food' });
    expect(first('Miete 950', owner('Europe/Berlin', 'EUR'))).toMatchObject({ category: 'housing' });
  });
});
