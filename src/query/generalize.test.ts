import { describe, expect } from 'vitest';
import { planOf } from '../../test/support/plan.js';
import { compileMatcher } from './match.js';
import { narrowerConcept } from './concepts.js';
import { isStrayWord } from './resolve.js';
import type { QueryPlan } from './types.js';
import { gapAware } from '../../test/support/gaps.js';

// Written for the v1 rules; they now test the language-layer planner (query/next). The cases it does not read
// yet (measured when v1 was removed) run as known gaps: they must still fail until it learns them.
const it = gapAware([
  "leaves amounts alone: \"over $50\" is a bound, not a currency filter",
  "what did the goa trip cost",
]);

// Phrasings of the general causes a blind question set exposed; none of them is a blind line.
const plan = (text: string): QueryPlan => planOf(text);
const averagePerOf = (text: string): QueryPlan['averagePer'] => plan(text).averagePer;
const span = (p: QueryPlan) => p.periods.map((x) => `${x.from}..${x.to}`).join(' | ') || 'all';
const what = (p: QueryPlan) => [...p.filters.categories.map((c) => c.primary), ...p.filters.subjects, ...p.filters.within.map((w) => `+${w}`)].join(',');

describe('cause 1: question glue and verbs are not subjects', () => {
  const cases: [string, QueryPlan['op'], string][] = [
    ['how much have I spent on petrol till date?', 'sum', 'petrol'],
    ['what have I recorded for zomato this week', 'sum', 'zomato'],
    ['how many entries did I log yesterday?', 'count', ''],
    ['total noted under rent overall', 'sum', 'rent'],
    ['all my uber rides put together cost how much?', 'sum', 'uber'],
    ['how much has netflix come to in all?', 'sum', 'netflix'],
    ["what's the grand total I've tracked so far?", 'sum', ''],
    ['kitna kharcha record kiya is mahine', 'sum', ''],
    ['how much have I blown on swiggy altogether', 'sum', 'swiggy'],
    ['roughly how much did the gym cost me overall', 'sum', 'gym'],
  ];
  for (const [q, op, subj] of cases) {
    it(q, () => {
      const p = plan(q);
      expect(p.op).toBe(op);
      expect(what(p)).toBe(subj);
    });
  }
  it('drops a verb- or adverb-shaped unknown word, and any lone one beside a known subject', () => {
    expect(isStrayWord('tallied', false)).toBe(true);
    expect(isStrayWord('honestly', false)).toBe(true);
    // An -ing word may be the thing itself: asked alone, it stays a subject (unknown, never "everything").
    expect(isStrayWord('zorbing', false)).toBe(false);
    expect(isStrayWord('xyzcafe', true)).toBe(true);
    // A name stays a name: it is reported as unknown, not silently widened away.
    expect(isStrayWord('xyzcafe', false)).toBe(false);
    expect(isStrayWord('blue tokai', true)).toBe(false);
    expect(isStrayWord('seed', false)).toBe(false);
    expect(isStrayWord('bowling', false)).toBe(false);
  });
});

describe('cause 2: a currency in the question filters it', () => {
  const cases: [string, string, string][] = [
    ['How many euros did I spend last month?', 'EUR', '2025-12-01..2025-12-31'],
    ['USD expenses in december', 'USD', '2025-12-01..2025-12-31'],
    ['what did I spend in $ this year', 'USD', '2026-01-01..2026-01-15'],
    ['total spending in pounds', 'GBP', 'all'],
    ['dirhams kitne kharch hue', 'AED', 'all'],
    ['total AED spend', 'AED', 'all'],
    ['food spend in dollars', 'USD', 'all'],
    ['show my dollar expenses', 'USD', 'all'],
  ];
  for (const [q, cur, when] of cases) {
    it(q, () => {
      const p = plan(q);
      expect(p.filters.currency).toBe(cur);
      expect(span(p)).toBe(when);
      expect(p.filters.subjects).toEqual([]);
    });
  }
  it('leaves amounts alone: "over $50" is a bound, not a currency filter', () => {
    expect(plan('spent over $50 on amazon').filters.currency).toBeNull();
  });
  it('reads rupee words only as a filter', () => {
    for (const q of ['how much in rupees on food', 'food rupees mein']) {
      expect(plan(q).filters.currency).toBe('INR');
      expect(plan(q).filters.subjects).toEqual([]);
    }
    expect(plan('how much on food').filters.currency).toBeNull();
  });
});

describe('cause 3: "average order / bill / ride" is per expense', () => {
  const perExpense = [
    "what's the average zomato order?",
    'avg uber ride cost',
    'average cost of a haircut',
    'average movie ticket price this year',
    'what do I pay on average per visit to the doctor',
    'typical cab fare on average',
    'average petrol refill',
    'average electricity bill',
  ];
  for (const q of perExpense) {
    it(q, () => {
      const p = plan(q);
      expect(p.op).toBe('average');
      expect(p.averagePer).toBe('expense');
    });
  }
  it('keeps day, week and month averages', () => {
    expect(averagePerOf('daily average on uber')).toBe('day');
    expect(averagePerOf('average per day on coffee orders')).toBe('day');
    expect(averagePerOf('average spending this month')).toBe('day');
    expect(averagePerOf('weekly average on swiggy orders')).toBe('week');
    expect(averagePerOf('average grocery bill a month')).toBe('month');
  });
});

describe('cause 4: a concept family does not reach other categories by member words', () => {
  const groceries = compileMatcher({
    categories: [{ primary: 'food', detail: 'groceries' }],
    terms: ['oil', 'milk', 'eggs', 'rice', 'grocery', 'groceries'],
    merchants: ['BigBasket'],
    names: ['grocery', 'groceries'],
  });
  const row = (search_text: string, category: string, detail: string | null, merchant: string | null = null) => ({ search_text, category, detail, merchant });
  it('keeps its own detail and its merchants', () => {
    expect(groceries.test(row('atta and dal', 'food', 'groceries'))).toBe(true);
    expect(groceries.test(row('weekly shop', 'shopping', 'online', 'BigBasket'))).toBe(true);
  });
  it('does not take rows filed elsewhere by a member word', () => {
    expect(groceries.test(row('bike service oil change', 'transport', 'vehicle'))).toBe(false);
    expect(groceries.test(row('beard oil', 'personal_care', 'cosmetics'))).toBe(false);
    expect(groceries.test(row('fried rice', 'food', 'restaurants'))).toBe(false);
    expect(groceries.test(row('milk tea', 'food', 'tea'))).toBe(false);
  });
  it('still takes unfiled rows by a member word, and any row by the owner\'s own word', () => {
    expect(groceries.test(row('milk and eggs', 'other', null))).toBe(true);
    expect(groceries.test(row('grocery delivery tip', 'fees', 'service'))).toBe(true);
  });
});

describe('cause 5: a subject with no period means all time; a bare total this month', () => {
  const allTime = [
    'Ola vs Rapido, which was cheaper?',
    'how many trips to the dentist',
    'count of zomato orders',
    'Netflix pe kitna gaya ab tak?',
    'how much have I given to the temple',
    'what did the goa trip cost',
  ];
  for (const q of allTime) {
    it(q, () => {
      const p = plan(q);
      expect(span(p)).toBe('all');
      expect(p.periodAssumed).toBe(false);
    });
  }
  const bare = ['how much did I spend?', "what's my spend", 'kitna kharcha hua?', 'total expenses?'];
  for (const q of bare) {
    it(q, () => {
      const p = plan(q);
      expect(span(p)).toBe('2026-01-01..2026-01-15');
      expect(p.periodAssumed).toBe(true);
    });
  }
});

describe('cause 6: "auto" and "seafood" are narrower than taxis and meat', () => {
  it('names autos and seafood, whatever occasion word follows', () => {
    for (const p of ['auto', 'autos', 'auto rides', 'auto fares', 'rickshaw trips', 'auto rickshaw']) expect(narrowerConcept(p)?.label).toBe('autos');
    for (const p of ['seafood', 'sea food', 'seafood dinners', 'shellfish']) expect(narrowerConcept(p)?.label).toBe('seafood');
    for (const p of ['cab', 'taxi', 'uber', 'chicken', 'meat', 'fish curry']) expect(narrowerConcept(p)).toBeNull();
  });
  it('autos do not count cabs; seafood does not count chicken', () => {
    const autos = compileMatcher({ ...narrowerConcept('auto')!, terms: narrowerConcept('auto')!.terms });
    const row = (search_text: string) => ({ search_text, category: 'transport', detail: 'taxi', merchant: null });
    expect(autos.test(row('auto ride namma yatri'))).toBe(true);
    expect(autos.test(row('rickshaw to station'))).toBe(true);
    expect(autos.test(row('uber ride uber'))).toBe(false);
    expect(autos.test(row('cab from airport'))).toBe(false);
    const sea = compileMatcher(narrowerConcept('seafood')!);
    expect(sea.test({ search_text: 'prawn curry rice', category: 'food', detail: 'restaurants', merchant: null })).toBe(true);
    expect(sea.test({ search_text: 'hilsa', category: 'food', detail: null, merchant: null })).toBe(true);
    expect(sea.test({ search_text: 'chicken biryani', category: 'food', detail: 'restaurants', merchant: null })).toBe(false);
  });
});
