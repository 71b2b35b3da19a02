/**
 * @module categories/concepts.test
 * resolveConcept and suggestConcepts: what a phrase in a question covers, and what it must not.
 */
import { describe, expect, it } from 'vitest';
import { resolveConcept, suggestConcepts, type Concept } from './index.js';

const must = (phrase: string): Concept => {
  const c = resolveConcept(phrase);
  if (!c) throw new Error(`no concept for "${phrase}"`);
  return c;
};
const cats = (c: Concept) => c.categories.map((x) => (x.detail ? `${x.primary}/${x.detail}` : x.primary)).sort();

describe('resolveConcept: soft drinks', () => {
  it('fizzy drinks are the carbonated ones only: a cola, never a mango drink', () => {
    const c = must('fizzy drinks');
    expect(c.label).toBe('fizzy drinks');
    expect(c.terms).toContain('thums up');
    expect(c.terms).not.toContain('frooti');
  });

  it.each(['soft drinks', 'cold drinks', 'soft drink', 'sodas', 'how much on soft drinks'.split(' ').slice(-2).join(' ')])(
    '%s → food/soft_drinks',
    (phrase) => {
      const c = must(phrase);
      expect(c.label).toBe('soft drinks');
      expect(cats(c)).toEqual(['food/soft_drinks']);
      expect(c.via).toBe('category');
    },
  );

  it('includes the sodas and brands and excludes beer and coffee', () => {
    const { terms } = must('soft drinks');
    for (const t of ['coke', 'coca cola', 'pepsi', 'sprite', 'limca', 'thums up', '7up', 'fanta', 'mountain dew', 'maaza', 'cola', 'soft drink']) {
      expect(terms, t).toContain(t);
    }
    for (const t of ['budweiser', 'beer', 'espresso', 'latte', 'chai', 'kingfisher']) expect(terms, t).not.toContain(t);
  });
});

describe('resolveConcept: coffee, tea, alcohol', () => {
  it('coffee covers coffee drinks and coffee chains', () => {
    const c = must('coffee');
    expect(cats(c)).toEqual(['food/coffee']);
    for (const t of ['coffee', 'latte', 'espresso', 'cappuccino', 'cold brew', 'filter coffee']) expect(c.terms, t).toContain(t);
    for (const m of ['Starbucks', 'Cafe Coffee Day', 'Third Wave Coffee', 'Blue Tokai']) expect(c.merchants, m).toContain(m);
    expect(c.terms).not.toContain('chai');
    expect(c.merchants).not.toContain('Chaayos');
  });

  it.each(['alcohol', 'drinks', 'booze', 'daaru'])('%s → alcohol and bars', (phrase) => {
    const c = must(phrase);
    expect(c.label).toBe('alcohol');
    expect(cats(c)).toEqual(['food/alcohol', 'food/bars']);
    for (const t of ['beer', 'budweiser', 'kingfisher', 'whisky', 'wine', 'pint']) expect(c.terms, t).toContain(t);
    expect(c.terms).not.toContain('coke');
  });

  it('tea', () => {
    const c = must('chai');
    expect(cats(c)).toEqual(['food/tea']);
    expect(c.merchants).toContain('Chaayos');
  });
});

describe('resolveConcept: medicine and painkillers', () => {
  it('medicine covers the pharmacy', () => {
    const c = must('medicine');
    expect(cats(c)).toEqual(['health/pharmacy']);
    expect(c.merchants).toEqual(expect.arrayContaining(['Apollo Pharmacy', 'MedPlus', 'PharmEasy', '1mg']));
    expect(c.terms).not.toContain('doctor');
  });

  it.each(['painkillers', 'painkiller', 'pain killers'])('%s lists painkillers only', (phrase) => {
    const c = must(phrase);
    expect(c.label).toBe('painkillers');
    expect(c.categories).toEqual([]);
    for (const t of ['paracetamol', 'ibuprofen', 'crocin', 'dolo', 'combiflam', 'disprin', 'aspirin']) expect(c.terms, t).toContain(t);
    for (const t of ['doctor', 'physiotherapy', 'physio', 'vitamin d', 'cough syrup', 'antibiotic']) expect(c.terms, t).not.toContain(t);
  });
});

describe('resolveConcept: vehicles', () => {
  it.each(['my car', 'the scooter', 'bike', 'vehicle', 'car', 'scooty', 'my bike'])('%s → own vehicle costs, not rides', (phrase) => {
    const c = must(phrase);
    expect(c.label).toBe('vehicle');
    expect(cats(c)).toEqual(['transport/fuel', 'transport/parking', 'transport/tolls', 'transport/vehicle']);
    for (const t of ['petrol', 'diesel', 'service', 'puncture', 'tyre', 'car wash', 'fastag']) expect(c.terms, t).toContain(t);
    for (const t of ['rapido', 'uber', 'train', 'local train', 'taxi', 'auto']) expect(c.terms, t).not.toContain(t);
    for (const m of ['Rapido', 'Uber', 'Ola', 'IRCTC']) expect(c.merchants, m).not.toContain(m);
  });

  it('petrol is the fuel concept', () => {
    const c = must('petrol');
    expect(cats(c)).toEqual(['transport/fuel']);
    expect(c.merchants).toEqual(expect.arrayContaining(['Indian Oil', 'Bharat Petroleum', 'Shell']));
  });
});

describe('resolveConcept: going out, treats, groceries', () => {
  it('going out = restaurants, bars, movies, shows, events', () => {
    const c = must('going out');
    expect(cats(c)).toEqual(['entertainment/concerts', 'entertainment/events', 'entertainment/movies', 'food/bars', 'food/restaurant']);
    expect(c.merchants).toEqual(expect.arrayContaining(['PVR', 'Toit']));
    expect(c.terms).not.toContain('groceries');
  });

  it.each(['treats', 'sweets', 'desserts'])('%s → sweets', (phrase) => {
    const c = must(phrase);
    expect(cats(c)).toEqual(['food/sweets']);
    expect(c.terms).toEqual(expect.arrayContaining(['jalebi', 'gulab jamun', 'ice cream']));
  });

  it('groceries', () => {
    const c = must('groceries');
    expect(cats(c)).toEqual(['food/groceries']);
    expect(c.merchants).toEqual(expect.arrayContaining(['BigBasket', 'DMart', 'Blinkit', 'Zepto']));
    expect(c.terms).toEqual(expect.arrayContaining(['atta', 'sabzi', 'milk']));
  });
});

describe('resolveConcept: primaries and details', () => {
  it.each([
    ['food', 'food'], ['transport', 'transport'], ['shopping', 'shopping'], ['housing', 'housing'], ['utilities', 'utilities'],
    ['health', 'health'], ['entertainment', 'entertainment'], ['travel', 'travel'], ['education', 'education'],
    ['personal care', 'personal_care'], ['gifts', 'gifts'], ['fees', 'fees'], ['transportation', 'transport'],
  ])('%s → whole %s', (phrase, primary) => {
    const c = must(phrase);
    expect(c.categories).toEqual([{ primary, detail: null }]);
    expect(c.terms.length).toBeLessThan(5);
  });

  it.each([
    ['food delivery', 'food/delivery'], ['rent', 'housing/rent'], ['fuel', 'transport/fuel'], ['electricity', 'utilities/electricity'],
    ['internet', 'utilities/internet'], ['flights', 'travel/flights'], ['hotels', 'travel/hotels'], ['streaming', 'entertainment/streaming'],
    ['movies', 'entertainment/movies'], ['taxis', 'transport/taxi'], ['household help', 'housing/help'], ['lab tests', 'health/lab'],
    ['parking', 'transport/parking'], ['tolls', 'transport/tolls'], ['snacks', 'food/snacks'], ['taxes', 'fees/taxes'],
  ])('%s → %s', (phrase, cat) => {
    expect(cats(must(phrase))).toEqual([cat]);
  });

  it('rent includes its own word', () => {
    expect(must('rent').terms).toEqual(expect.arrayContaining(['rent', 'kiraya', 'house rent']));
  });
});

describe('resolveConcept: merchants and items', () => {
  it('rapido → merchant Rapido only', () => {
    const c = must('rapido');
    expect(c).toMatchObject({ label: 'Rapido', categories: [], merchants: ['Rapido'], via: 'lexicon' });
    expect(c.terms).toContain('rapido');
  });

  it.each([['hotstar', 'JioHotstar'], ['ccd', 'Cafe Coffee Day'], ['Swiggy', 'Swiggy'], ['dmart', 'DMart'], ['uber', 'Uber']])(
    '%s → %s',
    (phrase, merchant) => {
      expect(must(phrase).merchants).toEqual([merchant]);
    },
  );

  it('a lexicon item is a concept of its own word', () => {
    const c = must('biryani');
    expect(c).toMatchObject({ label: 'biryani', categories: [], merchants: [], via: 'lexicon' });
    expect(c.terms[0]).toBe('biryani');
  });

  it('repairs typos and strips question words', () => {
    expect(must('cofee').label).toBe('coffee');
    expect(must('on my car').label).toBe('vehicle');
    expect(must('grocery').label).toBe('groceries');
    // Petrol is its own kind of fuel (a diesel car's rows are not it), still inside Fuel.
    expect(must('petrol expenses')).toMatchObject({ label: 'petrol', categories: [{ primary: 'transport', detail: 'fuel' }], unless: expect.arrayContaining(['diesel']) });
    expect(must('fuel costs').label).toBe('fuel');
  });
});

describe('resolveConcept: WordNet for words the lexicon lacks', () => {
  it('beverages widens to known drinks below it', () => {
    const c = must('beverages');
    expect(c.via).toBe('wordnet');
    expect(c.terms).toEqual(expect.arrayContaining(['coffee', 'tea', 'latte']));
    expect(c.terms).not.toContain('samosa');
  });

  it('an unknown word with no relation to spending is null', () => {
    expect(resolveConcept('xyzzyq')).toBeNull();
    expect(resolveConcept('')).toBeNull();
  });
});

describe('suggestConcepts', () => {
  it('offers close known phrases', () => {
    expect(suggestConcepts('sofft drinks')).toContain('soft drinks');
    expect(suggestConcepts('grocerys')[0]).toMatch(/^grocer/);
    expect(suggestConcepts('petorl')).toContain('petrol');
    expect(suggestConcepts('rapidoo')).toContain('Rapido');
  });

  it('respects the limit and returns nothing for far-off words', () => {
    expect(suggestConcepts('coffe', 2).length).toBeLessThanOrEqual(2);
    expect(suggestConcepts('qqqqqqqqqqqq')).toEqual([]);
  });
});

describe('resolveConcept: smoking', () => {
  it('covers tobacco', () => {
    const c = must('cigarettes');
    expect(cats(c)).toEqual(['other/tobacco']);
    expect(c.terms).toEqual(expect.arrayContaining(['cigarette', 'bidi', 'gutka']));
  });
});

describe('resolveConcept: Hinglish and everyday category words', () => {
  it.each([
    ['bijli', 'utilities/electricity'], ['kiraya', 'housing/rent'], ['maid', 'housing/help'], ['wifi', 'utilities/internet'],
    ['recharge', 'utilities/mobile'], ['cylinder', 'utilities/gas'], ['haircut', 'personal_care/salon'], ['cab', 'transport/taxi'],
    ['electricity bill', 'utilities/electricity'], ['phone bill', 'utilities/mobile'], ['gym fees', 'health/gym'],
    ['water bill', 'utilities/water'], ['dawai', 'health/pharmacy'], ['safar', 'travel'],
  ])('%s → %s', (phrase, cat) => {
    expect(cats(must(phrase))).toEqual([cat]);
  });

  it('insurance covers both kinds', () => {
    expect(cats(must('insurance'))).toEqual(['fees/insurance', 'health/insurance']);
  });

  it('pets, loans and parties', () => {
    expect(must('my dog')).toMatchObject({ label: 'pets', categories: [] });
    expect(must('pets').terms).toEqual(expect.arrayContaining(['dog food', 'vet', 'cat litter']));
    expect(must('pets').terms).not.toContain('doctor');
    expect(must('emi').terms).toEqual(expect.arrayContaining(['emi', 'loan']));
    expect(must('parties').label).toBe('party');
  });

  it('item concepts carry their other names, not WordNet oddities', () => {
    expect(must('doodh').terms).toEqual(expect.arrayContaining(['doodh', 'milk']));
    expect(must('milk').terms).toContain('doodh');
    expect(must('phone').terms).toEqual(['phone']);
  });
});

describe('resolveConcept: group words', () => {
  it.each([
    ['dairy', 'paneer'], ['non veg', 'chicken'], ['bakery', 'pav'], ['baby', 'diapers'], ['cleaning supplies', 'harpic'],
    ['kitchen', 'tawa'], ['fast food', 'burger'], ['music', 'music'], ['supplements', 'whey protein'], ['jewellery', 'earrings'],
    ['diwali', 'crackers'], ['holi', 'gulal'], ['wedding', 'shagun'], ['birthday', 'birthday cake'], ['cricket', 'cricket bat'],
  ])('%s includes %s', (phrase, term) => {
    expect(must(phrase).terms).toContain(term);
  });

  it('lists the merchants a concept names', () => {
    expect(must('fast food').merchants).toEqual(expect.arrayContaining(["McDonald's", 'KFC', "Domino's"]));
    expect(must('music').merchants).toContain('Spotify');
  });

  it('every merchant a concept names exists in the lexicon with that spelling', async () => {
    const CONCEPTS = (await import('./data/load.js')).loadConcepts();
    const { LEXICON } = await import('./lexicon.js');
    const known = new Set([...LEXICON.merchants.values()].map((m) => m.entry.canonical));
    for (const def of CONCEPTS) {
      for (const m of (def.merchants ?? '').split(',').map((x) => x.trim()).filter(Boolean)) expect(known, `${def.label}: ${m}`).toContain(m);
    }
  });

  it('a generic word is not added as a search term of its own concept', () => {
    expect(must('bills').terms).not.toContain('bills');
  });
});

describe('resolveConcept: finer families', () => {
  it('vegetables are the vegetables, not all groceries', () => {
    const c = must('vegetables');
    expect(c.categories).toEqual([]);
    expect(c.terms).toEqual(expect.arrayContaining(['onion', 'tomato', 'aloo', 'sabzi', 'bhindi']));
    for (const t of ['milk', 'atta', 'rice', 'eggs', 'bread']) expect(c.terms, t).not.toContain(t);
    expect(must('sabzi').label).toBe('vegetables');
  });

  it.each([
    ['antibiotics', 'azithromycin', 'paracetamol'], ['cough and cold', 'cough syrup', 'azithromycin'],
    ['allergy', 'cetirizine', 'digene'], ['acidity', 'digene', 'cetirizine'], ['first aid', 'band aid', 'crocin'],
  ])('%s includes %s, not %s', (phrase, inside, outside) => {
    const c = must(phrase);
    expect(c.terms).toContain(inside);
    expect(c.terms).not.toContain(outside);
    expect(c.categories).toEqual([]);
  });
});

describe('resolveConcept: snack and drink families', () => {
  it.each([
    ['ice cream', 'kulfi', 'jalebi'], ['chocolates', 'dairy milk', 'ladoo'], ['biscuits', 'parle g', 'lays'],
    ['chips', 'kurkure', 'oreo'], ['juice', 'sugarcane juice', 'coke'], ['juice', 'orange juice', 'lassi'],
  ])('%s includes %s, not %s', (phrase, inside, outside) => {
    const c = must(phrase);
    expect(c.terms).toContain(inside);
    expect(c.terms).not.toContain(outside);
  });

  it('ice cream names the parlours; hot drinks is coffee and tea', () => {
    expect(must('ice cream').merchants).toEqual(expect.arrayContaining(['Baskin Robbins', 'Naturals Ice Cream']));
    expect(cats(must('hot drinks'))).toEqual(['food/coffee', 'food/tea']);
  });
});

describe('resolveConcept: longer phrasings', () => {
  it.each([
    ['pain medicine', 'painkillers'], ['painkiller tablets', 'painkillers'], ['streaming subscriptions', 'subscriptions'],
    ['autos and cabs', 'taxis'], ['my petrol bills', 'petrol'], ['rapido rides', 'Rapido'], ['swiggy orders', 'Swiggy'],
    ['uber trips', 'Uber'],
  ])('%s → %s', (phrase, label) => {
    expect(must(phrase).label).toBe(label);
  });

  it('keeps a known item phrase as itself', () => {
    expect(must('cold coffee')).toMatchObject({ label: 'cold coffee', categories: [] });
    expect(must('chicken biryani').label).toBe('chicken biryani');
  });
});

describe('resolveConcept: what was bought for university', () => {
  it('covers course books, calculators and printing, never the whole of education', () => {
    const c = must('university stuff');
    expect(c.label).toBe('uni');
    expect(c.categories).toEqual([]);
    for (const t of ['textbook', 'scientific calculator', 'print credit', 'lab coat']) expect(c.terms, t).toContain(t);
    for (const t of ['school uniform', 'school trip', 'quran class']) expect(c.terms, t).not.toContain(t);
  });
});
