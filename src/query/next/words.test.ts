import { describe, expect, it } from 'vitest';
import { categoryNamed, categoriesFor } from '../../categories/index.js';
import { contextFromSettings } from '../../language/context.js';
import { defaultConcepts } from '../concepts.js';
import { planNext } from './plan.js';

// Question words met in the round-3 sets, each checked here in other sentences than the sets'.
const plan = (q: string, locale = 'en-IN', currency = 'INR', timeZone = 'Asia/Kolkata') => {
  const language = contextFromSettings(new Date('2026-11-20T12:00:00Z'), { timeZone, currency, locale, dayFirst: true, weekStartsOn: 1 }, true);
  const cats = categoriesFor(language.pack.regions);
  const r = planNext(q, {
    language, categoryNamed, isThing: cats.isKnownWord,
    isTerm: (p) => cats.findKnownTerms(p.split(' ')).length > 0,
    isName: (p) => { const w = p.split(' '); return cats.findKnownTerms(w).some((k) => k.start === 0 && k.end === w.length); },
  });
  if (r.kind !== 'plan') throw new Error(`${q}: ${JSON.stringify(r)}`);
  return r.plan;
};

describe('Hindi verbs of money going out', () => {
  it('ask for a total and are no subject', () => {
    const p = plan('petrol pe kitne nikle is mahine');
    expect(p.op).toBe('sum');
    expect(p.filters.subjects).toEqual(['petrol']);
    expect(plan('gutkha mein kitna phoonk diya').filters.subjects).toEqual(['gutkha']);
  });
  it('"sabse mehenge" ranks by amount', () => {
    const p = plan('is saal ki sabse mehengi 2 payments');
    expect(p.op).toBe('top');
    expect(p.limit).toBe(2);
    expect(p.filters.subjects).toEqual([]);
  });
  it('"chal raha" asks nothing', () => {
    expect(plan('is hafte ka kharcha kya chal raha hai').filters.subjects).toEqual([]);
  });
});

describe('"what\'d"', () => {
  it('is a question word', () => {
    const p = plan("what'd I drop last weekend", 'en-US', 'USD', 'America/Chicago');
    expect(p.filters.subjects).toEqual([]);
  });
});

describe('everyday names of what is asked about', () => {
  it('reach their concept or category', () => {
    expect(defaultConcepts(['GB']).resolve('bevvy')?.label).toBe('alcohol');
    expect(defaultConcepts(['AU']).resolve('grog')?.label).toBe('alcohol');
    expect(defaultConcepts(['IN']).resolve('dawaiyan')?.label).toBe('medicine');
    expect(categoryNamed('padhaai')).toEqual({ primary: 'education', detail: null });
    expect(defaultConcepts(['US']).resolve('tag renewal')?.label).toBe('vehicle');
  });
});

describe('a second phrase that only says what the first was for or what was done to it', () => {
  it('"for the X" narrows, it does not add X', () => {
    const p = plan('how much diesel for the truck last month', 'en-AU', 'AUD', 'Australia/Sydney');
    expect(p.filters.subjects).toEqual(['diesel']);
    expect(p.filters.within).toEqual(['truck']);
    // Only right before the phrase: a period in between leaves a list of shops a list.
    expect(plan('grocery total for may? woolies, coles etc', 'en-AU', 'AUD', 'Australia/Sydney').filters.within).toEqual([]);
  });
  it('a verb that is also an occasion ("recharge", "order") beside a subject is no second thing', () => {
    expect(plan('airtel ka recharge kitne ka hua sep mein').filters.subjects).toEqual(['airtel']);
    expect(plan('recharge pe kitna gaya').filters.subjects).toEqual(['recharge']);
  });
});

describe('a verb phrase that is the everyday name of what is asked about', () => {
  it('"fill-ups" is fuel asked about; before a thing it is only the verb', () => {
    expect(plan('most expensive fill-up this year', 'en-AU', 'AUD', 'Australia/Sydney').filters.subjects).toEqual(['fill up']);
    expect(plan('how many fill ups since march', 'en-AU', 'AUD', 'Australia/Sydney').filters.subjects).toEqual(['fill ups']);
    expect(plan('how often did we fill up diesel last week', 'en-AU', 'AUD', 'Australia/Sydney').filters.subjects).toEqual(['diesel']);
  });
});

describe('two category names joined by "&"', () => {
  it('mean either of them when together they name nothing', () => {
    const p = plan('show rent & repairs since june', 'en-AU', 'AUD', 'Australia/Sydney');
    expect(p.filters.subjects.length + p.filters.categories.length).toBe(2);
    expect(plan('how much at marks & spencer', 'en-GB', 'GBP', 'Europe/London').filters.subjects).toEqual(['marks spencer']);
  });
});

describe('Marathi and Bengali question words (round-4 sets, other sentences)', () => {
  it('Marathi: "magchya aathavdyat petrol var kiti gele"', () => {
    const p = plan('magchya aathavdyat petrol var kiti gele');
    expect(p.op).toBe('sum');
    expect(p.filters.subjects).toEqual(['petrol']);
    expect(p.periods[0]!.from).toBe('2026-11-09');
    expect(p.periodAssumed).toBe(false);
  });
  it('Marathi: "october pasun saglyat mothe 3 kharche" ranks since October', () => {
    const p = plan('october pasun saglyat mothe 3 kharche');
    expect(p.op).toBe('top');
    expect(p.limit).toBe(3);
    expect(p.periods[0]!.from).toBe('2026-10-01');
  });
  it('Bengali: "gato mashe bajar e koto khoroch holo"', () => {
    const p = plan('gato mashe bajar e koto khoroch holo');
    expect(p.op).toBe('sum');
    expect(p.periods[0]!.from).toBe('2026-10-01');
    expect(p.periodAssumed).toBe(false);
  });
});
