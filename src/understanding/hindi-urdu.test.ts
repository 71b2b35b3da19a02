/**
 * The general causes behind the Lucknow set's record misses (Roman and Devanagari Hindi-Urdu), each
 * checked with phrasings of our own (none of these lines is in an eval set): Devanagari text read at
 * all and its words, Hindi-Urdu day names, kin, people paid for work at home, religious giving,
 * Lucknow's shops, and a drop-off as the place a ride went to.
 */
import { describe, expect, it } from 'vitest';
import { zonedInstant } from '../core/dates.js';
import type { OwnerSettings } from '../core/types.js';
import type { UnderstandContext } from './types.js';
import { understandNext as understand } from './next/understand.js';
import { planOf } from '../../test/support/plan.js';
import { resolveConcept } from '../categories/index.js';
import { one as oneOf } from '../../test/support/understanding.js';

// Friday 4 December 2026, Lucknow.
const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const IN: UnderstandContext = { now: zonedInstant('2026-12-04', { hour: 19, minute: 30 }, 'Asia/Kolkata'), settings };

const one = (s: string) => oneOf(s, IN);

describe('Devanagari', () => {
  it.each([
    ['जलेबी 60', 6000, 'food'],
    ['आलू प्याज़ 90', 9000, 'food'],
    ['डीज़ल 1000 डलवाया', 100000, 'transport'],
    ['माली को 800 दिए', 80000, 'housing'],
    ['सदका 500 दिया', 50000, 'gifts'],
    ['चालान 1000 भरा', 100000, 'fees'],
    ['इंटरनेट का बिल 599 भरा', 59900, 'utilities'],
  ])('vowel signs are letters, not noise, and the words are known: %s', (text, minor, primary) => {
    const e = one(text);
    expect(e.amountMinor).toBe(minor);
    expect(e.category).toBe(primary);
  });

  it('keeps the vowel signs when it looks a word up: "मटर" (peas) is not "मेट्रो" (metro)', () => {
    expect(one('मटर 40').category).toBe('food');
    expect(one('मेट्रो 40').category).toBe('transport');
  });

  it('reads the day words and the verbs', () => {
    expect(one('परसों दवा ली 210').date).toBe('2026-12-02');
    expect(one('कल रात कबाब 300').date).toBe('2026-12-03');
    expect(one('पिछले शुक्रवार अंडे 84').date).toBe('2026-11-27');
  });

  it('a kin word is whom it was for, not the thing', () => {
    const e = one('बच्चों के जूते 900');
    expect(e.category).toBe('shopping');
    expect(e.item).toBe('जूते');
  });
});

describe('Hindi-Urdu day names', () => {
  it.each([
    ['Budh ko sabzi 140', '2026-12-02'],
    ['atta 400 mangal ko', '2026-12-01'],
    ['shani ki shaam golgappe 80', '2026-11-28'],
    ['jumerat ko nihari 260', '2026-12-03'],
    ['pichhle jumeraat chole 90', '2026-12-03'],
  ])('%s', (text, date) => {
    expect(one(text).date).toBe(date);
  });

  it.each([
    ['mangal sutra 18000'],
    ['shani mandir prasad 51'],
    ['budh purnima ki kheer 120'],
  ])('the same words outside a date stay words: %s', (text) => {
    expect(one(text).date).toBe('2026-12-04');
  });
});

describe('people and giving', () => {
  it.each([
    ['jamadaar ko 200 diye', 'housing'],
    ['mistry ne darwaza theek kiya 350', 'housing'],
    ['fitra 600 ada kiya', 'gifts'],
    ['khairat mein 300 diye', 'gifts'],
    ['Eid pe bachchon ko salami 500', 'gifts'],
  ])('%s', (text, primary) => {
    expect(one(text).category).toBe(primary);
  });

  it('Hindi-Urdu kin are never spell-corrected into things ("bachon" is not "bacon")', () => {
    const e = one('bachchon ke mozay 150');
    expect(e.category).toBe('shopping');
    expect(e.item).not.toMatch(/bacon/);
  });

  it('"naali" is the drain, not Kannada "tomorrow"', () => {
    const r = understand('naali saaf karwai 250', IN);
    expect(r.intent).toBe('add_expense');
    if (r.intent === 'add_expense') {
      expect(r.expenses[0]!.date).toBe('2026-12-04');
      expect(r.futureDate).toBeFalsy();
    }
  });
});

describe('rides', () => {
  it('"chhoda" (dropped off) makes the place where a ride went, not the thing bought', () => {
    const e = one('Ola se ammi ko school chhod aaye 95');
    expect(e.category).toBe('transport');
    expect(e.merchant).toBe('Ola');
  });
});

describe('Lucknow shops named like people', () => {
  it.each([
    ['Wahid ki biryani 320', 'Wahid Biryani'],
    ['tundey 260', 'Tunday Kababi'],
    ['sharma ji chai 2 cup 40', 'Sharma Ji Ki Chai'],
    ['jal kal ka bill 900', 'Jal Sansthan'],
  ])('%s', (text, merchant) => {
    expect(one(text).merchant).toBe(merchant);
  });
});

describe('what is not a record', () => {
  it.each([
    ['gas ka bill aa gaya 950 ka, bhara nahi abhi', 'negated'],
    ['दूधवाले को 1200 देने हैं', 'plan'],
    ['kal Chowk chalna hai ammi ke saath', 'plan'],
    ['chandi ka bhaav 95,000 kilo', 'price'],
  ])('%s', (text, kind) => {
    expect(understand(text, IN)).toMatchObject({ intent: 'other', kind });
  });

  it('a Muslim or Hindu greeting is a greeting, not a shop ("Assalam" is not Arsalan)', () => {
    expect(understand('walaikum assalam', IN)).toMatchObject({ intent: 'other', kind: 'greeting' });
    expect(understand('adaab', IN)).toMatchObject({ intent: 'other', kind: 'greeting' });
  });
});

describe('Hindi-Urdu phrasings of a record', () => {
  it('"ke bina" (without) negates nothing: what was missing is not what was paid', () => {
    const e = one('licence ke bina roka, 2000 ka challan');
    expect(e.category).toBe('fees');
  });

  it('"ke saath" (with) is no sixty, and whom it was with is not the thing', () => {
    const e = one('bhai ke saath lunch 450');
    expect(e.amountMinor).toBe(45000);
    expect(e.category).toBe('food');
  });

  it('"book ki" is booked, not a book', () => {
    expect(one('Lucknow ki train book ki 640').category).toBe('travel');
  });

  it('"28 ko" after a month is its day', () => {
    const e = one('pichhle mahine 14 ko Jio recharge 299 kiya tha');
    expect(e.date).toBe('2026-11-14');
    expect(e.amountMinor).toBe(29900);
  });
});

// Questions (planned on Thursday 2026-01-15, Kolkata): Hindi-Urdu question words are vocabulary rows.
describe('Hindi-Urdu question words', () => {
  it('"farq" compares', () => {
    expect(planOf('is mahine aur pichhle mahine ke kharche mein farq').op).toBe('compare');
  });
  it('"jo jo" lists everything and is no subject', () => {
    const p = planOf('is hafte jo jo kharcha hua dikhao');
    expect(['list', 'kinds']).toContain(p.op);
    expect(p.filters.subjects).toEqual([]);
  });
  it.each([
    ['sehat', ['health']],
    ['meetha', ['food/sweets']],
    ['phalon', ['food/fruits']],
  ])('everyday words for what is asked about: %s', (phrase, cats) => {
    const c = resolveConcept(phrase);
    expect(c?.categories.map((x) => (x.detail ? `${x.primary}/${x.detail}` : x.primary)).sort()).toEqual(cats);
  });
  it('"baal katwane" finds the haircuts', () => {
    expect(resolveConcept('baal katwane')?.terms).toEqual(expect.arrayContaining(['haircut']));
  });
  it('non-veg covers the kababs and nihari', () => {
    const terms = resolveConcept('non veg')?.terms ?? [];
    expect(terms).toEqual(expect.arrayContaining(['nihari', 'kabab']));
  });
  it('a question in Devanagari is planned', () => {
    expect(planOf('पिछले हफ्ते कितना खर्च हुआ').op).toBe('sum');
  });
});
