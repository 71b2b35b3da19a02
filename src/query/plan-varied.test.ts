import { describe, expect, it } from 'vitest';
import { planQuestion } from './plan.js';
import type { QueryPlan } from './types.js';

// Forty questions in many phrasings (English, Hinglish, terse, colloquial), written to probe the
// planner beyond the sets it was tuned on. Each row: question, op, span, subjects (+within), extra.
const settings = { weekStartsOn: 1 as const, dayFirst: true, currency: 'INR' };
const today = '2026-01-15';
const DEC = '2025-12-01..2025-12-31';
const JAN = '2026-01-01..2026-01-15';

function plan(text: string): QueryPlan {
  const r = planQuestion(text, { today, settings });
  if (r.kind === 'none') throw new Error(`no plan for "${text}"`);
  return r.plan;
}
const span = (p: QueryPlan) => p.periods.map((x) => `${x.from ?? ''}..${x.to ?? ''}`).join(' | ') || 'all';
const what = (p: QueryPlan) => [...p.filters.categories.map((c) => c.primary), ...p.filters.subjects, ...p.filters.within.map((w) => `+${w}`)].join(',');
const extra = (p: QueryPlan) => [
  p.filters.currency ?? '', p.filters.minAmount ?? '', p.versus.map((v) => [...v.categories.map((c) => c.primary), ...v.subjects].join('+')).join(' vs '),
  p.averagePer ?? '', p.breakdownBy ?? '', p.limit ?? '', p.order === 'smallest' ? 'smallest' : '',
].filter((x) => x !== '').join(' ');

const cases: [string, QueryPlan['op'], string, string, string][] = [
  ['how much did chai cost me last week', 'sum', '2026-01-05..2026-01-11', 'chai', ''],
  ['paani puri pe kitna udaya is mahine', 'sum', JAN, 'paani puri', ''],
  ['total for amazon orders in december', 'sum', DEC, 'amazon', ''],
  ['what was my biggest splurge this year', 'top', JAN, '', '1'],
  ['show me every zomato order since 1 jan', 'list', JAN, 'zomato', ''],
  ['kitne ka petrol bharwaya last month', 'sum', DEC, 'petrol', ''],
  ['did I pay the wifi bill this month?', 'sum', JAN, 'wifi bill', ''],
  ['how often do I take rapido', 'count', 'all', 'rapido', ''],
  ["what's the damage for swiggy this week", 'sum', '2026-01-12..2026-01-15', 'swiggy', ''],
  ['electricity bill kitna aaya december mein', 'sum', DEC, 'electricity bill', ''],
  ['how much did I shell out on clothes in nov', 'sum', '2025-11-01..2025-11-30', 'clothes', ''],
  ['list cab rides over 500', 'list', 'all', 'cab', '500'],
  ['top 3 food expenses ever', 'top', 'all', 'food', '3'],
  ['cheapest movie ticket', 'top', 'all', 'movie ticket', '1 smallest'],
  ['compare uber and ola in december', 'compare', DEC, '', 'uber vs ola'],
  ['rent vs groceries last month', 'compare', DEC, '', 'rent vs groceries'],
  ['how much more did I spend on food in december than november', 'compare', `${DEC} | 2025-11-01..2025-11-30`, 'food', ''],
  ["breakdown of last week's spending by category", 'breakdown', '2026-01-05..2026-01-11', '', 'category'],
  ['which shops did I spend the most at this month', 'breakdown', JAN, '', 'merchant'],
  ['give me a summary of yesterday', 'breakdown', '2026-01-14..2026-01-14', '', 'category'],
  ['spend on dining out in dec', 'sum', DEC, 'dining out', ''],
  ['what did I buy at dmart', 'list', 'all', 'dmart', ''],
  ['kitni baar gym gaya is mahine', 'count', JAN, 'gym', ''],
  ['how many coffees did I have this week', 'count', '2026-01-12..2026-01-15', 'coffees', ''],
  ['total euro spend on the paris trip', 'sum', 'all', 'paris', 'EUR'],
  ['monthly average on groceries', 'average', 'all', 'groceries', 'month'],
  ['avg cost per uber ride last month', 'average', DEC, 'uber', 'expense'],
  ['mere sabse bade 5 kharche', 'top', JAN, '', '5'],
  ['what did the dentist cost me', 'sum', 'all', 'dentist', ''],
  ['any flights booked in december?', 'list', DEC, 'flights', ''],
  ['how much tip did I pay?', 'sum', 'all', 'tip', ''],
  ['did I buy anything from ikea', 'list', 'all', 'ikea', ''],
  ['sum up my travel costs', 'sum', 'all', 'travel', ''],
  ['how much for the haircut last saturday', 'sum', '2026-01-10..2026-01-10', 'haircut', ''],
  ['what did I spend on 14th jan', 'sum', '2026-01-14..2026-01-14', '', ''],
  ['transport kharcha pichhle hafte vs is hafte', 'compare', '2026-01-05..2026-01-11 | 2026-01-12..2026-01-15', 'transport', ''],
  ['total gifts given so far', 'sum', 'all', 'gifts', ''],
  ['how much on medicines till today', 'sum', '..2026-01-15', 'medicines', ''],
  ['food ka average per day last week', 'average', '2026-01-05..2026-01-11', 'food', 'day'],
  ['how many times did I eat out in december', 'count', DEC, 'eating out', ''],
  ['costliest cab ride', 'top', 'all', 'cab', '1'],
  ['how much did I spend on food and drinks this month', 'sum', JAN, 'food', ''],
  ['uber rides this week', 'sum', '2026-01-12..2026-01-15', 'uber', ''],
  ['kya kya khareeda amazon se', 'list', 'all', 'amazon', ''],
  ['kitne dollar kharch kiye', 'sum', 'all', '', 'USD'],
  ['what did I blow on booze in december', 'sum', DEC, 'booze', ''],
  ['last 5 expenses', 'list', 'all', '', '5'],
  ['my last 3 swiggy orders', 'list', 'all', 'swiggy', '3'],
  ['when did I last buy petrol', 'list', 'all', 'petrol', '1'],
  ['pichle 4 kharche dikhao', 'list', 'all', '', '4'],
  ['did I spend more on food or transport in december?', 'compare', DEC, '', 'food vs transport'],
  ['which is more, rent or food?', 'compare', 'all', '', 'rent vs food'],
  ['electricity + water bills in december', 'sum', DEC, 'electricity,water bills', ''],
  ['how much did I spend on my phone bill', 'sum', 'all', 'phone bill', ''],
  ['kal ka hisaab', 'sum', '2026-01-14..2026-01-14', '', ''],
  ['hisaab batao december ka', 'sum', DEC, '', ''],
  ['where did most of my money go in december', 'breakdown', DEC, '', 'category'],
  ['what percentage went to food this month', 'breakdown', JAN, '', 'category'],
  ["uber's share of my spending this month", 'breakdown', JAN, '', 'merchant'],
  ['expenses of 500 or more last week', 'sum', '2026-01-05..2026-01-11', '', '500'],
  ['Show me what I spent on Christmas day', 'sum', '2025-12-25..2025-12-25', '', ''],
  ['how much have I spent on Amazon since Diwali', 'sum', '2025-10-20..2026-01-15', 'amazon', ''],
  ['holi pe kitna kharcha', 'sum', '2025-03-14..2025-03-14', '', ''],
  ['kitne paise gaye uber pe', 'sum', 'all', 'uber', ''],
  ['Ola pe kitne rupaye lage', 'sum', 'all', 'ola', ''],
  ['top spending category this month', 'breakdown', JAN, '', 'category'],
  ['is mahine sabse zyada kharcha kis cheez pe hua', 'breakdown', JAN, '', 'category'],
  ['biggest day of spending in december', 'breakdown', DEC, '', 'day'],
  ["what's my most frequent expense in december", 'kinds', DEC, '', ''],
  ['monthly spend on subscriptions', 'average', 'all', 'subscriptions', 'month'],
  ['average cost of a movie outing', 'average', 'all', 'movie outing', 'expense'],
  ['how much did I give as gifts in december', 'sum', DEC, 'gifts', ''],
  ['how much did I lose to late fees', 'sum', 'all', 'late fees', ''],
  ['name my three priciest purchases', 'top', JAN, '', '3'],
  ['top five swiggy orders', 'top', 'all', 'swiggy', '5'],
  ['food in the last two weeks', 'sum', '2026-01-02..2026-01-15', 'food', ''],
  ['kitni baar bahar khana khaya december mein', 'count', DEC, 'eating out', ''],
  ['what do I spend on food in a typical week', 'average', 'all', 'food', 'week'],
  ['usual month ka kharcha kitna hai', 'average', 'all', '', 'month'],
  ['top 3 december expenses', 'top', DEC, '', '3'],
  ['biggest 2 jan expenses', 'top', JAN, '', '2'],
  ['entertainment: this month vs last', 'compare', `${JAN} | ${DEC}`, 'entertainment', ''],
  ['food last week or this?', 'compare', '2026-01-05..2026-01-11 | 2026-01-12..2026-01-15', 'food', ''],
  ['how much less did I spend on entertainment this month', 'compare', `${JAN} | ${DEC}`, 'entertainment', ''],
  ['did entertainment go up or down vs december', 'compare', `${DEC} | ${JAN}`, 'entertainment', ''],
  ['has my food spending increased since last month?', 'compare', `${DEC} | ${JAN}`, 'food', ''],
  ['what did I spend on my two-wheeler', 'sum', 'all', 'two wheeler', ''],
  ['transport other than rapido', 'sum', 'all', 'transport', ''],
  ['the five costliest things in december', 'top', DEC, '', '5'],
  ['pichle mahine petrol pe kitna lagaa', 'sum', DEC, 'petrol', ''],
  ['aaj tak kitna kharch kiya', 'sum', 'all', '', ''],
  ['chai pe roz ka kitna', 'average', 'all', 'chai', 'day'],
  ['mahine ka average kharcha', 'average', 'all', '', 'month'],
  ['rapido ki kitni rides hui', 'count', 'all', 'rapido', ''],
  ['doctor visits', 'sum', 'all', 'doctor', ''],
  ['travel bookings', 'sum', 'all', 'travel', ''],
  ['netflix?', 'sum', 'all', 'netflix', ''],
  ['coffee at blue tokai?', 'sum', 'all', 'coffee,+blue tokai', ''],
];

describe('planQuestion: forty varied phrasings', () => {
  for (const [q, op, when, subj, more] of cases) {
    it(q, () => {
      const p = plan(q);
      expect([p.op, span(p), what(p), extra(p)]).toEqual([op, when, subj, more]);
    });
  }
  it('keeps comparing the same two sides when a follow-up changes only the period', () => {
    const first = plan('Ola vs Rapido, which cost more?');
    expect(span(first)).toBe('all');
    const r = planQuestion('and in december?', { today, settings, previous: first });
    if (r.kind !== 'plan') throw new Error('no plan');
    expect([r.plan.op, span(r.plan), extra(r.plan)]).toEqual(['compare', DEC, 'ola vs rapido']);
  });
  it('orders "the last N" newest first, and keeps "last month" a period', () => {
    expect(plan('last 5 expenses').order).toBe('newest');
    expect(plan('my last month spend').order).toBe('largest');
    expect(span(plan('my last month spend'))).toBe(DEC);
    expect(span(plan('last 3 days ka kharcha'))).toBe('2026-01-13..2026-01-15');
  });
  it('reads "second biggest" as one row at that rank', () => {
    const p = plan('second biggest expense in december');
    expect([p.op, p.limit, p.offset, span(p)]).toEqual(['top', 1, 1, DEC]);
    const c = plan('3rd cheapest uber ride');
    expect([p.op, c.limit, c.offset, c.order, what(c)]).toEqual(['top', 1, 2, 'smallest', 'uber']);
  });
  it('does not read chat with a period as a question without a "?" or a spend word', () => {
    expect(planQuestion('who won the match yesterday', { today, settings }).kind).toBe('none');
    expect(planQuestion('uber 250 yesterday', { today, settings }).kind).toBe('none');
    expect(planQuestion('hello there', { today, settings }).kind).toBe('none');
    expect(planQuestion('rohit owes me 500', { today, settings }).kind).toBe('none');
  });
});
