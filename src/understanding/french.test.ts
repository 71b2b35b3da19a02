/**
 * French and franglais through the real reader, for owners whose locale pack reads France (fr-FR reads
 * "fr" and the regions FR, BE): the words of vocab/words/*.tsv (lang fr, most limited to FR,BE) and
 * vocab/lexicon/96-fr.tsv and 97-fr-chains.tsv (FR). Phrasings of our own, none taken from an
 * evaluation set. The last block checks that owners whose packs do not read France keep their
 * readings of the French words that are English words too ("courses", "essence", "don", "eau").
 */
import { describe, expect, it } from 'vitest';
import type { UnderstandContext } from './types.js';
import { understandNext as understand } from './next/understand.js';
import { planWith, type QueryContext } from '../query/answer.js';
import { ctxOf, one as oneOf } from '../../test/support/understanding.js';

// Saturday 5 December 2026.
const FR = ctxOf('Europe/Paris', 'EUR', 'fr-FR', true, '2026-12-05');
const GB = ctxOf('Europe/London', 'GBP', 'en-GB', true, '2026-12-05');
const US = ctxOf('America/New_York', 'USD', 'en-US', true, '2026-12-05');
const NL = ctxOf('Europe/Amsterdam', 'EUR', 'nl-NL', true, '2026-12-05');
const IN = ctxOf('Asia/Kolkata', 'INR', 'en-IN', true, '2026-12-05');

const one = (s: string, ctx: UnderstandContext = FR) => oneOf(s, ctx);

function cat(e: { category: string; detail?: string | null }): string {
  return e.detail ? `${e.category}/${e.detail}` : e.category;
}

describe('French everyday things', () => {
  it.each([
    ['grosses courses 96,20', 'food/groceries'],
    ['chocolatine 1,40', 'food/snacks'],
    ['un crème 2,90', 'food/coffee'],
    ['demi 4,50', 'food/alcohol'],
    ['plein de gazole 71', 'transport/fuel'],
    ['péage 12,40', 'transport/tolls'],
    ['contrôle technique 78', 'transport/vehicle'],
    ['kiné 32', 'health/doctor'],
    ['dentiste 45', 'health/doctor'],
    ['mutuelle 48,30', 'health/insurance'],
    ['taxe foncière 890', 'fees/taxes'],
    ['contravention 68', 'fees/fines'],
    ['assurance auto 52', 'fees/insurance'],
    ['agios 8,20', 'fees/bank'],
    ['plombier 120', 'housing/repairs'],
    ['shampoing 4,20', 'personal_care/cosmetics'],
    ['coupe de cheveux 30', 'personal_care/salon'],
    ['facture d\'eau 31', 'utilities/water'],
    ['clopes 12', 'other/tobacco'],
    ['denier du culte 50', 'gifts/donations'],
    ['boucher 27', 'food/groceries'],
    ['pot de peinture 38', 'shopping/household'],
  ])('%s', (text, category) => {
    expect(cat(one(text))).toBe(category);
  });
});

describe('French chains', () => {
  it.each([
    ['Franprix 8,70', 'Franprix', 'food/groceries'],
    ['Biocoop 22', 'Biocoop', 'food/groceries'],
    ['Pathé 13,50', 'Pathé', 'entertainment/movies'],
    ['Castorama 46', 'Castorama', 'shopping/household'],
    ['Sosh 9,99', 'Sosh', 'utilities/mobile'],
    ['Basic Fit 29,99', 'Basic-Fit', 'health/gym'],
    ['Heetch 18', 'Heetch', 'transport/taxi'],
    ['Secours Populaire 15', 'Secours Populaire', 'gifts/donations'],
    ['parking Indigo 9', 'Indigo Parking', 'transport/parking'],
  ])('%s', (text, merchant, category) => {
    const e = one(text);
    expect(e.merchant).toBe(merchant);
    expect(cat(e)).toBe(category);
  });

  it('an item said at a chain keeps its own category, the chain stays the merchant', () => {
    const e = one('Franprix piles 6,40');
    expect(cat(e)).toBe('shopping/household');
    expect(e.merchant).toBe('Franprix');
  });
});

describe('a place word beside the thing bought is not the thing', () => {
  it.each([
    ['boucherie 23,40 poulet', 'poulet', 'food/groceries'],
    ['pharmacie 8,20 smecta', 'smecta', 'health/pharmacy'],
    ['pharmacy 6.10 ibuprofen', 'ibuprofen', 'health/pharmacy'],
  ])('%s', (text, item, category) => {
    const e = one(text);
    expect(e.item).toBe(item);
    expect(cat(e)).toBe(category);
  });

  it('the place word alone still says what it was', () => {
    expect(cat(one('pharmacie 12'))).toBe('health/pharmacy');
  });
});

describe('French money', () => {
  it.each([
    ['kebab 9 balles', 900],
    ['ticket de métro 2e', 200],
    ['tarte aux pommes 12,50 euros', 1250],
    ['pot de départ 20 balles', 2000],
    ['jambon-beurre 5,90€', 590],
    ['ostéo 3 séances 150', 15000],
  ])('%s', (text, minor) => {
    const e = one(text);
    expect(e.amountMinor).toBe(minor);
    expect(e.currency).toBe('EUR');
  });

  it.each([
    ['lave-linge 1 049 €', 104900],
    ['€ 2 300 pour la voiture', 230000],
    ['canapé 1 199,90 €', 119990],
  ])('a space sets thousands apart: %s', (text, minor) => {
    expect(one(text).amountMinor).toBe(minor);
  });

  it('a phone written in pairs is not money', () => {
    expect(understand('le numéro du plombier 07 81 22 40 19', FR).intent).not.toBe('add_expense');
  });

  it('"balles" is money, not the thing bought', () => {
    expect(one('vin 14 balles').item).toBe('vin');
  });
});

describe('French time words', () => {
  it.each([
    ['hier soir resto 48', '2026-12-04'],
    ['avant-hier kiné 32', '2026-12-03'],
    ['le 2 plombier 120', '2026-12-02'],
    ['le 1er loyer 980', '2026-12-01'],
    ['mardi dentiste 45', '2026-12-01'],
    ['ce matin chocolatine 1,40', '2026-12-05'],
  ])('%s', (text, date) => {
    expect(one(text).date).toBe(date);
  });
});

describe('French elisions', () => {
  it.each([
    ['26€ d\'essence', 'essence', 'transport/fuel'],
    ['l\'apéro 19', 'apero', 'food/alcohol'],
    ['j\'ai payé l\'ostéo 55', 'osteo', 'health/doctor'],
  ])('%s', (text, item, category) => {
    const e = one(text);
    expect(e.item).toBe(item);
    expect(cat(e)).toBe(category);
  });

  it('"qu\'est-ce que j\'ai acheté" asks', () => {
    expect(understand('qu\'est-ce que j\'ai acheté chez Franprix ?', FR).intent).toBe('query');
  });
});

describe('French words that join expenses', () => {
  it('"et" between two priced things makes two expenses', () => {
    const r = understand('Engie 64 et Sosh 9,99', FR);
    expect(r.intent).toBe('add_expense');
    if (r.intent !== 'add_expense') return;
    expect(r.expenses.map((e) => [e.amountMinor, e.merchant])).toEqual([[6400, 'Engie'], [999, 'Sosh']]);
  });

  it('"chez" before a shop names it', () => {
    expect(one('éclair chez Berthillon 6').merchant).toBe('Berthillon');
  });
});

describe('not the owner\'s spending', () => {
  it.each([
    ['salaire reçu 2800', 'income'],
  ])('%s', (text, kind) => {
    const r = understand(text, FR);
    expect(r.intent).toBe('other');
    if (r.intent === 'other') expect(r.kind).toBe(kind);
  });

  it('someone else who "a payé" is not the owner', () => {
    const r = understand('ma soeur a payé le resto 60', FR);
    expect(r.intent === 'add_expense' && r.expenses.length > 0 && !r.ask).toBe(false);
  });

  it('steps are counted, not priced', () => {
    expect(understand('9 800 pas ce matin', FR).intent).not.toBe('add_expense');
  });
});

describe('French questions are questions', () => {
  it.each([
    'combien pour le resto ce mois-ci ?',
    'combien j\'ai dépensé en essence depuis septembre',
    'moyenne par semaine pour les courses?',
  ])('%s', (text) => {
    expect(understand(text, FR).intent).toBe('query');
  });

  const Q: QueryContext = { owner: 'me', now: FR.now, settings: FR.settings };
  const planOf = (text: string) => {
    const r = planWith(text, Q, null);
    if (r.kind === 'none') throw new Error(`no plan for "${text}"`);
    return r.plan;
  };
  it.each([
    ['combien en santé cette année ?', 'health'],
    ['mes loisirs le mois dernier', 'entertainment'],
    ['total logement depuis janvier', 'housing'],
  ])('a French category name is the category: %s', (text, primary) => {
    expect(planOf(text).filters.categories.map((c) => c.primary)).toEqual([primary]);
  });
  it('"ce mois-ci" is the period, not what is asked about', () => {
    const p = planOf('combien pour le coiffeur ce mois-ci');
    expect(p.periods[0]).toMatchObject({ from: '2026-12-01' });
    expect(p.filters.subjects.join(' ')).not.toMatch(/\bci\b/);
  });
  it('"combien" sums and "moyenne par semaine" averages', () => {
    expect(planOf('combien pour le coiffeur cette année')).toMatchObject({ op: 'sum' });
    expect(planOf('moyenne par semaine pour les courses')).toMatchObject({ op: 'average', averagePer: 'week' });
  });
});

describe('other owners keep their readings of French words that are English words', () => {
  it.each([
    ['courses 300', US, 'food/groceries'],
    ['essence 20', GB, 'transport/fuel'],
    ['don 20', GB, 'gifts/donations'],
    ['charges 40', IN, 'housing/rent'],
  ])('%s is not read the French way', (text, ctx, category) => {
    expect(cat(one(text, ctx))).not.toBe(category);
  });

  it('a Dutch owner, who reads Belgium, does not read France', () => {
    expect(cat(one('courses 40', NL))).not.toBe('food/groceries');
    expect(cat(one('essence 20', NL))).not.toBe('transport/fuel');
  });

  it('English written to a French owner reads as it does for a British one', () => {
    for (const text of ['two pints in the pub 11', 'coffee on the train 3', 'taxi to the airport 45', 'the cinema 12']) {
      const fr = one(text, FR);
      const gb = one(text, GB);
      expect([fr.amountMinor, cat(fr), fr.item]).toEqual([gb.amountMinor, cat(gb), gb.item]);
    }
  });
});
