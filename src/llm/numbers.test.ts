/** The amount-in-message check and the rephrasing guard: every way people write a figure. */
import { describe, expect, it } from 'vitest';
import { languageContext } from '../language/context.js';
import { amountAppears, amountsInText, numbersIn, sameNumbers } from './numbers.js';

const lc = languageContext({ now: new Date('2026-01-15T14:00:00Z'), timeZone: 'Asia/Kolkata', currency: 'INR' });

describe('amountAppears', () => {
  it.each([
    [20, 'chai 20'],
    [1200, 'kal petrol 1.2k'],
    [1640, 'reliance smart ration ₹1,640'],
    [100000, 'laptop 1,00,000'],
    [200000, 'car repair 2 lakh'],
    [12.5, '12.5 USD for an ebook'],
    [600, 'manicure 600/-'],
    [250, 'paid two hundred and fifty for the cab'],
    [100, 'a hundred for parking'],
    [200, 'do sau ka petrol'],
    [1500, 'dedh hazaar ka kurta'],
    [500, 'paanch sau diye auto wale ko'],
    [20000, 'rent advance 20k'],
    [700, 'budweiser 2 pints 700'],
    [2, 'budweiser 2 pints 700'],
    [40, '3 coffees @ 40 each'],
    [120, '3 coffees @ 40 each'],
    [5, 'top 5 expenses'],
  ])('finds %d in %j', (amount, text) => {
    expect(amountAppears(amount, text, lc)).toBe(true);
  });

  it.each([
    [500, 'chai 20'],
    [20, 'kal petrol 1.2k'],
    [1, 'a coffee at ccd'],
    [2, 'do you know the total'],
    [7000, 'budweiser 2 pints 700'],
    [30, 'coffee with friends'],
    [4521, 'order #4521 for 300'],
    [13, '13 jan petrol 300'],
  ])('rejects the invented %d for %j', (amount, text) => {
    expect(amountAppears(amount, text, lc)).toBe(false);
  });

  it('lists amounts as the money grammar reads them: scaled, and never a label', () => {
    expect(amountsInText('petrol 1.2k', lc)).toEqual([1200]);
    expect(amountsInText('order #4521 for 300', lc)).toEqual([300]);
  });
});

describe('sameNumbers', () => {
  it('accepts a rephrasing with the same figures', () => {
    expect(sameNumbers('₹1,250 · 9 expenses · Jan 2026', 'You spent ₹1250 across 9 expenses in Jan 2026.')).toBe(true);
    expect(sameNumbers('Total: ₹1,250.50', 'That comes to ₹1,250.50 in all')).toBe(true);
  });

  it('rejects a changed, dropped or invented figure', () => {
    expect(sameNumbers('₹1,250 · 9 expenses', 'You spent ₹1,205 across 9 expenses')).toBe(false);
    expect(sameNumbers('₹1,250 · 9 expenses', 'You spent ₹1,250')).toBe(false);
    expect(sameNumbers('₹1,250', 'You spent ₹1,250, about 40 a day')).toBe(false);
    expect(sameNumbers('₹1,250.50', '₹1,250')).toBe(false);
  });

  it('reads Indian and western grouping the same way', () => {
    expect(numbersIn('₹1,00,000 and $1,000,000.25')).toEqual([100000, 1000000.25]);
  });
});
