/**
 * Spanish and Spanglish through the real reader, for owners whose locale pack switches Spanish on
 * (en-US reads "es"): the words of vocab/words/*.tsv (lang es) and vocab/lexicon/96-es.tsv (US, ES,
 * MX). Phrasings of our own, none taken from an evaluation set. The last block checks that owners
 * whose packs do not read Spanish keep their readings, and that English words that look Spanish stay
 * English.
 */
import { describe, expect, it } from 'vitest';
import type { UnderstandContext } from './types.js';
import { understandNext as understand } from './next/understand.js';
import { ctxOf, one as oneOf } from '../../test/support/understanding.js';

// Saturday 5 December 2026.
const US = ctxOf('America/New_York', 'USD', 'en-US', false, '2026-12-05');
const GB = ctxOf('Europe/London', 'GBP', 'en-GB', true, '2026-12-05');
const IN = ctxOf('Asia/Kolkata', 'INR', 'en-IN', true, '2026-12-05');

const one = (s: string, ctx: UnderstandContext = US) => oneOf(s, ctx);

function cat(e: { category: string; detail?: string | null }): string {
  return e.detail ? `${e.category}/${e.detail}` : e.category;
}

describe('Spanish verbs, articles and prepositions stay out of the item', () => {
  it.each([
    ['compré empanadas en la panadería 9.50', 'empanadas', 'food/snacks'],
    ['me compré unos zapatos en Ross 35 dólares', 'zapatos', 'shopping/clothes'],
    ['eché gasolina 45 en el Chevron', 'gasolina', 'transport/fuel'],
    ['jarabe para la tos 9', 'jarabe para la tos', 'health/pharmacy'],
    ['corte de pelo en la barbería 25', 'corte de pelo', 'personal_care/salon'],
    ['electricista 200 pa arreglar el breaker', 'electricista', 'housing/repairs'],
  ])('%s', (text, item, category) => {
    const e = one(text);
    expect(e.item).toBe(item);
    expect(cat(e)).toBe(category);
    expect(e.ask).toBeUndefined();
  });

  it('"en" before a capitalised name says the shop', () => {
    expect(one('me compré unos zapatos en Ross 35 dólares').merchant).toBe('Ross');
    expect(one('eché gasolina 45 en el Chevron').merchant).toBe('Chevron');
  });

  it('a Spanish article opening a shop\'s name is part of it; before a kind of place it is not', () => {
    expect(one('compré pan en La Estrella 5').merchant).toBe('La Estrella');
    expect(one('tacos at el farolito 9').merchant).toBe('El Farolito');
    expect(one('corte de pelo en la barbería 25').merchant).toBeNull();
    expect(one('compré empanadas en la panadería 9.50').merchant).toBeNull();
  });

  it('"al pastor" is no destination', () => {
    const e = one('3 al pastor tacos 9 bucks');
    expect(e.amountMinor).toBe(900);
    expect(e.item).toBe('al pastor tacos');
  });

  it('"dólares" is the owner\'s dollars', () => {
    const e = one('me compré unos zapatos en Ross 35 dólares');
    expect(e.amountMinor).toBe(3500);
    expect(e.currency).toBe('USD');
  });

  it('"y" separates two priced things', () => {
    const r = understand('helado 6 y refresco 2.50', US);
    if (r.intent !== 'add_expense') throw new Error(JSON.stringify(r));
    expect(r.expenses.map((e) => [e.amountMinor, cat(e)])).toEqual([[600, 'food/sweets'], [250, 'food/soft_drinks']]);
  });

  it('"a … cada uno" is a price of one times the count', () => {
    const e = one('4 tamales a 2.50 cada uno');
    expect(e.amountMinor).toBe(1000);
  });
});

describe('Spanish time words', () => {
  it.each([
    ['anoche cena en Pollo Tropical 31.20', '2026-12-04'],
    ['antier medicinas en la farmacia 18', '2026-12-03'],
    ['el jueves almuerzo con mi jefe 22.40', '2026-12-03'],
    ['el 28 de noviembre regalo para mi sobrina 40', '2026-11-28'],
    ['el 1ro de diciembre renta 1500', '2026-12-01'],
  ])('%s', (text, date) => {
    expect(one(text).date).toBe(date);
  });

  it('"el" before a bare day number is that day of the month, never a second amount', () => {
    const e = one('el 2 pagué el teléfono 65');
    expect(e.date).toBe('2026-12-02');
    expect(e.amountMinor).toBe(6500);
    expect(cat(e)).toBe('utilities/mobile');
    const later = one('el 29 gasolina 40');
    expect(later.date).toBe('2026-11-29');
    expect(later.amountMinor).toBe(4000);
  });
});

describe('Spanish everyday things', () => {
  it.each([
    ['pagamos la luz 140', 'utilities/electricity'],
    ['diezmo 50', 'gifts/donations'],
    ['limosna 5 en la iglesia', 'gifts/donations'],
    ['peaje 3.75', 'transport/tolls'],
    ['estacionamiento en el aeropuerto 28', 'transport/parking'],
    ['seguro del carro 160', 'fees/insurance'],
    ['útiles escolares 48', 'education/supplies'],
    ['me hice las uñas 40', 'personal_care/salon'],
  ])('%s', (text, category) => {
    expect(cat(one(text))).toBe(category);
  });

  it('a generic place after "en" is no shop', () => {
    expect(one('estacionamiento en el aeropuerto 28').merchant).toBeNull();
    expect(one('antier medicinas en la farmacia 18').merchant).toBeNull();
  });
});

describe('not the owner\'s spending, or not spent yet', () => {
  it.each([
    ['mi hermana pagó el almuerzo 30', 'third_party'],
    ['al final no compré el televisor, 400', 'negated'],
    ['voy a comprar una bici 150', 'plan'],
    ['tengo que pagar la renta 1500', 'plan'],
    ['Luz me pagó 20', 'income'],
  ])('%s', (text, kind) => {
    const r = understand(text, US);
    expect(r.intent).toBe('other');
    if (r.intent === 'other') expect(r.kind).toBe(kind);
  });
});

describe('Spanish questions are questions', () => {
  it.each(['cuánto gasté en gasolina este mes?', 'cuántas veces fui al cine en noviembre?', 'qué compré en Target el mes pasado?'])('%s', (text) => {
    expect(understand(text, US).intent).toBe('query');
  });
});

describe('other owners and English words keep their readings', () => {
  it('a Spanish item word is not known to a British or an Indian owner', () => {
    expect(cat(one('luz 20', GB))).not.toBe('utilities/electricity');
    expect(cat(one('gasolina 40', IN))).not.toBe('transport/fuel');
  });

  it('English "pan" is still the cookware, "once" no number, "a" still an article', () => {
    expect(cat(one('got a pan for 25'))).toBe('shopping/household');
    expect(one('coffee 4 once again').amountMinor).toBe(400);
    const e = one('a 12 pack of beer 15');
    expect(e.amountMinor).toBe(1500);
  });

  it('an English "el" or "la" around a place name changes nothing', () => {
    expect(one('burrito at El Pollo Loco 11').merchant).toBe('El Pollo Loco');
  });
});
