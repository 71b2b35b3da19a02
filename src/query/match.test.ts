import { describe, expect, it } from 'vitest';
import { compileAny, compileMatcher, merchantVariants, singularForms } from './match.js';
import { ftsQuery } from './execute.js';

const row = (search_text: string, category = 'food', detail: string | null = null, merchant: string | null = null) => ({ search_text, category, detail, merchant });

describe('compileMatcher', () => {
  it('matches terms on word boundaries, plurals allowed', () => {
    const m = compileMatcher({ categories: [], terms: ['ice', 'tender coconut', '7up'], merchants: [] });
    expect(m.test(row('price of rice'))).toBe(false);
    expect(m.test(row('ice cream'))).toBe(true);
    expect(m.test(row('two tender coconuts roadside'))).toBe(true);
    expect(m.test(row('7up with lunch'))).toBe(true);
    expect(m.test(row('7upx'))).toBe(false);
    expect(m.test(row('two 7 ups'))).toBe(true);
    expect(compileMatcher({ categories: [], terms: ['coca cola'], merchants: [] }).test(row('coca-cola can'))).toBe(true);
    expect(m.sqlExact).toBe(false);
  });
  it('matches categories (a null detail covers the primary)', () => {
    const m = compileMatcher({ categories: [{ primary: 'health', detail: null }, { primary: 'food', detail: 'coffee' }], terms: [], merchants: [] });
    expect(m.test(row('x', 'health', 'doctor'))).toBe(true);
    expect(m.test(row('x', 'food', 'coffee'))).toBe(true);
    expect(m.test(row('x', 'food', 'tea'))).toBe(false);
    expect(m.sqlExact).toBe(true);
  });
  it('matches merchants case-insensitively', () => {
    const m = compileMatcher({ categories: [], terms: [], merchants: ['Cafe Coffee Day'] });
    expect(m.test(row('espresso cafe coffee day', 'food', null, 'CAFE COFFEE DAY'))).toBe(true);
  });
  it('does not let a generic word pull in a row filed under a sibling detail', () => {
    const vehicle = compileMatcher({ categories: [{ primary: 'transport', detail: 'fuel' }, { primary: 'transport', detail: 'vehicle' }], terms: ['bike', 'scooter'], merchants: [] });
    expect(vehicle.test(row('rapido bike taxi rapido', 'transport', 'taxi', 'Rapido'))).toBe(false);
    expect(vehicle.test(row('scooter petrol', 'transport', 'fuel'))).toBe(true);
    // An unfiled row, or one in another primary, still counts by its words.
    expect(vehicle.test(row('bike helmet', 'shopping', 'sports'))).toBe(true);
    expect(vehicle.test(row('bike wash', 'transport', null))).toBe(true);
  });
  it('does not let a concept\'s shop pull in a row filed as something else there', () => {
    const groceries = compileMatcher({ categories: [{ primary: 'food', detail: 'groceries' }], terms: ['milk'], merchants: ['Target'], names: ['groceries'] });
    expect(groceries.test(row('headphones target', 'shopping', 'electronics', 'Target'))).toBe(false);
    expect(groceries.test(row('diesel target', 'transport', 'fuel', 'Target'))).toBe(false);
    expect(groceries.test(row('bagels target', 'food', 'snacks', 'Target'))).toBe(false);
    // An unfiled row at the shop, one filed as the concept, or one in its primary naming a member, still counts.
    expect(groceries.test(row('milk and bagels target', 'food', 'snacks', 'Target'))).toBe(true);
    expect(groceries.test(row('weekly shop target', 'food', null, 'Target'))).toBe(true);
    expect(groceries.test(row('weekly shop target', 'food', 'groceries', 'Target'))).toBe(true);
    // Filed by how it was bought, not what it was.
    expect(groceries.test(row('big order target', 'shopping', 'online', 'Target'))).toBe(true);
    // A shop asked for by itself (no categories) keeps every row there.
    expect(compileMatcher({ categories: [], terms: [], merchants: ['Target'] }).test(row('headphones target', 'shopping', 'electronics', 'Target'))).toBe(true);
  });
  it('keeps each matcher\'s veto to itself when several are OR-ed', () => {
    const any = compileAny([
      { categories: [{ primary: 'food', detail: 'coffee' }], terms: ['latte'], merchants: [] },
      { categories: [], terms: ['beer'], merchants: [] },
    ]);
    expect(any.test(row('beer pints', 'food', 'alcohol'))).toBe(true);
  });
});

describe('singularForms', () => {
  it('adds singular candidates', () => {
    expect(singularForms('painkillers')).toContain('painkiller');
    expect(singularForms('berries')).toContain('berry');
    expect(singularForms('sandwiches')).toContain('sandwich');
    expect(singularForms('glass')).toEqual(['glass']);
    expect(singularForms('bus')).toEqual(['bus']);
  });
});

describe('merchantVariants', () => {
  it('covers the usual casings', () => {
    const v = merchantVariants('cafe coffee day');
    expect(v).toContain('Cafe Coffee Day');
    expect(v).toContain('CAFE COFFEE DAY');
    expect(merchantVariants('rapido')).toContain('Rapido');
  });
});

describe('ftsQuery', () => {
  it('quotes each word list entry as a phrase with a prefix last token', () => {
    expect(ftsQuery(['mountain dew', '7up', 'coca-cola', 'dr. pepper"s'])).toBe('"mountain dew" * OR "7up" * OR "7 up" * OR "coca cola" * OR "dr pepper s" *');
    expect(ftsQuery(['', '!!'])).toBe(null);
  });
});

describe('member words inside the name of another thing', () => {
  it('blockers hide them from the member words, not from the owner\'s own words', () => {
    const m = compileMatcher({ categories: [{ primary: 'food', detail: 'groceries' }], terms: ['pepper', 'vanilla', 'groceries'], merchants: [], names: ['groceries'], blockers: ['dr pepper'] });
    expect(m.test(row('dr pepper 2 liter', 'other'))).toBe(false);
    expect(m.test(row('black pepper', 'other'))).toBe(true);
    expect(m.test(row('dr pepper and groceries', 'other'))).toBe(true);
  });
  it('a concept tied to no category counts its member words only in the primaries they are filed under', () => {
    const veg = compileMatcher({ categories: [], terms: ['sem', 'lauki', 'sabzi'], merchants: [], names: ['sabzi'], homes: ['food'] });
    expect(veg.test(row('lauki mandi se', 'food', 'groceries'))).toBe(true);
    // "sem" (broad beans) inside the note of a college fee ("sem fee") is no vegetable.
    expect(veg.test(row('college fee riya sem fee', 'education', 'fees'))).toBe(false);
    // The owner's own word still counts wherever it was filed.
    expect(veg.test(row('sabzi wala tip', 'other', null))).toBe(true);
  });
  it('a shop asked about by name does not count a longer-named shop, however often its name is written on the row', () => {
    const uber = compileMatcher({ categories: [], terms: ['uber'], merchants: ['Uber'], shop: true });
    // The note repeats the merchant ("pad see ew Uber Eats 31"): every copy of the other shop's name is not this shop.
    expect(uber.test(row('pad see ew uber eats pad see ew uber eats 31', 'food', 'delivery', 'Uber Eats'))).toBe(false);
    expect(uber.test(row('airport cab uber eats promo used', 'transport', 'taxi', 'Uber Eats'))).toBe(false);
    expect(uber.test(row('cab to work uber', 'transport', 'taxi', 'Uber'))).toBe(true);
    expect(uber.test(row('dinner ordered on uber', 'food', 'delivery', 'Uber Eats'))).toBe(true);
  });
  it('at a concept\'s shop, a row filed elsewhere counts by what it bought, not its note', () => {
    const m = compileMatcher({ categories: [{ primary: 'food', detail: 'groceries' }], terms: ['vanilla', 'flour'], merchants: ['Kroger'], names: ['groceries'] });
    expect(m.test({ ...row('frozen custard kroger french vanilla', 'food', 'sweets', 'Kroger'), item: 'frozen custard' })).toBe(false);
    expect(m.test({ ...row('flour and sugar kroger', 'food', 'sweets', 'Kroger'), item: 'flour and sugar' })).toBe(true);
  });
});
