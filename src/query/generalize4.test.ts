import { describe, expect } from 'vitest';
import { planOf, today } from '../../test/support/plan.js';
import type { QueryPlan } from './types.js';
import { gapAware } from '../../test/support/gaps.js';

// Written for the v1 rules; they now test the language-layer planner (query/next). The cases it does not read
// yet (measured when v1 was removed) run as known gaps: they must still fail until it learns them.
const it = gapAware([
  "spent from new year",
  "ager mashe koto bar auto niyechi",
]);

// Phrasings of the general causes a third own question set (terse, chatty, Tamil/Bengali-English,
// days of the week) exposed; none of them is a line of that set.
const plan = (q: string, previous?: QueryPlan): QueryPlan => planOf(q, previous);

describe('cause 1: days of the week that recur over a stretch narrow it', () => {
  it.each([
    ['weekend spends in november', [0, 6], '2025-11-01', '2025-11-30'],
    ['how much did we spend on saturdays this month', [6], '2026-01-01', '2026-01-15'],
    ['sunday kharcha in december', [0], '2025-12-01', '2025-12-31'],
    ['weekday lunches since 1st dec', [1, 2, 3, 4, 5], '2025-12-01', '2026-01-15'],
    ['spent on fridays in the last 30 days', [5], '2025-12-17', '2026-01-15'],
    ['monday expenses last month', [1], '2025-12-01', '2025-12-31'],
  ])('%s', (q, days, from, to) => {
    const p = plan(q);
    expect(p.periods).toHaveLength(1);
    expect(p.periods[0]).toMatchObject({ from, to, weekdays: days });
  });
  it('a plural with no stretch narrows the assumed month, or all time for a subject', () => {
    expect(plan('spending on weekends?').periods[0]).toMatchObject({ from: '2026-01-01', to: today, weekdays: [0, 6] });
    expect(plan('uber on fridays').periods[0]).toMatchObject({ from: null, to: null, weekdays: [5] });
  });
  it.each(['last sunday', 'on tuesday', 'this weekend', 'last weekend', 'iss sunday', 'since monday'])('"%s" stays one day or one stretch', (t) => {
    expect(plan(`food ${t}`).periods[0]!.weekdays).toBeUndefined();
  });
  it('the reply names the days', () => {
    expect(plan('weekend food in december').periods[0]!.label).toMatch(/weekends/);
  });
});

describe('cause 2: "since new year" is the first of January', () => {
  it.each(['total since new year', 'spent from new year', "food since new year's day", 'uber after new year'])('%s', (q) => {
    const p = plan(q);
    expect(p.periods[0]!.to).toBe(today);
    expect(p.periods[0]!.from).toBe(q.includes('after') ? '2026-01-02' : '2026-01-01');
    expect(p.filters.subjects.join(' ')).not.toMatch(/year/);
  });
  it("new year's eve is still the 31st", () => {
    expect(plan("spent since new year's eve").periods[0]!.from).toBe('2025-12-31');
  });
});

describe('cause 3: Tamil-English and Bengali-English periods and question words', () => {
  it.each([
    ['indha masam food evvalavu?', 'sum', '2026-01-01', 'food'],
    ['pona maasam uber ku evlo selavu aachu', 'sum', '2025-12-01', 'uber'],
    ['ei mase swiggy te koto holo', 'sum', '2026-01-01', 'swiggy'],
    ['gato mashe groceries koto', 'sum', '2025-12-01', 'groceries'],
    ['ager mashe koto bar auto niyechi', 'count', '2025-12-01', 'auto'],
    ['intha vaaram petrol evlo', 'sum', '2026-01-12', 'petrol'],
  ])('%s', (q, op, from, what) => {
    const p = plan(q);
    expect(p.op).toBe(op);
    expect(p.periods[0]!.from).toBe(from);
    const names = [...p.filters.subjects, ...p.filters.categories.map((c) => c.primary)];
    expect(names).toEqual([what]);
  });
});

describe('cause 4: chatty fillers and verbs are not subjects', () => {
  it.each([
    ['hi munshi! quick question, I was wondering how much the cabs cost me in december, thanks', 'cabs'],
    ['feeling broke lol, how much did i end up burning on shopping this month?', 'shopping'],
    ['how many times did we fill diesel', 'diesel'],
    ['filled up petrol how often in december', 'petrol'],
    ['kaunsa flight sabse mehenga tha', 'flight'],
  ])('%s', (q, what) => {
    const p = plan(q);
    const names = [...p.filters.subjects, ...p.filters.categories.map((c) => c.primary)];
    expect(names.length).toBe(1);
    expect(names[0]).toContain(what === 'shopping' ? 'shopping' : what);
  });
});

describe('cause 5: a question that names "expenses" is whole, not a follow-up', () => {
  const prev: QueryPlan = {
    op: 'list', periods: [], periodAssumed: false,
    filters: { categories: [], subjects: ['pharmacy'], within: [], exclude: [], minAmount: null, maxAmount: null, currency: null },
    versus: [], averagePer: null, breakdownBy: null, order: 'largest', limit: null,
  };
  it.each(['friday expenses in december', 'purchases last week', 'weekend spends this month'])('%s', (q) => {
    const p = plan(q, prev);
    expect(p.filters.subjects).toEqual([]);
  });
});
