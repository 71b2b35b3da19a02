import { describe, expect, it } from 'vitest';
import { categoriesFor, categoryNamed, findKnownTerms, isKnownWord } from '../../categories/index.js';
import { contextFromSettings } from '../../language/context.js';
import { planNext } from './plan.js';

const language = contextFromSettings(new Date('2026-11-20T23:00:00Z'), { timeZone: 'America/New_York', currency: 'USD', locale: 'en-US', dayFirst: false, weekStartsOn: 1 }, true);
const opts = {
  language, categoryNamed, isThing: isKnownWord,
  isTerm: (p: string) => findKnownTerms(p.split(' ')).length > 0,
  isName: (p: string) => { const w = p.split(' '); return findKnownTerms(w).some((k) => k.start === 0 && k.end === w.length); },
};
const subjects = (q: string) => {
  const r = planNext(q, opts);
  if (r.kind !== 'plan') throw new Error(`${q}: ${JSON.stringify(r)}`);
  return { categories: r.plan.filters.categories.map((c) => c.primary), subjects: r.plan.filters.subjects };
};

describe('a category with a list of examples', () => {
  it('splits a run of names that is no name itself', () => {
    expect(subjects('show all my personal care stuff, haircuts toiletries etc')).toEqual({ categories: ['personal_care'], subjects: ['haircuts', 'toiletries'] });
    expect(subjects('transport since 11/1 - subway taxis ubers all of it').subjects).toEqual(['subway', 'taxis', 'ubers']);
  });
  it('keeps a name of several words, and a thing done, whole', () => {
    expect(subjects('how much on ice cream this month').subjects).toEqual(['ice cream']);
    expect(subjects('how often did we wash the car').subjects).toEqual(['wash the car']);
  });
});

describe('"in total" without a period', () => {
  it('asks about all time; with a period it keeps the period', () => {
    const all = planNext('how much did I spend in total?', opts);
    const month = planNext('how much did I spend in total this month?', opts);
    if (all.kind !== 'plan' || month.kind !== 'plan') throw new Error('no plan');
    expect(all.plan.periods).toEqual([]);
    expect(month.plan.periods.map((p) => p.label)).toEqual(['this month']);
  });
});

describe('a lexicon name written with glue words or hyphens', () => {
  // The owner's regions' lexicon, as query/answer.ts passes it.
  const us = categoriesFor(language.pack.regions);
  const usOpts = {
    language, categoryNamed, isThing: us.isKnownWord,
    isTerm: (p: string) => us.findKnownTerms(p.split(' ')).length > 0,
    isName: (p: string) => { const w = p.split(' '); return us.findKnownTerms(w).some((k) => k.start === 0 && k.end === w.length); },
  };
  const usSubjects = (q: string) => {
    const r = planNext(q, usOpts);
    return r.kind === 'plan' ? r.plan.filters.subjects : [];
  };
  it('is one subject, not its content words alone', () => {
    expect(usSubjects('what did we spend at save a lot last month')).toEqual(['save a lot']);
    expect(usSubjects('Chick-fil-A spending this year?')).toEqual(['chick fil a']);
  });
});

describe('a word for one occasion after a shop, in other languages', () => {
  const at = (locale: string, timeZone: string, currency: string) => ({
    ...opts,
    language: contextFromSettings(new Date('2026-11-20T12:00:00Z'), { timeZone, currency, locale, dayFirst: true, weekStartsOn: 1 }, true),
  });
  const plan = (q: string, o: typeof opts) => {
    const r = planNext(q, o);
    if (r.kind !== 'plan') throw new Error(`${q}: ${JSON.stringify(r)}`);
    return { categories: r.plan.filters.categories.map((c) => c.primary), subjects: r.plan.filters.subjects };
  };
  it('Dutch "bestellingen", "aankopen" after a name are that name\'s, not the shopping category', () => {
    const nl = at('nl-NL', 'Europe/Amsterdam', 'EUR');
    expect(plan('alle thuisbezorgd bestellingen van mei', nl)).toEqual({ categories: [], subjects: ['thuisbezorgd'] });
    expect(plan('hoeveel aan hema aankopen deze maand', nl)).toEqual({ categories: [], subjects: ['hema'] });
  });
  it('Hindi "saari" (all) before a name asks for all of them, not for a sari', () => {
    const hi = at('en-IN', 'Asia/Kolkata', 'INR');
    expect(plan('is mahine ki saari uber rides dikhao', hi).subjects).toEqual(['uber']);
  });
});

describe('an order asked for without a count', () => {
  const ranked = (q: string) => {
    const r = planNext(q, opts);
    if (r.kind !== 'plan') throw new Error(q);
    return { op: r.plan.op, order: r.plan.order, limit: r.plan.limit };
  };
  it('"highest to lowest" ranks every match from the biggest; "lowest" inside it is not the smallest', () => {
    expect(ranked('rank my phone bills this year highest to lowest')).toMatchObject({ op: 'top', order: 'largest' });
    expect(ranked('rank my phone bills this year highest to lowest').limit).toBeGreaterThan(10);
    expect(ranked('list the grocery runs in march cheapest first')).toMatchObject({ op: 'top', order: 'smallest' });
  });
  it('a plain "lowest" is still the one smallest', () => {
    expect(ranked('lowest grocery bill in march')).toEqual({ op: 'top', order: 'smallest', limit: 1 });
  });
});

describe('months and rankings in British and possessive wording', () => {
  const p = (q: string) => {
    const r = planNext(q, opts);
    if (r.kind !== 'plan') throw new Error(q);
    return r.plan;
  };
  it('a month with "\'s" is the month ("october\'s groceries")', () => {
    const plan = p("what were october's groceries");
    expect(plan.periods.map((x) => x.label)).toEqual(['in October']);
    expect(plan.filters.subjects).toEqual(['groceries']);
  });
  it('"dearest" ranks like "priciest"', () => {
    expect(p('the 2 dearest takeaways last month')).toMatchObject({ op: 'top', limit: 2, order: 'largest' });
  });
  it('"for may" followed by "so far" is still the month', () => {
    expect(p('fuel for may so far').periods.map((x) => x.label)).toEqual(['in May']);
  });
});

describe('a word for one occasion after a shop', () => {
  const withShops = { ...opts, isShop: (p: string) => { const w = p.split(' '); return findKnownTerms(w).some((k) => k.kind === 'merchant' && k.start === 0 && k.end === w.length); } };
  const subjectsOf = (q: string) => {
    const r = planNext(q, withShops);
    if (r.kind !== 'plan') throw new Error(`${q}: ${JSON.stringify(r)}`);
    return r.plan.filters.subjects;
  };
  it('a fare is the shop ("lyft fare" is Lyft), unless the whole is a name ("bus fare"); tickets are not', () => {
    expect(subjectsOf('average lyft fare this year')).toEqual(['lyft']);
    expect(subjectsOf('how much on bus fares this year')).toEqual(['bus fares']);
    expect(subjectsOf('all the yankees tickets i bought')).not.toEqual(['yankees']);
  });
});
