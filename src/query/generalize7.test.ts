import { describe, expect, it } from 'vitest';
import { categoryNamed, categoriesFor } from '../categories/index.js';
import { contextFromSettings } from '../language/context.js';
import { defaultConcepts, isConceptName } from './concepts.js';
import { planNext } from './next/plan.js';

// Round-7 causes of wrong answers, each checked on plans in other sentences than the sets'.
const plan = (q: string, locale = 'en-US', currency = 'USD', timeZone = 'America/New_York') => {
  const language = contextFromSettings(new Date('2026-08-20T15:00:00Z'), { timeZone, currency, locale, dayFirst: locale !== 'en-US', weekStartsOn: 1 }, true);
  const cats = categoriesFor(language.pack.regions);
  const r = planNext(q, {
    language, categoryNamed, isThing: cats.isKnownWord,
    isTerm: (p) => cats.findKnownTerms(p.split(' ')).length > 0,
    isName: (p) => { const w = p.split(' '); return cats.findKnownTerms(w).some((k) => k.start === 0 && k.end === w.length) || isConceptName(p); },
    isConcept: (p) => defaultConcepts(language.pack.regions).resolve(p)?.via === 'category',
    isShop: (p) => { const w = p.split(' '); return cats.findKnownTerms(w).some((k) => k.kind === 'merchant' && k.start === 0 && k.end === w.length); },
  });
  if (r.kind !== 'plan') throw new Error(`${q}: ${JSON.stringify(r)}`);
  return r.plan;
};
const india = (q: string) => plan(q, 'en-IN', 'INR', 'Asia/Kolkata');

describe('months named together', () => {
  it('"+", "plus" and a spoken "n" join two months into one stretch', () => {
    expect(plan('water bill june + july').periods).toEqual([{ from: '2026-06-01', to: '2026-07-31', label: 'in June and in July' }]);
    expect(plan('groceries march plus april?').periods[0]).toMatchObject({ from: '2026-03-01', to: '2026-04-30' });
    expect(plan('coffee june n july').periods[0]).toMatchObject({ from: '2026-06-01', to: '2026-07-31' });
  });
  it('"for may" ending a question is the month; "may" before a verb is not', () => {
    expect(plan('internet for may').periods[0]).toMatchObject({ from: '2026-05-01', to: '2026-05-31' });
    expect(plan('total for may?').periods[0]).toMatchObject({ from: '2026-05-01', to: '2026-05-31' });
    expect(plan('what did i spend for may i know').periods[0]).toMatchObject({ label: 'this month' });
  });
});

describe('categories joined by a spoken "n"', () => {
  it('are either of them; two things joined by "n" stay one thing', () => {
    for (const q of ['gifts n donations last month', 'gifts & donations last month']) {
      const f = plan(q).filters;
      expect([f.categories.map((c) => c.primary), f.subjects, f.examples]).toEqual([['gifts'], ['donations'], true]);
    }
    expect(plan('health n fitness in july?').filters.subjects).toEqual(['fitness']);
    expect(plan('mac n cheese last month').filters.subjects).toEqual(['mac n cheese']);
  });
});

describe('kinds people ask about by name', () => {
  it('a question with no question word about a kind is still a question', () => {
    expect(plan('shellfish we have had?').filters.subjects).toEqual(['shellfish']);
  });
  it('"late fees" keeps the word that makes it a kind, and what happened to the asker is glue', () => {
    expect(plan('show the late fees we got stung with').filters.subjects).toEqual(['late fees']);
  });
});
