/**
 * Dutch and Dutch-English through the real reader, for owners whose locale pack switches Dutch on
 * (nl-NL reads "nl" and the regions NL, BE): the words of vocab/words/*.tsv (lang nl) and
 * vocab/lexicon/96-nl.tsv (NL) and 97-nl-chains.tsv (NL, BE). Phrasings of our own, none taken from
 * an evaluation set. The last block checks that owners whose packs do not read Dutch keep their
 * readings, and that English words that look Dutch stay English.
 */
import { describe, expect, it } from 'vitest';
import type { UnderstandContext } from './types.js';
import { understandNext as understand } from './next/understand.js';
import { planWith, type QueryContext } from '../query/answer.js';
import { ctxOf, one as oneOf } from '../../test/support/understanding.js';

// Saturday 5 December 2026.
const NL = ctxOf('Europe/Amsterdam', 'EUR', 'nl-NL', true, '2026-12-05');
const GB = ctxOf('Europe/London', 'GBP', 'en-GB', true, '2026-12-05');
const FR = ctxOf('Europe/Paris', 'EUR', 'fr-FR', true, '2026-12-05');
const IN = ctxOf('Asia/Kolkata', 'INR', 'en-IN', true, '2026-12-05');

const one = (s: string, ctx: UnderstandContext = NL) => oneOf(s, ctx);

function cat(e: { category: string; detail?: string | null }): string {
  return e.detail ? `${e.category}/${e.detail}` : e.category;
}

describe('Dutch everyday things', () => {
  it.each([
    ['tosti ham kaas 4,50', 'food/snacks'],
    ['pilsjes 7,20', 'food/alcohol'],
    ['theetje 2,80', 'food/tea'],
    ['parkeergeld 6', 'transport/parking'],
    ['fietslamp 12,99', 'transport/vehicle'],
    ['mondhygiënist 62', 'health/doctor'],
    ['afvalstoffenheffing 31,15', 'fees/taxes'],
    ['parkeerboete 75', 'fees/fines'],
    ['reisverzekering 39', 'fees/insurance'],
    ['tandenborstel 3,99', 'personal_care/cosmetics'],
    ['regenjas 60', 'shopping/clothes'],
    ['glazenwasser 25', 'housing/help'],
    ['elektricien 140', 'housing/repairs'],
    ['rijles 55', 'education/courses'],
    ['kraamcadeau 30', 'gifts/gifts'],
    ['collecte 5', 'gifts/donations'],
  ])('%s', (text, category) => {
    const e = one(text);
    expect(cat(e)).toBe(category);
  });
});

describe('Dutch and Belgian chains', () => {
  it.each([
    ['Dirk van den Broek 23,10', 'Dirk van den Broek', 'food/groceries'],
    ['trekpleister 5,49', 'Trekpleister', 'personal_care/cosmetics'],
    ['Eneco 98', 'Eneco', 'utilities/electricity'],
    ['Menzis 131,50', 'Menzis', 'health/insurance'],
    ['Blokker 14,99', 'Blokker', 'shopping/household'],
    ['RET 4,20', 'RET', 'transport/commute'],
    ['Kinepolis 13,50', 'Kinepolis', 'entertainment/movies'],
    ['Odido 20', 'Odido', 'utilities/mobile'],
  ])('%s', (text, merchant, category) => {
    const e = one(text);
    expect(e.merchant).toBe(merchant);
    expect(cat(e)).toBe(category);
  });

  it('an item said at a chain keeps its own category, the chain stays the merchant', () => {
    const e = one('Blokker pannenkoeken 3');
    expect(cat(e)).toBe('food/sweets');
    expect(e.merchant).toBe('Blokker');
  });
});

describe('Dutch amounts', () => {
  it.each([
    ['kapsel 25,-', 2500],
    ['wasmachine € 1.049,00', 104900],
    ['spijkerbroek 49,95 euro', 4995],
    ['trui twintig euro', 2000],
  ])('%s', (text, minor) => {
    expect(one(text).amountMinor).toBe(minor);
  });

  it('"à" before a price is each: the count times the price', () => {
    expect(one('3x tompouce à 2,10').amountMinor).toBe(630);
    expect(one('2 croissants à €1,20').amountMinor).toBe(240);
    expect(one('cadeau à Paris 20').amountMinor).toBe(2000);
  });

  it('"AH" is Albert Heijn for a Dutch owner; "ah" is still a filler for an Indian one', () => {
    expect(one('AH tosti 3,50').merchant).toBe('Albert Heijn');
    expect(one('ah ok chai 20', IN).merchant).toBeNull();
  });

  it('"een vijfje" is five euros', () => {
    expect(one('een vijfje voor de krant').amountMinor).toBe(500);
  });
});

describe('Dutch time words', () => {
  it.each([
    ['eergisteren slager 18,40', '2026-12-03'],
    ['gisteren parkeergeld 6', '2026-12-04'],
    ['gisteravond kroeg 22', '2026-12-04'],
    ['afgelopen dinsdag kapper 30', '2026-12-01'],
    ['woensdag fietslamp 12', '2026-12-02'],
    ['op 3 november tandarts 70', '2026-11-03'],
    ['2 dagen geleden wasmiddel 9', '2026-12-03'],
  ])('%s', (text, date) => {
    expect(one(text).date).toBe(date);
  });
});

describe('Dutch verbs, articles and prepositions stay out of the item', () => {
  it.each([
    ['pannenkoeken gegeten bij de buurvrouw 12', 'food/sweets'],
    ['nieuwe regenjas gekocht 60', 'shopping/clothes'],
    ['voor mijn neefje een kinderboek 15', 'shopping/books'],
  ])('%s', (text, category) => {
    const e = one(text);
    expect(cat(e)).toBe(category);
    expect(e.item ?? '').not.toMatch(/\b(gegeten|gekocht|bij|de|voor|mijn|een)\b/);
  });

  it('"bij" before a shop names it', () => {
    expect(one('tandpasta bij Trekpleister 2,99').merchant).toBe('Trekpleister');
  });
});

describe('not the owner\'s spending, or not spent yet', () => {
  it.each([
    ['salaris ontvangen 2900', 'income'],
    ['de schoenen toch niet gekocht, 80', 'negated'],
    ['ga volgende week een fiets kopen 300', 'plan'],
  ])('%s', (text, kind) => {
    const r = understand(text, NL);
    expect(r.intent).toBe('other');
    if (r.intent === 'other') expect(r.kind).toBe(kind);
  });
});

describe('Dutch questions are questions', () => {
  it.each([
    'hoeveel heb ik vorige maand aan kleding uitgegeven?',
    'wat heb ik deze week bij de Blokker gekocht',
    'hoe vaak naar de kapper dit jaar?',
    'gemiddeld per week aan eten?',
  ])('%s', (text) => {
    expect(understand(text, NL).intent).toBe('query');
  });
});

describe('Dutch questions plan what they ask', () => {
  const Q: QueryContext = { owner: 'me', now: NL.now, settings: NL.settings };
  const planOf = (text: string) => {
    const r = planWith(text, Q, null);
    if (r.kind === 'none') throw new Error(`no plan for "${text}"`);
    return r.plan;
  };
  it.each([
    ['zorgkosten vorige maand?', 'health'],
    ['hoeveel aan persoonlijke verzorging dit jaar', 'personal_care'],
    ['vaste lasten deze maand', 'utilities'],
    ['wat gaat er naar uitgaan?', 'entertainment'],
  ])('a Dutch category name is the category: %s', (text, primary) => {
    expect(planOf(text).filters.categories.map((c) => c.primary)).toEqual([primary]);
  });
  it('a place in England asks about the rows in pounds', () => {
    expect(planOf('uitgaven in Engeland').filters.currency).toBe('GBP');
  });
  it('"duurste" ranks, "hoe vaak" counts, "gemiddeld per week" averages', () => {
    expect(planOf('de 3 duurste etentjes')).toMatchObject({ op: 'top', limit: 3 });
    expect(planOf('hoe vaak naar de bioscoop dit jaar')).toMatchObject({ op: 'count' });
    expect(planOf('gemiddeld per week aan eten')).toMatchObject({ op: 'average', averagePer: 'week' });
  });
  it('"vorige maand" and "sinds maandag" are periods', () => {
    expect(planOf('uitgaven vorige maand').periods[0]).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(planOf('uitgaven sinds maandag').periods[0]).toMatchObject({ from: '2026-11-30', to: '2026-12-05' });
  });
});

describe('other owners and English words keep their readings', () => {
  it('a Dutch item word is not known to a British, French or Indian owner', () => {
    expect(cat(one('huur 900', GB))).not.toBe('housing/rent');
    // ("les 30" alone is French glue and an amount for a French owner, so it may be no expense at all.)
    const les = understand('les 30', FR);
    expect(les.intent === 'add_expense' && les.expenses.some((e) => cat(e) === 'education/courses')).toBe(false);
    expect(cat(one('pont 5', FR))).not.toBe('transport/commute');
    expect(cat(one('kaas 300', IN))).not.toBe('food/groceries');
  });

  // Bare "van" is the Dutch "from/of" for a Dutch owner ("tikkie van Jesse"), so a message that is
  // only "van hire 80" is not compared here: the everyday Dutch reading wins for this pack.
  it('English written to a Dutch owner reads as it does for a British one', () => {
    for (const text of ['two pints in the pub 11', 'coffee on the train 3', 'taxi to the airport 45']) {
      const nl = one(text, NL);
      const gb = one(text, GB);
      expect([nl.amountMinor, cat(nl), nl.item]).toEqual([gb.amountMinor, cat(gb), gb.item]);
    }
  });
});
