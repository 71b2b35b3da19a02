import { describe, expect, it } from 'vitest';
import { planQuestion, subjectChunks } from './plan.js';
import type { QueryPlan } from './types.js';

const settings = { weekStartsOn: 1 as const, dayFirst: true, currency: 'INR' };
const today = '2026-01-15';

function plan(text: string, previous: QueryPlan | null = null): QueryPlan {
  const r = planQuestion(text, { today, settings, previous });
  if (r.kind === 'none') throw new Error(`no plan for "${text}"`);
  return r.plan;
}
const span = (p: QueryPlan) => p.periods.map((x) => `${x.from}..${x.to}`).join(' | ') || 'all';
const what = (p: QueryPlan) => [...p.filters.categories.map((c) => c.primary), ...p.filters.subjects].join(',');

describe('planQuestion: operations, periods and subjects', () => {
  const cases: [string, QueryPlan['op'], string, string][] = [
    ['Total spent on food since Monday?', 'sum', '2026-01-12..2026-01-15', 'food'],
    ['How much went to transport in December?', 'sum', '2025-12-01..2025-12-31', 'transport'],
    ['Spend on fizzy drinks this month?', 'sum', '2026-01-01..2026-01-15', 'fizzy drinks'],
    ['How much did I pay Rapido last week?', 'sum', '2026-01-05..2026-01-11', 'rapido'],
    ["What was yesterday's total?", 'sum', '2026-01-14..2026-01-14', ''],
    ['Sum of all expenses on Jan 2?', 'sum', '2026-01-02..2026-01-02', ''],
    ['Hotstar pe total kitna gaya?', 'sum', 'all', 'hotstar'],
    ['iss week ka total batao', 'sum', '2026-01-12..2026-01-15', ''],
    ['Money spent at Cafe Coffee Day this month?', 'sum', '2026-01-01..2026-01-15', 'cafe coffee day'],
    ['Rank my 3 largest expenses from December', 'top', '2025-12-01..2025-12-31', ''],
    ['Which single ration run cost the most this month?', 'top', '2026-01-01..2026-01-15', 'ration'],
    ['Biggest single expense last week?', 'top', '2026-01-05..2026-01-11', ''],
    ['Show every health expense in December', 'list', '2025-12-01..2025-12-31', 'health'],
    ['list my Rapido rides this month', 'list', '2026-01-01..2026-01-15', 'rapido'],
    ['How many times did I buy tender coconut in January?', 'count', '2026-01-01..2026-01-15', 'tender coconut'],
    ['Per-day average spending in December?', 'average', '2025-12-01..2025-12-31', ''],
    ['Compare entertainment: December vs this month', 'compare', '2025-12-01..2025-12-31 | 2026-01-01..2026-01-15', 'entertainment'],
    ['Which fizzy drinks have I had?', 'list', 'all', 'fizzy drinks'],
    ['Have I bought any painkillers?', 'list', 'all', 'painkillers'],
    ['Anything spent on the scooter?', 'sum', 'all', 'scooter'],
    ['is mahine khane pe kitna kharch hua?', 'sum', '2026-01-01..2026-01-15', 'food'],
    ['last mahine ka total?', 'sum', '2025-12-01..2025-12-31', ''],
    ['jan ka total?', 'sum', '2026-01-01..2026-01-15', ''],
    ['What kind of soft drinks did I drink?', 'kinds', 'all', 'soft drinks'],
    ['how much on coffee this month?', 'sum', '2026-01-01..2026-01-15', 'coffee'],
    ['how much did I spend on uber last week', 'sum', '2026-01-05..2026-01-11', 'uber'],
    ['total petrol kharcha pichle mahine', 'sum', '2025-12-01..2025-12-31', 'petrol'],
    ['kitna kharcha hua aaj', 'sum', '2026-01-15..2026-01-15', ''],
    ['how much have I spent on groceries since 1st jan', 'sum', '2026-01-01..2026-01-15', 'groceries'],
    ['what did I spend between jan 2 and jan 5', 'sum', '2026-01-02..2026-01-05', ''],
    ['top 5 expenses this year', 'top', '2026-01-01..2026-01-15', ''],
    ['my biggest expenses in december', 'top', '2025-12-01..2025-12-31', ''],
    ['cheapest lunch last week', 'top', '2026-01-05..2026-01-11', 'lunch'],
    ['how many times did I order from swiggy this month', 'count', '2026-01-01..2026-01-15', 'swiggy'],
    ['kitni baar chai pi is hafte', 'count', '2026-01-12..2026-01-15', 'chai'],
    ['average daily spend last month', 'average', '2025-12-01..2025-12-31', ''],
    ['monthly average on rent this year', 'average', '2026-01-01..2026-01-15', 'rent'],
    ['food vs transport this month', 'compare', '2026-01-01..2026-01-15', ''],
    ['this month vs last month', 'compare', '2026-01-01..2026-01-15 | 2025-12-01..2025-12-31', ''],
    ['am I spending more than last month?', 'compare', '2025-12-01..2025-12-31 | 2026-01-01..2026-01-15', ''],
    ['breakdown by category last month', 'breakdown', '2025-12-01..2025-12-31', ''],
    ['where did my money go this month?', 'breakdown', '2026-01-01..2026-01-15', ''],
    ['spending by merchant in december', 'breakdown', '2025-12-01..2025-12-31', ''],
    ['list my expenses on new year\'s eve', 'list', '2025-12-31..2025-12-31', ''],
    ['what did I spend on tuesday?', 'sum', '2026-01-13..2026-01-13', ''],
    ['show expenses over 1000 last month', 'list', '2025-12-01..2025-12-31', ''],
    ['How much did I spend?', 'sum', '2026-01-01..2026-01-15', ''],
    ['total spent on health and transport in december', 'sum', '2025-12-01..2025-12-31', 'health,transport'],
    ['how much did the goa trip cost', 'sum', 'all', 'goa'],
    ['mera total kharcha is saal', 'sum', '2026-01-01..2026-01-15', ''],
    ['Netflix pe kitna gaya last 3 months', 'sum', '2025-10-16..2026-01-15', 'netflix'],
    ['how much went on beer in the last 7 days', 'sum', '2026-01-09..2026-01-15', 'beer'],
    ['spent on 7up this week?', 'sum', '2026-01-12..2026-01-15', '7up'],
  ];
  for (const [q, op, when, subj] of cases) {
    it(q, () => {
      const p = plan(q);
      expect(p.op).toBe(op);
      expect(span(p)).toBe(when);
      expect(what(p)).toBe(subj);
    });
  }

  it('assumes this month, and says so, when a plain total names no period', () => {
    expect(plan('How much did I spend?').periodAssumed).toBe(true);
    expect(plan('total spent this month').periodAssumed).toBe(false);
  });

  it('reads top N and its default', () => {
    expect(plan('Rank my 3 largest expenses from December').limit).toBe(3);
    expect(plan('top 10 expenses last month').limit).toBe(10);
    expect(plan('biggest expense yesterday').limit).toBe(1);
    expect(plan('biggest expenses this week').limit).toBe(5);
    expect(plan('cheapest lunch last week').order).toBe('smallest');
  });

  it('reads amount bounds and currency', () => {
    const p = plan('show expenses over 1000 last month');
    expect(p.filters.minAmount).toBe(1000);
    expect(plan('expenses under 1.5k this week').filters.maxAmount).toBe(1500);
    expect(plan('how much did I spend in dollars this year').filters.currency).toBe('USD');
  });

  it('reads average units', () => {
    expect(plan('average per day in december').averagePer).toBe('day');
    expect(plan('weekly average spend this month').averagePer).toBe('week');
    expect(plan('average per month on food this year').averagePer).toBe('month');
    expect(plan('average cost per coffee this month').averagePer).toBe('expense');
  });

  it('splits comparison sides', () => {
    const p = plan('compare food vs transport in december');
    expect(p.versus.map((v) => v.categories.map((c) => c.primary))).toEqual([['food'], ['transport']]);
    expect(span(p)).toBe('2025-12-01..2025-12-31');
  });

  it('reads breakdown keys', () => {
    expect(plan('breakdown by category last month').breakdownBy).toBe('category');
    expect(plan('spending by merchant in december').breakdownBy).toBe('merchant');
    expect(plan('day by day spending this week').breakdownBy).toBe('day');
  });
});

describe('planQuestion: what it cannot plan', () => {
  for (const q of ['what is the capital of france', 'hello', 'who won the match yesterday', 'tell me a joke', '']) {
    it(`"${q}"`, () => expect(planQuestion(q, { today, settings }).kind).toBe('none'));
  }
});

describe('planQuestion: follow-ups reuse the last plan', () => {
  const base = plan('how much on food this month?');
  it('"and last month?" changes the period only', () => {
    const p = plan('and last month?', base);
    expect(p.op).toBe('sum');
    expect(span(p)).toBe('2025-12-01..2025-12-31');
    expect(what(p)).toBe('food');
  });
  it('"what about transport?" changes the subject only', () => {
    const p = plan('what about transport?', base);
    expect(span(p)).toBe('2026-01-01..2026-01-15');
    expect(what(p)).toBe('transport');
  });
  it('"in December?" alone changes the period', () => {
    expect(span(plan('in December?', base))).toBe('2025-12-01..2025-12-31');
  });
  it('"only Swiggy" narrows', () => {
    const p = plan('only Swiggy', base);
    expect(what(p)).toBe('food');
    expect(p.filters.within).toEqual(['swiggy']);
  });
  it('"show all" / "show them" / "show more" return the previous plan as a list', () => {
    for (const t of ['show all', 'show them', 'show more', 'Show all please', 'list them', 'sab dikhao']) {
      const r = planQuestion(t, { today, settings, previous: base });
      expect(r.kind, t).toBe('show_all');
    }
  });
  it('keeps a ranking a ranking', () => {
    const top = plan('top 3 expenses in december');
    const p = plan('and last week?', top);
    expect(p.op).toBe('top');
    expect(p.limit).toBe(3);
  });
  it('a full new question is not a follow-up', () => {
    const p = plan('how many times did I buy chai last week', base);
    expect(p.op).toBe('count');
    expect(what(p)).toBe('chai');
  });
  it('fragments without a previous plan cannot be planned', () => {
    expect(planQuestion('and last month?', { today, settings }).kind).toBe('none');
    // "show all" with nothing before it lists this month.
    const r = planQuestion('show all', { today, settings });
    expect(r.kind === 'plan' && r.plan.op === 'list' && r.plan.periodAssumed).toBe(true);
  });
});

describe('subjectChunks', () => {
  it('drops glue words and trailing generic nouns', () => {
    expect(subjectChunks('list my rapido rides')).toEqual(['rapido']);
    expect(subjectChunks('which single ration run cost')).toEqual(['ration']);
    expect(subjectChunks('money spent at cafe coffee day')).toEqual(['cafe coffee day']);
    expect(subjectChunks('spent on food and transport')).toEqual(['food', 'transport']);
    expect(subjectChunks('how much on 7 up')).toEqual(['7 up']);
  });
});

describe('planQuestion: more phrasings', () => {
  it('reads "more … than" as a comparison of two periods', () => {
    const p = plan('How much more did I spend in December than this month?');
    expect(p.op).toBe('compare');
    expect(span(p)).toBe('2025-12-01..2025-12-31 | 2026-01-01..2026-01-15');
  });
  it('keeps "more than 500" an amount bound', () => {
    const p = plan('expenses more than 500 this month');
    expect(p.op).not.toBe('compare');
    expect(p.filters.minAmount).toBe(500);
  });
  it('reads exclusions', () => {
    expect(plan('total this month excluding rent').filters.exclude).toEqual(['rent']);
    expect(plan('how much did I spend last month without housing').filters.exclude).toEqual(['housing']);
    expect(plan('is mahine rent ke alawa kitna kharcha hua').filters.exclude).toEqual(['rent']);
  });
  it('reads "X at Y" as both', () => {
    const p = plan('how much on coffee at ccd this month');
    expect(p.filters.subjects).toEqual(['coffee']);
    expect(p.filters.within).toEqual(['ccd']);
    const q = plan('how much on food and transport');
    expect(q.filters.within).toEqual([]);
  });
  it('compares two subjects joined by "and"', () => {
    const p = plan('compare transport and food in december');
    expect(p.versus.map((v) => v.categories.map((c) => c.primary))).toEqual([['transport'], ['food']]);
  });
});
