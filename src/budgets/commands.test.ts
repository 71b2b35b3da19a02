import { describe, expect, it } from 'vitest';
import { parseBudgetCommand } from './commands.js';
import { parseMoney, parseScope } from './phrases.js';

describe('parseMoney', () => {
  it.each([
    ['8000', 800000, 'INR'], ['8k', 800000, 'INR'], ['8,000', 800000, 'INR'], ['1.5k', 150000, 'INR'],
    ['₹18,000', 1800000, 'INR'], ['rs 500', 50000, 'INR'], ['1.2 lakh', 12000000, 'INR'], ['$200', 20000, 'USD'],
    ['649.50', 64950, 'INR'], ['18000/-', 1800000, 'INR'], ['300 usd', 30000, 'USD'],
  ])('%s', (t, minor, cur) => expect(parseMoney(t, 'INR')).toEqual({ amountMinor: minor, currency: cur }));
  it('refuses non-amounts', () => {
    expect(parseMoney('lots', 'INR')).toBeNull();
    expect(parseMoney('0', 'INR')).toBeNull();
    expect(parseMoney('5 xyz', 'INR')).toBeNull();
  });
  it('keeps a dollar-currency owner in their dollars', () => expect(parseMoney('$20', 'SGD')!.currency).toBe('SGD'));
  it('reads amounts with the one money grammar: words, magnitudes and the owner\'s decimal mark', () => {
    expect(parseMoney('2 grand', 'USD')).toEqual({ amountMinor: 200000, currency: 'USD' });
    expect(parseMoney('do hazaar', 'INR')).toEqual({ amountMinor: 200000, currency: 'INR' });
    expect(parseMoney('12,50 €', 'EUR')).toEqual({ amountMinor: 1250, currency: 'EUR' });
    expect(parseMoney('order 4521', 'INR')).toBeNull();
  });
});

describe('parseScope', () => {
  it.each([
    ['food', 'food', null], ['Food', 'food', null], ['coffee', 'food', 'coffee'], ['eating out', 'food', 'restaurant'],
    ['petrol', 'transport', 'fuel'], ['groceries', 'food', 'groceries'], ['rent', 'housing', 'rent'], ['fees', 'fees', null],
    ['personal care', 'personal_care', null], ['restaurants', 'food', 'restaurant'], ['movie', 'entertainment', 'movies'],
  ])('%s', (t, p, d) => expect(parseScope(t)).toEqual({ category: p, detail: d }));
  it('does not guess', () => expect(parseScope('spaceships')).toBeNull());
});

describe('parseBudgetCommand', () => {
  const p = (t: string) => parseBudgetCommand(t, 'INR');
  it('sets budgets in several phrasings', () => {
    expect(p('set food budget 8000 a month')).toEqual({ kind: 'set', scope: { category: 'food', detail: null }, money: { amountMinor: 800000, currency: 'INR' }, period: 'month' });
    expect(p('Coffee budget 2k weekly')).toMatchObject({ kind: 'set', scope: { category: 'food', detail: 'coffee' }, money: { amountMinor: 200000 }, period: 'week' });
    expect(p('set budget for transport to 5000 per month')).toMatchObject({ kind: 'set', scope: { category: 'transport' }, period: 'month' });
    expect(p('set monthly budget 30000')).toMatchObject({ kind: 'set', scope: { category: null }, money: { amountMinor: 3000000 } });
    expect(p('set weekly budget ₹5,000')).toMatchObject({ kind: 'set', scope: { category: null }, period: 'week' });
    expect(p('total budget 40k')).toMatchObject({ kind: 'set', scope: { category: null } });
    expect(p('budget for groceries 6000')).toMatchObject({ kind: 'set', scope: { category: 'food', detail: 'groceries' }, money: { amountMinor: 600000 } });
  });
  it('lists and removes', () => {
    for (const t of ['budgets?', 'budget', 'my budgets', 'show budgets', 'budget status', 'how are my budgets?']) expect(p(t)).toEqual({ kind: 'list' });
    expect(p('remove food budget')).toEqual({ kind: 'remove', scope: { category: 'food', detail: null } });
    expect(p('delete the budget for coffee')).toEqual({ kind: 'remove', scope: { category: 'food', detail: 'coffee' } });
  });
  it('declines ordinary expenses, answers unclear commands', () => {
    expect(p('chai 20')).toBeNull();
    expect(p('budget hotel 2000')).toBeNull();
    expect(p('spaceship budget 100')).toBeNull();
    expect(p('set spaceship budget 100')).toEqual({ kind: 'unclear', reason: 'category', words: 'spaceship' });
    expect(p('set food budget')).toMatchObject({ kind: 'unclear', reason: 'amount' });
  });
});
