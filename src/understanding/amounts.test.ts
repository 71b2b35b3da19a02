import { describe, expect, it } from 'vitest';
import { readPieces, type NumPiece } from './amounts.js';
import { sanitize, tokenize } from './text.js';

const nums = (s: string, cur = 'INR'): NumPiece[] =>
  readPieces(tokenize(sanitize(s)), cur).filter((p): p is NumPiece => p.kind === 'num');
const money = (s: string, cur = 'INR'): Array<[number, string | null]> =>
  nums(s, cur).filter((n) => !n.qty && !n.bad).map((n) => [n.value, n.currency]);

describe('readPieces: amounts', () => {
  it.each([
    ['chai 20', 20, null],
    ['₹1,640', 1640, 'INR'],
    ['rs 40', 40, 'INR'],
    ['Rs. 18,000', 18000, 'INR'],
    ['rs500', 500, 'INR'],
    ['500rs', 500, 'INR'],
    ['20 rupees', 20, 'INR'],
    ['20 rupaye', 20, 'INR'],
    ['600/-', 600, 'INR'],
    ['1,00,000', 100000, null],
    ['12,50,000', 1250000, null],
    ['1,250', 1250, null],
    ['56.50', 56.5, null],
    ['1.2k', 1200, null],
    ['1.15k', 1150, null],
    ['2k', 2000, null],
    ['2 K', 2000, null],
    ['1.5 lakh', 150000, null],
    ['2 lac', 200000, null],
    ['2L', 200000, null],
    ['3 crore', 30000000, null],
    ['5 hazaar', 5000, null],
    ['5 sau', 500, null],
    ['$5', 5, 'USD'],
    ['12.5 USD', 12.5, 'USD'],
    ['€4.50', 4.5, 'EUR'],
    ['£8', 8, 'GBP'],
    ['18 bucks', 18, 'USD'],
    ['45 EUR', 45, 'EUR'],
    ['AED 45', 45, 'AED'],
    ['3.5 gbp', 3.5, 'GBP'],
    ['20₹', 20, 'INR'],
    ['INR 900', 900, 'INR'],
    ['fifty', 50, null],
    ['twenty five', 25, null],
    ['two hundred and fifty', 250, null],
    ['one thousand two hundred', 1200, null],
    ['a hundred', 100, null],
    ['paanch sau', 500, null],
    ['dedh sau', 150, null],
    ['dhai sau', 250, null],
    ['do hazaar', 2000, null],
    ['saade teen sau', 350, null],
    ['do hazaar paanch sau', 2500, null],
    ['sava sau', 125, null],
  ])('%s -> %d %s', (text, value, cur) => {
    expect(money(text)).toEqual([[value, cur]]);
  });

  it('reads a dollar as the owner dollar when the owner counts in one', () => {
    expect(money('$5', 'SGD')).toEqual([[5, 'SGD']]);
    expect(money('rs 50', 'PKR')).toEqual([[50, 'PKR']]);
  });

  it('marks units, x-counts and percentages as quantities', () => {
    expect(nums('2 kg tomatoes 80').map((n) => n.qty)).toEqual([true, false]);
    expect(nums('tomatoes 2kg 80').map((n) => n.qty)).toEqual([true, false]);
    expect(nums('budweiser 2 pints 700').map((n) => n.qty)).toEqual([true, false]);
    expect(nums('coke x2 80').map((n) => n.qty)).toEqual([true, false]);
    expect(nums('coke 2x 80').map((n) => n.qty)).toEqual([true, false]);
    expect(nums('20% off').map((n) => n.qty)).toEqual([true]);
    expect(nums('1 litre milk 64').map((n) => n.qty)).toEqual([true, false]);
    expect(nums('2l milk 120').map((n) => n.qty)).toEqual([true, false]);
  });

  it('multiplies a count by a price written with x', () => {
    expect(money('cappuccino 2x190')).toEqual([[380, null]]);
    expect(money('190 x 2')).toEqual([[380, null]]);
    expect(money('3*40')).toEqual([[120, null]]);
  });

  it('flags numbers that must never become an amount', () => {
    expect(nums('-500').map((n) => n.bad)).toEqual([true]);
    expect(nums('1e309').some((n) => n.bad)).toBe(true);
    expect(nums('chai 0').map((n) => n.bad)).toEqual([true]);
    expect(nums('999999999999').map((n) => n.bad)).toEqual([true]);
    expect(nums('chai-20').map((n) => n.bad)).toEqual([false]);
    expect(nums('chai - 20').map((n) => n.bad)).toEqual([false]);
  });

  it('keeps "do" and "one" as words when no number phrase follows', () => {
    const p = readPieces(tokenize(sanitize('do it')), 'INR');
    expect(p.every((x) => x.kind === 'word')).toBe(true);
  });

  it('splits a list written with commas but no spaces', () => {
    expect(money('milk 60,bread 40')).toEqual([[60, null], [40, null]]);
  });
});
